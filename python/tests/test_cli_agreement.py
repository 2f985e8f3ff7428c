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


@pytest.mark.parametrize("text", TEXTBOOK)
def test_derivative_as_the_program_prints_it(text):
    out, err, status = run_cli("diff", text)
    latex, _, _ = run_cli("diff", text, "--format", "latex")
    try:
        d = dfdx.diff(text)
    except dfdx.Error as e:
        assert status == 2 and e.message in err
        return
    assert status == 0 and out == str(d) + "\n" and latex == d.latex() + "\n"
    f = dfdx.parse(text)
    if f.variables in ([], ["x"]):
        assert_derivative(f.compile(["x"]), d.compile(["x"]), -2.93 + 0.31 * np.arange(26), least=3)  # not next to the poles of tan


@pytest.mark.parametrize("text", TEXTBOOK[::3])
def test_steps_and_extrema_as_the_program_gives_them(text):
    out, _, status = run_cli("steps", text, "--format", "json")
    if status == 0:
        # a fresh context, as the program's: the order of the open derivatives d/dx(u) in a
        # step follows the order their placeholders were made in the context
        assert [s.after for s in dfdx.steps(text, ctx=dfdx.Context())] == [s["after"] for s in json.loads(out)["steps"]]
    out, err, status = run_cli("extrema", text, "--format", "json")
    try:
        r = dfdx.extrema(text)
    except dfdx.Error as e:
        assert status == 2 and e.message in err
        return
    assert status == 0 and r.data == json.loads(out)
    assert [c.x for c in r.critical_points] == [c["x"] for c in r.data["critical_points"]]
