// SPDX-License-Identifier: GPL-2.0
/*
 * arch_test.c - the MIPS32 privileged architecture as guests see it: the
 * guest TLB and its shadow entries, user mode, interrupts and the timer,
 * exceptions.  Each test runs one guest program from guests/tests/ and
 * checks what it reported, in order.
 */
#define _GNU_SOURCE		/* sched_getcpu() */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)

static void expect_reports(struct __test_metadata *_metadata,
			   struct mvc_guest *g, const uint32_t *want,
			   unsigned int n)
{
	unsigned int i;

	bool same = n == g->nreports;

	EXPECT_EQ(n, g->nreports);
	for (i = 0; i < n && i < g->nreports; i++)
		same = same && want[i] == g->reports[i];
	if (same)
		return;
	/* Show the whole story: one value out of place rarely explains itself. */
	for (i = 0; i < n || i < g->nreports; i++)
		TH_LOG("report %u: want %#x got %#x", i, i < n ? want[i] : 0,
		       i < g->nreports ? g->reports[i] : 0);
	EXPECT_TRUE(same);
}

static struct mvc_guest *run_guest(struct __test_metadata *_metadata,
				   const char *name)
{
	struct mvc_guest *g = mvc_guest_create(name, 16 * MIB);

	EXPECT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 30000));
	EXPECT_TRUE(g->finished);
	EXPECT_EQ(0, g->result);
	return g;
}

/*
 * The guest TLB's index (guest_tlb.h), which C and the vector's tlbwi and
 * tlbwr keep, recounted from the entries through debugfs (vcpuctl stats
 * shows every VCPU alive: call it while the guest is the only one).
 */
static void expect_tlb_index_ok(struct __test_metadata *_metadata)
{
	if (access("/sys/kernel/debug/mipsvcpu", F_OK)) {
		TH_LOG("no debugfs: the guest TLB's index is not checked");
		return;
	}
	EXPECT_EQ(1, mvc_shell_number("vcpuctl stats --json | sed -n 's/.*\"guest_tlb_index_ok\": \\([0-9]*\\).*/\\1/p'"));
}

/*
 * Runs guest @name with the vector's emulation fast paths off, then on:
 * both times its reports must be @want; @st[0] and @st[1] get its
 * counters.  With them off nothing may have been emulated in the vector.
 * Returns false if the module parameter cannot be written.
 */
static bool run_off_and_on(struct __test_metadata *_metadata,
			   const char *name, const uint32_t *want, size_t n,
			   struct mipsvcpu_vcpu_stats st[2])
{
	struct mvc_guest *g;
	int fast;

	for (fast = 0; fast <= 1; fast++) {
		if (mvc_set_param("fast_emulate", fast))
			return false;
		g = run_guest(_metadata, name);
		TH_LOG("%s, fast_emulate=%d", name, fast);
		expect_reports(_metadata, g, want, n);
		EXPECT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st[fast]));
		expect_tlb_index_ok(_metadata);
		mvc_guest_destroy(g);
	}
	EXPECT_EQ(0, st[0].fast_emulated);
	return true;
}

TEST(guest_tlb_maps_remaps_and_never_goes_stale)
{
	static const uint32_t want[] = {
		0xaaaa0000, 0xaaaa1000,	/* both halves */
		0,			/* 4000 reads after remaps: none stale */
		0x12345678,		/* a store through the TLB lands in RAM */
		0x40100005, 0x0001e000, 0x00010012, 0x0001401e, /* tlbr */
		1, 1,			/* tlbp hit index, miss P bit */
		0,			/* two ASIDs, 1000 switches */
		0,			/* the same among 24 other pages */
		0,			/* the G bit */
		0xbbbb0000, 1,		/* refill handler mapped it, once */
		0xe0000238,		/* TLBL invalid, general vector */
		0xe0000138,		/* Mod */
		0xb1600001, 0xb1600002,	/* 1 MiB pages */
	};
	struct mvc_guest *g = run_guest(_metadata, "tlb");
	struct mipsvcpu_vcpu_stats st;

	expect_reports(_metadata, g, want, sizeof(want) / sizeof(want[0]));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_EQ(3, st.guest_tlb_fault);	/* refill, invalid, Mod */
	/* One per remap at least, in C or in the vector. */
	EXPECT_LT(2000, st.shadow_refill + st.fast_refill);
	EXPECT_LT(4000, st.emulated);
	expect_tlb_index_ok(_metadata);
	mvc_guest_destroy(g);
}

TEST(user_mode_through_the_guest_tlb)
{
	static const uint32_t want[] = {
		8, 0x380, 4, 0x12,		/* syscall from user mode */
		4, 0x380, 12, 0x12, 0x80000000,	/* the host's space */
		11, 0x380, 16, 0x12, 0,		/* CP0: CpU, CE 0 */
		2, 0x200, 20, 0x12, 0x1000,	/* gKSEG0 is not in user view */
		8, 0x380, 32, 0x12, 0x5a5a,	/* a0 reaches the kernel */
		8, 0x380, 40, 0x12,		/* exit */
	};
	struct mvc_guest *g = run_guest(_metadata, "usermode");

	expect_reports(_metadata, g, want, sizeof(want) / sizeof(want[0]));
	mvc_guest_destroy(g);
}

TEST(timer_and_interrupt_lines)
{
	static const uint32_t want[] = {
		1, 1, 0x380, 1, 0,	/* timer in WAIT; Compare clears TI */
		0, 1,			/* IE masks, then taken */
		0,			/* IM masks */
		1, 0x400,		/* Cause.IV: interrupt vector */
		1, 1, 0,		/* IP3 from the host, then lowered */
	};
	struct mvc_guest *g = run_guest(_metadata, "irq");
	struct mipsvcpu_vcpu_stats st;

	expect_reports(_metadata, g, want, sizeof(want) / sizeof(want[0]));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_LE(1, st.wait);		/* WAIT slept in the host */
	EXPECT_LE(4, st.guest_irq);
	mvc_guest_destroy(g);
}

/*
 * Count and Cause reads right after Count reached Compare see Cause.TI at
 * once (Linux's c0_compare_int_usable() needs it within 50 ticks), and
 * the interrupt is taken at the next instruction where IE and IM allow.
 */
TEST(timer_reads_see_an_expired_compare)
{
	static const uint32_t want[] = {
		1, 1,		/* Count read past Compare, then Cause: TI */
		1,		/* Cause read alone */
		1, 1,		/* across the wrap of Count */
		1, 0,		/* Compare just behind Count: 2^32 ticks away */
		4000, 0,	/* Cause.DC: Count stands, no match */
		1, 1,		/* a match before DC stays */
		1,		/* ... and before a Count write */
		0, 0,		/* a Compare write clears TI for good */
		1, 1,		/* seen by mfc0 Count, taken as mtc0 sets IE */
		1, 1,		/* ... seen by rdhwr CC */
		1, 1, 1,	/* ... seen by mfc0 Cause, taken at ei */
		1, 1,		/* IE on: taken after the first Count/Cause read */
		1,		/* Linux's probe calls the timer usable */
	};
	struct mvc_guest *g = run_guest(_metadata, "timer");

	expect_reports(_metadata, g, want, sizeof(want) / sizeof(want[0]));
	mvc_guest_destroy(g);
}

static uint32_t get_cp0(struct __test_metadata *_metadata, int fd, int rd)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, 0) };

	EXPECT_EQ(0, ioctl(fd, MIPSVCPU_GET_CP0, &r));
	return r.value;
}

static void set_cp0(struct __test_metadata *_metadata, int fd, int rd,
		    uint32_t v)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, 0), .value = v };

	EXPECT_EQ(0, ioctl(fd, MIPSVCPU_SET_CP0, &r));
}

/* GET_CP0 of Count and Cause reads what the guest's mfc0 would. */
TEST(get_cp0_sees_an_expired_compare)
{
	const uint32_t ti_ip7 = 0x40008000u, dc = 0x08000000u;
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	int fd = g->vcpu_fd;
	uint32_t c;

	/* Count stopped two ticks before Compare, then running. */
	set_cp0(_metadata, fd, 13, dc);
	set_cp0(_metadata, fd, 9, 1000);
	set_cp0(_metadata, fd, 11, 1002);
	EXPECT_EQ(1000, get_cp0(_metadata, fd, 9));
	EXPECT_EQ(0, get_cp0(_metadata, fd, 13) & ti_ip7);
	set_cp0(_metadata, fd, 13, 0);
	EXPECT_EQ(ti_ip7, get_cp0(_metadata, fd, 13) & ti_ip7);
	c = get_cp0(_metadata, fd, 9);
	EXPECT_LE(0, (int32_t)(c - 1002));
	/* A Compare write clears it, for good. */
	set_cp0(_metadata, fd, 11, c - 1);
	EXPECT_EQ(0, get_cp0(_metadata, fd, 13) & ti_ip7);
	usleep(20000);
	EXPECT_EQ(0, get_cp0(_metadata, fd, 13) & ti_ip7);
	mvc_guest_destroy(g);
}

/*
 * How many VCPU timers /proc/timer_list shows armed, and on which CPU the
 * last one is; -1 without /proc/timer_list.
 */
static int vcpu_timers_armed(int *cpu)
{
	FILE *f = fopen("/proc/timer_list", "r");
	char line[256];
	int n = 0, cur = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "cpu: %d", &cur) == 1)
			continue;
		if (strstr(line, "mvc_timer_fire")) {
			n++;
			if (cpu)
				*cpu = cur;
		}
	}
	fclose(f);
	return n;
}

/*
 * Issue 13, finding 5: the timer's hrtimer is pinned to the CPU that arms
 * it, and when it fires it only marks the timer pending, so armed on
 * another CPU than the one the guest spins on it reached the guest only
 * at its next exit, up to a host tick late.  VCPU creation and SET_CP0 of
 * Count or Compare armed it in whichever thread called them; now the
 * VCPU arms it itself, on its own CPU, when it next enters the guest (a
 * read of Count or Cause sees a reached match without it).  The tests'
 * MIPS hosts have one CPU (an SMP QEMU Malta host stalls), so this looks
 * at when and where the hrtimer is armed, not at a late interrupt.
 */
TEST(the_timer_is_armed_by_the_vcpu_on_its_cpu)
{
	int before = vcpu_timers_armed(NULL), cpu = -1;
	struct mvc_guest *g;
	uint32_t count;

	if (before < 0)
		SKIP(return, "no /proc/timer_list");
	g = mvc_guest_create("spin", 4 * MIB);
	EXPECT_EQ(before, vcpu_timers_armed(NULL));
	count = get_cp0(_metadata, g->vcpu_fd, 9);
	set_cp0(_metadata, g->vcpu_fd, 11, count + 100000000);	/* in 1 s */
	EXPECT_EQ(before, vcpu_timers_armed(NULL));
	EXPECT_EQ(-ETIMEDOUT, mvc_guest_run(g, 200));
	EXPECT_EQ(before + 1, vcpu_timers_armed(&cpu));
	EXPECT_EQ(sched_getcpu(), cpu);
	/* Still a match to come, not yet latched. */
	EXPECT_EQ(0, get_cp0(_metadata, g->vcpu_fd, 13) & 0x40000000u);
	mvc_guest_destroy(g);
	EXPECT_EQ(before, vcpu_timers_armed(NULL));
}

TEST(exceptions_the_guest_raises)
{
	static const uint32_t want[] = {
		8, 0, 0, 0,	/* syscall */
		9, 0, 0, 0,	/* break */
		13, 0, 0, 0,	/* teq */
		12, 0, 0, 4,	/* add overflow */
		10, 0, 0, 0,	/* reserved instruction */
		11, 1, 0, 0,	/* COP1 unusable, CE 1 */
		4, 0, 0, 0,	/* unaligned load */
		8, 0, 1, 0,	/* in a delay slot: BD, EPC = branch */
		16, 0,		/* rdhwr SYNCI_Step, CPUNum */
	};
	struct mvc_guest *g = run_guest(_metadata, "exceptions");

	expect_reports(_metadata, g, want, sizeof(want) / sizeof(want[0]));
	mvc_guest_destroy(g);
}

/*
 * Issue 13, finding 6: bit 0 of a PC selects MIPS16e on hosts that have it
 * (QEMU's 24Kc and 34Kf do), but the guest's CPU has no MIPS16e: an eret
 * or jump to an odd address must raise an address error on the fetch, not
 * run MIPS16e code.  Before, each of the four ways ran the target's
 * MIPS16e break instead.  Both with the vector's fast paths and without.
 */
TEST(an_odd_pc_is_an_address_error)
{
	static const uint32_t want[] = {
		4, 0, 1, 1,	/* eret from EXL: AdEL, EPC = BadVAddr = target|1 */
		4, 0, 1, 1,	/* eret from ERL */
		4, 0, 1, 1,	/* jr, delay slot emulated */
		4, 0, 1, 1,	/* jr, executed by the guest */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "oddpc", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
}

TEST(irq_line_rejects_bad_arguments)
{
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	struct mipsvcpu_irq_line irq = { .line = 7, .level = 1 };

	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq));
	EXPECT_EQ(EINVAL, errno);
	irq.line = 1;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq));
	EXPECT_EQ(EINVAL, errno);
	irq.line = 2;
	irq.level = 2;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq));
	EXPECT_EQ(EINVAL, errno);
	irq.level = 1;
	irq.reserved[0] = 1;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq));
	EXPECT_EQ(EINVAL, errno);
	irq.reserved[0] = 0;
	EXPECT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq));
	mvc_guest_destroy(g);
}

TEST(stats_in_debugfs_and_exit_tracepoint)
{
	const char *ev = "/sys/kernel/tracing/events/mipsvcpu/mipsvcpu_exit/enable";
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	struct mipsvcpu_vcpu_stats st;
	int fd;

	if (access("/sys/kernel/debug/mipsvcpu", F_OK))
		SKIP(return, "debugfs is not mounted");
	fd = open(ev, O_WRONLY);
	if (fd >= 0) {
		EXPECT_EQ(1, write(fd, "1", 1));
		close(fd);
	}
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	/* The only VM alive: its VCPU's counters, through vcpuctl stats. */
	EXPECT_EQ((long)st.exits,
		  mvc_shell_number("vcpuctl stats | sed -n 's/.* exits=\\([0-9]*\\).*/\\1/p'"));
	EXPECT_EQ((long)st.mmio,
		  mvc_shell_number("vcpuctl stats --json | sed -n 's/.*\"mmio\": \\([0-9]*\\).*/\\1/p'"));
	if (fd >= 0) {
		/* One trace line per exit (the ring buffer is large enough). */
		EXPECT_EQ((long)st.exits,
			  mvc_shell_number("grep -c 'mipsvcpu_exit: vcpu 0' /sys/kernel/tracing/trace"));
		fd = open(ev, O_WRONLY);
		EXPECT_EQ(1, write(fd, "0", 1));
		close(fd);
	}
	mvc_guest_destroy(g);
}

/*
 * The cache instruction: Hit operations make written code fetchable
 * through every kind of guest address, and do nothing where no memory
 * is; Index operations do nothing; in delay slots too; all are emulated
 * in the vector unless the fast paths are off or there is no memory.
 */
TEST(cache_instructions_in_the_vector_and_in_c)
{
	static const uint32_t want[] = {
		0, 0, 0, 0,	/* wrong returns: gKSEG0, 4 KiB, 64 KiB, gKSEG1 */
		0,		/* no exception from Hit ops on no memory */
		0,		/* nor from Index ops */
		1,		/* cache ops in two delay slots, branches taken */
		0x5a + 0x5b,	/* and the code they synced runs */
		0,		/* a Hit op on the running code */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "cacheops", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	/* 6,000 Hit ops on code, 2,048 on nothing, 1,024 Index ops */
	EXPECT_LT(9000, st[0].emulated);
	EXPECT_LT(9000, st[1].emulated);
	/*
	 * With 16-byte or longer host lines, the vector does the Hit ops on
	 * memory and the Index ops; C the others.
	 */
	EXPECT_LT(7000, st[1].fast_emulated);
	EXPECT_LT(2000, st[1].emulated - st[1].fast_emulated);
}

/*
 * Cause reads with a timer match pending: served in the vector while the
 * match is far (count.c's quiet ticks, against the host's own Count), by
 * C once it may have come; either way TI shows up only after the match
 * and without a Count read to latch it.
 */
TEST(cause_reads_in_the_vector_until_a_match_may_come)
{
	static const uint32_t want[] = {
		0,		/* 20,000 reads 10 s before the match: no TI */
		1, 1, 1,	/* 200 us ahead: TI came, with IP7, after it */
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		1, 1, 1,
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "causeread", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	EXPECT_LT(20000, st[0].emulated);
	EXPECT_LT(20000, st[1].fast_emulated);
	/*
	 * The vector stops before each match: besides the guest's 3 + 5 * 10
	 * Count reads and Cause/Count/Compare writes (always C), some
	 * spinning reads went to C.  Were the window ignored, only the host
	 * timer's exit would end each spin, with no read in C.
	 */
	EXPECT_LT(3 + 5 * 10, st[1].emulated - st[1].fast_emulated);
}

/*
 * System calls (also in a delay slot) and FPU instructions of guest user
 * mode, delivered to the guest kernel: the same either way, and with the
 * fast paths on, delivered in the vector (the guest's handler and its
 * eret run there too), so almost none of them is an exit (but for the
 * host's own interrupts, its clock ticks).
 */
TEST(user_exceptions_delivered_in_the_vector)
{
	static const uint32_t want[] = {
		5000, 1000, 1000,	/* syscalls, in a slot, FPU insns */
		0,			/* none seen wrong */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "syscalls", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	EXPECT_LE(7001, st[0].guest_exception);
	EXPECT_LE(7001, st[1].guest_exception);
	/* Exits but the host's interrupts (its clock ticks) */
	EXPECT_LT(7000, st[0].exits - st[0].host_irq);
	EXPECT_GT(100, st[1].exits - st[1].host_irq);
}

/*
 * CP0 instructions in branch delay slots: every branch kind the vector
 * evaluates (beq, bne, blez, bgtz, their likely forms, jr), taken and
 * not, a slot that overwrites its branch's register, a branch that ends
 * a page (its slot on the next), and kinds left to C (bltz, bgez, jalr);
 * the same either way, and with the fast paths on the page-end case and
 * Linux's "beqz flags, 1f; di; ei" stay in the vector.
 */
TEST(cp0_instructions_in_delay_slots)
{
	static const uint32_t want[] = {
		0x11, 0x21, 0x11, 0x21,		/* beq, bne: taken, not */
		0x11, 0x21, 0x11,		/* blez 0, 1, -5 */
		0x11, 0x21, 0x21,		/* bgtz 1, 0, -1 */
		0x11, 0x11,			/* beql, bnel */
		0x11, 0x21,			/* bltz -1, bgez -1 */
		0x11, 0x15,			/* jr, jalr (+4: linked) */
		0x21, 0x11,			/* bnez on the slot's target */
		0x11, 0x21,			/* bnez ending a page */
		0,				/* 2,000 of those */
		0,				/* 4,000 irq restores */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "slots", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	EXPECT_LT(6000, st[0].emulated);
	EXPECT_LT(6000, st[1].emulated);
	EXPECT_LT(6000, st[0].exits - st[0].host_irq);
	EXPECT_GT(100, st[1].exits - st[1].host_irq);
}

/*
 * mtc0 from, mfc0, di and ei to every general register, k0, k1, sp and ra
 * included: the vector saves only its working set and reaches the
 * instruction's register where it is; exactly that register changes.
 */
TEST(cp0_moves_reach_every_register)
{
	uint32_t want[96] = { 0 };	/* wrong registers per case, Status */
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "gprs", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	/* 31 mtc0/mfc0 pairs, two with $0, 31 di, 31 ei, in the vector */
	EXPECT_LE(126, st[1].fast_emulated);
}

/*
 * tlbp, served in the vector when the fast paths are on: the lowest
 * matching index by VPN2 under the entry's PageMask and by ASID or G (both
 * halves' G), Index.P and the old index on a miss, in a delay slot too.
 */
TEST(tlbp_in_the_vector_and_in_c)
{
	static const uint32_t want[] = {
		3, 7, 12, 10, 10,	/* ASID, other ASID, global, 1 MiB pages */
		0x80000005, 0x80000009,	/* misses: P, Index kept */
		0x80000009, 14,		/* G in one half only: not global */
		15,
		0x107, 0x10c,		/* in a taken branch's slot */
		1000,			/* 2,000 more probes */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "tlbprobe", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	EXPECT_LT(2000, st[0].exits - st[0].host_irq);
	EXPECT_LE(2000, st[1].fast_emulated);
	EXPECT_GT(100, st[1].exits - st[1].host_irq);
}

/*
 * Guest user mode's TLB misses, handled by the guest kernel's own refill
 * handler as an OS does (mfc0 BadVAddr/Context/EntryHi, mtc0 EntryLo,
 * tlbwi round robin, some in a delay slot, then tlbwr, then tlbwi with
 * the vectors at EBase, then entries invalid first and made valid on the
 * TLB invalid exception, eret): with the fast paths on, the refill and
 * invalid exceptions are delivered, and the TLB writes done, in the
 * vector.  The
 * handler checks every exception's registers and HI/LO around each TLB
 * write; the user's data is checked after each phase; a user page the
 * kernel remaps 50 times between two frames never reads stale.
 */
TEST(user_tlb_refills_through_the_guest_handler)
{
	static const uint32_t want[] = {
		240, 240,	/* TLBL, TLBS refills: every pair, every pass */
		0, 0,		/* wrong registers, wrong data (tlbwi) */
		0, 0,		/* the same with tlbwr */
		0, 0,		/* with tlbwi, through vectors at EBase */
		480, 0, 0,	/* invalid first: TLB invalid exceptions */
		0, 0,		/* stale reads in 50 remaps, wrong registers */
	};
	struct mipsvcpu_vcpu_stats st[2];

	if (!run_off_and_on(_metadata, "urefill", want, ARRAY_SIZE(want), st))
		SKIP(return, "cannot write the module parameters");
	/* 480 with tlbwi; with tlbwr a pair may survive a pass */
	EXPECT_LT(480, st[0].guest_tlb_fault);
	EXPECT_LT(480, st[1].guest_tlb_fault);
	EXPECT_LT(960, st[0].exits - st[0].host_irq);
	/* PageMask, Wired and the guest's setup aside, nothing left */
	EXPECT_GT(100, st[1].exits - st[1].host_irq);
}

/*
 * fast_refill=0 with fast_emulate=1: the vector still emulates the guest
 * kernel's CP0 and TLB instructions, but installs no shadow entry (its
 * tlbwi/tlbwr installs the user's pair only when refills may be served
 * there): C serves every host TLB miss, and the guest sees the same.
 */
TEST(fast_refill_off_leaves_every_refill_to_c)
{
	static const uint32_t want[] = {
		240, 240, 0, 0, 0, 0, 0, 0, 480, 0, 0, 0, 0,
	};
	struct mipsvcpu_vcpu_stats st;
	struct mvc_guest *g;

	if (mvc_set_param("fast_refill", 0) || mvc_set_param("fast_emulate", 1))
		SKIP(return, "cannot write the module parameters");
	g = run_guest(_metadata, "urefill");
	mvc_set_param("fast_refill", 1);
	expect_reports(_metadata, g, want, ARRAY_SIZE(want));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_EQ(0, st.fast_refill);
	EXPECT_LT(960, st.shadow_refill);
	EXPECT_LT(1000, st.fast_emulated);
	mvc_guest_destroy(g);
}

/*
 * The vector's fast paths (refills from the guest TLB, mfc0/mtc0/di/ei/
 * eret, cache, exceptions of user mode) against the C emulation: every
 * deterministic architecture guest reports exactly the same with them off
 * and on, and with them on they did the work.
 */
TEST(fast_paths_agree_with_the_c_emulation)
{
	static const char *const guests[] = {
		"tlb", "usermode", "exceptions", "timer", "cacheops",
		"syscalls", "slots", "gprs", "tlbprobe", "urefill", "rhandler",
	};
	struct mipsvcpu_vcpu_stats st;
	struct mvc_guest *slow, *fast;
	uint64_t emulated = 0, refills = 0;
	unsigned int i, j;

	for (i = 0; i < sizeof(guests) / sizeof(guests[0]); i++) {
		if (mvc_set_param("fast_emulate", 0) || mvc_set_param("fast_refill", 0))
			SKIP(return, "cannot write the module parameters");
		slow = run_guest(_metadata, guests[i]);
		ASSERT_EQ(0, ioctl(slow->vcpu_fd, MIPSVCPU_GET_STATS, &st));
		EXPECT_EQ(0, st.fast_emulated);
		EXPECT_EQ(0, st.fast_refill);
		mvc_set_param("fast_emulate", 1);
		mvc_set_param("fast_refill", 1);
		fast = run_guest(_metadata, guests[i]);
		ASSERT_EQ(0, ioctl(fast->vcpu_fd, MIPSVCPU_GET_STATS, &st));
		emulated += st.fast_emulated;
		refills += st.fast_refill;
		EXPECT_EQ(slow->nreports, fast->nreports) TH_LOG("%s", guests[i]);
		for (j = 0; j < slow->nreports && j < fast->nreports; j++)
			EXPECT_EQ(slow->reports[j], fast->reports[j])
				TH_LOG("%s report %u", guests[i], j);
		mvc_guest_destroy(slow);
		mvc_guest_destroy(fast);
	}
	EXPECT_LT(1000, emulated);
	EXPECT_LT(100, refills);
}

/*
 * The guest's own refill handler run from its translation in the vector
 * (fast_trace, module/trace_gen.h) against the same handler trapping on
 * each CP0 instruction (fast_trace=0) and all of it through C
 * (fast_emulate=0): the same reports, through the phases in which the
 * handler is rewritten in place, loads MMIO, stores and writes the TLB
 * twice; with it on, the handler ran translated, translated again after
 * its rewrite but not at every miss; with it off, never translated (the
 * vector once asked C for a translation at every miss with fast_trace=0,
 * which only debugfs's trace_builds shows).
 */
TEST(refill_handler_translation_agrees)
{
	static const struct {
		int emulate, trace;
	} modes[] = { { 0, 1 }, { 1, 0 }, { 1, 1 } };
	bool debugfs = !access("/sys/kernel/debug/mipsvcpu", F_OK);
	struct mipsvcpu_vcpu_stats st[3];
	unsigned int i, j, n[3];
	uint32_t reports[3][32];
	struct mvc_guest *g;
	long builds[3];

	for (i = 0; i < 3; i++) {
		if (mvc_set_param("fast_emulate", modes[i].emulate) ||
		    mvc_set_param("fast_trace", modes[i].trace))
			SKIP(return, "cannot write the module parameters");
		g = run_guest(_metadata, "rhandler");
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st[i]));
		expect_tlb_index_ok(_metadata);
		/* The only VCPU alive: vcpuctl stats shows every one */
		builds[i] = debugfs ? mvc_shell_number("vcpuctl stats --json | sed -n 's/.*\"trace_builds\": \\([0-9]*\\).*/\\1/p'") : -1;
		n[i] = g->nreports < 32 ? g->nreports : 32;
		memcpy(reports[i], g->reports, n[i] * sizeof(reports[i][0]));
		mvc_guest_destroy(g);
	}
	mvc_set_param("fast_emulate", 1);
	mvc_set_param("fast_trace", 1);
	EXPECT_EQ(0, st[0].fast_traced);
	EXPECT_EQ(0, st[1].fast_traced);
	/* 5 phases of 2 passes over 40 pairs, less the first few refills */
	EXPECT_LT(300, st[2].fast_traced);
	if (debugfs) {
		EXPECT_EQ(0, builds[0]);
		EXPECT_EQ(0, builds[1]);
		/* the first, after the rewrite, after each SLOT change */
		EXPECT_LE(2, builds[2]);
		EXPECT_GE(12, builds[2]);
	}
	/* 24 reports: 2 a pass, and the MMIO and store phases' values */
	EXPECT_EQ(24, n[0]);
	for (i = 1; i < 3; i++) {
		EXPECT_EQ(n[0], n[i]);
		for (j = 0; j < n[0] && j < n[i]; j++)
			EXPECT_EQ(reports[0][j], reports[i][j])
				TH_LOG("mode %u report %u", i, j);
	}
}

TEST_HARNESS_MAIN
