#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo, run by /init inside the MIPS host (make demo).
echo "== vcpuctl version"
vcpuctl version
echo "== vcpuctl run --rom /selftests/guests/hello.bin"
vcpuctl run --rom /selftests/guests/hello.bin --timeout 30
echo "== guest exit status $?"
dmesg | grep -i -E 'mipsvcpu|oops|bug' | tail -5
