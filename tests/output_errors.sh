#!/bin/sh
# Output that cannot be written is an error (exit 2 with a message), not a success with less
# output; a NUL byte in a session's line is an error, not the end of the line.
# usage: output_errors.sh path/to/dfdx
set -u
dfdx=$1
fails=0
want() { # want STATUS MESSAGE-PART: the last run's status and stderr
    if [ "$st" -ne "$1" ] || ! grep -q "$2" "$err"; then
        echo "$what: exit $st, stderr: $(cat "$err"); want exit $1 and '$2'"
        fails=$((fails + 1))
    fi
}
err=${TMPDIR:-/tmp}/dfdx-output.$$
trap 'rm -f "$err"' EXIT
if [ -w /dev/full ]; then
    for cmd in "x^2" "--version" "--help" "plot x --ascii" "diff x^2 --format json"; do
        what="dfdx $cmd > /dev/full"
        # shellcheck disable=SC2086 # split on purpose
        "$dfdx" $cmd >/dev/full 2>"$err"
        st=$?
        want 2 "cannot write the output"
    done
    what="a session > /dev/full"
    printf 'diff x^2\n' | "$dfdx" >/dev/full 2>"$err"
    st=$?
    want 2 "cannot write the output"
fi
what="a NUL in a session's line"
out=$(printf 'diff x^2\000garbage\ndiff x^3\n' | "$dfdx" 2>"$err")
st=$?
want 2 "line 1: a NUL byte at column 9"
[ "$out" = "3*x^2" ] || { echo "$what: the next line gave '$out'"; fails=$((fails + 1)); }
echo "$fails wrong"
[ "$fails" -eq 0 ]
