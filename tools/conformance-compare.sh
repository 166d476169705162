#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# conformance-compare.sh - compare two logs of the conformance program
# (guests/conformance/): the oracle's (QEMU bare metal) and another's.
#
#   conformance-compare.sh [--min N] [--quiet] EXPECTED ACTUAL
#
# Check lines are "name: xxxxxxxx" (8 hex digits, maybe followed by a
# comment).  Everything else in a log is noise and ignored: console
# output of the MIPS host and vcpuctl, "==" markers, carriage returns,
# and lines starting with "~" (implementation-defined values, printed for
# the record).  Checks are matched by name, in EXPECTED's order:
#
#   DIFF    name: expected X, actual Y
#   MISSING name (expected X)      not in ACTUAL (the run stopped?)
#   EXTRA   name: Y                only in ACTUAL
#   DUP     name                   printed twice in one log
#
# "!!" lines (the program's errors) are shown.  Exit status: 0 when every
# check agrees and both logs have at least N (150) checks; 1 otherwise;
# 2 on usage errors.
set -uo pipefail

min=150
quiet=
while [ $# -gt 2 ]; do
	case "$1" in
	--min) min=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	*) echo "conformance-compare.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ $# = 2 ] || { echo "usage: conformance-compare.sh [--min N] [--quiet] EXPECTED ACTUAL" >&2; exit 2; }
for f in "$1" "$2"; do
	[ -r "$f" ] || { echo "conformance-compare.sh: cannot read $f" >&2; exit 2; }
done

# The check lines of a log: "name value", one per line.
checks() {
	tr -d '\r' < "$1" | grep -a -E '^[A-Za-z0-9_][A-Za-z0-9_.]*: [0-9a-f]{8}( .*)?$' |
		sed -E 's/^([^:]*): ([0-9a-f]{8}).*/\1 \2/'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checks "$1" > "$tmp/expected"
checks "$2" > "$tmp/actual"
tr -d '\r' < "$2" | grep -a '^!!' | sed 's/^/ACTUAL  /'
tr -d '\r' < "$1" | grep -a '^!!' | sed 's/^/EXPECTED/'

awk -v min="$min" -v quiet="$quiet" -v ename="$1" -v aname="$2" '
FILENAME == ARGV[1] {
	if ($1 in want) { print "DUP     " $1 " (in " ename ")"; bad++; next }
	want[$1] = $2; order[++n] = $1; next
}
FILENAME == ARGV[2] {
	if ($1 in act) { print "DUP     " $1 " (in " aname ")"; bad++; next }
	act[$1] = $2; aorder[++m] = $1
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]
		if (!(k in act)) { print "MISSING " k " (expected " want[k] ")"; missing++ }
		else if (act[k] != want[k]) {
			print "DIFF    " k ": expected " want[k] ", actual " act[k]; diff++
		} else same++
	}
	for (i = 1; i <= m; i++)
		if (!(aorder[i] in want)) { print "EXTRA   " aorder[i] ": " act[aorder[i]]; extra++ }
	printf "conformance-compare: %d checks expected, %d found; %d agree, %d differ, %d missing, %d extra\n",
		n, m, same, diff, missing, extra
	if (n < min || m < min) {
		printf "conformance-compare: fewer than %d checks in a log\n", min; bad++
	}
	exit (bad || diff || missing || extra) ? 1 : 0
}' "$tmp/expected" "$tmp/actual" > "$tmp/report"
rc=$?
if [ -n "$quiet" ]; then
	grep -E '^conformance-compare' "$tmp/report"
else
	cat "$tmp/report"
fi
exit $rc
