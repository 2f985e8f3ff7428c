#!/bin/sh
# Every command of tests/golden/commands.txt run through the program, its exit status, stdout and
# stderr written one record after another: the whole output a user sees, compared byte for byte
# with tests/golden/expected.txt. A change of form is then a reviewed change of that file
# (regenerate: sh tests/golden.sh build/dfdx tests/golden --update).
# The commands run under the locale named in GOLDEN_DIR/locale (C.UTF-8 without one): the
# Korean set, tests/golden-ko, runs under ko_KR.UTF-8 (its catalogue from the build tree); the
# session read from stdin is examples/session.dfdx, or the one GOLDEN_DIR/session names.
# usage: golden.sh DFDX GOLDEN_DIR [--update]
set -u
dfdx=$1 dir=$2 mode=${3:-}
loc=C.UTF-8
[ -f "$dir/locale" ] && loc=$(cat "$dir/locale")
session=session.dfdx
[ -f "$dir/session" ] && session=$(cat "$dir/session")
if [ "$(LC_ALL=$loc locale charmap 2>/dev/null)" != UTF-8 ]; then
    echo "golden: the locale $loc is not installed (locale-gen or localedef it, as .ci/run does)"
    exit 1
fi
out=$(mktemp) tmpo=$(mktemp) tmpe=$(mktemp)
trap 'rm -f "$out" "$tmpo" "$tmpe"' EXIT
[ -s "$dir/commands.txt" ] || { echo "golden: no commands in $dir/commands.txt"; exit 1; }
n=0
while IFS= read -r cmd; do
    n=$((n + 1))
    eval "set -- $cmd"
    LC_ALL=$loc NO_COLOR=1 "$dfdx" "$@" >"$tmpo" 2>"$tmpe" </dev/null
    rc=$?
    { printf '$ dfdx %s\n[exit %d]\n' "$cmd" "$rc"; cat "$tmpo"; printf -- '--- stderr\n'; cat "$tmpe"; } >>"$out"
done <"$dir/commands.txt"
# a session from stdin, as `dfdx < examples/session.dfdx`
for s in "$dir/../../examples/$session"; do
    LC_ALL=$loc NO_COLOR=1 "$dfdx" <"$s" >"$tmpo" 2>"$tmpe"
    rc=$?
    { printf '$ dfdx < %s\n[exit %d]\n' "$(basename "$s")" "$rc"; cat "$tmpo"; printf -- '--- stderr\n'; cat "$tmpe"; } >>"$out"
done
if [ "$mode" = --update ]; then
    cp "$out" "$dir/expected.txt"
    echo "golden: wrote $n commands"
    exit 0
fi
if diff -u "$dir/expected.txt" "$out" >"$tmpe"; then
    echo "golden: $n commands, 1 session: output identical"
    echo "$((n + 1)) passed, 0 failed"
    exit 0
fi
head -200 "$tmpe"
echo "golden: output differs from $dir/expected.txt"
echo "0 passed, 1 failed"
exit 1
