#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# gdb-session.sh - the build machine's side of the gdb selftest.
#
#   gdb-session.sh CPU SOCKET CONSOLE_LOG TAP
#
# run.sh starts it beside QEMU, whose second serial port (ttyS1 in the
# MIPS host) is the Unix socket SOCKET.  It waits until gdb_test prints
# MVC-GDB-READY on the console (vcpuctl serves the GDB protocol on
# /dev/ttyS1 by then, the demo guest held before its first instruction),
# runs Debian's gdb-multiarch with tools/mipshost/gdb-session.py against
# the firmware, demo OS and user program ELF files, and writes the
# session's checks as TAP to TAP (counted by tools/tap-summary.sh), the
# whole transcript next to it (TAP with .log).  Killed before the console
# said so (run.sh does when QEMU ends), it records one failure.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cpu=${1:?usage: gdb-session.sh CPU SOCKET CONSOLE_LOG TAP}
sock=${2:?}
console=${3:?}
tap=${4:?}
transcript=${tap%.tap}.log
build=${BUILD:-$top/build}
done=

fail() {
	[ -n "$done" ] && exit 0
	n=$(grep -a -c -E '^(not )?ok [0-9]+ ' "$tap.tmp" 2>/dev/null)
	{ cat "$tap.tmp" 2>/dev/null
	  printf 'not ok %d - gdb/%s: %s\n1..%d\n' $((n + 1)) "$cpu" "$1" $((n + 1))
	} > "$tap"
	rm -f "$tap.tmp"
	done=1
	exit 1
}
trap 'fail "the MIPS host ended before the gdb session ran (see $console)"' TERM INT

rm -f "$tap" "$tap.tmp" "$transcript"
export GDB_SOCK=$sock CPU=$cpu
export FW_ELF=$build/guests/firmware/guest/firmware.elf
export OS_ELF=$build/guests/demo-os/guest/demo-os.elf
export USER_ELF=$build/guests/demo-os/guest/user.elf
export UBOOT_ELF=${MIPSVCPU_CACHE:-$top/.cache}/u-boot/obj/u-boot
n=0
for session in demo uboot; do
	until grep -a -q "MVC-GDB-READY $session" "$console" 2>/dev/null; do
		sleep 1
	done
	echo "== session $session" >> "$transcript"
	SESSION=$session timeout -k 5 600 gdb-multiarch -batch -nx \
		-x "$top/tools/mipshost/gdb-session.py" > "$transcript.$session" 2>&1
	rc=$?
	cat "$transcript.$session" >> "$transcript"
	# One plan over both sessions: number the checks on.
	grep -a -E '^(not )?ok [0-9]+ ' "$transcript.$session" |
		awk -v n=$n '{ sub(/ok [0-9]+ /, "ok " ++n " "); print }' >> "$tap.tmp"
	n=$(grep -a -c -E '^(not )?ok [0-9]+ ' "$tap.tmp")
	if ! grep -a -q GDB-SESSION-COMPLETE "$transcript.$session"; then
		n=$((n + 1))
		echo "not ok $n - gdb/$cpu: the $session session ended early (gdb exit $rc, see $transcript)" >> "$tap.tmp"
	fi
	rm -f "$transcript.$session"
done
echo "1..$n" >> "$tap.tmp"
mv "$tap.tmp" "$tap"
done=1
! grep -q '^not ok' "$tap"
