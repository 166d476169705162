// SPDX-License-Identifier: GPL-2.0
/*
 * uwindow.c - the user window: which part of the user view guest user
 * mode may touch.
 *
 * The guest kernel maps, through its TLB, user pages (ASID 7) at
 * 0x3fffe000-0x40003fff and 0x00400000, and a global page at 0x70000000
 * as Linux maps vmalloc space, reads that page itself, and then runs user
 * code at 0x40000000 that touches each page in turn, step by step ($s7
 * holds the step): loads, stores, a jump to 0x70000000, a load in a delay
 * slot.  The pairs 0x40002000/0x40003000 and 0x3fffe000/0x3ffff000 share
 * one host TLB entry, so a window edge between them splits a pair.  The
 * host runs this under several windows; the guest only reports:
 *
 *   an exception:  step << 16 | ExcCode << 8 | BD << 7 | EPC right << 4 |
 *                  through the refill vector, then BadVAddr
 *   a syscall:     0x5c000000 | step << 16, then a0 (the value loaded)
 *   at the end:    the words the user stores aimed at, and what the kernel
 *                  reads at 0x70000000 and 0x40001000
 */
#include "console.h"
#include "test.h"

#define USER_VA		0x40000000u
#define USER_ASID	7
#define REG_A0		4
#define REG_V0		2
#define REG_S7		23
#define REG_RA		31

/* Guest physical pages (gKSEG0 addresses too). */
#define P_CODE		0x00600000u	/* 0x40000000: the user code */
#define P_DATA		0x00601000u	/* 0x40001000 */
#define P_D2		0x00602000u	/* 0x40002000 */
#define P_D3		0x00603000u	/* 0x40003000 */
#define P_K		0x00604000u	/* 0x70000000, global: the kernel's */
#define P_LOW		0x00605000u	/* 0x00400000 */
#define P_E		0x00606000u	/* 0x3fffe000 */
#define P_F		0x00607000u	/* 0x3ffff000 */

#define JR_RA		0x03e00008u

extern const u32 user_code[], user_code_end[], user_bd_branch[];

#define STEP(n)	"	li $s7, " #n "\n"
#define REPORT	"	li $v0, 1\n	syscall\n"

/* Runs at USER_VA in user mode: only relative branches. */
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n"
	".globl user_code\nuser_code:\n"
	"	lui $s0, 0x4000\n"
	"	lui $s1, 0x7000\n"
	STEP(1) "	li $a0, 0\n	lw $a0, 0x1000($s0)\n" REPORT
	STEP(2) "	li $a0, 0\n	lw $a0, 0($s1)\n" REPORT
	STEP(3) "	sw $s0, 8($s1)\n"
	STEP(4) "	jalr $s1\n	nop\n"
	STEP(5) "	lw $a0, 0x3000($s0)\n"
	STEP(6) "	li $a0, 0\n	lw $a0, 0x2000($s0)\n" REPORT
	STEP(7) "	lw $a0, 0x3000($s0)\n"
	STEP(8) "	sw $s0, 0x3004($s0)\n"
	STEP(9) "	lw $a0, -0x2000($s0)\n"
	STEP(10) "	li $a0, 0\n	lw $a0, -0x1000($s0)\n" REPORT
	STEP(11) "	lw $a0, -0x2000($s0)\n"
	STEP(12) "	lui $t0, 0x40\n	lw $a0, 0($t0)\n"
	STEP(13) "	lui $t0, 0x3ffe\n	lw $a0, 0($t0)\n"
	STEP(14) "	lui $t0, 0x8000\n	lw $a0, 0($t0)\n"
	STEP(15)
	".globl user_bd_branch\nuser_bd_branch:\n"
	"	beq $zero, $zero, 1f\n"
	"	lw $a0, 0($s1)\n"
	"1:	li $v0, 99\n"
	"	syscall\n"
	"2:	b 2b\n"
	"	nop\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

static u32 word(u32 pa, u32 i)
{
	return ((volatile u32 *)pa)[i];
}

/* Is EPC where this exception must point? */
static u32 epc_right(const struct frame *f)
{
	u32 insn, op, addr;

	if (f->cause >> 31)	/* the branch before the delay slot */
		return f->epc == USER_VA +
		       (u32)((const char *)user_bd_branch -
			     (const char *)user_code);
	if (f->epc == f->badvaddr)	/* the fetch itself */
		return 1;
	/* A load or store there, whose address is BadVAddr. */
	insn = *(volatile u32 *)f->epc;
	op = insn >> 26;
	addr = f->gpr[(insn >> 21) & 31] + (u32)(s32)(short)insn;
	return (op == 0x23 || op == 0x2b) && addr == f->badvaddr;
}

static void finish(void)
{
	report(word(P_K, 2));			/* step 3's store */
	report(word(P_D3, 1));			/* step 8's store */
	report(*(volatile u32 *)0x70000000u);	/* the kernel view */
	report(*(volatile u32 *)0x40001000u);
	done(0);
}

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f, step = f->gpr[REG_S7];

	if (exc == 8) {
		if (f->gpr[REG_V0] == 99)
			finish();
		report(0x5c000000u | step << 16);
		report(f->gpr[REG_A0]);
		f->epc += 4;
		return;
	}
	report(step << 16 | exc << 8 | (f->cause >> 31) << 7 |
	       epc_right(f) << 4 | (f->vector == 0x200));
	report(f->badvaddr);
	if (f->epc == f->badvaddr)
		f->epc = f->gpr[REG_RA];	/* back from the jump */
	else
		f->epc += f->cause >> 31 ? 8 : 4;
}

static void fill(u32 pa, u32 v)
{
	u32 i;

	for (i = 0; i < 1024; i++)
		((volatile u32 *)pa)[i] = i ? 0 : v;
}

int main(void)
{
	load_user_code(user_code, user_code_end, P_CODE);
	fill(P_DATA, 0x11110001u);
	fill(P_D2, 0x22220002u);
	fill(P_D3, 0x33330003u);
	fill(P_K, JR_RA);	/* jr ra; nop */
	cache_sync_range(P_K, 0x1000);
	fill(P_LOW, 0x10010010u);
	fill(P_E, 0xeeee000eu);
	fill(P_F, 0xffff000fu);

	tlb_write_indexed(0, USER_VA | USER_ASID, 0,
			  ENTRYLO(P_CODE, C_CACHED, LO_V),
			  ENTRYLO(P_DATA, C_CACHED, LO_V | LO_D));
	tlb_write_indexed(1, 0x40002000u | USER_ASID, 0,
			  ENTRYLO(P_D2, C_CACHED, LO_V | LO_D),
			  ENTRYLO(P_D3, C_CACHED, LO_V | LO_D));
	tlb_write_indexed(2, 0x70000000u, 0,
			  ENTRYLO(P_K, C_CACHED, LO_V | LO_D | LO_G), LO_G);
	tlb_write_indexed(3, 0x00400000u | USER_ASID, 0,
			  ENTRYLO(P_LOW, C_CACHED, LO_V | LO_D), 0);
	tlb_write_indexed(4, 0x3fffe000u | USER_ASID, 0,
			  ENTRYLO(P_E, C_CACHED, LO_V | LO_D),
			  ENTRYLO(P_F, C_CACHED, LO_V | LO_D));
	set_asid(USER_ASID);
	/* The kernel view's own entry for the global page exists now. */
	report(*(volatile u32 *)0x70000000u);

	enter_user(USER_VA, USER_ASID);
}
