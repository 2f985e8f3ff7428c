#!/bin/sh
# Allocation failure anywhere in the program: each command of CORPUS (alloc_program.txt) is run
# by dfdx-failmalloc (tests/failmalloc.c) two ways:
#  - with the n-th allocation the program's code makes failing (the library's included), for
#    every n up to 60 and about SAMPLES more spread evenly over all it makes;
#  - with memory running out: every allocation, anyone's (stdio, gettext, Cairo, fontconfig,
#    Graphviz), failing past a limit on the bytes in use, at 12 limits from a tenth of what the
#    command uses to more than it with room to spare (the program's headroom policy,
#    src/cli/headroom.c, keeps those libraries from running out: they crash when they do).
# A run must end by itself with status 0, 1 or 2 (no signal), and either answer as the run
# without a failure does (status, stdout, and the file it writes) or fail (status 2) saying
# "out of memory" (in English or Korean).
# A corpus line is the command's words as a shell reads them; $out is a file name to write
# pictures to (its extension added), and a line "input TEXT WORDS..." gives the run TEXT
# (printf's format) on stdin.
# usage: alloc_program.sh path/to/dfdx-failmalloc CORPUS [SAMPLES (default 40)]
set -u
dfdx=$1 corpus=$2 samples=${3:-40}
tmp=${TMPDIR:-/tmp}/dfdx-allocp.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
out=$tmp/picture
runs=0 fails=0 commands=0
# run NAME=VALUE ARGS: the command with that setting of failmalloc, into $tmp/o, $tmp/e, $tmp/f
run() {
    set=$1
    shift
    rm -f "$out".*
    if [ -n "$input" ]; then
        # shellcheck disable=SC2059 # the corpus gives a printf format on purpose
        printf "$input" | env "$set" NO_COLOR=1 "$dfdx" "$@" >"$tmp/o" 2>"$tmp/e"
    else
        env "$set" NO_COLOR=1 "$dfdx" "$@" >"$tmp/o" 2>"$tmp/e" </dev/null
    fi
    st=$?
    cat "$out".* 2>/dev/null | grep -av /CreationDate >"$tmp/f" # a PDF carries the time it was made
}
# judge WHAT: the last run against the one without a failure
judge() {
    runs=$((runs + 1))
    same=no
    [ "$st" -eq "$want" ] && cmp -s "$tmp/o" "$tmp/want.o" && cmp -s "$tmp/f" "$tmp/want.f" && same=yes
    if [ "$st" -gt 2 ]; then
        echo "$line, $1: exit status $st"
        head -3 "$tmp/e"
        fails=$((fails + 1))
    elif [ "$same" = no ] && { [ "$st" -ne 2 ] || ! grep -q "out of memory\|메모리가 부족합니다" "$tmp/e"; }; then
        echo "$line, $1: exit $st (without: $want), another answer without 'out of memory':"
        head -3 "$tmp/e"
        diff "$tmp/want.o" "$tmp/o" | head -4
        fails=$((fails + 1))
    fi
}
while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    eval "set -- $line"
    input=
    if [ "$1" = input ]; then
        input=$2
        shift 2
    fi
    commands=$((commands + 1))
    run DFDX_COUNT_MALLOC=1 "$@"
    want=$st
    total=$(sed -n 's/^dfdx: \([0-9]*\) allocations, [0-9]* bytes$/\1/p' "$tmp/e")
    bytes=$(sed -n 's/^dfdx: [0-9]* allocations, \([0-9]*\) bytes$/\1/p' "$tmp/e")
    [ -n "$total" ] || { echo "$line: no allocation count"; cat "$tmp/e"; exit 1; }
    mv "$tmp/o" "$tmp/want.o"
    mv "$tmp/f" "$tmp/want.f"
    n=1 step=$((total / samples + 1)) tried=0
    while [ "$n" -le "$total" ]; do
        run DFDX_FAIL_MALLOC=$n "$@"
        judge "allocation $n of $total failing"
        tried=$((tried + 1))
        if [ "$n" -lt 60 ]; then n=$((n + 1)); else n=$((n + step)); fi
    done
    for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
        limit=$((bytes / 10 * k + (k > 10 ? 16777216 * (k - 10) : 0)))
        run DFDX_MALLOC_LIMIT=$limit "$@"
        judge "memory limited to $limit bytes"
    done
    echo "$line: $total allocations (made $tried fail), $bytes bytes at most (12 limits)"
done <"$corpus"
echo "$commands commands, $runs runs with failing allocations, $fails wrong"
[ "$fails" -eq 0 ]
