#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo, run by /init inside the MIPS host (make demo): the guest that
# examples/demo/guest.dts describes.  The example firmware boots at
# 0x3fc00000 with the RAM base in a0, loads the demo guest OS from flash,
# and the OS runs two user tasks for 10 guest seconds.
echo "== vcpuctl version"
vcpuctl version
echo "== vcpuctl info /examples/demo/guest.dtb"
vcpuctl info /examples/demo/guest.dtb
echo "== vcpuctl run /examples/demo/guest.dtb"
vcpuctl run --timeout 120 /examples/demo/guest.dtb
rc=$?
echo "== guest exit status $rc"
exit $rc
