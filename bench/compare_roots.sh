#!/bin/sh
# The `roots` bench task end to end: make the polynomials (bench/gen_polys.py, seeded), time
# dfdx-bench and PARI/GP's polrootsreal on them, then check that both found the same real
# critical points: equal counts (with multiplicity) per polynomial, every root equal to
# 1e-12 (relative where |x| > 1). Exit 1 on any mismatch.
#
#   bench/compare_roots.sh [--count N] [--seed S]
#
# DFDX_BENCH (build/bench/dfdx-bench), BENCH_REPS, PARI_BITS as the runners say. The
# polynomials and dumps go to a temporary directory (kept when BENCH_KEEP=1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=${DFDX_BENCH:-$here/../build/bench/dfdx-bench}
[ -x "$bench" ] || { echo "$0: no $bench (build first, or set DFDX_BENCH)" >&2; exit 2; }
command -v gp >/dev/null || { echo "$0: needs gp (apt-get install -y pari-gp)" >&2; exit 2; }
tmp=$(mktemp -d)
[ "${BENCH_KEEP:-0}" = 1 ] && echo "NOTE files kept in $tmp" || trap 'rm -rf "$tmp"' EXIT
polys=$tmp/polys.txt
python3 "$here/gen_polys.py" "$polys" "$@"

"$bench" roots "$polys" | tee "$tmp/dfdx.out"
"$here/pari_roots.sh" "$polys" | tee "$tmp/pari.out"
"$bench" roots "$polys" --dump > "$tmp/dfdx.dump"
"$here/pari_roots.sh" "$polys" --dump > "$tmp/pari.dump"

python3 - "$tmp" <<'EOF'
import sys
tmp = sys.argv[1]

def bench(path):
    for line in open(path):
        if line.startswith('BENCH '):
            return dict(kv.split('=', 1) for kv in line.split()[1:])
    sys.exit('no BENCH line in ' + path)

def dump(path):
    out = {}
    for line in open(path):
        f = line.split()
        out[int(f[0])] = None if f[1] == '!' else [float(v) for v in f[2:]]
    return out

d, p = bench(tmp + '/dfdx.out'), bench(tmp + '/pari.out')
rd, rp = dump(tmp + '/dfdx.dump'), dump(tmp + '/pari.dump')
bad, worst, worst_at = 0, 0.0, None
for i in sorted(set(rd) | set(rp)):
    a, b = rd.get(i), rp.get(i)
    if a is None or b is None or len(a) != len(b):
        bad += 1
        print('MISMATCH polynomial %d: dfdx %s roots, pari %s' % (i, 'no' if a is None else len(a), 'no' if b is None else len(b)))
        continue
    for u, v in zip(a, b):
        err = abs(u - v) / max(1.0, abs(v))
        if err > worst:
            worst, worst_at = err, (i, u, v)
        if err > 1e-12:
            bad += 1
            print('MISMATCH polynomial %d: root %.17g (dfdx) against %.17g (pari)' % (i, u, v))
distinct = lambda r: sum(len(set(x)) for x in r.values() if x)
total = lambda r: sum(len(x) for x in r.values() if x)
nd, np_ = float(d['ns_per_item']), float(p['ns_per_item'])
print('RESULT polynomials=%d dfdx_ms=%.3f pari_ms=%.3f dfdx/pari=%.2f' % (len(rp), nd / 1e6, np_ / 1e6, nd / np_))
print('RESULT roots dfdx=%d pari=%d (with multiplicity); distinct dfdx=%d pari=%d' %
      (total(rd), total(rp), distinct(rd), distinct(rp)))
print('RESULT max difference %.3g%s; mismatches %d' %
      (worst, ' (polynomial %d: %.17g against %.17g)' % worst_at if worst_at else '', bad))
sys.exit(1 if bad else 0)
EOF
