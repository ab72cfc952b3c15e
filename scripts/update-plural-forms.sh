#!/bin/sh
# Brings translations/stevedore_en.ts in line with the "%n" texts of the code.
#   scripts/update-plural-forms.sh [LUPDATE]          update the file; then write the forms of
#                                                      every entry marked type="unfinished"
#   scripts/update-plural-forms.sh --check [LUPDATE]  fail when a text lacks its forms
set -eu
check=false
if [ "${1:-}" = "--check" ]; then
    check=true
    shift
fi
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
root=$(cd "$(dirname "$0")/.." && pwd)
forms=$root/translations/stevedore_en.ts
target=$forms
if $check; then
    target=$(mktemp --suffix=.ts)
    trap 'rm -f "$target"' EXIT
    cp "$forms" "$target"
fi
"$lupdate" -silent -pluralonly -no-obsolete -locations none -source-language en -target-language en \
    "$root/app" "$root/ui" "$root/main" -ts "$target"
if grep -q 'type="unfinished"' "$target"; then
    echo "These counted texts have no English forms in translations/stevedore_en.ts" >&2
    echo "(run scripts/update-plural-forms.sh and write them):" >&2
    grep -B2 'type="unfinished"' "$target" | grep '<source>' >&2
    exit 1
fi
if $check && ! cmp -s "$forms" "$target"; then
    echo "translations/stevedore_en.ts lists texts the code no longer has;" >&2
    echo "run scripts/update-plural-forms.sh" >&2
    exit 1
fi
