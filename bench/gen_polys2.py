#!/usr/bin/env python3
"""Seeded random polynomials in x, y for the `critical2` bench task (critical points of f(x, y)),
or in x, y, z for `critical3` (--three).

    bench/gen_polys2.py OUT_FILE [--count N] [--seed S] [--three]

Writes N (200) polynomials of total degree 4, 5, 6, 7, 8 in turn, integer coefficients in
[-9, 9], each monomial of degree <= d present with probability 0.6 and x^d, y^d always, one
per line (`3*x^2*y - 7*x^4 + y^2`), readable by dfdx and by Singular alike. Same seed, same
file, byte for byte (the draw of bench/extrema2_sympy.py, written without x^0 and ^1).
--three: N (100) polynomials in x, y, z of total degree 2, 3, 4 in turn, drawn the same way
(x^d, y^d, z^d always)."""
import random
import sys


def rpoly(rng, d):
    terms = []
    for a in range(d + 1):
        for b in range(d + 1 - a):
            if a + b and (rng.random() < 0.6 or (a + b == d and a in (0, d))):
                c = rng.randint(-9, 9)
                if c:
                    terms.append((c, a, b))
    return " + ".join(monomial(c, a, b) for c, a, b in terms).replace("+ -", "- ")


def rpoly3(rng, d):
    terms = []
    for a in range(d + 1):
        for b in range(d + 1 - a):
            for c in range(d + 1 - a - b):
                if a + b + c and (rng.random() < 0.6 or d in (a, b, c)):
                    k = rng.randint(-9, 9)
                    if k:
                        terms.append((k, a, b, c))
    return " + ".join(monomial(k, a, b, c) for k, a, b, c in terms).replace("+ -", "- ")


def monomial(c, a, b, e=0):
    """7*x^2*y, -x, 3: no x^0 (which dfdx reads as defined for x != 0 only) and no ^1."""
    powers = [v if k == 1 else f"{v}^{k}" for v, k in (("x", a), ("y", b), ("z", e)) if k]
    if abs(c) == 1 and powers:
        return ("-" if c < 0 else "") + "*".join(powers)
    return "*".join([str(c)] + powers)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    three = "--three" in args
    out, count, seed = args[0], 100 if three else 200, 2026
    for i, a in enumerate(args):
        if a == "--count":
            count = int(args[i + 1])
        if a == "--seed":
            seed = int(args[i + 1])
    rng = random.Random(seed)
    with open(out, "w") as f:
        for i in range(count):
            f.write((rpoly3(rng, 2 + i % 3) if three else rpoly(rng, 4 + i % 5)) + "\n")


main()
