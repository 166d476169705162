// SPDX-License-Identifier: GPL-2.0
/*
 * mvc_libfdt.c - the module's own copy of libfdt's read-only half.
 *
 * Linux builds libfdt into the kernel image but exports none of its
 * symbols, so the module compiles the kernel tree's scripts/dtc/libfdt
 * sources itself (found through an -I in module/Kbuild), in this one
 * file, with the kernel's libfdt environment instead of dtc's userspace
 * one.  guest_dt.c is their only user.
 */
#include <linux/libfdt_env.h>
#include "fdt.c"
#include "fdt_ro.c"
#include "fdt_strerror.c"
