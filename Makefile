# SPDX-License-Identifier: GPL-2.0
#
# mipsvcpu - top-level Makefile.
#
#   make            module/mipsvcpu.ko, tools/vcpuctl/vcpuctl, the selftests
#   make check      host unit tests, then every selftest inside the MIPS host
#                   (QEMU 24Kc and 34Kf when this machine is not MIPS)
#   make demo       boot the MIPS host, load the module, run the demo guest
#   make shell      boot the MIPS host with a shell on the console
#   make style      checkpatch --strict on the module and the uapi header
#   make sparse     the module through sparse (C=2)
#
#   make check-debian  the Debian packages in a Debian mipsel system
#                   (tools/debianhost/, docs/debian.md)
#
# On a machine that is not MIPS everything is cross-built against Debian's
# mipsel 4kc-malta kernel headers, which tools/mipshost/bootstrap.sh
# downloads into .cache/.  On a MIPS host the module builds against
# /lib/modules/$(uname -r)/build with the machine's own gcc, and make check
# runs the host unit tests and the selftests on the machine itself (what
# needs QEMU, clang or sparse is reported as skipped when it is missing).

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CACHE ?= $(TOP)/.cache
BUILD ?= $(TOP)/build
NATIVE := $(filter mips%,$(shell uname -m))

ifeq ($(NATIVE),)
KDIR ?= $(CACHE)/kdir
CROSS_COMPILE ?= mipsel-linux-gnu-
KBUILD_ARGS := ARCH=mips CROSS_COMPILE=$(CROSS_COMPILE)
else
KDIR ?= /lib/modules/$(shell uname -r)/build
CROSS_COMPILE ?=
KBUILD_ARGS :=
endif

KSFT := $(CACHE)/linux-src/tools/testing/selftests
TCC := $(CROSS_COMPILE)gcc
# The MIPS host's userspace is static (the initramfs has no libc); the
# Debian packages link it dynamically with Debian's flags (debian/rules).
TSTATIC ?= -static
TCFLAGS := -O2 -g $(TSTATIC) -Wall -Wextra -Werror -I$(TOP)/uapi $(TCFLAGS_EXTRA)
HOSTCC ?= gcc
# Debian ships no libasan for mips: natively, UBSan in trap mode only.
ifeq ($(NATIVE),)
HOST_SAN ?= -fsanitize=address,undefined
else
HOST_SAN ?= -fsanitize=undefined -fsanitize-undefined-trap-on-error
endif
HOST_CFLAGS := -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -I$(KSFT) $(HOST_SAN)
CPUS ?= 24Kc 34Kf
TIMEOUT ?= 3000

VCPUCTL := tools/vcpuctl/vcpuctl
VCPUCTL_SRCS := $(wildcard tools/vcpuctl/*.c)
SELFTEST_DIR := $(BUILD)/selftests
SELFTEST_SRCS := $(wildcard selftests/mipsvcpu/*_test.c)
SELFTEST_LIB := $(wildcard selftests/mipsvcpu/lib/*.c)
SELFTESTS := $(patsubst selftests/mipsvcpu/%.c,$(SELFTEST_DIR)/%,$(SELFTEST_SRCS))
HOST_TEST_SRCS := $(wildcard tests/host/*_test.c)
HOST_TESTS := $(patsubst tests/host/%.c,$(BUILD)/host/%,$(HOST_TEST_SRCS))
MODULE_PURE := module/addrmap.c module/decode.c module/cp0.c module/guest_tlb.c \
	module/count.c module/hostcpu.c module/cmmio.c module/trace_gen.c

GUEST_CC := $(CROSS_COMPILE)gcc
GUEST_CFLAGS := -march=mips32r2 -EL -O2 -g -ffreestanding -fno-pic -mno-abicalls \
	-G0 -nostdlib -static -no-pie -fno-builtin -Wall -Wextra -Werror \
	-Iguests/lib -Wl,--build-id=none
# The guest runtime (guests/lib/): every guest program's headers, and
# what the selftest guests link.
GUEST_LIB_HDRS := $(wildcard guests/lib/*.h)
GUEST_COMMON := guests/lib/test_start.S guests/lib/test.c guests/lib/uart.c \
	guests/lib/cache.c
GUEST_SRCS := $(wildcard guests/tests/*.c)
GUESTS := $(patsubst guests/tests/%.c,$(BUILD)/guests/%.bin,$(GUEST_SRCS))

.PHONY: all bootstrap module vcpuctl selftests guests host-tests check check-host \
	check-mips check-lint check-oracle fuzz-mips demo demo-linux shell bench profile bench-tool style sparse clean initramfs \
	kselftest-install examples

all: module vcpuctl selftests guests bench-tool firmware

# Guest programs, linked at the VCPU's reset address 0x3fc00000.
guests: $(GUESTS)
$(BUILD)/guests/%.bin: guests/tests/%.c $(GUEST_COMMON) $(GUEST_LIB_HDRS) \
		guests/lib/test.ld
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -T guests/lib/test.ld -o $(@:.bin=.elf) \
		$(GUEST_COMMON) $< -lgcc
	$(CROSS_COMPILE)objcopy -O binary $(@:.bin=.elf) $@

bootstrap:
	@$(TOP)/tools/mipshost/bootstrap.sh

LIBFDT_DIR := $(CACHE)/linux-src/scripts/dtc/libfdt
KBUILD_ARGS += LIBFDT_DIR=$(LIBFDT_DIR)

module:
	$(MAKE) -C $(KDIR) $(KBUILD_ARGS) M=$(TOP) W=1 modules

vcpuctl: $(VCPUCTL)
$(VCPUCTL): $(VCPUCTL_SRCS) $(wildcard tools/vcpuctl/*.h) uapi/linux/mipsvcpu.h guests/lib/machine.h
	$(TCC) $(TCFLAGS) -o $@ $(VCPUCTL_SRCS)

selftests: $(SELFTESTS)
$(SELFTEST_DIR)/%: selftests/mipsvcpu/%.c $(SELFTEST_LIB) \
		selftests/mipsvcpu/lib/mvc_util.h uapi/linux/mipsvcpu.h guests/lib/machine.h
	@mkdir -p $(dir $@)
	$(TCC) $(TCFLAGS) -Wno-unused-parameter -Wno-sign-compare \
		-I$(KSFT) -Iselftests/mipsvcpu/lib -o $@ $< $(SELFTEST_LIB) \
		$(SELFTEST_EXTRA) -lpthread
# gdb_test speaks the GDB protocol to vcpuctl with vcpuctl's own framing.
$(SELFTEST_DIR)/gdb_test: SELFTEST_EXTRA := tools/vcpuctl/rsp.c
$(SELFTEST_DIR)/gdb_test: tools/vcpuctl/rsp.c tools/vcpuctl/rsp.h

# The selftests as installed: the layout of mipsvcpu-tests'
# /usr/lib/mipsvcpu/selftests and of native make check (the tests find
# guests/, dt/ and minix.img beside themselves).
KSFT_INSTALL ?= $(BUILD)/kselftest
SELFTEST_DTS := $(wildcard selftests/mipsvcpu/dt/*.dts)
kselftest-install: selftests guests firmware $(BUILD)/minix.img $(SELFTEST_DTS)
	rm -rf $(KSFT_INSTALL)
	mkdir -p $(KSFT_INSTALL)/guests $(KSFT_INSTALL)/dt
	cp $(SELFTESTS) selftests/mipsvcpu/run_kselftest.sh $(BUILD)/minix.img \
		$(KSFT_INSTALL)/
	cd $(KSFT_INSTALL) && ls *_test | sed 's/^/mipsvcpu:/' > kselftest-list.txt
	cp $(GUESTS) $(BUILD)/guests/firmware/flash.bin $(KSFT_INSTALL)/guests/
	for f in $(SELFTEST_DTS); do n=$$(basename $$f .dts); \
		dtc -q -I dts -O dtb -o $(KSFT_INSTALL)/dt/$$n.dtb $$f && \
		sed -n '2s|^// expect: ||p' $$f > $(KSFT_INSTALL)/dt/$$n.exp \
		|| exit 1; done

# The demo guest as vcpuctl's package installs it.
examples: $(BUILD)/examples/demo/guest.dtb $(BUILD)/examples/demo/flash.bin
$(BUILD)/examples/demo/guest.dtb: examples/demo/guest.dts
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<
$(BUILD)/examples/demo/flash.bin: $(BUILD)/guests/firmware/flash.bin
	@mkdir -p $(@D)
	cp $< $@

# The benchmark tool runs inside the MIPS host (make bench).
BENCH := $(BUILD)/bench/mvc_bench
bench-tool: $(BENCH)
$(BENCH): bench/mvc_bench.c bench/workloads.h $(SELFTEST_LIB) \
		selftests/mipsvcpu/lib/mvc_util.h uapi/linux/mipsvcpu.h guests/lib/machine.h
	@mkdir -p $(dir $@)
	$(TCC) $(TCFLAGS) -Wno-unused-parameter -I$(KSFT) -Iselftests/mipsvcpu/lib \
		-o $@ $< $(SELFTEST_LIB)

host-tests: $(HOST_TESTS)
# vcpuctl's protocol logic is pure too.
$(BUILD)/host/rsp_test: tests/host/rsp_test.c tools/vcpuctl/rsp.c tools/vcpuctl/rsp.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< tools/vcpuctl/rsp.c
$(BUILD)/host/bptable_test: tests/host/bptable_test.c tools/vcpuctl/bptable.c tools/vcpuctl/bptable.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< tools/vcpuctl/bptable.c
# The CRC-32 of the firmware and mkimage, against its definition.
$(BUILD)/host/crc32_test: tests/host/crc32_test.c guests/lib/crc32.c guests/lib/crc32.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< guests/lib/crc32.c
$(BUILD)/host/%: tests/host/%.c $(MODULE_PURE) $(wildcard module/*.h)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(MODULE_PURE)

# The MIPS host's initramfs: the module, vcpuctl, the selftests, the guests.
initramfs: $(BUILD)/initramfs.cpio.gz
$(BUILD)/initramfs.cpio.gz: all tools/mipshost/init tools/mipshost/demo.sh \
		tools/mipshost/demo-linux.sh \
		examples/demo/guest.dts $(wildcard selftests/mipsvcpu/dt/*.dts)
	rm -rf $(BUILD)/staging
	mkdir -p $(BUILD)/staging/lib/mipsvcpu $(BUILD)/staging/usr/bin \
		$(BUILD)/staging/selftests
	cp module/mipsvcpu.ko $(BUILD)/staging/lib/mipsvcpu/
	cp $(VCPUCTL) $(BUILD)/staging/usr/bin/
	cp $(SELFTESTS) selftests/mipsvcpu/run.sh $(BUILD)/staging/selftests/
	mkdir -p $(BUILD)/staging/selftests/guests
	cp $(GUESTS) $(EXTRA_GUEST_BINS) $(BUILD)/staging/selftests/guests/
	cp $(BUILD)/guests/firmware/flash.bin $(BUILD)/staging/selftests/guests/
	mkdir -p $(BUILD)/staging/selftests/dt
	for f in selftests/mipsvcpu/dt/*.dts; do n=$$(basename $$f .dts); \
		dtc -q -I dts -O dtb -o $(BUILD)/staging/selftests/dt/$$n.dtb $$f && \
		sed -n '2s|^// expect: ||p' $$f > $(BUILD)/staging/selftests/dt/$$n.exp \
		|| exit 1; done
	mkdir -p $(BUILD)/staging/examples/demo
	dtc -q -I dts -O dtb -o $(BUILD)/staging/examples/demo/guest.dtb \
		examples/demo/guest.dts
	cp $(BUILD)/guests/firmware/flash.bin $(BUILD)/staging/examples/demo/
	cp tools/mipshost/demo.sh $(BUILD)/staging/demo.sh
	cp tools/mipshost/demo-linux.sh $(BUILD)/staging/demo-linux.sh
	cp tools/mipshost/bench.sh $(BUILD)/staging/bench.sh
	cp tools/mipshost/fuzz.sh $(BUILD)/staging/fuzz.sh
	cp $(BENCH) $(BUILD)/staging/selftests/
	for f in $(INITRAMFS_FILES); do d=$(BUILD)/staging/$${f#*:}; \
		mkdir -p $$(dirname $$d) && cp $${f%%:*} $$d || exit 1; done
	tools/mipshost/mkinitramfs.sh $@ $(BUILD)/staging

# $(call stage_and_run,NAME,FILES,RUN,RUN_FLAGS,LOG): boot the MIPS host on
# a copy of $(BUILD)/staging (filled by `make initramfs`: module, vcpuctl,
# busybox) in $(BUILD)/NAME-stage, plus FILES (SRC:DEST pairs, DEST
# relative to its root), whose /demo.sh runs RUN (printf arguments: its
# lines), prints the guest's exit status and the module's last kernel
# lines and exits with that status.  run.sh gets RUN_FLAGS and LOG; it
# passes when that status is 0.  One recipe for conformance-vcpu,
# demo-os-vcpu and uboot-vcpu.
define stage_and_run
	@test -f $(BUILD)/staging/lib/mipsvcpu/mipsvcpu.ko || { echo \
		"$(1): no $(BUILD)/staging: run 'make initramfs' first"; exit 1; }
	rm -rf $(BUILD)/$(1)-stage
	cp -a $(BUILD)/staging $(BUILD)/$(1)-stage
	for f in $(2); do d=$(BUILD)/$(1)-stage/$${f#*:}; \
		mkdir -p $$(dirname $$d) && cp $${f%%:*} $$d || exit 1; done
	printf '%s\n' '#!/bin/sh' $(3) \
		'rc=$$?; echo "== guest exit status $$rc"' \
		'dmesg | grep -i -E "mipsvcpu|oops|bug" | tail -5; exit $$rc' \
		> $(BUILD)/$(1)-stage/demo.sh
	tools/mipshost/mkinitramfs.sh $(BUILD)/$(1).cpio.gz $(BUILD)/$(1)-stage
	@mkdir -p $(dir $(5))
	tools/mipshost/run.sh $(4) --mode demo --log $(5) $(BUILD)/$(1).cpio.gz
endef

ifeq ($(NATIVE),)
check: bootstrap
	@$(MAKE) --no-print-directory check-host check-fuzz check-mips check-lint check-oracle; \
	rc=$$?; tools/tap-summary.sh $(BUILD)/logs; exit $$rc
else
# On a MIPS host: the host unit tests and the selftests on this machine;
# the fuzzer (clang), checkpatch (perl) and the bare-metal oracles (QEMU)
# where their tool is installed, counted as skipped where it is not.
check: bootstrap
	@$(MAKE) --no-print-directory check-host check-mips; rc=$$?; n=0; \
	for p in check-fuzz:$(GDT_FUZZ_CC) check-lint:perl check-oracle:qemu-system-mipsel; do \
		if command -v $${p#*:} > /dev/null; then \
			$(MAKE) --no-print-directory $${p%%:*} || rc=1; \
		else n=$$((n + 1)); echo "== $${p%%:*}: skipped (no $${p#*:} here)"; \
			echo "ok $$n $${p%%:*} # SKIP no $${p#*:} on this machine" \
				>> $(BUILD)/logs/native-skipped.tap; fi; \
	done; tools/tap-summary.sh $(BUILD)/logs; exit $$rc
endif

# The firmware and demo OS bare metal under QEMU (the oracle the guest build
# must agree with), counted as one test.
check-oracle:
	@mkdir -p $(BUILD)/logs
	@if $(MAKE) --no-print-directory demo-os-real > $(BUILD)/logs/demo-os-real.log 2>&1; \
	then r=ok; else r=FAILED; fi; echo "== demo OS bare metal: $$r"; \
	echo "oracle demo-os-real $$r" > $(BUILD)/logs/oracle-demo-os.verdict; \
	if $(MAKE) --no-print-directory conformance-real conformance-real-cpus \
		> $(BUILD)/logs/conformance-real.out 2>&1; \
	then c=ok; else c=FAILED; fi; \
	echo "== conformance bare metal, 24Kc vs expected log and vs 34Kf: $$c"; \
	echo "oracle conformance-real $$c" > $(BUILD)/logs/oracle-conformance.verdict; \
	[ $$r = ok ] && [ $$c = ok ]

# checkpatch --strict and sparse, each counted as one test; and make clean,
# in a clone, deleting no tracked file (one test more).
check-lint:
	@mkdir -p $(BUILD)/logs; rm -f $(BUILD)/logs/lint-skipped.tap; \
	for t in style sparse; do \
		tool=$$( [ $$t = style ] && echo perl || echo sparse ); \
		if ! command -v $$tool > /dev/null; then rm -f $(BUILD)/logs/lint-$$t.verdict; \
			echo "== lint $$t: skipped (no $$tool here)"; \
			echo "ok 1 lint $$t # SKIP no $$tool on this machine" \
				>> $(BUILD)/logs/lint-skipped.tap; continue; fi; \
		if $(MAKE) --no-print-directory $$t > $(BUILD)/logs/lint-$$t.log 2>&1; \
		then r=ok; else r=FAILED; fi; \
		echo "== lint $$t: $$r"; echo "lint $$t $$r" > $(BUILD)/logs/lint-$$t.verdict; \
	done; \
	if tools/clean-keeps-tree.sh $(KDIR) > $(BUILD)/logs/lint-clean.log 2>&1; \
	then r=ok; else r=FAILED; fi; \
	echo "== lint make clean keeps the tree: $$r"; \
	echo "lint clean $$r" > $(BUILD)/logs/lint-clean.verdict; \
	! grep -q FAILED $(BUILD)/logs/lint-*.verdict

check-host: host-tests
	@mkdir -p $(BUILD)/logs
	@rm -f $(BUILD)/logs/*.tap $(BUILD)/logs/*.log
	@rc=0; for t in $(HOST_TESTS); do \
		echo "== host: $$(basename $$t)"; \
		$$t > $(BUILD)/logs/host-$$(basename $$t).tap 2>&1 || rc=1; \
		tail -n 1 $(BUILD)/logs/host-$$(basename $$t).tap; \
	done; exit $$rc

ifeq ($(NATIVE),)
check-mips: initramfs
	@mkdir -p $(BUILD)/logs
	@pids=; for cpu in $(CPUS); do \
		tools/mipshost/run.sh --cpu $$cpu --mode check --timeout $(TIMEOUT) \
			--log $(BUILD)/logs/mips-$$cpu.tap $(BUILD)/initramfs.cpio.gz \
			> $(BUILD)/logs/mips-$$cpu.console 2>&1 & pids="$$pids $$!"; \
	done; rc=0; set -- $(CPUS); for p in $$pids; do \
		if wait $$p; then r=ok; else r=FAILED; rc=1; fi; \
		echo "== MIPS host $$1: $$r ($$(grep -a 'MIPSHOST: probe' $(BUILD)/logs/mips-$$1.tap | tr -d '\r'))"; \
		tail -n 3 $(BUILD)/logs/mips-$$1.console | tr -d '\r'; \
		echo "mipshost-run $$1 $$r" > $(BUILD)/logs/mips-$$1.verdict; \
		tr -d '\r' < $(BUILD)/logs/mips-$$1.tap | sed -n \
			'/^CONFORMANCE-BEGIN/,/^CONFORMANCE-END/p' > $(BUILD)/logs/conformance-$$1.log; \
		if tools/conformance-compare.sh --min 150 guests/conformance/expected-24Kc.log \
			$(BUILD)/logs/conformance-$$1.log > $(BUILD)/logs/conformance-$$1.diff 2>&1; \
		then c=ok; else c=FAILED; rc=1; fi; \
		echo "== conformance under mipsvcpu on $$1 vs QEMU bare metal: $$c ($$(grep -c -E '^[a-z0-9_.]+: [0-9a-f]{8}' $(BUILD)/logs/conformance-$$1.log) checks)"; \
		[ $$c = ok ] || head -20 $(BUILD)/logs/conformance-$$1.diff; \
		echo "conformance $$1 $$c" > $(BUILD)/logs/conformance-$$1.verdict; shift; \
	done; exit $$rc
else
# The selftests on this machine, as root, against the module just built
# (a loaded mipsvcpu, e.g. the DKMS one, is unloaded first) and with the
# vcpuctl just built first on the PATH (the tests run it by name, as the
# packages install it).  Each test's TAP goes to
# $(BUILD)/logs/native-NAME.tap for the summary.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
check-mips: all kselftest-install
	@mkdir -p $(BUILD)/logs
	@if grep -q '^mipsvcpu ' /proc/modules; then $(SUDO) rmmod mipsvcpu; fi
	$(SUDO) insmod module/mipsvcpu.ko
	@bad() { $(SUDO) dmesg | grep -c -E 'Oops|BUG:|WARNING:|Call Trace:'; }; \
	before=$$(bad); $(SUDO) env MIPSVCPU_KO=$(TOP)/module/mipsvcpu.ko \
		PATH=$(TOP)/tools/vcpuctl:$$PATH \
		$(KSFT_INSTALL)/run_kselftest.sh -o $(BUILD)/logs/native- \
		> $(BUILD)/logs/native-run.log 2>&1; rc=$$?; \
	cat $(BUILD)/logs/native-run.log; $(SUDO) rmmod mipsvcpu || rc=1; \
	if [ "$$(bad)" != "$$before" ]; then rc=1; \
		echo "== the kernel logged an oops, BUG or WARNING"; fi; \
	echo "native-selftests $$( [ $$rc = 0 ] && echo ok || echo FAILED)" \
		> $(BUILD)/logs/native.verdict; exit $$rc
endif

# The Debian packages (debian/) in a Debian 12 mipsel system booted under
# QEMU (tools/debianhost/, docs/debian.md): build, install with DKMS, the
# demo as a user of the group kvm, the installed selftests, removal.
# check-debian-native runs the README's native path in the same system.
DEBIAN_LOGS := $(BUILD)/logs-debian
.PHONY: check-debian check-debian-native debs debian-image debian-shell bootstrap-debian
check-debian check-debian-native debs debian-image debian-shell: bootstrap-debian
bootstrap-debian:
	@$(TOP)/tools/mipshost/bootstrap.sh --debian
check-debian check-debian-native:
	@rm -rf $(DEBIAN_LOGS)
	@BUILD=$(BUILD) DEBIAN_TIMEOUT=$${DEBIAN_TIMEOUT:-$(if $(filter %native,$@),7200,3600)} \
		tools/debianhost/check.sh $(if $(filter %native,$@),--native) \
		$(DEBIAN_LOGS); rc=$$?; tools/tap-summary.sh $(DEBIAN_LOGS); exit $$rc

debs:
	tools/debianhost/build-debs.sh $(BUILD)/debian/debs

debian-image:
	tools/debianhost/mkimage.sh

debian-shell:
	tools/debianhost/run.sh --shell --timeout 86400 $$(tools/debianhost/mkimage.sh)

demo: bootstrap
	@$(MAKE) --no-print-directory initramfs
	tools/mipshost/run.sh --cpu 24Kc --mode demo --timeout 300 \
		--log $(BUILD)/demo.log $(BUILD)/initramfs.cpio.gz

# Linux as a guest: boots to its shell, a few commands typed at it.
demo-linux: bootstrap
	@$(MAKE) --no-print-directory initramfs
	tools/mipshost/run.sh --cpu 24Kc --mode demo --demo linux --timeout 1800 \
		--log $(BUILD)/demo-linux.log $(BUILD)/initramfs.cpio.gz

# Benchmarks: -icount shift=0 makes 1 ns of guest-host time 1 instruction.
bench: bootstrap
	@$(MAKE) --no-print-directory initramfs
	@mkdir -p $(BUILD)/logs
	tools/mipshost/run.sh --cpu $(firstword $(CPUS)) --mode bench --icount \
		--timeout 5400 --log $(BUILD)/logs/bench.log $(BUILD)/initramfs.cpio.gz
	@tr -d '\r' < $(BUILD)/logs/bench.log | \
		sed -n '/^BENCH-JSON-BEGIN/,/^BENCH-JSON-END/p' | sed '1d;$$d' > bench/results.json
	@echo "results: bench/results.json"

# Where the instructions go (tools/qemu-profile, bench/README.md): the
# benchmark group PROFILE (exits: the ordinary MMIO exits; linux_boot: the
# Linux guest's boot; linux_tlbmiss: its TLB-missing loads) under a QEMU
# plugin that counts every instruction inside the windows mvc_bench marks,
# then a report by function.
PROFILE ?= exits
PROFILE_PLUGIN := $(BUILD)/qemu-profile/insn_profile.so
$(PROFILE_PLUGIN): tools/qemu-profile/insn_profile.c
	@mkdir -p $(@D)
	$(HOSTCC) -O2 -Wall -Wextra -Werror -shared -fPIC -o $@ $<

profile: bootstrap $(PROFILE_PLUGIN)
	@$(MAKE) --no-print-directory initramfs
	@mkdir -p $(BUILD)/logs
	PROFILE_PLUGIN=$(PROFILE_PLUGIN) tools/mipshost/run.sh --cpu $(firstword $(CPUS)) \
		--mode bench --icount --only $(PROFILE) --timeout 5400 \
		--profile $(BUILD)/logs/profile-$(PROFILE).txt \
		--log $(BUILD)/logs/profile-$(PROFILE).log $(BUILD)/initramfs.cpio.gz
	tools/qemu-profile/report.py --log $(BUILD)/logs/profile-$(PROFILE).log \
		--guest-map $(BUILD)/linux/System.map --vector-object module/entry.o \
		$(BUILD)/logs/profile-$(PROFILE).txt > $(BUILD)/logs/profile-$(PROFILE).report
	@cat $(BUILD)/logs/profile-$(PROFILE).report

# Hostile guests and userspace at length: 10,000 random guest programs,
# 100,000 random ioctls, the lifecycle tests; then the DTB fuzzer.
fuzz-mips: bootstrap
	@$(MAKE) --no-print-directory initramfs
	@mkdir -p $(BUILD)/logs
	@tools/mipshost/run.sh --cpu $(firstword $(CPUS)) --mode fuzz --timeout 5400 \
		--log $(BUILD)/logs/fuzz-mips.log $(BUILD)/initramfs.cpio.gz > /dev/null; \
	rc=$$?; log=$(BUILD)/logs/fuzz-mips.log; \
	tr -d '\r' < $$log | sed -n 's/^FUZZ-SUMMARY: //p'; \
	echo "kernel: $$(grep -a -c 'Oops' $$log) oopses, $$(grep -a -c 'WARNING:' $$log) warnings, $$(grep -a -c 'BUG:' $$log) BUGs, watchdog $$( [ $$rc = 124 ] && echo fired || echo quiet)"; \
	exit $$rc

shell: bootstrap
	@$(MAKE) --no-print-directory initramfs
	tools/mipshost/run.sh --cpu $(firstword $(CPUS)) --mode shell \
		--timeout 86400 $(BUILD)/initramfs.cpio.gz

style:
	$(CACHE)/linux-src/scripts/checkpatch.pl --strict --no-tree \
		--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f \
		$(filter-out %.mod.c module/asm-offsets.h,$(wildcard module/*.[chS])) \
		uapi/linux/mipsvcpu.h

# sparse 0.6.4 (Debian 12) complains that gcc 12's __ATOMIC_* builtins are
# redefined, on every file; those lines are filtered, anything else fails.
sparse:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory -C $(KDIR) $(KBUILD_ARGS) M=$(TOP) C=2 W=1 \
		modules 2>&1 | grep -v -E '__ATOMIC_|original definition|command-line: note' \
		> $(BUILD)/sparse.log; cat $(BUILD)/sparse.log; ! grep -q -E 'warning|error' $(BUILD)/sparse.log

# kbuild's clean of M=DIR deletes every *.dtb, *.[aios] ... under DIR: given
# the top folder it took the committed DTBs of tests/fuzz with it.  Only
# module/ holds kbuild's files; the two it leaves at the top go by hand.
clean:
	-$(MAKE) -C $(KDIR) $(KBUILD_ARGS) M=$(TOP)/module clean
	rm -f Module.symvers modules.order .Module.symvers.cmd .modules.order.cmd
	rm -rf $(BUILD) $(VCPUCTL)

# Make fragments of the larger subsystems (guests, DTB parser, ...).  They
# may use BUILD, CACHE, CROSS_COMPILE, GUEST_CC, GUEST_CFLAGS, HOSTCC and KSFT.
# INITRAMFS_FILES: SRC:DEST pairs copied into the initramfs (DEST relative
# to its root); the fragment makes each SRC a prerequisite of
# $(BUILD)/initramfs.cpio.gz.
#
# FUZZERS: names NAME of fragments' fuzzers, each with a fuzz-NAME and a
# check-fuzz-NAME target; fuzz and check-fuzz below are their one definition.
-include $(wildcard mk/*.mk)

.PHONY: fuzz check-fuzz
# make fuzz: the MIPS host's long runs first, then every host-side fuzzer.
fuzz: fuzz-mips $(addprefix fuzz-,$(FUZZERS))
check-fuzz: $(addprefix check-fuzz-,$(FUZZERS))
