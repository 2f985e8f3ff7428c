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


def central(f, x, h=1e-4):
    """f' at x by the five-point central difference (f a vectorised callable): error of order
    h^4, so that steep points (near a pole of tan) still agree to a few parts in 10^6."""
    return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h)


def assert_derivative(f, d, xs, rtol=1e-5, atol=1e-6, least=None):
    """d agrees with central differences of f wherever both are finite at the points xs (at
    least `least` of them, by default half)."""
    xs = np.asarray(xs, dtype=np.float64)
    num, sym = central(f, xs), d(xs)
    # where halving the step moves the estimate, the point is too close to a pole to judge
    steady = np.abs(central(f, xs, 5e-5) - num) <= 1e-7 * np.maximum(1, np.abs(num))
    ok = np.isfinite(num) & np.isfinite(sym) & steady
    assert ok.sum() >= (least or max(1, len(xs) // 2)), "too few points where both are defined"
    np.testing.assert_allclose(sym[ok], num[ok], rtol=rtol, atol=atol)


def pytest_collection_modifyitems(session, config, items):
    """The layout test first: a struct mirror out of step with the headers makes the other
    tests crash (the C side writes past the Python copy), so its plain failure must come first."""
    items.sort(key=lambda item: 0 if item.module.__name__.endswith("test_layout") else 1)
