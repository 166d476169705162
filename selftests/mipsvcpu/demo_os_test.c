// SPDX-License-Identifier: GPL-2.0
/*
 * demo_os_test.c - the example firmware boots at 0x3fc00000, prints its
 * banner with the RAM it was given in a0/a1, loads the demo guest OS from
 * flash, and the OS runs two user tasks with their own ASIDs, a guest
 * TLB refill handler, syscalls and a timer-driven scheduler for 10 guest
 * seconds without a fault.  Driven through vcpuctl, as a user would.
 */
#include <stdio.h>
#include <sys/wait.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

static char out[65536];

FIXTURE(demo) {
	int unused;
};

FIXTURE_SETUP(demo)
{
}

FIXTURE_TEARDOWN(demo)
{
}

/*
 * Ten guest seconds take longer than the harness's default 30 s in QEMU,
 * and much longer on a loaded machine: the demo OS counts timer interrupts
 * it handled, and a starved nested QEMU handles each one late.  The
 * timeouts are watchdogs, not a speed test.
 */
TEST_F_TIMEOUT(demo, firmware_boots_demo_os_for_ten_seconds, 900)
{
	char cmd[512];
	size_t len = 0, n;
	FILE *f;
	int status;

	snprintf(cmd, sizeof(cmd),
		 "vcpuctl run --rom %s --ram 64M --timeout 800 2>&1 < /dev/null",
		 mvc_guest_path("flash"));
	f = popen(cmd, "r");
	ASSERT_TRUE(f != NULL);
	while ((n = fread(out + len, 1, sizeof(out) - 1 - len, f)) > 0)
		len += n;
	out[len] = 0;
	status = pclose(f);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("vcpuctl status %#x; output:\n%s", status, out);
	EXPECT_TRUE(strstr(out, "mipsvcpu firmware 1.0: RAM 0x00000000 + 64 MiB") != NULL);
	EXPECT_TRUE(strstr(out, "firmware: CRC ok") != NULL);
	EXPECT_TRUE(strstr(out, "task A: hello from user mode") != NULL);
	EXPECT_TRUE(strstr(out, "task B: hello from user mode") != NULL);
	EXPECT_TRUE(strstr(out, "10 s of guest time") != NULL);
	EXPECT_TRUE(strstr(out, "without a fault") != NULL);
	EXPECT_TRUE(strstr(out, "isolated") != NULL);
	EXPECT_TRUE(strstr(out, "demo-os: done") != NULL);
}

TEST_HARNESS_MAIN
