"""Contexts, expressions (dx_expr handles) and compiled functions (dx_prog)."""
import contextlib
import ctypes
import json
import math
import threading
from ctypes import POINTER, byref, c_char_p, c_double, c_void_p
from fractions import Fraction

import numpy as np

from . import _lib as L
from .errors import _ERRORS, Error, UsageError


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
        raise _ERRORS.get(status, Error)(msg or "failed", text, pos)

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

    @contextlib.contextmanager
    def numbers(self, decimals):
        """The lock held, and numbers computed and printed with decimals as the formula had
        them (Expr.decimals), as the dfdx program does for a command's formula."""
        with self.lock:
            L.lib.dx_ctx_set_decimals(self._ptr, decimals)
            try:
                yield
            finally:
                L.lib.dx_ctx_set_decimals(self._ptr, False)

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

    def parse(self, text, names=()):
        """text as an expression; names (such as 'xy') stay one variable where a run of letters
        would be read as a product."""
        if not isinstance(text, str):
            raise TypeError("dfdx.parse takes a str, not %s" % type(text).__name__)
        data = text.encode("utf-8")
        known = [n.encode() for n in names]
        opts = L.ParseOpts((c_char_p * max(1, len(known)))(*known), len(known))
        info = L.ParseInfo()
        with self.lock:
            ptr = self.check(L.lib.dx_parse_ex(self._ptr, data, len(data), opts, byref(info)), text)
            return Expr(self, ptr, info.decimals)

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
        # a number operand says nothing of how the formula prints (x + 0.5 is x + 1/2)
        return Expr(self, self.parse("(%s)" % value)._ptr)


default_context = Context()


def _ctx(ctx):
    return default_context if ctx is None else ctx


# --- expressions -----------------------------------------------------------------------------

def _pick_var(f, var):
    """The variable a command works on: var, else x when f has it, else f's only variable (as
    the dfdx program picks it)."""
    if var is not None:
        raw = var.encode() if isinstance(var, str) else b""
        if not L.lib.dx_is_name(raw, len(raw)):
            raise UsageError("var takes a variable name (not '%s')" % (var,))
        # pi, e and function names read as something else: d/dpi would silently be 0
        ctx = f.ctx
        with ctx.lock:
            read = L.lib.dx_parse_ex(ctx._ptr, raw, len(raw), L.ParseOpts((c_char_p * 1)(raw), 1), None)
            L.lib.dx_ctx_clear_error(ctx._ptr)
        if not read or not L.lib.dx_is_variable(read):
            raise UsageError("var takes a variable name (not '%s', which is a %s)"
                             % (var, "constant" if read and L.lib.dx_is_constant(read) else "function"))
        return var
    names = f.variables
    if not names or "x" in names:
        return "x"
    if len(names) == 1:
        return names[0]
    raise UsageError("several variables (%s): choose one with var=, or use dfdx.grad" % ", ".join(names))


class Expr:
    """An immutable expression of a Context (a dx_expr handle). str() is the dfdx program's
    plain text; Jupyter shows its LaTeX. Equal expressions of one context are one handle.
    decimals: typed with a decimal point (0.5*x), or made from such an expression, so its
    numbers print as decimals where they end (as the dfdx program prints that formula's answer)."""

    __slots__ = ("ctx", "_ptr", "_funcs", "decimals", "__weakref__")
    __array_ufunc__ = None  # 2.0*f with a NumPy number builds an Expr (f.__rmul__), not an object array

    def __init__(self, ctx, ptr, decimals=False):
        self.ctx = ctx
        self._ptr = ptr
        self._funcs = {}
        self.decimals = bool(decimals)

    def _print(self, fmt):
        with self.ctx.numbers(self.decimals):
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
            decimals = False
            for i, operand in enumerate(operands):
                o = ctx.expr(operand)
                decimals |= o.decimals
                ptr = ctx.check(L.lib.dx_substitute(ctx._ptr, ptr, ("__dfdx_%d__" % i).encode(), o._ptr))
            return Expr(ctx, ptr, decimals)

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
        with self.ctx.numbers(self.decimals):
            return Expr(self.ctx, self.ctx.check(fn(self.ctx._ptr, self._ptr, var.encode(), order)), self.decimals)

    def grad(self):
        """Every partial derivative, {variable: Expr} in alphabetical order."""
        g = L.Grad()
        with self.ctx.numbers(self.decimals):
            self.ctx.status(L.lib.dx_gradient(self.ctx._ptr, self._ptr, byref(g)))
            return {g.vars[i].decode(): Expr(self.ctx, g.partial[i], self.decimals) for i in range(g.n)}

    def kinks(self, var=None):
        """Where f' is undefined because of an abs or relu: the notes `dfdx diff` prints."""
        var = _pick_var(self, var)
        r = L.Derived()
        with self.ctx.numbers(self.decimals):
            self.ctx.status(L.lib.dx_derive(self.ctx._ptr, self._ptr, var.encode(), 1, byref(r)))
            notes = []
            for i in range(r.nkinks):
                b = L.Buf()
                L.lib.dx_show_kink(self.ctx._ptr, byref(r), i, L.SHOW_PLAIN, byref(b))
                notes.append(ctypes.string_at(b.s, b.n).decode("utf-8"))
                L.lib.dx_buf_free(byref(b))
            return notes

    def simplify(self):
        with self.ctx.numbers(self.decimals):
            return Expr(self.ctx, self.ctx.check(L.lib.dx_simplify(self.ctx._ptr, self._ptr)), self.decimals)

    def subs(self, values=None, **kw):
        """Variables replaced by expressions or numbers, exactly: f.subs(x=2), f.subs({"x": "pi/2"})."""
        values = dict(values or {}, **kw)
        ctx = self.ctx
        with ctx.lock:
            ptr = self._ptr
            for name, value in values.items():
                ptr = ctx.check(L.lib.dx_substitute(ctx._ptr, ptr, name.encode(), ctx.expr(value)._ptr))
            return Expr(ctx, ptr, self.decimals)

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


def parse(text, names=(), ctx=None):
    """The expression text reads as (what students type: 'x^3 - 3x', 'sin 2x', '|x|'); names
    (such as 'xy') stay one variable."""
    return _ctx(ctx).parse(text, names)


def _expr(f, ctx=None, var=None):
    """f as an Expr; a text is parsed with var (the variable a command was given, or a list of
    names) kept whole."""
    if isinstance(f, str) and var is not None:
        names = [var] if isinstance(var, str) else [n for n in var if isinstance(n, str)]
        return _ctx(ctx).parse(f, names)
    return _ctx(ctx).expr(f) if not isinstance(f, Expr) else f


def diff(f, var=None, order=1, simplify=True, ctx=None):
    return _expr(f, ctx, var).diff(var, order, simplify)


def grad(f, ctx=None):
    return _expr(f, ctx).grad()


def simplify(f, ctx=None):
    return _expr(f, ctx).simplify()
