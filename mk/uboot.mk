# SPDX-License-Identifier: GPL-2.0
#
# uboot.mk - a real U-Boot as the guest firmware (issue 8, docs/u-boot.md).
# Included by the top Makefile (BUILD, CACHE, CROSS_COMPILE).
#
#   uboot                       the boot flash below
#   $(BUILD)/u-boot/u-boot.bin  Debian's U-Boot 2023.01 source (apt-get
#                               source, guests/u-boot/fetch.sh) with
#                               guests/u-boot/patches/*.patch applied,
#                               mipsvcpu_defconfig; built once per patch
#                               series and cached in $(CACHE)/u-boot
#   $(BUILD)/u-boot/uboot-flash.bin
#                               u-boot.bin at offset 0, the demo OS (ELF,
#                               stripped) at UBOOT_OS_OFFSET: the image of
#                               examples/uboot/guest.dts's nor_flash
#
# The flash and the example's DTB go into the initramfs: in
# /examples/uboot/ (vcpuctl run /examples/uboot/guest.dtb) and in
# /selftests/guests/ for selftests/mipsvcpu/uboot_test.c.

UBOOT_DIR := $(BUILD)/u-boot
UBOOT_BIN := $(UBOOT_DIR)/u-boot.bin
UBOOT_FLASH := $(UBOOT_DIR)/uboot-flash.bin
UBOOT_DTB := $(UBOOT_DIR)/guest.dtb
UBOOT_PATCHES := $(sort $(wildcard guests/u-boot/patches/*.patch))
# Flash offset of the OS: guest physical 0x1fd00000, U-Boot's ${os_addr}
UBOOT_OS_OFFSET := 0x100000

.PHONY: uboot

uboot: $(UBOOT_FLASH) $(UBOOT_DTB)

$(UBOOT_BIN): $(UBOOT_PATCHES) guests/u-boot/build.sh guests/u-boot/fetch.sh \
		guests/u-boot/sources.list
	+CROSS_COMPILE=$(CROSS_COMPILE) MIPSVCPU_CACHE=$(CACHE) \
		guests/u-boot/build.sh $@

$(UBOOT_DIR)/demo-os.elf: $(DEMO_OS_DIR)/guest/demo-os.elf
	@mkdir -p $(@D)
	$(CROSS_COMPILE)strip -o $@ $<

$(UBOOT_FLASH): $(UBOOT_BIN) $(UBOOT_DIR)/demo-os.elf
	@test $$(stat -c %s $(UBOOT_BIN)) -le $$(($(UBOOT_OS_OFFSET))) || { \
		echo "uboot: u-boot.bin is larger than UBOOT_OS_OFFSET"; exit 1; }
	$(CROSS_COMPILE)objcopy -I binary -O binary --pad-to=$(UBOOT_OS_OFFSET) \
		--gap-fill=0xff $(UBOOT_BIN) $@.tmp
	cat $@.tmp $(UBOOT_DIR)/demo-os.elf > $@
	rm -f $@.tmp

$(UBOOT_DTB): examples/uboot/guest.dts
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<

$(BUILD)/initramfs.cpio.gz: $(UBOOT_FLASH) $(UBOOT_DTB)
INITRAMFS_FILES += $(UBOOT_FLASH):examples/uboot/uboot-flash.bin \
	$(UBOOT_DTB):examples/uboot/guest.dtb \
	$(UBOOT_FLASH):selftests/guests/uboot-flash.bin \
	$(UBOOT_DTB):selftests/guests/uboot.dtb

# The example interactively, for a transcript (docs/u-boot.md), with the
# Makefile's stage_and_run: its /demo.sh types commands into
# `vcpuctl run /examples/uboot/guest.dtb` through a pipe, a few seconds
# apart (U-Boot's ctrlc() checks swallow type-ahead).
UBOOT_CMDS ?= version;bdinfo;md.l 0x0 8;md.l $${os_addr} 4;fdt print /guest0/aspace/uart0;bootmvc $${os_addr}

UBOOT_VCPU_RUN = '( sleep 5; while read -r c; do echo "$$c"; sleep 3; done < /uboot-cmds; sleep 25 ) |' \
	'  vcpuctl run --timeout 120 /examples/uboot/guest.dtb'

.PHONY: uboot-vcpu
uboot-vcpu: $(UBOOT_FLASH) $(UBOOT_DTB)
	@test -f $(BUILD)/staging/examples/uboot/guest.dtb || { echo \
		"uboot-vcpu: no U-Boot in $(BUILD)/staging: run 'make initramfs' first"; \
		exit 1; }
	echo '$(UBOOT_CMDS)' | tr ';' '\n' > $(BUILD)/uboot-cmds
	$(call stage_and_run,uboot,$(BUILD)/uboot-cmds:uboot-cmds,$(UBOOT_VCPU_RUN),--timeout 300,$(BUILD)/logs/uboot-vcpu.log)
