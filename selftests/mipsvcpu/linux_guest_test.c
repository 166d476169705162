// SPDX-License-Identifier: GPL-2.0
/*
 * linux_guest_test.c - Linux as a guest (docs/linux-guest.md): Debian's
 * Linux 6.1 with guests/linux/patches, booted by the project firmware
 * from examples/linux/guest.dts, with Debian's own busybox and glibc as
 * its userland.  The test reads the boot log, then types at the guest's
 * shell through vcpuctl's stdin and checks the answers: arithmetic,
 * uname, /proc, the user window, interrupts, sleep, fork+exec, pipes,
 * floating point (the kernel's FPU emulator), the user/kernel boundary
 * (guestcheck, a PIE probe in the initramfs) and the refusal of a
 * position-dependent executable linked below the window; `poweroff -f`
 * must end vcpuctl with status 0.  Once with a 64-entry guest TLB and
 * once with 16.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define PROMPT		MVC_LINUX_PROMPT
#define OUT_SIZE	(512 * 1024)
#define EXAMPLES	MVC_LINUX_DIR

static char out[OUT_SIZE];
static struct mvc_console con = { .out = out, .size = OUT_SIZE };

FIXTURE(linux_guest) {
	pid_t pid;
	int to_guest;		/* vcpuctl's stdin */
	int from_guest;		/* vcpuctl's stdout and stderr */
	char dtb[512];
};

/*
 * Which boots run where: every host boots the 64-entry guest through the
 * project firmware and runs every check; the host with 16 TLB entries
 * (24Kc) also boots it with a 16-entry guest TLB, the one with more
 * (34Kf) through U-Boot's bootmvc; those two run the boot checks, a few
 * commands and poweroff (the full session takes a quarter of an hour in
 * the nested emulation, and make check must stay inside CI's time).  Every
 * host also boots the 64-entry guest with the vector's fast paths off
 * (module parameters fast_emulate and fast_refill) and runs every check:
 * the fast paths must be only a shortcut of what C does.
 */
FIXTURE_VARIANT(linux_guest) {
	const char *dtb;	/* in EXAMPLES */
	int host_tlb;		/* run on a host with 16 / more / any (0) */
	bool uboot;		/* boot at U-Boot's prompt with bootmvc */
	bool full;		/* every shell check, or a few */
	bool slow;		/* with the vector's fast paths off */
};

FIXTURE_VARIANT_ADD(linux_guest, tlb64) {
	.dtb = "guest.dtb", .full = true,
};

FIXTURE_VARIANT_ADD(linux_guest, tlb16) {
	.dtb = "guest-tlb16.dtb", .host_tlb = 16,
};

FIXTURE_VARIANT_ADD(linux_guest, fast_paths_off) {
	.dtb = "guest.dtb", .full = true, .slow = true,
};

FIXTURE_VARIANT_ADD(linux_guest, uboot) {
	.dtb = "uboot.dtb", .host_tlb = 64, .uboot = true,
};

#define UBOOT_PROMPT	"mipsvcpu # "
#define UBOOT_BOOT	"bootmvc 0x3c000000\n"

/* The host's TLB size, from /proc/cpuinfo's tlb_entries. */
static int host_tlb_entries(void)
{
	char line[256];
	FILE *f = fopen("/proc/cpuinfo", "r");
	int n = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "tlb_entries : %d", &n) == 1)
			break;
	if (f)
		fclose(f);
	return n;
}

static uint64_t started;

/* The end of what the guest printed: TH_LOG cuts long messages short. */
static const char *tail(void)
{
	return out + (con.len > 1500 ? con.len - 1500 : 0);
}

/* Progress in the TAP log: what ran, and how long into the test. */
static void note(const char *what)
{
	printf("# linux_guest: %.1f s: %.60s\n", (mvc_now_ns() - started) / 1e9, what);
	fflush(stdout);
}

/*
 * Types one command line at the shell and waits for the next prompt.
 * Returns the output after the echoed command line.
 */
static const char *command(FIXTURE_DATA(linux_guest) *self, const char *line,
			   double secs)
{
	char buf[512];
	int len = snprintf(buf, sizeof(buf), "%s\n", line);
	const char *t, *nl;

	if (write(self->to_guest, buf, len) != len)
		return NULL;
	t = mvc_console_wait(&con, PROMPT, secs);
	note(line);
	if (!t)
		return NULL;
	/* Cut the prompt off the end of the answer. */
	out[con.seen - strlen(PROMPT)] = 0;
	nl = strchr(t, '\n');
	return nl ? nl + 1 : t;
}

/* The field after @label in /proc/interrupts' line for @irq. */
static long irq_count(const char *interrupts, const char *irq)
{
	char key[16];
	const char *p;

	snprintf(key, sizeof(key), "\n%s:", irq);
	p = strstr(interrupts, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static double uptime(const char *t)
{
	return t ? strtod(t, NULL) : -1;
}

FIXTURE_SETUP(linux_guest)
{
	const char *const args[] = { "run", "--timeout", "1500", self->dtb, NULL };

	self->pid = -1;
	self->to_guest = -1;
	snprintf(self->dtb, sizeof(self->dtb), "%s/%s",
		 getenv("MIPSVCPU_LINUX") ?: EXAMPLES, variant->dtb);
	if (access(self->dtb, R_OK))
		return;
	if (variant->host_tlb == 16 && host_tlb_entries() != 16)
		return;
	if (variant->host_tlb > 16 && host_tlb_entries() <= 16)
		return;
	if (variant->slow) {
		ASSERT_EQ(0, mvc_set_param("fast_emulate", 0));
		ASSERT_EQ(0, mvc_set_param("fast_refill", 0));
	}
	self->pid = mvc_spawn_vcpuctl(args, &self->to_guest, &self->from_guest);
	ASSERT_LE(0, self->pid);
	con.fd = self->from_guest;
	con.len = 0;
	con.seen = 0;
	started = mvc_now_ns();
}

FIXTURE_TEARDOWN(linux_guest)
{
	if (variant->slow) {
		mvc_set_param("fast_emulate", 1);
		mvc_set_param("fast_refill", 1);
	}
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

/*
 * Milestones of the boot, in order: their times go to the TAP log.  The
 * first is the project firmware's (U-Boot prints its own).
 */
/* BogoMIPS in hundredths, from a line "...NNN.NN BogoMIPS" or cpuinfo's. */
static long bogomips_at(const char *s)
{
	unsigned int whole, hundredths;

	if (!s || sscanf(s, "%u.%2u", &whole, &hundredths) != 2)
		return -1;
	return whole * 100L + hundredths;
}

static long host_bogomips(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256];
	long v = -1;

	while (f && v < 0 && fgets(line, sizeof(line), f))
		if (!strncmp(line, "BogoMIPS", 8) && strchr(line, ':'))
			v = bogomips_at(strchr(line, ':') + 1);
	if (f)
		fclose(f);
	return v;
}

#define LPJ_FROM_HOST \
	"Calibrating delay loop (skipped), value calculated using timer frequency.. "

static const char *const boot_phases[] = {
	"mipsvcpu firmware", "Linux version 6.1", "Run /init as init process",
	"mipsvcpu linux guest:",
};

static const char *const bad_words[] = {
	"Oops", "BUG:", "WARNING:", "Kernel panic", "rcu_sched self-detected",
	"RCU stall", "rcu: INFO", "Unable to handle", "Call Trace",
};

static void full_checks(struct __test_metadata *_metadata,
			FIXTURE_DATA(linux_guest) *self);

TEST_F_TIMEOUT(linux_guest, boots_to_a_shell_and_runs_debian_userland, 1500)
{
	const char *t, *p;
	unsigned int i;
	int status;

	if (self->pid < 0)
		SKIP(return, "not on this host, or no %s (make linux-guest)",
		     self->dtb);

	if (variant->uboot) {
		t = mvc_console_wait(&con, UBOOT_PROMPT, 300);
		ASSERT_TRUE(t != NULL) TH_LOG("no U-Boot prompt; output:\n%s", tail());
		ASSERT_EQ(strlen(UBOOT_BOOT),
			  write(self->to_guest, UBOOT_BOOT, strlen(UBOOT_BOOT)));
	}

	/* The boot log, up to the first prompt, with the time of each phase */
	for (i = variant->uboot; i < sizeof(boot_phases) / sizeof(boot_phases[0]); i++) {
		t = mvc_console_wait(&con, boot_phases[i], 900);
		ASSERT_TRUE(t != NULL) TH_LOG("no '%s'; output:\n%s",
					      boot_phases[i], tail());
		note(boot_phases[i]);
	}
	con.seen = 0;		/* the checks below read the whole log */
	t = mvc_console_wait(&con, PROMPT, 900);
	note("boot to the shell prompt");
	ASSERT_TRUE(t != NULL) TH_LOG("no shell prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "Linux version 6.1") != NULL);
	EXPECT_TRUE(strstr(t, "(MIPS 24Kc)") != NULL);
	EXPECT_TRUE(strstr(t, "/65536K available") != NULL);
	EXPECT_TRUE(strstr(t, "clocksource: MIPS:") != NULL);
	EXPECT_TRUE(strstr(t, "Switched to clocksource MIPS") != NULL);
	EXPECT_TRUE(strstr(t, "ttyS0 at MMIO 0x180003f8") != NULL);
	EXPECT_TRUE(strstr(t, "is a 16550A") != NULL);
	EXPECT_TRUE(strstr(t, "Run /init as init process") != NULL);
	EXPECT_TRUE(strstr(t, "mipsvcpu linux guest: Linux 6.1") != NULL);
	/* Patch 7: the delay loop's rate is the host's, from the power register. */
	p = strstr(t, LPJ_FROM_HOST);
	EXPECT_TRUE(p != NULL) TH_LOG("the guest timed its delay loop");
	if (p) {
		long guest = bogomips_at(p + strlen(LPJ_FROM_HOST));
		long host = host_bogomips();

		EXPECT_LT(0, host);
		EXPECT_TRUE(labs(guest - host) <= 1)
			TH_LOG("guest %ld, host %ld hundredths of BogoMIPS", guest, host);
	}

	t = command(self, "echo $((6*7))", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("echo: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "42", 2) == 0) TH_LOG("echo: %s", t);

	t = command(self, "uname -r", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("uname: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "6.1.", 4) == 0) TH_LOG("uname: %s", t);

	if (variant->full)
		full_checks(_metadata, self);

	/* Nothing went wrong in the guest kernel */
	t = command(self, "dmesg", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("dmesg: no prompt; output:\n%s", tail());
	for (i = 0; i < sizeof(bad_words) / sizeof(bad_words[0]); i++) {
		const char *hit = strstr(out, bad_words[i]);

		EXPECT_TRUE(hit == NULL) TH_LOG("in the guest's output: %.200s", hit);
	}

	ASSERT_EQ(12, write(self->to_guest, "poweroff -f\n", 12));
	close(self->to_guest);
	self->to_guest = -1;
	mvc_console_wait(&con, "\xff", 300);	/* the rest, until vcpuctl exits */
	ASSERT_EQ(self->pid, waitpid(self->pid, &status, 0));
	self->pid = 0;
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("vcpuctl status %#x; output:\n%s", status, out);
}

/* Everything but the boot: the shell session of the list. */
static void full_checks(struct __test_metadata *_metadata,
			FIXTURE_DATA(linux_guest) *self)
{
	long timer0, uart0, timer1, uart1;
	double up0, up1;
	const char *t;

	t = command(self, "cat /proc/cpuinfo", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("cpuinfo: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "mipsvcpu guest") != NULL) TH_LOG("%s", t);
	EXPECT_TRUE(strstr(t, "MIPS 24Kc") != NULL) TH_LOG("%s", t);

	/* A clock event device: the r4k timer on IP7 */
	t = command(self, "grep -c 'Clock Event Device: MIPS' /proc/timer_list", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("timer_list: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "1", 1) == 0) TH_LOG("timer_list: %s", t);

	/* Every mapping of a process inside the user window */
	t = command(self, "guestcheck maps", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("maps: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, ", 0 outside 0x40000000-0x70000000") != NULL)
		TH_LOG("%s", t);
	/* ... naming its files (d_path() reads names with a nofault copy) */
	t = command(self, "cat /proc/self/maps", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("maps: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, " /bin/busybox") != NULL) TH_LOG("%s", t);
	EXPECT_TRUE(strstr(t, " /lib/mipsel-linux-gnu/libc.so.6") != NULL)
		TH_LOG("%s", t);

	/* Time passes and interrupts arrive: timer (7) and UART (2) */
	t = command(self, "cat /proc/interrupts; cat /proc/uptime", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("interrupts: no prompt; output:\n%s", tail());
	timer0 = irq_count(t - 1, "  7");
	uart0 = irq_count(t - 1, "  2");
	up0 = uptime(strrchr(t, ':') ? strchr(strrchr(t, ':'), '\n') : NULL);
	t = command(self, "sleep 1; cat /proc/interrupts; cat /proc/uptime", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("sleep: no prompt; output:\n%s", tail());
	timer1 = irq_count(t - 1, "  7");
	uart1 = irq_count(t - 1, "  2");
	up1 = uptime(strrchr(t, ':') ? strchr(strrchr(t, ':'), '\n') : NULL);
	EXPECT_LT(0, timer0) TH_LOG("%s", t);
	EXPECT_LT(timer0, timer1) TH_LOG("%s", t);
	EXPECT_LT(0, uart0) TH_LOG("%s", t);
	EXPECT_LT(uart0, uart1) TH_LOG("%s", t);
	EXPECT_LE(up0 + 1.0, up1) TH_LOG("uptime %.2f then %.2f", up0, up1);

	/* 50 times fork + exec of a dynamically linked PIE */
	t = command(self, "i=0; while [ $i -lt 50 ]; do /bin/true || break; i=$((i+1)); done; echo forked $i", 1200);
	ASSERT_TRUE(t != NULL) TH_LOG("fork loop: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "forked 50") != NULL) TH_LOG("%s", t);

	/*
	 * A pipe, and floating point: busybox's seq counts in doubles, every
	 * FP instruction of the guest (no FPU) trapping to the kernel's
	 * emulator, whose branch-delay-slot frames flush a page from the
	 * caches with 512 cache instructions (docs/linux-guest.md).
	 */
	t = command(self, "seq 1000 | wc -l", 600);
	ASSERT_TRUE(t != NULL) TH_LOG("seq: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "1000", 4) == 0) TH_LOG("%s", t);
	t = command(self, "seq 998 1000 | tr '\\n' ' '", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("seq: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "998 999 1000 ", 13) == 0) TH_LOG("%s", t);

	/* Floating point through the kernel's FPU emulator */
	/* Debian's busybox awk has no math functions (atan2 & co.): arithmetic. */
	t = command(self, "awk 'BEGIN { printf \"%.6f\\n\", 355 / 113 * 2.5 }'", 900);
	ASSERT_TRUE(t != NULL) TH_LOG("awk: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strncmp(t, "7.853982", 8) == 0) TH_LOG("%s", t);

	/* The boundary: kernel-space addresses are not user memory */
	t = command(self, "guestcheck kwrite 0x00100000", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("kwrite: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "write: EFAULT") != NULL) TH_LOG("%s", t);
	t = command(self, "guestcheck kread 0x00100000", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("kread: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "read: EFAULT") != NULL) TH_LOG("%s", t);
	t = command(self, "guestcheck mmap 0x00100000", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("mmap: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "mmap fixed 0x100000: Invalid argument") != NULL)
		TH_LOG("%s", t);
	EXPECT_TRUE(strstr(t, "mmap hint 0x100000: inside the window") != NULL)
		TH_LOG("%s", t);
	/* A user load from vmalloc space, which the kernel maps globally */
	t = command(self, "guestcheck peek 0x70000000", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("peek: no prompt; output:\n%s", tail());
	/*
	 * An address error: Linux sends SIGBUS without si_addr (a fault
	 * through the page tables would be SIGSEGV at the address).
	 */
	EXPECT_TRUE(strstr(t, "SIGBUS at ") != NULL ||
		    strstr(t, "SIGSEGV at 0x70000000") != NULL) TH_LOG("%s", t);
	t = command(self, "guestcheck peek 0x00100000", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("peek: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "SIGBUS at ") != NULL ||
		    strstr(t, "SIGSEGV at 0x100000") != NULL) TH_LOG("%s", t);

	/* Debian's busybox-static is linked at 0x00400000: refused at exec */
	t = command(self, "guestcheck exec /bin/busybox-static", 300);
	ASSERT_TRUE(t != NULL) TH_LOG("static: no prompt; output:\n%s", tail());
	EXPECT_TRUE(strstr(t, "exec /bin/busybox-static: Exec format error") != NULL)
		TH_LOG("%s", t);
}

TEST_HARNESS_MAIN
