// SPDX-License-Identifier: GPL-2.0
/*
 * mvc_bench.c - mipsvcpu benchmarks, run inside the MIPS host.
 *
 * Under QEMU with -icount shift=0 one nanosecond of CLOCK_MONOTONIC is one
 * executed instruction, so every time below is also an instruction count
 * and repeats exactly.  Each figure is measured against its anchor in the
 * same run: guest workloads against a baseline guest run that does all
 * but the measured operation, CPU-bound code against the same machine code
 * in this host process (bench/workloads.h), MMIO exits against getppid().
 *
 *   mvc_bench [--quick] [--json FILE] [--only NAME,...]
 *
 * --quick runs every benchmark once at a tiny size and prints TAP, for
 * make check: it proves they still work, it measures nothing.  --only runs
 * the named groups (exits, slow_paths, cpu, tlb_heavy, boot, memory,
 * slots), e.g. from "run.sh --mode bench --only slots".
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "mvc_util.h"
#include "workloads.h"

#define MIB (1u << 20)

static int quick, ntests, nfail, nfigures;
static FILE *json;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* Runs the bench guest once; returns elapsed ns, or 0 on failure. */
static uint64_t guest_run(uint32_t workload, uint32_t count,
			  struct mipsvcpu_vcpu_stats *st)
{
	struct mvc_guest *g = mvc_guest_create("bench", 64 * MIB);
	uint64_t t0, t1;
	int ret;

	g->testdev_data = workload;
	g->testdev_data2 = count;
	t0 = now_ns();
	ret = mvc_guest_run(g, 600000);
	t1 = now_ns();
	if (st)
		ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, st);
	ntests++;
	if (ret != MIPSVCPU_EXIT_MMIO || !g->finished || g->result) {
		printf("not ok %d workload %u: exit %d result %u\n", ntests,
		       workload, ret, g->result);
		nfail++;
		t1 = t0;
	} else if (quick) {
		printf("ok %d bench workload %u count %u\n", ntests, workload,
		       count);
	}
	mvc_guest_destroy(g);
	return t1 - t0;
}

static void emit(const char *name, double value, const char *unit,
		 const char *anchor)
{
	if (quick)
		return;
	printf("%-34s %14.2f %-12s %s\n", name, value, unit, anchor);
	if (json)
		fprintf(json, "%s\n    \"%s\": { \"value\": %.4f, \"unit\": \"%s\", \"anchor\": \"%s\" }",
			nfigures++ ? "," : "", name, value, unit, anchor);
}

/*
 * Per-operation cost: (measured - baseline) / n, each the fastest of three
 * runs.  Under -icount a run repeats exactly, except where a host timer
 * tick lands, and a tick in a short window adds several instructions per
 * operation: the minimum is the run without one.
 */
static uint64_t fastest_run(uint32_t workload, uint32_t n)
{
	uint64_t best = 0, t;
	int i;

	for (i = 0; i < (quick ? 1 : 3); i++) {
		t = guest_run(workload, n, NULL);
		if (!best || (t && t < best))
			best = t;
	}
	return best;
}

static double per_op(uint32_t wl, uint32_t base_wl, uint32_t n)
{
	uint64_t base = fastest_run(base_wl, n);
	uint64_t t = fastest_run(wl, n);

	return t > base ? (double)(t - base) / n : 0;
}

/*
 * The MMIO round trip as a lean VMM sees it: RUN, decode the exit, RUN
 * again, with no clock read or deadline check per exit (mvc_guest_run()
 * has both).  The sink register is completed in place, every other
 * access by the test devices.  Returns elapsed ns, or 0 on failure.
 */
static uint64_t mmio_loop(uint32_t workload, uint32_t n,
			  struct mipsvcpu_vcpu_stats *st)
{
	struct mvc_guest *g = mvc_guest_create("bench", 64 * MIB);
	struct mipsvcpu_run *run = g->run;
	uint64_t t0, t1;
	int ok = 1;

	g->testdev_data = workload;
	g->testdev_data2 = n;
	t0 = now_ns();
	while (!g->finished) {
		if (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) < 0) {
			if (errno == EINTR)
				continue;
			ok = 0;
			break;
		}
		if (run->exit_reason != MIPSVCPU_EXIT_MMIO) {
			ok = 0;
			break;
		}
		if (run->mmio.is_write &&
		    run->mmio.phys_addr == MVC_TESTDEV_GPA + 0x1c) {
			g->seq_errors += run->mmio.data != g->seq_next++;
			continue;
		}
		mvc_guest_mmio(g);
	}
	t1 = now_ns();
	if (st)
		ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, st);
	ntests++;
	if (!ok || g->result || g->seq_errors) {
		printf("not ok %d mmio loop workload %u: result %u, %u out of sequence\n",
		       ntests, workload, g->result, g->seq_errors);
		nfail++;
		t1 = t0;
	} else if (quick) {
		printf("ok %d mmio loop workload %u count %u\n", ntests,
		       workload, n);
	}
	mvc_guest_destroy(g);
	return t1 - t0;
}

/* The same figures with the vector's fast paths off: everything via C. */
static void bench_slow_paths(void)
{
	uint32_t n = quick ? 10 : 20000;

	if (mvc_set_param("fast_emulate", 0) || mvc_set_param("fast_refill", 0)) {
		printf("# cannot turn the fast paths off\n");
		return;
	}
	emit("mfc0_round_trip_through_c", per_op(WL_MFC0, WL_EMPTY, n),
	     "host insns", "fast_emulate=0");
	emit("refill_gkseg0_page_through_c",
	     per_op(WL_KSEG0_PAGES, WL_KSEG0_SAME, quick ? 10 : 2000),
	     "host insns", "fast_refill=0");
	emit("refill_guest_tlb_user_page_through_c",
	     per_op(WL_USER_PAGES, WL_USER_SAME, quick ? 10 : 2000),
	     "host insns", "fast_refill=0");
	mvc_set_param("fast_emulate", 1);
	mvc_set_param("fast_refill", 1);
}

static void bench_exits(void)
{
	uint32_t n = quick ? 10 : 20000;
	uint64_t t0, t1, tm, te;
	struct mipsvcpu_vcpu_stats st = { 0 };
	double getppid_ns, mmio;
	uint32_t i;

	emit("mfc0_round_trip", per_op(WL_MFC0, WL_EMPTY, n), "host insns",
	     "minus an empty guest loop");
	{
		struct mipsvcpu_vcpu_stats st;

		guest_run(WL_MFC0, n, &st);
		emit("mfc0_exits_per_op", (double)st.exits / n, "exits",
		     "all exits of the run / n");
		emit("mfc0_refills_per_op", (double)st.shadow_refill / n,
		     "refills", "shadow refills of the run / n");
		emit("mfc0_host_irqs", (double)st.host_irq, "exits", "host interrupts");
	}
	emit("refill_gkseg0_page", per_op(WL_KSEG0_PAGES, WL_KSEG0_SAME,
					  quick ? 10 : 2000),
	     "host insns", "new 8K pair vs the same page");
	emit("refill_guest_tlb_user_page",
	     per_op(WL_USER_PAGES, WL_USER_SAME, quick ? 10 : 2000),
	     "host insns", "via 16M guest TLB entries, vs same page");

	te = mmio_loop(WL_EMPTY, n, NULL);
	tm = mmio_loop(WL_MMIO, n, &st);
	mmio = tm > te ? (double)(tm - te) / n : 0;
	emit("mmio_exits_per_op", (double)st.exits / n, "exits",
	     "all exits of the run / n");
	emit("mmio_refills_per_op", (double)(st.shadow_refill + st.fast_refill) / n,
	     "refills", "shadow refills (C and vector) of the run / n");
	t0 = now_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	t1 = now_ns();
	getppid_ns = (double)(t1 - t0) / n;
	t0 = now_ns();
	for (i = 0; i < n; i++)
		now_ns();
	t1 = now_ns();
	emit("clock_gettime", (double)(t1 - t0) / n, "host insns",
	     "what mvc_guest_run() adds per exit");
	emit("mmio_exit_round_trip", mmio, "host insns", "to userspace and back");
	emit("getppid_round_trip", getppid_ns, "host insns", "anchor");
	emit("mmio_exit_vs_getppid", getppid_ns ? mmio / getppid_ns : 0,
	     "ratio", "target <= 3");
}

static void bench_cpu(void)
{
	uint32_t len = quick ? 4096 : 4 * MIB, rounds = quick ? 1 : 20;
	unsigned char *buf = calloc(1, len);
	unsigned int *m = calloc(3 * WL_MATRIX_N * WL_MATRIX_N, 4);
	volatile unsigned int sink;
	uint64_t t0, native, guest, base;

	t0 = now_ns();
	sink = wl_crc32(buf, len);
	native = now_ns() - t0;
	base = guest_run(WL_EMPTY, 1, NULL);
	guest = guest_run(WL_CRC32, len, NULL) - base;
	emit("cpu_crc32_4mib_vs_native", guest ? (double)native / guest : 0,
	     "x native", "target >= 0.98");

	t0 = now_ns();
	sink = wl_matmul(m, rounds);
	native = now_ns() - t0;
	guest = guest_run(WL_MATMUL, rounds, NULL) - base;
	emit("cpu_matmul_vs_native", guest ? (double)native / guest : 0,
	     "x native", "target >= 0.98");
	(void)sink;
	free(buf);
	free(m);
}

/* 256 pages, 4 KiB apart, touched round after round: more than the host
 * TLB holds, through the guest TLB in the user view. */
static void bench_tlb_heavy(void)
{
	uint32_t rounds = quick ? 1 : 100, r, i;
	volatile uint32_t *p = mmap(NULL, 256 * 4096, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
				    -1, 0);
	uint64_t t0, native, guest, base;
	uint32_t acc = 0;

	t0 = now_ns();
	for (r = 0; r < rounds; r++)
		for (i = 0; i < 256; i++)
			acc += p[i * 1024];
	native = now_ns() - t0;
	base = guest_run(WL_USER_SAME, 1, NULL);
	guest = guest_run(WL_TLB_HEAVY, rounds, NULL) - base;
	emit("tlb_heavy_user_vs_native", guest ? (double)native / guest : 0,
	     "x native", "256 pages x rounds, host process anchor");
	munmap((void *)p, 256 * 4096);
	(void)acc;
}

/* From creating the VM to the firmware's banner line on the UART. */
static void bench_boot(void)
{
	uint64_t t0 = now_ns(), t1;
	struct mvc_guest *g = mvc_guest_create("flash", 64 * MIB);
	int ret;

	g->stop_at = "mipsvcpu firmware";
	ret = mvc_guest_run(g, 60000);
	t1 = now_ns();
	ntests++;
	if (ret != MIPSVCPU_EXIT_MMIO || !g->finished) {
		printf("not ok %d boot to banner: exit %d\n", ntests, ret);
		nfail++;
	} else if (quick) {
		printf("ok %d bench boot to firmware banner\n", ntests);
	}
	emit("boot_to_firmware_banner", (double)(t1 - t0), "host insns",
	     "VM creation to the banner's newline");
	mvc_guest_destroy(g);
}

static void bench_memory(void)
{
	int dev = mvc_open_dev(), vms[32], vcpus[32], i, n = quick ? 2 : 32;
	struct mipsvcpu_create_vcpu c = { 0 };
	long before, after;

	before = mvc_meminfo_kb("MemFree");
	for (i = 0; i < n; i++) {
		vms[i] = mvc_create_vm(dev);
		vcpus[i] = ioctl(vms[i], MIPSVCPU_CREATE_VCPU, &c);
	}
	after = mvc_meminfo_kb("MemFree");
	emit("host_memory_per_vm_with_1_vcpu", (double)(before - after) / n,
	     "KiB", "MemFree delta over 32, no guest RAM");
	for (i = 0; i < n; i++) {
		close(vcpus[i]);
		close(vms[i]);
	}
	close(dev);
}

/*
 * What creating a slot costs (SET_MEMORY_REGION), the fastest of three:
 * over untouched memory (every page faulted in and zeroed, then pinned),
 * over memory already populated (pinning, charging and the refill table
 * alone), and read-only over untouched memory (the zero page).
 */
static uint64_t slot_once(uint32_t size, int flags, int populate)
{
	struct mipsvcpu_memory_region r = {
		.flags = flags, .size = size,
	};
	int dev = mvc_open_dev(), vm = mvc_create_vm(dev);
	void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | populate, -1, 0);
	uint64_t t0, t1;
	int ok;

	r.userspace_addr = (uintptr_t)mem;
	t0 = now_ns();
	ok = mem != MAP_FAILED && !ioctl(vm, MIPSVCPU_SET_MEMORY_REGION, &r);
	t1 = now_ns();
	ntests++;
	if (!ok) {
		printf("not ok %d slot of %u bytes: %s\n", ntests, size,
		       strerror(errno));
		nfail++;
		t1 = t0;
	} else if (quick) {
		printf("ok %d bench slot of %u bytes, flags %d\n", ntests, size,
		       flags);
	}
	close(vm);
	close(dev);
	munmap(mem, size);
	return t1 - t0;
}

static void bench_slots(void)
{
	static const struct {
		const char *name;
		int flags, populate;
		const char *anchor;
	} kinds[] = {
		{ "slot_64mib_untouched", 0, 0, "SET_MEMORY_REGION: fault, zero, pin" },
		{ "slot_64mib_populated", 0, MAP_POPULATE, "SET_MEMORY_REGION: pin only" },
		{ "slot_64mib_read_only_untouched", MIPSVCPU_MEM_READONLY, 0,
		  "SET_MEMORY_REGION: the zero page" },
	};
	uint32_t size = quick ? MIB : 64 * MIB;
	uint64_t best, t;
	unsigned int k, i;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		best = 0;
		for (i = 0; i < (quick ? 1u : 3u); i++) {
			t = slot_once(size, kinds[k].flags, kinds[k].populate);
			if (!best || (t && t < best))
				best = t;
		}
		emit(kinds[k].name, (double)best, "host insns", kinds[k].anchor);
	}
}

static int selected(const char *only, const char *name)
{
	size_t len = strlen(name);
	const char *p = only;

	if (!only)
		return 1;
	while ((p = strstr(p, name))) {
		if ((p == only || p[-1] == ',') && (!p[len] || p[len] == ','))
			return 1;
		p += len;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			quick = 1;
		else if (!strcmp(argv[i], "--json") && i + 1 < argc)
			json = fopen(argv[++i], "w");
		else if (!strcmp(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
	}
	if (quick)
		printf("TAP version 13\n");
	else
		printf("%-34s %14s %-12s %s\n", "figure", "value", "unit", "anchor");
	if (json)
		fprintf(json, "{");
#define RUN(group) do { if (selected(only, #group)) bench_##group(); } while (0)
	RUN(exits);
	RUN(slow_paths);
	RUN(cpu);
	RUN(tlb_heavy);
	RUN(boot);
	RUN(memory);
	RUN(slots);
#undef RUN
	if (json) {
		fprintf(json, "\n}\n");
		fclose(json);
	}
	if (quick)
		printf("# bench: %d runs, %d failed\n", ntests, nfail);
	return nfail ? 1 : 0;
}
