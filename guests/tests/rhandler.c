// SPDX-License-Identifier: GPL-2.0
/*
 * rhandler.c - a guest kernel's own TLB refill handler, in assembly at
 * EBase as an OS writes one, for the vector's translation of it (the
 * "trace", module/trace_gen.h) against the C emulation: user code walks
 * more 8 KiB pairs than the handler's eight TLB entries hold, so that
 * every load refills, and the handler maps each pair from a page table in
 * RAM and on the way computes, from BadVAddr, Context and EntryHi, values
 * in registers of every kind the translation keeps (the guest's s
 * registers and gp/fp in place, the others in the context, k0 and k1 in
 * their own), which the kernel reports after each pass with the sum of
 * what user code read.  Between passes the kernel changes the handler:
 *
 *  - one word rewritten in place, with no cache operation (the trace must
 *    see it and be made anew);
 *  - a load of MMIO in the middle (the trace stops there: the guest
 *    finishes the handler itself);
 *  - a store in the middle (likewise);
 *  - a second TLB write of the same entry before the last.
 *
 * With the fast paths on, the handler runs translated wherever it can; off,
 * every CP0 instruction goes through C.  The reports must be the same.
 */
#include "test.h"

#define USER_VA		0x00400000u
#define USER_PA		0x00600000u
#define DATA_VA		0x40000000u
#define DATA_VA_HI	0x4000
#define DATA_PA		0x00800000u
#define PT_PA		0x007f0000u	/* EntryLo0, EntryLo1 per pair */
#define PT_HI		0x007f
#define PAIRS		40		/* over 8 TLB entries: all miss */
#define PASSES		2
#define USER_ASID	5
#define PTEBASE		0x12800000u
#define EBASE		0x00002000u
#define STORE_TO	0x1fe0		/* the store phase's target */
#define SLOT		28		/* the handler's word that phases set */
#define PATCH		21		/* addiu v1, v1, 3 */

enum phase { PH_PLAIN, PH_PATCHED, PH_MMIO, PH_STORE, PH_TWICE, PH_END };

extern const u32 user_code[], user_code_end[];
extern const u32 handler[], handler_end[];
extern const u32 ebase_general[], ebase_general_end[];

#define STR(x)	#x
#define XSTR(x)	STR(x)
/* Loads the even page of every pair, PASSES times, then system call 98. */
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n"
	".globl user_code\nuser_code:\n"
	"0:	lui	$t0, " XSTR(DATA_VA_HI) "\n"
	"	li	$t2, " XSTR(PAIRS) "\n"
	"	move	$t1, $zero\n"
	"1:	lw	$t3, 0($t0)\n"		/* refill */
	"	addu	$t1, $t1, $t3\n"
	"	addiu	$t2, $t2, -1\n"
	"	bnez	$t2, 1b\n"
	"	 addiu	$t0, $t0, 8192\n"
	"	li	$v0, 98\n"
	"	syscall\n"
	"	b	0b\n"
	"	 nop\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

/*
 * The refill handler: 32 words, the last an eret.  Word SLOT is a nop
 * the phases replace; word PATCH the one rewritten in place.
 */
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n.set noat\n"
	".globl handler\nhandler:\n"
	"	mfc0	$k0, $8\n"		/* 0: BadVAddr */
	"	lui	$k1, " XSTR(PT_HI) "\n"
	"	srl	$k0, $k0, 13\n"
	"	andi	$k0, $k0, 0x3f\n"
	"	sll	$k0, $k0, 3\n"
	"	addu	$k1, $k1, $k0\n"	/* 5 */
	"	lw	$k0, 0($k1)\n"
	"	lw	$k1, 4($k1)\n"
	"	mtc0	$k0, $2\n"		/* EntryLo0 */
	"	mtc0	$k1, $3\n"		/* EntryLo1 */
	"	mfc0	$s0, $4\n"		/* 10: Context */
	"	addu	$s1, $s1, $s0\n"
	"	xor	$gp, $gp, $s1\n"
	"	rotr	$s3, $s1, 7\n"
	"	ext	$t9, $s0, 4, 9\n"
	"	ins	$fp, $t9, 3, 9\n"	/* 15 */
	"	movn	$s7, $s0, $s3\n"
	"	mfc0	$v0, $10\n"		/* EntryHi */
	"	sllv	$a0, $v0, $s0\n"
	"	srav	$ra, $gp, $s3\n"
	"	nor	$t8, $ra, $a0\n"	/* 20 */
	"	addiu	$v1, $v1, 3\n"		/* PATCH */
	"	sltu	$at, $t8, $s1\n"
	"	mfc0	$k0, $8\n"
	"	srl	$k0, $k0, 13\n"
	"	andi	$k0, $k0, 7\n"		/* 25 */
	"	addiu	$k0, $k0, 1\n"
	"	mtc0	$k0, $0\n"		/* Index: 1-8 */
	"	nop\n"				/* SLOT */
	"	ehb\n"
	"	tlbwi\n"			/* 30 */
	"	eret\n"
	".globl handler_end\nhandler_end:\n"
	".globl ebase_general\nebase_general:\n"
	"	lui	$k0, 0x3fc0\n"
	"	ori	$k0, $k0, 0x380\n"
	"	jr	$k0\n"
	"	 nop\n"
	".globl ebase_general_end\nebase_general_end:\n"
	".set pop\n.previous\n");

static enum phase phase;
static u32 passes;

/* What the phases put in SLOT. */
static const u32 slot_word[PH_END] = {
	[PH_PLAIN] = 0,
	[PH_PATCHED] = 0,
	[PH_MMIO] = 0x8dcf0000u,	/* lw t7, 0(t6) */
	[PH_STORE] = 0xac111fe0u,	/* sw s1, STORE_TO($0) */
	[PH_TWICE] = 0x42000002u,	/* tlbwi */
};

static u32 *const live = (u32 *)KSEG0(EBASE);

/* The end of a pass (system call 98): what the handler left, the data. */
static void pass_done(struct frame *f)
{
	static const u8 regs[] = { 1, 3, 4, 16, 17, 19, 23, 24, 25, 28, 30, 31 };
	u32 sum = 0, i;

	for (i = 0; i < sizeof(regs); i++)
		sum = (sum << 3 | sum >> 29) ^ f->gpr[regs[i]];
	report(sum);
	report(f->gpr[9]);	/* t1: what user code read */
	if (phase == PH_MMIO)
		report(f->gpr[15]);	/* t7: the MMIO load's value */
	if (phase == PH_STORE)
		report(*(volatile u32 *)KSEG1(STORE_TO));
	f->epc += 4;
	if (++passes < PASSES)
		return;
	passes = 0;
	if (++phase == PH_END)
		done(0);
	/* The handler changes under the guest's feet: no cache operation. */
	if (phase == PH_PATCHED)
		live[PATCH] = 0x24630005u;	/* addiu v1, v1, 5 */
	live[SLOT] = slot_word[phase];
	if (phase == PH_MMIO)
		f->gpr[14] = TESTDEV_BASE + TESTDEV_DATA;	/* t6 */
}

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f;

	if (exc == 8 && f->gpr[2] == 98) {
		pass_done(f);
		return;
	}
	/* Every refill is the handler's at EBase: anything here is wrong. */
	report(0xdead0000u | f->cause);
	report(f->badvaddr);
	done(1);
}

int main(void)
{
	u32 i;

	for (i = 0; i < 16; i++)
		tlb_write_indexed(i, 0x70000000 + (i << 13), 0, 0, 0);
	mtc0(6, 0, 1);			/* Wired: the code's entry */
	mtc0(4, 0, PTEBASE);
	mtc0(5, 0, 0);
	for (i = 0; i < PAIRS; i++) {
		u32 pa = DATA_PA + i * 8192;

		((volatile u32 *)KSEG1(pa))[0] = 0x1000 * i + 7;
		((volatile u32 *)KSEG1(PT_PA))[2 * i] =
			ENTRYLO(pa, C_CACHED, LO_V | LO_D);
		((volatile u32 *)KSEG1(PT_PA))[2 * i + 1] =
			ENTRYLO(pa + 4096, C_CACHED, LO_V | LO_D);
	}
	load_user_code(user_code, user_code_end, USER_PA);
	load_user_code(handler, handler_end, EBASE);
	load_user_code(ebase_general, ebase_general_end, EBASE + 0x180);
	tlb_write_indexed(0, USER_VA | USER_ASID, 0,
			  ENTRYLO(USER_PA, C_CACHED, LO_V), 0);
	mtc0(15, 1, EBASE);
	set_asid(USER_ASID);
	mtc0(14, 0, USER_VA);
	mtc0(12, 0, ST_KSU_USER | ST_EXL);	/* BEV clear: EBase's vectors */
	__asm__ volatile("eret");
	__builtin_unreachable();
}
