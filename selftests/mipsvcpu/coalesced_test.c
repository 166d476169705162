// SPDX-License-Identifier: GPL-2.0
/*
 * coalesced_test.c - coalesced MMIO (MIPSVCPU_REGISTER_COALESCED_MMIO,
 * the ring in struct mipsvcpu_run): the ioctls' validation; a guest's
 * stores to zones arrive once each and in order with its ordinary MMIO
 * exits, with fewer exits than stores, a full ring turning a store into
 * an exit after the ring's contents, loads from a zone exiting, and
 * unregistering; a head userspace corrupted makes stores exit and
 * nothing worse; the module parameter coalesced_mmio=0; and vcpuctl,
 * which makes the UART's offset 0 a zone: DLAB still decides between DLL
 * and THR, its output is the same byte for byte with coalescing off, and
 * --trace shows every coalesced store in order.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB		(1u << 20)
#define SINK_GPA	(MVC_TESTDEV_GPA + TESTDEV_SINK)
#define NEXT_GPA	(MVC_TESTDEV_GPA + TESTDEV_SINK_NEXT)
#define RING		MIPSVCPU_COALESCED_RING_SIZE

/* What guests/tests/coalesced.c stores. */
#define TEXT1		"coalesced: the quick brown fox jumps over the lazy dog\n"
#define TEXT2		"unregistered\n"
#define SINK_STORES	(40 * 41 / 2 + 3 * 1000 + 50)
/* Ring-full exits: each run of 1000 starts on an empty ring. */
#define FULL_EXITS	(3 * (1000 / (RING + 1)))

static int zone(int vm_fd, unsigned long cmd, uint64_t gpa, uint32_t size)
{
	struct mipsvcpu_coalesced_zone z = { .guest_phys_addr = gpa, .size = size };

	return ioctl(vm_fd, cmd, &z);
}

#define REG	MIPSVCPU_REGISTER_COALESCED_MMIO
#define UNREG	MIPSVCPU_UNREGISTER_COALESCED_MMIO

TEST(register_validates_every_field)
{
	struct mvc_guest *g = mvc_guest_create("hello", 4 * MIB);
	struct mipsvcpu_coalesced_zone z = { .guest_phys_addr = MVC_UART_GPA, .size = 1 };
	struct mipsvcpu_memory_region r = { .slot = 2, .size = 0x1000 };
	static const uint32_t bad_sizes[] = { 0, 3, 6, 24, 0x2000, 0x80000000u };
	void *mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned int i;

	ASSERT_TRUE(mem != MAP_FAILED);
	r.userspace_addr = (uintptr_t)mem;
	for (i = 0; i < ARRAY_SIZE(bad_sizes); i++) {
		EXPECT_EQ(-1, zone(g->vm_fd, REG, 0x10000000, bad_sizes[i]));
		EXPECT_EQ(EINVAL, errno) TH_LOG("size %#x", bad_sizes[i]);
	}
	/* Alignment: the address a multiple of the size. */
	EXPECT_EQ(-1, zone(g->vm_fd, REG, MVC_UART_GPA + 1, 2));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, REG, MVC_UART_GPA + 2, 4));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, REG, 0x10000800, 0x1000));
	EXPECT_EQ(EINVAL, errno);
	/* Beyond guest physical. */
	EXPECT_EQ(-1, zone(g->vm_fd, REG, MIPSVCPU_GUEST_PHYS_LIMIT, 1));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, REG, 0x100000000ull + MVC_UART_GPA, 1));
	EXPECT_EQ(EINVAL, errno);
	z.flags = 1;
	EXPECT_EQ(-1, ioctl(g->vm_fd, REG, &z));
	EXPECT_EQ(EINVAL, errno);
	z.flags = 0;
	for (i = 0; i < ARRAY_SIZE(z.reserved); i++) {
		z.reserved[i] = 1;
		EXPECT_EQ(-1, ioctl(g->vm_fd, REG, &z));
		EXPECT_EQ(EINVAL, errno);
		EXPECT_EQ(-1, ioctl(g->vm_fd, UNREG, &z));
		EXPECT_EQ(EINVAL, errno);
		z.reserved[i] = 0;
	}
	EXPECT_EQ(-1, ioctl(g->vm_fd, REG, NULL));
	EXPECT_EQ(EFAULT, errno);
	/* Not a VCPU ioctl. */
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, REG, &z));
	EXPECT_EQ(ENOTTY, errno);

	/* Memory slots and zones never overlap, whichever comes first. */
	EXPECT_EQ(-1, zone(g->vm_fd, REG, 0x1000, 4));		/* RAM */
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, REG, MVC_ROM_GPA, 1));	/* ROM */
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(0, ioctl(g->vm_fd, REG, &z));
	EXPECT_EQ(-1, ioctl(g->vm_fd, REG, &z));
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, REG, MVC_UART_GPA, 8));
	EXPECT_EQ(EEXIST, errno);
	r.guest_phys_addr = MVC_UART_GPA & ~0xfffu;
	EXPECT_EQ(-1, ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r));
	EXPECT_EQ(EEXIST, errno);
	r.guest_phys_addr += 0x1000;
	EXPECT_EQ(0, ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r));
	r.size = 0;
	EXPECT_EQ(0, ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r));
	EXPECT_EQ(0, zone(g->vm_fd, REG, MVC_UART_GPA + 1, 1));

	/* At most MIPSVCPU_MAX_COALESCED_ZONES. */
	for (i = 2; i < MIPSVCPU_MAX_COALESCED_ZONES; i++)
		EXPECT_EQ(0, zone(g->vm_fd, REG, 0x10000000 + 0x1000 * i, 0x1000));
	EXPECT_EQ(-1, zone(g->vm_fd, REG, 0x11000000, 4));
	EXPECT_EQ(ENOSPC, errno);

	/* Unregistering takes exactly a zone's address and size. */
	EXPECT_EQ(-1, zone(g->vm_fd, UNREG, MVC_UART_GPA, 2));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, UNREG, 0x10002000, 4));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(-1, zone(g->vm_fd, UNREG, MVC_UART_GPA, 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(0, zone(g->vm_fd, UNREG, 0x10002000, 0x1000));
	EXPECT_EQ(-1, zone(g->vm_fd, UNREG, 0x10002000, 0x1000));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(0, zone(g->vm_fd, REG, 0x11000000, 4));
	EXPECT_EQ(0, ioctl(g->vm_fd, UNREG, &z));
	EXPECT_EQ(0, ioctl(g->vm_fd, REG, &z));
	munmap(mem, 0x1000);
	mvc_guest_destroy(g);
}

TEST(the_ring_fits_the_run_mapping)
{
	int fd = mvc_open_dev();

	EXPECT_GE(ioctl(fd, MIPSVCPU_GET_VCPU_MMAP_SIZE, 0),
		  (int)sizeof(struct mipsvcpu_run));
	EXPECT_EQ(0, RING & (RING - 1));
	close(fd);
}

static volatile sig_atomic_t expired;

static void on_alarm(int sig)
{
	(void)sig;
	expired = 1;
}

/*
 * Runs guests/tests/coalesced.c as a VMM must: drain the ring after every
 * RUN before looking at the exit, with no other reason to return from RUN
 * than the guest's exits (no interval timer, unlike mvc_guest_run()), so
 * that the number of ring-full exits is exact.  With @corrupt, the ring's
 * head is nonsense until the first exit that reads TESTDEV_SINK_NEXT, and
 * nothing is drained meanwhile (there is nothing to: every store exits).
 * At the guest's report 0x600d both zones are unregistered.  Returns the
 * last exit reason or -errno; counts the sink's stores that exited.
 */
static int run_coalesced(struct __test_metadata *_metadata,
			 struct mvc_guest *g, bool corrupt, uint32_t *sink_exits)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct mipsvcpu_run *run = g->run;
	bool unregistered = false;
	int ret = MIPSVCPU_EXIT_MMIO;

	expired = 0;
	sigaction(SIGALRM, &sa, NULL);
	alarm(120);
	if (corrupt)
		run->coalesced.head = 0x12345;
	*sink_exits = 0;
	while (!g->finished) {
		int r = ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0);

		if (!corrupt)
			mvc_guest_drain(g);
		if (r < 0) {
			if (errno == EINTR && !expired)
				continue;
			ret = expired ? -ETIMEDOUT : -errno;
			break;
		}
		ret = run->exit_reason;
		if (ret != MIPSVCPU_EXIT_MMIO)
			break;
		if (run->mmio.is_write && run->mmio.phys_addr == SINK_GPA)
			(*sink_exits)++;
		mvc_guest_mmio(g);
		if (corrupt && !run->mmio.is_write &&
		    run->mmio.phys_addr == NEXT_GPA) {
			EXPECT_EQ(0, run->coalesced.tail);
			run->coalesced.head = run->coalesced.tail;
			corrupt = false;
		}
		if (!unregistered && g->nreports == 3) {
			EXPECT_EQ(0x600d, g->reports[2]);
			EXPECT_EQ(0, zone(g->vm_fd, UNREG, SINK_GPA, 4));
			EXPECT_EQ(0, zone(g->vm_fd, UNREG, MVC_UART_GPA, 1));
			unregistered = true;
		}
	}
	alarm(0);
	return ret;
}

static struct mvc_guest *coalesced_guest(struct __test_metadata *_metadata)
{
	struct mvc_guest *g = mvc_guest_create("coalesced", 4 * MIB);

	g->testdev_data = 0x5117;
	EXPECT_EQ(0, zone(g->vm_fd, REG, SINK_GPA, 4));
	EXPECT_EQ(0, zone(g->vm_fd, REG, MVC_UART_GPA, 1));
	return g;
}

/* What the guest saw and the host took: the same whichever way. */
static void check_guest(struct __test_metadata *_metadata, struct mvc_guest *g)
{
	ASSERT_TRUE(g->finished);
	EXPECT_EQ(SINK_STORES, g->result);
	for (unsigned int i = 0; i < g->nfails; i++)
		TH_LOG("the guest's check at coalesced.c:%u failed", g->fail_lines[i]);
	EXPECT_EQ(0, g->nfails);
	EXPECT_EQ(SINK_STORES, g->seq_next);	/* every store once ... */
	EXPECT_EQ(0, g->seq_errors);		/* ... and in order */
	EXPECT_STREQ(TEXT1 TEXT2, g->uart);
	ASSERT_EQ(3, g->nreports);
	EXPECT_EQ(0x5117, g->reports[0]);	/* loads from zones exit */
	EXPECT_EQ(0, g->reports[1]);
}

TEST(stores_arrive_once_and_in_order_with_the_exits)
{
	struct mvc_guest *g = coalesced_guest(_metadata);
	struct mipsvcpu_vcpu_stats st;
	uint32_t sink_exits;
	long shown;

	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, run_coalesced(_metadata, g, false, &sink_exits));
	check_guest(_metadata, g);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	/* Ring-full exits, then the stores after unregistering. */
	EXPECT_EQ(FULL_EXITS + 50, sink_exits);
	EXPECT_EQ(strlen(TEXT1) + SINK_STORES - 50 - FULL_EXITS, st.mmio_coalesced);
	EXPECT_EQ(st.mmio_coalesced, g->coalesced_writes);
	EXPECT_EQ(st.mmio, g->mmio_exits);
	EXPECT_LT(st.mmio, SINK_STORES);
	EXPECT_EQ((uint32_t)st.mmio_coalesced, g->run->coalesced.tail);
	/* The only VM alive: debugfs, through vcpuctl stats, agrees. */
	if (!access("/sys/kernel/debug/mipsvcpu", F_OK)) {
		shown = mvc_shell_number("vcpuctl stats --json | sed -n 's/.*\"mmio_coalesced\": \\([0-9]*\\).*/\\1/p'");
		EXPECT_EQ((long)st.mmio_coalesced, shown);
	}
	mvc_guest_destroy(g);
}

/*
 * The module never trusts the head it reads back: with nonsense there,
 * every store to a zone exits (and nothing is written to the ring); once
 * the head is sane again, stores are coalesced again.
 */
TEST(a_corrupt_head_makes_stores_exit)
{
	struct mvc_guest *g = coalesced_guest(_metadata);
	struct mipsvcpu_vcpu_stats st;
	uint32_t sink_exits;

	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, run_coalesced(_metadata, g, true, &sink_exits));
	check_guest(_metadata, g);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	/* TEXT1 and the first sink store exited, before the head was mended. */
	EXPECT_EQ(1 + FULL_EXITS + 50, sink_exits);
	EXPECT_EQ(SINK_STORES - 1 - 50 - FULL_EXITS, st.mmio_coalesced);
	EXPECT_EQ(st.mmio_coalesced, g->coalesced_writes);
	mvc_guest_destroy(g);
}

/* coalesced_mmio=0: zones are ignored, every store exits, same results. */
TEST(the_module_parameter_turns_it_off)
{
	struct mvc_guest *g = coalesced_guest(_metadata);
	struct mipsvcpu_vcpu_stats st;
	uint32_t sink_exits;
	int ret;

	if (mvc_set_param("coalesced_mmio", 0))
		SKIP(return, "cannot write the coalesced_mmio parameter");
	ret = run_coalesced(_metadata, g, false, &sink_exits);
	mvc_set_param("coalesced_mmio", 1);
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, ret);
	check_guest(_metadata, g);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
	EXPECT_EQ(SINK_STORES, sink_exits);
	EXPECT_EQ(0, st.mmio_coalesced);
	EXPECT_EQ(0, g->coalesced_writes);
	mvc_guest_destroy(g);
}

/*
 * The same guest with the vector's fast paths (fast_emulate) on and off:
 * the same stores, in the same order, the same exits to userspace; on,
 * the vector appends them without returning to C (fewer returns to C
 * than coalesced stores), off, each is a return to C.
 */
TEST(the_vector_appends_and_c_agrees)
{
	uint64_t coalesced[2], mmio[2];
	uint32_t sink_exits[2];

	for (int fast = 1; fast >= 0; fast--) {
		struct mvc_guest *g = coalesced_guest(_metadata);
		struct mipsvcpu_vcpu_stats st;
		int ret;

		if (mvc_set_param("fast_emulate", fast))
			SKIP(return, "cannot write the fast_emulate parameter");
		ret = run_coalesced(_metadata, g, false, &sink_exits[fast]);
		mvc_set_param("fast_emulate", 1);
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, ret);
		check_guest(_metadata, g);
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
		coalesced[fast] = st.mmio_coalesced;
		mmio[fast] = st.mmio;
		if (fast) {
			EXPECT_LT(st.exits, st.mmio_coalesced / 4);
		} else {
			EXPECT_GE(st.exits, st.mmio_coalesced);
		}
		mvc_guest_destroy(g);
	}
	EXPECT_EQ(coalesced[1], coalesced[0]);
	EXPECT_EQ(mmio[1], mmio[0]);
	EXPECT_EQ(sink_exits[1], sink_exits[0]);
}

/* What guests/tests/coalwidth.c stores, in order. */
#define WIDTH_ZONE	0x1e000000u
static const struct mipsvcpu_coalesced_entry width_stores[] = {
	{ WIDTH_ZONE + 0, 0x78, 1 },
	{ WIDTH_ZONE + 2, 0x5678, 2 },
	{ WIDTH_ZONE + 4, 0x12345678, 4 },
	{ WIDTH_ZONE + 8, 0x9abcdef0, 4 },	/* through gKSEG0 */
	{ WIDTH_ZONE + 12, 0, 2 },		/* $zero */
	{ WIDTH_ZONE + 12, 0xcafef00d, 4 },	/* in a delay slot */
	{ WIDTH_ZONE + 15, 0xf0, 1 },		/* from $k0 */
	{ WIDTH_ZONE + 0, 0x11111111, 4 },	/* $at */
	{ WIDTH_ZONE + 4, 0x22222222, 4 },	/* $t0 */
	{ WIDTH_ZONE + 8, 0x33333333, 4 },	/* $t3 */
	{ WIDTH_ZONE + 12, 0x44444444, 4 },	/* $ra */
	{ WIDTH_ZONE + 0, 0x55555555, 4 },	/* $k1 */
};

/* Every entry as the guest stored it, with the fast paths on and off. */
TEST(stores_of_every_width_reach_the_ring_as_stored)
{
	const unsigned int n = ARRAY_SIZE(width_stores);

	for (int fast = 1; fast >= 0; fast--) {
		struct mvc_guest *g = mvc_guest_create("coalwidth", 4 * MIB);
		struct mipsvcpu_coalesced_ring *ring = &g->run->coalesced;
		struct mipsvcpu_coalesced_entry got[16];
		struct mipsvcpu_vcpu_stats st;
		unsigned int seen = 0;
		int ret = 0;

		ASSERT_EQ(0, zone(g->vm_fd, REG, WIDTH_ZONE, 16));
		if (mvc_set_param("fast_emulate", fast))
			SKIP(return, "cannot write the fast_emulate parameter");
		while (!g->finished) {
			uint32_t tail;

			ret = ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0);
			tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);
			for (; ring->head != tail; ring->head++)
				if (seen < ARRAY_SIZE(got))
					got[seen++] = ring->entry[ring->head % RING];
			if (ret < 0 && errno == EINTR)
				continue;
			if (ret < 0 || g->run->exit_reason != MIPSVCPU_EXIT_MMIO)
				break;
			mvc_guest_mmio(g);
		}
		mvc_set_param("fast_emulate", 1);
		ASSERT_TRUE(g->finished);
		for (unsigned int i = 0; i < g->nfails; i++)
			TH_LOG("the guest's check at coalwidth.c:%u failed",
			       g->fail_lines[i]);
		EXPECT_EQ(0, g->nfails);	/* every register kept its value */
		ASSERT_EQ(n, seen);
		/*
		 * All but the delay slot's store in the vector (no exit),
		 * or each one an exit to C.
		 */
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_STATS, &st));
		TH_LOG("fast %d: %llu exits", fast, (unsigned long long)st.exits);
		if (fast) {
			/*
			 * Not the first touches of RAM, each an exit, nor
			 * the shadow entries C installs at their retries.
			 */
			EXPECT_LT(st.exits - st.fault_in - st.shadow_refill,
				  n - 4);
		} else {
			EXPECT_GE(st.exits, n);
		}
		for (unsigned int i = 0; i < n; i++) {
			TH_LOG("fast %d, store %u: %#llx %u %#x", fast, i,
			       (unsigned long long)got[i].phys_addr, got[i].len,
			       got[i].data);
			EXPECT_EQ(width_stores[i].phys_addr, got[i].phys_addr);
			EXPECT_EQ(width_stores[i].len, got[i].len);
			EXPECT_EQ(width_stores[i].data, got[i].data);
		}
		mvc_guest_destroy(g);
	}
}

/* Runs @cmd with a shell; returns its exit status, its stdout in @out. */
static int run_cmd(const char *cmd, char *out, size_t len)
{
	FILE *f = popen(cmd, "r");
	size_t n = 0, k;

	if (!f)
		return -1;
	while (n < len - 1 && (k = fread(out + n, 1, len - 1 - n, f)) > 0)
		n += k;
	out[n] = 0;
	return WEXITSTATUS(pclose(f));
}

/*
 * vcpuctl coalesces the UART's offset 0, which is DLL while LCR.DLAB is
 * set: stores there must reach DLL, not the terminal, and a read of DLL
 * must see them (guests/tests/uartdlab.c).
 */
TEST(vcpuctl_keeps_dlab_stores_off_the_terminal)
{
	char cmd[512], out[256];

	snprintf(cmd, sizeof(cmd), "vcpuctl run --rom %s --timeout 60 < /dev/null",
		 mvc_guest_path("uartdlab"));
	EXPECT_EQ(0, run_cmd(cmd, out, sizeof(out)));
	EXPECT_STREQ("ok 00000044\r\n", out);
}

/*
 * vcpuctl's console is the same byte for byte with coalescing on and
 * off, and --trace shows each store to the UART's THR, coalesced or not,
 * in the order the terminal got them.
 */
TEST(vcpuctl_output_and_trace_agree_with_and_without_it)
{
	static char on[8192], off[8192], trace[65536], traced[8192];
	const char *guests[] = { "hello", "uartdlab" };
	unsigned int i, data, coalesced;
	char cmd[512], *line;
	size_t n;

	for (i = 0; i < ARRAY_SIZE(guests); i++) {
		snprintf(cmd, sizeof(cmd),
			 "vcpuctl run --rom %s --timeout 60 --trace 2>/tmp/coalesced.trace < /dev/null",
			 mvc_guest_path(guests[i]));
		run_cmd(cmd, on, sizeof(on));
		ASSERT_EQ(0, mvc_set_param("coalesced_mmio", 0));
		run_cmd(cmd, off, sizeof(off));
		ASSERT_EQ(0, mvc_set_param("coalesced_mmio", 1));
		EXPECT_LT(10, strlen(on));
		EXPECT_STREQ(on, off) TH_LOG("%s", guests[i]);

		/* Once more with it on, for its trace, which ... */
		run_cmd(cmd, on, sizeof(on));
		run_cmd("cat /tmp/coalesced.trace", trace, sizeof(trace));
		n = 0;
		coalesced = 0;
		for (line = strtok(trace, "\n"); line; line = strtok(NULL, "\n")) {
			if (sscanf(line, "vcpuctl: vcpu 0 mmio coalesced write uart+0 len 1 data %x", &data) == 1)
				coalesced++;
			else if (sscanf(line, "vcpuctl: vcpu 0 mmio write uart+0 len 1 data %x", &data) != 1)
				continue;
			if (n < sizeof(traced) - 1)
				traced[n++] = data;
		}
		traced[n] = 0;
		EXPECT_LT(10, coalesced);
		/* ... spells what the terminal got (uartdlab: but for DLL). */
		if (!strcmp(guests[i], "hello")) {
			EXPECT_STREQ(on, traced);
		} else {
			EXPECT_STREQ("Dok E00000044\r\n", traced);
		}
	}
	unlink("/tmp/coalesced.trace");
}

TEST_HARNESS_MAIN
