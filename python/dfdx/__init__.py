"""dfdx in Python: the C library libdfdx through ctypes, the same code as the dfdx program.

    >>> import dfdx
    >>> f = dfdx.parse("x^3 - 3x")
    >>> print(f.diff("x"))
    3*x^2 - 3

Expressions are handles to the library's (expr.py: Expr, compiled Function); every command is a
function returning plain Python objects and NumPy arrays (commands.py); errors are exceptions
with the program's message and column (errors.py); pictures with Matplotlib (plotting.py).

Threads: a Context is one graph of expressions with one lock; every call that touches it holds
the lock, so Exprs may be shared between threads. Evaluation of a compiled function holds only
that function's lock and releases the GIL (ctypes does), so threads evaluating different
functions run in parallel. Expressions of different contexts are independent.
"""
from .commands import (Check, CriticalPoint, Descent, Extrema, Limit, Run, Step, Tangent, Value, Verification,
                       VerifyPoint, check, descend, evaluate, extrema, limit, steps, tangent, verify)
from .errors import DomainError, Error, LimitError, SyntaxError, UsageError  # noqa: A004
from .expr import Context, Expr, Function, default_context, diff, grad, parse, simplify

__all__ = ["Context", "Expr", "Function", "Error", "SyntaxError", "DomainError", "LimitError", "UsageError",
           "parse", "diff", "grad", "simplify", "evaluate", "Value", "extrema", "check", "steps", "tangent", "limit",
           "descend", "verify", "plot", "plot_rates", "CriticalPoint", "Extrema", "Check", "Step", "Tangent",
           "Limit", "Run", "Descent", "VerifyPoint", "Verification", "default_context"]

__version__ = "0.1.0"


def plot(f, *args, **kw):
    """f and f' with Matplotlib, the way the lessons draw them (see dfdx.plotting.plot)."""
    from . import plotting
    return plotting.plot(f, *args, **kw)


def plot_rates(descent, *args, **kw):
    """The learning-rate comparison of a Descent, one panel a rate (see dfdx.plotting.rates)."""
    from . import plotting
    return plotting.rates(descent, *args, **kw)
