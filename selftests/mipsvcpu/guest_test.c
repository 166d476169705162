// SPDX-License-Identifier: GPL-2.0
/*
 * guest_test.c - guest programs run end to end: boot at 0x3fc00000, the
 * boot registers, the unmapped segments, MMIO exits, signals, isolation
 * between VMs, read-only ROM, and the host's half of the address space.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)

TEST(hello_over_uart_with_boot_registers)
{
	struct mvc_guest *g = mvc_guest_create("hello", 16 * MIB);
	struct mipsvcpu_regs regs;

	/* The reset state of SPEC.md, before the first instruction. */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_REGS, &regs));
	EXPECT_EQ(0x3fc00000u, regs.pc);
	EXPECT_EQ(MVC_RAM_GPA, regs.gpr[4]);
	EXPECT_EQ(16 * MIB, regs.gpr[5]);
	EXPECT_EQ(0, regs.gpr[6]);
	EXPECT_EQ(0, regs.gpr[7]);

	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	EXPECT_EQ(0, g->result);
	EXPECT_TRUE(strstr(g->uart, "hello from the guest") != NULL);
	EXPECT_TRUE(strstr(g->uart, "size 0x01000000") != NULL);
	ASSERT_EQ(4, g->nreports);
	EXPECT_EQ(MVC_RAM_GPA, g->reports[0]);
	EXPECT_EQ(16 * MIB, g->reports[1]);
	EXPECT_EQ(0, g->reports[2]);
	EXPECT_EQ(0, g->reports[3]);
	mvc_guest_destroy(g);
}

TEST(reset_cp0_state)
{
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	struct mipsvcpu_cp0_reg r = { 0 };

	r.id = MIPSVCPU_CP0_ID(12, 0);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(0x00400002u, r.value);	/* BEV | EXL */
	r.id = MIPSVCPU_CP0_ID(15, 0);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(0x00019300u, r.value);	/* PRId: 24Kc */
	r.id = MIPSVCPU_CP0_ID(15, 1);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(0, r.value);			/* EBase: shifted 0x80000000 */
	/* SET applies the mtc0 masks: EBase bits 31:30 stay 0. */
	r.value = 0xffffffffu;
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_SET_CP0, &r));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(0x3ffff000u, r.value);
	r.id = MIPSVCPU_CP0_ID(3, 3);		/* not a register */
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(EINVAL, errno);
	r.id = MIPSVCPU_CP0_ID(12, 0);
	r.reserved[1] = 1;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(EINVAL, errno);
	mvc_guest_destroy(g);
}

/*
 * SET_CP0 of EntryHi changes the guest's ASID from the ioctl, outside the
 * run loop: the VCPU's shadow entries must go without the module touching
 * the host TLB from preemptible context (it warned, and tainted the
 * kernel, when the ioctl shared mtc0's in-loop invalidation).  After a
 * run, so that its views' host ASIDs are live on this CPU.
 */
TEST(set_cp0_of_entryhi_after_a_run)
{
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(10, 0) };
	long tainted = mvc_shell_number("cat /proc/sys/kernel/tainted");
	uint32_t i;

	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	for (i = 0; i < 300; i++) {
		r.value = 0x40002000u | (i & 0xff);
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_SET_CP0, &r));
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r));
		EXPECT_EQ(0x40002000u | (i & 0xff), r.value);
	}
	/* TAINT_WARN (bit 9): no warning came since the test began. */
	EXPECT_EQ(tainted & 512, mvc_shell_number("cat /proc/sys/kernel/tainted") & 512);
	mvc_guest_destroy(g);
}

static void prefill(struct mvc_guest *g, uint32_t seed)
{
	uint32_t *w = g->ram;
	uint32_t a;

	for (a = 0; a < g->ram_size; a += 4)
		w[a / 4] = a ^ seed;
	g->testdev_data = seed;
}

static uint32_t count_pattern_errors(struct mvc_guest *g, uint32_t seed)
{
	uint32_t *w = g->ram, top = g->ram_size - 0x10000, a, bad = 0;

	for (a = 0; a < top; a += 4) {
		if (a >= 0x100000 && a < 0x110000)
			continue;
		bad += w[a / 4] != (~a ^ seed);
	}
	return bad;
}

TEST(fill_64mib_through_gkseg0_verify_through_gkseg1)
{
	struct mvc_guest *g = mvc_guest_create("memfill", 64 * MIB);
	struct mipsvcpu_vcpu_stats st;

	prefill(g, 0x5eed0001);
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 120000));
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(3, g->nreports);
	EXPECT_EQ(64 * MIB - 0x10000 - 0x10000, g->reports[0]);
	EXPECT_EQ(0, g->reports[1]);	/* saw what the host wrote */
	EXPECT_EQ(0, g->reports[2]);	/* gKSEG1 sees gKSEG0's bytes */
	EXPECT_EQ(0, count_pattern_errors(g, 0x5eed0001));
	/* 2 x 64 MiB in 8 KiB pairs, nearly all served in the vector. */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_LT(64 * MIB / 8192, st.fast_refill);
	mvc_guest_destroy(g);
}

/* The same with the refill fast path off: the C path serves every miss. */
TEST(fill_through_the_slow_refill_path)
{
	struct mvc_guest *g = mvc_guest_create("memfill", 8 * MIB);
	struct mipsvcpu_vcpu_stats st;

	if (mvc_set_param("fast_refill", 0))
		SKIP(return, "cannot write the fast_refill parameter");
	prefill(g, 0x5eed0002);
	EXPECT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 60000));
	mvc_set_param("fast_refill", 1);
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(3, g->nreports);
	EXPECT_EQ(0, g->reports[1]);
	EXPECT_EQ(0, g->reports[2]);
	EXPECT_EQ(0, count_pattern_errors(g, 0x5eed0002));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_EQ(0, st.fast_refill);
	EXPECT_LT(2 * 8 * MIB / 8192, st.shadow_refill);
	mvc_guest_destroy(g);
}

TEST(mmio_reads_extend_and_delay_slots_continue)
{
	struct mvc_guest *g = mvc_guest_create("mmio", 4 * MIB);

	g->testdev_data = 0x8081f2f3u;
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(13, g->nreports);
	EXPECT_EQ(0xfffffff3u, g->reports[0]);	/* lb */
	EXPECT_EQ(0x000000f3u, g->reports[1]);	/* lbu */
	EXPECT_EQ(0xfffff2f3u, g->reports[2]);	/* lh */
	EXPECT_EQ(0x0000f2f3u, g->reports[3]);	/* lhu */
	EXPECT_EQ(0x8081f2f3u, g->reports[4]);	/* lw */
	EXPECT_EQ(0x8081f2f3u, g->reports[5]);	/* taken branch */
	EXPECT_EQ(0x8081f2f4u, g->reports[6]);	/* not taken */
	EXPECT_EQ(0x8081f2f3u, g->reports[7]);	/* jal */
	EXPECT_EQ(0, g->reports[8]);		/* ra = jal + 8 */
	EXPECT_EQ(0x8081f2f3u, g->reports[9]);	/* beql */
	EXPECT_EQ(0x5107eu, g->reports[10]);	/* store in a slot */
	EXPECT_EQ(0xcdu, g->reports[11]);	/* sb */
	EXPECT_EQ(0xabcdu, g->reports[12]);	/* sh */
	mvc_guest_destroy(g);
}

static void on_alarm(int sig)
{
	(void)sig;
}

TEST(spinning_guest_stopped_by_signal_and_resumed)
{
	struct mvc_guest *g = mvc_guest_create("spin", 4 * MIB);
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 0 }, { 0, 200000 } };
	struct mipsvcpu_regs regs;
	int i;

	sigaction(SIGALRM, &sa, NULL);
	for (i = 0; i < 3; i++) {
		setitimer(ITIMER_REAL, &it, NULL);
		EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		EXPECT_EQ(EINTR, errno);
		EXPECT_EQ(MIPSVCPU_EXIT_INTR, g->run->exit_reason);
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_REGS, &regs));
		/* Still in its loop, in the ROM. */
		EXPECT_EQ(0x3fc00000u, regs.pc & 0xfff00000u);
	}
	/* immediate_exit: RUN returns at once without entering. */
	g->run->immediate_exit = 1;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(EINTR, errno);
	g->run->immediate_exit = 0;
	/* Release it through guest RAM, shared with this process. */
	((volatile uint32_t *)g->ram)[0x200000 / 4] = 0x600d;
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(1, g->nreports);
	EXPECT_LT(1000, g->reports[0]);
	mvc_guest_destroy(g);
}

struct vm_thread {
	pthread_t thread;
	struct mvc_guest *g;
	uint32_t seed;
	int exit;
};

static void *run_vm(void *arg)
{
	struct vm_thread *t = arg;

	t->exit = mvc_guest_run(t->g, 120000);
	return NULL;
}

TEST(four_vms_at_once_see_only_their_own_memory)
{
	struct vm_thread t[4];
	int i;

	for (i = 0; i < 4; i++) {
		t[i].seed = 0x1000 * (i + 1) + 0xab;
		t[i].g = mvc_guest_create("memfill", 8 * MIB);
		prefill(t[i].g, t[i].seed);
	}
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, pthread_create(&t[i].thread, NULL, run_vm, &t[i]));
	for (i = 0; i < 4; i++)
		pthread_join(t[i].thread, NULL);
	for (i = 0; i < 4; i++) {
		EXPECT_EQ(MIPSVCPU_EXIT_MMIO, t[i].exit);
		EXPECT_TRUE(t[i].g->finished);
		ASSERT_EQ(3, t[i].g->nreports);
		EXPECT_EQ(0, t[i].g->reports[1]) TH_LOG("VM %d saw foreign bytes", i);
		EXPECT_EQ(0, t[i].g->reports[2]);
		EXPECT_EQ(0, count_pattern_errors(t[i].g, t[i].seed));
		mvc_guest_destroy(t[i].g);
	}
}

TEST(store_to_readonly_rom_never_changes_it)
{
	struct mvc_guest *g = mvc_guest_create("romwrite", 4 * MIB);
	void *copy = malloc(g->rom_size);

	memcpy(copy, g->rom, g->rom_size);
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(3, g->nreports);
	EXPECT_EQ(0x0dd0f00du, g->reports[0]);
	EXPECT_EQ(0x0dd0f00du, g->reports[1]);
	EXPECT_EQ(0x0dd0f00du, g->reports[2]);
	EXPECT_EQ(2, g->rom_writes);	/* each store became an MMIO exit */
	EXPECT_EQ(0, memcmp(copy, g->rom, g->rom_size));
	free(copy);
	mvc_guest_destroy(g);
}

TEST(host_address_space_gives_guest_address_errors)
{
	struct mvc_guest *g = mvc_guest_create("highaddr", 4 * MIB);
	static const uint32_t expect[][3] = {
		/* ExcCode, BD, BadVAddr */
		{ 4, 0, 0x80000000u },
		{ 4, 0, 0xbfc00000u },
		{ 4, 0, 0xfffffffcu },
		{ 5, 0, 0xc0001000u },
		{ 4, 0, 0x80001000u },	/* instruction fetch */
		{ 4, 1, 0x90000000u },	/* in a delay slot */
	};
	unsigned int i;

	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	ASSERT_TRUE(g->finished);
	ASSERT_EQ(6 * 4 + 1, g->nreports);
	for (i = 0; i < 6; i++) {
		EXPECT_EQ(expect[i][0], g->reports[4 * i]) TH_LOG("case %u", i);
		EXPECT_EQ(expect[i][1], g->reports[4 * i + 1]) TH_LOG("case %u", i);
		EXPECT_EQ(expect[i][2], g->reports[4 * i + 2]) TH_LOG("case %u", i);
	}
	/* The fetch fault's EPC is the bad PC itself. */
	EXPECT_EQ(0x80001000u, g->reports[4 * 4 + 3]);
	/* In the delay slot, EPC is the branch. */
	EXPECT_EQ(g->reports[24], g->reports[4 * 5 + 3]);
	mvc_guest_destroy(g);
}

TEST(second_runner_gets_ebusy)
{
	struct mvc_guest *g = mvc_guest_create("spin", 4 * MIB);
	struct vm_thread t = { .g = g };
	int busy = 0, i;

	ASSERT_EQ(0, pthread_create(&t.thread, NULL, run_vm, &t));
	for (i = 0; i < 200 && !busy; i++) {
		usleep(10000);
		if (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) < 0 && errno == EBUSY)
			busy = 1;
	}
	EXPECT_TRUE(busy);
	((volatile uint32_t *)g->ram)[0x200000 / 4] = 0x600d;
	pthread_join(t.thread, NULL);
	EXPECT_TRUE(g->finished);
	mvc_guest_destroy(g);
}

TEST(nothing_left_behind)
{
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

TEST_HARNESS_MAIN
