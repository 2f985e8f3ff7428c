"""dfdx in Python: the C library libdfdx through ctypes, the same code as the dfdx program.

    >>> import dfdx
    >>> f = dfdx.parse("x^3 - 3x")
    >>> print(f.diff("x"))
    3*x^2 - 3

Expressions are handles to the library's (Expr); every command is a function returning plain
Python objects and NumPy arrays. The commands' records come from the library's own JSON renderer
(dx_show_<command>(..., DX_SHOW_JSON)), the documented data form of every result and the same
JSON as `dfdx ... --format json`, parsed here with json; the numbers a program computes with
(limits, critical points, slopes) are read from the result structs themselves.

Threads: a Context is one graph of expressions with one lock; every call that touches it holds
the lock, so Exprs may be shared between threads. Evaluation of a compiled function holds only
that function's lock and releases the GIL (ctypes does), so threads evaluating different
functions run in parallel. Expressions of different contexts are independent.
"""
import ctypes
import json
import math
import threading
from ctypes import POINTER, byref, c_char_p, c_double, c_void_p
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Dict, List, Optional

import numpy as np

from . import _lib as L

__all__ = ["Context", "Expr", "Function", "Error", "SyntaxError", "DomainError", "LimitError", "UsageError",
           "parse", "diff", "grad", "simplify", "evaluate", "Value", "extrema", "check", "steps", "tangent", "limit", "descend",
           "verify", "plot", "plot_rates", "CriticalPoint", "Extrema", "Check", "Step", "Tangent", "Limit", "Run",
           "Descent", "VerifyPoint", "Verification", "default_context"]

__version__ = "0.1.0"


# --- errors --------------------------------------------------------------------------------------

class Error(ValueError):
    """An error of the library: message as the dfdx program prints it, column (1-based, in
    characters of text) where the text had one, else None."""

    def __init__(self, message, column=None, text=None):
        self.message = message
        self.column = column
        self.text = text
        what = "syntax error" if isinstance(self, SyntaxError) else "error"
        if column is None:
            super().__init__(message)
        else:
            line = text.splitlines()[0] if text else ""
            super().__init__("%s at column %d: %s\n  %s\n  %s^" % (what, column, message, line,
                                                                 " " * (column - 1)))


class SyntaxError(Error):  # noqa: A001 (dfdx.SyntaxError, as the contract names it)
    """The text is not an expression."""


class DomainError(Error):
    """A value outside the real domain of a function, or a division by zero."""


class LimitError(Error):
    """Nesting depth, input size or node budget exceeded."""


class UsageError(Error):
    """A request that does not make sense (unknown variable, several variables, bad option)."""


_ERRORS = {L.ESYNTAX: SyntaxError, L.EDOMAIN: DomainError, L.ELIMIT: LimitError, L.EUSAGE: UsageError}


def _column(text, pos):
    """pos, a byte offset into text's UTF-8, as a 1-based character column of its line."""
    before = text.encode("utf-8")[:pos].decode("utf-8", errors="ignore")
    return len(before) - (before.rfind("\n") + 1) + 1


# --- contexts ------------------------------------------------------------------------------------

class Context:
    """One dx_ctx: owns every expression built in it, with the lock that serialises calls on it."""

    def __init__(self):
        self._ptr = L.lib.dx_ctx_new()
        if not self._ptr:
            raise MemoryError("dfdx: out of memory")
        self.lock = threading.RLock()
        self._templates = {}

    def __del__(self):
        if getattr(self, "_ptr", None):
            L.lib.dx_ctx_free(self._ptr)
            self._ptr = None

    def fail(self, text=None):
        """Raise the error of the last call (lock held)."""
        err = L.lib.dx_ctx_error(self._ptr).contents
        status, pos = err.status, err.pos
        raw = L.lib.dx_ctx_errmsg(self._ptr, L.PLAIN)
        if not raw:
            raise MemoryError("dfdx: out of memory")
        msg = ctypes.string_at(raw).decode("utf-8")
        L.free(raw)
        if status == L.ENOMEM:
            raise MemoryError("dfdx: " + msg)
        column = _column(text, pos) if text is not None and pos >= 0 else None
        raise _ERRORS.get(status, Error)(msg or "failed", column, text if column else None)

    def check(self, ptr, text=None):
        if not ptr:
            self.fail(text)
        return ptr

    def status(self, st, text=None):
        if st != L.OK:
            self.fail(text)

    def string(self, raw):
        if not raw:
            raise MemoryError("dfdx: out of memory")
        s = ctypes.string_at(raw).decode("utf-8")
        L.free(raw)
        return s

    def show(self, fn, result, *extra):
        """The JSON of a result through its renderer, as a dict (lock held)."""
        b = L.Buf()
        fn(self._ptr, byref(result) if not isinstance(result, int) else result, L.SHOW_JSON, *extra, byref(b))
        try:
            if b.oom:
                raise MemoryError("dfdx: out of memory")
            return json.loads(ctypes.string_at(b.s, b.n).decode("utf-8"))
        finally:
            L.lib.dx_buf_free(byref(b))

    def parse(self, text):
        if not isinstance(text, str):
            raise TypeError("dfdx.parse takes a str, not %s" % type(text).__name__)
        data = text.encode("utf-8")
        with self.lock:
            return Expr(self, self.check(L.lib.dx_parse(self._ptr, data, len(data)), text))

    def template(self, text):
        """An expression of placeholders __dfdx_0__, __dfdx_1__ (to build others by substitution)."""
        with self.lock:
            t = self._templates.get(text)
            if t is None:
                t = self._templates[text] = self.parse(text)
            return t

    def expr(self, value):
        """value as an Expr of this context: an Expr (another context's is read again from its
        plain text, which parses back to the same expression), a str, or a number (exactly:
        0.1 is 1/10)."""
        if isinstance(value, Expr):
            return value if value.ctx is self else self.parse(str(value))
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, np.integer, np.floating)):
            raise TypeError("not an expression: %r" % (value,))
        if isinstance(value, (float, np.floating)):
            if not math.isfinite(value):
                raise ValueError("not a finite number: %r" % (value,))
            value = repr(float(value))
        return self.parse("(%s)" % value)


default_context = Context()


def _ctx(ctx):
    return default_context if ctx is None else ctx


# --- expressions -----------------------------------------------------------------------------

def _pick_var(f, var):
    """The variable a command works on: var, else x when f has it, else f's only variable (as
    the dfdx program picks it)."""
    if var is not None:
        if not isinstance(var, str) or not L.lib.dx_is_name(var.encode(), len(var.encode())):
            raise UsageError("--var takes a variable name (not '%s')" % (var,))
        return var
    names = f.variables
    if not names or "x" in names:
        return "x"
    if len(names) == 1:
        return names[0]
    raise UsageError("several variables (%s): choose one with var=, or use dfdx.grad" % ", ".join(names))


class Expr:
    """An immutable expression of a Context (a dx_expr handle). str() is the dfdx program's
    plain text; Jupyter shows its LaTeX. Equal expressions of one context are one handle."""

    __slots__ = ("ctx", "_ptr", "_funcs", "__weakref__")

    def __init__(self, ctx, ptr):
        self.ctx = ctx
        self._ptr = ptr
        self._funcs = {}

    def _print(self, fmt):
        with self.ctx.lock:
            return self.ctx.string(L.lib.dx_print(self.ctx._ptr, self._ptr, fmt))

    def __str__(self):
        return self._print(L.PLAIN)

    def __repr__(self):
        return "Expr(%r)" % str(self)

    def latex(self):
        return self._print(L.LATEX)

    def _repr_latex_(self):
        return "$%s$" % self.latex()

    def __eq__(self, other):
        return isinstance(other, Expr) and other.ctx is self.ctx and other._ptr == self._ptr

    def __hash__(self):
        return hash((id(self.ctx), self._ptr))

    @property
    def variables(self):
        """The variables, in alphabetical order."""
        names = POINTER(c_char_p)()
        with self.ctx.lock:
            n = L.lib.dx_vars(self.ctx._ptr, self._ptr, byref(names))
            if n == 0 and L.lib.dx_ctx_error(self.ctx._ptr).contents.status == L.ENOMEM:
                raise MemoryError("dfdx: out of memory")
            return [names[i].decode() for i in range(n)]

    def is_number(self):
        return bool(L.lib.dx_is_number(self._ptr))

    # building: each operation substitutes its operands into a parsed template, so the result
    # is built by the library's canonical constructors (2*x, not x + x)
    def _build(self, template, *operands):
        ctx = self.ctx
        t = ctx.template(template)
        with ctx.lock:
            ptr = t._ptr
            for i, operand in enumerate(operands):
                ptr = ctx.check(L.lib.dx_substitute(ctx._ptr, ptr, ("__dfdx_%d__" % i).encode(),
                                                    ctx.expr(operand)._ptr))
            return Expr(ctx, ptr)

    def __add__(self, o): return self._build("__dfdx_0__ + __dfdx_1__", self, o)
    def __radd__(self, o): return self._build("__dfdx_0__ + __dfdx_1__", o, self)
    def __sub__(self, o): return self._build("__dfdx_0__ - __dfdx_1__", self, o)
    def __rsub__(self, o): return self._build("__dfdx_0__ - __dfdx_1__", o, self)
    def __mul__(self, o): return self._build("__dfdx_0__*__dfdx_1__", self, o)
    def __rmul__(self, o): return self._build("__dfdx_0__*__dfdx_1__", o, self)
    def __truediv__(self, o): return self._build("__dfdx_0__/__dfdx_1__", self, o)
    def __rtruediv__(self, o): return self._build("__dfdx_0__/__dfdx_1__", o, self)
    def __pow__(self, o): return self._build("__dfdx_0__^__dfdx_1__", self, o)
    def __rpow__(self, o): return self._build("__dfdx_0__^__dfdx_1__", o, self)
    def __neg__(self): return self._build("-__dfdx_0__", self)
    def __pos__(self): return self

    def diff(self, var=None, order=1, simplify=True):
        """The order-th derivative by var, simplified as `dfdx diff` shows it; simplify=False:
        the derivative in canonical form only (x + x is 2*x), as the rules give it, faster."""
        var = _pick_var(self, var)
        fn = L.lib.dx_derivative if simplify else L.lib.dx_diff
        with self.ctx.lock:
            return Expr(self.ctx, self.ctx.check(fn(self.ctx._ptr, self._ptr, var.encode(), order)))

    def grad(self):
        """Every partial derivative, {variable: Expr} in alphabetical order."""
        g = L.Grad()
        with self.ctx.lock:
            self.ctx.status(L.lib.dx_gradient(self.ctx._ptr, self._ptr, byref(g)))
            return {g.vars[i].decode(): Expr(self.ctx, g.partial[i]) for i in range(g.n)}

    def kinks(self, var=None):
        """Where f' is undefined because of an abs or relu: the notes `dfdx diff` prints."""
        var = _pick_var(self, var)
        r = L.Derived()
        with self.ctx.lock:
            self.ctx.status(L.lib.dx_derive(self.ctx._ptr, self._ptr, var.encode(), 1, byref(r)))
            notes = []
            for i in range(r.nkinks):
                b = L.Buf()
                L.lib.dx_show_kink(self.ctx._ptr, byref(r), i, L.SHOW_PLAIN, byref(b))
                notes.append(ctypes.string_at(b.s, b.n).decode("utf-8"))
                L.lib.dx_buf_free(byref(b))
            return notes

    def simplify(self):
        with self.ctx.lock:
            return Expr(self.ctx, self.ctx.check(L.lib.dx_simplify(self.ctx._ptr, self._ptr)))

    def subs(self, values=None, **kw):
        """Variables replaced by expressions or numbers, exactly: f.subs(x=2), f.subs({"x": "pi/2"})."""
        values = dict(values or {}, **kw)
        ctx = self.ctx
        with ctx.lock:
            ptr = self._ptr
            for name, value in values.items():
                ptr = ctx.check(L.lib.dx_substitute(ctx._ptr, ptr, name.encode(), ctx.expr(value)._ptr))
            return Expr(ctx, ptr)

    def compile(self, variables=None, fast=False):
        """A Function evaluating this expression (like sympy.lambdify): arguments in the order
        of variables (default: alphabetical)."""
        return Function(self, self.variables if variables is None else list(variables), fast)

    def __call__(self, *args, fast=False, **kw):
        """The value at positional values (in alphabetical order of the variables) or keyword
        values: a float for numbers, a NumPy array (NaN outside the domain) for arrays."""
        key = fast
        fn = self._funcs.get(key)
        if fn is None:
            fn = self._funcs[key] = self.compile(fast=fast)
        return fn(*args, **kw)

    def __float__(self):
        out = c_double()
        with self.ctx.lock:
            self.ctx.status(L.lib.dx_eval_const(self.ctx._ptr, self._ptr, byref(out)))
        return out.value


class Function:
    """A compiled expression (dx_prog): f(x) on a number, f(array) on every point at once
    through the batch evaluator dx_prog_eval_n. fast=True: vector kernels for sin, exp, ...
    (a few ulps from libm, about 3x faster)."""

    def __init__(self, expr, variables, fast=False):
        self.expr = expr
        self.variables = list(variables)
        self.ctx = expr.ctx
        self._lock = threading.Lock()  # a program's scratch registers serve one call at a time
        names = (c_char_p * max(1, len(self.variables)))(*[v.encode() for v in self.variables])
        with self.ctx.lock:
            self._ptr = self.ctx.check(L.lib.dx_compile(self.ctx._ptr, expr._ptr, names, len(self.variables)))
        self.fast = bool(L.lib.dx_prog_set_fast(self._ptr, True)) if fast else False

    def __del__(self):
        if getattr(self, "_ptr", None):
            L.lib.dx_prog_free(self._ptr)
            self._ptr = None

    def _args(self, args, kw):
        if len(args) > len(self.variables):
            raise TypeError("%s takes %d values (%s), %d given" % (self.expr, len(self.variables),
                                                                 ", ".join(self.variables), len(args)))
        vals = dict(zip(self.variables, args))
        for k, v in kw.items():
            if k not in self.variables:
                raise UsageError("%s is not a variable of %s" % (k, self.expr))
            if k in vals:
                raise TypeError("two values for %s" % k)
            vals[k] = v
        missing = [v for v in self.variables if v not in vals]
        if missing:
            raise UsageError("no value for %s" % ", ".join(missing))
        return [vals[v] for v in self.variables]

    def __call__(self, *args, **kw):
        vals = self._args(args, kw)
        if all(np.ndim(v) == 0 and not isinstance(v, np.ndarray) for v in vals):
            return self._one([float(v) for v in vals])
        cols = [np.ascontiguousarray(c, dtype=np.float64) for c in np.broadcast_arrays(*[np.asarray(v) for v in vals])]
        shape = cols[0].shape if cols else np.shape(args[0] if args else 0)
        out = np.empty(shape, dtype=np.float64)
        ptrs = (c_void_p * max(1, len(cols)))(*[c.ctypes.data for c in cols])
        with self._lock:
            L.lib.dx_prog_eval_n(self._ptr, out.size, ptrs, out.ctypes.data)
        return out

    def _one(self, vals):
        """One point through dx_prog_eval: a DomainError naming the function and value."""
        arr = (c_double * max(1, len(vals)))(*vals)
        out = c_double()
        with self.ctx.lock, self._lock:
            self.ctx.status(L.lib.dx_prog_eval(self._ptr, self.ctx._ptr, arr, byref(out)))
        return out.value


def parse(text, ctx=None):
    """The expression text reads as (what students type: 'x^3 - 3x', 'sin 2x', '|x|')."""
    return _ctx(ctx).parse(text)


def _expr(f, ctx=None):
    return _ctx(ctx).expr(f) if not isinstance(f, Expr) else f


def diff(f, var=None, order=1, simplify=True, ctx=None):
    return _expr(f, ctx).diff(var, order, simplify)


def grad(f, ctx=None):
    return _expr(f, ctx).grad()


def simplify(f, ctx=None):
    return _expr(f, ctx).simplify()


def _opt_expr(ctx, value):
    return None if value is None else ctx.expr(value)


# --- commands ------------------------------------------------------------------------------------

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
    f = _expr(f, ctx)
    ctx = f.ctx
    var = _pick_var(f, var)
    r = L.ExtremaResult()
    lo = hi = None
    if interval is not None:
        lo, hi = (c_double(float(v)) for v in interval)
        if not lo.value < hi.value:
            raise UsageError("the interval's start (%s) must be less than its end (%s)" % (lo.value, hi.value))
    with ctx.lock:
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
    f = _expr(f, ctx)
    ctx = f.ctx
    var = _pick_var(f, var)
    text = str(answer)
    data_b = text.encode("utf-8")
    r = L.CheckResult()
    with ctx.lock:
        ctx.status(L.lib.dx_check(ctx._ptr, f._ptr, var.encode(), order, data_b, len(data_b), byref(r)), text)
        data = ctx.show(L.lib.dx_show_check, r)
        kind = r.eq.kind
        at = r.eq.at_d if kind in (L.EQ_DIFFERENT, L.EQ_UNDEFINED) else None
        slip = data["slip"]["name"] if data.get("slip") else None
        return Check(kind in (L.EQ_ALGEBRA, L.EQ_POINTS), at, slip, data["verdict"], Expr(ctx, r.derivative), data)


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
    with ctx.lock:
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
    f = _expr(f, ctx)
    ctx = f.ctx
    var = _pick_var(f, var)
    s = L.Steps()
    with ctx.lock:
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
    f = _expr(f, ctx)
    ctx = f.ctx
    var = _pick_var(f, var)
    text = at if isinstance(at, str) else repr(float(at)) if isinstance(at, float) else str(at)
    r = L.TangentResult()
    with ctx.lock:
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
    f = _expr(f, ctx)
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
    with ctx.lock:
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
    f = _expr(f, ctx)
    ctx = f.ctx
    var = _pick_var(f, var)
    pts = None if at is None else np.ascontiguousarray(np.atleast_1d(at), dtype=np.float64)
    r = L.VerifyResult()
    with ctx.lock:
        ctx.status(L.lib.dx_verify(ctx._ptr, f._ptr, var.encode(), None, None, 0,
                                   None if pts is None else pts.ctypes.data_as(POINTER(c_double)),
                                   0 if pts is None else pts.size, byref(r)))
        data = ctx.show(L.lib.dx_show_verify, r)
        points = [VerifyPoint(p["x"], p["symbolic"], p["numeric"], p["match"], p["status"]) for p in data["points"]]
        return Verification(Expr(ctx, r.derivative), points, r.matched, r.mismatched, data)


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
    f = _expr(f, ctx)
    ctx = f.ctx
    fixed = dict(fixed or {})
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
    with ctx.lock:
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


def plot(f, *args, **kw):
    """f and f' with Matplotlib, the way the lessons draw them (see dfdx.plotting.plot)."""
    from . import plotting
    return plotting.plot(f, *args, **kw)


def plot_rates(descent, *args, **kw):
    """The learning-rate comparison of a Descent, one panel a rate (see dfdx.plotting.rates)."""
    from . import plotting
    return plotting.rates(descent, *args, **kw)
