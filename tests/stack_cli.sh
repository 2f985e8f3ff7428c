#!/bin/sh
# The program on a small stack: every command on the deepest inputs the parser allows (999
# levels), under `ulimit -s 256`, answers or says "nested too deeply"; never a signal.
# usage: stack_cli.sh path/to/dfdx
set -u
dfdx=$1
tmp=${TMPDIR:-/tmp}/dfdx-stack.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
nest() { # nest PREFIX MIDDLE SUFFIX: PREFIX 999 times, MIDDLE, SUFFIX 999 times
    awk -v p="$1" -v m="$2" -v s="$3" 'BEGIN { for (i = 0; i < 999; i++) { a = a p; b = b s } print a m b }'
}
runs=0
fails=0
for shape in 'sin(|x|)' 'x^|x|' 'sin(x*|x|)' 'ln(1+|x|)'; do
    e=$(nest "${shape%%|*}" x "${shape##*|}")
    while read -r cmd; do
        set -f
        # shellcheck disable=SC2086 # split on purpose: one word per argument, E is the input
        set -- $cmd
        c=$1
        shift
        for w; do
            shift
            case $w in E) set -- "$@" "$e" ;; *) set -- "$@" "$w" ;; esac
        done
        (ulimit -s 256 && exec "$dfdx" "$c" "$e" "$@" >"$tmp/out" 2>"$tmp/err")
        st=$?
        runs=$((runs + 1))
        if [ "$st" -gt 2 ]; then
            echo "$c ${shape%%|*}... $*: exit status $st"
            fails=$((fails + 1))
        elif [ "$st" -eq 2 ] && ! grep -q . "$tmp/err"; then
            echo "$c ${shape%%|*}... $*: exit 2 without a message"
            fails=$((fails + 1))
        fi
    done <<'COMMANDS'
diff
diff --format latex
diff --format json
grad
steps
check E
eval x=0.5
verify
tangent --at 0.5
extrema --from 0.1 --to 2
limit --at 0
limit --at oo
taylor --at 0.5
backprop --at x=0.5
plot --ascii
COMMANDS
    printf 'f(x) = %s\ndiff f(x)\nf(2)\n' "$e" | (ulimit -s 256 && exec "$dfdx" >/dev/null 2>&1)
    st=$?
    runs=$((runs + 1))
    [ "$st" -le 2 ] || { echo "session ${shape%%|*}...: exit status $st"; fails=$((fails + 1)); }
done
echo "$runs runs under ulimit -s 256, $fails not clean"
[ "$fails" -eq 0 ]
