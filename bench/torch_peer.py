#!/usr/bin/python3
"""The peers of dfdx-bench-descend's data row and of dfdx-bench-backprop, in one process:
PyTorch's autograd (Debian's python3-torch) and NumPy with the gradients written by hand, as a
course's first regression does. Same data, same steps, same expression; BENCH lines as in
shared/bench/README.md, best of 3 (5 for backprop), only the work loop timed.

    /usr/bin/python3 bench/torch_peer.py
"""
import math
import time

import numpy as np

ROWS, STEPS, RATE = 100000, 200, 0.1


def best(f, reps):
    t = math.inf
    for _ in range(reps):
        t0 = time.perf_counter()
        out = f()
        t = min(t, time.perf_counter() - t0)
    return t, out


def bench(corpus, task, system, n, seconds, note):
    print("BENCH corpus=%s task=%s system=%s n=%d ns_per_item=%.1f out_chars=0 failures=0"
          % (corpus, task, system, n, seconds * 1e9 / n))
    print("NOTE %s %s: %s" % (corpus, system, note))


# the rows of dfdx-bench-descend: y = 3x - 1 plus a deterministic wobble
i = np.arange(ROWS, dtype=np.float64)
x = -2 + 4.0 * i / ROWS
y = 3 * x - 1 + 0.5 * np.sin(12.9898 * i)


def numpy_descent():
    w = b = -3.5
    for _ in range(STEPS):
        r = w * x + b - y
        _loss = np.mean(r * r)
        gw, gb = np.mean(2 * r * x), np.mean(2 * r)
        w, b = w - RATE * gw, b - RATE * gb
    return w, b


t, (w, b) = best(numpy_descent, 3)
bench("descend-data-1e5", "descend", "numpy-hand", STEPS, t, "%.3g steps/s, ends at w = %.6f, b = %.6f" % (STEPS / t, w, b))

try:
    import torch
except ImportError:
    print("NOTE torch: not importable (apt-get install python3-torch); its rows are skipped")
    raise SystemExit(0)

torch.set_num_threads(1)  # one core, as dfdx
tx, ty = torch.from_numpy(x), torch.from_numpy(y)


def torch_descent():
    w = torch.tensor(-3.5, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(-3.5, dtype=torch.float64, requires_grad=True)
    for _ in range(STEPS):
        loss = ((w * tx + b - ty) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= RATE * w.grad
            b -= RATE * b.grad
        w.grad = None
        b.grad = None
    return w.item(), b.item()


t, (w, b) = best(torch_descent, 3)
bench("descend-data-1e5", "descend", "torch-autograd", STEPS, t,
      "%.3g steps/s, ends at w = %.6f, b = %.6f (torch %s)" % (STEPS / t, w, b, torch.__version__))


def torch_backprop():
    w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    xx = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    f = sum(torch.sin(k * xx * w + k) * w for k in range(1, 331))
    f.backward()
    return w.grad.item()


t, gw = best(torch_backprop, 5)
bench("backprop-1323", "backprop", "torch-autograd", 1, t, "df/dw = %.17g at w = 0.5, x = 2" % gw)
