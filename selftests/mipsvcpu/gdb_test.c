// SPDX-License-Identifier: GPL-2.0
/*
 * gdb_test.c - guest debugging: MIPSVCPU_SET_GUEST_DEBUG, single steps
 * across branches and their delay slots in read-only flash, the guest's
 * own break handed back to it, MIPSVCPU_TRANSLATE; and the gdb session.
 *
 * The session: when the MIPS host was booted with a debugger on its
 * second serial port (tools/mipshost/run.sh passes mvc_gdb=/dev/ttyS1 and
 * runs tools/mipshost/gdb-session.sh on the build machine), the demo guest
 * runs under "vcpuctl run --gdb /dev/ttyS1 --gdb-wait"; Debian's
 * gdb-multiarch drives it from the other side (breakpoints in flash, in
 * the demo OS and in a user task, stepi, registers, a variable set to
 * 4242) and detaches.  This test checks the guest's side: it printed the
 * value gdb set, ran on after the detach and powered off with 0.  The
 * build machine's side reports its own TAP (docs/debugging.md).
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define ROM_VA		0x3fc00000u
#define BEV_GENERAL	0x3fc00380u
#define T0 8
#define T1 9
#define T2 10
#define T3 11
#define T4 12
#define RA 31

/* Hand-assembled, so that every address is known. */
static const uint32_t program[] = {
	0x24080001,	/* 00: addiu t0, zero, 1 */
	0x10000003,	/* 04: b 0x14 */
	0x24090002,	/* 08:  addiu t1, zero, 2 (delay slot) */
	0x240a0003,	/* 0c: addiu t2, zero, 3 (skipped) */
	0x00000000,	/* 10: nop */
	0x0ff00008,	/* 14: jal 0x3fc00020 */
	0x240b0004,	/* 18:  addiu t3, zero, 4 (delay slot) */
	0x00000000,	/* 1c: nop */
	0x000001cd,	/* 20: break 7: the guest's own */
};

/* At the BEV general vector: mark, then power off through MMIO. */
static const uint32_t handler[] = {
	0x240c0055,	/* 380: addiu t4, zero, 0x55 */
	0x3c0d3f00,	/* 384: lui t5, 0x3f00 */
	0xada00504,	/* 388: sw zero, 0x504(t5): power off, 0 */
	0x00000000,	/* 38c: nop */
};

static struct mvc_guest *make_guest(void)
{
	static uint8_t image[0x400];

	memcpy(image, program, sizeof(program));
	memcpy(image + 0x380, handler, sizeof(handler));
	return mvc_guest_create_from(image, sizeof(image), 1 << 20);
}

static int set_debug(struct mvc_guest *g, uint32_t control)
{
	struct mipsvcpu_guest_debug d = { .control = control };

	return ioctl(g->vcpu_fd, MIPSVCPU_SET_GUEST_DEBUG, &d);
}

static struct mipsvcpu_regs regs(struct mvc_guest *g)
{
	struct mipsvcpu_regs r;

	mvc_ioctl(g->vcpu_fd, MIPSVCPU_GET_REGS, &r);
	return r;
}

static uint32_t cp0(struct mvc_guest *g, uint32_t rd)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, 0) };

	mvc_ioctl(g->vcpu_fd, MIPSVCPU_GET_CP0, &r);
	return r.value;
}

/* One RUN that must end in a debug exit of @reason; returns the PC. */
static uint32_t run_debug(struct mvc_guest *g, uint32_t reason)
{
	if (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) < 0 ||
	    g->run->exit_reason != MIPSVCPU_EXIT_DEBUG ||
	    g->run->debug.reason != reason)
		return 0xdeadbeef;
	return g->run->debug.pc;
}

TEST(guest_debug_validates_every_field)
{
	struct mvc_guest *g = make_guest();
	struct mipsvcpu_guest_debug d = { .control = MIPSVCPU_GUESTDBG_ENABLE };

	ASSERT_TRUE(g != NULL);
	EXPECT_EQ(0, set_debug(g, 0));
	EXPECT_EQ(0, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE));
	errno = 0;
	EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_SINGLESTEP));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE | 0x10));
	/* No break to hand back yet. */
	EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE |
				   MIPSVCPU_GUESTDBG_INJECT_BP));
	d.reserved[6] = 1;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_SET_GUEST_DEBUG, &d));
	mvc_guest_destroy(g);
}

TEST(translate_follows_the_guest_map)
{
	struct mvc_guest *g = make_guest();
	struct mipsvcpu_translation x = { .gva = ROM_VA + 0x20 };

	ASSERT_TRUE(g != NULL);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	EXPECT_EQ(1, x.valid);
	EXPECT_EQ(0x1fc00020u, x.gpa);
	EXPECT_EQ(0, x.mapped);
	EXPECT_EQ(MIPSVCPU_VIEW_KERNEL, x.view_used);	/* EXL at reset */
	x = (struct mipsvcpu_translation){ .gva = 0x1234, .view = MIPSVCPU_VIEW_KERNEL };
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	EXPECT_EQ(0x1234u, x.gpa);
	/* The user view goes through the guest TLB, empty now. */
	x = (struct mipsvcpu_translation){ .gva = 0x1234, .view = MIPSVCPU_VIEW_USER };
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	EXPECT_EQ(0, x.valid);
	EXPECT_EQ(1, x.mapped);
	EXPECT_EQ(MIPSVCPU_VIEW_USER, x.view_used);
	x = (struct mipsvcpu_translation){ .gva = 0x80000000u };
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	EXPECT_EQ(0, x.valid);
	/* Every field is checked. */
	x = (struct mipsvcpu_translation){ .view = 3 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	x = (struct mipsvcpu_translation){ .flags = 2 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	x = (struct mipsvcpu_translation){ .asid = 1 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	x = (struct mipsvcpu_translation){ .flags = MIPSVCPU_XLATE_ASID, .asid = 256 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	x = (struct mipsvcpu_translation){ .reserved[3] = 1 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	x = (struct mipsvcpu_translation){ .valid = 1 };
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_TRANSLATE, &x));
	mvc_guest_destroy(g);
}

/*
 * Steps through a branch and a jal with their delay slots, in flash the
 * guest cannot write, which reads the same before and after; the guest's
 * own break exits, goes back to the guest, and the guest handles it.
 */
TEST(single_steps_and_the_guests_own_break)
{
	struct mvc_guest *g = make_guest();
	uint32_t step = MIPSVCPU_GUESTDBG_ENABLE | MIPSVCPU_GUESTDBG_USE_SW_BP |
			MIPSVCPU_GUESTDBG_SINGLESTEP;
	struct mipsvcpu_cp0_reg status = { .id = MIPSVCPU_CP0_ID(12, 0),
					   .value = 0x00400000 };	/* BEV */
	uint8_t flash[0x400];

	ASSERT_TRUE(g != NULL);
	memcpy(flash, g->rom, sizeof(flash));
	/* Out of the reset's EXL, so that the break sets EPC. */
	mvc_ioctl(g->vcpu_fd, MIPSVCPU_SET_CP0, &status);
	ASSERT_EQ(0, set_debug(g, step));
	EXPECT_EQ(ROM_VA + 0x04, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(1u, regs(g).gpr[T0]);
	EXPECT_EQ(0, memcmp(flash, g->rom, sizeof(flash)));
	/* The branch and its delay slot are one step. */
	EXPECT_EQ(ROM_VA + 0x14, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(2u, regs(g).gpr[T1]);
	EXPECT_EQ(0u, regs(g).gpr[T2]);
	EXPECT_EQ(ROM_VA + 0x14, regs(g).pc);
	EXPECT_EQ(ROM_VA + 0x20, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(4u, regs(g).gpr[T3]);
	EXPECT_EQ(ROM_VA + 0x1c, regs(g).gpr[RA]);
	EXPECT_EQ(0, memcmp(flash, g->rom, sizeof(flash)));
	/* The guest's own break: an exit, then back to the guest. */
	EXPECT_EQ(ROM_VA + 0x20, run_debug(g, MIPSVCPU_DEBUG_BREAK));
	EXPECT_EQ(0x000001cdu, g->run->debug.insn);
	EXPECT_EQ(0u, g->run->debug.cause);
	EXPECT_EQ(ROM_VA + 0x20, regs(g).pc);
	ASSERT_EQ(0, set_debug(g, step | MIPSVCPU_GUESTDBG_INJECT_BP));
	EXPECT_EQ(BEV_GENERAL, regs(g).pc);
	EXPECT_EQ(9u, (cp0(g, 13) >> 2) & 0x1f);	/* Cause.ExcCode Bp */
	EXPECT_EQ(ROM_VA + 0x20, cp0(g, 14));		/* EPC */
	EXPECT_EQ(-1, set_debug(g, step | MIPSVCPU_GUESTDBG_INJECT_BP));
	/* The step was under way: it ended at the vector. */
	EXPECT_EQ(BEV_GENERAL, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(BEV_GENERAL + 4, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(0x55u, regs(g).gpr[T4]);
	EXPECT_EQ(BEV_GENERAL + 8, run_debug(g, MIPSVCPU_DEBUG_STEP));
	/* A step through MMIO: the exit, then the step ends at once. */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	EXPECT_EQ(0x1f000504u, (uint32_t)g->run->mmio.phys_addr);
	EXPECT_EQ(BEV_GENERAL + 12, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(0, memcmp(flash, g->rom, sizeof(flash)));
	mvc_guest_destroy(g);
}

/* Without USE_SW_BP the guest takes its break itself, as before. */
TEST(breaks_reach_the_guest_when_not_caught)
{
	struct mvc_guest *g = make_guest();

	ASSERT_TRUE(g != NULL);
	ASSERT_EQ(0, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	EXPECT_TRUE(g->finished);
	EXPECT_EQ(0x55u, regs(g).gpr[T4]);
	mvc_guest_destroy(g);
}

static bool file_has(const char *path, const char *want)
{
	static char buf[1 << 16];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return strstr(buf, want) != NULL;
}

FIXTURE(gdb) {
	const char *tty;
};

FIXTURE_SETUP(gdb)
{
	self->tty = getenv("mvc_gdb");
}

FIXTURE_TEARDOWN(gdb)
{
}

/* The guest's side of the session gdb-session.sh drives. */
TEST_F_TIMEOUT(gdb, demo_guest_under_gdb_multiarch, 900)
{
	static const char out[] = "/tmp/gdb-guest.out";
	int status = -1, fd, i;
	pid_t pid;

	if (!self->tty)
		SKIP(return, "no debugger on a serial line (mvc_gdb unset)");
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fd, 1);
		dup2(fd, 2);
		execlp("vcpuctl", "vcpuctl", "run", "--gdb", self->tty,
		       "--gdb-wait", "--timeout", "800",
		       "/examples/demo/guest.dtb", (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 100 && !file_has(out, "gdb stub on"); i++)
		usleep(100000);
	ASSERT_TRUE(file_has(out, "the guest waits for gdb"));
	/* gdb-session.sh waits for this line on the console. */
	printf("MVC-GDB-READY\n");
	fflush(stdout);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	if (system("cat /tmp/gdb-guest.out"))
		TH_LOG("cannot show the guest output");
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* gdb set stats.ticks to 4242 in os_finish(), before it printed. */
	EXPECT_TRUE(file_has(out, "timer ticks       4242 "));
	EXPECT_TRUE(file_has(out, "gdb detached, the guest runs on"));
	EXPECT_TRUE(file_has(out, "demo-os: done"));
}

TEST_HARNESS_MAIN
