// SPDX-License-Identifier: GPL-2.0
/*
 * vcpuctl_test.c - what a user sees when something is wrong: vcpuctl's
 * messages and exit codes for a missing image, an image larger than its
 * region, no permission on /dev/mipsvcpu, and a usage error; and how a
 * running vcpuctl stops on SIGINT and SIGTERM.
 */
#include <fcntl.h>
#include <signal.h>
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

/*
 * Starts "vcpuctl run" on a guest that spins for ever, with @sig ignored
 * first if @ignored (as a non-interactive shell starts a background job),
 * sends it @sig a second later and returns its wait status, or -1 if it
 * did not end within 5 s (it is then killed).
 */
static int signal_running_vcpuctl(int sig, bool ignored)
{
	int status, ms;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		int null = open("/dev/null", O_RDWR);

		if (ignored)
			signal(sig, SIG_IGN);
		dup2(null, 0);
		dup2(null, 1);
		execlp("vcpuctl", "vcpuctl", "run", "--rom",
		       mvc_guest_path("spin"), "--timeout", "30", (char *)NULL);
		_exit(127);
	}
	usleep(1000000);
	kill(pid, sig);
	for (ms = 0; ms < 5000; ms += 20) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		usleep(20000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/*
 * Issue 13, finding 7: kill -INT stops a running guest cleanly with exit
 * status 130, even when SIGINT was ignored by whoever started vcpuctl (in
 * raw terminal mode Ctrl-C is a byte for the guest anyway); SIGTERM with
 * 143.  Before, an inherited SIG_IGN kept it running, and otherwise the
 * signal killed it without restoring the terminal.
 */
TEST(sigint_and_sigterm_stop_a_running_guest)
{
	int status;

	status = signal_running_vcpuctl(SIGINT, true);
	EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 130)
		TH_LOG("SIGINT ignored by the parent: status %#x", status);
	status = signal_running_vcpuctl(SIGINT, false);
	EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 130)
		TH_LOG("SIGINT: status %#x", status);
	status = signal_running_vcpuctl(SIGTERM, false);
	EXPECT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 143)
		TH_LOG("SIGTERM: status %#x", status);
}

TEST_HARNESS_MAIN
