#!/bin/sh
# The Python package installs offline the way the README says (pip, no index, no build
# isolation, Debian's python3 with its packages) into a fresh venv, finds the build's libdfdx
# (DFDX_BUILD_DIR, copied into the package) and works from outside the source tree.
# Usage: python_install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a copy, so that pip's in-tree build leaves nothing in the source tree
cp -r "$src/python" "$tmp/pkg"
rm -rf "$tmp/pkg/build" "$tmp/pkg"/*.egg-info
/usr/bin/python3 -m venv --system-site-packages "$tmp/venv"
DFDX_BUILD_DIR="$build" "$tmp/venv/bin/pip" install -q --no-index --no-build-isolation "$tmp/pkg"
cd "$tmp"
env -u DFDX_LIB -u PYTHONPATH "$tmp/venv/bin/python" - <<'PY'
import os, dfdx, numpy as np
lib = dfdx._lib.lib._name
assert lib.startswith(os.path.dirname(dfdx.__file__)), lib  # the package's own copy
d = dfdx.diff("x^3 - 3x")
assert str(d) == "3*x^2 - 3" and d(2.0) == 9.0
assert d(np.linspace(-2, 2, 5)).tolist() == [9, 0, -3, 0, 9]
print("installed:", dfdx.__file__, "with", lib)
PY
