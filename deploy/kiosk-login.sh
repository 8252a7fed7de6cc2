#!/bin/sh
# Login shell of the kiosk user, for the getty autologin way (deploy/systemd/getty@tty1.service.d/autologin.conf).
# Install: install -m 0755 deploy/kiosk-login.sh /usr/local/bin/gemilang-kiosk-login
#          usermod --shell /usr/local/bin/gemilang-kiosk-login kiosk
# There is no shell behind it: when the kiosk stops, the session ends and getty starts it again.
#
# This runs as the kiosk user, not as root: the token file must be readable by the kiosk's group
# (install -m 0640 -o root -g kiosk … secrets.env, deploy/README.md step 4). A file it cannot read is said in the
# system log (`journalctl -t gemilang-tui`), not passed over in silence.
export LANG=C.UTF-8
export GEMILANG_CONFIG=/etc/gemilang-tui/config.toml
export GEMILANG_DATA_DIR=/var/lib/gemilang-tui
SECRETS=/etc/gemilang-tui/secrets.env
if [ -e "$SECRETS" ]; then
    if [ -r "$SECRETS" ]; then
        set -a
        . "$SECRETS"
        set +a
    else
        logger -t gemilang-tui -p user.err \
            "cannot read $SECRETS as $(id -un): no API token; make it 0640 root:kiosk (deploy/README.md step 4)"
    fi
fi
exec /opt/gemilang-tui/venv/bin/gemilang-tui
