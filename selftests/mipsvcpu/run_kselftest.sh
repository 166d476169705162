#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run_kselftest.sh - run the installed mipsvcpu selftests the way the
# kernel's tools/testing/selftests/run_kselftest.sh runs an installed
# kselftest tree: kselftest-list.txt beside this script names them
# ("mipsvcpu:api_test"), the output is TAP 13 with each test's own TAP
# indented by "# ", and a test's exit status 4 is a skip.
#
#   run_kselftest.sh [-l] [-s] [-t TEST]... [-o PREFIX] [-h]
#
#   -l         list the tests and exit
#   -t TEST    run TEST only (api_test or mipsvcpu:api_test); repeatable
#   -s         summary: the result lines only; each test's output goes
#              to /tmp/TEST (as the kernel's runner does)
#   -o PREFIX  also write each test's TAP to PREFIXTEST.tap
#
# Most tests need root and the module loaded (modprobe mipsvcpu); those
# that reload it take the module file from $MIPSVCPU_KO, by default the
# one modinfo finds.  $KSFT_TIMEOUT bounds each test (default 1800 s).
# Exit status: 0 when every test passed or was skipped, 1 otherwise.
cd "$(dirname "$0")" || exit 1

list=no
summary=no
prefix=
only=
while getopts "lst:o:h" opt; do
	case $opt in
	l) list=yes ;;
	s) summary=yes ;;
	t) only="$only ${OPTARG#mipsvcpu:}" ;;
	o) prefix=$OPTARG ;;
	*) sed -n '/^#   run_kselftest/,/^# Exit/p' "$0" | sed 's/^# \{0,1\}//'
	   [ "$opt" = h ] && exit 0; exit 1 ;;
	esac
done

tests=$(sed -n 's/^mipsvcpu://p' kselftest-list.txt)
if [ -n "$only" ]; then
	for t in $only; do
		echo "$tests" | grep -qx "$t" || { echo "run_kselftest.sh: no test $t" >&2; exit 1; }
	done
	tests=$only
fi
if [ $list = yes ]; then
	for t in $tests; do echo "mipsvcpu:$t"; done
	exit 0
fi

if [ -z "${MIPSVCPU_KO:-}" ]; then
	MIPSVCPU_KO=$(/sbin/modinfo -n mipsvcpu 2>/dev/null)
	export MIPSVCPU_KO
fi
timeout=${KSFT_TIMEOUT:-1800}

echo "TAP version 13"
echo "1..$(echo $tests | wc -w)"
n=0
rc=0
for t in $tests; do
	n=$((n + 1))
	out=${prefix:+$prefix$t.tap}
	[ $summary = yes ] && out=${out:-/tmp/$t}
	echo "# selftests: mipsvcpu: $t"
	if [ -n "$out" ]; then
		timeout -k 10 "$timeout" "./$t" > "$out" 2>&1
		r=$?
		[ $summary = yes ] || sed 's/^/# /' "$out"
	else
		{ timeout -k 10 "$timeout" "./$t" 2>&1; echo "exit $?" > /tmp/.mvc-ksft-rc.$$; } |
			sed 's/^/# /'
		r=$(sed 's/^exit //' /tmp/.mvc-ksft-rc.$$)
		rm -f /tmp/.mvc-ksft-rc.$$
	fi
	case $r in
	0) echo "ok $n selftests: mipsvcpu: $t" ;;
	4) echo "ok $n selftests: mipsvcpu: $t # SKIP" ;;
	124) echo "not ok $n selftests: mipsvcpu: $t # TIMEOUT ${timeout} seconds"; rc=1 ;;
	*) echo "not ok $n selftests: mipsvcpu: $t # exit=$r"; rc=1 ;;
	esac
done
exit $rc
