// SPDX-License-Identifier: GPL-2.0
/*
 * usermode.c - guest user mode through the guest TLB: eret to KSU=user,
 * syscalls back into the guest kernel, the host's space and CP0 denied,
 * and the user view not seeing the kernel view's gKSEG0.
 */
#include "test.h"

#define USER_VA		0x00400000u
#define USER_PA		0x00600000u
#define USER_ASID	7

extern const u32 user_code[], user_code_end[];

/* Runs at USER_VA in user mode: only relative branches. */
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n"
	".globl user_code\nuser_code:\n"
	"	li $v0, 1\n"
	"	syscall\n"			/* 1: a syscall */
	"	lui $t0, 0x8000\n"
	"	lw $t1, 0($t0)\n"		/* 2: the host's space */
	"	mfc0 $t1, $12\n"		/* 3: CP0 from user mode */
	"	lw $t1, 0x1000($zero)\n"	/* 4: gKSEG0 is not there */
	"	li $v0, 2\n"
	"	li $a0, 0x5a5a\n"
	"	syscall\n"			/* 5: a0 reaches the kernel */
	"	li $v0, 99\n"
	"	syscall\n"			/* exit */
	"1:	b 1b\n"
	"	nop\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f;

	report(exc);
	report(f->vector);
	report(f->epc - USER_VA);
	report(f->status & (ST_KSU_USER | ST_EXL));
	switch (exc) {
	case 8:		/* Sys */
		if (f->gpr[2] == 99)
			done(0);
		if (f->gpr[2] == 2)
			report(f->gpr[4]);
		break;
	case 4:		/* AdEL */
	case 2:		/* TLBL: user view miss */
		report(f->badvaddr);
		break;
	case 11:	/* CpU */
		report((f->cause >> 28) & 3);
		break;
	}
	f->epc += 4;
}

int main(void)
{
	load_user_code(user_code, user_code_end, USER_PA);
	*(volatile u32 *)0x1000 = 0xfeedu;	/* gKSEG0 RAM, kernel view */
	tlb_write_indexed(0, USER_VA | USER_ASID, 0,
			  ENTRYLO(USER_PA, C_CACHED, LO_V), 0);
	enter_user(USER_VA, USER_ASID);
}
