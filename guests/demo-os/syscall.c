// SPDX-License-Identifier: GPL-2.0
/*
 * syscall.c - the system calls of user_abi.h.
 *
 * Arguments come from the task's saved registers; the result goes back in
 * its v0 and EPC moves past the syscall instruction.  A buffer a task
 * passes is never dereferenced as given: copy_from_user() checks that
 * every byte lies below USER_TOP in a page this task has mapped and reads
 * it through the page's physical address, so a task can print only its
 * own memory and a bad pointer costs it -EFAULT, not the kernel a fault.
 */
#include "os.h"

#define WRITE_CHUNK	64
#define INSN_BYTES	4

static s32 sys_write(struct task *t, u32 uva, u32 len)
{
	char buf[WRITE_CHUNK];
	u32 done, n;

	if (len > USER_WRITE_MAX)
		return -EINVAL;
	for (done = 0; done < len; done += n) {
		n = len - done < WRITE_CHUNK ? len - done : WRITE_CHUNK;
		if (copy_from_user(t, buf, uva + done, n))
			return -EFAULT;
		console_write(buf, n);
	}
	return len;
}

static void __noreturn sys_fail(struct task *t, u32 code)
{
	kprintf("\ndemo-os: task %s reports corrupt memory (code %u)\n",
		t->name, code);
	board_power_off(OS_EXIT_TASK_FAILED);
}

static s32 dispatch(struct task *t, u32 nr, u32 a0, u32 a1)
{
	switch (nr) {
	case SYS_WRITE:
		return sys_write(t, a0, a1);
	case SYS_SLEEP:
		task_sleep(t, a0);
		return 0;
	case SYS_YIELD:
		task_yield(t);
		return 0;
	case SYS_TICKS:
		return stats.ticks;
	case SYS_FAIL:
		sys_fail(t, a0);
	default:
		return -ENOSYS;
	}
}

void do_syscall(struct task *t, struct trapframe *tf)
{
	u32 nr = tf->regs[REG_V0];

	/* trap.c refuses syscalls in delay slots: EPC is the syscall. */
	tf->epc += INSN_BYTES;
	t->syscalls[nr < NR_SYSCALLS ? nr : 0]++;
	tf->regs[REG_V0] = dispatch(t, nr, tf->regs[REG_A0], tf->regs[REG_A1]);
}
