# SPDX-License-Identifier: GPL-2.0
#
# Kernel modules for selftests, from Debian's kernel package: fuse
# (lifecycle_test's pin that never completes).  It has no dependencies.
# On a native MIPS host the tests load the running kernel's modules with
# modprobe.

SELFTEST_MODS_DIR := $(firstword $(wildcard $(CACHE)/root/lib/modules/*/kernel))

ifneq ($(SELFTEST_MODS_DIR),)
INITRAMFS_FILES += $(SELFTEST_MODS_DIR)/fs/fuse/fuse.ko:lib/mipsvcpu/extra/fuse.ko
endif
