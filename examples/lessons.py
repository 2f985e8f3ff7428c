# %% [markdown]
# # The two seed lessons with `import dfdx`
#
# Lesson 000 (derivatives for AI: tangents, f and f', gradient descent, learning rates) and
# lesson 003 (limits, continuity, extrema, the derivative table) redone with dfdx where the
# lessons used hand-written derivatives, NumPy and SymPy. Cells (`# %%`) open as a notebook in
# Jupyter or VS Code; as a script it writes its pictures into $DFDX_EXAMPLE_OUT (default: the
# current directory) and checks every number it prints.
#
#     PYTHONPATH=python python3 examples/lessons.py

# %%
import math
import os

import matplotlib

if "DFDX_EXAMPLE_OUT" in os.environ or not os.environ.get("DISPLAY"):
    matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dfdx  # noqa: E402

OUT = os.environ.get("DFDX_EXAMPLE_OUT", ".")


def save(fig, name):
    path = os.path.join(OUT, name)
    fig.savefig(path, dpi=80)
    plt.close(fig)
    print("picture:", path)


# %% [markdown]
# ## Lesson 000: the derivative is the slope of the tangent
# f(x) = x^2 with its tangents at -2, 0 and 1.5 (the lesson computed slope = 2*pt by hand).

# %%
f = dfdx.parse("x^2")
print("f'(x) =", f.diff())
slopes = {pt: dfdx.tangent(f, at=pt).slope for pt in (-2, 0, 1.5)}
print("tangent slopes:", slopes)
assert slopes == {-2: -4.0, 0: 0.0, 1.5: 3.0}
ax = dfdx.plot(f, xrange=(-3, 3), derivative=False, tangents=[-2, 0, 1.5],
               title="Derivative = Tangent Line Slope")
save(ax.figure, "lesson000_tangents.png")

# %% [markdown]
# The numeric derivative table: f'(x) against a central difference, point by point.

# %%
v = dfdx.verify(f, at=[-3, -2, -1, 0, 1, 2, 3])
for p in v.points:
    print("%5.1f | numeric %12.6f | exact %8.3f | %s" % (p.x, p.numeric, p.symbolic, "O" if p.match else "X"))
assert v.mismatched == 0

# %% [markdown]
# f(x) = x^3 - 3x and its derivative: f' = 0 at the local maximum and minimum.

# %%
cubic = dfdx.parse("x^3 - 3x")
ext = dfdx.extrema(cubic)
print(ext.critical_points)
assert [(c.x, c.value, c.kind) for c in ext.critical_points] == [(-1, 2, "max"), (1, -2, "min")]
ax = dfdx.plot(cubic, xrange=(-2.5, 2.5), extrema=True)
save(ax.figure, "lesson000_f_and_derivative.png")

# %% [markdown]
# ## Gradient descent on L(w) = w^2 from w = 4, learning rate 0.15
# The lesson's table, step by step: the rows come back as NumPy arrays.

# %%
run = dfdx.descend("w^2", start=4, rate=0.15, steps=15).runs[0]
rows = run.rows
print("step |          w |       loss |   gradient |     update")
for k in range(len(rows["step"])):
    print("%4d | %10.4f | %10.4f | %10.4f | %10.4f" % (rows["step"][k], rows["position"][k], rows["loss"][k],
                                                     rows["gradient"][k], rows["update"][k]))
print("done | %10.4f | %10.4f" % (run.position, run.loss))
np.testing.assert_allclose(run.path, 4 * 0.7 ** np.arange(16))  # w <- w - 0.15*2w = 0.7w

# %% [markdown]
# ## Learning rates 0.01, 0.15 and 0.9 compared (20 steps each)

# %%
rates = dfdx.descend("w^2", start=4, rate=[0.01, 0.15, 0.9], steps=20)
for r in rates.runs:
    print("lr=%-4s final w=%.6f, final loss=%.6f  (%s)" % (r.rate, r.position, r.loss, r.verdict))
assert rates.best == 0.15
save(dfdx.plot_rates(rates, xrange=(-6, 6), ylim=(-2, 30)), "lesson000_learning_rates.png")

# %% [markdown]
# The bumpy loss w^4 - 8w^2 + 2w + 20 from -3.5: descent finds the global minimum on the left;
# from 2.5 it is trapped in the local one.

# %%
bumpy = "w^4 - 8w^2 + 2w + 20"
left = dfdx.descend(bumpy, start=-3.5, rate=0.01, steps=100, tol=0)
right = dfdx.descend(bumpy, start=2.5, rate=0.01, steps=100)
cps = dfdx.extrema(bumpy).critical_points
print("critical points:", cps)
print("from -3.5: w = %.4f, loss = %.4f" % (left.runs[0].position, left.runs[0].loss))
print("from  2.5: w = %.4f, loss = %.4f" % (right.runs[0].position, right.runs[0].loss))
assert abs(left.runs[0].position - cps[0].x) < 1e-3 and abs(right.runs[0].position - cps[2].x) < 1e-3
ax = dfdx.plot(bumpy, xrange=(-4, 4), derivative=False, descent=left, title="Gradient Descent on Complex Loss")
save(ax.figure, "lesson000_bumpy.png")

# %% [markdown]
# ## Lesson 003: limits
# 1/(x+1) at -1: left -oo, right +oo, so no limit (SymPy's `limit` said only `oo`).

# %%
lim = dfdx.limit("1/(x+1)", at=-1)
print(lim)
assert (lim.left, lim.right, lim.exists) == (-math.inf, math.inf, False)
for expr, at in (("sin(x)/x", 0), ("(1 + 1/x)^x", "oo"), ("(x^2 - 1)/(x - 1)", 1)):
    r = dfdx.limit(expr, at=at)
    print("lim %s at %s = %s" % (expr, at, r.exact))
assert str(dfdx.limit("(1 + 1/x)^x", at="oo").exact) == "e"

# %% [markdown]
# Continuity and ReLU at 0: continuous, both one-sided limits 0, but not differentiable.

# %%
relu = dfdx.limit("relu(x)", at=0)
print("ReLU at 0: left", relu.left, "right", relu.right, "continuous", relu.continuous,
      "differentiable", relu.differentiable)
assert relu.continuous and relu.differentiable is False
print(dfdx.parse("relu(x)").kinks())

# %% [markdown]
# ## Extrema: f(x) = x^2 - 4x + 3, f'(x) = 0 and the second-derivative test

# %%
q = dfdx.extrema("x^2 - 4x + 3")
print("f'(x) =", dfdx.diff("x^2 - 4x + 3"), "| minimum:", q.critical_points, "|", q.critical_points[0].test)
assert (q.global_min.x, q.global_min.value) == (2, -1)

# %% [markdown]
# The derivative table, the loss derivative d/dw (wx - y)^2 and a polynomial.

# %%
for e in ("x^n", "sin(x)", "cos(x)", "e^x", "ln(x)"):
    print("d/dx %-6s = %s" % (e, dfdx.diff(e, var="x")))
L = dfdx.parse("(w*x - y)^2")
print("dL/dw =", L.diff("w"))
assert str(L.diff("w")) == "2*x*(w*x - y)"
p = dfdx.diff("4x^3 - 2x^2 + x - 7")
print("d/dx (4x^3 - 2x^2 + x - 7) =", p)
assert str(p) == "12*x^2 - 4*x + 1"
