# SPDX-License-Identifier: GPL-2.0
#
# conformance.mk - the differential CPU conformance program
# (guests/conformance/, issue 4): one source built for the real MIPS map
# and for the mipsvcpu guest map, run bare metal on QEMU (the oracle) and
# as a guest, and the two logs compared check by check.  Included by the
# top Makefile (BUILD, CROSS_COMPILE, GUEST_CC, GUEST_CFLAGS).
#
#   $(BUILD)/guests/conformance.bin  guest map, for vcpuctl run --rom
#   $(BUILD)/conformance/real.bin    real map, byte-swapped for Malta -bios
#   conformance             both images; checks that .fixed (the code whose
#                           addresses the checks print) is byte-identical
#                           in the two builds
#   conformance-real        QEMU Malta 24Kc bare metal ->
#                           $(BUILD)/logs/conformance-real.log, compared
#                           with guests/conformance/expected-24Kc.log
#   conformance-real-cpus   the same on 34Kf, compared with the 24Kc log:
#                           only "~" lines may differ
#   conformance-vcpu        the guest build under mipsvcpu in the emulated
#                           MIPS host (after `make initramfs`) ->
#                           $(BUILD)/logs/conformance-vcpu.log, compared
#                           with the 24Kc log ($(BUILD)/logs/conformance.diff)
#   conformance-expected    regenerate guests/conformance/expected-24Kc.log
#
# EXTRA_GUEST_BINS lists guest images outside guests/tests/ that belong
# in the initramfs next to $(GUESTS).

CONF_DIR := $(BUILD)/conformance
CONF_GUEST_BIN := $(BUILD)/guests/conformance.bin
CONF_REAL_BIN := $(CONF_DIR)/real.bin
CONF_SRCS := $(addprefix guests/conformance/,start.S fixed.S conformance.c \
	lib.c cp0_checks.c tlb_checks.c exc_checks.c irq_checks.c user_checks.c) \
	guests/lib/uart.c
CONF_DEPS := $(CONF_SRCS) guests/conformance/conformance.h $(GUEST_LIB_HDRS) \
	guests/conformance/conformance.lds.S
CONF_CFLAGS = -Iguests/conformance $(GUEST_CFLAGS)
CONF_CPP_LDS = $(GUEST_CC) -E -P -x assembler-with-cpp -Umips
CONF_EXPECTED := guests/conformance/expected-24Kc.log
CONF_MIN ?= 150
CONF_TIMEOUT ?= 60
CONF_VCPU_TIMEOUT ?= 300
# run.sh options for the MIPS host, e.g. --icount or --cpu 34Kf
CONF_VCPU_FLAGS ?=

EXTRA_GUEST_BINS += $(CONF_GUEST_BIN)

# `make guests` (and so `make all`) builds it with the other guest images.
guests: $(CONF_GUEST_BIN)

.PHONY: conformance conformance-real conformance-real-cpus conformance-vcpu \
	conformance-expected

conformance: $(CONF_GUEST_BIN) $(CONF_REAL_BIN)

# $(1): map name (guest, real); $(2): its compiler flags.
define conformance_map
$(CONF_DIR)/$(1)/conformance.elf: $(CONF_DEPS)
	@mkdir -p $$(@D)
	$(CONF_CPP_LDS) $(2) -Iguests/conformance -Iguests/lib \
		guests/conformance/conformance.lds.S -o $$(@D)/conformance.lds
	$(GUEST_CC) $$(CONF_CFLAGS) $(2) -T $$(@D)/conformance.lds -o $$@ \
		$(CONF_SRCS) -lgcc

$(CONF_DIR)/$(1)/fixed.bin: $(CONF_DIR)/$(1)/conformance.elf
	$(CROSS_COMPILE)objcopy -O binary -j .fixed $$< $$@
endef

$(eval $(call conformance_map,guest,))
$(eval $(call conformance_map,real,-DMAP_REAL))

# Printed code addresses normalize only if .fixed is the same code.
$(CONF_DIR)/fixed.ok: $(CONF_DIR)/guest/fixed.bin $(CONF_DIR)/real/fixed.bin
	@cmp $^ || { echo "conformance: .fixed differs between the maps:" \
		"keep map-dependent constants out of fixed.S"; exit 1; }
	@touch $@

$(CONF_GUEST_BIN): $(CONF_DIR)/guest/conformance.elf $(CONF_DIR)/fixed.ok
	@mkdir -p $(@D)
	$(CROSS_COMPILE)objcopy -O binary $< $@

# QEMU's little-endian Malta swaps each word of the -bios image back.
$(CONF_REAL_BIN): $(CONF_DIR)/real/conformance.elf $(CONF_DIR)/fixed.ok
	$(CROSS_COMPILE)objcopy -O binary $< $(CONF_DIR)/real-le.bin
	$(CROSS_COMPILE)objcopy -I binary -O binary --reverse-bytes=4 \
		$(CONF_DIR)/real-le.bin $@

# $(1): CPU model; $(2): log (kept as $(2).failed when the run fails).
conf_run_real = tools/mipshost/baremetal.sh --swapped --cpu $(1) \
	--timeout $(CONF_TIMEOUT) --log $(2) $(CONF_REAL_BIN) > /dev/null && \
	grep -q '^== conformance end: .* status 0$$' $(2) || { \
	mv -f $(2) $(2).failed; \
	echo "conformance: the $(1) run did not finish: see $(2).failed"; exit 1; }

CONF_REAL_LOG := $(BUILD)/logs/conformance-real.log

$(CONF_REAL_LOG): $(CONF_REAL_BIN)
	@mkdir -p $(@D)
	@$(call conf_run_real,24Kc,$@)

conformance-real: $(CONF_REAL_LOG)
	@echo "conformance-real: $(CONF_REAL_LOG) against $(CONF_EXPECTED)"
	@tools/conformance-compare.sh --min $(CONF_MIN) $(CONF_EXPECTED) \
		$(CONF_REAL_LOG)

conformance-real-cpus: $(CONF_REAL_LOG)
	@$(call conf_run_real,34Kf,$(BUILD)/logs/conformance-real-34Kf.log)
	@echo "conformance-real-cpus: 24Kc against 34Kf"
	@tools/conformance-compare.sh --min $(CONF_MIN) $(CONF_REAL_LOG) \
		$(BUILD)/logs/conformance-real-34Kf.log

conformance-expected: $(CONF_REAL_BIN)
	@$(call conf_run_real,24Kc,$(CONF_EXPECTED))
	@echo "conformance-expected: $(CONF_EXPECTED):" \
		"$$(grep -c -E '^[a-z0-9_.]+: [0-9a-f]{8}$$' $(CONF_EXPECTED)) checks"

# The guest build under mipsvcpu (the Makefile's stage_and_run); what
# follows the call applies to its last line, the run: a failed run still
# gets compared, so that the diff says what went wrong.
CONF_VCPU_RUN = 'vcpuctl run --rom /conformance.bin --ram 64M --timeout 120'
conformance-vcpu: $(CONF_GUEST_BIN) $(CONF_REAL_LOG)
	$(call stage_and_run,conformance,$(CONF_GUEST_BIN):conformance.bin,$(CONF_VCPU_RUN),$(CONF_VCPU_FLAGS) --timeout $(CONF_VCPU_TIMEOUT),$(BUILD)/logs/conformance-vcpu.log) > /dev/null || :
	@tools/conformance-compare.sh --min $(CONF_MIN) $(CONF_REAL_LOG) \
		$(BUILD)/logs/conformance-vcpu.log > $(BUILD)/logs/conformance.diff; \
		rc=$$?; \
	cat $(BUILD)/logs/conformance.diff; exit $$rc
