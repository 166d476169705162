// SPDX-License-Identifier: GPL-2.0
/*
 * task.c - building a task: its address space and its first context.
 *
 * Every task gets private physical pages for the user program's text
 * (mapped read-only) and data, a zeroed work buffer and a stack, all at
 * the same virtual addresses (user_abi.h), and an ASID of its own (id + 1;
 * ASID 0 is the idle task's and the boot TLB's).  Its first eret lands on
 * USER_ENTRY in user mode with interrupts on, a0 = its id.
 *
 * The idle task is a kernel-mode loop (vectors.S) on its own stack, with
 * an empty page table.
 */
#include "os.h"

#define STACK_FRAME	16	/* o32 argument save area */

/* Map [va, va + size) to fresh pages and fill them from src. */
static void map_region(struct task *t, u32 va, u32 size, int writable,
		       const u8 *src, u32 src_len)
{
	u32 off, pa, n;

	for (off = 0; off < size; off += PAGE_SIZE) {
		pa = page_alloc();
		map_user_page(t, va + off, pa, writable);
		if (off >= src_len)
			continue;
		n = src_len - off < PAGE_SIZE ? src_len - off : PAGE_SIZE;
		memcpy((void *)KSEG0(pa), src + off, n);
		cache_sync_range(KSEG0(pa), n);
	}
}

static void map_user_program(struct task *t)
{
	u32 len = user_image_end - user_image;
	u32 text_len = len < USER_TEXT_SIZE ? len : USER_TEXT_SIZE;

	map_region(t, USER_TEXT_VA, USER_TEXT_SIZE, 0, user_image, text_len);
	map_region(t, USER_DATA_VA, USER_DATA_SIZE, 1,
		   user_image + text_len, len - text_len);
	map_region(t, USER_BUF_VA, USER_BUF_SIZE, 1, NULL, 0);
	map_region(t, USER_STACK_VA, USER_STACK_SIZE, 1, NULL, 0);
}

void task_create(struct task *t, u32 id)
{
	static const char *const names[] = { "A", "B", "C", "D" };

	t->id = id;
	t->name = names[id % ARRAY_SIZE(names)];
	t->asid = id + 1;
	t->state = TASK_RUNNABLE;
	t->pgd = pgd_alloc();
	map_user_program(t);
	t->tf.epc = USER_ENTRY;
	t->tf.regs[REG_SP] = USER_STACK_VA + (USER_STACK_SIZE - STACK_FRAME);
	t->tf.regs[REG_A0] = id;
	t->tf.status = ST_IM7 | ST_KSU_USER | ST_EXL | ST_IE;
	kprintf("demo-os: task %s: ASID %u, page directory at PA 0x%08x, code at VA 0x%08x\n",
		t->name, t->asid, KSEG_TO_PHYS((u32)t->pgd), USER_ENTRY);
}

void idle_create(struct task *t)
{
	t->name = "idle loop";
	t->id = NR_TASKS;
	t->asid = 0;
	t->state = TASK_RUNNABLE;
	t->pgd = pgd_alloc();
	t->tf.epc = (u32)idle_loop;
	t->tf.regs[REG_SP] = (u32)idle_stack_top - STACK_FRAME;
	t->tf.status = ST_IM7 | ST_EXL | ST_IE;
}
