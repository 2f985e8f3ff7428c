"""The module and the program agree on the textbook corpus: the derivative in plain text and
LaTeX, the derivation, and extrema (the same JSON record, or the same error)."""
import json

import numpy as np
import pytest

import dfdx
from conftest import assert_derivative, corpus, run_cli

TEXTBOOK = corpus("textbook.txt")


def test_corpus_is_there():
    assert len(TEXTBOOK) > 100


def both(call, *args):
    """call() and the program with args: the result and the program's stdout when both succeed,
    None when both fail with the same message (anything else fails the test)."""
    out, err, status = run_cli(*args)
    try:
        result = call()
    except dfdx.Error as e:
        assert status == 2 and err.splitlines()[0] == "dfdx: " + str(e).splitlines()[0]
        return None
    assert status == 0, err
    return result, out


@pytest.mark.parametrize("text", TEXTBOOK)
def test_derivative_as_the_program_prints_it(text):
    got = both(lambda: dfdx.diff(text), "diff", text)
    if got is None:
        return
    d, out = got
    latex, _, _ = run_cli("diff", text, "--format", "latex")
    assert out == str(d) + "\n" and latex == d.latex() + "\n"
    f = dfdx.parse(text)
    if f.variables in ([], ["x"]):
        # the points stay clear of the poles of tan
        assert_derivative(f.compile(["x"]), d.compile(["x"]), -2.93 + 0.31 * np.arange(26), least=3)


@pytest.mark.parametrize("text", TEXTBOOK[::3])
def test_steps_and_extrema_as_the_program_gives_them(text):
    # a fresh context, as the program's: the order of the open derivatives d/dx(u) in a step
    # follows the order their placeholders were made in the context
    got = both(lambda: dfdx.steps(text, ctx=dfdx.Context()), "steps", text, "--format", "json")
    if got is not None:
        assert [s.after for s in got[0]] == [s["after"] for s in json.loads(got[1])["steps"]]
    got = both(lambda: dfdx.extrema(text), "extrema", text, "--format", "json")
    if got is not None:
        r, out = got
        assert r.data == json.loads(out)
        assert [c.x for c in r.critical_points] == [c["x"] for c in r.data["critical_points"]]
