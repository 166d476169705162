#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tap-summary.sh LOGDIR - count TAP results of every *.tap log in LOGDIR
# (host unit tests and the in-QEMU runs) plus one verdict per MIPS host run
# (it finished, the module loaded, no oops), and print the closing line
# "N passed, N failed, N skipped".
dir=${1:?usage: tap-summary.sh LOGDIR}
cat "$dir"/*.tap 2>/dev/null | tr -d '\r' > "$dir/all.txt"
pass=$(grep -E -c '^ok [0-9]+' "$dir/all.txt" | head -n1)
skip=$(grep -E -c '^ok [0-9]+.*# SKIP' "$dir/all.txt" | head -n1)
fail=$(grep -E -c '^not ok [0-9]+' "$dir/all.txt" | head -n1)
pass=$((pass - skip))
for v in "$dir"/*.verdict; do
	[ -f "$v" ] || continue
	if grep -q ' ok$' "$v"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
grep -E '^not ok [0-9]+' "$dir/all.txt" | sed 's/^/FAILED: /'
echo "$pass passed, $fail failed, $skip skipped"
