#!/bin/sh
# Singular's side of the `critical3` bench task (critical points of f(x, y, z), files from
# `gen_polys2.py --three`): singular_critical2.sh in the ring of x, y, z.
#
#   bench/singular_critical3.sh POLY_FILE [--dump]
DX_RING_VARS="x, y, z" DX_TASK=critical3 exec sh "$(dirname "$0")/singular_critical2.sh" "$@"
