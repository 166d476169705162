// SPDX-License-Identifier: GPL-2.0
/*
 * lifecycle_test.c - a VCPU's owner dies at the worst moments (in the
 * guest, asleep in WAIT, with an MMIO read pending), and many VMs come
 * and go: everything must be freed, nothing pinned, no kernel warning.
 */
#include <signal.h>
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

TEST_HARNESS_MAIN
