# SPDX-License-Identifier: GPL-2.0
#
# rsp.mk - the libFuzzer target for vcpuctl's GDB protocol logic
# (tools/vcpuctl/rsp.c; docs/debugging.md), in the style of guest_dt.mk:
#
#   make fuzz-rsp          fuzz for FUZZ_TIME seconds
#   make check-fuzz-rsp    the same for CHECK_FUZZ_TIME seconds, output in
#                          $(BUILD)/logs/fuzz-rsp.log, verdict in
#                          $(BUILD)/logs/fuzz-rsp.verdict
#
# Both join fuzz and check-fuzz.  The corpus seeds are gdb's own packets.

RSP_FUZZER := $(GDT_FUZZ_DIR)/rsp_fuzz
RSP_FUZZ_FLAGS := -max_len=4096 -timeout=25 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix=$(GDT_FUZZ_DIR)/artifacts/rsp/

.PHONY: fuzz-rsp check-fuzz-rsp

$(RSP_FUZZER): tests/fuzz/rsp_fuzz.c tools/vcpuctl/rsp.c tools/vcpuctl/rsp.h
	@mkdir -p $(dir $@)
	$(GDT_FUZZ_CC) $(GDT_FUZZ_CFLAGS) -Wall -Wextra -Werror -o $@ $< \
		tools/vcpuctl/rsp.c

FUZZERS += rsp

fuzz-rsp: $(RSP_FUZZER)
	@mkdir -p $(GDT_FUZZ_DIR)/corpus/rsp $(GDT_FUZZ_DIR)/artifacts/rsp
	@out=$(GDT_FUZZ_DIR)/rsp.out; \
	{ timeout -k 5 $$(($(FUZZ_TIME) + 60)) $(RSP_FUZZER) $(RSP_FUZZ_FLAGS) \
		-max_total_time=$(FUZZ_TIME) $(GDT_FUZZ_DIR)/corpus/rsp \
		tests/fuzz/corpus/rsp; echo $$? > $$out.rc; } > $$out 2>&1; \
	rc=$$(cat $$out.rc); \
	runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$out); \
	echo "fuzz rsp: $${runs:-0} executions, exit $$rc"; \
	[ "$$rc" = 0 ] || grep -E 'ERROR|SUMMARY' $$out; \
	[ "$$rc" = 0 ] && [ "$${runs:-0}" -gt 0 ]

check-fuzz-rsp:
	@mkdir -p $(BUILD)/logs
	@if $(MAKE) --no-print-directory fuzz-rsp FUZZ_TIME=$(CHECK_FUZZ_TIME) \
		> $(BUILD)/logs/fuzz-rsp.log 2>&1; \
	then r=ok; else r=FAILED; fi; \
	echo "== fuzz rsp: $$r ($$(grep -a '^fuzz rsp: [0-9]' $(BUILD)/logs/fuzz-rsp.log))"; \
	echo "fuzz rsp $$r" > $(BUILD)/logs/fuzz-rsp.verdict; [ $$r = ok ]
