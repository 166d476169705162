// SPDX-License-Identifier: GPL-2.0
/*
 * lifecycle_test.c - a VCPU's owner dies at the worst moments (in the
 * guest, asleep in WAIT, with an MMIO read pending), and many VMs come
 * and go: everything must be freed, nothing pinned, no kernel warning.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)

static void wait_for_baseline(struct __test_metadata *_metadata)
{
	int i;

	/* The last fd closes in the dying process's exit path. */
	for (i = 0; i < 100 && mvc_read_counter("live_vms"); i++)
		usleep(20000);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

/* A child runs the sleeper guest in @state and is killed with SIGKILL. */
static void kill_during(struct __test_metadata *_metadata, uint32_t state)
{
	int pipefd[2];
	pid_t pid;
	char c;

	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct mvc_guest *g = mvc_guest_create("sleeper", 4 * MIB);

		g->testdev_data = state;
		if (write(pipefd[1], "x", 1) != 1)
			_exit(1);
		if (state == 2) {
			/*
			 * Answer the first read (the state), let the report
			 * through, then leave the second read pending.
			 */
			int reads = 0;

			while (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) == 0 &&
			       g->run->exit_reason == MIPSVCPU_EXIT_MMIO) {
				if (!g->run->mmio.is_write && ++reads == 2)
					break;
				g->run->mmio.data = state;
			}
			pause();
		}
		for (;;)
			ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0);
	}
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	usleep(300000);
	EXPECT_LE(1, mvc_read_counter("live_vcpus"));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(pipefd[0]);
	close(pipefd[1]);
	wait_for_baseline(_metadata);
}

TEST(kill_while_in_guest)
{
	kill_during(_metadata, 3);
}

TEST(kill_while_asleep_in_wait)
{
	kill_during(_metadata, 1);
}

TEST(kill_with_mmio_read_pending)
{
	kill_during(_metadata, 2);
}

FIXTURE(cycles) {
	int unused;
};

FIXTURE_SETUP(cycles)
{
}

FIXTURE_TEARDOWN(cycles)
{
}

/* About 25 s of QEMU time on a loaded machine: past the default 30 s. */
TEST_F_TIMEOUT(cycles, thousand_create_run_destroy_cycles, 300)
{
	long before = mvc_meminfo_kb("SUnreclaim"), after;
	int i;

	for (i = 0; i < 1000; i++) {
		struct mvc_guest *g = mvc_guest_create("sleeper", MIB);

		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
		ASSERT_TRUE(g->finished);
		mvc_guest_destroy(g);
	}
	after = mvc_meminfo_kb("SUnreclaim");
	ksft_print_msg("SUnreclaim %ld -> %ld KiB over 1000 cycles\n", before,
		       after);
	wait_for_baseline(_metadata);
	/* A leaked VCPU (>12 KiB with its page) would be >12 MiB here. */
	EXPECT_GT(512, after - before);
}

/*
 * Every memory-slot change makes the VCPU take fresh host ASIDs, so 600
 * of them start several ASID generations.  The task running the VCPU must
 * get a fresh ASID too each time: with a stale one it could share a
 * number with a guest view and reach the guest's pages (or freed ones)
 * through shadow entries.  This process checks its own memory after every
 * RUN.
 */
TEST_F_TIMEOUT(cycles, asid_generations_keep_host_and_guests_apart, 300)
{
	struct mvc_guest *g = mvc_guest_create("mmioloop", 8 * MIB);
	uint32_t *mine = mmap(NULL, 512 * 1024, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	void *extra = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	struct mipsvcpu_memory_region r = {
		.slot = 5, .guest_phys_addr = 32 * MIB, .size = 4096,
		.userspace_addr = (uintptr_t)extra,
	};
	uint32_t i, j, bad = 0;

	ASSERT_TRUE(mine != MAP_FAILED);
	for (i = 0; i < 600; i++) {
		r.size = i & 1 ? 0 : 4096;
		ASSERT_EQ(0, ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r));
		for (j = 0; j < 512 * 1024 / 4; j += 1024)
			mine[j] = i ^ j;
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
		g->run->mmio.data = i;
		for (j = 0; j < 512 * 1024 / 4; j += 1024)
			bad += mine[j] != (i ^ j);
	}
	EXPECT_EQ(0, bad);
	/*
	 * The guest stored each value when its read completed, in the next
	 * RUN: the last it completed is 598, into page 598 % 64 = 22.
	 */
	EXPECT_EQ(598, ((uint32_t *)g->ram)[(4 * MIB + 22 * 4096) / 4]);
	munmap(mine, 512 * 1024);
	munmap(extra, 4096);
	mvc_guest_destroy(g);
}

TEST_HARNESS_MAIN
