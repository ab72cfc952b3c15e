#!/usr/bin/env bash
# Installs the Debian packages listed in packaging/debian-deps.txt (or in the list file given as
# the first argument) that are not installed yet. Prints nothing and exits 0 at once when
# everything is there.
set -euo pipefail

deps_file="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debian-deps.txt}"

fail() {
    echo "install-deps: $*" >&2
    exit 1
}

[[ -r "$deps_file" ]] || fail "cannot read $deps_file"
command -v dpkg-query >/dev/null 2>&1 \
    || fail "dpkg-query not found: this script needs Debian 12 or a derivative; install the packages in $deps_file by hand"

wanted=()
while read -r line; do
    package="${line%%#*}"
    package="${package//[[:space:]]/}"
    [[ -n "$package" ]] && wanted+=("$package")
done <"$deps_file"

# One dpkg-query call for all packages; unknown packages are reported on stderr and skipped.
declare -A installed=()
while read -r package status; do
    [[ "$status" == "installed" ]] && installed["$package"]=1
done < <(dpkg-query --show --showformat='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
for package in "${wanted[@]}"; do
    [[ -n "${installed[$package]:-}" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 \
        || fail "missing packages: ${missing[*]}; run this script as root or install sudo"
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update \
    || fail "apt-get update failed; check the network and /etc/apt/sources.list, then run 'make deps' again"
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" \
    || fail "could not install: ${missing[*]}"
