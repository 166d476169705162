// SPDX-License-Identifier: GPL-2.0
/*
 * task.c - the program both user tasks run, each in its own address space.
 *
 * A task stores its secret, TASK_SECRET(id), in struct user_info at the
 * same virtual address in both tasks, and checks it after every round of
 * work: if the other task, or the kernel, ever wrote into this task's
 * pages, the value would change.  A round fills and re-reads the 64 KiB
 * work buffer (16 pages, more TLB entries than both tasks together can
 * keep, so refills keep happening) pass after pass for WORK_TICKS timer
 * ticks, then sleeps for SLEEP_TICKS.  Rounds are measured in ticks, not
 * passes, so they outlast a time slice however fast the CPU is, and the
 * timer has to preempt them.  Once a second the task prints a line.
 *
 * At the start each task also hands the kernel a pointer it does not own
 * and prints the -EFAULT it gets back.  Built with -DDEMO_OS_FAULT (make
 * DEMO_OS_USER_FLAGS=-DDEMO_OS_FAULT), task B then writes to its
 * read-only code, to show how the kernel reports an unexpected exception.
 */
#include "ulib.h"

#define WORK_TICKS		3
#define SLEEP_TICKS		2
#define PRINT_EVERY_TICKS	100
#define BUF_WORDS		(USER_BUF_SIZE / sizeof(u32))
#define MIX			0x9e3779b9u	/* golden ratio: spreads bits */
#define FAIL_BUFFER		1
#define FAIL_SECRET		2

struct user_info user_info __section(".data.info");

/* Fill the buffer from seed, read it back; returns the sum. */
static u32 fill_and_check(u32 seed)
{
	volatile u32 *buf = (volatile u32 *)USER_BUF_VA;
	u32 i, sum = 0;

	for (i = 0; i < BUF_WORDS; i++)
		buf[i] = seed + i * MIX;
	for (i = 0; i < BUF_WORDS; i++) {
		if (buf[i] != seed + i * MIX)
			sys_fail(FAIL_BUFFER);
		sum += buf[i];
	}
	return sum;
}

/* Task A tries a low address it has not mapped, task B the kernel's. */
static void probe_bad_pointer(char name, u32 id)
{
	u32 va = id == 0 ? 0x00010000 : USER_TOP;
	s32 r = sys_write((const char *)va, 16);

	uprintf("task %c: write(0x%08x, 16) = %d%s\n", name, va, r,
		r == -EFAULT ? " (EFAULT: not my memory, as expected)" : "");
}

void task_main(u32 id)
{
	const u32 secret = TASK_SECRET(id);
	const char name = 'A' + id;
	u32 round, pass, start, now, next_print = PRINT_EVERY_TICKS;

	user_info.secret = secret;
	uprintf("task %c: hello from user mode: secret 0x%08x at VA %p\n",
		name, secret, &user_info.secret);
	probe_bad_pointer(name, id);
#ifdef DEMO_OS_FAULT
	/* Test build only: task B writes its read-only code (TLB modified). */
	if (id == 1)
		*(volatile u32 *)USER_TEXT_VA = 0;
#endif

	for (round = 1;; round++) {
		start = sys_ticks();
		pass = 0;
		do {
			user_info.checksum = fill_and_check(secret ^ round ^ pass++);
			now = sys_ticks();
		} while (now - start < WORK_TICKS);
		if (user_info.secret != secret)
			sys_fail(FAIL_SECRET);
		user_info.rounds = round;
		if (now >= next_print) {
			uprintf("task %c: tick %u, round %u, secret at %p still 0x%08x\n",
				name, now, round, &user_info.secret,
				user_info.secret);
			next_print = now + PRINT_EVERY_TICKS;
		}
		sys_sleep(SLEEP_TICKS);
	}
}
