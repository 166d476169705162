// SPDX-License-Identifier: GPL-2.0
/*
 * sched.c - the timer and the round-robin scheduler.
 *
 * CP0 Count runs at COUNT_HZ; Compare is moved on by TICK_COUNTS at every
 * match (IP7), which gives a tick every 10 ms.  A late tick (the guest did
 * not run for a while) re-arms from the current Count instead of firing a
 * burst.  After RUN_SECONDS of Count the run ends in os_finish().
 *
 * At every tick the running task goes to the back of the line: the next
 * runnable task in id order gets the CPU.  Sleeping tasks wake by tick
 * count.  When nothing is runnable the idle task runs: the kernel-mode
 * "wait" loop of vectors.S.  Switching a task in sets current_tf (where
 * the next exception saves the context), pgd_current (what the refill
 * handler walks) and the ASID in EntryHi.
 */
#include "os.h"

#define RUN_COUNTS	((u32)RUN_SECONDS * COUNT_HZ)

struct os_stats stats;
struct task tasks[NR_TASKS];
static struct task idle_task;

struct task *current = &idle_task;
struct trapframe *current_tf = &idle_task.tf;

static u32 boot_count;		/* Count when the timer started */
static u32 next_compare;
static int need_resched;

static int count_reached(u32 now, u32 target)
{
	return (s32)(now - target) >= 0;
}

static void arm_next_tick(void)
{
	u32 now = read_c0(CP0_COUNT);

	next_compare += TICK_COUNTS;
	if (count_reached(now, next_compare)) {
		stats.late_ticks++;
		next_compare = now + TICK_COUNTS;
	}
	write_c0(CP0_COMPARE, next_compare);	/* also acks IP7 */
}

void timer_init(void)
{
	boot_count = read_c0(CP0_COUNT);
	next_compare = boot_count;
	arm_next_tick();
	kprintf("demo-os: timer: Count at %u Hz, tick every %u counts, run for %u s\n",
		COUNT_HZ, TICK_COUNTS, RUN_SECONDS);
}

static void wake_sleepers(void)
{
	struct task *t;

	for (t = tasks; t < tasks + NR_TASKS; t++)
		if (t->state == TASK_SLEEPING &&
		    count_reached(stats.ticks, t->wake_tick))
			t->state = TASK_RUNNABLE;
}

void timer_interrupt(void)
{
	stats.ticks++;
	if (current == &idle_task)
		stats.idle_ticks++;
	else
		current->ticks_run++;
	arm_next_tick();
	if (read_c0(CP0_COUNT) - boot_count >= RUN_COUNTS)
		os_finish();
	wake_sleepers();
	need_resched = 1;
}

void task_sleep(struct task *t, u32 ticks)
{
	t->state = TASK_SLEEPING;
	t->wake_tick = stats.ticks + (ticks ? ticks : 1);
}

void task_yield(struct task *t)
{
	(void)t;
	need_resched = 1;
}

/* The first runnable task after the current one, round robin. */
static struct task *pick_next(void)
{
	u32 first = current == &idle_task ? 0 : current->id + 1;
	u32 i;

	for (i = 0; i < NR_TASKS; i++) {
		struct task *t = &tasks[(first + i) % NR_TASKS];

		if (t->state == TASK_RUNNABLE)
			return t;
	}
	return &idle_task;
}

static void switch_to(struct task *next)
{
	if (next == current)
		return;
	stats.context_switches++;
	if (current != &idle_task && current->state == TASK_RUNNABLE)
		stats.preemptions++;
	current = next;
	current_tf = &next->tf;
	pgd_current = next->pgd;
	tlb_set_asid(next->asid);
}

struct trapframe *schedule(void)
{
	if (need_resched || current->state != TASK_RUNNABLE) {
		need_resched = 0;
		switch_to(pick_next());
	}
	return current_tf;
}

void sched_init(void)
{
	u32 id;

	idle_create(&idle_task);
	for (id = 0; id < NR_TASKS; id++)
		task_create(&tasks[id], id);
	current = &idle_task;
	current_tf = &idle_task.tf;
	pgd_current = idle_task.pgd;
	tlb_set_asid(idle_task.asid);
	need_resched = 1;	/* the first schedule() starts task 0 */
}
