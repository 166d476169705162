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
 * slots, linux), e.g. from "run.sh --mode bench --only slots"; linux, the
 * Linux guest's figures, is left out of --quick.  Groups run only when
 * named, for make profile: linux_boot, linux_tlbmiss and gkseg0_refill.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest.h"
#include "mvc_util.h"
#include "workloads.h"

#define MIB (1u << 20)

static int quick, ntests, nfail, nfigures;

/*
 * With MVC_BENCH_MARKS set in the environment, mark(true) and mark(false)
 * open and close a window of tools/qemu-profile's instruction profile by
 * executing its marker (sll $zero, $zero, 31: a nop), around the ordinary
 * MMIO exits and the Linux guest's boot.  The marker toggles, so each call
 * executes it only when the window's state changes.
 */
static void mark(bool open)
{
	static int on = -1;
	static bool is_open;

	if (on < 0)
		on = getenv("MVC_BENCH_MARKS") != NULL;
	if (on && open != is_open) {
		is_open = open;
		__asm__ __volatile__(WL_PROFILE_MARK ::: "memory");
	}
}

static FILE *json;

/* Runs the bench guest once; returns elapsed ns, or 0 on failure. */
static uint64_t guest_run(uint32_t workload, uint32_t count,
			  struct mipsvcpu_vcpu_stats *st)
{
	struct mvc_guest *g = mvc_guest_create("bench", 64 * MIB);
	uint64_t t0, t1;
	int ret;

	g->testdev_data = workload;
	g->testdev_data2 = count;
	t0 = mvc_now_ns();
	ret = mvc_guest_run(g, 600000);
	t1 = mvc_now_ns();
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
 * access by the test devices.  With @coalesce the UART's THR is a
 * coalesced MMIO zone, and the ring is drained after every RUN (stores
 * there reach the test devices' UART buffer).  Returns elapsed ns, or 0
 * on failure.
 */
static uint64_t mmio_loop(uint32_t workload, uint32_t n, bool coalesce,
			  struct mipsvcpu_vcpu_stats *st)
{
	bool marked = workload == WL_MMIO && !coalesce;
	struct mvc_guest *g = mvc_guest_create("bench", 64 * MIB);
	struct mipsvcpu_coalesced_zone thr = {
		.guest_phys_addr = MVC_UART_GPA, .size = 1,
	};
	struct mipsvcpu_run *run = g->run;
	uint64_t t0, t1;
	int ok = 1;

	g->testdev_data = workload;
	g->testdev_data2 = n;
	if (coalesce && ioctl(g->vm_fd, MIPSVCPU_REGISTER_COALESCED_MMIO, &thr))
		ok = 0;
	if (marked)
		mark(true);
	t0 = mvc_now_ns();
	while (ok && !g->finished) {
		if (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) < 0) {
			if (coalesce)
				mvc_guest_drain(g);
			if (errno == EINTR)
				continue;
			ok = 0;
			break;
		}
		if (coalesce)
			mvc_guest_drain(g);
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
	t1 = mvc_now_ns();
	mark(false);
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

/*
 * A refill of memory the guest has touched before, per 8 KiB pair: two
 * passes over @n fresh pairs (@twice) less one (@once), less the same for
 * one page (@same, 2n and n times).  The first touch of a page pins it
 * (memory.c), at far more cost, and is the same in both runs, but host
 * timer ticks land in it differently: a tick more in one run than in the
 * other moves the difference by a few thousand, hence many pairs.  If
 * @first is not NULL, it gets the first pass's figure: one pass less the
 * same page's.
 */
static double pair_pass(uint32_t twice, uint32_t once, uint32_t same,
			uint32_t n, double *first)
{
	double t1 = fastest_run(once, n), s1 = fastest_run(same, n);
	double v = (double)fastest_run(twice, n) - t1 -
		   ((double)fastest_run(same, 2 * n) - s1);

	if (first)
		*first = t1 > s1 ? (t1 - s1) / n : 0;
	return v > 0 ? v / n : 0;
}

/* Fresh 8 KiB gKSEG0 pairs from 8 MiB, inside the bench guest's 64 MiB. */
#define KSEG0_PAIRS	6000
/* User pairs, inside its two 16 MiB guest TLB pages. */
#define USER_PAIRS	2000

/*
 * The exits and refills of refill_gkseg0_page's second pass: a run of
 * @twice (WL_KSEG0_PAGES2 or its marked form) less one of WL_KSEG0_PAGES.
 */
static void gkseg0_second_pass(const char *prefix, uint32_t twice)
{
	struct mipsvcpu_vcpu_stats a = { 0 }, b = { 0 };
	uint32_t pairs = quick ? 10 : KSEG0_PAIRS;
	char name[64];

	guest_run(WL_KSEG0_PAGES, pairs, &a);
	guest_run(twice, pairs, &b);
	snprintf(name, sizeof(name), "%s_exits_per_op", prefix);
	/* signed: host interrupts differ between runs */
	emit(name, (double)(int64_t)(b.exits - a.exits) / pairs, "exits",
	     "exits of the second pass / pairs");
	snprintf(name, sizeof(name), "%s_refills_per_op", prefix);
	emit(name, (double)(int64_t)(b.fast_refill + b.shadow_refill -
				     a.fast_refill - a.shadow_refill) / pairs,
	     "refills", "refills of the second pass / pairs");
}

/*
 * Group gkseg0_refill, only when named (make profile PROFILE=gkseg0_refill):
 * refill_gkseg0_page's second pass, which the guest itself brackets with
 * the profile's marker, so that the profile shows where a refill goes.
 */
static void bench_gkseg0_refill(void)
{
	gkseg0_second_pass("gkseg0_refill_second_pass", WL_KSEG0_PAGES2_MARKED);
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
	     pair_pass(WL_KSEG0_PAGES2, WL_KSEG0_PAGES, WL_KSEG0_SAME,
		       quick ? 10 : KSEG0_PAIRS, NULL),
	     "host insns", "fast_refill=0");
	emit("refill_guest_tlb_user_page_through_c",
	     pair_pass(WL_USER_PAGES2, WL_USER_PAGES, WL_USER_SAME,
		       quick ? 10 : USER_PAIRS, NULL),
	     "host insns", "fast_refill=0");
	mvc_set_param("fast_emulate", 1);
	mvc_set_param("fast_refill", 1);
}

static void bench_exits(void)
{
	uint32_t n = quick ? 10 : 20000;
	uint64_t t0, t1, tm, te;
	struct mipsvcpu_vcpu_stats st = { 0 };
	double getppid_ns, mmio, refill, first;
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
	refill = pair_pass(WL_KSEG0_PAGES2, WL_KSEG0_PAGES, WL_KSEG0_SAME,
			   quick ? 10 : KSEG0_PAIRS, &first);
	emit("refill_gkseg0_page", refill, "host insns",
	     "another touched 8K pair vs the same page");
	emit("first_touch_gkseg0_pair", first, "host insns",
	     "a fresh 8K pair (pinned then) vs the same page");
	gkseg0_second_pass("refill_gkseg0_second_pass", WL_KSEG0_PAGES2);
	emit("refill_guest_tlb_user_page",
	     pair_pass(WL_USER_PAGES2, WL_USER_PAGES, WL_USER_SAME,
		       quick ? 10 : USER_PAIRS, NULL),
	     "host insns", "via 16M guest TLB entries, vs same page");

	te = mmio_loop(WL_EMPTY, n, false, NULL);
	tm = mmio_loop(WL_MMIO, n, false, &st);
	mmio = tm > te ? (double)(tm - te) / n : 0;
	emit("mmio_exits_per_op", (double)st.exits / n, "exits",
	     "all exits of the run / n");
	emit("mmio_refills_per_op", (double)(st.shadow_refill + st.fast_refill) / n,
	     "refills", "shadow refills (C and vector) of the run / n");
	t0 = mvc_now_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	t1 = mvc_now_ns();
	getppid_ns = (double)(t1 - t0) / n;
	t0 = mvc_now_ns();
	for (i = 0; i < n; i++)
		mvc_now_ns();
	t1 = mvc_now_ns();
	emit("clock_gettime", (double)(t1 - t0) / n, "host insns",
	     "what mvc_guest_run() adds per exit");
	emit("mmio_exit_round_trip", mmio, "host insns", "to userspace and back");
	emit("getppid_round_trip", getppid_ns, "host insns", "anchor");
	emit("mmio_exit_vs_getppid", getppid_ns ? mmio / getppid_ns : 0,
	     "ratio", "target <= 6");

	/* A UART character through coalesced MMIO: no exit to userspace. */
	te = mmio_loop(WL_EMPTY, n, true, NULL);
	tm = mmio_loop(WL_UART, n, true, &st);
	mmio = tm > te ? (double)(tm - te) / n : 0;
	emit("mmio_coalesced_exits_per_op", (double)st.mmio / n, "exits",
	     "MMIO exits to userspace of the run / n (ring full)");
	emit("mmio_coalesced_per_op", (double)st.mmio_coalesced / n, "stores",
	     "stores the module put in the ring / n");
	emit("mmio_coalesced_write", mmio, "host insns",
	     "THR store into the ring, drained by userspace");
	emit("mmio_coalesced_vs_getppid", getppid_ns ? mmio / getppid_ns : 0,
	     "ratio", "target <= 3");
}

static void bench_cpu(void)
{
	uint32_t len = quick ? 4096 : 4 * MIB, rounds = quick ? 1 : 20;
	unsigned char *buf = calloc(1, len);
	unsigned int *m = calloc(3 * WL_MATRIX_N * WL_MATRIX_N, 4);
	volatile unsigned int sink;
	uint64_t t0, native, guest, base, once;

	/*
	 * The code's speed, not first touches: the host's buffer is written
	 * before it is timed, and the guest's figure is its second pass over
	 * the buffer (two passes less one), once the module has pinned the
	 * pages (first_touch_gkseg0_pair has that cost).
	 */
	memset(buf, 1, len);
	t0 = mvc_now_ns();
	sink = wl_crc32(buf, len);
	native = mvc_now_ns() - t0;
	base = guest_run(WL_EMPTY, 1, NULL);
	once = guest_run(WL_CRC32, len, NULL);
	guest = guest_run(WL_CRC32_2, len, NULL);
	guest = guest > once ? guest - once : 0;
	emit("cpu_crc32_4mib_vs_native", guest ? (double)native / guest : 0,
	     "x native", "target >= 0.98");

	t0 = mvc_now_ns();
	sink = wl_matmul(m, rounds);
	native = mvc_now_ns() - t0;
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
	uint64_t t0, native, guest, once;
	uint32_t acc = 0;

	t0 = mvc_now_ns();
	for (r = 0; r < rounds; r++)
		for (i = 0; i < 256; i++)
			acc += p[i * 1024];
	native = mvc_now_ns() - t0;
	/* Rounds once the pages are pinned: one more round, less one. */
	once = guest_run(WL_TLB_HEAVY, 1, NULL);
	guest = guest_run(WL_TLB_HEAVY, rounds + 1, NULL);
	guest = guest > once ? guest - once : 0;
	emit("tlb_heavy_user_vs_native", guest ? (double)native / guest : 0,
	     "x native", "256 pages x rounds, host process anchor");
	munmap((void *)p, 256 * 4096);
	(void)acc;
}

/* From creating the VM to the firmware's banner line on the UART. */
static void bench_boot(void)
{
	uint64_t t0 = mvc_now_ns(), t1;
	struct mvc_guest *g = mvc_guest_create("flash", 64 * MIB);
	int ret;

	g->stop_at = "mipsvcpu firmware";
	ret = mvc_guest_run(g, 60000);
	t1 = mvc_now_ns();
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
 * over untouched memory, over memory already populated, and read-only over
 * untouched memory.  Since ABI version 5 nothing is pinned there (pages
 * are, at the guest's first touch): checking the mapping, charging and
 * the zeroed page array and refill table are all it does.
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
	t0 = mvc_now_ns();
	ok = mem != MAP_FAILED && !ioctl(vm, MIPSVCPU_SET_MEMORY_REGION, &r);
	t1 = mvc_now_ns();
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
		{ "slot_64mib_untouched", 0, 0,
		  "SET_MEMORY_REGION over untouched memory" },
		{ "slot_64mib_populated", 0, MAP_POPULATE,
		  "SET_MEMORY_REGION over populated memory" },
		{ "slot_64mib_read_only_untouched", MIPSVCPU_MEM_READONLY, 0,
		  "SET_MEMORY_REGION, read-only, over untouched memory" },
	};
	uint32_t size = quick ? MIB : 64 * MIB;
	uint64_t best, t;
	unsigned int k, i;

	for (k = 0; k < ARRAY_SIZE(kinds); k++) {
		best = 0;
		for (i = 0; i < (quick ? 1u : 3u); i++) {
			t = slot_once(size, kinds[k].flags, kinds[k].populate);
			if (!best || (t && t < best))
				best = t;
		}
		emit(kinds[k].name, (double)best, "host insns", kinds[k].anchor);
	}
}

/*
 * Linux as a guest (group linux): examples/linux/guest.dts booted by
 * vcpuctl, commands typed at its shell through vcpuctl's stdin, its output
 * read from vcpuctl's stdout, the VCPU's exit counters read from debugfs
 * in between.  The guest's Count follows this host's CLOCK_MONOTONIC, so
 * the guest's nanoseconds are host instructions too (linux_clock_* checks
 * it).  The workloads are guests/linux/guestbench.c, run in the guest
 * and, as their anchor, in a host process chrooted into the same userland
 * (the same guestbench, busybox and glibc files).  Not in --quick: one
 * boot is ~1.2e9 host instructions, minutes of icount emulation.
 */
#define LINUX_OUT_SIZE	(1024 * 1024)
#define LINUX_DEBUGFS	"/sys/kernel/debug/mipsvcpu"

struct linux_guest {
	pid_t pid;
	int to_guest;
	struct mvc_console con;	/* hit_ns: when linux_wait_for() found it */
};

/* The counters in debugfs, "name value" lines (module/debugfs.c). */
static const char *const stat_names[] = {
	"exits", "host_irq", "shadow_refill", "guest_tlb_fault", "mmio",
	"emulated", "guest_exception", "wait", "guest_irq", "fast_refill",
	"fast_emulated", "mmio_coalesced", "fault_in",
};

#define NSTATS	ARRAY_SIZE(stat_names)

struct linux_stats {
	uint64_t v[NSTATS];
};

static uint64_t stat_of(const struct linux_stats *s, const char *name)
{
	unsigned int i;

	for (i = 0; i < NSTATS; i++)
		if (!strcmp(stat_names[i], name))
			return s->v[i];
	return 0;
}

/* The counters of VCPU 0 of the VM process @pid made: vm<pid>.<n>/vcpu0. */
static int linux_stats_read(pid_t pid, struct linux_stats *s)
{
	char prefix[32], path[512], key[64];
	unsigned long long v;
	struct dirent *e;
	unsigned int i;
	int ret = -1;
	FILE *f;
	DIR *d;

	memset(s, 0, sizeof(*s));
	snprintf(prefix, sizeof(prefix), "vm%d.", (int)pid);
	d = opendir(LINUX_DEBUGFS);
	while (d && ret && (e = readdir(d))) {
		if (strncmp(e->d_name, prefix, strlen(prefix)))
			continue;
		snprintf(path, sizeof(path), LINUX_DEBUGFS "/%s/vcpu0", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (fscanf(f, "%63s %llu", key, &v) == 2)
			for (i = 0; i < NSTATS; i++)
				if (!strcmp(key, stat_names[i]))
					s->v[i] = v;
		fclose(f);
		ret = 0;
	}
	if (d)
		closedir(d);
	return ret;
}

/*
 * Exits per second of guest time, by kind, between two readings @ns
 * apart.  "exits" are all returns to the module's C code; the next eight
 * kinds divide them (mmio_coalesced: stores put in the coalesced MMIO
 * ring; fault_in: first touches of guest memory, which pin it (the retry
 * after each is mostly a shadow_refill); guest_exception_other: system calls,
 * address errors, reserved
 * and coprocessor-unusable instructions, which the guest kernel
 * handles); fast_refill and fast_emulated are served in the vector
 * without an exit; guest_irq and wait are events, not exits.
 */
static void emit_rates(const char *phase, const struct linux_stats *a,
		       const struct linux_stats *b, uint64_t ns)
{
	static const char *const kinds[] = {
		"exits", "host_irq", "shadow_refill", "guest_tlb_fault", "mmio",
		"mmio_coalesced", "fault_in", "emulated_c", "guest_exception_other",
		"fast_refill", "fast_emulated", "guest_irq", "wait",
	};
	char name[96], anchor[96];
	struct linux_stats d;
	unsigned int i;
	uint64_t v;

	for (i = 0; i < NSTATS; i++)
		d.v[i] = b->v[i] - a->v[i];
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (!strcmp(kinds[i], "emulated_c"))
			v = stat_of(&d, "emulated") - stat_of(&d, "fast_emulated");
		else if (!strcmp(kinds[i], "guest_exception_other"))
			v = stat_of(&d, "guest_exception") -
			    stat_of(&d, "guest_tlb_fault") - stat_of(&d, "guest_irq");
		else
			v = stat_of(&d, kinds[i]);
		snprintf(name, sizeof(name), "linux_%s_%s_per_s", phase, kinds[i]);
		snprintf(anchor, sizeof(anchor), "%llu in %.4f s of guest time",
			 (unsigned long long)v, ns / 1e9);
		emit(name, ns ? v * 1e9 / ns : 0, "per s", anchor);
	}
}

static int linux_start(struct linux_guest *l, const char *dtb)
{
	const char *const args[] = { "run", "--timeout", "3000", dtb, NULL };

	l->con.out = malloc(LINUX_OUT_SIZE);
	if (!l->con.out)
		return -1;
	l->con.size = LINUX_OUT_SIZE;
	l->pid = mvc_spawn_vcpuctl(args, &l->to_guest, &l->con.fd);
	return l->pid < 0 ? -1 : 0;
}

/* mvc_console_wait() for the guest's output, in whole seconds. */
static const char *linux_wait_for(struct linux_guest *l, const char *want,
				  unsigned int secs)
{
	return mvc_console_wait(&l->con, want, secs);
}

static int linux_type(struct linux_guest *l, const char *line)
{
	ssize_t len = strlen(line);

	return write(l->to_guest, line, len) == len ? 0 : -1;
}

static void linux_fail(struct linux_guest *l, const char *what)
{
	ntests++;
	nfail++;
	printf("not ok %d linux guest: %s; the end of its output:\n%s\n",
	       ntests, what, l->con.out + (l->con.len > 2000 ? l->con.len - 2000 : 0));
}

/*
 * guestbench in a host process chrooted into the guest's userland: the
 * nanoseconds it measured, the fastest of three runs, or 0.
 */
static uint64_t linux_native(const char *workload, unsigned long n)
{
	char buf[512], want[64], arg[24];
	int in[2], out[2], i, status = -1;
	unsigned long long ns, best = 0;
	ssize_t len, r;
	char *hit;
	pid_t pid;

	snprintf(arg, sizeof(arg), "%lu", n);
	snprintf(want, sizeof(want), "guestbench %s %lu ", workload, n);
	for (i = 0; i < 3; i++) {
		if (pipe(in) || pipe(out))
			return 0;
		pid = fork();
		if (pid == 0) {
			dup2(in[0], 0);
			dup2(out[1], 1);
			close(in[1]);
			close(out[0]);
			if (chroot(MVC_LINUX_USERLAND) || chdir("/"))
				_exit(126);
			execl("/bin/guestbench", "guestbench", workload, arg,
			      (char *)NULL);
			_exit(127);
		}
		close(in[0]);
		close(out[1]);
		r = write(in[1], "\n", 1);
		close(in[1]);
		for (len = 0; r > 0 && len < (ssize_t)sizeof(buf) - 1; len += r) {
			r = read(out[0], buf + len, sizeof(buf) - 1 - len);
			if (r <= 0)
				break;
		}
		buf[len] = 0;
		close(out[0]);
		if (pid > 0)
			waitpid(pid, &status, 0);
		hit = strstr(buf, want);
		if (status || !hit || sscanf(hit + strlen(want), "%llu", &ns) != 1) {
			ntests++;
			nfail++;
			printf("not ok %d guestbench %s %lu in a host process: status %#x: %s\n",
			       ntests, workload, n, status, buf);
			return 0;
		}
		if (!best || ns < best)
			best = ns;
	}
	return best;
}

/*
 * Group linux_boot, only when named: the boot's figures alone.  Group
 * linux_tlbmiss, the same: the boot, then that one workload, which is
 * what mark() brackets then (make profile PROFILE=linux_tlbmiss).
 */
static bool linux_boot_only;
static const char *linux_marked_workload;

/*
 * One workload in the guest: type the command, read the counters when it
 * is ready, start it, read them again when it has printed its time, then
 * the rates over that interval.  Returns the nanoseconds guestbench
 * measured in the guest, or 0.
 */
static uint64_t linux_workload(struct linux_guest *l, const char *workload,
			       unsigned long n)
{
	struct linux_stats s0, s1;
	char cmd[64], want[64];
	unsigned long long ns;
	bool marked;
	uint64_t h0;
	size_t num;

	snprintf(cmd, sizeof(cmd), "guestbench %s %lu\n", workload, n);
	snprintf(want, sizeof(want), "guestbench %s ready", workload);
	if (linux_type(l, cmd) || !linux_wait_for(l, want, 60))
		return linux_fail(l, cmd), 0;
	linux_stats_read(l->pid, &s0);
	h0 = mvc_now_ns();
	marked = linux_marked_workload && !strcmp(workload, linux_marked_workload);
	mark(marked);
	snprintf(want, sizeof(want), "guestbench %s %lu ", workload, n);
	if (linux_type(l, "\n") || !linux_wait_for(l, want, 600))
		return mark(false), linux_fail(l, cmd), 0;
	num = l->con.seen;
	if (!linux_wait_for(l, "\n", 30) ||
	    sscanf(l->con.out + num, "%llu", &ns) != 1)
		return mark(false), linux_fail(l, cmd), 0;
	mark(false);
	linux_stats_read(l->pid, &s1);
	emit_rates(workload, &s0, &s1, l->con.hit_ns - h0);
	if (!linux_wait_for(l, MVC_LINUX_PROMPT, 60))
		return linux_fail(l, cmd), 0;
	return ns;
}

/*
 * The guest's clock against this host's: guestbench prints the same line
 * twice, @ns of its own time apart; this side times their arrivals.
 */
static void linux_clock(struct linux_guest *l, uint64_t ns)
{
	const char *mark = "guestbench clock mark";
	unsigned long long want, guest;
	uint64_t h0, mark_ns;
	char cmd[64];
	size_t num;

	snprintf(cmd, sizeof(cmd), "guestbench clock %llu\n",
		 (unsigned long long)ns);
	if (linux_type(l, cmd) || !linux_wait_for(l, mark, 60))
		return linux_fail(l, cmd);
	h0 = l->con.hit_ns;
	if (!linux_wait_for(l, mark, 60))
		return linux_fail(l, cmd);
	mark_ns = l->con.hit_ns;
	if (!linux_wait_for(l, "guestbench clock ", 30))
		return linux_fail(l, cmd);
	num = l->con.seen;
	if (!linux_wait_for(l, "\n", 30) ||
	    sscanf(l->con.out + num, "%llu %llu", &want, &guest) != 2)
		return linux_fail(l, cmd);
	emit("linux_clock_guest", guest, "guest ns", "guestbench spins, its clock");
	h0 = mark_ns - h0;
	emit("linux_clock_host", h0, "host insns",
	     "the arrivals of its two marks, this host's clock");
	emit("linux_clock_guest_vs_host", h0 ? (double)guest / h0 : 0, "ratio",
	     "1 when a guest ns is a host instruction");
}

/*
 * Where the C exits of one more fork+exec come from: the module's exit
 * tracepoint (module/trace.h) on for that run alone, after every figure,
 * its events counted by exception code and guest PC and printed as
 * comments, commonest first (bench/linux-trace.sh sums them by guest
 * kernel function).  Tracing slows the run: no figure comes from it.
 */
#define LINUX_TRACING	"/sys/kernel/tracing"

static int write_str(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");
	int ok = f && fputs(s, f) >= 0;

	if (f && fclose(f))
		ok = 0;
	return ok ? 0 : -1;
}

struct pc_count {
	uint32_t exc, pc;
	unsigned int n;
};

static int pc_count_cmp(const void *a, const void *b)
{
	const struct pc_count *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

static void linux_trace_forkexec(struct linux_guest *l)
{
	static struct pc_count c[4096];
	unsigned int nc = 0, total = 0, i, by_exc[32] = { 0 };
	unsigned int exc, pc;
	char line[256];
	const char *p;
	FILE *f;

	if (linux_type(l, "guestbench forkexec 1\n") ||
	    !linux_wait_for(l, "guestbench forkexec ready", 60))
		return linux_fail(l, "trace: guestbench forkexec 1");
	if (write_str(LINUX_TRACING "/buffer_size_kb", "8192") ||
	    write_str(LINUX_TRACING "/trace", "") ||
	    write_str(LINUX_TRACING "/events/mipsvcpu/mipsvcpu_exit/enable", "1")) {
		printf("# linux trace: cannot enable the exit tracepoint\n");
		linux_type(l, "\n");
		linux_wait_for(l, MVC_LINUX_PROMPT, 600);
		return;
	}
	if (linux_type(l, "\n") ||
	    !linux_wait_for(l, "guestbench forkexec 1 ", 600))
		linux_fail(l, "trace: guestbench forkexec 1");
	write_str(LINUX_TRACING "/events/mipsvcpu/mipsvcpu_exit/enable", "0");
	f = fopen(LINUX_TRACING "/trace", "r");
	while (f && fgets(line, sizeof(line), f)) {
		p = strstr(line, " exc ");
		if (!p || sscanf(p, " exc %u pc %x", &exc, &pc) != 2)
			continue;
		total++;
		by_exc[exc & 31]++;
		for (i = 0; i < nc && (c[i].pc != pc || c[i].exc != exc); i++)
			;
		if (i == nc && nc < ARRAY_SIZE(c))
			c[nc++] = (struct pc_count){ exc, pc, 0 };
		if (i < nc)
			c[i].n++;
	}
	if (f)
		fclose(f);
	write_str(LINUX_TRACING "/trace", "");
	printf("# linux trace: one fork+exec of /bin/true: %u exits to C\n", total);
	for (i = 0; i < 32; i++)
		if (by_exc[i])
			printf("# linux trace: %u with ExcCode %u\n", by_exc[i], i);
	qsort(c, nc, sizeof(c[0]), pc_count_cmp);
	for (i = 0; i < nc; i++)
		printf("# linux trace: %u at guest pc %08x (ExcCode %u)\n",
		       c[i].n, c[i].pc, c[i].exc);
	linux_wait_for(l, MVC_LINUX_PROMPT, 60);
}

static void bench_linux(void)
{
	static const struct {
		const char *name;
		unsigned long n;
		const char *what;
	} wl[] = {
		{ "cpu", 20000000, "integer loop rounds" },
		{ "getppid", 20000, "getppid() calls" },
		{ "forkexec", 10, "fork, exec /bin/true, wait" },
		{ "pages", 2048, "fresh pages of an mmap touched" },
		{ "tlbmiss", 100000, "loads over 256 page pairs (TLB misses)" },
		{ "seq", 100, "numbers of busybox seq (FP emulated)" },
	};
	static const char *const phases[][2] = {
		{ "firmware_banner", "mipsvcpu firmware" },
		{ "kernel_banner", "Linux version " },
		{ "init", "Run /init as init process" },
		{ "prompt", MVC_LINUX_PROMPT },
	};
	const char *dtb = MVC_LINUX_DIR "/guest.dtb";
	struct linux_stats s0 = { 0 }, s1;
	struct linux_guest l = { .pid = -1, .to_guest = -1, .con.fd = -1 };
	char name[64], anchor[96];
	uint64_t t0, guest, native;
	unsigned int i;
	int status;

	if (quick) {
		printf("# linux: not in --quick (a Linux boot takes minutes)\n");
		return;
	}
	if (access(dtb, R_OK)) {
		ntests++;
		nfail++;
		printf("not ok %d linux guest: no %s (make linux-guest)\n",
		       ntests, dtb);
		return;
	}
	/* The host process's /bin/true, a link as the guest's /init makes. */
	if (symlink("busybox", MVC_LINUX_USERLAND "/bin/true") && errno != EEXIST)
		printf("# linux: cannot link /bin/true: %s\n", strerror(errno));

	mark(!linux_marked_workload);	/* the boot, unless a workload is */
	t0 = mvc_now_ns();
	if (linux_start(&l, dtb)) {
		mark(false);
		return linux_fail(&l, "cannot start vcpuctl");
	}
	for (i = 0; i < ARRAY_SIZE(phases); i++) {
		if (!linux_wait_for(&l, phases[i][1], 600)) {
			linux_fail(&l, phases[i][1]);
			goto out;
		}
		snprintf(name, sizeof(name), "linux_boot_to_%s", phases[i][0]);
		snprintf(anchor, sizeof(anchor), "vcpuctl run to '%s'",
			 phases[i][1]);
		emit(name, l.con.hit_ns - t0, "host insns", anchor);
	}
	mark(false);
	if (linux_stats_read(l.pid, &s1))
		printf("# linux: no exit counters in " LINUX_DEBUGFS "\n");
	emit_rates("boot", &s0, &s1, l.con.hit_ns - t0);
	/* Only this VM is alive: pages pinned at its first touches. */
	emit("linux_pinned_kib_at_prompt",
	     mvc_read_counter("pinned_pages") * 4.0, "KiB",
	     "guest memory pinned at the prompt (64 MiB RAM, 20 MiB flash)");

	if (linux_boot_only)
		goto poweroff;
	if (!linux_marked_workload) {
		linux_clock(&l, 1000000000);
		if (!linux_wait_for(&l, MVC_LINUX_PROMPT, 60)) {
			linux_fail(&l, "no prompt after the clock check");
			goto out;
		}
	}

	for (i = 0; i < ARRAY_SIZE(wl); i++) {
		if (linux_marked_workload &&
		    strcmp(wl[i].name, linux_marked_workload))
			continue;
		guest = linux_workload(&l, wl[i].name, wl[i].n);
		native = linux_native(wl[i].name, wl[i].n);
		if (!guest || !native)
			continue;
		snprintf(name, sizeof(name), "linux_%s_guest", wl[i].name);
		snprintf(anchor, sizeof(anchor), "per op, %lu %s in the guest",
			 wl[i].n, wl[i].what);
		emit(name, (double)guest / wl[i].n, "host insns", anchor);
		snprintf(name, sizeof(name), "linux_%s_host", wl[i].name);
		snprintf(anchor, sizeof(anchor), "per op, the same in a host process");
		emit(name, (double)native / wl[i].n, "host insns", anchor);
		snprintf(name, sizeof(name), "linux_%s_guest_vs_host", wl[i].name);
		emit(name, (double)guest / native, "x host", "guest / host");
	}

	if (!linux_marked_workload)
		linux_trace_forkexec(&l);

poweroff:
	linux_type(&l, "poweroff -f\n");
	close(l.to_guest);
	l.to_guest = -1;
	linux_wait_for(&l, "\xff", 60);	/* the rest, until vcpuctl exits */
	ntests++;
	if (waitpid(l.pid, &status, 0) != l.pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		nfail++;
		printf("not ok %d linux guest: vcpuctl status %#x\n", ntests,
		       status);
	}
	l.pid = 0;
out:
	mark(false);
	if (l.pid > 0) {
		kill(l.pid, SIGKILL);
		waitpid(l.pid, NULL, 0);
	}
	if (l.to_guest >= 0)
		close(l.to_guest);
	if (l.con.fd >= 0)
		close(l.con.fd);
	free(l.con.out);
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
	RUN(linux);
#undef RUN
	if (only && selected(only, "linux_boot") && !selected(only, "linux")) {
		linux_boot_only = true;
		bench_linux();
	}
	if (only && selected(only, "linux_tlbmiss") && !selected(only, "linux")) {
		linux_marked_workload = "tlbmiss";
		bench_linux();
	}
	if (only && selected(only, "gkseg0_refill"))
		bench_gkseg0_refill();
	if (json) {
		fprintf(json, "\n}\n");
		fclose(json);
	}
	if (quick)
		printf("# bench: %d runs, %d failed\n", ntests, nfail);
	return nfail ? 1 : 0;
}
