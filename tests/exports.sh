#!/bin/sh
# The shared library exports exactly what the public headers declare: every exported symbol
# is a DX_API declaration of include/dfdx.h or include/dfdx/*.h, and every such declaration
# is exported (and, through the first, every export is dx_).
# usage: exports.sh path/to/libdfdx.so path/to/include
set -eu
lib=$1
inc=$2
tmp=${TMPDIR:-/tmp}/dfdx-exports.$$
trap 'rm -f "$tmp".*' EXIT
# i: an indirect function (the evaluator's target_clones); the compiler's own names for its
# clones and resolver carry a dot (dx_prog_eval_n.resolver) and are not API
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWi]$/ && $3 !~ /\./ {print $3}' | sort -u >"$tmp.exported"
# the name of each DX_API declaration: the identifier before its parameter list (functions)
# or before its ; or [ (data); a declaration starts on the line that says DX_API
headers="$inc/dfdx.h $(find "$inc/dfdx" -name '*.h' 2>/dev/null | sort | tr '\n' ' ')"
# shellcheck disable=SC2086 # the list of headers, split on purpose
sed -n 's/^DX_API[^(;[]*[^A-Za-z0-9_(;[]\(dx_[A-Za-z0-9_]*\) *[(;[].*/\1/p' $headers | sort -u >"$tmp.declared"
[ -s "$tmp.declared" ] || { echo "no DX_API declarations found in $headers"; exit 1; }
status=0
undeclared=$(comm -23 "$tmp.exported" "$tmp.declared")
[ -z "$undeclared" ] || { echo "exported but not declared DX_API in a public header:"; echo "$undeclared"; status=1; }
missing=$(comm -13 "$tmp.exported" "$tmp.declared")
[ -z "$missing" ] || { echo "declared DX_API but not exported:"; echo "$missing"; status=1; }
[ "$status" -ne 0 ] || echo "exports ok: $(wc -l <"$tmp.exported") symbols, each declared in $headers"
exit "$status"
