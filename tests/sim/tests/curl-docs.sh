#!/usr/bin/env bash
# Runs the curl (and wget) commands of GitLab's "Generic Packages Repository" doc page —
# both versions kept in shared/seeds/ — against gitlab-sim, changing only the host, the
# project id and the token values. Each command gets `-sS -o FILE -w '%{http_code}'`
# appended so its answer can be checked: HTTP code, body, and downloads byte-identical
# to what was uploaded.
#
# Usage: curl-docs.sh path/to/gitlab-sim
# Prints "ok - …" / "not ok - …" per check and a final "N passed, M failed".

set -u

SIM=${1:?usage: curl-docs.sh path/to/gitlab-sim}
work=$(mktemp -d "${TMPDIR:-/tmp}/curl-docs.XXXXXX")
sim_pid=""

stop_sim() {
    local code=0
    if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid"
        wait "$sim_pid"
        code=$?
    fi
    sim_pid=""
    return "$code"
}
cleanup() {
    stop_sim >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
ok() {
    passed=$((passed + 1))
    echo "ok - $1"
}
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1: $2"
}
# check NAME EXPECTED_CODE ACTUAL_CODE BODY_FILE [EXPECTED_BODY]
check_answer() {
    local name=$1 expected_code=$2 code=$3 body_file=$4 expected_body=${5-}
    if [ "$code" != "$expected_code" ]; then
        not_ok "$name" "HTTP $code, expected $expected_code; body: $(head -c 300 "$body_file")"
    elif [ -n "$expected_body" ] && [ "$(cat "$body_file")" != "$expected_body" ]; then
        not_ok "$name" "body $(head -c 300 "$body_file"), expected $expected_body"
    else
        ok "$name"
    fi
}
# check_same NAME FILE EXPECTED_FILE
check_same() {
    if cmp -s "$2" "$3"; then
        ok "$1"
    else
        not_ok "$1" "downloaded bytes differ from the upload ($(wc -c <"$2") vs $(wc -c <"$3") bytes)"
    fi
}

# --- the simulator, with a fixture of its own ---------------------------------------------
cat >"$work/fixture.json" <<'EOF'
{
  "users": [
    {"id": 1, "username": "docs-user", "name": "Docs User", "email": "docs@example.com"},
    {"id": 2, "username": "project_25_bot_0123", "name": "Project 25 bot", "email": "bot@example.com"},
    {"id": 3, "username": "ci-user", "name": "CI User", "email": "ci@example.com"}
  ],
  "tokens": [
    {"kind": "personal", "token": "glpat-docs-user-token", "user": "docs-user", "name": "docs", "scopes": ["api"]},
    {"kind": "personal", "token": "glpat-project-25-token", "user": "project_25_bot_0123", "name": "project token", "scopes": ["api"]},
    {"kind": "job", "token": "glcbt-docs-job-24", "user": "ci-user", "project": "docs/project-24", "job_id": 2401, "pipeline_id": 240, "running": true},
    {"kind": "job", "token": "glcbt-docs-job-25", "user": "ci-user", "project": "docs/project-25", "job_id": 2501, "pipeline_id": 250, "running": true}
  ],
  "projects": [
    {"id": 24, "path": "docs/project-24", "name": "Project 24", "visibility": "private",
     "members": {"docs-user": "developer", "ci-user": "developer"}},
    {"id": 25, "path": "docs/project-25", "name": "Project 25", "visibility": "private",
     "members": {"docs-user": "developer", "ci-user": "developer", "project_25_bot_0123": "maintainer"}}
  ]
}
EOF

"$SIM" --fixture "$work/fixture.json" --data-dir "$work/data" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$|\1|p' "$work/sim.out")
    [ -n "$port" ] && break
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "gitlab-sim did not start; stderr:" >&2
    cat "$work/sim.err" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

HOST="http://127.0.0.1:$port"          # https://gitlab.example.com in the docs
PAT="glpat-docs-user-token"             # <your_access_token>
BOT_USER="project_25_bot_0123"          # <username>
PROJECT_TOKEN="glpat-project-25-token"  # <Project Access Token>

mkdir -p "$work/ws/path/to"
cd "$work/ws" || exit 1
out="$work/out"

upload() { # CONTENT — writes path/to/file.txt and keeps a copy as the expected bytes
    printf '%s\n' "$1" >path/to/file.txt
    cp path/to/file.txt "$work/expected"
}

# === shared/seeds/000 (older page), project 24 ============================================

upload "page 000: PAT upload, hidden"
code=$(curl --header "PRIVATE-TOKEN: $PAT" \
     --upload-file path/to/file.txt \
     "$HOST/api/v4/projects/24/packages/generic/my_package/0.0.1/file.txt?status=hidden" \
     -sS -o "$out" -w '%{http_code}')
check_answer "000 upload with PRIVATE-TOKEN and ?status=hidden" 201 "$code" "$out" '{"message":"201 Created"}'

# "Hidden packages do not appear in the UI or package API list endpoints."
code=$(curl -sS -o "$out" -w '%{http_code}' --header "PRIVATE-TOKEN: $PAT" "$HOST/api/v4/projects/24/packages")
if [ "$code" = 200 ] && ! grep -q '"my_package"' "$out"; then ok "000 hidden package is not listed"; else not_ok "000 hidden package is not listed" "HTTP $code $(head -c 300 "$out")"; fi
code=$(curl -sS -o "$out" -w '%{http_code}' --header "PRIVATE-TOKEN: $PAT" "$HOST/api/v4/projects/24/packages?status=hidden")
if [ "$code" = 200 ] && grep -q '"name":"my_package"' "$out"; then ok "000 hidden package is listed with status=hidden"; else not_ok "000 hidden package is listed with status=hidden" "HTTP $code $(head -c 300 "$out")"; fi

code=$(curl --header "PRIVATE-TOKEN: $PAT" \
     "$HOST/api/v4/projects/24/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "000 download with PRIVATE-TOKEN" 200 "$code" "$out"
check_same "000 download with PRIVATE-TOKEN is byte-identical" "$out" "$work/expected"

code=$(curl --user "user:$PAT" \
     $HOST/api/v4/projects/24/packages/generic/my_package/0.0.1/file.txt \
     -sS -o "$out" -w '%{http_code}')
check_answer "000 download with --user user:<token>" 200 "$code" "$out"
check_same "000 download with --user is byte-identical" "$out" "$work/expected"

export CI_JOB_TOKEN="glcbt-docs-job-24" CI_API_V4_URL="$HOST/api/v4" CI_PROJECT_ID=24
upload "page 000: CI upload with the job token"
code=$(curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file path/to/file.txt "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "000 CI upload with JOB-TOKEN" 201 "$code" "$out" '{"message":"201 Created"}'

wget_download() { # NAME
    if ! command -v wget >/dev/null 2>&1; then
        echo "skip - $1: wget is not installed"
        return
    fi
    rm -rf "$work/wget" && mkdir "$work/wget"
    (cd "$work/wget" && wget --header="JOB-TOKEN: $CI_JOB_TOKEN" ${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/my_package/0.0.1/file.txt 2>"$work/wget.log")
    local code=$?
    if [ "$code" != 0 ] || [ ! -f "$work/wget/file.txt" ]; then
        not_ok "$1" "wget exited $code: $(tail -n 3 "$work/wget.log")"
    else
        check_same "$1 (the newest upload, byte-identical)" "$work/wget/file.txt" "$work/expected"
    fi
}
wget_download "000 CI download with wget and JOB-TOKEN"

# === shared/seeds/001 (newer page), project 25 ============================================

upload "page 001: PAT upload"
code=$(curl --header "PRIVATE-TOKEN: $PAT" \
     --upload-file path/to/file.txt \
     "$HOST/api/v4/projects/25/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "001 upload with PRIVATE-TOKEN" 201 "$code" "$out" '{"message":"201 Created"}'

upload "page 001: select=package_file upload"
code=$(curl --header "PRIVATE-TOKEN: $PAT" \
     --user "$BOT_USER:$PROJECT_TOKEN" \
     --upload-file path/to/file.txt \
     "$HOST/api/v4/projects/25/packages/generic/my_package/0.0.1/file.txt?select=package_file" \
     -sS -o "$out" -w '%{http_code}')
check_answer "001 upload with ?select=package_file" 200 "$code" "$out"
sha=$(sha256sum "$work/expected" | cut -d' ' -f1)
if grep -q "\"file_sha256\":\"$sha\"" "$out" && grep -q '"file_name":"file.txt"' "$out" && grep -q '"id":[0-9]' "$out"; then
    ok "001 select=package_file record has id, file_name and the upload's file_sha256"
else
    not_ok "001 select=package_file record" "expected file_sha256 $sha in $(head -c 400 "$out")"
fi

code=$(curl --header "PRIVATE-TOKEN: $PAT" \
     "$HOST/api/v4/projects/25/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "001 download with PRIVATE-TOKEN" 200 "$code" "$out"
check_same "001 download is the newest upload, byte-identical" "$out" "$work/expected"

code=$(curl --user "user:$PAT" \
     "$HOST/api/v4/projects/25/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "001 download with --user user:<token>" 200 "$code" "$out"
check_same "001 download with --user is byte-identical" "$out" "$work/expected"

export CI_JOB_TOKEN="glcbt-docs-job-25" CI_PROJECT_ID=25
upload "page 001: CI upload with the job token"
code=$(curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file path/to/file.txt "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/my_package/0.0.1/file.txt" \
     -sS -o "$out" -w '%{http_code}')
check_answer "001 CI upload with JOB-TOKEN" 201 "$code" "$out" '{"message":"201 Created"}'
wget_download "001 CI download with wget and JOB-TOKEN"

# === the simulator ends cleanly =============================================================
stop_sim
code=$?
if [ "$code" = 0 ]; then ok "gitlab-sim exits 0 on SIGTERM"; else not_ok "gitlab-sim exits 0 on SIGTERM" "exit code $code; stderr: $(tail -n 5 "$work/sim.err")"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
