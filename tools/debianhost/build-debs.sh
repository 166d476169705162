#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-debs.sh OUTDIR - build the Debian packages (debian/) for mipsel
# on this machine and check them with lintian.
#
# The tree (git's files plus the untracked ones, as in the work tree) is
# copied to OUTDIR/mipsvcpu-VERSION with the kernel's libfdt and
# kselftest headers from the bootstrap cache, and built there with
# `dpkg-buildpackage -a mipsel -b`: cross with Debian's mipsel-linux-gnu
# toolchain on x86 (-d: the cross toolchain stands in for the
# build-dependencies on libc6-dev:mipsel, which is never installed
# here), natively on a mipsel machine.  The .debs land in OUTDIR;
# lintian's tags go to OUTDIR/lintian.txt, and any error or warning
# that debian/lintian-expected.txt does not explain fails the build.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
out=$(mkdir -p "$1" && cd "$1" && pwd)
version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
src=$out/mipsvcpu-$version

rm -rf "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo "$src"
mkdir -p "$src"
(cd "$top" && git ls-files -z --cached --others --exclude-standard |
	tr '\0' '\n' | grep -v -E '^(\.cache|build)(/|$)' |
	while read -r f; do [ -e "$f" ] && echo "$f"; done |
	tar --no-recursion -cf - -T -) | tar -C "$src" -xf -
mkdir -p "$src/.cache/linux-src"
(cd "$cache/linux-src" && tar -cf - scripts/dtc/libfdt tools/testing/selftests) |
	tar -C "$src/.cache/linux-src" -xf -

arch=()
[ "$(dpkg --print-architecture)" = mipsel ] || arch=(-a mipsel -d)
echo "build-debs: dpkg-buildpackage ${arch[*]} -b in $src"
(cd "$src" && DEB_BUILD_OPTIONS="noautodbgsym ${DEB_BUILD_OPTIONS:-}" dpkg-buildpackage "${arch[@]}" -b -us -uc) > "$out/build.log" 2>&1 || {
	tail -n 40 "$out/build.log"; echo "build-debs: dpkg-buildpackage failed: $out/build.log"
	exit 1; }
ls "$out"/*.deb

changes=$(ls "$out"/mipsvcpu_"$version"_*.changes)
lintian --no-cfg --display-level '>=pedantic' --display-experimental \
	"$changes" > "$out/lintian.txt" 2>&1 || true
sed 's/^/lintian: /' "$out/lintian.txt"
# E: and W: tags must be listed, with the reason, in lintian-expected.txt.
unexplained=$(grep -E '^[EW]: ' "$out/lintian.txt" | while read -r _ pkg tag _; do
	grep -q -E "^${pkg%:} ${tag}( |$)" "$top/debian/lintian-expected.txt" ||
		echo "$pkg $tag"; done | sort -u || true)
if [ -n "$unexplained" ]; then
	echo "build-debs: lintian errors or warnings not in debian/lintian-expected.txt:"
	echo "$unexplained"
	exit 1
fi
echo "build-debs: ok ($(grep -c -E '^[EWIPX]: ' "$out/lintian.txt") lintian tags, all explained or informational)"
