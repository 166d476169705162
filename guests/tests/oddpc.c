// SPDX-License-Identifier: GPL-2.0
/*
 * oddpc.c - eret and jumps to an odd address.  The guest's CPU has neither
 * MIPS16e (Config1.CA = 0) nor microMIPS (Config3.ISA = 0), so the fetch
 * there is an address error: AdEL with EPC = BadVAddr = the address, BD
 * clear.  The target holds MIPS16e "break" instructions, which a host
 * with MIPS16e would run instead.  Four ways there: eret from EXL, eret
 * from ERL, a jump whose delay slot the module emulates (an mfc0), and a
 * jump the guest executes itself.  Reports, for each: ExcCode, BD, EPC
 * and BadVAddr relative to the target.
 */
#include "test.h"

/* At a word boundary: MIPS16e break, break. */
__asm__(".pushsection .text\n.align 2\n"
	"m16_target:\n.hword 0xe805\n.hword 0xe805\n.popsection");
extern char m16_target[];

static volatile u32 resume;

void guest_exception(struct frame *f)
{
	u32 target = (u32)m16_target;

	report((f->cause >> 2) & 0x1f);
	report(f->cause >> 31);
	report(f->epc - target);
	report(f->badvaddr - target);
	f->epc = resume;
}

/* Runs @insns with t1 = the odd target; the exception resumes after. */
#define TO_ODD(insns) __asm__ volatile(".set push\n.set noreorder\n"	\
	"la $t0, 1f\n sw $t0, %0\n"					\
	"la $t1, m16_target\n ori $t1, $t1, 1\n"			\
	insns "\n1:\n.set pop"						\
	: "=m"(resume) :: "t0", "t1", "t2", "memory")

int main(void)
{
	/* eret with EXL: to EPC. */
	TO_ODD("mtc0 $t1, $14\n mfc0 $t2, $12\n ori $t2, $t2, 2\n"
	       "mtc0 $t2, $12\n ehb\n eret\n nop");
	/* eret with ERL: to ErrorEPC. */
	TO_ODD("mtc0 $t1, $30\n mfc0 $t2, $12\n ori $t2, $t2, 4\n"
	       "mtc0 $t2, $12\n ehb\n eret\n nop");
	/* A jump the module finishes: its delay slot traps. */
	TO_ODD("jr $t1\n mfc0 $t2, $12");
	/* A jump the guest executes. */
	TO_ODD("jr $t1\n nop");
	done(0);
	return 0;
}
