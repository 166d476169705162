#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bootstrap.sh - make this machine able to build and test mipsvcpu.
#
# On x86: installs the cross toolchain and emulator from Debian, then
# downloads (never installs) Debian's mipsel 4kc-malta kernel, its headers,
# a static busybox and the few files the build needs from linux-source-6.1
# into the ignored cache folder $MIPSVCPU_CACHE (default: <repo>/.cache).
# The unpacked headers are fixed up so that an x86_64 host can cross-build
# out-of-tree modules against them.
#
# On a MIPS host: installs only what a native build needs (gcc, make, the
# running kernel's headers, dtc, libfdt) and fetches the same few files of
# linux-source-6.1; no cross compiler, no QEMU, no clang.  apt runs only
# for what is missing, so an offline machine that has it all needs no
# network (nor does a copy of a tree whose .cache/linux-src is filled).
#
# --debian also installs what make check-debian needs (docs/debian.md).
#
# Idempotent: a second run checks stamps and downloads nothing.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
mkdir -p "$cache"
stamp=$cache/bootstrap.stamp

host_pkgs="gcc-mipsel-linux-gnu binutils-mipsel-linux-gnu libc6-dev-mipsel-cross
qemu-system-mips linux-kbuild-6.1 device-tree-compiler libfdt-dev cpio sparse
clang libclang-rt-14-dev llvm make xz-utils gdb-multiarch"
# The Debian packages (make check-debian, docs/debian.md): dpkg-buildpackage
# with dh_dkms, lintian, and mmdebstrap with qemu-user for the test system.
deb_pkgs="dpkg-dev debhelper dh-dkms lintian fakeroot mmdebstrap
qemu-user-static binfmt-support arch-test e2fsprogs"
native_pkgs="gcc libc6-dev make device-tree-compiler libfdt-dev cpio xz-utils
linux-headers-$(uname -r)"

log() { echo "bootstrap: $*"; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

native_mips() {
	case "$(uname -m)" in mips*) return 0 ;; esac
	return 1
}

install_host_packages() {
	local missing="" p pkgs="$host_pkgs"
	[ "$with_debian" = yes ] && pkgs="$pkgs $deb_pkgs"
	native_mips && pkgs=$native_pkgs
	for p in $pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing="$missing $p"
	done
	if ! dpkg --print-foreign-architectures | grep -qx mipsel &&
	   ! native_mips; then
		log "adding the mipsel architecture to dpkg"
		as_root dpkg --add-architecture mipsel
		as_root apt-get update -qq
	fi
	[ -z "$missing" ] && return 0
	log "installing:$missing"
	as_root apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $missing
}

# Fetch a package file into $cache/debs without installing it.
download() {
	local pkg=$1 sandbox=()
	mkdir -p "$cache/debs"
	# As root, apt would warn that its sandbox user cannot write here.
	[ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
	(cd "$cache/debs" && apt-get download -qq "${sandbox[@]}" "$pkg")
}

unpack() {
	local pattern=$1 dest=$2 f
	f=$(ls "$cache"/debs/$pattern 2>/dev/null | head -n1)
	[ -n "$f" ] || { log "missing $pattern"; exit 1; }
	mkdir -p "$dest"
	dpkg-deb -x "$f" "$dest"
}

fetch_mips_packages() {
	local meta abi kver common arch_hdrs kbuild src
	meta=linux-image-4kc-malta:mipsel
	abi=$(apt-cache depends "$meta" | sed -n 's/.*Depends: linux-image-\(.*\)-4kc-malta.*/\1/p' |
		head -n1)
	[ -n "$abi" ] || { log "cannot resolve the kernel ABI from $meta"; exit 1; }
	kver=$abi-4kc-malta
	log "kernel ABI $abi"
	rm -rf "$cache/root" "$cache"/debs/linux-*malta* "$cache"/debs/linux-headers-* \
		"$cache"/debs/busybox-*
	download "linux-image-$kver:mipsel"
	download "linux-headers-$kver:mipsel"
	download "linux-headers-$abi-common"
	download "busybox-static:mipsel"

	unpack "linux-image-${kver}_*.deb" "$cache/root"
	unpack "linux-headers-${kver}_*.deb" "$cache/root"
	unpack "linux-headers-${abi}-common_*.deb" "$cache/root"
	unpack "busybox-static_*.deb" "$cache/root"

	common=$cache/root/usr/src/linux-headers-$abi-common
	arch_hdrs=$cache/root/usr/src/linux-headers-$kver
	kbuild=/usr/lib/linux-kbuild-6.1
	# The unpacked scripts/ and tools/ are MIPS binaries; use the host's.
	for d in "$common" "$arch_hdrs"; do
		rm -rf "$d/scripts" "$d/tools"
		ln -s "$kbuild/scripts" "$d/scripts"
		ln -s "$kbuild/tools" "$d/tools"
	done
	sed -i "s|/usr/src/linux-headers-$abi-common|$common|g" "$arch_hdrs/Makefile"

	ln -sfn "$arch_hdrs" "$cache/kdir"
	ln -sfn "$(ls "$cache"/root/boot/vmlinuz-*)" "$cache/vmlinuz"
	echo "$kver" > "$cache/kver"
	echo "$abi" > "$stamp"
}

# Only what the build needs from the kernel source tarball: libfdt,
# checkpatch and the kselftest headers.
fetch_source_files() {
	local src

	[ -f "$cache/linux-src/scripts/checkpatch.pl" ] && return 0
	download "linux-source-6.1"
	unpack "linux-source-6.1_*.deb" "$cache/src-deb"
	src=$(ls "$cache"/src-deb/usr/src/linux-source-6.1.tar.xz)
	rm -rf "$cache/linux-src"
	mkdir -p "$cache/linux-src"
	tar -C "$cache/linux-src" --strip-components=1 -xJf "$src" \
		--wildcards \
		'*/scripts/dtc/libfdt/*' \
		'*/scripts/checkpatch.pl' \
		'*/scripts/spelling.txt' \
		'*/scripts/const_structs.checkpatch' \
		'*/tools/testing/selftests/kselftest.h' \
		'*/tools/testing/selftests/kselftest_harness.h'
	rm -rf "$cache/src-deb" "$cache"/debs/linux-source-6.1_*.deb
}

main() {
	with_debian=no
	[ "${1:-}" = --debian ] && with_debian=yes
	install_host_packages
	fetch_source_files
	if native_mips; then
		log "native MIPS host: building against /lib/modules/$(uname -r)/build"
		return 0
	fi
	if [ -f "$stamp" ] && [ -e "$cache/kdir/Makefile" ] && [ -e "$cache/vmlinuz" ]; then
		log "up to date (kernel ABI $(cat "$stamp"))"
		return 0
	fi
	fetch_mips_packages
	log "done: $(cat "$cache/kver")"
}

main "$@"
