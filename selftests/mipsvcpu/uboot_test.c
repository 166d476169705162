// SPDX-License-Identifier: GPL-2.0
/*
 * uboot_test.c - a real U-Boot (Debian's 2023.01 with
 * guests/u-boot/patches) as the guest firmware: vcpuctl boots
 * examples/uboot/guest.dts, U-Boot relocates into guest RAM, prints its
 * banner with the RAM it got in a0/a1 and reaches its prompt; the test
 * then types at the prompt through the emulated UART (vcpuctl's stdin is
 * a pipe): version, bdinfo, a RAM write and md, md of the flash, fdt of
 * the guest DTB from a2, and finally bootmvc, which starts the demo OS
 * from the flash; the OS must run and power off with status 0.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define PROMPT		"mipsvcpu # "
#define OUT_SIZE	(256 * 1024)

static char out[OUT_SIZE];
static struct mvc_console con = { .out = out, .size = OUT_SIZE };

FIXTURE(uboot) {
	pid_t pid;
	int to_guest;		/* vcpuctl's stdin */
	int from_guest;		/* vcpuctl's stdout and stderr */
	char dtb[512];
};

/* Types one command line at the prompt and waits for the next prompt. */
static const char *command(FIXTURE_DATA(uboot) *self, const char *line)
{
	char buf[256];
	int len = snprintf(buf, sizeof(buf), "%s\n", line);

	if (write(self->to_guest, buf, len) != len)
		return NULL;
	return mvc_console_wait(&con, PROMPT, 60);
}

FIXTURE_SETUP(uboot)
{
	const char *const args[] = { "run", "--timeout", "240", self->dtb, NULL };
	const char *flash = mvc_guest_path("uboot-flash");
	char *slash;

	self->pid = -1;
	snprintf(self->dtb, sizeof(self->dtb), "%s", flash);
	slash = strrchr(self->dtb, '/');
	snprintf(slash ? slash + 1 : self->dtb,
		 sizeof(self->dtb) - (slash ? slash + 1 - self->dtb : 0),
		 "uboot.dtb");
	if (access(flash, R_OK) || access(self->dtb, R_OK))
		return;
	self->pid = mvc_spawn_vcpuctl(args, &self->to_guest, &self->from_guest);
	ASSERT_LE(0, self->pid);
	con.fd = self->from_guest;
	con.len = 0;
	con.seen = 0;
}

FIXTURE_TEARDOWN(uboot)
{
	if (self->pid <= 0)
		return;
	if (waitpid(self->pid, NULL, WNOHANG) == 0) {
		kill(self->pid, SIGKILL);
		waitpid(self->pid, NULL, 0);
	}
	if (self->to_guest >= 0)
		close(self->to_guest);
	close(self->from_guest);
}

/* U-Boot's start-up, its prompt, its commands, then the demo OS: ~25 s. */
TEST_F_TIMEOUT(uboot, prompt_commands_and_guest_os, 400)
{
	const char *t;
	int status;

	if (self->pid < 0)
		SKIP(return, "no %s: build it with make uboot", self->dtb);

	/* Start-up: banner, the boot registers, RAM from a1, the guest DTB */
	t = mvc_console_wait(&con, PROMPT, 120);
	ASSERT_TRUE(t != NULL) TH_LOG("no U-Boot prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "U-Boot 2023.01") != NULL);
	EXPECT_TRUE(strstr(t, "Board: mipsvcpu guest, VCPU 0") != NULL);
	EXPECT_TRUE(strstr(t, "a0 RAM base 0x00000000, a1 RAM size 0x04000000") != NULL);
	EXPECT_TRUE(strstr(t, "DRAM:  64 MiB") != NULL);
	EXPECT_TRUE(strstr(t, "its UART uart0 at 0x180003f8 is the console") != NULL);

	t = command(self, "version");
	ASSERT_TRUE(t != NULL) TH_LOG("version: no prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "U-Boot 2023.01") != NULL);
	EXPECT_TRUE(strstr(t, "mipsel-linux-gnu-gcc") != NULL);

	/* bdinfo: the RAM bank is a0/a1; U-Boot relocated itself into it */
	t = command(self, "bdinfo");
	ASSERT_TRUE(t != NULL) TH_LOG("bdinfo: no prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "-> start    = 0x00000000") != NULL);
	EXPECT_TRUE(strstr(t, "-> size     = 0x04000000") != NULL);
	EXPECT_TRUE(strstr(t, "relocaddr   = 0x03f") != NULL);

	/* RAM through KSEG0 and back */
	t = command(self, "mw.l 0x01000000 0x5a5aa5a5 4; md.l 0x01000000 4");
	ASSERT_TRUE(t != NULL) TH_LOG("md: no prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "01000000: 5a5aa5a5 5a5aa5a5 5a5aa5a5 5a5aa5a5") != NULL);

	/* The flash: the demo OS's ELF header at 1 MiB */
	t = command(self, "md.l ${os_addr} 1");
	ASSERT_TRUE(t != NULL) TH_LOG("md flash: no prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "1fd00000: 464c457f") != NULL);

	/* The guest DTB from a2 is fdt's working tree */
	t = command(self, "fdt print /guest0/aspace/uart0");
	ASSERT_TRUE(t != NULL) TH_LOG("fdt: no prompt; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "guest_physical_addr = <0x180003f8>") != NULL);

	/* The hand-over: the demo OS gets a0..a3 and runs to its end */
	ASSERT_EQ(19, write(self->to_guest, "bootmvc ${os_addr}\n", 19));
	t = mvc_console_wait(&con, "demo-os: done", 200);
	ASSERT_TRUE(t != NULL) TH_LOG("the demo OS did not finish; output:\n%s", out);
	EXPECT_TRUE(strstr(t, "## Starting the guest OS at 0x00010000: a0 0x00000000, a1 0x04000000") != NULL);
	EXPECT_TRUE(strstr(t, "demo-os: hello: RAM 0x00000000 + 64 MiB") != NULL);
	EXPECT_TRUE(strstr(t, "task A: hello from user mode") != NULL);
	EXPECT_TRUE(strstr(t, "task B: hello from user mode") != NULL);
	EXPECT_TRUE(strstr(t, "without a fault") != NULL);
	EXPECT_TRUE(strstr(t, "isolated") != NULL);

	close(self->to_guest);
	self->to_guest = -1;
	mvc_console_wait(&con, "\xff", 30);	/* the rest, until vcpuctl exits */
	ASSERT_EQ(self->pid, waitpid(self->pid, &status, 0));
	self->pid = 0;
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("vcpuctl status %#x; output:\n%s", status, out);
}

TEST_HARNESS_MAIN
