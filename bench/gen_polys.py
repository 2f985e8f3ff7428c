#!/usr/bin/env python3
"""Seeded random polynomials for the `roots` bench task (critical points of each line).

    bench/gen_polys.py OUT_FILE [--count N] [--seed S]

Writes N (1,000) polynomials in x of degree 5-50 with integer coefficients, one per line,
expanded (`3*x^7 - 12*x^2 + 5`), readable by dfdx and by PARI/GP alike. Same seed, same
file, byte for byte, so the file is made at run time instead of committed. The kinds, in
turn by a seeded draw:

  dense      every coefficient random, 4 to 256 bits (the size drawn per polynomial)
  sparse     3-6 random terms (x^50 - 3*x^17 + 2)
  rational   a product of (q*x - p), small p/q, some repeated up to 4 times, maybe times
             a random dense factor: f' then has repeated rational roots
  cluster    roots c + j/10^k (k = 3..9), j = 0..m, some squared: tight clusters of roots
  wilkinson  (x - 1)(x - 2)...(x - n), maybe with a shifted or scaled variable
  orthogonal Chebyshev T_n or Hermite H_n: n real roots crowded toward the ends
  quadratic  products of (x^2 - d) and (x^2 - a*x + b), some squared, times rationals
"""
import random
import sys
from fractions import Fraction


def mul(a, b):
    """Product of coefficient lists (index = power)."""
    out = [0] * (len(a) + len(b) - 1)
    for i, u in enumerate(a):
        if u:
            for j, v in enumerate(b):
                out[i + j] += u * v
    return out


def prod(factors):
    p = [1]
    for f in factors:
        p = mul(p, f)
    return p


def rand_coef(rng, bits):
    v = rng.getrandbits(bits) - (1 << (bits - 1))
    return v


def dense(rng, deg):
    bits = rng.choice([4, 8, 16, 32, 64, 128, 256])
    c = [rand_coef(rng, bits) for _ in range(deg + 1)]
    while c[deg] == 0:
        c[deg] = rand_coef(rng, bits)
    return c


def sparse(rng, deg):
    c = [0] * (deg + 1)
    c[deg] = rng.choice([-1, 1]) * rng.randint(1, 20)
    for _ in range(rng.randint(2, 5)):
        c[rng.randint(0, deg - 1)] = rng.randint(-1000, 1000)
    return c


def linear(rng):
    """(q*x - p) for a small rational p/q."""
    q = rng.choice([1, 1, 1, 2, 3, 4, 5, 7, 10])
    p = rng.randint(-12 * q, 12 * q)
    return [-p, q]


def rational(rng, deg):
    fs, d = [], 0
    if rng.random() < 0.3:
        k = rng.randint(1, min(6, deg - 2))
        fs.append([rng.randint(-50, 50) for _ in range(k)] + [rng.randint(1, 9)])
        d = k
    while d < deg:
        f = linear(rng)
        m = min(rng.choice([1, 1, 1, 2, 2, 3, 4]), deg - d)
        fs.extend([f] * m)
        d += m
    return prod(fs)


def cluster(rng, deg):
    k = rng.randint(3, 9)
    scale = 10 ** k
    q = rng.choice([1, 2, 3, 7])
    c = Fraction(rng.randint(-5 * q, 5 * q), q)
    fs, d = [], 0
    j = 0
    while d < deg:
        r = c + Fraction(j, scale)
        f = [-r.numerator, r.denominator]
        m = min(rng.choice([1, 1, 2]), deg - d)
        fs.extend([f] * m)
        d += m
        j += rng.randint(1, 3)
        if rng.random() < 0.15:  # start another cluster elsewhere
            c = Fraction(rng.randint(-20, 20), rng.choice([1, 3]))
            j = 0
    return prod(fs)


def wilkinson(rng, deg):
    a = rng.choice([1, 1, 2, 3])
    s = rng.randint(-deg, 0)
    return prod([[-(i + s), a] for i in range(1, deg + 1)])


def orthogonal(rng, deg):
    if rng.random() < 0.5:  # Chebyshev: T_{n+1} = 2x T_n - T_{n-1}
        t0, t1 = [1], [0, 1]
        for _ in range(deg - 1):
            t0, t1 = t1, [a - b for a, b in zip(mul([0, 2], t1), t0 + [0, 0])]
        return t1
    h0, h1 = [1], [0, 2]  # Hermite: H_{n+1} = 2x H_n - 2n H_{n-1}
    for n in range(1, deg):
        h0, h1 = h1, [a - 2 * n * b for a, b in zip(mul([0, 2], h1), h0 + [0, 0])]
    return h1


def quadratic(rng, deg):
    fs, d = [], 0
    while d < deg:
        if deg - d >= 2 and rng.random() < 0.7:
            if rng.random() < 0.5:
                f = [-rng.randint(2, 30), 0, 1]
            else:
                a, b = rng.randint(-9, 9), rng.randint(-20, 20)
                f = [b, -a, 1]
            m = min(rng.choice([1, 1, 2]), (deg - d) // 2)
            fs.extend([f] * m)
            d += 2 * m
        else:
            fs.append(linear(rng))
            d += 1
    return prod(fs)


KINDS = [(dense, 30), (sparse, 10), (rational, 20), (cluster, 12), (wilkinson, 6), (orthogonal, 8),
         (quadratic, 14)]


def text(c):
    terms = []
    for i in range(len(c) - 1, -1, -1):
        v = c[i]
        if v == 0:
            continue
        sign = '-' if v < 0 else '+'
        a = abs(v)
        mono = '' if i == 0 else ('x' if i == 1 else 'x^%d' % i)
        body = str(a) if not mono else (mono if a == 1 else '%d*%s' % (a, mono))
        terms.append((sign, body))
    s = ('-' if terms[0][0] == '-' else '') + terms[0][1]
    for sign, body in terms[1:]:
        s += ' %s %s' % (sign, body)
    return s


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith('-'):
        sys.exit(__doc__)
    out, count, seed = args[0], 1000, 20240504
    if '--count' in args:
        count = int(args[args.index('--count') + 1])
    if '--seed' in args:
        seed = int(args[args.index('--seed') + 1])
    rng = random.Random(seed)
    kinds = [k for k, w in KINDS for _ in range(w)]
    with open(out, 'w') as f:
        f.write('# %d polynomials of degree 5-50, bench/gen_polys.py --seed %d\n' % (count, seed))
        for _ in range(count):
            kind = rng.choice(kinds)
            c = kind(rng, rng.randint(5, 50))
            assert 5 <= len(c) - 1 <= 50 and c[-1] != 0, kind.__name__
            f.write(text(c) + '\n')


if __name__ == '__main__':
    main()
