#!/bin/sh
# po/dfdx.pot: every sentence dfdx shows, extracted by xgettext from the catalogue's rows
# (include/dfdx/messages.def: DX_MESSAGE's template, DX_PLURAL's two forms, with the comment
# above a row for the translator), from the program's _() and N_() strings (src/cli) and from
# the page's N_() strings (web/i18n.js).
# Locations name the file only, so moving a line does not change the template.
# usage: extract.sh SOURCE_DIR OUT.pot
set -eu
src=$1 out=$2
cd "$src"
# shellcheck disable=SC2046 # the file names have no spaces
LC_ALL=C xgettext --language=C --from-code=UTF-8 --add-comments --add-location=file \
    --keyword=_ --keyword=N_ --keyword=DX_MESSAGE:2 --keyword=DX_PLURAL:3,4 \
    --package-name=dfdx --msgid-bugs-address='dfdx issues' \
    -o "$out" include/dfdx/messages.def $(LC_ALL=C ls src/cli/*.c)
# the page's words: a second pass (another language), the two catalogues then made one
js=$(mktemp)
trap 'rm -f "$js"' EXIT
LC_ALL=C xgettext --language=JavaScript --from-code=UTF-8 --add-comments --add-location=file --keyword=N_ \
    --package-name=dfdx --msgid-bugs-address='dfdx issues' -o "$js" web/i18n.js
LC_ALL=C msgcat --use-first --add-location=file -o "$out" "$out" "$js"
