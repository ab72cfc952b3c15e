#!/usr/bin/env bash
# Usage: scripts/run-demo.sh BUILD_DIR
#
# Starts gitlab-sim with its demo data on a free port, opens Stevedore on it, and stops the
# simulator when Stevedore exits (or when this script is interrupted).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BUILD_DIR    (for example: $0 build/dev)" >&2
    exit 2
fi
build_dir=$1
sim="$build_dir/tests/sim/gitlab-sim"
app="$build_dir/main/stevedore"

for executable in "$sim" "$app"; do
    if [[ ! -x "$executable" ]]; then
        echo "run-demo: $executable not found; build with tests on first ('make build')" >&2
        exit 1
    fi
done

work_dir=$(mktemp -d)
sim_pid=
cleanup() {
    if [[ -n "$sim_pid" ]] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The simulator prints exactly one line once it accepts connections.
"$sim" --demo --port 0 >"$work_dir/sim.out" &
sim_pid=$!

url=
for _ in $(seq 100); do
    # read succeeds only on a complete line, so a half-written port is never taken.
    if IFS= read -r line <"$work_dir/sim.out"; then
        if [[ "$line" =~ ^listening\ on\ (https?://[^[:space:]]+)$ ]]; then
            url=${BASH_REMATCH[1]}
            break
        fi
        echo "run-demo: unexpected first line from gitlab-sim: $line" >&2
        exit 1
    fi
    if ! kill -0 "$sim_pid" 2>/dev/null; then
        wait "$sim_pid" && status=0 || status=$?
        sim_pid=
        echo "run-demo: gitlab-sim exited with status $status before it was ready" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "run-demo: gitlab-sim did not print 'listening on http://127.0.0.1:PORT' within 10 s" >&2
    exit 1
fi
echo "run-demo: gitlab-sim is serving the demo data at $url"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run-demo: no DISPLAY or WAYLAND_DISPLAY is set, so the window has nowhere to appear." >&2
    echo "run-demo: on a headless machine use: xvfb-run -a make run" >&2
fi

# The demo account comes from the environment, so nothing is written to the keychain or the
# settings (the demo's token is public anyway: see tests/sim/README.md).
GITLAB_HOST="$url" GITLAB_TOKEN=glpat-demo-api "$app" --url "$url" --project demo/hello
