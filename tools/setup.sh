#!/usr/bin/env bash
# Vigil's one-stop developer command (see README "Getting started").
#
#   tools/setup.sh demo    install missing Debian packages, build Vigil, start `vigil --demo`
#   tools/setup.sh test    install missing Debian packages, build everything, run the whole
#                          test suite under Xvfb in a D-Bus session with an unlocked keyring
#   tools/setup.sh deps    only install missing Debian packages
#
# Each command is complete by itself on a fresh Debian 12 machine (as root, or a user with sudo).
# The package list lives in tools/debian-packages.txt; CI (.ci/run) calls `tools/setup.sh test`.
# Environment: CI=true (set by CI) and JOBS=N (parallel build/test jobs, default: all cores).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "Not a Debian-based system: install the packages of tools/debian-packages.txt (or their equivalents) yourself."
        return 0
    fi
    local wanted=() missing=()
    read -r -d '' -a wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' tools/debian-packages.txt) || true
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All ${#wanted[@]} Debian packages are installed."
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no sudo to install them"
        sudo=(sudo)
    fi
    say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure() {  # configure <preset>
    say "Configuring (preset $1)"
    cmake --preset "$1" >/dev/null
}

build() {  # build <preset> [target...]
    local preset=$1; shift
    say "Building${*:+ $*} with $jobs jobs"
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" -j "$jobs" --target "$@"
    else
        cmake --build --preset "$preset" -j "$jobs"
    fi
}

run_tests() {  # run_tests <build dir>
    say "Running the test suite (Xvfb, D-Bus session, throw-away gnome-keyring)"
    tools/test-session.sh ctest --test-dir "$1" --output-on-failure -j "$jobs" --timeout 600
}

command=${1:-}
case "$command" in
    deps)
        install_packages
        ;;
    demo)
        install_packages
        configure release
        build release vigil
        vigil="$root/build/release/src/app/vigil"
        say "Starting $vigil --demo"
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            say "No display found: running on a virtual X display (Xvfb). Stop with Ctrl+C."
            exec xvfb-run -a -s "-screen 0 1600x1000x24" "$vigil" --demo
        fi
        exec "$vigil" --demo
        ;;
    test)
        install_packages
        configure ci
        build ci
        run_tests "$root/build/ci"
        ;;
    *)
        sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
