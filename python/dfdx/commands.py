"""Every command of the program as a function returning plain Python objects and NumPy arrays:
the numbers a program computes with are read from the result structs, the whole record from the
library's JSON renderer (dx_show_<command>(..., DX_SHOW_JSON): the documented data form of a
result, the same JSON as `dfdx <command> --format json`), parsed with json."""
import math
from ctypes import POINTER, byref, c_char_p, c_double, c_void_p
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import numpy as np

from . import _lib as L
from .errors import UsageError
from .expr import Expr, _expr, _pick_var


@dataclass
class CriticalPoint:
    x: float
    value: float
    kind: str                      # 'min', 'max' or 'neither'
    exact: Optional[Expr] = None   # x exactly (2 - sqrt(3)), when known
    exact_value: Optional[Expr] = None
    test: str = ""                 # how it was classified, in words
    differentiable: bool = True
    multiplicity: int = 0

    def __repr__(self):
        return "CriticalPoint(x=%s, value=%s, kind=%r)" % (_num(self.x), _num(self.value), self.kind)


def _num(v):
    return repr(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(v)


@dataclass
class Extrema:
    function: Expr
    variable: str
    critical_points: List[CriticalPoint]
    inflection_points: List[CriticalPoint]
    global_min: Optional[CriticalPoint]
    global_max: Optional[CriticalPoint]
    data: Dict[str, Any] = field(repr=False)  # the whole record, as `dfdx extrema --format json`


_CP_KIND = ("min", "max", "neither")


def _ex(ctx, ptr):
    return Expr(ctx, ptr) if ptr else None


def extrema(f, var=None, interval=None, ctx=None):
    """Every critical point of f, classified, with inflection points and global extremes, on
    the whole line (a polynomial) or the interval (lo, hi)."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    r = L.ExtremaResult()
    lo = hi = None
    if interval is not None:
        lo, hi = (c_double(float(v)) for v in interval)
        if not lo.value < hi.value:
            raise UsageError("the interval's start (%s) must be less than its end (%s)" % (lo.value, hi.value))
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_extrema(ctx._ptr, f._ptr, var.encode(), byref(lo) if lo else None,
                                    byref(hi) if hi else None, byref(r)))
        try:
            data = ctx.show(L.lib.dx_show_extrema, r)
            cps = [CriticalPoint(c.at.x, c.at.value, _CP_KIND[c.kind], _ex(ctx, c.at.exact),
                                 _ex(ctx, c.at.exact_value), j["test"], not c.kink, c.mult)
                   for c, j in zip(r.crit[:r.ncrit], data["critical_points"])]
            infl = [CriticalPoint(p.x, p.value, "inflection", _ex(ctx, p.exact), _ex(ctx, p.exact_value))
                    for p in r.infl[:r.ninfl]]
            glob = [CriticalPoint(g.at.x, g.at.value, k, _ex(ctx, g.at.exact), _ex(ctx, g.at.exact_value))
                    if g.exists else None for g, k in ((r.min, "min"), (r.max, "max"))]
        finally:
            L.lib.dx_extrema_free(byref(r))
    return Extrema(f, var, cps, infl, glob[0], glob[1], data)


@dataclass
class Check:
    correct: bool                # the answer is the derivative (by algebra, or at every point tried)
    at: Optional[float]          # a point where they differ (or where one is undefined)
    slip: Optional[str]          # the likely slip, named ("missing inner derivative (chain rule)")
    verdict: str                 # 'correct', 'incorrect', ... as `dfdx check` says it
    derivative: Expr
    data: Dict[str, Any] = field(repr=False)


def check(f, answer, var=None, order=1, ctx=None):
    """Is answer the order-th derivative of f? A witness point and the slip when it is not."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    text = str(answer)
    data_b = text.encode("utf-8")
    r = L.CheckResult()
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_check(ctx._ptr, f._ptr, var.encode(), order, data_b, len(data_b), byref(r)), text)
        data = ctx.show(L.lib.dx_show_check, r)
        kind = r.eq.kind
        at = r.eq.at_d if kind in (L.EQ_DIFFERENT, L.EQ_UNDEFINED) else None
        slip = data["slip"]["name"] if data.get("slip") else None
        return Check(kind in (L.EQ_ALGEBRA, L.EQ_POINTS), at, slip, data["verdict"], Expr(ctx, r.derivative, f.decimals), data)


@dataclass
class Value:
    value: float              # in doubles (nan when too large for a double: exact has it)
    decimal: float            # as the program shows it, without rounding noise (log2(8) is 3)
    exact: Optional[Expr]     # the exact value where it says more than a decimal (1/3, sqrt(3)/2)
    rational: bool            # exact is a rational number
    data: Dict[str, Any] = field(repr=False)


def evaluate(f, values=None, ctx=None, **kw):
    """The value of f at exact values (numbers, or closed expressions such as 'pi/3'), exactly
    where it can be, as `dfdx eval` gives it: evaluate("x^2 - 4x", x="1/2").exact is -7/4."""
    f = _expr(f, ctx)
    ctx = f.ctx
    values = dict(values or {}, **kw)
    names = (c_char_p * max(1, len(values)))(*[k.encode() for k in values])
    with ctx.numbers(f.decimals):
        exprs = (c_void_p * max(1, len(values)))(*[ctx.expr(v)._ptr for v in values.values()])
        r = L.Value()
        ctx.status(L.lib.dx_eval_at(ctx._ptr, f._ptr, names, exprs, len(values), byref(r)))
        return Value(r.value, r.decimal, _ex(ctx, r.exact), bool(r.rational), ctx.show(L.lib.dx_show_value, r))


@dataclass
class Step:
    rule: str
    description: str
    formula: str
    before: str
    after: str


def steps(f, var=None, ctx=None):
    """The derivation of f', one rule a step, as `dfdx steps` shows it."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    s = L.Steps()
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_steps_build(ctx._ptr, f._ptr, var.encode(), byref(s)))
        try:
            data = ctx.show(L.lib.dx_show_steps, s)
        finally:
            L.lib.dx_steps_free(byref(s))
    return [Step(d["rule"], d["description"], d["formula"], d["before"], d["after"]) for d in data["steps"]]


@dataclass
class Tangent:
    x: float
    y: float
    differentiable: bool
    slope: Optional[float]       # None where there is no (finite) slope
    intercept: Optional[float]
    line: Optional[Expr]         # exactly, slope*x + intercept, where the values are exact
    reason: Optional[str]        # why there is no tangent line
    data: Dict[str, Any] = field(repr=False)


def tangent(f, at, var=None, ctx=None):
    """The tangent of f at the point at (a number or a closed expression such as 'pi/4')."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    text = at if isinstance(at, str) else repr(float(at)) if isinstance(at, float) else str(at)
    r = L.TangentResult()
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_tangent(ctx._ptr, f._ptr, var.encode(), text.encode("utf-8"), None, None, 0, byref(r)),
                   text)
        data = ctx.show(L.lib.dx_show_tangent, r)
        line = r.kind == 0
        return Tangent(r.x, r.y, line, r.slope if line else None, r.intercept if line else None,
                       _ex(ctx, r.line) if line and r.exact else None, data.get("reason"), data)


@dataclass
class Limit:
    left: Optional[float]    # a number, inf or -inf; None where the side has no limit (or was not asked)
    right: Optional[float]
    exists: bool
    value: Optional[float] = None
    exact: Optional[Expr] = None  # the limit exactly (e, 1/2), when found so
    continuous: Optional[bool] = None
    differentiable: Optional[bool] = None
    data: Dict[str, Any] = field(default=None, repr=False)

    def __repr__(self):
        return "Limit(left=%s, right=%s, exists=%s)" % (_side(self.left), _side(self.right), self.exists)


def _side(v):
    return "None" if v is None else "inf" if v == math.inf else "-inf" if v == -math.inf else _num(v)


def _lim_number(lim):
    return {L.LIM_VALUE: lim.value, L.LIM_POS_INF: math.inf, L.LIM_NEG_INF: -math.inf}.get(lim.kind)


def _tri(v):
    return None if v < 0 else bool(v)


def limit(f, at, side="both", var=None, ctx=None):
    """The limit of f as var tends to at (a number, 'pi/2', math.inf or 'oo'), from side
    'both', 'left' or 'right', with continuity and differentiability at a finite point."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    if side not in ("both", "left", "right"):
        raise UsageError("side takes both, left or right (not '%s')" % (side,))
    p = L.Point()
    text = None
    if isinstance(at, (int, float)) and math.isinf(at):
        p.inf = 1 if at > 0 else -1
    elif isinstance(at, str) and at.strip() in ("oo", "+oo", "-oo", "inf", "-inf", "infinity", "-infinity", "∞"):
        p.inf = -1 if at.strip().startswith("-") else 1
    else:
        text = at if isinstance(at, str) else None
        e = ctx.expr(at)
        if e.variables:
            raise UsageError("the point takes a number or a constant expression like pi/2 (not '%s')" % e)
        p.at = e._ptr
    left, right = side == "left", side == "right"
    if p.inf and (left or right) and left != (p.inf > 0):
        raise UsageError("at %s only the %s side exists" % ("oo" if p.inf > 0 else "-oo",
                                                            "left" if p.inf > 0 else "right"))
    r = L.LimitReport()
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_limit(ctx._ptr, f._ptr, var.encode(), p, left, right, byref(r)), text)
        data = ctx.show(L.lib.dx_show_limit, r)
        finite = not p.inf
        return Limit(_lim_number(r.left) if r.want_left else None, _lim_number(r.right) if r.want_right else None,
                     bool(r.exists), _lim_number(r.value) if r.exists else None,
                     _ex(ctx, r.value.exact) if r.exists else None,
                     _tri(r.continuous) if finite else None, _tri(r.differentiable) if finite else None, data)


@dataclass
class VerifyPoint:
    x: float
    symbolic: Optional[float]
    numeric: Optional[float]
    match: bool
    status: str


@dataclass
class Verification:
    derivative: Expr
    points: List[VerifyPoint]
    matched: int
    mismatched: int   # > 0: the symbolic derivative is wrong somewhere
    data: Dict[str, Any] = field(repr=False)


def verify(f, var=None, at=None, ctx=None):
    """f' against central differences of f at the points at (default: a spread over [-3, 3])."""
    f = _expr(f, ctx, var)
    ctx = f.ctx
    var = _pick_var(f, var)
    pts = None if at is None else np.ascontiguousarray(np.atleast_1d(at), dtype=np.float64)
    r = L.VerifyResult()
    with ctx.numbers(f.decimals):
        ctx.status(L.lib.dx_verify(ctx._ptr, f._ptr, var.encode(), None, None, 0,
                                   None if pts is None else pts.ctypes.data_as(POINTER(c_double)),
                                   0 if pts is None else pts.size, byref(r)))
        data = ctx.show(L.lib.dx_show_verify, r)
        points = [VerifyPoint(p["x"], p["symbolic"], p["numeric"], p["match"], p["status"]) for p in data["points"]]
        return Verification(Expr(ctx, r.derivative, f.decimals), points, r.matched, r.mismatched, data)


@dataclass
class Run:
    """One learning rate's descent: every row as NumPy arrays (step, position, loss, gradient,
    update; position, gradient and update are (steps, nvars) for several variables)."""
    rate: float
    status: str          # converged, diverged, max_steps, stopped
    reason: str
    steps_taken: int
    position: Any        # final: a float (one variable) or an array
    loss: float
    verdict: Optional[str]
    rows: Dict[str, np.ndarray] = field(repr=False)

    @property
    def path(self):
        """Every position from the start to the final one (the rows' positions, then the final)."""
        final = np.atleast_1d(np.asarray(self.position, dtype=np.float64))
        pos = self.rows["position"]
        return np.concatenate([pos, final]) if pos.ndim == 1 else np.vstack([pos, final])


@dataclass
class Descent:
    function: Expr
    variables: List[str]
    runs: List[Run]
    best: Optional[float]    # the just-right rate among several, if any
    critical_points: List[Dict[str, Any]]
    data: Dict[str, Any] = field(repr=False)


_METHODS = {"gd": L.GD, "momentum": L.MOMENTUM, "adam": L.ADAM}


def descend(f, start, rate=0.1, steps=100, method="gd", tol=None, fixed=None, ctx=None):
    """Gradient descent on f from start (a number, or {var: number}), every rate (a number or a
    list) from the same start; the other variables fixed ({var: number})."""
    fixed = dict(fixed or {})
    f = _expr(f, ctx, list(start if isinstance(start, dict) else []) + list(fixed))
    ctx = f.ctx
    if isinstance(start, dict):
        names, vals = list(start), [float(v) for v in start.values()]
    else:
        free = [v for v in f.variables if v not in fixed]
        if len(free) != 1:
            raise UsageError("several variables (%s): give start as {name: value} and fix the others with fixed="
                             % ", ".join(free) if free else "nothing to descend on: the function has no free variable")
        names, vals = free, [float(start)]
    rates = [float(r) for r in (rate if np.ndim(rate) else [rate])]
    if method not in _METHODS:
        raise UsageError("method takes gd, momentum or adam (not '%s')" % (method,))
    opts = L.DescendOpts()
    L.lib.dx_descend_defaults(byref(opts))
    opts.method, opts.rate, opts.steps = _METHODS[method], rates[0] if rates else 0.0, int(steps)
    if tol is not None:
        opts.tol = float(tol)
    enc = lambda xs: (c_char_p * max(1, len(xs)))(*[x.encode() for x in xs])  # noqa: E731
    dbl = lambda xs: (c_double * max(1, len(xs)))(*xs)  # noqa: E731
    req = L.DescendRequest(enc(names), dbl(vals), len(names), enc(list(fixed)),
                           dbl([float(v) for v in fixed.values()]), len(fixed), opts, dbl(rates), len(rates),
                           int(steps) + 1, False)
    with ctx.numbers(f.decimals):
        lesson = ctx.check(L.lib.dx_descend(ctx._ptr, f._ptr, byref(req)))
        try:
            data = ctx.show(L.lib.dx_show_descend, lesson, False)
        finally:
            L.lib.dx_descend_lesson_free(lesson)
    runs_json = data["runs"] if "runs" in data else [data]
    verdicts = {c["rate"]: c["verdict"] for c in data.get("comparison", [])}
    runs = []
    for rj in runs_json:
        rows = {k: np.array([_row_value(s[k], names) for s in rj["steps"]], dtype=np.float64)
                for k in ("step", "position", "loss", "gradient", "update")}
        runs.append(Run(rj["rate"] if "rate" in rj else data["rate"], rj["status"], rj["reason"], rj["steps_taken"],
                        _row_value(rj["final"]["position"], names), _nan(rj["final"]["loss"]),
                        verdicts.get(rj.get("rate")), rows))
    best = [r.rate for r in runs if r.verdict and r.verdict.startswith("just right")]
    return Descent(f, names, runs, best[0] if best else None, data.get("critical_points", []), data)


def _nan(v):
    return math.nan if v is None else v


def _row_value(v, names):
    """A number of a descent's JSON (null: not defined), or {name: number} as an array in the
    order of the variables."""
    return np.array([_nan(v[n]) for n in names]) if isinstance(v, dict) else _nan(v)
