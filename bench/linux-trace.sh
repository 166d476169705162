#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# linux-trace.sh [LOG [SYSTEM.MAP]] - where the C exits of a Linux guest's
# fork+exec come from: mvc_bench's "# linux trace:" lines in make bench's
# log (default build/logs/bench.log), one per guest PC, summed by the
# guest kernel function holding the PC (from the guest's System.map,
# default the newest guests/linux/build.sh left in the kernel cache).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-$top/build/logs/bench.log}
map=${2:-$(ls -t "${MIPSVCPU_CACHE:-$top/.cache}"/linux/obj-*/System.map | head -n1)}

tr -d '\r' < "$log" | awk -v map="$map" '
function hex(s,   i, n) {
	n = 0
	s = tolower(s)
	for (i = 1; i <= length(s); i++)
		n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return n
}
# The function holding pc: the last text symbol at or below it; below
# the kernel text are the exception handlers Linux writes at EBase, from
# the user window on (docs/linux-guest.md) user space.
function lookup(pc,   lo, hi, mid) {
	lo = 1
	hi = nsym
	if (pc >= 1073741824)
		return "(user space)"
	if (!nsym || pc < addr[1])
		return "(exception handlers at EBase)"
	while (lo < hi) {
		mid = int((lo + hi + 1) / 2)
		if (addr[mid] <= pc)
			lo = mid
		else
			hi = mid - 1
	}
	return sym[lo]
}
BEGIN {
	while ((getline line < map) > 0) {
		split(line, f, " ")
		if (f[2] ~ /^[tT]$/) {
			addr[++nsym] = hex(f[1])
			sym[nsym] = f[3]
		}
	}
}
/^# linux trace: [0-9]+ at guest pc / {
	exc = $10
	sub(/\)/, "", exc)
	by[lookup(hex($8)) " (ExcCode " exc ")"] += $4
	total += $4
}
END {
	for (k in by)
		printf "%7d %5.1f%%  %s\n", by[k], 100 * by[k] / total, k
}' | sort -rn
