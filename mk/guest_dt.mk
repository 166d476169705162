# SPDX-License-Identifier: GPL-2.0
#
# mk/guest_dt.mk - the guest device-tree parser (module/guest_dt.c): its
# host unit test and its libFuzzer target.
#
#   $(BUILD)/host/guest_dt_test  unit tests; make check-host runs them
#   make fuzz                    build the fuzzer, replay every regression
#                                input, fuzz for FUZZ_TIME seconds (60)
#   make check-fuzz              the same for CHECK_FUZZ_TIME seconds (20),
#                                output in $(BUILD)/logs/fuzz-guest_dt.log,
#                                verdict in $(BUILD)/logs/fuzz-guest_dt.verdict
#
# The top Makefile's fuzz and check-fuzz run every fuzzer named in FUZZERS,
# so other fragments add their own the same way.  The unit test links the system's
# libfdt (-lfdt); the fuzzer compiles the kernel tree's libfdt, the one the
# module builds, with the same sanitizers as the parser.

GDT_TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
GDT_DEPS := module/guest_dt.c module/guest_dt.h module/mvc_types.h module/addrmap.h \
	tests/fuzz/guest_dt_invariants.h
GDT_LIBFDT := $(CACHE)/linux-src/scripts/dtc/libfdt
GDT_LIBFDT_SRCS := $(wildcard $(addprefix $(GDT_LIBFDT)/,fdt.c fdt_ro.c \
	fdt_strerror.c))
GDT_FUZZ_DIR := $(BUILD)/fuzz
GDT_FUZZER := $(GDT_FUZZ_DIR)/guest_dt_fuzz
GDT_FUZZ_CC ?= clang
GDT_FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
GDT_FUZZ_CFLAGS := -O1 -g $(GDT_FUZZ_SAN)
GDT_FUZZ_FLAGS := -max_len=8192 -timeout=25 -rss_limit_mb=2048 \
	-dict=tests/fuzz/guest_dt.dict -print_final_stats=1 \
	-artifact_prefix=$(GDT_FUZZ_DIR)/artifacts/guest_dt/
GDT_REGRESSIONS = $(filter-out %.md,$(wildcard tests/fuzz/regressions/guest_dt/*))
FUZZ_TIME ?= 60
CHECK_FUZZ_TIME ?= 20

# Before `make bootstrap` has fetched the kernel's libfdt, fall back to the
# system's (not instrumented, so the fuzzer sees less).
ifeq ($(GDT_LIBFDT_SRCS),)
GDT_FUZZ_LIBFDT_OBJS :=
GDT_FUZZ_LIBS := -lfdt
GDT_FUZZ_INC :=
else
GDT_FUZZ_LIBFDT_OBJS := $(patsubst $(GDT_LIBFDT)/%.c,$(GDT_FUZZ_DIR)/libfdt/%.o,\
	$(GDT_LIBFDT_SRCS))
GDT_FUZZ_LIBS :=
GDT_FUZZ_INC := -I$(GDT_LIBFDT)
endif

.PHONY: fuzz-guest_dt check-fuzz-guest_dt

# The generic $(BUILD)/host/% rule links only addrmap.c; this one wins.
$(BUILD)/host/guest_dt_test: tests/host/guest_dt_test.c $(GDT_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -DMVC_SRCDIR='"$(GDT_TOP)"' -o $@ $< \
		module/guest_dt.c -lfdt

$(GDT_FUZZ_DIR)/libfdt/%.o: $(GDT_LIBFDT)/%.c
	@mkdir -p $(dir $@)
	$(GDT_FUZZ_CC) $(GDT_FUZZ_CFLAGS) $(GDT_FUZZ_INC) -c -o $@ $<

$(GDT_FUZZER): tests/fuzz/guest_dt_fuzz.c $(GDT_DEPS) $(GDT_FUZZ_LIBFDT_OBJS)
	@mkdir -p $(dir $@)
	$(GDT_FUZZ_CC) $(GDT_FUZZ_CFLAGS) -Wall -Wextra -Werror $(GDT_FUZZ_INC) \
		-o $@ $< module/guest_dt.c $(GDT_FUZZ_LIBFDT_OBJS) \
		$(GDT_FUZZ_LIBS)

FUZZERS += guest_dt

# Replay the regressions, then fuzz from the seed corpus plus what earlier
# runs found ($(BUILD)/fuzz/corpus/guest_dt).  A crash leaves its input in
# $(BUILD)/fuzz/artifacts/guest_dt/: copy it to the regressions folder.
fuzz-guest_dt: $(GDT_FUZZER)
	@mkdir -p $(GDT_FUZZ_DIR)/corpus/guest_dt \
		$(GDT_FUZZ_DIR)/artifacts/guest_dt
	@echo "fuzz guest_dt: replaying $(words $(GDT_REGRESSIONS)) regression inputs"
	@if [ -n "$(GDT_REGRESSIONS)" ]; then \
		$(GDT_FUZZER) $(GDT_FUZZ_FLAGS) $(GDT_REGRESSIONS) \
			> $(GDT_FUZZ_DIR)/guest_dt-replay.log 2>&1 || { \
			cat $(GDT_FUZZ_DIR)/guest_dt-replay.log; exit 1; }; \
	fi
	@out=$(GDT_FUZZ_DIR)/guest_dt.out; \
	{ timeout -k 5 $$(($(FUZZ_TIME) + 60)) $(GDT_FUZZER) $(GDT_FUZZ_FLAGS) \
		-max_total_time=$(FUZZ_TIME) $(GDT_FUZZ_DIR)/corpus/guest_dt \
		tests/fuzz/corpus/guest_dt; echo $$? > $$out.rc; } 2>&1 | \
		tee $$out | grep -E '^#[0-9]+.*(pulse|DONE)|ERROR|SUMMARY|==ERROR'; \
	rc=$$(cat $$out.rc); \
	runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$out); \
	rate=$$(sed -n 's/^stat::average_exec_per_sec: *//p' $$out); \
	echo "fuzz guest_dt: $${runs:-0} executions, $${rate:-0} exec/s," \
		"$$(ls $(GDT_FUZZ_DIR)/corpus/guest_dt | wc -l) corpus inputs," \
		"$$(ls $(GDT_FUZZ_DIR)/artifacts/guest_dt | wc -l) crash artifacts," \
		"exit $$rc"; \
	[ "$$rc" = 0 ] && [ "$${runs:-0}" -gt 0 ]

check-fuzz-guest_dt:
	@mkdir -p $(BUILD)/logs
	@if $(MAKE) --no-print-directory fuzz-guest_dt \
		FUZZ_TIME=$(CHECK_FUZZ_TIME) > $(BUILD)/logs/fuzz-guest_dt.log 2>&1; \
	then r=ok; else r=FAILED; fi; \
	echo "== fuzz guest_dt: $$r ($$(grep -a '^fuzz guest_dt: [0-9]' \
		$(BUILD)/logs/fuzz-guest_dt.log | tail -n 1 | cut -d' ' -f3-))"; \
	echo "fuzz guest_dt $$r" > $(BUILD)/logs/fuzz-guest_dt.verdict; \
	[ $$r = ok ]
