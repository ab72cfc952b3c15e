#!/bin/sh
# Brings every translations/stevedore_<language>.ts in line with the texts of the code (app/, ui/,
# main/): a new text is added, marked type="unfinished", and a text the code no longer has is
# dropped. Then lists the texts that still need a translation, and updates the English plural
# forms too (scripts/update-plural-forms.sh).
#   scripts/update-translations.sh [LUPDATE]          update the files
#   scripts/update-translations.sh --check [LUPDATE]  change nothing; fail when a text has no
#                                                      translation or a file is out of date
#                                                      (the English forms have their own check)
set -eu
check=false
if [ "${1:-}" = "--check" ]; then
    check=true
    shift
fi
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0

for translation in "$root"/translations/stevedore_*.ts; do
    language=${translation##*/stevedore_}
    language=${language%.ts}
    [ "$language" = en ] && continue # the English plural forms: below
    name=translations/stevedore_$language.ts
    target=$translation
    if $check; then
        target=$scratch/stevedore_$language.ts
        cp "$translation" "$target"
    fi
    "$lupdate" -silent -no-obsolete -locations none -source-language en \
        -target-language "$language" "$root/app" "$root/ui" "$root/main" -ts "$target"
    if grep -q 'type="unfinished"' "$target"; then
        echo "$name: $(grep -c 'type="unfinished"' "$target") texts have no translation yet" >&2
        echo "(translate them with linguist $name, or in the file; the source of each):" >&2
        grep -B3 'type="unfinished"' "$target" | grep '<source>' >&2
        status=1
    fi
    if $check && ! cmp -s "$translation" "$target"; then
        echo "$name lists texts the code no longer has; run scripts/update-translations.sh" >&2
        status=1
    fi
done

if ! $check; then
    "$root/scripts/update-plural-forms.sh" "$lupdate" || status=1
fi
exit $status
