#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session bus and an unlocked gnome-keyring-daemon whose
# keyring lives in a throwaway folder (the user's own keyring is never touched). Used by trellis_add_test(KEYRING).
#   tests/with-keyring.sh <command> [args...]
set -euo pipefail

if [[ -z "${TRELLIS_WITH_KEYRING_INNER:-}" ]]; then
  export TRELLIS_WITH_KEYRING_INNER=1
  exec dbus-run-session -- bash "$0" "$@"
fi

scratch=$(mktemp -d)
cleanup() {
  if [[ -n "${GNOME_KEYRING_PID:-}" ]]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the login keyring's password from stdin and creates the keyring on first use.
eval "$(echo -n trellis-test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
# QtKeychain picks its backend from the desktop; a GNOME session means "use the Secret Service".
export XDG_CURRENT_DESKTOP=GNOME
"$@"
