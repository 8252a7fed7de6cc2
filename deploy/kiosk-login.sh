#!/bin/sh
# Login shell of the kiosk user, for the getty autologin way (deploy/systemd/getty@tty1.service.d/autologin.conf).
# Install: install -m 0755 deploy/kiosk-login.sh /usr/local/bin/gemilang-kiosk-login
#          usermod --shell /usr/local/bin/gemilang-kiosk-login kiosk
# There is no shell behind it: when the kiosk stops, the session ends and getty starts it again.
export LANG=C.UTF-8
export GEMILANG_CONFIG=/etc/gemilang-tui/config.toml
export GEMILANG_DATA_DIR=/var/lib/gemilang-tui
if [ -r /etc/gemilang-tui/secrets.env ]; then
    set -a
    . /etc/gemilang-tui/secrets.env
    set +a
fi
exec /opt/gemilang-tui/venv/bin/gemilang-tui
