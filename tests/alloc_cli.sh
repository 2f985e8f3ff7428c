#!/bin/sh
# Allocation failure through the program: each command below is run with the library's n-th
# allocation failing (DFDX_FAIL_ALLOC, a test hook of src/cli/main.c), for every n up to the
# allocations the command makes (DFDX_COUNT_ALLOC), or every k-th past 2000. A run must end
# by itself with status 0, 1 or 2 (no signal, no sanitizer report), and a run that answers
# with the unfailed run's status other than 2 must print the same output.
# usage: alloc_cli.sh path/to/dfdx [PART PARTS] -- with PART of PARTS, every PARTS-th command
# from the PART-th, so that ctest can run the parts side by side.
set -eu
dfdx=$1
part=${2:-1}
parts=${3:-1}
tmp=${TMPDIR:-/tmp}/dfdx-alloc.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
set -f # the expressions hold * and ^: no globbing when a command line is split into words
runs=0
fails=0
line=0
while read -r cmd; do
    [ -n "$cmd" ] || continue
    line=$((line + 1))
    [ $(((line - 1) % parts + 1)) -eq "$part" ] || continue
    # shellcheck disable=SC2086 # split on purpose: one word per argument
    DFDX_COUNT_ALLOC=1 "$dfdx" $cmd >"$tmp/want" 2>"$tmp/err" && want=0 || want=$?
    total=$(sed -n 's/^dfdx: \([0-9]*\) library allocations$/\1/p' "$tmp/err")
    [ -n "$total" ] || { echo "$cmd: no allocation count"; exit 1; }
    n=1
    while [ "$n" -le "$total" ]; do
        # shellcheck disable=SC2086
        DFDX_FAIL_ALLOC=$n "$dfdx" $cmd >"$tmp/got" 2>"$tmp/err" && st=0 || st=$?
        runs=$((runs + 1))
        if [ "$st" -gt 2 ]; then
            echo "$cmd with allocation $n failing: exit status $st"; cat "$tmp/err"; fails=$((fails + 1))
        elif [ "$st" -eq "$want" ] && [ "$st" -ne 2 ] && ! cmp -s "$tmp/got" "$tmp/want"; then
            echo "$cmd with allocation $n failing: status $st but another output:"; diff "$tmp/want" "$tmp/got" | head -5
            fails=$((fails + 1))
        fi
        if [ "$n" -lt 2000 ]; then n=$((n + 1)); else n=$((n + 7)); fi
    done
    echo "$cmd: $total allocations"
done <<'COMMANDS'
diff sin(x)^2*e^x/(1+x^2) --order 2
grad x^2*y+ln(y)
steps x^2*sin(3*x)
descend (w-3)^2 --start 0 --steps 20
check x^3 3*x^2
eval ln(x)*sqrt(x+y) x=2 y=3
tangent x^3-2*x --at 1
extrema x^4/4-x^2
extrema sin(x)+abs(x-1) --from -3 --to 3
limit sin(x)/x --at 0
check sin(x^2) 2*x*cos(x^2)
plot x^3-x --ascii
verify x^3 --at 1,2
backprop sigmoid(w*x+b)*(1-sigmoid(w*x+b)) --at w=0.5,x=2,b=0
COMMANDS
echo "$runs runs with a failing allocation, $fails wrong"
[ "$fails" -eq 0 ]
