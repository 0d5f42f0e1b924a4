#!/usr/bin/env bash
# Runs a command the way the test suite runs: on a virtual X display, in a private D-Bus session,
# with a throw-away unlocked gnome-keyring. Example: tools/test-session.sh ctest --test-dir build/dev
set -euo pipefail
export QTWEBENGINE_DISABLE_SANDBOX=1
XDG_DATA_HOME=$(mktemp -d "${TMPDIR:-/tmp}/vigil-test-data.XXXXXX")
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- sh -c '
    echo -n vigil-test | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    exec "$@"' sh "$@"
