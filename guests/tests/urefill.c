// SPDX-License-Identifier: GPL-2.0
/*
 * urefill.c - guest user mode's TLB misses handled by the guest kernel's
 * own refill handler, as an OS does it: user code walks more 8 KiB pairs
 * than the guest TLB holds (loads, stores, a store in a delay slot), and
 * every refill exception is checked (BadVAddr, Context.BadVPN2 under the
 * kernel's PTEBase, EntryHi's VPN2 and ASID, Cause.BD, EPC, the vector)
 * before the handler maps the pair with tlbwi, round robin, so that each
 * pass misses on every pair (every other tlbwi in a delay slot), then with
 * tlbwr, then with tlbwi again through vectors at EBase (BEV clear), then
 * mapping each pair invalid first, as a kernel does for a page not yet
 * present, and valid on the TLB invalid exception that follows.  The
 * guest's HI and LO must survive each TLB write, and the data the user
 * wrote is checked after each phase.  Last, the kernel remaps one user
 * page back and forth between two frames while user mode reads it: no
 * read may see the frame of before.
 */
#include "test.h"

#define USER_VA		0x00400000u
#define USER_PA		0x00600000u
#define DATA_VA		0x40000000u
#define DATA_VA_HI	0x4000
#define DATA_PA		0x00800000u
#define PAIRS		80
#define PASSES		3
#define USER_ASID	9
#define PTEBASE		0x12800000u
#define ALT_PA		0x00a00000u	/* the remap's other frame */
#define EBASE		0x00002000u	/* BEV clear: vectors in RAM */
#define MARK		0x1ff0u		/* which EBase stub ran (1 refill, 2 general) */
#define REMAPS		50

enum phase { PH_TLBWI, PH_TLBWR, PH_EBASE, PH_INVALID, PH_REMAP };

extern const u32 user_code[], user_code_end[];

/*
 * Runs at USER_VA.  Each pass loads the even page of every pair and
 * stores to the odd one (one refill per pair), then stores to every
 * pair's even page from a delay slot; PASSES passes, the system call 98,
 * the same again, the system call 99.
 */
#define STR(x)	#x
#define XSTR(x)	STR(x)
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n"
	".globl user_code\nuser_code:\n"
	"	li	$s1, 98\n"
	"0:	li	$s0, 0\n"
	"1:	lui	$t0, " XSTR(DATA_VA_HI) "\n"
	"	li	$t1, " XSTR(PAIRS) "\n"
	"2:	lw	$t2, 0($t0)\n"		/* TLBL refill */
	"	addu	$t2, $t2, $s0\n"
	"	sw	$t2, 4096($t0)\n"	/* the odd page: mapped too */
	"	addiu	$t1, $t1, -1\n"
	"	bnez	$t1, 2b\n"
	"	 addiu	$t0, $t0, 8192\n"
	"	lui	$t0, " XSTR(DATA_VA_HI) "\n"
	"	li	$t1, " XSTR(PAIRS) "\n"
	"3:	addiu	$t0, $t0, 8192\n"
	"	addiu	$t1, $t1, -1\n"
	"	bnez	$t1, 3b\n"
	"	 sw	$t1, -8192($t0)\n"	/* TLBS refill, BD */
	"	addiu	$s0, $s0, 1\n"
	"	sltiu	$t2, $s0, " XSTR(PASSES) "\n"
	"	bnez	$t2, 1b\n"
	"	 nop\n"
	"	li	$v0, 98\n"
	"	syscall\n"
	"	b	0b\n"
	"	 nop\n"
	/* the remap phase: read the first data word, tell the kernel */
	".globl user_remap\nuser_remap:\n"
	"	lui	$t0, " XSTR(DATA_VA_HI) "\n"
	"5:	lw	$a0, 0($t0)\n"
	"	li	$v0, 97\n"
	"	syscall\n"
	"	b	5b\n"
	"	 nop\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

/*
 * The EBase vectors: each marks which one ran, in RAM reachable from $0,
 * and goes on to the runtime's BEV vector (k0 and k1 are the handler's).
 */
extern const u32 ebase_refill[], ebase_refill_end[];
extern const u32 ebase_general[], ebase_general_end[];
__asm__(".section .rodata\n"
	".set push\n.set noreorder\n.set noat\n"
	".globl ebase_refill\nebase_refill:\n"
	"	addiu	$k1, $0, 1\n"
	"	sw	$k1, " XSTR(MARK) "($0)\n"
	"	lui	$k0, 0x3fc0\n"
	"	ori	$k0, $k0, 0x200\n"
	"	jr	$k0\n"
	"	 nop\n"
	".globl ebase_refill_end\nebase_refill_end:\n"
	".globl ebase_general\nebase_general:\n"
	"	addiu	$k1, $0, 2\n"
	"	sw	$k1, " XSTR(MARK) "($0)\n"
	"	lui	$k0, 0x3fc0\n"
	"	ori	$k0, $k0, 0x380\n"
	"	jr	$k0\n"
	"	 nop\n"
	".globl ebase_general_end\nebase_general_end:\n"
	".set pop\n.previous\n");
extern const u32 user_remap[];

static u32 refills[2], wrong, next_index, tlb_size, remaps, remap_wrong;
static u32 invalids;
static enum phase phase;
static volatile u32 *const mark = (volatile u32 *)MARK;

/* Through the EBase stubs, the one for @vector must have run. */
static void check_mark(u32 vector)
{
	if (phase != PH_EBASE)
		return;
	wrong += *mark != vector;
	*mark = 0;
}

/* @write (tlbwi or tlbwr) with HI and LO set: they must come back. */
#define TLB_WRITE(write)						\
do {									\
	u32 hi, lo;							\
									\
	__asm__ volatile("mthi %2\n\tmtlo %3\n\tehb\n\t" write	\
			 "\n\tehb\n\tmfhi %0\n\tmflo %1"		\
			 : "=r"(hi), "=r"(lo)				\
			 : "r"(0x12345678u), "r"(0x9abcdef0u) : "memory");	\
	wrong += hi != 0x12345678u || lo != 0x9abcdef0u;		\
} while (0)

/* tlbwi in the slot of a taken branch */
#define TLBWI_IN_SLOT							\
	".set push\n\t.set noreorder\n\tbeq $0, $0, 1f\n\t tlbwi\n\t"	\
	"nop\n1:\n\t.set pop"

/* Map DATA_VA's pair at index 1 to @pa, the rest of the TLB cleared. */
static void remap(u32 pa)
{
	mtc0(2, 0, ENTRYLO(pa, C_CACHED, LO_V | LO_D));
	mtc0(3, 0, ENTRYLO(pa + 4096, C_CACHED, LO_V | LO_D));
	mtc0(10, 0, DATA_VA | USER_ASID);
	mtc0(0, 0, 1);
	TLB_WRITE("tlbwi");
}

/* The remap phase: user mode read @seen; swap the frames. */
static void remap_step(struct frame *f)
{
	u32 want = remaps & 1 ? 0xb0b0b0b0u : PAIRS - 1;

	remap_wrong += f->gpr[4] != want;
	if (++remaps == REMAPS) {
		report(remap_wrong);
		report(wrong);
		done(0);
	}
	remap(remaps & 1 ? ALT_PA : DATA_PA);
	f->epc += 4;
}

/* The data as the last pass leaves it. */
static u32 check_data(void)
{
	u32 k, bad = 0;

	for (k = 0; k < PAIRS; k++) {
		volatile u32 *even = (volatile u32 *)(DATA_PA + k * 8192);

		bad += even[0] != PAIRS - 1 - k;
		bad += even[1024] != PAIRS - 1 - k + PASSES - 1;
	}
	return bad;
}

/* The end of a phase (the system call 98): its figures, the next one. */
static void next_phase(struct frame *f)
{
	u32 i;

	if (phase == PH_TLBWI) {
		report(refills[0]);
		report(refills[1]);
	}
	if (phase == PH_INVALID)
		report(invalids);
	report(wrong);
	report(check_data());
	f->epc += 4;
	phase++;
	if (phase == PH_EBASE) {
		load_user_code(ebase_refill, ebase_refill_end, EBASE);
		load_user_code(ebase_general, ebase_general_end,
			       EBASE + 0x180);
		mtc0(15, 1, EBASE);
		mtc0(12, 0, mfc0(12, 0) & ~ST_BEV);
		next_index = 1;
	} else if (phase == PH_INVALID) {
		mtc0(12, 0, mfc0(12, 0) | ST_BEV);
		next_index = 1;
	} else if (phase == PH_REMAP) {
		for (i = 1; i < tlb_size; i++)
			tlb_write_indexed(i, 0x70000000 + (i << 13), 0, 0, 0);
		*(volatile u32 *)ALT_PA = 0xb0b0b0b0u;
		remap(DATA_PA);
		f->epc = (u32)user_remap - (u32)user_code + USER_VA;
	}
}

/*
 * What the refill (@vector 0x200) or TLB invalid exception (0x380) must
 * have set, from the faulting address alone.
 */
static void check_refill(struct frame *f, u32 exc, u32 vector)
{
	u32 va = f->badvaddr, insn;

	if (va < DATA_VA || va >= DATA_VA + PAIRS * 8192) {
		report(0xbad00000u | exc);
		done(1);
	}
	wrong += mfc0(8, 0) != va;
	wrong += mfc0(4, 0) != (PTEBASE | ((va >> 9) & 0x007ffff0u));
	wrong += mfc0(10, 0) != ((va & 0xffffe000u) | USER_ASID);
	wrong += f->vector != vector;
	wrong += (f->status & (ST_EXL | ST_KSU_USER)) != (ST_EXL | ST_KSU_USER);
	/* A store refills in the slot of the bnez, EPC on the branch */
	insn = *(volatile u32 *)(USER_PA + (f->epc - USER_VA));
	if (exc == 3)
		wrong += !(f->cause & CAUSE_BD) || (insn >> 26) != 5;
	else
		wrong += (f->cause & CAUSE_BD) || (insn >> 26) != 0x23;
}

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f, pa;

	if (exc == 8 && f->gpr[2] == 97) {
		remap_step(f);
		return;
	}
	if (exc == 8 && f->gpr[2] == 98) {
		check_mark(2);
		next_phase(f);
		return;
	}
	if (exc != 2 && exc != 3) {
		report(0xdead0000u | f->cause);
		done(1);
	}
	pa = DATA_PA + ((f->badvaddr & ~0x1fffu) - DATA_VA);
	if (f->vector == 0x380 && phase == PH_INVALID) {
		/* as a kernel's handler: find the entry, make it valid */
		check_refill(f, exc, 0x380);
		invalids++;
		__asm__ volatile("ehb; tlbp; ehb" ::: "memory");
		wrong += mfc0(0, 0) >> 31;
		mtc0(2, 0, ENTRYLO(pa, C_CACHED, LO_V | LO_D));
		mtc0(3, 0, ENTRYLO(pa + 4096, C_CACHED, LO_V | LO_D));
		TLB_WRITE("tlbwi");
		return;
	}
	check_refill(f, exc, 0x200);
	check_mark(1);
	refills[exc - 2]++;
	if (phase == PH_INVALID) {	/* not yet present */
		mtc0(2, 0, ENTRYLO(pa, C_CACHED, LO_D));
		mtc0(3, 0, ENTRYLO(pa + 4096, C_CACHED, LO_D));
	} else {
		mtc0(2, 0, ENTRYLO(pa, C_CACHED, LO_V | LO_D));
		mtc0(3, 0, ENTRYLO(pa + 4096, C_CACHED, LO_V | LO_D));
	}
	if (phase == PH_TLBWR) {
		TLB_WRITE("tlbwr");
		return;
	}
	mtc0(0, 0, next_index);
	if (next_index & 1)
		TLB_WRITE(TLBWI_IN_SLOT);
	else
		TLB_WRITE("tlbwi");
	next_index = next_index + 1 < tlb_size ? next_index + 1 : 1;
}

int main(void)
{
	u32 i;

	tlb_size = ((mfc0(16, 1) >> 25) & 0x3f) + 1;
	next_index = 1;
	for (i = 0; i < tlb_size; i++)
		tlb_write_indexed(i, 0x70000000 + (i << 13), 0, 0, 0);
	mtc0(6, 0, 1);			/* Wired: the code's entry */
	mtc0(4, 0, PTEBASE);
	mtc0(5, 0, 0);			/* PageMask: 4 KiB pages */
	for (i = 0; i < PAIRS * 2; i++)
		((volatile u32 *)(DATA_PA + i * 4096))[0] = i;
	load_user_code(user_code, user_code_end, USER_PA);
	tlb_write_indexed(0, USER_VA | USER_ASID, 0,
			  ENTRYLO(USER_PA, C_CACHED, LO_V), 0);
	enter_user(USER_VA, USER_ASID);
}
