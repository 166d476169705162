// SPDX-License-Identifier: GPL-2.0
/*
 * gprs.c - mtc0 from, and mfc0 and di to, every general register.  The
 * vector's CP0 path saves only a working set of the guest's registers and
 * reaches the instruction's own register where it is (live, in the
 * context, or k1's in ErrorEPC): each case loads all 31 registers with
 * distinct values, runs "mtc0 $N, EPC; mfc0 $M, EPC" (M another register),
 * "di $N" or "ei $N" (with IM clear, so that the vector keeps them: the
 * old Status differs from the new in IE), stores all 31 and checks that
 * exactly the one register
 * changed, to the right value.  Each case reports its number of wrong
 * registers, so one report per case: 0 everywhere.
 *
 * With every register in use there is no base register for the loads and
 * stores: they address guest RAM below 32 KiB from $zero (gKSEG0, below
 * the data at 1 MiB and unused with BEV set).
 */
#include "test.h"

#define AREA_IN		0x1000	/* in[n]: what register n starts with */
#define AREA_OUT	0x1080	/* out[n]: what it ends with */
#define AREA_SAVED	0x1100	/* the C caller's s0-s7, gp, sp, fp, ra */

#define ALL_GPRS	"1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, " \
			"16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, " \
			"29, 30, 31"
#define CALLEE_SAVED	"16, 17, 18, 19, 20, 21, 22, 23, 28, 29, 30, 31"

/*
 * A function gpr_<name>() that runs @insns with every register but $0
 * loaded from in[] and stores them all to out[] after.
 */
#define GPR_CASE(name, insns)						\
__asm__(".pushsection .text\n"						\
	".set push\n.set noreorder\n.set noat\n"			\
	".globl gpr_" #name "\n"					\
	"gpr_" #name ":\n"						\
	".irp n, " CALLEE_SAVED "\n"					\
	"sw $\\n, (0x1100 + 4 * \\n)($0)\n"				\
	".endr\n"							\
	".irp n, " ALL_GPRS "\n"					\
	"lw $\\n, (0x1000 + 4 * \\n)($0)\n"				\
	".endr\n"							\
	insns "\n"							\
	".irp n, " ALL_GPRS "\n"					\
	"sw $\\n, (0x1080 + 4 * \\n)($0)\n"				\
	".endr\n"							\
	".irp n, " CALLEE_SAVED "\n"					\
	"lw $\\n, (0x1100 + 4 * \\n)($0)\n"				\
	".endr\n"							\
	"jr $31\n"							\
	" nop\n"							\
	".set pop\n.popsection\n");					\
void gpr_##name(void)

/* mtc0 $N, then mfc0 into the next register (31's: 1) */
#define MOVE_CASE(n, m)							\
	GPR_CASE(move##n, "mtc0 $" #n ", $14\n\tmfc0 $" #m ", $14")

MOVE_CASE(1, 2); MOVE_CASE(2, 3); MOVE_CASE(3, 4); MOVE_CASE(4, 5);
MOVE_CASE(5, 6); MOVE_CASE(6, 7); MOVE_CASE(7, 8); MOVE_CASE(8, 9);
MOVE_CASE(9, 10); MOVE_CASE(10, 11); MOVE_CASE(11, 12); MOVE_CASE(12, 13);
MOVE_CASE(13, 14); MOVE_CASE(14, 15); MOVE_CASE(15, 16); MOVE_CASE(16, 17);
MOVE_CASE(17, 18); MOVE_CASE(18, 19); MOVE_CASE(19, 20); MOVE_CASE(20, 21);
MOVE_CASE(21, 22); MOVE_CASE(22, 23); MOVE_CASE(23, 24); MOVE_CASE(24, 25);
MOVE_CASE(25, 26); MOVE_CASE(26, 27); MOVE_CASE(27, 28); MOVE_CASE(28, 29);
MOVE_CASE(29, 30); MOVE_CASE(30, 31); MOVE_CASE(31, 1);
/* $0 both ways: EPC = 0 into $5; an mfc0 to $0 changes nothing */
GPR_CASE(zero_in, "mtc0 $0, $14\n\tmfc0 $5, $14");
GPR_CASE(zero_out, "mtc0 $7, $14\n\tmfc0 $0, $14");

/* di $N, ei $N: N = Status as it was, before IE changes */
#define DI_CASE(n)	GPR_CASE(di##n, "di $" #n)
#define EI_CASE(n)	GPR_CASE(ei##n, "ei $" #n)

DI_CASE(1); DI_CASE(2); DI_CASE(3); DI_CASE(4); DI_CASE(5); DI_CASE(6);
DI_CASE(7); DI_CASE(8); DI_CASE(9); DI_CASE(10); DI_CASE(11); DI_CASE(12);
DI_CASE(13); DI_CASE(14); DI_CASE(15); DI_CASE(16); DI_CASE(17); DI_CASE(18);
DI_CASE(19); DI_CASE(20); DI_CASE(21); DI_CASE(22); DI_CASE(23); DI_CASE(24);
DI_CASE(25); DI_CASE(26); DI_CASE(27); DI_CASE(28); DI_CASE(29); DI_CASE(30);
DI_CASE(31);
EI_CASE(1); EI_CASE(2); EI_CASE(3); EI_CASE(4); EI_CASE(5); EI_CASE(6);
EI_CASE(7); EI_CASE(8); EI_CASE(9); EI_CASE(10); EI_CASE(11); EI_CASE(12);
EI_CASE(13); EI_CASE(14); EI_CASE(15); EI_CASE(16); EI_CASE(17); EI_CASE(18);
EI_CASE(19); EI_CASE(20); EI_CASE(21); EI_CASE(22); EI_CASE(23); EI_CASE(24);
EI_CASE(25); EI_CASE(26); EI_CASE(27); EI_CASE(28); EI_CASE(29); EI_CASE(30);
EI_CASE(31);

#define F(x)	gpr_##x
static void (*const moves[32])(void) = {
	F(zero_in), F(move1), F(move2), F(move3), F(move4), F(move5),
	F(move6), F(move7), F(move8), F(move9), F(move10), F(move11),
	F(move12), F(move13), F(move14), F(move15), F(move16), F(move17),
	F(move18), F(move19), F(move20), F(move21), F(move22), F(move23),
	F(move24), F(move25), F(move26), F(move27), F(move28), F(move29),
	F(move30), F(move31),
};

static void (*const dis[32])(void) = {
	F(zero_out), F(di1), F(di2), F(di3), F(di4), F(di5), F(di6), F(di7),
	F(di8), F(di9), F(di10), F(di11), F(di12), F(di13), F(di14), F(di15),
	F(di16), F(di17), F(di18), F(di19), F(di20), F(di21), F(di22),
	F(di23), F(di24), F(di25), F(di26), F(di27), F(di28), F(di29),
	F(di30), F(di31),
};

static void (*const eis[32])(void) = {
	0, F(ei1), F(ei2), F(ei3), F(ei4), F(ei5), F(ei6), F(ei7), F(ei8),
	F(ei9), F(ei10), F(ei11), F(ei12), F(ei13), F(ei14), F(ei15), F(ei16),
	F(ei17), F(ei18), F(ei19), F(ei20), F(ei21), F(ei22), F(ei23),
	F(ei24), F(ei25), F(ei26), F(ei27), F(ei28), F(ei29), F(ei30),
	F(ei31),
};

static volatile u32 *const in = (volatile u32 *)AREA_IN;
static volatile u32 *const out = (volatile u32 *)AREA_OUT;

/*
 * The registers 1-31 that @fn left other than they were, but register @r,
 * which must hold register @src's value (@src > 0) or @v.
 */
static u32 run_case(void (*fn)(void), u32 r, u32 src, u32 v, u32 seed)
{
	u32 i, bad = 0;

	for (i = 1; i < 32; i++) {
		in[i] = seed * 0x01000193u + i * 0x9e3779b9u;
		out[i] = ~in[i];
	}
	if (src)
		v = in[src];
	fn();
	for (i = 1; i < 32; i++)
		bad += out[i] != (i == r ? v : in[i]);
	return bad;
}

void guest_exception(struct frame *f)
{
	report(0xdead0000u | f->cause);
	done(1);
}

int main(void)
{
	u32 n, st, bad = 0;

	__asm__ volatile("di" ::: "memory");
	/* no interrupt can be due, whatever IE says */
	mtc0(12, 0, mfc0(12, 0) & ~ST_IM_MASK);
	st = mfc0(12, 0);
	report(run_case(moves[0], 5, 0, 0, 1));
	for (n = 1; n < 32; n++)
		report(run_case(moves[n], n % 31 + 1, n, 0, n + 1));
	report(run_case(dis[0], 0, 0, 0, 99));
	for (n = 1; n < 32; n++) {
		mtc0(12, 0, st | ST_IE);
		report(run_case(dis[n], n, 0, st | ST_IE, 100 + n));
		bad += mfc0(12, 0) != st;
	}
	for (n = 1; n < 32; n++) {
		mtc0(12, 0, st);
		report(run_case(eis[n], n, 0, st, 200 + n));
		bad += mfc0(12, 0) != (st | ST_IE);
	}
	__asm__ volatile("di" ::: "memory");
	report(bad);			/* Status after them */
	done(0);
	return 0;
}
