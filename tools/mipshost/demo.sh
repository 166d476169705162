#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo, run by /init inside the MIPS host (make demo): the example
# firmware boots at 0x3fc00000, loads the demo guest OS from flash, and the
# OS runs two user tasks for 10 guest seconds.
echo "== vcpuctl version"
vcpuctl version
echo "== vcpuctl run --rom /selftests/guests/flash.bin --ram 64M"
vcpuctl run --rom /selftests/guests/flash.bin --ram 64M --timeout 120
rc=$?
echo "== guest exit status $rc"
exit $rc
