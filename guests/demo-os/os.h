/* SPDX-License-Identifier: GPL-2.0 */
/*
 * os.h - the demo OS kernel: its physical layout, the saved user context,
 * tasks, and the functions of each file (grouped by file, a map of the
 * kernel).
 *
 * The kernel runs in kernel mode from KSEG0, never touches a mapped
 * address itself (user memory is read by walking the task's page table and
 * going through KSEG0), and is entered only through exceptions once the
 * tasks run.  It handles one exception at a time: exceptions are taken
 * with interrupts off and the handler runs with EXL cleared, so a fault in
 * the kernel records its EPC and is reported (kernel_fault()).
 */
#ifndef OS_H
#define OS_H

#include "machine.h"
#include "user_abi.h"

#define OS_LOAD_PA	0x00010000	/* the image's load address and entry */
#define NR_TASKS	2
#define TICK_HZ		100		/* 10 ms time slices */
#define TICK_COUNTS	(COUNT_HZ / TICK_HZ)
#define RUN_SECONDS	10		/* of guest time, by CP0 Count */
#define KERNEL_STACK_SIZE 4096
#define IDLE_STACK_SIZE	1024

/* Exit statuses (0: the run completed). */
#define OS_EXIT_USER_FAULT	3	/* unexpected exception in a task */
#define OS_EXIT_KERNEL_FAULT	4	/* exception inside the kernel */
#define OS_EXIT_TASK_FAILED	5	/* a task found its memory corrupt */
#define OS_EXIT_NO_MEMORY	6

/* struct trapframe, for vectors.S */
#define TF_REG(n)	((n) * 4)
#define TF_HI		128
#define TF_LO		132
#define TF_EPC		136
#define TF_STATUS	140
#define TF_CAUSE	144
#define TF_BADVADDR	148
#define TF_SIZE		152

/* GPR numbers, for indexing trapframe.regs */
#define REG_V0		2
#define REG_A0		4
#define REG_A1		5
#define REG_SP		29

#ifndef __ASSEMBLER__
#include "console.h"
#include "format.h"
#include "mips.h"
#include "types.h"

/* A task's context while it does not run: everything eret restores. */
struct trapframe {
	u32 regs[32];
	u32 hi, lo;
	u32 epc, status, cause, badvaddr;
};

enum task_state {
	TASK_RUNNABLE,
	TASK_SLEEPING,
};

struct task {
	struct trapframe tf;	/* first: vectors.S saves here */
	const char *name;
	u32 id;
	u32 asid;		/* EntryHi.ASID while it runs */
	u32 *pgd;		/* its page directory, in KSEG0 */
	enum task_state state;
	u32 wake_tick;
	u32 ticks_run;		/* timer ticks that found it running */
	u32 syscalls[NR_SYSCALLS];	/* [0]: unknown numbers */
};

struct os_stats {
	u32 ticks;
	u32 late_ticks;		/* Compare had to skip ahead */
	u32 idle_ticks;
	u32 context_switches;
	u32 preemptions;	/* a runnable task switched out by the timer */
	u32 spurious_interrupts;
};

extern struct os_stats stats;
extern struct task tasks[NR_TASKS];

/* vectors.S: */
extern char refill_vector[], refill_vector_end[];
extern char general_vector[], general_vector_end[];
extern char idle_stack_top[];
void __noreturn resume_frame(struct trapframe *tf);
void idle_loop(void);

/* os.lds.S, user_blob.S: */
extern char _start[], _end[];
extern const u8 user_image[], user_image_end[];

/* main.c: */
void os_main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu);
void __noreturn os_finish(void);

/* trap.c: */
extern u32 in_handler;
void vectors_install(u32 ram_base);
struct trapframe *trap(struct trapframe *tf);
void __noreturn kernel_fault(u32 cause, u32 epc, u32 badvaddr, u32 status);

/* syscall.c: */
void do_syscall(struct task *t, struct trapframe *tf);

/* sched.c: */
extern struct task *current;
extern struct trapframe *current_tf;
void sched_init(void);
void timer_init(void);
void timer_interrupt(void);
struct trapframe *schedule(void);
void task_sleep(struct task *t, u32 ticks);
void task_yield(struct task *t);

/* task.c: */
void task_create(struct task *t, u32 id);
void idle_create(struct task *t);

/* mm.c: */
extern u32 *pgd_current;
void mm_init(u32 ram_base, u32 ram_size);
u32 page_alloc(void);
u32 *pgd_alloc(void);
void map_user_page(struct task *t, u32 va, u32 pa, int writable);
int user_to_phys(struct task *t, u32 va, u32 *pa);
int copy_from_user(struct task *t, void *dst, u32 uva, u32 len);

/* tlb.c: */
extern u32 tlb_refills;
void tlb_init(void);
void tlb_set_asid(u32 asid);
void tlb_dump(void);
void tlb_report(u32 va, u32 asid);

_Static_assert(__builtin_offsetof(struct trapframe, hi) == TF_HI, "TF_HI");
_Static_assert(__builtin_offsetof(struct trapframe, lo) == TF_LO, "TF_LO");
_Static_assert(__builtin_offsetof(struct trapframe, epc) == TF_EPC, "TF_EPC");
_Static_assert(__builtin_offsetof(struct trapframe, status) == TF_STATUS,
	       "TF_STATUS");
_Static_assert(__builtin_offsetof(struct trapframe, cause) == TF_CAUSE,
	       "TF_CAUSE");
_Static_assert(__builtin_offsetof(struct trapframe, badvaddr) == TF_BADVADDR,
	       "TF_BADVADDR");
_Static_assert(sizeof(struct trapframe) == TF_SIZE, "TF_SIZE");
#endif /* __ASSEMBLER__ */

#endif /* OS_H */
