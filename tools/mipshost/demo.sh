#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo, run by /init inside the MIPS host (make demo).
echo "== vcpuctl version"
vcpuctl version
