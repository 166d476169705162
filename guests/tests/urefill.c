// SPDX-License-Identifier: GPL-2.0
/*
 * urefill.c - guest user mode's TLB misses handled by the guest kernel's
 * own refill handler, as an OS does it: user code walks more 8 KiB pairs
 * than the guest TLB holds (loads, stores, a store in a delay slot), and
 * every refill exception is checked (BadVAddr, Context.BadVPN2 under the
 * kernel's PTEBase, EntryHi's VPN2 and ASID, Cause.BD, EPC, the vector)
 * before the handler maps the pair with tlbwi, round robin, so that each
 * pass misses on every pair, then with tlbwr.  The data the user wrote is
 * checked at the end.
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
	"	move	$v0, $s1\n"
	"	syscall\n"
	"	b	0b\n"
	"	 li	$s1, 99\n"
	".globl user_code_end\nuser_code_end:\n"
	".set pop\n.previous\n");

static u32 refills[2], wrong, next_index, tlb_size, use_random;

/* What the refill must have set, from the faulting address alone. */
static void check_refill(struct frame *f, u32 exc)
{
	u32 va = f->badvaddr, insn;

	if (va < DATA_VA || va >= DATA_VA + PAIRS * 8192) {
		report(0xbad00000u | exc);
		done(1);
	}
	wrong += mfc0(8, 0) != va;
	wrong += mfc0(4, 0) != (PTEBASE | ((va >> 9) & 0x007ffff0u));
	wrong += mfc0(10, 0) != ((va & 0xffffe000u) | USER_ASID);
	wrong += f->vector != 0x200;
	wrong += (f->status & (ST_EXL | ST_KSU_USER)) != (ST_EXL | ST_KSU_USER);
	/* A store refills in the slot of the bnez, EPC on the branch */
	insn = *(volatile u32 *)(USER_PA + (f->epc - USER_VA));
	if (exc == 3)
		wrong += !(f->cause & CAUSE_BD) || (insn >> 26) != 5;
	else
		wrong += (f->cause & CAUSE_BD) || (insn >> 26) != 0x23;
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

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f, pa;

	if (exc == 8 && (f->gpr[2] == 98 || f->gpr[2] == 99)) {
		if (f->gpr[2] == 98) {
			report(refills[0]);
			report(refills[1]);
		}
		report(wrong);
		report(check_data());
		if (f->gpr[2] == 99)
			done(0);
		use_random = 1;
		f->epc += 4;
		return;
	}
	if (exc != 2 && exc != 3) {
		report(0xdead0000u | f->cause);
		done(1);
	}
	check_refill(f, exc);
	refills[exc - 2]++;
	pa = DATA_PA + ((f->badvaddr & ~0x1fffu) - DATA_VA);
	mtc0(2, 0, ENTRYLO(pa, C_CACHED, LO_V | LO_D));
	mtc0(3, 0, ENTRYLO(pa + 4096, C_CACHED, LO_V | LO_D));
	if (use_random) {
		__asm__ volatile("ehb; tlbwr; ehb" ::: "memory");
	} else {
		mtc0(0, 0, next_index);
		__asm__ volatile("ehb; tlbwi; ehb" ::: "memory");
		next_index = next_index + 1 < tlb_size ? next_index + 1 : 1;
	}
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
