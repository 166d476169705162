#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - boot the emulated MIPS host and judge what it printed.
#
#   run.sh [--cpu 24Kc|34Kf] [--mode check|demo|bench|shell]
#          [--timeout SECONDS] [--log FILE] [--icount] [--only NAME]
#          [--demo NAME] [--profile FILE] INITRD
#
# --only NAME runs just the selftest NAME_test in check mode (no
# conformance or benchmark), for quick iterations; in bench mode, just the
# benchmark groups NAME (comma-separated, see bench/mvc_bench.c).  --demo
# NAME runs /demo-NAME.sh instead of /demo.sh in demo mode (make demo-linux).
# --profile FILE loads tools/qemu-profile's plugin, which writes to FILE how
# often each instruction ran inside the windows the benchmark marks, and
# sets MVC_BENCH_MARKS in the MIPS host (make profile).
#
# Boots Debian's mipsel 4kc-malta kernel under qemu-system-mipsel -M malta
# with INITRD, whose /init runs the chosen mode and reboots (QEMU exits
# because of -no-reboot).  The console goes to stdout and to the log.
# Exit status: 0 when /init reported rc=0 and the kernel logged no oops,
# BUG, WARNING or panic; 1 otherwise; 124 when the watchdog fired.
#
# The second serial port (ttyS1 in the MIPS host) is a Unix socket beside
# the log, LOG without its extension + .gdb.sock: in check mode (all
# selftests, or --only gdb) tools/mipshost/gdb-session.sh drives
# gdb-multiarch through it for gdb_test and writes its TAP to
# LOG-without-extension.gdb.tap.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
cpu=24Kc
mode=check
timeout=600
log=
icount=
only=
profile=()
marks=

while [ $# -gt 1 ]; do
	case "$1" in
	--cpu) cpu=$2; shift 2 ;;
	--mode) mode=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--icount) icount="-icount shift=0 -rtc clock=vm"; shift ;;
	--only) only="mvc_only=$2"; shift 2 ;;
	--demo) only="mvc_demo=$2"; shift 2 ;;
	--profile)
		profile=(-plugin "${PROFILE_PLUGIN:-$top/build/qemu-profile/insn_profile.so},out=$2")
		marks=MVC_BENCH_MARKS=1
		shift 2 ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
initrd=${1:?usage: run.sh [options] INITRD}
[ -n "$log" ] || log=$(mktemp)

serial="-serial mon:stdio"
[ "$mode" = shell ] || serial="-serial stdio -monitor none"

# A debugger on the second serial port (selftests/mipsvcpu/gdb_test.c).
gdb_sock=${log%.*}.gdb.sock
gdb_tap=${log%.*}.gdb.tap
gdb_driver=
rm -f "$gdb_sock" "$gdb_tap"
serial="$serial -serial unix:$gdb_sock,server=on,wait=off"
if [ "$mode" = check ] && { [ -z "$only" ] || [ "$only" = mvc_only=gdb ]; }; then
	"$top/tools/mipshost/gdb-session.sh" "$cpu" "$gdb_sock" "$log" "$gdb_tap" &
	gdb_driver=$!
	only="$only mvc_gdb=/dev/ttyS1"
fi

# shellcheck disable=SC2086
timeout --foreground -k 5 "$timeout" \
	qemu-system-mipsel -M malta -cpu "$cpu" -m 256 -nic none -vga none \
	-nographic $serial -no-reboot $icount ${SMP:-} "${profile[@]}" \
	-kernel "$cache/vmlinuz" -initrd "$initrd" \
	-append "console=ttyS0 rdinit=/init panic=1 mvc_mode=$mode $only $marks" \
	< /dev/null 2>&1 | tee "$log"
qemu_rc=${PIPESTATUS[0]}
if [ -n "$gdb_driver" ]; then
	kill "$gdb_driver" 2>/dev/null
	wait "$gdb_driver"
fi
rm -f "$gdb_sock"
[ "$mode" = shell ] && exit 0

if [ "$qemu_rc" = 124 ] || [ "$qemu_rc" = 137 ]; then
	echo "run.sh: watchdog: the MIPS host ($cpu) did not finish within ${timeout}s"
	exit 124
fi
if grep -a -E -q 'Oops|BUG:|WARNING:|Kernel panic|Call Trace:|cut here' "$log"; then
	echo "run.sh: the MIPS host kernel ($cpu) logged an oops, BUG, WARNING or panic"
	exit 1
fi
if ! grep -a -q 'MIPSHOST: result rc=0' "$log"; then
	echo "run.sh: the MIPS host ($cpu) reported: $(grep -a 'MIPSHOST: result' "$log" | tr -d '\r' || echo nothing)"
	exit 1
fi
exit 0
