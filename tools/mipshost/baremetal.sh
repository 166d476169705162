#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# baremetal.sh - run a boot image bare metal on QEMU's Malta and print
# its console.
#
#   baremetal.sh [--cpu 24Kc|34Kf|...] [--timeout SECONDS] [--log FILE]
#                [--swapped] IMAGE
#
# IMAGE is a raw little-endian binary linked at 0xbfc00000 (objcopy -O
# binary).  QEMU's little-endian Malta byte-swaps every 32-bit word of a
# -bios image (the bi-endian YAMON flash convention), so this script
# swaps it first, into a temporary file; --swapped says IMAGE is already
# swapped.  The program must skip bytes 0x10-0x13 (the board ID goes
# there), write its console to the 16550 at physical 0x100003f8 and power
# off by writing 0x42 to SOFTRES (physical 0x1f000500): with -no-reboot
# QEMU then exits.
#
# -icount shift=0,sleep=off: one instruction per virtual nanosecond, so
# runs are deterministic and the CP0 timer fires while the CPU spins;
# idle time (wait) passes at once.
#
# The console (CRs removed) goes to stdout and, with --log, to FILE.
# Exit status: QEMU's (0 after SOFTRES), 124 when TIMEOUT (60 s) passed.
set -uo pipefail

cpu=24Kc
timeout=60
log=
swapped=

while [ $# -gt 1 ]; do
	case "$1" in
	--cpu) cpu=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--swapped) swapped=1; shift ;;
	*) echo "baremetal.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
image=${1:?usage: baremetal.sh [--cpu CPU] [--timeout S] [--log FILE] [--swapped] IMAGE}
[ -f "$image" ] || { echo "baremetal.sh: no $image" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bios=$image
if [ -z "$swapped" ]; then
	objcopy=${CROSS_COMPILE:-mipsel-linux-gnu-}objcopy
	command -v "$objcopy" > /dev/null || objcopy=objcopy
	# --reverse-bytes needs a whole number of words.
	cp "$image" "$tmp/image.bin"
	pad=$(( (4 - $(stat -c %s "$image") % 4) % 4 ))
	[ "$pad" = 0 ] || head -c "$pad" /dev/zero >> "$tmp/image.bin"
	"$objcopy" -I binary -O binary --reverse-bytes=4 "$tmp/image.bin" \
		"$tmp/bios.bin" || exit 2
	bios=$tmp/bios.bin
fi

timeout --foreground -k 5 "$timeout" \
	qemu-system-mipsel -M malta -cpu "$cpu" -m 256 -nographic \
	-nic none -vga none -serial stdio -monitor none -no-reboot \
	-icount shift=0,sleep=off -bios "$bios" < /dev/null > "$tmp/console" 2>&1
rc=$?
tr -d '\r' < "$tmp/console" > "$tmp/console.txt"
if [ -n "$log" ]; then
	cp "$tmp/console.txt" "$log"
fi
cat "$tmp/console.txt"
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	echo "baremetal.sh: timeout: no power-off within ${timeout}s ($cpu)" >&2
	exit 124
fi
exit "$rc"
