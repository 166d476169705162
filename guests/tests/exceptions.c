// SPDX-License-Identifier: GPL-2.0
/*
 * exceptions.c - exceptions a guest raises itself: syscall, break, trap,
 * overflow, reserved instruction, coprocessor 1 unusable, unaligned
 * access, rdhwr, and one in a branch delay slot.  Reports ExcCode, CE,
 * BD and EPC relative to the faulting instruction for each.
 */
#include "test.h"

static volatile u32 expect_epc;

void guest_exception(struct frame *f)
{
	report((f->cause >> 2) & 0x1f);
	report((f->cause >> 28) & 3);
	report(f->cause >> 31);
	report(f->epc - expect_epc);
	f->epc += f->cause >> 31 ? 8 : 4;
}

#define RAISE(insn) __asm__ volatile(".set push\n.set noreorder\n"	\
	"la $t0, 1f\n sw $t0, %0\n1: " insn "\n.set pop"		\
	: "=m"(expect_epc) :: "t0", "t1", "memory")

int main(void)
{
	u32 v;

	RAISE("syscall");
	RAISE("break");
	RAISE("teq $zero, $zero");
	RAISE("lui $t1, 0x7fff\n add $t1, $t1, $t1");
	RAISE(".word 0xfc000000");		/* sd: reserved on MIPS32 */
	RAISE("mfc1 $t1, $f0");
	RAISE("lw $t1, 2($sp)");
	RAISE("b 2f\n syscall\n2:");
	/* rdhwr in kernel mode always works: SYNCI_Step and CPUNum. */
	__asm__ volatile("rdhwr %0, $1" : "=r"(v));
	report(v);
	__asm__ volatile("rdhwr %0, $0" : "=r"(v));
	report(v);
	done(0);
	return 0;
}
