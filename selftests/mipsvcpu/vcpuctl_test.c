// SPDX-License-Identifier: GPL-2.0
/*
 * vcpuctl_test.c - what a user sees when something is wrong: vcpuctl's
 * messages and exit codes for a missing image, an image larger than its
 * region, no permission on /dev/mipsvcpu, and a usage error.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

/* Runs @cmd with a shell; returns its exit status, output in @out. */
static int run(const char *cmd, char *out, size_t len)
{
	FILE *f = popen(cmd, "r");
	size_t n;

	if (!f)
		return -1;
	n = fread(out, 1, len - 1, f);
	out[n] = 0;
	return WEXITSTATUS(pclose(f));
}

TEST(missing_image)
{
	char out[1024];

	EXPECT_EQ(66, run("vcpuctl run --rom /nonexistent.bin 2>&1", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "cannot read image /nonexistent.bin") != NULL) TH_LOG("%s", out);
}

TEST(image_larger_than_its_region)
{
	char out[1024];

	/* 5 MiB into the 4 MiB flash of --rom. */
	ASSERT_EQ(0, system("dd if=/dev/zero of=/tmp/big.bin bs=1M count=5 2>/dev/null"));
	EXPECT_EQ(65, run("vcpuctl run --rom /tmp/big.bin 2>&1", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "larger than its region") != NULL) TH_LOG("%s", out);
	unlink("/tmp/big.bin");
}

TEST(no_permission)
{
	char out[1024];
	int pipefd[2], status;
	ssize_t n;
	pid_t pid;

	if (geteuid() != 0)
		SKIP(return, "needs root to drop privileges");
	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		if (setgid(65534) || setuid(65534))
			_exit(2);
		execlp("vcpuctl", "vcpuctl", "version", (char *)NULL);
		_exit(3);
	}
	close(pipefd[1]);
	n = read(pipefd[0], out, sizeof(out) - 1);
	out[n > 0 ? n : 0] = 0;
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	EXPECT_EQ(69, WEXITSTATUS(status));
	EXPECT_TRUE(strstr(out, "no permission to open /dev/mipsvcpu") != NULL) TH_LOG("%s", out);
}

TEST(usage_errors)
{
	char out[2048];

	EXPECT_EQ(64, run("vcpuctl frobnicate 2>&1", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "unknown command") != NULL);
	EXPECT_EQ(0, run("vcpuctl run --help 2>&1", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "Exit status") != NULL);
	EXPECT_EQ(64, run("vcpuctl run --ram 3M 2>&1", out, sizeof(out)));
}

TEST_HARNESS_MAIN
