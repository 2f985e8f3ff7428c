#!/bin/sh
# Install into a scratch prefix, build examples/derivative.c and lesson.c through pkg-config, run them: the
# installed library, header and dfdx.pc must work for someone outside the build tree.
set -eu
build=$1 src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig:$(find "$prefix" -name pkgconfig -type d | tr '\n' ':')"
cc -std=c11 "$src/examples/derivative.c" $(pkg-config --cflags --libs dfdx) -Wl,-rpath,"$(pkg-config --variable=libdir dfdx)" -o "$prefix/derivative"
out=$("$prefix/derivative" 'x^3 - 3*x' 2)
# the mean of 3*x^2 - 3 over [0, 2] is 1 (to the grid's 1e-6)
want="d/dx x^3 - 3*x = 3*x^2 - 3
at x = 2: 9
mean on [0, 2]: 1.000002"
[ "$out" = "$want" ] || { echo "unexpected: $out"; exit 1; }
# extrema and descent through the public API: the lesson's bumpy loss, the 0.05 run trapped
cc -std=c11 "$src/examples/lesson.c" $(pkg-config --cflags --libs dfdx) -Wl,-rpath,"$(pkg-config --variable=libdir dfdx)" -o "$prefix/lesson"
les=$("$prefix/lesson")
want="critical point w = -2.0598, L = -0.0607: local min
critical point w = 0.1255, L = 20.1252: local max
critical point w = 1.9343, L = 7.9354: local min
global min at w = -2.0598
rate 0.001   200 steps, w =  -2.0603, L =  -0.0607
rate 0.01     39 steps, w =  -2.0598, L =  -0.0607
rate 0.05     24 steps, w =   1.9343, L =   7.9354  (in the local minimum)"
[ "$les" = "$want" ] || { echo "unexpected lesson: $les"; exit 1; }
test -x "$prefix/bin/dfdx"
# the installed program finds its installed Korean catalogue (wherever the prefix is), and the
# Korean manual is installed
ko=$("$prefix/bin/dfdx" --lang ko check 'x^2' '2*x')
[ "$ko" = "답을 이렇게 읽었습니다: 2*x
맞습니다 (식 변형으로 같음을 확인했습니다)" ] || { echo "unexpected Korean: $ko"; exit 1; }
test -f "$prefix/share/man/ko/man1/dfdx.1"
echo "installed example ok: $out"
