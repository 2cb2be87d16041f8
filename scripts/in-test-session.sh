#!/usr/bin/env bash
# Inside a D-Bus session: unlock a throw-away gnome-keyring (Secret Service), then run the given
# command on a virtual X screen so QtWebEngine can be rendered and grabbed.
set -euo pipefail
export XDG_DATA_HOME="$(mktemp -d)"  # the keyring's files live here, never in the user's home
# Its control socket too: with the shared /run/user/$UID, a daemon started by another session on
# the same machine takes over this one's socket, and this session's keyring disappears mid-run.
export XDG_RUNTIME_DIR="$(mktemp -d)"
eval "$(printf 'engage-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
exec xvfb-run -a -s "-screen 0 1280x900x24" "$@"
