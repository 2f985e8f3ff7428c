"""plot(): what Matplotlib is given is dfdx's numbers (Agg backend, PNGs written and read back)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.image  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dfdx  # noqa: E402


def lines(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def test_f_derivative_tangents_extrema(tmp_path):
    ax = dfdx.plot("x^3 - 3x", xrange=(-2.5, 2.5), tangents=[1.5], extrema=True)
    got = lines(ax)
    f, df = got["f(x) = x^3 - 3*x"], got["f'(x) = 3*x^2 - 3"]
    x = f.get_xdata()
    assert x[0] == -2.5 and x[-1] == 2.5
    np.testing.assert_allclose(f.get_ydata(), x ** 3 - 3 * x, atol=1e-12)
    np.testing.assert_allclose(df.get_ydata(), 3 * x ** 2 - 3, atol=1e-12)
    t = got["tangent at x=1.5 (slope=3.75)"]
    np.testing.assert_allclose(t.get_ydata(), 3.75 * (t.get_xdata() - 1.5) + (1.5 ** 3 - 4.5), atol=1e-12)
    marks = sorted((a.xy for a in ax.texts), key=lambda p: p[0])
    assert [tuple(map(float, m)) for m in marks] == [(-1.0, 2.0), (1.0, -2.0)]
    lo, hi = ax.get_ylim()
    assert lo <= (-2.5) ** 3 + 7.5 and hi >= 3 * 2.5 ** 2 - 3   # the whole of both curves is in view
    path = tmp_path / "cubic.png"
    ax.figure.savefig(path)
    plt.close(ax.figure)
    img = matplotlib.image.imread(str(path))
    assert img.shape[0] > 200 and img.std() > 0.05


def test_a_pole_does_not_flatten_the_picture():
    ax = dfdx.plot("tan(x)", xrange=(-3, 3), derivative=False)
    lo, hi = ax.get_ylim()
    assert -100 < lo < -1 and 1 < hi < 100
    plt.close(ax.figure)


def test_descent_paths_and_rates(tmp_path):
    d = dfdx.descend("w^2", start=4, rate=[0.01, 0.15, 0.9], steps=20)
    ax = dfdx.plot("w^2", xrange=(-5, 5), descent=d.runs[1])
    path = lines(ax)["descent, rate 0.15"]
    np.testing.assert_array_equal(path.get_xdata(), d.runs[1].path)
    np.testing.assert_allclose(path.get_ydata(), d.runs[1].path ** 2)
    plt.close(ax.figure)
    fig = dfdx.plot_rates(d, xrange=(-6, 6), ylim=(-2, 30))
    assert [a.get_title() for a in fig.axes] == ["rate 0.01: too small", "rate 0.15: just right",
                                                 "rate 0.9: too large"]
    fig.savefig(tmp_path / "rates.png")
    plt.close(fig)
    assert matplotlib.image.imread(str(tmp_path / "rates.png")).std() > 0.05
