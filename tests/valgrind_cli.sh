#!/bin/sh
# valgrind on the program: every command in every format, a session from stdin, and plots to
# PNG, SVG and PDF (Cairo and fontconfig included). A run with a memory error or a definite
# leak fails (exit 99); the command's own status is not judged here.
# usage: valgrind_cli.sh path/to/dfdx
set -u
dfdx=$1
supp=$(dirname "$0")/valgrind.supp
tmp=${TMPDIR:-/tmp}/dfdx-valgrind.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
vg="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --suppressions=$supp"
runs=0
fails=0
run() { # run STDIN-TEXT ARGS...
    input=$1
    shift
    printf '%s' "$input" | $vg "$dfdx" "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    runs=$((runs + 1))
    if [ "$st" -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
        echo "dfdx $*: valgrind:"
        head -20 "$tmp/err"
        fails=$((fails + 1))
    fi
}
set -f
while read -r cmd; do
    [ -n "$cmd" ] || continue
    for fmt in plain latex json; do
        # shellcheck disable=SC2086 # split on purpose: one word per argument
        run "" $cmd --format $fmt
    done
done <<'COMMANDS'
diff sin(x)^2*exp(-x)/(1+x^2) --order 2
grad (w*x-y)^2
steps x^2*sin(3*x)
check sin(x^2) 2*x*cos(x^2)
check x^3 3*x
eval ln(x)*sqrt(x+y) x=2 y=3
verify x^3 --at 1,2
tangent x^3-2*x --at 1
extrema x^4/4-x^2
descend (w-3)^2 --start 0 --steps 20 --table
limit sin(x)/x --at 0
plot x^3-x --ascii
hessian x^2*y+y^3 --at x=1,y=2
taylor exp(x) --at 0 --order 4
implicit x^2+y^2=1 --at x=0.6,y=0.8
backprop sigmoid(w*x+b) --at w=0.5,x=2,b=0
diff ln(x --var x
COMMANDS
for out in png svg pdf; do
    run "" plot 'sin(x)/x' --from -10 --to 10 --out "$tmp/p.$out" --tangent 1 --mark extrema
    run "" descend '(w-3)^2' --start 0 --plot --out "$tmp/d.$out"
done
run "" backprop 'w*x+b' --at w=1,x=2,b=3 --out "$tmp/g.svg"
run "f(x) = x^3 - x
diff f(x)
f(2)
extrema f(x)
limit f(x)/x --at 0
plot f(x) --ascii
nonsense (
" session
run "diff x^2
" --lang ko session
echo "$runs runs under valgrind, $fails with errors"
[ "$fails" -eq 0 ]
