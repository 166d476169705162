#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkimage.sh - the Debian 12 mipsel system that make check-debian boots:
# built once on this machine from Debian's own mipsel packages, cached.
#
#   mkimage.sh          build it unless cached; print its folder
#   mkimage.sh --key    print the cache key only
#
# mmdebstrap installs the packages below into a folder, running their
# maintainer scripts under qemu-user through binfmt_misc (mounted and
# enabled here if it is not; arch-test checks it), then mke2fs -d turns
# the folder into an ext4 image without mounting anything.  The kernel is
# Debian's 4kc-malta of the ABI tools/mipshost/bootstrap.sh resolved
# ($cache/kver), installed in the image with its modules, headers and the
# initramfs-tools initrd; vmlinuz and the initrd are copied out beside the
# image for qemu-system-mipsel -kernel/-initrd.  QEMU gets no network: all
# packages are fetched here.
#
# The cache is $MIPSVCPU_IMAGE_CACHE (default /var/cache/mipsvcpu), one
# folder per key: a hash of this script (its package list and hooks), of
# the mvc-job service it installs and of the kernel ABI.  It holds root.img (ext4, label mvcroot), vmlinuz,
# initrd.img, packages.txt (what was installed) and build.log.  Boot it
# with tools/debianhost/run.sh; the image itself is never written (QEMU's
# snapshot=on).  MKIMAGE_TREE=DIR skips mmdebstrap and finishes the tree
# it left in DIR (moved away), for working on the steps after it.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
images=${MIPSVCPU_IMAGE_CACHE:-/var/cache/mipsvcpu}
kver=$(cat "$cache/kver")
suite=bookworm
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security
size=3G

# What the issue asks for (gcc, make, dkms, the running kernel's headers,
# dtc, git), what a Debian system boots with (systemd, udev, kmod, the
# initrd), and what the README's native path uses (sudo, libfdt-dev, perl
# for checkpatch, util-linux-extra for mkfs.minix, cpio, xz), and ccache,
# which Debian's kernel headers use when DEBIAN_KERNEL_USE_CCACHE is set:
# make check-debian keeps DKMS's compiler cache beside the image.
packages="systemd-sysv udev kmod initramfs-tools procps sudo
linux-image-$kver linux-headers-$kver
gcc libc6-dev make dkms device-tree-compiler libfdt-dev git perl
util-linux-extra cpio xz-utils ccache"

here=$(dirname "$0")
key=$( { cat "$0" "$here/mvc-job" "$here/mvc-job.service"; echo "$kver"; } |
	sha256sum | cut -c1-12)
dir=$images/debian12-mipsel-$key
if [ "${1:-}" = --key ]; then
	echo "$key"
	exit 0
fi
if [ -f "$dir/done" ]; then
	echo "$dir"
	exit 0
fi

log() { echo "mkimage: $*" >&2; }

need() {
	local missing="" p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	log "installing:$missing"
	apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >&2
}

binfmt() {
	if ! arch-test -n mipsel > /dev/null 2>&1; then
		[ -e /proc/sys/fs/binfmt_misc/register ] ||
			mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
		update-binfmts --enable qemu-mipsel >&2 || true
	fi
	arch-test mipsel >&2 || {
		log "mipsel binaries do not run here through qemu-user (binfmt_misc)"
		exit 1
	}
}

# Before any package: the initrd gets only what mounts the root disk
# (PIIX IDE, ext4 and the crc32c its journal asks the crypto API for).
# initramfs-tools' default, MODULES=most, copies hundreds of modules with a
# few processes each, a quarter of an hour under qemu-user.
initrd_modules() {
	mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d"
	echo MODULES=list > "$1/etc/initramfs-tools/conf.d/mipsvcpu"
	printf '%s\n' ata_piix ext4 crc32c_generic > "$1/usr/share/initramfs-tools/modules.d/mipsvcpu"
}

# Runs in the finished tree ($1) before it becomes an image.
customize() {
	local root=$1

	cat > "$root/etc/fstab" <<-EOF
	LABEL=mvcroot / ext4 defaults,noatime 0 1
	EOF
	echo mipsvcpu-debian > "$root/etc/hostname"
	# Root logs in on the serial console without a password (make
	# debian-shell); nothing reaches this system but its console.
	chroot "$root" passwd -d root > /dev/null
	install -m 0755 "$top/tools/debianhost/mvc-job" "$root/usr/local/sbin/mvc-job"
	install -m 0644 "$top/tools/debianhost/mvc-job.service" \
		"$root/etc/systemd/system/mvc-job.service"
	systemctl --root="$root" enable mvc-job.service
	# Timers that would compete with the job for the one emulated CPU.
	systemctl --root="$root" mask apt-daily.timer apt-daily-upgrade.timer \
		dpkg-db-backup.timer e2scrub_all.timer fstrim.timer \
		man-db.timer systemd-tmpfiles-clean.timer 2> /dev/null
	chroot "$root" dpkg-query -W -f='${Package} ${Version}\n' > "$root/packages.txt"
}

main() {
	local work start
	start=$(date +%s)
	need mmdebstrap qemu-user-static binfmt-support arch-test e2fsprogs
	binfmt
	mkdir -p "$images"
	work=$(mktemp -d "$images/build.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$work'" EXIT
	log "building the Debian $suite mipsel system for $kver in $work (about 12 min)"
	if [ -n "${MKIMAGE_TREE:-}" ]; then
		mv "$MKIMAGE_TREE" "$work/root"
	else
	# shellcheck disable=SC2086
	mmdebstrap --mode=root --arch=mipsel --variant=apt \
		--aptopt='Acquire::Check-Valid-Until "false"' \
		--aptopt='Acquire::Languages "none"' \
		--dpkgopt='path-exclude=/usr/share/doc/*' \
		--dpkgopt='path-include=/usr/share/doc/*/copyright' \
		--dpkgopt='path-exclude=/usr/share/locale/*' \
		--dpkgopt='path-exclude=/usr/share/man/*' \
		--include="$(echo $packages | tr ' ' ,)" \
		--setup-hook="$(declare -f initrd_modules); initrd_modules \"\$1\"" \
		"$suite" "$work/root" \
		"deb $mirror $suite main" "deb $mirror $suite-updates main" \
		"deb $security $suite-security main" > "$work/build.log" 2>&1 || {
		tail -n 30 "$work/build.log" >&2; log "mmdebstrap failed"; exit 1; }
	fi
	log "mmdebstrap done after $(( $(date +%s) - start )) s"
	customize "$work/root"
	cp "$work/root/boot/vmlinuz-$kver" "$work/vmlinuz"
	cp "$work/root/boot/initrd.img-$kver" "$work/initrd.img"
	mv "$work/root/packages.txt" "$work/packages.txt"
	truncate -s "$size" "$work/root.img"
	mke2fs -q -t ext4 -L mvcroot -d "$work/root" "$work/root.img"
	rm -rf "$work/root"
	echo "built in $(( $(date +%s) - start )) s" >> "$work/build.log"
	rm -rf "$dir"
	mv "$work" "$dir"
	trap - EXIT
	touch "$dir/done"
	log "done in $(( $(date +%s) - start )) s: $dir"
	echo "$dir"
}

main "$@"
