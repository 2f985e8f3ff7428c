"""Thread safety as stated in dfdx/__init__.py: a context's calls are serialised by its lock, so
expressions are shared between threads; compiled functions evaluate in parallel."""
import threading

import numpy as np

import dfdx

CORPUS = ["x^3 - 3*x", "sin(x^2)", "e^x*cos(x)", "ln(x^2 + 1)", "x^x", "sqrt(x^2 + 1)/(x + 3)", "tan(x)*x"]


def work(ctx):
    """Parse, differentiate, print, evaluate on an array and run commands: the answers."""
    out = []
    x = np.linspace(0.1, 2, 1000)
    for text in CORPUS:
        f = dfdx.parse(text, ctx=ctx)
        d = f.diff()
        out.append((str(d), d.latex(), d(x).tobytes(), str(f * f + 1), dfdx.check(f, str(d)).correct))
    out.append(repr(dfdx.limit("sin(x)/x", at=0, ctx=ctx)))
    out.append(dfdx.descend("w^2", start=4, rate=[0.1, 0.5], steps=30, ctx=ctx).runs[1].rows["loss"].tobytes())
    return out


def run_threads(target, n=8):
    results, errors = [None] * n, []

    def one(i):
        try:
            results[i] = target(i)
        except Exception as e:  # a failure in a thread must fail the test
            errors.append(e)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return results


def test_one_shared_context():
    expected = work(None)
    for _ in range(3):
        assert all(r == expected for r in run_threads(lambda i: work(None)))


def fresh(i, ctx):
    """Expressions no other thread builds: every thread inserts new nodes into the shared
    context's tables at the same time."""
    built = [dfdx.parse("x^%d*sin(%d*x + %d) + ln(x^2 + %d)" % (k + 2, i + 1, k, i * 100000 + k), ctx=ctx).diff()
             for k in range(300)]
    return [str(d) for d in built]


def test_new_nodes_from_every_thread():
    serial = dfdx.Context()
    expected = [fresh(i, serial) for i in range(8)]
    shared = dfdx.Context()  # a new one: the threads build its nodes, not look them up
    assert run_threads(lambda i: fresh(i, shared)) == expected


def test_a_context_per_thread():
    expected = work(dfdx.Context())
    assert all(r == expected for r in run_threads(lambda i: work(dfdx.Context())))


def test_shared_expressions_and_one_compiled_function():
    f = dfdx.parse("sin(x)*e^(-x^2)")
    g = f.compile()
    x = np.linspace(-3, 3, 200_000)
    expected = g(x)

    def use(i):
        same = [np.array_equal(g(x), expected) for _ in range(5)]
        built = str((f + i).diff())
        return all(same), built

    results = run_threads(use)
    assert all(ok for ok, _ in results)
    assert [b for _, b in results] == [str(f.diff())] * 8
