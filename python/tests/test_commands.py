"""Every command as a function returning plain objects, checked against what the program says."""
import math

import numpy as np
import pytest

import dfdx
from conftest import central


def test_extrema():
    r = dfdx.extrema("x^3 - 3x")
    assert [(c.x, c.value, c.kind) for c in r.critical_points] == [(-1, 2, "max"), (1, -2, "min")]
    assert repr(r.critical_points[0]) == "CriticalPoint(x=-1, value=2, kind='max')"
    assert str(r.critical_points[0].exact) == "-1" and r.critical_points[0].test.startswith("second derivative")
    assert [(p.x, p.value) for p in r.inflection_points] == [(0, 0)]
    assert r.global_min is None and r.global_max is None and r.data["global_max_reason"] == "f → +oo as x → +oo"
    q = dfdx.extrema("x^2 - 4x + 3")
    assert (q.global_min.x, q.global_min.value) == (2, -1)
    s = dfdx.extrema("x^4 - 8*x^2 + 2*x + 20")
    assert [c.kind for c in s.critical_points] == ["min", "max", "min"]
    df = dfdx.diff("x^4 - 8*x^2 + 2*x + 20")
    assert all(abs(df(c.x)) < 1e-9 for c in s.critical_points)
    assert s.global_min.x == s.critical_points[0].x
    k = dfdx.extrema("abs(x - 1)", interval=(-3, 3))
    assert [(c.x, c.kind, c.differentiable) for c in k.critical_points] == [(1, "min", False)]
    with pytest.raises(dfdx.UsageError):
        dfdx.extrema("x^2", interval=(1, 0))


def test_evaluate():
    v = dfdx.evaluate("x^2 - 4x", x="1/2")
    assert (v.value, v.decimal, str(v.exact), v.rational) == (-1.75, -1.75, "-7/4", True)
    s = dfdx.evaluate("sin(x)", x="pi/3")
    assert str(s.exact) == "sqrt(3)/2" and s.value == pytest.approx(3 ** 0.5 / 2) and not s.rational
    assert dfdx.evaluate("log2(x)", x=8).decimal == 3
    assert dfdx.evaluate("x*y", {"x": 0.5}, y=2).value == 1
    assert dfdx.evaluate("x^2 - 4x", x="1/2").data["exact"] == "-7/4"
    with pytest.raises(dfdx.DomainError, match="ln is undefined at -1"):
        dfdx.evaluate("ln(x)", x=-1)
    with pytest.raises(dfdx.UsageError, match="no value for y"):
        dfdx.evaluate("x*y", x=1)


def test_check():
    c = dfdx.check("sin(x^2)", "cos(x^2)")
    assert (c.correct, c.slip, c.verdict) == (False, "missing inner derivative (chain rule)", "incorrect")
    assert c.at == 2.0 and str(c.derivative) == "2*x*cos(x^2)"
    ok = dfdx.check("x^3", "3x^2")
    assert ok.correct and ok.at is None and ok.slip is None
    assert dfdx.check("(w*x - y)^2", "2*x*(w*x - y)", var="w").correct
    assert dfdx.check("x^3", "6x", order=2).correct


def test_steps():
    s = dfdx.steps("sin(x^2)")
    assert [st.rule for st in s] == ["chain", "power"]
    assert s[0].description == "chain rule, outer sin, inner x^2" and s[-1].after == "2*x*cos(x^2)"


def test_tangent():
    t = dfdx.tangent("x^2", at=1.5)
    assert (t.x, t.y, t.slope, t.intercept) == (1.5, 2.25, 3.0, -2.25) and str(t.line) == "3*x - 9/4"
    assert dfdx.tangent("sin(x)", at="pi/2").slope == pytest.approx(0, abs=1e-15)
    k = dfdx.tangent("abs(x)", at=0)
    assert not k.differentiable and k.slope is None and "left derivative -1" in k.reason
    f = dfdx.parse("x^3 - 3x")
    for a in (-2.0, 0.5, 2.0):
        t = dfdx.tangent(f, at=a)
        assert t.slope == pytest.approx(central(f, a), rel=1e-6)


def test_limit():
    lim = dfdx.limit("1/(x+1)", at=-1)
    assert (lim.left, lim.right, lim.exists) == (-math.inf, math.inf, False)
    assert repr(lim) == "Limit(left=-inf, right=inf, exists=False)"
    s = dfdx.limit("sin(x)/x", at=0)
    assert (s.left, s.right, s.exists, s.value, str(s.exact)) == (1, 1, True, 1, "1") and s.continuous is False
    r = dfdx.limit("relu(x)", at=0)
    assert r.continuous is True and r.differentiable is False
    assert dfdx.limit("(1 + 1/x)^x", at=math.inf).value == pytest.approx(math.e)
    assert str(dfdx.limit("(1 + 1/x)^x", at="oo").exact) == "e"
    o = dfdx.limit("sin(1/x)", at=0)
    assert (o.left, o.right, o.exists) == (None, None, False)
    left = dfdx.limit("1/x", at=0, side="left")
    assert (left.left, left.right, left.exists) == (-math.inf, None, True)
    with pytest.raises(dfdx.UsageError, match="only the left side"):
        dfdx.limit("1/x", at="oo", side="right")
    with pytest.raises(dfdx.UsageError):
        dfdx.limit("1/x", at=0, side="up")


def test_descend_rates_rows_as_arrays():
    d = dfdx.descend("w^2", start=4, rate=[0.01, 0.15, 0.9], steps=20)
    assert [r.rate for r in d.runs] == [0.01, 0.15, 0.9] and d.best == 0.15
    assert [r.verdict.split(":")[0] for r in d.runs] == ["too small", "just right", "too large"]
    for run in d.runs:
        w = run.rows["position"]
        assert isinstance(w, np.ndarray) and w.shape == (20,) and run.path.shape == (21,)
        # the lesson's update, w <- w - rate*2w, number for number
        np.testing.assert_allclose(run.path[1:], run.path[:-1] * (1 - 2 * run.rate), rtol=1e-12)
        np.testing.assert_allclose(run.rows["loss"], w ** 2)
        np.testing.assert_allclose(run.rows["gradient"], 2 * w)
    assert d.critical_points == [{"x": 0, "value": 0, "kind": "min"}]
    one = dfdx.descend("w^2", start=4, rate=0.15, steps=15)
    assert len(one.runs) == 1 and one.runs[0].verdict is None and one.runs[0].status == "max_steps"
    c = dfdx.descend("(w - 1)^2", start=0, rate=0.1, steps=1000)
    assert c.runs[0].status == "converged" and c.runs[0].position == pytest.approx(1)
    m = dfdx.descend("(w*x - y)^2 + b^2", start={"w": 0, "b": 1}, fixed={"x": 2, "y": 3}, steps=3, method="adam")
    assert m.variables == ["w", "b"] and m.runs[0].rows["position"].shape == (3, 2)
    with pytest.raises(dfdx.UsageError, match="several variables"):
        dfdx.descend("w*b", start=1)
    with pytest.raises(dfdx.DomainError):
        dfdx.descend("ln(w)", start=-1)
    with pytest.raises(dfdx.UsageError):
        dfdx.descend("w^2", start=1, method="newton")


def test_verify():
    v = dfdx.verify("x^2", at=[-3, 0, 2])
    assert [p.x for p in v.points] == [-3, 0, 2] and all(p.match for p in v.points)
    assert (v.matched, v.mismatched, str(v.derivative)) == (3, 0, "2*x")
    k = dfdx.verify("abs(x)", at=[0, 1])
    assert [p.status for p in k.points] == ["not_differentiable", "match"]
    assert len(dfdx.verify("sin(x)").points) > 5
