#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - boot the Debian mipsel system (tools/debianhost/mkimage.sh).
#
#   run.sh [--cpu 34Kf] [--timeout SECONDS] [--log FILE] [--out DIR]
#          [--shell] IMAGEDIR [JOBDIR]
#
# With JOBDIR: its files become an ext4 disk labelled MVCJOB (mke2fs -d),
# the system boots with mvc_job on its command line, the mvc-job service
# runs JOBDIR/run.sh as root and reboots, which ends QEMU; the job's out/
# folder is copied back into DIR (--out, default JOBDIR.out) with debugfs.
# --shell boots to a root login on the console instead (quit QEMU with
# Ctrl-a x).  The system disk is never written (snapshot=on): every boot
# starts from the cached image.  No network.
#
# Exit status: 0 when the job reported rc=0 and the kernel logged no oops,
# BUG, WARNING or panic; 1 otherwise; 124 when the watchdog fired.
set -uo pipefail

cpu=34Kf
timeout=3600
log=
out=
shell=no
while [ $# -gt 0 ]; do
	case "$1" in
	--cpu) cpu=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--shell) shell=yes; shift ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
img=${1:?usage: run.sh [options] IMAGEDIR [JOBDIR]}
job=${2:-}
[ -n "$log" ] || log=$(mktemp)

drives=(-drive "file=$img/root.img,format=raw,if=ide,index=0,snapshot=on")
append="root=/dev/sda rw console=ttyS0 panic=1 quiet"
serial=(-serial mon:stdio)
if [ $shell = no ]; then
	job=$(cd "${job:?run.sh: a JOBDIR, or --shell}" && pwd)
	out=${out:-$job.out}
	jobimg=$job.img
	rm -f "$jobimg"
	truncate -s 1G "$jobimg"
	mke2fs -q -t ext4 -L MVCJOB -d "$job" "$jobimg" || exit 1
	drives+=(-drive "file=$jobimg,format=raw,if=ide,index=1")
	# agetty's vhangup() on ttyS0 would cut the job's console output.
	append="$append mvc_job systemd.mask=serial-getty@ttyS0.service"
	serial=(-serial stdio -monitor none)
fi

timeout --foreground -k 5 "$timeout" \
	qemu-system-mipsel -M malta -cpu "$cpu" -m 256 -nic none -vga none \
	-nographic "${serial[@]}" -no-reboot \
	-kernel "$img/vmlinuz" -initrd "$img/initrd.img" -append "$append" \
	"${drives[@]}" < /dev/null 2>&1 | tee "$log"
qemu_rc=${PIPESTATUS[0]}
[ $shell = yes ] && exit 0

rm -rf "$out"
mkdir -p "$out"
debugfs -R "rdump /out $out" "$jobimg" > /dev/null 2>&1
[ -d "$out/out" ] && mv "$out"/out/* "$out"/ 2>/dev/null; rmdir "$out/out" 2>/dev/null
rm -f "$jobimg"

if [ "$qemu_rc" = 124 ] || [ "$qemu_rc" = 137 ]; then
	echo "run.sh: watchdog: the Debian system did not finish within ${timeout}s"
	exit 124
fi
if grep -a -E -q 'Oops|BUG:|WARNING:|Kernel panic|Call Trace:|cut here' "$log" "$out/dmesg.txt"; then
	echo "run.sh: the kernel logged an oops, BUG, WARNING or panic"
	exit 1
fi
# The console line, or the job's own record of it on the job disk.
if ! grep -a -q 'MVCJOB: result rc=0' "$log" && [ "$(cat "$out/rc" 2>/dev/null)" != 0 ]; then
	echo "run.sh: the job reported: $(grep -a 'MVCJOB: result' "$log" | tr -d '\r' || echo nothing), rc $(cat "$out/rc" 2>/dev/null || echo missing)"
	exit 1
fi
exit 0
