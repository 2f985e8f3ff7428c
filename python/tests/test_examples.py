"""examples/lessons.py runs as a script (its cells check their own numbers) and draws its pictures."""
import os
import subprocess
import sys

import matplotlib.image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def test_lessons_script(tmp_path):
    env = dict(os.environ, DFDX_EXAMPLE_OUT=str(tmp_path), MPLBACKEND="Agg")
    p = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "lessons.py")], env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "lr=0.15 final w=0.003192, final loss=0.000010  (just right: the lowest final loss)" in p.stdout
    assert "Limit(left=-inf, right=inf, exists=False)" in p.stdout
    pictures = sorted(os.listdir(tmp_path))
    assert pictures == ["lesson000_bumpy.png", "lesson000_f_and_derivative.png", "lesson000_learning_rates.png",
                        "lesson000_tangents.png"]
    for name in pictures:
        assert matplotlib.image.imread(str(tmp_path / name)).std() > 0.05
