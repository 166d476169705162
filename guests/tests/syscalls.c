// SPDX-License-Identifier: GPL-2.0
/*
 * syscalls.c - the exceptions of guest user mode a guest kernel sees most:
 * system calls (also in a branch delay slot) and FPU instructions of a
 * CPU without an FPU (Coprocessor Unusable, CE 1), thousands of each,
 * each delivered to the guest kernel's general vector and returned from
 * with eret, as a Linux guest's system calls and FPU emulation do.
 */
#include "test.h"

#define USER_VA		0x00400000u
#define USER_PA		0x00600000u
#define USER_ASID	9
#define SYSCALLS	5000
#define SLOT_SYSCALLS	1000
#define FPU_INSNS	1000

extern const u32 user_code[], user_code_end[];

/* Runs at USER_VA in user mode: only relative branches. */
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n.set hardfloat\n"
	".globl user_code\nuser_code:\n"
	"	li $s0, 5000\n"
	"1:	li $v0, 1\n"
	"	syscall\n"			/* SYSCALLS of them */
	"	addiu $s0, $s0, -1\n"
	"	bnez $s0, 1b\n"
	"	nop\n"
	"	li $s0, 1000\n"
	"2:	li $v0, 2\n"
	"	b 3f\n"
	"	syscall\n"			/* SLOT_SYSCALLS, in a slot */
	"3:	addiu $s0, $s0, -1\n"
	"	bnez $s0, 2b\n"
	"	nop\n"
	"	li $s0, 1000\n"
	"4:	mfc1 $t0, $f0\n"		/* FPU_INSNS: CpU, CE 1 */
	"	addiu $s0, $s0, -1\n"
	"	bnez $s0, 4b\n"
	"	nop\n"
	"	li $v0, 99\n"
	"	syscall\n"			/* exit */
	"5:	b 5b\n"
	"	nop\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

static u32 sys, slot, fpu, wrong;

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f;
	u32 bd = !!(f->cause & CAUSE_BD);

	/* From user mode, at the general vector, EXL set, in the code */
	wrong += f->vector != 0x380 || (f->status & (ST_KSU_USER | ST_EXL)) !=
		 (ST_KSU_USER | ST_EXL) || f->epc - USER_VA >= 0x1000;
	if (exc == 8 && f->gpr[2] == 99) {
		report(sys);
		report(slot);
		report(fpu);
		report(wrong);
		done(0);
	}
	if (exc == 8 && f->gpr[2] == 1 && !bd)
		sys++;
	else if (exc == 8 && f->gpr[2] == 2 && bd)
		slot++;
	else if (exc == 11 && ((f->cause >> 28) & 3) == 1 && !bd)
		fpu++;
	else
		wrong++;
	f->epc += bd ? 8 : 4;	/* a slot's branch goes just past it */
}

int main(void)
{
	load_user_code(user_code, user_code_end, USER_PA);
	tlb_write_indexed(0, USER_VA | USER_ASID, 0,
			  ENTRYLO(USER_PA, C_CACHED, LO_V), 0);
	enter_user(USER_VA, USER_ASID);
}
