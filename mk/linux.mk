# SPDX-License-Identifier: GPL-2.0
#
# linux.mk - Linux as a guest (issue 12, docs/linux-guest.md).  Included
# by the top Makefile (BUILD, CACHE, CROSS_COMPILE).
#
#   linux-guest                  the outputs below
#   $(BUILD)/linux/linux.img     Debian 12's Linux 6.1 with
#                                guests/linux/patches, its initramfs of
#                                Debian's mipsel busybox and glibc, as an
#                                OS image for the project firmware
#                                (guests/linux/build.sh; the kernel is
#                                cached in $(CACHE)/linux under a stamp
#                                of the patches and the configuration)
#   $(BUILD)/linux/vmlinux       the same kernel as a stripped ELF file
#   $(BUILD)/linux/guest.dtb     examples/linux/guest.dts: the project
#                                firmware boots linux.img
#   $(BUILD)/linux/uboot.dtb     examples/linux/uboot.dts: U-Boot boots
#                                vmlinux (bootmvc 0x3c000000)
#
# They go into the MIPS host's initramfs in /examples/linux/, with the
# firmware alone (firmware.bin) and U-Boot's flash as boot flashes:
# vcpuctl run /examples/linux/guest.dtb, and
# selftests/mipsvcpu/linux_guest_test.c.

LINUX_DIR := $(BUILD)/linux
LINUX_IMG := $(LINUX_DIR)/linux.img
LINUX_DTB := $(LINUX_DIR)/guest.dtb
# The same guest with the smallest guest TLB the selftest runs with.
LINUX_DTB16 := $(LINUX_DIR)/guest-tlb16.dtb
LINUX_UBOOT_DTB := $(LINUX_DIR)/uboot.dtb
LINUX_INPUTS := $(sort $(wildcard guests/linux/patches/*.patch)) \
	$(filter-out %.md,$(wildcard guests/linux/*))

.PHONY: linux-guest

linux-guest: $(LINUX_IMG) $(LINUX_DTB) $(LINUX_DTB16) $(LINUX_UBOOT_DTB)

$(LINUX_IMG): $(LINUX_INPUTS) $(MKIMAGE)
	+CROSS_COMPILE=$(CROSS_COMPILE) MIPSVCPU_CACHE=$(CACHE) MKIMAGE=$(MKIMAGE) \
		guests/linux/build.sh $(LINUX_DIR)
	@touch $@

$(LINUX_DIR)/vmlinux: $(LINUX_IMG)

$(LINUX_DIR)/%.dtb: examples/linux/%.dts
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<

$(LINUX_DTB16): examples/linux/guest.dts
	@mkdir -p $(@D)
	sed 's/tlb_size = <64>/tlb_size = <16>/' $< | grep -q 'tlb_size = <16>'
	sed 's/tlb_size = <64>/tlb_size = <16>/' $< | dtc -q -I dts -O dtb -o $@ -

# (uboot.mk makes the initramfs depend on UBOOT_FLASH.)
$(BUILD)/initramfs.cpio.gz: $(LINUX_IMG) $(LINUX_DTB) $(LINUX_DTB16) \
	$(LINUX_UBOOT_DTB)
INITRAMFS_FILES += $(LINUX_IMG):examples/linux/linux.img \
	$(LINUX_DIR)/vmlinux:examples/linux/vmlinux \
	$(LINUX_DTB):examples/linux/guest.dtb \
	$(LINUX_DTB16):examples/linux/guest-tlb16.dtb \
	$(LINUX_UBOOT_DTB):examples/linux/uboot.dtb \
	$(FW_DIR)/guest/firmware.bin:examples/linux/firmware.bin \
	$(UBOOT_FLASH):examples/linux/uboot-flash.bin

# The anchor of the Linux guest's benchmarks (bench/mvc_bench.c, group
# linux): the guest's own userland, the same files, in the MIPS host's
# initramfs, where mvc_bench runs guestbench chrooted into it as a host
# process.  build.sh leaves them unpacked in $(CACHE)/linux/rootfs
# (mkrootfs.sh); /bin/true is made a link to busybox at run time.
LINUX_ROOTFS := $(CACHE)/linux/rootfs
LINUX_USERLAND := examples/linux/userland
LINUX_LIBC := $(LINUX_ROOTFS)/libc6/lib/mipsel-linux-gnu
LINUX_USERLAND_FILES := $(LINUX_ROOTFS)/guestbench:$(LINUX_USERLAND)/bin/guestbench \
	$(LINUX_ROOTFS)/busybox/bin/busybox:$(LINUX_USERLAND)/bin/busybox \
	$(LINUX_LIBC)/ld.so.1:$(LINUX_USERLAND)/lib/ld.so.1 \
	$(foreach f,ld.so.1 libc.so.6 libm.so.6 libresolv.so.2,\
		$(LINUX_LIBC)/$(f):$(LINUX_USERLAND)/lib/mipsel-linux-gnu/$(f))
$(foreach f,$(LINUX_USERLAND_FILES),$(firstword $(subst :, ,$(f)))): $(LINUX_IMG)
INITRAMFS_FILES += $(LINUX_USERLAND_FILES)
