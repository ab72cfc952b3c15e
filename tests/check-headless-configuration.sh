#!/bin/bash
# Configures the project with STEVEDORE_GUI=OFF (and the tests) in a throwaway build folder and
# checks what that build would make: the command line `stevedore` and the headless tests, no
# stevedore-window, no GUI test, and a `stevedore` link line without Qt Widgets, Gui or Svg,
# X11 or OpenGL, nor what it loads only when needed (the keychain module with QtKeychain and
# Qt D-Bus, libssl with libcurl). Configure only: building it all again would take minutes.
# Usage: check-headless-configuration.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
rm -rf "$build_dir"
trap 'rm -rf "$build_dir"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DSTEVEDORE_GUI=OFF -DSTEVEDORE_BUILD_TESTS=ON \
    -DCMAKE_BUILD_TYPE=Debug >"$build_dir.log" 2>&1 || { cat "$build_dir.log" >&2; fail "configure"; }
rm -f "$build_dir.log"

targets=$(cmake --build "$build_dir" --target help | sed -n 's/^\([A-Za-z0-9_.-]*\): .*/\1/p')
for wanted in stevedore stevedore_core stevedore_keychain TestCliCommands TestCliPipes; do
    grep -qx "$wanted" <<<"$targets" || fail "the headless build has no target $wanted"
done
for unwanted in stevedore-window stevedore_ui TestMainWindow TestGermanWindow TestCliExecutable \
    TestDebianPackage stevedore-window-probe; do
    ! grep -qx "$unwanted" <<<"$targets" || fail "the headless build still has $unwanted"
done

# The link step of bin `stevedore`: its libraries, as Ninja will pass them.
link=$(awk '/^build main\/stevedore: CXX_EXECUTABLE_LINKER/ {found=1} found && /LINK_LIBRARIES/ {print; exit}' \
    "$build_dir/build.ninja")
[ -n "$link" ] || fail "no link step for main/stevedore in build.ninja"
grep -q 'Qt6Core' <<<"$link" || fail "stevedore does not link Qt6Core: $link"
for library in Qt6Widgets Qt6Gui Qt6Svg Qt6OpenGL libX11 libxcb libGL libEGL qt6keychain Qt6DBus \
    libssl; do
    ! grep -q "$library" <<<"$link" || fail "stevedore links $library: $link"
done
if grep -q 'Qt6Widgets_DIR:PATH=/' "$build_dir/CMakeCache.txt"; then
    fail "the headless configuration looked for Qt Widgets"
fi
echo "headless configuration: stevedore and its keychain module, linked without Qt Widgets, Gui, Svg, D-Bus or QtKeychain"
