"""Shared helpers: the dfdx program (DFDX_CLI) and the corpora (DX_CORPUS_DIR) as CTest passes
them, and the numeric check every derivative gets."""
import os
import subprocess

import numpy as np
import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def cli_path():
    path = os.environ.get("DFDX_CLI", os.path.join(ROOT, "build", "dfdx"))
    if not os.path.exists(path):
        pytest.skip("the dfdx program is not built (DFDX_CLI)")
    return path


def run_cli(*args):
    """The program's stdout, stderr and exit status."""
    p = subprocess.run([cli_path(), *args], capture_output=True, text=True)
    return p.stdout, p.stderr, p.returncode


def corpus(name):
    """The lines of a benchmark corpus (a missing corpus fails, as in the C suites)."""
    path = os.path.join(os.environ.get("DX_CORPUS_DIR", os.path.join(ROOT, "..", "shared", "bench", "corpora")),
                        name)
    with open(path, encoding="utf-8") as fp:
        return [line.strip() for line in fp if line.strip() and not line.startswith("#")]


def central(f, x, h=1e-5):
    """f' at x by a central difference (f a vectorised callable)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def assert_derivative(f, d, xs, rtol=1e-5, atol=1e-6):
    """d agrees with central differences of f wherever both are finite at the points xs."""
    xs = np.asarray(xs, dtype=np.float64)
    num, sym = central(f, xs), d(xs)
    ok = np.isfinite(num) & np.isfinite(sym)
    assert ok.sum() >= max(1, len(xs) // 2), "too few points where both are defined"
    np.testing.assert_allclose(sym[ok], num[ok], rtol=rtol, atol=atol)
