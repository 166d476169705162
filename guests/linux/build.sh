#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh OUTDIR - build the Linux guest: Debian 12's Linux 6.1 with the
# patch series guests/linux/patches/ (the low-KSEG guest map and the
# mipsvcpu platform), configured with mipsvcpu_defconfig plus
# guests/linux/config, with an initramfs made of Debian's own mipsel
# busybox and glibc (mkrootfs.sh).  Writes to OUTDIR:
#
#   vmlinux      the kernel, an ELF file (stripped), for U-Boot's bootmvc
#   vmlinux.bin  the raw image, loaded at LOAD_ADDR
#   linux.img    vmlinux.bin as an OS image for mipsvcpu's own firmware
#   kernel.release, config
#   System.map   the kernel's symbols (tools/qemu-profile/report.py)
#
# The source comes from the linux-source-6.1 package (apt-get download,
# never installed).  The kernel's object tree is cached under a stamp of
# the patches, the configuration and this script, in
# $MIPSVCPU_CACHE/linux (default <repo>/.cache/linux); a change of the
# initramfs alone only relinks.  The finished outputs are cached under a
# stamp of everything that goes into them: a second run copies them.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
dir=$cache/linux
out=${1:?usage: build.sh OUTDIR}
cross=${CROSS_COMPILE:-mipsel-linux-gnu-}
jobs=${LINUX_JOBS:-$(nproc)}
mkimage=${MKIMAGE:-$top/build/tools/mkimage}
here=$top/guests/linux
host_pkgs="bison flex bc patch lz4"

log() { echo "linux-build: $*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_host_packages() {
	local missing="" p
	for p in $host_pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	log "installing:$missing"
	as_root apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $missing >&2
}

# The pristine tree of the linux-source-6.1 package, unpacked once.
fetch_source() {
	local deb ver
	mkdir -p "$dir/debs"
	deb=$(ls "$dir"/debs/linux-source-6.1_*.deb 2>/dev/null | head -n1 || true)
	if [ -z "$deb" ]; then
		log "apt-get download linux-source-6.1"
		(cd "$dir/debs" && apt-get download -qq -o APT::Sandbox::User=root \
			linux-source-6.1 >&2)
		deb=$(ls "$dir"/debs/linux-source-6.1_*.deb | head -n1)
	fi
	ver=$(basename "$deb" .deb)
	if [ ! -f "$dir/src/$ver.stamp" ]; then
		log "unpacking $ver"
		rm -rf "$dir/src"
		mkdir -p "$dir/src/tree"
		dpkg-deb --fsys-tarfile "$deb" |
			tar -xO ./usr/src/linux-source-6.1.tar.xz |
			tar -C "$dir/src/tree" --strip-components=1 -xJ
		touch "$dir/src/$ver.stamp"
	fi
	echo "$ver"
}

# One build at a time in the cache (worktrees and parallel makes share it).
mkdir -p "$dir"
exec 9> "$dir/lock"
flock 9

install_host_packages
src_ver=$(fetch_source)
rootfs_list=$("$here/mkrootfs.sh" "$dir/rootfs")

kstamp=$( (echo "$src_ver"; cat "$here"/patches/*.patch "$here/config" "$0") |
	sha256sum | cut -c1-16)
ostamp=$( (echo "$kstamp"; cat "$rootfs_list.stamp") | sha256sum | cut -c1-16)
res=$dir/result-$ostamp
work=$dir/work-$kstamp
obj=$dir/obj-$kstamp
kmake=(make -C "$work" -s O="$obj" ARCH=mips CROSS_COMPILE="$cross")

if [ ! -f "$res/linux.img" ]; then
	if [ ! -f "$work/.patched" ]; then
		log "patching $src_ver with $(ls "$here"/patches/*.patch | wc -l) patches (stamp $kstamp)"
		rm -rf "$dir"/work-* "$dir"/obj-*
		cp -a "$dir/src/tree" "$work"
		for p in "$here"/patches/*.patch; do
			log "applying $(basename "$p")"
			patch -d "$work" -p1 -s --no-backup-if-mismatch < "$p"
		done
		touch "$work/.patched"
	fi
	if [ ! -f "$obj/.config" ]; then
		"${kmake[@]}" mipsvcpu_defconfig
		"$work/scripts/kconfig/merge_config.sh" -m -O "$obj" \
			"$obj/.config" "$here/config" >/dev/null
	fi
	"$work/scripts/config" --file "$obj/.config" \
		--set-str INITRAMFS_SOURCE "$rootfs_list"
	"${kmake[@]}" olddefconfig
	log "building ($jobs jobs)"
	case " ${MAKEFLAGS:-} " in
	*jobserver*) jflag=() ;;
	*) jflag=(-j"$jobs") ;;
	esac
	"${kmake[@]}" "${jflag[@]}" vmlinux.bin
	rm -rf "$dir"/result-*
	mkdir -p "$res.tmp"
	"${cross}strip" -o "$res.tmp/vmlinux" "$obj/vmlinux"
	cp "$obj/arch/mips/boot/vmlinux.bin" "$obj/.config" "$obj/System.map" "$res.tmp/"
	mv "$res.tmp/.config" "$res.tmp/config"
	"${kmake[@]}" kernelrelease > "$res.tmp/kernel.release"
	load=$("${cross}readelf" -lW "$obj/vmlinux" |
		awk '$1 == "LOAD" { print $4; exit }')
	entry=$("${cross}readelf" -hW "$obj/vmlinux" |
		awk '/Entry point/ { print $4 }')
	"$mkimage" image -l "$load" -e "$entry" -n "linux-$(cat "$res.tmp/kernel.release")" \
		-o "$res.tmp/linux.img" "$res.tmp/vmlinux.bin"
	mv "$res.tmp" "$res"
	log "built $(cat "$res/kernel.release"): vmlinux.bin $(stat -c %s "$res/vmlinux.bin") bytes"
else
	log "cached: $res (stamp $ostamp)"
fi
mkdir -p "$out"
cp "$res"/vmlinux "$res"/vmlinux.bin "$res"/linux.img "$res"/kernel.release \
	"$res"/config "$res"/System.map "$out/"
