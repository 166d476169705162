#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs every mipsvcpu selftest inside the MIPS host; exit status 0 only if
# all of them passed.  Each prints TAP 13.
cd "$(dirname "$0")" || exit 1
export MIPSVCPU_KO=/lib/mipsvcpu/mipsvcpu.ko
rc=0
for t in ./${mvc_only:-*}_test; do
	echo "MIPSHOST: selftest $t"
	"$t"
	r=$?
	echo "MIPSHOST: selftest $t exit $r"
	[ "$r" = 0 ] || [ "$r" = 4 ] || rc=1
done
# The conformance program under mipsvcpu; the build machine compares the
# lines between the markers with QEMU's bare-metal log.
[ -n "${mvc_only:-}" ] && exit $rc
if [ -f guests/conformance.bin ]; then
	echo "CONFORMANCE-BEGIN"
	vcpuctl run --rom guests/conformance.bin --ram 64M --timeout 120 < /dev/null
	r=$?
	echo "CONFORMANCE-END exit $r"
	[ "$r" = 0 ] || rc=1
fi

# Every benchmark once at a tiny size: they still work (no timing checked).
if [ -x ./mvc_bench ]; then
	echo "MIPSHOST: selftest ./mvc_bench --quick"
	./mvc_bench --quick || rc=1
fi
exit $rc
