#!/usr/bin/env bash
# Builds the Debian package with CPack and checks that it installs and runs.
#
#   deb_installs_and_runs.sh <build dir> <version>
#
# Always: `cpack -G DEB` into a temporary folder, the file name, the Depends field (shlibdeps plus
# the run-time plugins), the package contents, and that apt can resolve the dependencies.
# As root with CI=true (what CI does): `apt-get install ./vigil_*.deb`, run the installed vigil and
# graphsim, validate the installed desktop entry and metainfo, then `apt-get remove vigil`.
# Otherwise: unpack with `dpkg-deb -x` and run the unpacked vigil against the system's libraries.
# Exit code 77 means "skipped" (not a Debian system).
set -euo pipefail

build_dir=${1:?usage: deb_installs_and_runs.sh <build dir> <version>}
version=${2:?usage: deb_installs_and_runs.sh <build dir> <version>}
app_id=io.github.vigil_desktop.Vigil

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
step() { printf '==> %s\n' "$*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if [ "$tool" = cpack ] || ! command -v dpkg >/dev/null 2>&1; then
            echo "SKIP: $tool not found (not a Debian system)"
            exit 77
        fi
        fail "$tool not found: install the packages of tools/debian-packages.txt (dpkg-dev)"
    fi
done
for tool in appstreamcli desktop-file-validate; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: install the packages of tools/debian-packages.txt"
done
[ -f "$build_dir/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-deb-test.XXXXXX")
installed_here=no
cleanup() {
    if [ "$installed_here" = yes ]; then
        step "Removing the installed package"
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -q vigil >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# apt reads local .deb files as its unprivileged _apt user.
chmod 755 "$work"

# ---------------------------------------------------------------------------
step "Building the package (cpack -G DEB)"
start=$SECONDS
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
deb="$work/vigil_${version}_${arch}.deb"
[ -f "$deb" ] || { ls -l "$work" >&2; fail "expected $(basename "$deb")"; }
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $((SECONDS - start)) s"

step "Checking the control fields"
[ "$(dpkg-deb -f "$deb" Package)" = vigil ] || fail "Package is not vigil"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture is not $arch"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[ -n "$depends" ] || fail "Depends is empty"
# From dpkg-shlibdeps (linked libraries) and from the explicit run-time list.
for wanted in libqt6core6 libqt6widgets6 libqt6webenginecore6 libc6 \
              qt6-qpa-plugins libqt6svg6 libqt6webenginecore6-bin libsecret-1-0; do
    grep -Eq "(^|[ ,|])$wanted( |,|$)" <<<"$depends" || fail "Depends does not mention $wanted"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Recommends: $recommends"
grep -q 'gnome-keyring | kwalletmanager' <<<"$recommends" || fail "Recommends lacks a Secret Service provider"
[ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "Description is empty"

step "Checking the contents"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents.txt"
expected=(/usr/bin/vigil /usr/bin/graphsim
          "/usr/share/applications/$app_id.desktop"
          "/usr/share/metainfo/$app_id.metainfo.xml"
          "/usr/share/icons/hicolor/scalable/apps/$app_id.svg")
for size in 16 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents.txt" || fail "the package lacks $path"
done
if grep -E '^/usr/(include|lib/.*\.a$)|/tst_' "$work/contents.txt"; then
    fail "the package contains development or test files"
fi

if command -v apt-get >/dev/null 2>&1; then
    step "Checking that apt can resolve the dependencies (apt-get install --simulate)"
    apt-get install --simulate -q "$deb" >"$work/apt-simulate.log" 2>&1 \
        || { cat "$work/apt-simulate.log" >&2; fail "apt cannot install $(basename "$deb")"; }
fi

# ---------------------------------------------------------------------------
smoke_start() {  # smoke_start <vigil executable>: starts it offscreen in demo mode and stops it
    local vigil=$1 log="$work/smoke.log"
    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \
        "$vigil" --demo --config "$work/smoke.ini" >"$log" 2>&1 &
    local pid=$!
    sleep 4
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "$vigil --demo stopped by itself"; }
    kill -TERM "$pid"
    local code=0
    wait "$pid" || code=$?
    [ "$code" -eq 0 ] || { cat "$log" >&2; fail "$vigil --demo exited with $code after SIGTERM"; }
    grep -q 'mainWindow' "$work/smoke.ini" || fail "$vigil --demo did not save its window state"
}

check_tree() {  # check_tree <root>: the installed or unpacked files
    local root=$1
    local out
    out=$("$root/usr/bin/vigil" --version) || fail "vigil --version failed"
    [ "$out" = "Vigil $version" ] || fail "vigil --version printed '$out'"
    echo "$out"
    "$root/usr/bin/graphsim" --help >"$work/graphsim-help.txt" || fail "graphsim --help failed"
    grep -q -- '--help' "$work/graphsim-help.txt" || fail "graphsim --help printed no usage"
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
    local desktop="$root/usr/share/applications/$app_id.desktop"
    grep -qx "Exec=vigil" "$desktop" || fail "the desktop entry does not start vigil"
    grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry names another icon"
}

if [ "$(id -u)" -eq 0 ] && [ "${CI:-}" = true ]; then
    step "Installing with apt (root, CI=true)"
    if dpkg-query -W -f='${Status}' vigil 2>/dev/null | grep -q 'install ok installed'; then
        echo "note: vigil was installed before this test; it is replaced and stays installed"
    else
        installed_here=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$work/apt-install.log" 2>&1 \
        || { cat "$work/apt-install.log" >&2; fail "apt-get install failed"; }
    dpkg-query -W -f='${Status}\n' vigil | grep -q 'install ok installed' || fail "vigil is not installed"
    [ "$(command -v vigil)" = /usr/bin/vigil ] || fail "vigil is not on PATH as /usr/bin/vigil"
    check_tree /
    step "Starting the installed vigil (offscreen, demo mode)"
    smoke_start /usr/bin/vigil
    if [ "$installed_here" = yes ]; then
        step "Removing with apt"
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -q vigil >"$work/apt-remove.log" 2>&1 \
            || { cat "$work/apt-remove.log" >&2; fail "apt-get remove failed"; }
        installed_here=no
        [ ! -e /usr/bin/vigil ] || fail "/usr/bin/vigil is still there after removal"
    fi
else
    step "Unpacking with dpkg-deb -x (not root with CI=true, so nothing is installed)"
    dpkg-deb -x "$deb" "$work/root"
    check_tree "$work/root"
    step "Starting the unpacked vigil (offscreen, demo mode)"
    smoke_start "$work/root/usr/bin/vigil"
fi
echo "PASS: $(basename "$deb") installs and runs"
