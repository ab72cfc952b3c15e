#!/usr/bin/env bash
# CTest launcher: runs a test program against a real Secret Service of its own.
#
#   run-with-keyring.sh TEST-PROGRAM [ARGUMENTS...]
#
# 1. HOME and the XDG directories are pointed at a fresh temporary folder, so the user's own
#    keyrings and settings are never read or written; the folder is removed afterwards.
# 2. dbus-run-session starts a private session bus (the user's bus is never used).
# 3. gnome-keyring-daemon --unlock --components=secrets gets an empty password on stdin: it
#    creates the "login" keyring with that password, unlocks it and makes it the default
#    collection. Whatever variables it prints (GNOME_KEYRING_CONTROL=…) are exported.
# 4. The launcher waits until the daemon owns org.freedesktop.secrets on the private bus, and
#    checks that it really stores and returns a secret (secret-tool from libsecret-tools).
#    Anything missing or not answering fails the test here, loudly: it never turns into a
#    skipped test.
# 5. The test program is exec'd inside the session with STEVEDORE_KEYRING_ROOT set to the
#    temporary folder. When it ends, dbus-run-session stops the bus and the daemon exits with it.
set -euo pipefail

die() {
    echo "run-with-keyring: $*" >&2
    exit 1
}

[[ $# -ge 1 ]] || { echo "usage: $0 TEST-PROGRAM [ARGUMENTS...]" >&2; exit 2; }
[[ -x "$1" ]] || die "$1 is not an executable test program"

for tool in dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
    command -v "$tool" >/dev/null 2>&1 \
        || die "$tool is not installed; install gnome-keyring, dbus and libsecret-tools (see packaging/debian-deps.txt)"
done

root=$(mktemp -d "${TMPDIR:-/tmp}/stevedore-keyring.XXXXXX")
trap 'rm -rf "$root"' EXIT

export HOME="$root/home"
export XDG_CONFIG_HOME="$root/config"
export XDG_DATA_HOME="$root/data"
export XDG_CACHE_HOME="$root/cache"
export XDG_STATE_HOME="$root/state"
export XDG_RUNTIME_DIR="$root/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$root" "$XDG_RUNTIME_DIR"
export STEVEDORE_KEYRING_ROOT="$root"
# Nothing of an outer session may leak in: no bus, no other keyring, no KWallet detection.
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY WAYLAND_DISPLAY
export XDG_CURRENT_DESKTOP=GNOME

# The inner script runs inside the private session; its arguments are the test command.
inner='
set -euo pipefail
die() { echo "run-with-keyring: $*" >&2; exit 1; }

# The password is read from stdin up to its end; a lone newline is the empty password (no
# input at all would mean "no password" and leave the login keyring uncreated).
output=$(echo "" | gnome-keyring-daemon --daemonize --unlock --components=secrets) \
    || die "gnome-keyring-daemon did not start"
while IFS= read -r line; do
    case "$line" in
        [A-Za-z_]*=*) export "$line" ;;
    esac
done <<< "$output"

# Until the daemon owns the name, a client would make D-Bus activate a second daemon, one
# without the unlocked keyring.
owned=false
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"; then
        owned=true
        break
    fi
    sleep 0.1
done
$owned || die "gnome-keyring-daemon never took org.freedesktop.secrets on the session bus"

probe="stevedore-keyring-probe-$$-$RANDOM"
printf "%s" "$probe" | secret-tool store --label="Stevedore keyring probe" stevedore-probe "$probe" \
    || die "the Secret Service did not store a secret (secret-tool store failed)"
[[ "$(secret-tool lookup stevedore-probe "$probe")" == "$probe" ]] \
    || die "the Secret Service did not return the stored secret (secret-tool lookup)"
secret-tool clear stevedore-probe "$probe" || die "secret-tool clear failed"

exec "$@"
'

set +e
dbus-run-session -- bash -c "$inner" run-with-keyring "$@"
status=$?
set -e
exit "$status"
