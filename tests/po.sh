#!/bin/sh
# The translations are kept up with the sources:
#   po_current:  po/dfdx.pot is what xgettext extracts from the sources now (a sentence added
#                without `cmake --build build --target pot` fails here);
#   po_complete: every po/LANG.po has every msgid of the .pot, 0 untranslated, 0 fuzzy, and
#                msgfmt --check passes (printf formats and plural forms agree).
# usage: po.sh SOURCE_DIR current|complete
set -u
src=$1 what=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
case $what in
current)
    sh "$src/po/extract.sh" "$src" "$tmp/dfdx.pot" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
    if diff -u -I '^"POT-Creation-Date:' "$src/po/dfdx.pot" "$tmp/dfdx.pot" >"$tmp/diff"; then
        echo "po/dfdx.pot: up to date"
    else
        head -60 "$tmp/diff"
        echo "po/dfdx.pot is out of date: run 'cmake --build build --target pot', then translate"
        fail=1
    fi ;;
complete)
    for lang in $(grep '^[a-z]' "$src/po/LINGUAS"); do
        po=$src/po/$lang.po
        msgcmp "$po" "$src/po/dfdx.pot" || { echo "$lang.po: lacks msgids of dfdx.pot"; fail=1; }
        stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || fail=1
        echo "$lang.po: $stats"
        case $stats in
        *untranslated* | *fuzzy*) echo "$lang.po: not complete"; fail=1 ;;
        esac
    done ;;
*) echo "usage: po.sh SOURCE_DIR current|complete"; exit 2 ;;
esac
exit $fail
