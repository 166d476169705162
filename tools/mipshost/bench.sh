#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The benchmarks, run by /init inside the MIPS host (make bench).
/selftests/mvc_bench --json /tmp/results.json ${mvc_only:+--only "$mvc_only"}
rc=$?
echo "BENCH-JSON-BEGIN"
cat /tmp/results.json
echo "BENCH-JSON-END"
# For tools/qemu-profile/report.py: where the kernel's and the module's
# functions are.
if [ -n "${MVC_BENCH_MARKS:-}" ]; then
	echo "KALLSYMS-BEGIN"
	grep ' [tT] ' /proc/kallsyms
	echo "KALLSYMS-END"
fi
exit $rc
