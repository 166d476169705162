#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh OUT.cpio.gz STAGING - pack the emulated host's initramfs.
#
# STAGING is a folder the Makefile has filled with the project's files
# (lib/mipsvcpu/mipsvcpu.ko, usr/bin/vcpuctl, selftests/, guests/, ...).
# This adds Debian's static busybox and /init and packs it as newc cpio.
set -euo pipefail

out=$1
staging=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}

mkdir -p "$staging/bin" "$staging/dev" "$staging/proc" "$staging/sys"
cp "$cache/root/bin/busybox" "$staging/bin/busybox"
install -m 0755 "$top/tools/mipshost/init" "$staging/init"
(cd "$staging" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
