#!/bin/sh
# PARI/GP's side of the `roots` bench task: the real roots of f' for every polynomial of a
# gen_polys.py file, by polrootsreal of the exact integer derivative, in one gp session.
#
#   bench/pari_roots.sh POLY_FILE [--dump]
#
# Reading and parsing the file is untimed (as dfdx-bench's parse and expansion); timed is
# deriv + polrootsreal over all lines, wall clock from gp's getwalltime (ms), best of
# BENCH_REPS (3). Precision: PARI_BITS (64, the least PARI offers above the 53 bits of
# dfdx's doubles; 128 is gp's default of 38 digits). Prints a BENCH line like dfdx-bench;
# --dump prints "INDEX COUNT ROOT..." per polynomial (roots repeated per multiplicity, as
# polrootsreal lists them). Needs gp: apt-get install -y pari-gp.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 POLY_FILE [--dump]" >&2; exit 2; }
file=$1
dump=0
[ "${2:-}" = "--dump" ] && dump=1
command -v gp >/dev/null || { echo "NOTE pari not installed (apt-get install -y pari-gp)"; exit 0; }
[ -r "$file" ] || { echo "$0: cannot read $file" >&2; exit 2; }
name=$(basename "$file" .txt)
# gp strings: the path may hold no double quote or backslash
case $file in *'"'* | *'\'*) echo "$0: unusual characters in $file" >&2; exit 2 ;; esac

gp -q -f -s 1G -D colors=no -D "realbitprecision=${PARI_BITS:-64}" <<EOF
{
v = readstr("$file");
P = [eval(s) | s <- v, #s && Vecsmall(s)[1] != 35];
n = #P;
if ($dump,
  for (i = 1, n,
    r = polrootsreal(deriv(P[i]));
    print1(i - 1, " ", #r);
    for (j = 1, #r, print1(" ", strjoin(strsplit(strprintf("%.17g", r[j]), " "))));
    print());
  quit());
reps = ${BENCH_REPS:-3}; best = oo; cnt = 0;
for (k = 1, reps,
  t0 = getwalltime(); c = 0;
  for (i = 1, n, c += #polrootsreal(deriv(P[i])));
  t = getwalltime() - t0; cnt = c;
  if (t < best, best = t));
print("NOTE pari ", Str(version()), " polrootsreal, realbitprecision=", default(realbitprecision),
      ", parse untimed, ms clock");
print("BENCH corpus=$name task=roots system=pari n=", n, " ns_per_item=", strprintf("%.1f", best * 1e6 / n),
      " out_chars=", cnt, " failures=0");
}
EOF
