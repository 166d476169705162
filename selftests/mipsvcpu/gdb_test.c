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
 * value gdb set, ran on after the detach and powered off with 0.  Then
 * U-Boot, debugged by symbol before and after it relocates: it must reach
 * its prompt after the detach.  The build machine's side reports its own
 * TAP (docs/debugging.md).
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"
#include "../../../tools/vcpuctl/rsp.h"

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
	unsigned int i, bit;

	ASSERT_TRUE(g != NULL);
	EXPECT_EQ(0, set_debug(g, 0));
	EXPECT_EQ(0, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE));
	errno = 0;
	EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_SINGLESTEP));
	EXPECT_EQ(EINVAL, errno);
	/* Every control bit outside MIPSVCPU_GUESTDBG_VALID. */
	for (bit = 0; bit < 32; bit++) {
		if (MIPSVCPU_GUESTDBG_VALID & (1u << bit))
			continue;
		errno = 0;
		EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE | 1u << bit));
		EXPECT_EQ(EINVAL, errno) TH_LOG("control bit %u", bit);
	}
	/* No break to hand back yet. */
	EXPECT_EQ(-1, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE |
				   MIPSVCPU_GUESTDBG_INJECT_BP));
	/* Every reserved word, one at a time; the same with it zero passes. */
	for (i = 0; i < ARRAY_SIZE(d.reserved); i++) {
		memset(d.reserved, 0, sizeof(d.reserved));
		d.reserved[i] = 1;
		errno = 0;
		EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_SET_GUEST_DEBUG, &d));
		EXPECT_EQ(EINVAL, errno) TH_LOG("reserved[%u]", i);
	}
	memset(d.reserved, 0, sizeof(d.reserved));
	EXPECT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_SET_GUEST_DEBUG, &d));
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

/*
 * A step the guest's own break interrupted does not outlive a new PC:
 * after SET_REGS the next RUN steps one instruction from there instead
 * of reporting a step that never ran.
 */
TEST(set_regs_ends_a_step_under_way)
{
	struct mvc_guest *g = make_guest();
	uint32_t step = MIPSVCPU_GUESTDBG_ENABLE | MIPSVCPU_GUESTDBG_USE_SW_BP |
			MIPSVCPU_GUESTDBG_SINGLESTEP;
	struct mipsvcpu_regs r;

	ASSERT_TRUE(g != NULL);
	r = regs(g);
	r.pc = ROM_VA + 0x20;	/* the guest's break 7 */
	mvc_ioctl(g->vcpu_fd, MIPSVCPU_SET_REGS, &r);
	ASSERT_EQ(0, set_debug(g, step));
	EXPECT_EQ(ROM_VA + 0x20, run_debug(g, MIPSVCPU_DEBUG_BREAK));
	/* gdb's "jump": back to the start, not injecting the break. */
	r = regs(g);
	r.pc = ROM_VA;
	mvc_ioctl(g->vcpu_fd, MIPSVCPU_SET_REGS, &r);
	EXPECT_EQ(ROM_VA + 0x04, run_debug(g, MIPSVCPU_DEBUG_STEP));
	EXPECT_EQ(1u, regs(g).gpr[T0]);
	mvc_guest_destroy(g);
}

/*
 * The step's break is in memory all VCPUs share: a VM with a second
 * VCPU does not step (EBUSY), neither when set nor in a RUN after.
 */
TEST(no_single_step_with_two_vcpus)
{
	struct mvc_guest *g = make_guest();
	struct mipsvcpu_create_vcpu vc = { .id = 1 };
	uint32_t step = MIPSVCPU_GUESTDBG_ENABLE | MIPSVCPU_GUESTDBG_SINGLESTEP;
	int fd1;

	ASSERT_TRUE(g != NULL);
	ASSERT_EQ(0, set_debug(g, step));
	fd1 = ioctl(g->vm_fd, MIPSVCPU_CREATE_VCPU, &vc);
	ASSERT_LE(0, fd1);
	errno = 0;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(EBUSY, errno);
	EXPECT_EQ(ROM_VA, regs(g).pc);
	errno = 0;
	EXPECT_EQ(-1, set_debug(g, step));
	EXPECT_EQ(EBUSY, errno);
	EXPECT_EQ(0, set_debug(g, MIPSVCPU_GUESTDBG_ENABLE));
	close(fd1);
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

/* A raw protocol client: vcpuctl's stub on a Unix socket. */
struct client {
	int fd;
	struct rsp_rx rx;
	int acks, naks;
};

static int client_connect(struct client *c, const char *path)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	int i;

	strcpy(un.sun_path, path);
	rsp_rx_init(&c->rx);
	for (i = 0; i < 100; i++) {
		c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (!connect(c->fd, (struct sockaddr *)&un, sizeof(un)))
			return 0;
		close(c->fd);
		usleep(100000);
	}
	return -1;
}

static void client_raw(struct client *c, const char *bytes)
{
	if (write(c->fd, bytes, strlen(bytes)) < 0)
		perror("gdb client write");
}

/* The next packet's payload (acks and naks counted), or NULL. */
static const char *client_reply(struct client *c, int timeout_ms)
{
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	uint8_t b;

	while (poll(&p, 1, timeout_ms) == 1 && read(c->fd, &b, 1) == 1) {
		switch (rsp_rx_byte(&c->rx, b)) {
		case RSP_RX_PACKET:
			return c->rx.buf;
		case RSP_RX_ACK:
			c->acks++;
			break;
		case RSP_RX_NAK:
			c->naks++;
			break;
		default:
			break;
		}
	}
	return NULL;
}

static void client_send(struct client *c, const char *payload)
{
	char framed[256];

	rsp_frame(framed, sizeof(framed), payload, strlen(payload));
	client_raw(c, framed);
}

static const char *client_ask(struct client *c, const char *payload)
{
	client_send(c, payload);
	return client_reply(c, 10000) ?: "(no reply)";
}

/*
 * "vcpuctl run --rom GUEST --gdb SOCK --gdb-wait": the stub waits on the
 * Unix socket @sock for a client.  Returns vcpuctl's pid, or -1.
 */
static pid_t start_stub(const char *sock, const char *guest)
{
	pid_t pid;

	unlink(sock);
	pid = fork();
	if (!pid) {
		execlp("vcpuctl", "vcpuctl", "run", "--rom", mvc_guest_path(guest),
		       "--gdb", sock, "--gdb-wait", "--timeout", "120",
		       (char *)NULL);
		_exit(127);
	}
	return pid;
}

/*
 * The stub's protocol from a raw client: bad checksums, malformed and
 * unknown packets, threads, memory, Ctrl-C of a running guest, kill.
 */
TEST(stub_answers_bad_packets_and_ctrl_c)
{
	static const char sock[] = "/tmp/mvc-gdb-test.sock";
	uint8_t image[16];
	char hex[40];
	struct client c = { 0 };
	int status = -1, fd;
	pid_t pid;

	pid = start_stub(sock, "spin");
	ASSERT_LE(0, pid);
	ASSERT_EQ(0, client_connect(&c, sock));
	EXPECT_EQ(0, strncmp(client_ask(&c, "qSupported:swbreak+"), "PacketSize=", 11));
	EXPECT_EQ(1, c.acks);
	/* A wrong checksum: '-', and nothing else. */
	client_raw(&c, "$g#00");
	EXPECT_TRUE(client_reply(&c, 300) == NULL);
	EXPECT_EQ(1, c.naks);
	EXPECT_STREQ("E01", client_ask(&c, "m3fc00000,zz"));
	EXPECT_STREQ("E01", client_ask(&c, "M3fc00000,2:1"));
	EXPECT_STREQ("", client_ask(&c, "qNoSuchThing"));
	EXPECT_STREQ("T05thread:1;", client_ask(&c, "?"));
	EXPECT_STREQ("m1", client_ask(&c, "qfThreadInfo"));
	EXPECT_STREQ("l", client_ask(&c, "qsThreadInfo"));
	EXPECT_STREQ("OK", client_ask(&c, "Hg1"));
	EXPECT_STREQ("E16", client_ask(&c, "Hg2"));
	EXPECT_STREQ("E16", client_ask(&c, "T2"));
	EXPECT_STREQ("0000c03f", client_ask(&c, "p25"));	/* pc */
	EXPECT_STREQ("xxxxxxxx", client_ask(&c, "p26"));	/* f0 */
	EXPECT_STREQ("E22", client_ask(&c, "p48"));
	EXPECT_STREQ("E14", client_ask(&c, "m7ffff000,4"));
	/* Memory reads what the image holds, at the reset vector. */
	fd = open(mvc_guest_path("spin"), O_RDONLY);
	ASSERT_EQ(sizeof(image), read(fd, image, sizeof(image)));
	close(fd);
	rsp_hex_encode(hex, image, sizeof(image));
	EXPECT_STREQ(hex, client_ask(&c, "m3fc00000,10"));
	/* A breakpoint stays hidden from reads. */
	EXPECT_STREQ("OK", client_ask(&c, "Z0,3fc00004,4"));
	EXPECT_STREQ(hex, client_ask(&c, "m3fc00000,10"));
	EXPECT_STREQ("OK", client_ask(&c, "z0,3fc00004,4"));
	EXPECT_STREQ("E14", client_ask(&c, "Z0,3fc00006,4"));
	/* Running: Ctrl-C stops it with SIGINT. */
	client_send(&c, "vCont;c");
	EXPECT_TRUE(client_reply(&c, 500) == NULL);
	client_raw(&c, "\x03");
	EXPECT_STREQ("T02thread:1;", client_reply(&c, 10000) ?: "(no reply)");
	client_send(&c, "k");
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(128 + SIGKILL, WEXITSTATUS(status));
	close(c.fd);
}

/*
 * gdb going away counts as a detach: vcpuctl removes the breakpoint,
 * sends nothing to the closed socket (no SIGPIPE) and the guest runs on
 * to its normal end.
 */
TEST(closed_connection_detaches)
{
	static const char sock[] = "/tmp/mvc-gdb-close.sock";
	struct client c = { 0 };
	int status = -1;
	pid_t pid;

	pid = start_stub(sock, "hello");
	ASSERT_LE(0, pid);
	ASSERT_EQ(0, client_connect(&c, sock));
	EXPECT_STREQ("T05thread:1;", client_ask(&c, "?"));
	/* At the reset vector: the guest would stop there at once. */
	EXPECT_STREQ("OK", client_ask(&c, "Z0,3fc00000,4"));
	close(c.fd);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		TH_LOG("vcpuctl died of signal %d", WTERMSIG(status));
}

static char file_text[1 << 17];

/* Does the file hold @want?  Its text stays in file_text. */
static bool file_has(const char *path, const char *want)
{
	ssize_t n;
	int fd = open(path, O_RDONLY);

	file_text[0] = '\0';
	if (fd < 0)
		return false;
	n = read(fd, file_text, sizeof(file_text) - 1);
	close(fd);
	file_text[n > 0 ? n : 0] = '\0';
	return strstr(file_text, want) != NULL;
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
	printf("MVC-GDB-READY demo\n");
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

/* The guest's side of the U-Boot session. */
TEST_F_TIMEOUT(gdb, uboot_under_gdb_multiarch, 900)
{
	static const char out[] = "/tmp/gdb-uboot.out";
	int status = -1, fd, in[2], i;
	const char *after;
	pid_t pid;

	if (!self->tty)
		SKIP(return, "no debugger on a serial line (mvc_gdb unset)");
	ASSERT_EQ(0, pipe(in));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(in[0], 0);
		dup2(fd, 1);
		dup2(fd, 2);
		execlp("vcpuctl", "vcpuctl", "run", "--gdb", self->tty,
		       "--gdb-wait", "--timeout", "800",
		       "/examples/uboot/guest.dtb", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	for (i = 0; i < 100 && !file_has(out, "gdb stub on"); i++)
		usleep(100000);
	ASSERT_TRUE(file_has(out, "the guest waits for gdb"));
	printf("MVC-GDB-READY uboot\n");
	fflush(stdout);
	/* gdb detaches in board_init_r; U-Boot then reaches its prompt. */
	for (i = 0; i < 7000 && !file_has(out, "mipsvcpu # "); i++)
		usleep(100000);
	kill(pid, SIGTERM);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	close(in[1]);
	if (system("cat /tmp/gdb-uboot.out"))
		TH_LOG("cannot show the guest output");
	EXPECT_TRUE(file_has(out, "gdb detached, the guest runs on"));
	after = strstr(file_text, "gdb detached");
	EXPECT_TRUE(after && strstr(after, "mipsvcpu # "));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(128 + SIGTERM, WEXITSTATUS(status));
}

TEST_HARNESS_MAIN
