#!/bin/sh
# GMP for WebAssembly, from Debian's own source package (the same GMP the native build links):
#   .ci/gmp-wasm.sh PREFIX
# leaves PREFIX/include/gmp.h and PREFIX/lib/libgmp.a, built by emcc in portable C (no
# assembly: --host=none). apt reads a private sources list with a deb-src line, so the
# machine's apt configuration is not touched; nothing is downloaded but from Debian.
set -eu
prefix=$(realpath -m "$1")
[ -f "$prefix/lib/libgmp.a" ] && exit 0
work="$prefix.src"
rm -rf "$work" && mkdir -p "$work/lists/partial" "$prefix"
cd "$work"
# The machine's deb lines, as deb-src
sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > debian-src.sources 2>/dev/null ||
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > debian-src.sources
apt_priv="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$work -o Dir::State::Lists=$work/lists -o Debug::NoLocking=1"
# shellcheck disable=SC2086
apt-get $apt_priv update -qq
# shellcheck disable=SC2086
apt-get $apt_priv source -qq gmp >/dev/null
src=$(find . -maxdepth 1 -type d -name 'gmp-*' | head -n 1)
# Debian's emscripten needs no first-run setup: its config (/usr/share/emscripten/.emscripten)
# freezes a prebuilt cache of the system libraries, so EM_CACHE must stay unset (an empty
# cache elsewhere fails with "FROZEN_CACHE is set, but cache file is missing").
unset EM_CACHE
# emcc's JS optimizer needs Debian's node-acorn (/usr/share/nodejs), which a Node.js not
# from Debian does not look in
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
cd "$src"
# Debian's source has no doc/ (the manual is not free): its packaging regenerates the build
# files without it (dh_autoreconf); a stub Makefile that does nothing does the same here.
mkdir -p doc && printf '%%:\n\t@:\n' > doc/Makefile.in
emconfigure ./configure --host=none --disable-assembly --disable-shared --enable-static \
    --prefix="$prefix" CFLAGS="-O2" >/dev/null
# the library alone (not its tests, demos, C++ part or tuning programs)
lib="mpn mpz mpq mpf printf scanf rand"
emmake make -j"$(nproc)" SUBDIRS="$lib" >/dev/null
emmake make install SUBDIRS="$lib" >/dev/null
