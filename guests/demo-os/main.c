// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - the demo OS's boot and its end.
 *
 * os_main() takes over from the firmware: exception vectors in RAM, the
 * page allocator, a clean TLB, two user tasks and the idle task, the
 * timer; then it erets into the first task and the kernel runs only on
 * exceptions from then on.  After RUN_SECONDS of guest time the timer
 * calls os_finish(), which prints what happened, shows that the two
 * tasks' identical virtual addresses hold different data in different
 * pages, and powers off with status 0.
 */
#include "os.h"

#define MIB		0x00100000

void os_main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu)
{
	kprintf("demo-os: hello: RAM 0x%08x + %u MiB, DTB 0x%08x, CPU %u, kernel 0x%08x-0x%08x\n",
		ram_base, ram_size / MIB, dtb, cpu, (u32)_start, (u32)_end);
	vectors_install(ram_base);
	mm_init(ram_base, ram_size);
	tlb_init();
	sched_init();
	timer_init();
	kprintf("demo-os: %u user tasks, round robin, into user mode\n\n",
		NR_TASKS);
	resume_frame(schedule());
}

static const char *const syscall_names[NR_SYSCALLS] = {
	[0] = "other", [SYS_WRITE] = "write", [SYS_SLEEP] = "sleep",
	[SYS_YIELD] = "yield", [SYS_TICKS] = "ticks", [SYS_FAIL] = "fail",
};

/* Prints what task t did; returns its secret's physical address, 0 if wrong. */
static u32 report_task(struct task *t)
{
	struct user_info info = { 0 };
	u32 total = 0, nr, pa = 0;

	for (nr = 0; nr < NR_SYSCALLS; nr++)
		total += t->syscalls[nr];
	copy_from_user(t, &info, USER_INFO_VA, sizeof(info));
	user_to_phys(t, USER_INFO_VA, &pa);
	kprintf("  task %s (ASID %u): %u syscalls (", t->name, t->asid, total);
	for (nr = 1; nr < NR_SYSCALLS; nr++)
		kprintf("%s%s %u", nr > 1 ? ", " : "", syscall_names[nr],
			t->syscalls[nr]);
	kprintf("), ran %u ticks, %u rounds\n", t->ticks_run, info.rounds);
	kprintf("  task %s: VA 0x%08x -> PA 0x%08x holds secret 0x%08x (expected 0x%08x)\n",
		t->name, USER_INFO_VA, pa, info.secret, TASK_SECRET(t->id));
	return info.secret == TASK_SECRET(t->id) ? pa : 0;
}

/* Same virtual address, distinct pages, each holding its own task's value. */
static int tasks_isolated(const u32 *pa)
{
	u32 i, j;

	for (i = 0; i < NR_TASKS; i++) {
		if (!pa[i])
			return 0;
		for (j = 0; j < i; j++)
			if (pa[i] == pa[j])
				return 0;
	}
	return 1;
}

void os_finish(void)
{
	u32 id, pa[NR_TASKS];

	kprintf("\ndemo-os: %u s of guest time (Count at %u Hz) without a fault\n",
		RUN_SECONDS, COUNT_HZ);
	kprintf("demo-os: summary\n");
	kprintf("  timer ticks       %u (%u ms each, %u late), idle %u\n",
		stats.ticks, 1000 / TICK_HZ, stats.late_ticks, stats.idle_ticks);
	kprintf("  context switches  %u (%u preempting a runnable task)\n",
		stats.context_switches, stats.preemptions);
	kprintf("  TLB refills       %u\n", tlb_refills);
	kprintf("  spurious irqs     %u\n", stats.spurious_interrupts);
	for (id = 0; id < NR_TASKS; id++)
		pa[id] = report_task(&tasks[id]);
	tlb_dump();
	for (id = 0; id < NR_TASKS; id++)	/* the last page a round touches */
		tlb_report(USER_BUF_VA + USER_BUF_SIZE - PAGE_SIZE,
			   tasks[id].asid);
	if (!tasks_isolated(pa)) {
		kprintf("demo-os: the tasks' memory is not isolated\n");
		board_power_off(OS_EXIT_TASK_FAILED);
	}
	kprintf("demo-os: isolated: VA 0x%08x is a different page in every task\n",
		USER_INFO_VA);
	kprintf("demo-os: done\n");
	board_power_off(0);
}
