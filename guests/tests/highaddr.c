// SPDX-License-Identifier: GPL-2.0
/*
 * highaddr.c - loads, stores and a jump to 0x80000000 and above, which is
 * the host's: each must raise an address error in the guest.  The
 * handler reports ExcCode, BD, BadVAddr and EPC and resumes.
 */
#include "test.h"

static u32 resume_at;

void guest_exception(struct frame *f)
{
	report((f->cause >> 2) & 0x1f);
	report(f->cause >> 31);
	report(f->badvaddr);
	report(f->epc);
	f->epc = resume_at ? resume_at : f->epc + 4;
	resume_at = 0;
}

static void load(u32 addr)
{
	u32 v;

	__asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(addr) : "memory");
}

int main(void)
{
	u32 branch;

	load(0x80000000u);
	load(0xbfc00000u);
	load(0xfffffffcu);
	__asm__ volatile("sb $zero, 0(%0)" :: "r"(0xc0001000u) : "memory");
	/* A jump to the host's space: the fetch itself faults. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la $t0, 1f\n"
			 "sw $t0, %0\n"
			 "li $t9, 0x80001000\n"
			 "jr $t9\n"
			 " nop\n"
			 "1:\n.set pop" : "=m"(resume_at) :: "t0", "t9");
	/* In a delay slot: EPC is the branch and Cause.BD is set. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la %0, 2f\n"
			 "la $t0, 1f\n"
			 "sw $t0, %1\n"
			 "2: b 1f\n"
			 " lw $t0, 0(%2)\n"
			 "1:\n.set pop"
			 : "=&r"(branch), "=m"(resume_at) : "r"(0x90000000u)
			 : "t0");
	report(branch);
	done(0);
	return 0;
}
