/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user_abi.h - the contract between the demo OS kernel and its user tasks:
 * the user address space, the syscalls, their errors, and the small block
 * of task state the kernel reads back for its summary.
 *
 * Every task runs the same program (user/) at the same virtual addresses,
 * each in its own physical pages under its own ASID.  All user addresses
 * are below USER_TOP and reach memory only through the TLB, in either
 * address map.
 *
 * Syscalls: v0 = number, a0..a1 = arguments, "syscall"; the result comes
 * back in v0 (negative: -errno) and every other register is preserved.
 */
#ifndef USER_ABI_H
#define USER_ABI_H

#define USER_TOP	0x80000000	/* first address that is not user's */

#define USER_TEXT_VA	0x00400000	/* code and constants, read-only */
#define USER_TEXT_SIZE	0x00004000
#define USER_DATA_VA	0x00404000	/* data and bss, writable */
#define USER_DATA_SIZE	0x00004000
#define USER_BUF_VA	0x00410000	/* work buffer, zero-filled */
#define USER_BUF_SIZE	0x00010000	/* 16 pages: 8 TLB entries */
#define USER_STACK_VA	0x7fffe000	/* the top of the user segment */
#define USER_STACK_SIZE	0x00002000
#define USER_ENTRY	USER_TEXT_VA
#define USER_INFO_VA	USER_DATA_VA	/* struct user_info, first in .data */

#define SYS_WRITE	1	/* (const char *buf, u32 len) -> len */
#define SYS_SLEEP	2	/* (u32 ticks) -> 0 */
#define SYS_YIELD	3	/* () -> 0 */
#define SYS_TICKS	4	/* () -> timer ticks since boot */
#define SYS_FAIL	5	/* (u32 code): the task found its data corrupt */
#define NR_SYSCALLS	6

#define EFAULT		14	/* a buffer not mapped for this task */
#define EINVAL		22
#define ENOSYS		38

#define USER_WRITE_MAX	256	/* longest SYS_WRITE */

/* What task id stores at USER_INFO_VA: 0x1111aaaa, 0x2222bbbb, ... */
#define TASK_SECRET(id)	(0x11110000 * ((id) + 1) + 0xaaaa + 0x1111 * (id))

#ifndef __ASSEMBLER__
struct user_info {
	unsigned int secret;	/* TASK_SECRET(id), checked every round */
	unsigned int rounds;	/* completed work rounds */
	unsigned int checksum;	/* of the last round's buffer */
};
#endif

#endif /* USER_ABI_H */
