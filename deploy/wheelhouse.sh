#!/bin/sh
# Offline, reversible updates of a kiosk from a wheelhouse (a folder of wheels: the kiosk's and every dependency's).
#
#   deploy/wheelhouse.sh build   [SOURCE] [WHEELHOUSE]   on a build machine with the package index (once per release)
#   deploy/wheelhouse.sh install WHEELHOUSE              on a kiosk, with no index: a new venv beside the old one
#   deploy/wheelhouse.sh rollback                        on a kiosk: back to the version before
#   deploy/wheelhouse.sh current                         the version the kiosk runs now
#
# Layout on a kiosk (PREFIX, default /opt/gemilang-tui):
#   releases/<version>/   one venv per installed version (the newest KEEP are kept)
#   venv -> releases/<v>  what the service runs (ExecStart=/opt/gemilang-tui/venv/bin/gemilang-tui)
#   previous -> releases/<v>  what `rollback` goes back to
# Switching is one rename of a symlink, so the service sees the old version or the new one, never half of each.
# The outbox and settings live outside PREFIX (/var/lib/gemilang-tui, /etc/gemilang-tui) and survive both ways.
# Restart the kiosk after install or rollback: `systemctl restart gemilang-kiosk` (the Ansible playbook does).
set -eu

PREFIX=${PREFIX:-/opt/gemilang-tui}
PYTHON=${PYTHON:-python3}
KEEP=${KEEP:-3}

die() { echo "wheelhouse.sh: $*" >&2; exit 1; }

# The version of the gemilang-tui wheel in a wheelhouse (the newest, when there are several).
wheel_version() {
    ls "$1" | sed -n 's/^gemilang_tui-\([^-]*\)-.*\.whl$/\1/p' | sort -V | tail -n 1
}

build() {
    source=${1:-.}
    out=${2:-wheelhouse}
    mkdir -p "$out"
    # The kiosk's wheel (its version from the git tags of SOURCE) and a wheel of every dependency, for this
    # machine's Python and platform: build on the same Debian/Python as the kiosks.
    "$PYTHON" -m pip wheel --wheel-dir "$out" "$source"
    version=$(wheel_version "$out")
    [ -n "$version" ] || die "no gemilang_tui wheel was built in $out"
    echo "gemilang-tui==$version" > "$out/VERSION.txt"
    # the installer's files of the same release (units, udev rule, example config, this script) travel with it
    if [ -d "$source/deploy" ]; then rm -rf "$out/deploy" && cp -R "$source/deploy" "$out/deploy"; fi
    echo "wheelhouse $out: gemilang-tui $version and $(ls "$out"/*.whl | wc -l) wheels in all"
}

# Point LINK at TARGET in one rename (ln -sfn alone removes, then creates: a moment with no link).
switch_link() {
    ln -sfn "$2" "$PREFIX/.$1.new"
    mv -T "$PREFIX/.$1.new" "$PREFIX/$1"
}

install_release() {
    wheelhouse=$(cd "${1:?install needs the wheelhouse folder}" && pwd)
    version=$(wheel_version "$wheelhouse")
    [ -n "$version" ] || die "$wheelhouse holds no gemilang_tui wheel"
    release="$PREFIX/releases/$version"
    mkdir -p "$PREFIX/releases"
    unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL  # the wheelhouse alone, whatever this shell says
    if [ ! -f "$release/.installed" ]; then
        rm -rf "$release"
        "$PYTHON" -m venv "$release"
        # --no-index: nothing is fetched; every wheel must be in the wheelhouse, or the install fails here,
        # before anything the kiosk runs has changed.
        if ! PIP_CONFIG_FILE=/dev/null "$release/bin/python" -m pip install --quiet --no-index \
                --find-links "$wheelhouse" "gemilang-tui==$version"; then
            rm -rf "$release"
            die "gemilang-tui $version could not be installed from $wheelhouse; the kiosk is unchanged"
        fi
        touch "$release/.installed"
    fi
    "$release/bin/gemilang-tui" --version >/dev/null || die "$release does not start"
    current=$(current_release)
    if [ -n "$current" ] && [ "$current" != "$release" ]; then
        switch_link previous "$current"
    fi
    switch_link venv "$release"
    echo "installed gemilang-tui $version${current:+ (previous: $(basename "$current"))}"
    prune
}

current_release() {
    if [ -L "$PREFIX/venv" ]; then readlink -f "$PREFIX/venv"; fi
}

rollback() {
    [ -L "$PREFIX/previous" ] || die "no previous version to go back to"
    previous=$(readlink -f "$PREFIX/previous")
    current=$(current_release)
    [ -x "$previous/bin/gemilang-tui" ] || die "$previous is gone"
    switch_link venv "$previous"
    [ -n "$current" ] && switch_link previous "$current"
    echo "rolled back to gemilang-tui $(basename "$previous")${current:+ (from $(basename "$current"))}"
}

# Keep the KEEP newest releases, and always the current and the previous one.
prune() {
    keep_current=$(current_release)
    keep_previous=$(readlink -f "$PREFIX/previous" 2>/dev/null || true)
    ls -1 "$PREFIX/releases" | sort -V | head -n "-$KEEP" | while read -r old; do
        path="$PREFIX/releases/$old"
        [ "$path" = "$keep_current" ] || [ "$path" = "$keep_previous" ] || rm -rf "$path"
    done
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    build) build "$@" ;;
    install) install_release "$@" ;;
    rollback) rollback ;;
    current) current=$(current_release); [ -n "$current" ] || die "nothing installed in $PREFIX"; basename "$current" ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
