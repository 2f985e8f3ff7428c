#!/bin/sh
# Singular's side of the `critical2` bench task: the number of real critical points of every
# polynomial of a gen_polys2.py file, in one Singular session: a Groebner basis of the ideal
# (f_x, f_y) (std, degrevlex; f_x, f_y, f_z with DX_RING_VARS="x, y, z" and DX_TASK=critical3,
# as bench/singular_critical3.sh runs it), its dimension (> 0: a curve of critical points, counted as -1),
# and nrRootsProbab (rootsmr.lib: the distinct real roots counted through the characteristic
# polynomial of a random linear form, correct with high probability; the deterministic
# nrRootsDeterm took 205 s on one degree-7 polynomial that this does in 4 s).
#
#   bench/singular_critical2.sh POLY_FILE [--dump]
#
# Timed per polynomial with rtimer (wall clock, milliseconds: an int of microseconds
# overflows after 36 minutes); the BENCH line gives the best
# of BENCH_REPS (3) passes over the whole file divided by its lines. --dump prints
# "INDEX COUNT MILLISECONDS" per polynomial too (one pass). Needs Singular: apt-get install -y
# singular (bench only, not the test suite).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 POLY_FILE [--dump]" >&2; exit 2; }
file=$1
dump=0
[ "${2:-}" = "--dump" ] && dump=1
command -v Singular >/dev/null || { echo "NOTE singular not installed (apt-get install -y singular)"; exit 0; }
[ -r "$file" ] || { echo "$0: cannot read $file" >&2; exit 2; }
name=$(basename "$file" .txt)
reps=${BENCH_REPS:-3}
[ $dump = 1 ] && reps=1
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
    echo 'LIB "rootsmr.lib";'
    echo 'system("--ticks-per-sec", 1000);'
    echo "ring r = 0, (${DX_RING_VARS:-x, y}), dp;"
    n=0
    while IFS= read -r line; do
        case $line in '' | '#'*) continue ;; esac
        n=$((n + 1))
    done < "$file"
    echo "list P; int n = $n;"
    i=0
    while IFS= read -r line; do
        case $line in '' | '#'*) continue ;; esac
        i=$((i + 1))
        echo "P[$i] = $line;"
    done < "$file"
    cat <<SING
int best = -1; int total; int k; int i; int t0; int t; int c; ideal J; int npts;
for (k = 1; k <= $reps; k++) {
  total = 0; npts = 0;
  for (i = 1; i <= n; i++) {
    t0 = rtimer;
    J = std(jacob(P[i]));
    if (dim(J) > 0) { c = -1; } else { if (vdim(J) == 0) { c = 0; } else { c = nrRootsProbab(J); } }
    t = rtimer - t0;
    total = total + t;
    if (c > 0) { npts = npts + c; }
    if ($dump) { print(string(i - 1) + " " + string(c) + " " + string(t)); }
  }
  if (best < 0 || total < best) { best = total; }
}
print("NOTE singular " + string(system("version")) + " std(jacob(f)), dim, nrRootsProbab; parse untimed; ms clock");
print("BENCH corpus=$name task=${DX_TASK:-critical2} system=singular n=" + string(n) + " ns_per_item=" + string(bigint(best) * 1000000 div n) + ".0 out_chars=" + string(npts) + " failures=0");
quit;
SING
} > "$script"
Singular -q --no-warn "$script"
