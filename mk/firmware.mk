# SPDX-License-Identifier: GPL-2.0
#
# firmware.mk - the example boot firmware (guests/firmware/), the demo
# guest OS (guests/demo-os/) and tools/mkimage, which packs them into a
# boot flash.  Included by the top Makefile (BUILD, CROSS_COMPILE,
# GUEST_CC, GUEST_CFLAGS, HOSTCC).
#
#   $(BUILD)/guests/firmware/flash.bin       firmware + demo OS image, for
#                                            mipsvcpu (vcpuctl run --rom)
#   $(BUILD)/guests/firmware/flash-real.bin  the same sources built for the
#                                            real MIPS map, byte-swapped
#                                            for QEMU's Malta -bios
#   firmware                                 both flashes
#   demo-os-real                             boot flash-real.bin bare metal
#                                            under QEMU and check the run
#   demo-os-vcpu                             boot flash.bin under mipsvcpu
#                                            in the emulated MIPS host
#                                            (after `make initramfs`)
#
# Every program is built twice from one source, once per address map:
# "guest" (the default, machine.h) and "real" (-DMAP_REAL).

FW_DIR := $(BUILD)/guests/firmware
DEMO_OS_DIR := $(BUILD)/guests/demo-os
MKIMAGE := $(BUILD)/tools/mkimage

FW_LIB_SRCS := $(addprefix guests/lib/,console.c uart.c power.c cache.c \
	crc32.c format.c string.c)
FW_HDRS := $(GUEST_LIB_HDRS) guests/firmware/firmware.h
FW_SRCS := guests/firmware/start.S guests/firmware/firmware.c $(FW_LIB_SRCS)
DEMO_OS_SRCS := guests/demo-os/head.S guests/demo-os/vectors.S \
	$(addprefix guests/demo-os/,main.c trap.c syscall.c sched.c task.c \
	mm.c tlb.c) $(addprefix guests/lib/,console.c uart.c power.c \
	cache.c format.c string.c)
DEMO_OS_HDRS := $(FW_HDRS) $(wildcard guests/demo-os/*.h)
DEMO_OS_USER_SRCS := guests/demo-os/user/ustart.S guests/demo-os/user/task.c \
	guests/demo-os/user/ulib.c guests/lib/format.c \
	guests/lib/string.c
DEMO_OS_USER_HDRS := $(FW_HDRS) guests/demo-os/user_abi.h guests/demo-os/user/ulib.h

# Our headers first; gcc must not turn copy loops into memcpy calls
# inside memcpy itself (lib/string.c).
FW_CFLAGS = -Iguests/firmware -Iguests/lib -Iguests/demo-os $(GUEST_CFLAGS) \
	-fno-tree-loop-distribute-patterns
FW_CPP_LDS = $(GUEST_CC) -E -P -x assembler-with-cpp -Umips
# The kernel's load address and entry, from its one definition in os.h.
DEMO_OS_LOAD_PA := $(shell sed -n \
	's/^.define[[:space:]]*OS_LOAD_PA[[:space:]]*\(0x[0-9a-f]*\).*/\1/p' \
	guests/demo-os/os.h)
# -DDEMO_OS_FAULT: task B faults on purpose (the error path; see user/task.c)
DEMO_OS_USER_FLAGS ?=

# Real-map runs: QEMU Malta bare metal.  -icount makes the CP0 timer fire
# while the CPU spins; sleep=off lets idle time (wait) pass instantly.
DEMO_OS_QEMU = qemu-system-mipsel -M malta -cpu 24Kc -m 256 -nographic \
	-nic none -vga none -serial stdio -monitor none -no-reboot \
	-icount shift=0,sleep=off
DEMO_OS_REAL_TIMEOUT ?= 60

.PHONY: firmware demo-os-real demo-os-vcpu

firmware: $(FW_DIR)/flash.bin $(FW_DIR)/flash-real.bin

$(MKIMAGE): tools/mkimage/mkimage.c guests/lib/crc32.c \
		guests/lib/crc32.h guests/lib/image.h \
		guests/lib/machine.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -g -Wall -Wextra -Werror -Iguests/lib -o $@ \
		tools/mkimage/mkimage.c guests/lib/crc32.c

# $(1): map name (guest, real); $(2): its compiler flags.
define firmware_map
$(FW_DIR)/$(1)/firmware.elf: $(FW_SRCS) $(FW_HDRS) guests/firmware/firmware.lds.S
	@mkdir -p $$(dir $$@)
	$(FW_CPP_LDS) $(2) -Iguests/lib guests/firmware/firmware.lds.S \
		-o $$(@D)/firmware.lds
	$(GUEST_CC) $$(FW_CFLAGS) $(2) -T $$(@D)/firmware.lds -o $$@ \
		$(FW_SRCS) -lgcc

$(DEMO_OS_DIR)/$(1)/user.elf: $(DEMO_OS_USER_SRCS) $(DEMO_OS_USER_HDRS) guests/demo-os/user/user.lds.S
	@mkdir -p $$(dir $$@)
	$(FW_CPP_LDS) $(2) -Iguests/demo-os guests/demo-os/user/user.lds.S \
		-o $$(@D)/user.lds
	$(GUEST_CC) $$(FW_CFLAGS) $(2) $$(DEMO_OS_USER_FLAGS) -T $$(@D)/user.lds \
		-o $$@ $(DEMO_OS_USER_SRCS) -lgcc

$(DEMO_OS_DIR)/$(1)/demo-os.elf: $(DEMO_OS_SRCS) $(DEMO_OS_HDRS) guests/demo-os/os.lds.S \
		guests/demo-os/user_blob.S $(DEMO_OS_DIR)/$(1)/user.bin
	$(FW_CPP_LDS) $(2) -Iguests/lib -Iguests/demo-os \
		guests/demo-os/os.lds.S -o $$(@D)/os.lds
	$(GUEST_CC) $$(FW_CFLAGS) $(2) -T $$(@D)/os.lds -o $$@ $(DEMO_OS_SRCS) \
		-DUSER_BLOB='"$(DEMO_OS_DIR)/$(1)/user.bin"' \
		guests/demo-os/user_blob.S -lgcc

$(DEMO_OS_DIR)/$(1)/demo-os.img: $(DEMO_OS_DIR)/$(1)/demo-os.bin $(MKIMAGE)
	$(MKIMAGE) image -l $(DEMO_OS_LOAD_PA) -e $(DEMO_OS_LOAD_PA) -n demo-os -o $$@ $$<
endef

$(eval $(call firmware_map,guest,))
$(eval $(call firmware_map,real,-DMAP_REAL))

$(FW_DIR)/guest/%.bin: $(FW_DIR)/guest/%.elf
	$(CROSS_COMPILE)objcopy -O binary $< $@
$(FW_DIR)/real/%.bin: $(FW_DIR)/real/%.elf
	$(CROSS_COMPILE)objcopy -O binary $< $@
$(DEMO_OS_DIR)/guest/%.bin: $(DEMO_OS_DIR)/guest/%.elf
	$(CROSS_COMPILE)objcopy -O binary $< $@
$(DEMO_OS_DIR)/real/%.bin: $(DEMO_OS_DIR)/real/%.elf
	$(CROSS_COMPILE)objcopy -O binary $< $@

$(FW_DIR)/flash.bin: $(FW_DIR)/guest/firmware.bin $(DEMO_OS_DIR)/guest/demo-os.img \
		$(MKIMAGE)
	$(MKIMAGE) flash -o $@ $(FW_DIR)/guest/firmware.bin \
		$(DEMO_OS_DIR)/guest/demo-os.img

$(FW_DIR)/flash-real.bin: $(FW_DIR)/real/firmware.bin \
		$(DEMO_OS_DIR)/real/demo-os.img $(MKIMAGE)
	$(MKIMAGE) flash -s -o $@ $(FW_DIR)/real/firmware.bin \
		$(DEMO_OS_DIR)/real/demo-os.img

# The oracle: the real-map build, bare metal, must print the firmware
# banner and the OS summary and power off with status 0.
demo-os-real: $(FW_DIR)/flash-real.bin
	@echo "== demo-os-real: $(DEMO_OS_QEMU) -bios $<"
	@timeout --foreground -k 5 $(DEMO_OS_REAL_TIMEOUT) $(DEMO_OS_QEMU) \
		-bios $< < /dev/null > $(FW_DIR)/demo-os-real.log 2>&1; \
	rc=$$?; tr -d '\r' < $(FW_DIR)/demo-os-real.log; \
	if [ $$rc = 124 ]; then \
		echo "demo-os-real: FAILED: no power-off within $(DEMO_OS_REAL_TIMEOUT) s"; exit 1; fi; \
	for want in 'mipsvcpu firmware 1.0: RAM' 'demo-os: summary' \
		'demo-os: done' 'power off, status 0'; do \
		grep -a -q "$$want" $(FW_DIR)/demo-os-real.log || { \
			echo "demo-os-real: FAILED: no '$$want' (qemu rc $$rc)"; exit 1; }; \
	done; echo "demo-os-real: ok"

# The same flash under mipsvcpu (the Makefile's stage_and_run): passes when
# the guest powers off with 0.
DEMO_OS_VCPU_TIMEOUT ?= 300

DEMO_OS_VCPU_RUN = 'vcpuctl run --rom /flash.bin --ram 64M --timeout 120'

demo-os-vcpu: $(FW_DIR)/flash.bin
	$(call stage_and_run,demo-os,$(FW_DIR)/flash.bin:flash.bin,$(DEMO_OS_VCPU_RUN),--timeout $(DEMO_OS_VCPU_TIMEOUT),$(BUILD)/demo-os-vcpu.log)
