// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_test.c - hostile guests and hostile userspace.
 *
 * random_guests: seeded, reproducible random guest programs, biased
 * towards privileged instructions, CP0 registers, TLB operations, branches
 * with delay slots and loads/stores into every segment, each run for a
 * bounded time.  Pass: every VCPU ends in a defined state (a clean exit,
 * an internal error, or still running when stopped) and nothing is left
 * behind; the harness outside checks the kernel log for oopses.
 *
 * random_ioctls: random sequences of ioctls with random arguments on the
 * device, VM and VCPU fds, with mmap/munmap of run structures and guest
 * memory and fds closed in every order.
 *
 * Sizes: MVC_FUZZ_PROGRAMS (default 300), MVC_FUZZ_IOCTLS (default 5000),
 * MVC_FUZZ_SEED (default 1).  SDBBP is never generated: a debug exception
 * does not go through EBase and on this host (no EJTAG firmware) it panics
 * the kernel even from an ordinary user process (docs/security.md).
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)
#define PROGRAM_WORDS 1024

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return rng_state >> 32;
}

static long env_long(const char *name, long def)
{
	const char *v = getenv(name);

	return v ? strtol(v, NULL, 0) : def;
}

/* Addresses worth touching: every segment of both views, MMIO, host space. */
static uint32_t interesting_address(void)
{
	static const uint32_t bases[] = {
		0x00000000, 0x00100000, 0x00200000, 0x000ff000, 0x1fc00000,
		0x1fe00000, 0x20000000, 0x20100000, 0x3fc00000, 0x38000000,
		0x3f000500, 0x3f200000, 0x40000000, 0x5ffff000, 0x60000000,
		0x7ffff000, 0x80000000, 0xa0000000, 0xbfc00000, 0xc0000000,
		0xfffff000, 0x00400000, 0x01000000,
	};

	return bases[rnd() % (sizeof(bases) / sizeof(bases[0]))] +
	       (rnd() & 0xffc) + (rnd() % 8 == 0 ? rnd() & 3 : 0);
}

static uint32_t random_insn(void)
{
	uint32_t rs = rnd() & 31, rt = rnd() & 31, rd = rnd() & 31;
	uint32_t imm = rnd() & 0xffff, r = rnd() % 100, w;

	if (r < 12)		/* anything at all, except sdbbp */
		w = rnd();
	else if (r < 30)	/* mfc0/mtc0 of every register */
		w = 0x40000000 | (rnd() & 1 ? 4 : 0) << 21 | rt << 16 |
		    rd << 11 | (rnd() & 7);
	else if (r < 38)	/* tlbr tlbwi tlbwr tlbp eret wait deret */
		w = 0x42000000 | (uint32_t[]){ 1, 2, 6, 8, 0x18, 0x20, 0x1f }[rnd() % 7];
	else if (r < 42)	/* di/ei, cache, sync, synci, rdhwr */
		w = (uint32_t[]){ 0x41606000 | rt << 16, 0x41606020 | rt << 16,
				  0xbc000000 | rs << 21 | rt << 16 | (imm & 0xfc),
				  0x0000000f, 0x041f0000 | rs << 21,
				  0x7c00003b | rt << 16 | (rnd() % 32) << 11 }[rnd() % 6];
	else if (r < 62)	/* loads and stores of every width */
		w = (uint32_t[]){ 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26,
				  0x28, 0x29, 0x2a, 0x2b, 0x2e, 0x30, 0x38,
				  0x31, 0x39 }[rnd() % 16] << 26 |
		    (rnd() % 8 + 8) << 21 | rt << 16 | (imm & 0x1ff);
	else if (r < 78)	/* branches and jumps, short range */
		w = (uint32_t[]){ 0x10000000, 0x14000000, 0x18000000,
				  0x1c000000, 0x50000000, 0x04000000,
				  0x04110000, 0x00000008, 0x00000009,
				  0x0c000000 }[rnd() % 10] |
		    rs << 21 | (imm & 0x1f);
	else if (r < 86)	/* syscall, break, traps, overflow */
		w = (uint32_t[]){ 0x0000000c, 0x0000000d,
				  0x00000034 | rs << 21 | rt << 16,
				  0x00000020 | rs << 21 | rt << 16 | rd << 11,
				  0x20000000 | rs << 21 | rt << 16 | imm }[rnd() % 5];
	else			/* ordinary arithmetic */
		w = 0x24000000 | rs << 21 | rt << 16 | imm;
	if ((w & 0xfc00003f) == 0x7000003f)	/* sdbbp */
		w = 0;
	return w;
}

static void make_program(uint32_t *p)
{
	uint32_t i, reg, a;

	/* t0..t7 (the load/store bases) hold interesting addresses. */
	for (i = 0, reg = 8; reg < 16; reg++) {
		a = interesting_address();
		p[i++] = 0x3c000000 | reg << 16 | a >> 16;		/* lui */
		p[i++] = 0x34000000 | reg << 21 | reg << 16 | (a & 0xffff);
	}
	for (; i < PROGRAM_WORDS; i++)
		p[i] = random_insn();
}

FIXTURE(fuzz) {
	int unused;
};

FIXTURE_SETUP(fuzz)
{
}

FIXTURE_TEARDOWN(fuzz)
{
}

/* make fuzz runs 10,000 programs: far past the default 30 s. */
TEST_F_TIMEOUT(fuzz, random_guests, 7200)
{
	long n = env_long("MVC_FUZZ_PROGRAMS", 300), i;
	uint32_t *prog = malloc(PROGRAM_WORDS * 4);
	long outcome[8] = { 0 };
	int ret;

	rng_state = env_long("MVC_FUZZ_SEED", 1);
	for (i = 0; i < n; i++) {
		struct mvc_guest *g;

		make_program(prog);
		g = mvc_guest_create_from(prog, PROGRAM_WORDS * 4, MIB);
		g->quiet = true;	/* internal errors are expected here */
		g->testdev_data = rnd();
		ret = mvc_guest_run(g, 20);
		if (ret == -ETIMEDOUT)
			outcome[0]++;
		else if (ret == MIPSVCPU_EXIT_INTERNAL_ERROR)
			outcome[1]++;
		else if (g->finished)
			outcome[2]++;
		else
			outcome[3]++;
		/* A defined state: stopped, died cleanly, or finished. */
		EXPECT_TRUE(ret == -ETIMEDOUT || ret == MIPSVCPU_EXIT_INTERNAL_ERROR ||
			    g->finished) TH_LOG("program %ld: %d", i, ret);
		mvc_guest_destroy(g);
	}
	ksft_print_msg("FUZZ guests: %ld programs: %ld stopped running, %ld internal errors, %ld powered off, %ld other\n",
		       n, outcome[0], outcome[1], outcome[2], outcome[3]);
	EXPECT_EQ(0, outcome[3]);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	free(prog);
}

#define NFDS 8

TEST_F_TIMEOUT(fuzz, random_ioctls, 7200)
{
	static const unsigned int cmds[] = {
		MIPSVCPU_GET_API_VERSION, MIPSVCPU_CREATE_VM,
		MIPSVCPU_GET_VCPU_MMAP_SIZE, MIPSVCPU_SET_MEMORY_REGION,
		MIPSVCPU_CREATE_VCPU, MIPSVCPU_RUN, MIPSVCPU_GET_REGS,
		MIPSVCPU_SET_REGS, MIPSVCPU_GET_CP0, MIPSVCPU_SET_CP0,
		MIPSVCPU_IRQ_LINE, MIPSVCPU_GET_STATS, MIPSVCPU_SET_GUEST_DEBUG,
		MIPSVCPU_TRANSLATE, MIPSVCPU_REGISTER_COALESCED_MMIO,
		MIPSVCPU_UNREGISTER_COALESCED_MMIO, _IO(MIPSVCPU_IO, 0x7f),
	};
	long n = env_long("MVC_FUZZ_IOCTLS", 5000), i;
	int fds[NFDS], dev = mvc_open_dev(), k;
	void *maps[NFDS] = { 0 }, *mem;
	uint32_t arg[64];
	long calls = 0;

	rng_state = env_long("MVC_FUZZ_SEED", 1) ^ 0x5a5a;
	mem = mmap(NULL, 16 * MIB, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ASSERT_TRUE(mem != MAP_FAILED);
	for (k = 0; k < NFDS; k++)
		fds[k] = -1;
	for (i = 0; i < n; i++) {
		struct itimerval it = { { 0, 0 }, { 0, 2000 } };
		int slot = rnd() % NFDS, target, fd;
		unsigned int cmd = cmds[rnd() % (sizeof(cmds) / sizeof(cmds[0]))];

		for (k = 0; k < 64; k++)
			arg[k] = rnd() % 4 ? rnd() % 64 : rnd();
		if (cmd == MIPSVCPU_SET_MEMORY_REGION) {
			struct mipsvcpu_memory_region *r = (void *)arg;

			memset(r, 0, sizeof(*r));
			r->slot = rnd() % 18;
			r->guest_phys_addr = (rnd() % 40) << 20;
			r->size = (rnd() % 5) << 20;
			r->userspace_addr = (uintptr_t)mem + ((rnd() % 20) << 20);
			r->flags = rnd() % 3;
		}
		if (cmd == MIPSVCPU_REGISTER_COALESCED_MMIO ||
		    cmd == MIPSVCPU_UNREGISTER_COALESCED_MMIO) {
			struct mipsvcpu_coalesced_zone *z = (void *)arg;

			if (rnd() % 4) {
				memset(z, 0, sizeof(*z));
				z->guest_phys_addr = (rnd() % 40) << 20 |
						     (rnd() % 16) << 2;
				z->size = 1u << (rnd() % 4);
			}
		}
		switch (rnd() % 10) {
		case 0:		/* close something */
			if (maps[slot])
				munmap(maps[slot], 4096);
			maps[slot] = NULL;
			if (fds[slot] >= 0)
				close(fds[slot]);
			fds[slot] = -1;
			continue;
		case 1:		/* map a run structure */
			if (fds[slot] >= 0 && !maps[slot]) {
				void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					       MAP_SHARED, fds[slot], 0);

				if (p != MAP_FAILED) {
					maps[slot] = p;
					if (rnd() & 1)
						memset(p, rnd(), 64);
					if (rnd() & 1)	/* the ring's head */
						((struct mipsvcpu_run *)p)->coalesced.head = rnd();
				}
			}
			continue;
		case 2:		/* unmap and remap guest memory under the VM */
			munmap((char *)mem + ((rnd() % 16) << 20), MIB);
			mmap((char *)mem + ((rnd() % 16) << 20), MIB,
			     PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			continue;
		}
		target = rnd() % 3 == 0 ? dev : fds[rnd() % NFDS];
		if (target < 0)
			target = dev;
		/* Bound RUN: a signal ends it. */
		setitimer(ITIMER_REAL, &it, NULL);
		fd = ioctl(target, cmd, rnd() % 16 ? (unsigned long)arg :
					rnd() % 2 ? 0 : (unsigned long)0x10);
		calls++;
		if (fd >= 0 && (cmd == MIPSVCPU_CREATE_VM ||
				cmd == MIPSVCPU_CREATE_VCPU)) {
			if (fds[slot] >= 0) {
				if (maps[slot])
					munmap(maps[slot], 4096);
				maps[slot] = NULL;
				close(fds[slot]);
			}
			fds[slot] = fd;
		}
	}
	for (k = 0; k < NFDS; k++) {
		if (maps[k])
			munmap(maps[k], 4096);
		if (fds[k] >= 0)
			close(fds[k]);
	}
	close(dev);
	munmap(mem, 16 * MIB);
	ksft_print_msg("FUZZ ioctls: %ld calls\n", calls);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

static void on_alarm(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };

	/* Test children _exit(): flush every line even into a file. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	sigaction(SIGALRM, &sa, NULL);
	return test_harness_run(argc, argv);
}
