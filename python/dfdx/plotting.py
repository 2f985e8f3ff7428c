"""Pictures with Matplotlib, the way the lessons draw them: f and f', tangents, critical points,
descent paths, and one panel per learning rate. Every number comes from dfdx (values through
the compiled evaluator, tangents and extrema from their commands); Matplotlib only draws."""
import numpy as np

from .commands import Descent, _num, extrema as find_extrema, tangent as find_tangent
from .expr import Expr, _pick_var, parse


def _pyplot():
    import matplotlib.pyplot as plt  # imported here: the rest of dfdx does not need Matplotlib
    return plt


def _view(ys):
    """A y-range robust to poles: every finite value, unless they spread over more than three
    times their 2%..98% quantiles (a pole), then those quantiles; widened a little."""
    finite = np.concatenate([y[np.isfinite(y)] for y in ys]) if ys else np.array([])
    if finite.size == 0:
        return -1.0, 1.0
    a, b = np.quantile(finite, [0.02, 0.98])
    if finite.max() - finite.min() <= 3 * (b - a):
        a, b = finite.min(), finite.max()
    pad = 0.05 * (b - a) if b > a else 1.0
    return a - pad, b + pad


def plot(f, xrange=(-3, 3), var=None, derivative=True, tangents=(), extrema=False, descent=None, ax=None, n=400,
         title=None):
    """f (and f' unless derivative=False) over xrange on ax (a new figure's when None), with the
    tangent at each point of tangents, the critical points marked (extrema=True) and the path
    of a descent (a Run, or every run of a Descent). Returns the axes."""
    plt = _pyplot()
    f = f if isinstance(f, Expr) else parse(f)
    var = _pick_var(f, var)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    x = np.linspace(float(xrange[0]), float(xrange[1]), n)
    y = f.compile([var])(x)
    ax.plot(x, y, "b-", linewidth=2, label="f(%s) = %s" % (var, f))
    shown = [y]
    if derivative:
        df = f.diff(var)
        dy = df.compile([var])(x)
        ax.plot(x, dy, "r--", linewidth=1.5, label="f'(%s) = %s" % (var, df))
        shown.append(dy)
    colours = ["tab:red", "tab:green", "tab:orange", "tab:purple", "tab:brown"]
    for i, at in enumerate(tangents):
        t = find_tangent(f, at, var=var)
        colour = colours[i % len(colours)]
        if t.differentiable:
            xt = np.linspace(t.x - 1.5, t.x + 1.5, 50)
            ax.plot(xt, t.slope * xt + t.intercept, "--", color=colour, linewidth=2,
                    label="tangent at %s=%s (slope=%s)" % (var, _num(t.x), _num(round(t.slope, 6))))
        ax.plot(t.x, t.y, "o", color=colour, markersize=8)
    if extrema:
        ex = find_extrema(f, var=var, interval=xrange)
        for cp in ex.critical_points:
            if xrange[0] <= cp.x <= xrange[1]:
                ax.plot(cp.x, cp.value, "ko", markersize=8)
                ax.annotate("local %s" % cp.kind if cp.kind != "neither" else "flat", xy=(cp.x, cp.value),
                            xytext=(8, 8), textcoords="offset points")
    runs = descent.runs if isinstance(descent, Descent) else [descent] if descent is not None else []
    for run in runs:
        path = run.path
        ax.plot(path, f.compile([var])(path), "o-", markersize=4, label="descent, rate %s" % run.rate)
    ax.axhline(0, color="gray", linewidth=0.5)
    ax.axvline(0, color="gray", linewidth=0.5)
    ax.set_ylim(*_view(shown))
    ax.set_xlabel(var)
    ax.set_title(title if title is not None else "f(%s) = %s" % (var, f))
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=9)
    return ax


def rates(descent, xrange=None, ylim=None, n=200):
    """The lesson's learning-rate comparison: one panel per rate, the loss curve with that
    rate's path, its verdict and final loss. Returns the figure."""
    plt = _pyplot()
    f = descent.function
    var = descent.variables[0]
    k = len(descent.runs)
    fig, axes = plt.subplots(1, k, figsize=(5 * k, 4.5), squeeze=False)
    paths = [r.path for r in descent.runs]
    if xrange is None:
        ends = np.concatenate([p[np.isfinite(p)] for p in paths])
        half = max(abs(ends.min()), abs(ends.max())) * 1.5
        xrange = (-half, half)
    w = np.linspace(xrange[0], xrange[1], n)
    g = f.compile([var])
    for ax, run, path in zip(axes[0], descent.runs, paths):
        ax.plot(w, g(w), color="gray", linewidth=1, alpha=0.6)
        ax.plot(path, g(path), "o-", markersize=4, linewidth=1.5)
        ax.plot(path[0], g(path[0]), "k*", markersize=12)
        ax.set_title("rate %s: %s" % (run.rate, (run.verdict or run.status).split(":")[0]), fontsize=12)
        ax.set_xlabel(var)
        ax.set_ylabel("loss")
        ax.set_xlim(*xrange)
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.grid(True, alpha=0.3)
        ax.text(0.05, 0.95, "final loss = %.4g" % run.loss, transform=ax.transAxes, va="top",
                bbox=dict(boxstyle="round", facecolor="wheat", alpha=0.5))
    fig.suptitle("Learning rate comparison: %s" % f)
    fig.tight_layout()
    return fig
