#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh OUT - build U-Boot for the mipsvcpu guest board and copy
# u-boot.bin to OUT.
#
# The source is Debian 12's u-boot package (fetch.sh: `apt-get source`),
# copied pristine into the cache, patched with guests/u-boot/patches/*.patch
# in order, configured with mipsvcpu_defconfig and cross-built with
# ${CROSS_COMPILE}gcc (default mipsel-linux-gnu-).  The result is cached
# under a stamp of the patch series and this script: while they do not
# change, a second run (even after `make clean`) only copies the cached
# u-boot.bin.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
dir=$cache/u-boot
out=${1:?usage: build.sh OUT}
cross=${CROSS_COMPILE:-mipsel-linux-gnu-}
jobs=${UBOOT_JOBS:-2}

log() { echo "uboot-build: $*" >&2; }

src=$("$top/guests/u-boot/fetch.sh")
stamp=$(cat "$top"/guests/u-boot/patches/*.patch "$0" | sha256sum | cut -c1-16)
res=$dir/result-$stamp

if [ ! -f "$res/u-boot.bin" ]; then
	log "building $(basename "$src") + $(ls "$top"/guests/u-boot/patches/*.patch | wc -l) patches (stamp $stamp)"
	rm -rf "$dir/work" "$dir/obj" "$dir"/result-*
	cp -a "$src" "$dir/work"
	for p in "$top"/guests/u-boot/patches/*.patch; do
		log "applying $(basename "$p")"
		patch -d "$dir/work" -p1 -s --no-backup-if-mismatch < "$p"
	done
	make -C "$dir/work" -s O="$dir/obj" CROSS_COMPILE="$cross" \
		mipsvcpu_defconfig
	# Under make's jobserver (make -jN uboot) share its slots.
	case " ${MAKEFLAGS:-} " in
	*jobserver*) jflag=() ;;
	*) jflag=(-j"$jobs") ;;
	esac
	make -C "$dir/work" -s O="$dir/obj" CROSS_COMPILE="$cross" \
		"${jflag[@]}" all
	mkdir -p "$res.tmp"
	cp "$dir/obj/u-boot.bin" "$dir/obj/u-boot" "$dir/obj/.config" "$res.tmp/"
	mv "$res.tmp" "$res"
else
	log "cached: $res (stamp $stamp)"
fi
mkdir -p "$(dirname "$out")"
cp "$res/u-boot.bin" "$out"
