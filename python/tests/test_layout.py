"""The ctypes mirrors of the C structs (dfdx/_lib.py) against the headers: every struct's size and
every field's offset, from a C program compiled against include/ (skipped without a compiler or
without the source tree, as in an installed copy)."""
import ctypes
import os
import shutil
import subprocess

import pytest

from dfdx import _lib as L

INCLUDE = os.environ.get("DFDX_INCLUDE", os.path.join(os.path.dirname(__file__), "..", "..", "include"))


def test_mirrors_match_headers(tmp_path):
    cc = shutil.which("cc")
    if not cc or not os.path.exists(os.path.join(INCLUDE, "dfdx.h")):
        pytest.skip("needs a C compiler and the source tree's include/")
    lines, expected = [], []
    for py, c in L.C_NAMES.items():
        lines.append('printf("%%zu\\n", sizeof(%s));' % c)
        expected.append(("sizeof", c, py.__name__, ctypes.sizeof(py)))
        for name, *_ in py._fields_:
            cname = name.rstrip("_")  # from_ is C's from
            lines.append('printf("%%zu\\n", offsetof(%s, %s));' % (c, cname))
            expected.append((cname, c, py.__name__, getattr(py, name).offset))
    src = tmp_path / "layout.c"
    src.write_text("#include <stddef.h>\n#include <stdio.h>\n#include <dfdx.h>\nint main(void)\n{\n%s\nreturn 0;\n}\n"
                   % "\n".join(lines))
    exe = tmp_path / "layout"
    subprocess.run([cc, "-I", INCLUDE, str(src), "-o", str(exe)], check=True)
    got = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split()
    assert len(got) == len(expected)
    wrong = [(what, c, py, mine, int(theirs)) for (what, c, py, mine), theirs in zip(expected, got)
             if mine != int(theirs)]
    assert wrong == []
