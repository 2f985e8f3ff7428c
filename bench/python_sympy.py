"""dfdx through Python against SymPy in the same process (bench/RESULTS.md, issue 17).

    PYTHONPATH=python DFDX_LIB=build/libdfdx.so /usr/bin/python3 bench/python_sympy.py CORPORA_DIR

Needs python3-sympy (Debian; for this benchmark only, not for the tests). Two rows:
- diff: every line of textbook.txt parsed, differentiated by x and printed; dfdx.diff with
  simplify=False (canonical form, as dfdx-bench's `dfdx` row) and simplified as `dfdx diff`
  shows it, against sympy.diff (SymPy's automatic simplification only). Each repetition starts from a fresh dfdx.Context / SymPy's cleared cache; best of 5.
- eval: f' of every line of eval.txt on the 10^6 points of points.txt's grid (0.1 .. 3), the
  derivative compiled once, then timed: dfdx's Function (exact and fast mode) against
  sympy.lambdify(x, f', "numpy"). Best of 3 per expression, summed. The values are compared.
"""
import os
import sys
import time

import numpy as np
import sympy
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

import dfdx

X = sympy.Symbol("x")
NAMES = {"x": X, "ln": sympy.log, "sqrt": sympy.sqrt, "exp": sympy.exp, "sin": sympy.sin, "cos": sympy.cos,
         "tan": sympy.tan}
TRANSFORMS = standard_transformations + (convert_xor,)


def lines(path):
    with open(path, encoding="utf-8") as fp:
        return [s.strip() for s in fp if s.strip() and not s.startswith("#")]


def best(fn, reps, before=lambda: None):
    times = []
    for _ in range(reps):
        before()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_diff(corpus):
    texts = lines(os.path.join(corpus, "textbook.txt"))

    def with_dfdx(simplify):
        ctx = dfdx.Context()
        return [str(dfdx.parse(t, ctx=ctx).diff("x", simplify=simplify)) for t in texts]

    def with_sympy():
        return [str(sympy.diff(parse_expr(t, local_dict=NAMES, transformations=TRANSFORMS), X)) for t in texts]

    raw = best(lambda: with_dfdx(False), 5)
    shown = best(lambda: with_dfdx(True), 5)
    s = best(with_sympy, 5, clear_cache)
    n = len(texts)
    print("textbook diff (parse + d/dx + print), %d lines: dfdx %.1f us/line (simplify=False), %.1f us/line "
          "(simplified, as the program shows it), sympy.diff %.0f us/line; sympy/dfdx %.0fx and %.0fx"
          % (n, raw / n * 1e6, shown / n * 1e6, s / n * 1e6, s / raw, s / shown))


def bench_eval(corpus):
    conf = {}
    for s in lines(os.path.join(corpus, "points.txt")):
        k, v = s.split("=")
        conf[k.strip()] = float(v)
    xs = np.linspace(conf["lo"], conf["hi"], int(conf["count"]))
    totals = {"dfdx": 0.0, "dfdx-fast": 0.0, "sympy": 0.0}
    worst = 0.0
    for text in lines(os.path.join(corpus, "eval.txt")):
        g = dfdx.diff(text, var="x").compile(["x"])
        gf = dfdx.diff(text, var="x").compile(["x"], fast=True)
        h = sympy.lambdify(X, sympy.diff(parse_expr(text, local_dict=NAMES, transformations=TRANSFORMS), X), "numpy")
        totals["dfdx"] += best(lambda: g(xs), 3)
        totals["dfdx-fast"] += best(lambda: gf(xs), 3)
        totals["sympy"] += best(lambda: np.broadcast_to(h(xs), xs.shape), 3)
        a, b = g(xs), np.broadcast_to(h(xs), xs.shape)
        ok = np.isfinite(a) & np.isfinite(b)
        worst = max(worst, float(np.max(np.abs(a[ok] - b[ok]) / np.maximum(1, np.abs(b[ok])))))
    n = len(lines(os.path.join(corpus, "eval.txt"))) * xs.size
    ns = {k: v / n * 1e9 for k, v in totals.items()}
    print("eval f' on %d points x %d expressions: dfdx %.2f ns/point, dfdx fast %.2f ns/point, "
          "sympy.lambdify+numpy %.2f ns/point; sympy/dfdx %.1fx, sympy/dfdx-fast %.1fx; largest relative "
          "difference %.1e" % (xs.size, n // xs.size, ns["dfdx"], ns["dfdx-fast"], ns["sympy"],
                               ns["sympy"] / ns["dfdx"], ns["sympy"] / ns["dfdx-fast"], worst))


if __name__ == "__main__":
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                                   "bench", "corpora")
    print("sympy %s, numpy %s, python %s" % (sympy.__version__, np.__version__, sys.version.split()[0]))
    bench_diff(corpus)
    bench_eval(corpus)
