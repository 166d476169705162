# SPDX-License-Identifier: GPL-2.0
#
# Filesystems for selftests: an empty minix image and Debian's loop and
# minix modules to mount it with "mount -o loop" (memory_test's
# file-backed slot needs page-cache writeback, which tmpfs lacks), and the
# fuse module (lifecycle_test's pin that never completes).  None of the
# three modules has dependencies.  On a native MIPS host the tests load the
# running kernel's modules with modprobe and run mkfs.minix.

MKFS_MINIX := $(firstword $(wildcard /sbin/mkfs.minix /usr/sbin/mkfs.minix) mkfs.minix)
SELFTEST_MODS_DIR := $(firstword $(wildcard $(CACHE)/root/lib/modules/*/kernel))

$(BUILD)/minix.img:
	@mkdir -p $(dir $@)
	rm -f $@.tmp && truncate -s 4M $@.tmp && $(MKFS_MINIX) $@.tmp > /dev/null && mv $@.tmp $@

$(BUILD)/initramfs.cpio.gz: $(BUILD)/minix.img
INITRAMFS_FILES += $(BUILD)/minix.img:selftests/minix.img
ifneq ($(SELFTEST_MODS_DIR),)
INITRAMFS_FILES += $(SELFTEST_MODS_DIR)/drivers/block/loop.ko:lib/mipsvcpu/extra/loop.ko \
	$(SELFTEST_MODS_DIR)/fs/minix/minix.ko:lib/mipsvcpu/extra/minix.ko \
	$(SELFTEST_MODS_DIR)/fs/fuse/fuse.ko:lib/mipsvcpu/extra/fuse.ko
endif
