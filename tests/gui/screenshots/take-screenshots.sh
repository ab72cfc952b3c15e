#!/usr/bin/env bash
# Usage: tests/gui/screenshots/take-screenshots.sh BUILD_DIR [OUTPUT_FOLDER]
#
# Runs the screenshot program under a virtual X server (xvfb-run), against gitlab-sim --demo,
# and writes main-window.png (also at 1024×700 and in a dark palette), publish-dialog.png,
# compare-dialog.png, sync-dialog.png and promote-dialog.png (all four also dark), transfers.png
# and verify-download.png (default: docs/screenshots).
set -euo pipefail
build_dir=${1:?usage: $0 BUILD_DIR [OUTPUT_FOLDER]}
output=${2:-docs/screenshots}
program="$build_dir/tests/gui/screenshots/stevedore-screenshots"
if [[ ! -x "$program" ]]; then
    echo "take-screenshots: $program not found; build with the dev preset first" >&2
    exit 1
fi
command -v xvfb-run >/dev/null || { echo "take-screenshots: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
export QT_QPA_PLATFORM=xcb
exec xvfb-run -a --server-args="-screen 0 1400x900x24" "$program" "$output"
