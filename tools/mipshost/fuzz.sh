#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make fuzz, inside the MIPS host: the long random-guest and ioctl fuzz runs
# and the lifecycle tests, then a summary.  The host side adds the kernel
# log verdict (oopses, warnings) from the console.
cd /selftests || exit 1
export MIPSVCPU_KO=/lib/mipsvcpu/mipsvcpu.ko
export MVC_FUZZ_PROGRAMS=${MVC_FUZZ_PROGRAMS:-10000}
export MVC_FUZZ_IOCTLS=${MVC_FUZZ_IOCTLS:-150000}
export MVC_FUZZ_SEED=${MVC_FUZZ_SEED:-1}
rc=0
./fuzz_test > /tmp/fuzz.out 2>&1 || rc=1
./lifecycle_test > /tmp/lifecycle.out 2>&1 || rc=1
cat /tmp/fuzz.out /tmp/lifecycle.out
echo "FUZZ-SUMMARY: seed $MVC_FUZZ_SEED"
grep -h 'FUZZ guests' /tmp/fuzz.out | sed 's/^# /FUZZ-SUMMARY: /'
grep -h 'FUZZ ioctls' /tmp/fuzz.out | sed 's/^# /FUZZ-SUMMARY: /'
# Count against the harness's own plan ("1..N"), not a number kept here:
# the lifecycle tests are the kill -9 cases, the blocked pin, the 1000
# create/run/destroy cycles and the ASID generations.
echo "FUZZ-SUMMARY: lifecycle (kill -9 cases, blocked pin, 1000 create/run/destroy cycles, ASID generations): $(grep -c '^ok' /tmp/lifecycle.out)/$(sed -n 's/^1\.\.\([0-9]*\).*/\1/p' /tmp/lifecycle.out | head -n 1) tests ok"
echo "FUZZ-SUMMARY: leaks: $(cat /sys/class/misc/mipsvcpu/live_vms) VMs, $(cat /sys/class/misc/mipsvcpu/live_vcpus) VCPUs, $(cat /sys/class/misc/mipsvcpu/pinned_pages) pinned pages left"
echo "FUZZ-SUMMARY: tests failed: $(grep -c '^not ok' /tmp/fuzz.out /tmp/lifecycle.out | awk -F: '{s+=$2} END {print s}')"
exit $rc
