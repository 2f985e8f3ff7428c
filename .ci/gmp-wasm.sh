#!/bin/sh
# GMP and MPFR for WebAssembly, from Debian's own source packages (the same GMP and MPFR the
# native build links):
#   .ci/gmp-wasm.sh PREFIX
# leaves PREFIX/include/{gmp,mpfr}.h and PREFIX/lib/lib{gmp,mpfr}.a, built by emcc in portable
# C (no assembly: --host=none); each is built once (a PREFIX with GMP gets only MPFR added). apt reads a private sources list with a deb-src line, so the
# machine's apt configuration is not touched; nothing is downloaded but from Debian.
set -eu
prefix=$(realpath -m "$1")
[ -f "$prefix/lib/libgmp.a" ] && [ -f "$prefix/lib/libmpfr.a" ] && exit 0
work="$prefix.src"
rm -rf "$work" && mkdir -p "$work/lists/partial" "$prefix"
cd "$work"
# The machine's deb lines, as deb-src
sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > debian-src.sources 2>/dev/null ||
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > debian-src.sources
apt_priv="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$work -o Dir::State::Lists=$work/lists -o Debug::NoLocking=1"
# shellcheck disable=SC2086
apt-get $apt_priv update -qq
# Debian's emscripten needs no first-run setup: its config (/usr/share/emscripten/.emscripten)
# freezes a prebuilt cache of the system libraries, so EM_CACHE must stay unset (an empty
# cache elsewhere fails with "FROZEN_CACHE is set, but cache file is missing").
unset EM_CACHE
# emcc's JS optimizer needs Debian's node-acorn (/usr/share/nodejs), which a Node.js not
# from Debian does not look in
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
if [ ! -f "$prefix/lib/libgmp.a" ]; then
# shellcheck disable=SC2086
apt-get $apt_priv source -qq gmp >/dev/null
cd "$(find . -maxdepth 1 -type d -name 'gmp-*' | head -n 1)"
# Debian's source has no doc/ (the manual is not free): its packaging regenerates the build
# files without it (dh_autoreconf); a stub Makefile that does nothing does the same here.
mkdir -p doc && printf '%%:\n\t@:\n' > doc/Makefile.in
emconfigure ./configure --host=none --disable-assembly --disable-shared --enable-static \
    --prefix="$prefix" CFLAGS="-O2" >/dev/null
# the library alone (not its tests, demos, C++ part or tuning programs)
lib="mpn mpz mpq mpf printf scanf rand"
emmake make -j"$(nproc)" SUBDIRS="$lib" >/dev/null
emmake make install SUBDIRS="$lib" >/dev/null
cd "$work"
fi
# MPFR (src/precise.c: correctly rounded values of closed forms), on that GMP
# shellcheck disable=SC2086
apt-get $apt_priv source -qq mpfr4 >/dev/null
cd "$(find . -maxdepth 1 -type d -name 'mpfr4-*' | head -n 1)"
emconfigure ./configure --host=none --disable-shared --enable-static --with-gmp="$prefix" \
    --prefix="$prefix" CFLAGS="-O2" >/dev/null
emmake make -j"$(nproc)" -C src >/dev/null
emmake make -C src install >/dev/null
