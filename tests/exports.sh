#!/bin/sh
# The shared library exports only dx_ symbols.
set -eu
bad=$(nm -D --defined-only "$1" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^dx_' || true)
[ -z "$bad" ] || { echo "exported without the dx_ prefix:"; echo "$bad"; exit 1; }
echo "exports ok: $(nm -D --defined-only "$1" | awk '$2 == "T"' | wc -l) functions, all dx_"
