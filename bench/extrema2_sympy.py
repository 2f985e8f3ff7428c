"""Critical points of 200 random polynomials in x, y of total degree 4 to 8: dfdx extrema
(resultants, certified) against SymPy's solve on grad f = 0, per polynomial, with SymPy's
failures (timeouts, errors, complex junk it cannot sort) counted.

  /usr/bin/python3 bench/extrema2_sympy.py build/dfdx [N] [SYMPY_SECONDS]

Debian's python3 with python3-sympy (Singular and Macaulay2 are not packaged for Debian)."""
import json, multiprocessing as mp, random, subprocess, sys, time


def rpoly(rng, d):
    terms = []
    for a in range(d + 1):
        for b in range(d + 1 - a):
            if a + b and (rng.random() < 0.6 or (a + b == d and a in (0, d))):
                c = rng.randint(-9, 9)
                if c:
                    terms.append(f"{c}*x^{a}*y^{b}")
    return " + ".join(terms)


def residual(text, pts):
    """The largest |grad f| at the points relative to the size of its terms there: about 1e-16
    for a true critical point given to double precision (an independent check of dfdx's)."""
    import sympy as sp
    x, y = sp.symbols("x y")
    f = sp.sympify(text.replace("^", "**"))
    worst = 0.0
    for g in (sp.diff(f, x), sp.diff(f, y)):
        terms = sp.Add.make_args(sp.expand(g))
        for px, py in pts:
            vals = [float(t.subs({x: px, y: py})) for t in terms]
            worst = max(worst, abs(sum(vals)) / max(1e-300, sum(abs(v) for v in vals)))
    return worst


def sympy_points(text, out):
    import sympy as sp
    x, y = sp.symbols("x y")
    f = sp.sympify(text.replace("^", "**"))
    sols = sp.solve([sp.diff(f, x), sp.diff(f, y)], [x, y], dict=True)
    pts = []
    for s in sols:
        if x not in s or y not in s:
            out.put(("curve", None))
            return
        vx, vy = complex(sp.N(s[x], 30)), complex(sp.N(s[y], 30))
        if abs(vx.imag) < 1e-9 and abs(vy.imag) < 1e-9:
            pts.append((vx.real, vy.real))
    out.put(("ok", sorted(pts)))


def run_sympy(text, seconds):
    q = mp.Queue()
    p = mp.Process(target=sympy_points, args=(text, q))
    t = time.time()
    p.start()
    p.join(seconds)
    if p.is_alive():
        p.kill()
        p.join()
        return "timeout", None, time.time() - t
    if q.empty():
        return "error", None, time.time() - t
    st, pts = q.get()
    return st, pts, time.time() - t


def main():
    dfdx = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10
    rng = random.Random(2026)
    agree = differ = sym_fail = 0
    worst = 0.0
    times = []
    for i in range(n):
        d = 4 + i % 5
        f = rpoly(rng, d)
        t = time.time()
        r = subprocess.run([dfdx, "extrema", f, "--format", "json"], capture_output=True, text=True)
        times.append((d, time.time() - t))
        j = json.loads(r.stdout)
        ours = sorted((p["at"]["x"], p["at"]["y"]) for p in j["critical_points"])
        worst = max(worst, residual(f, ours))
        st, theirs, ts = run_sympy(f, seconds)
        if st != "ok":
            sym_fail += 1
            print(f"{i} deg {d}: dfdx {len(ours)} points in {times[-1][1]:.3f} s; sympy {st} after {ts:.1f} s")
            continue
        same = len(ours) == len(theirs) and all(abs(a - c) < 1e-6 and abs(b - e) < 1e-6
                                                for (a, b), (c, e) in zip(ours, theirs))
        agree += same
        differ += not same
        print(f"{i} deg {d}: dfdx {len(ours)} points in {times[-1][1]:.3f} s; sympy {len(theirs)} in {ts:.1f} s"
              + ("" if same else "  DIFFER"))
    print(f"\nlargest relative |grad f| at a point dfdx gives: {worst:.2g}")
    print(f"{n} polynomials: agree {agree}, differ {differ}, sympy failed {sym_fail} (timeout {seconds:g} s or error)")
    for d in range(4, 9):
        ts = sorted(t for dd, t in times if dd == d)
        if ts:
            print(f"degree {d}: dfdx median {ts[len(ts) // 2] * 1000:.0f} ms, max {ts[-1] * 1000:.0f} ms (whole program run)")


if __name__ == "__main__":
    main()
