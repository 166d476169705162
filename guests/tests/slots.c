// SPDX-License-Identifier: GPL-2.0
/*
 * slots.c - CP0 instructions in branch delay slots, as a guest kernel has
 * them (Linux's irq restore is "beqz flags, 1f; di; ei"): each kind of
 * branch taken and not taken, likely forms, jr, a slot that writes the
 * register its branch reads, branches only C evaluates (bltz, jalr), and a
 * branch that ends a page, its slot on the next.  Each case reports where
 * the guest went on and what the slot read.
 */
#include "test.h"


/*
 * @br, a branch to 1f (operands %2 = a, %3 = b), with "mfc0 %1, $12" in
 * its slot: returns 1 if taken, 2 if not, times 16, plus 1 if the slot
 * read Status right.
 */
#define SLOT_CASE(name, br)						\
static u32 name(u32 a, u32 b)						\
{									\
	u32 r, st;							\
									\
	__asm__ volatile(".set push\n\t.set noreorder\n\t"		\
			 "li %0, 1\n\t"					\
			 br ", 1f\n\t"					\
			 " mfc0 %1, $12\n\t"				\
			 "li %0, 2\n"					\
			 "1:\n\t.set pop"				\
			 : "=&r"(r), "=&r"(st) : "r"(a), "r"(b));	\
	return r * 16 + (st == mfc0(12, 0));				\
}

SLOT_CASE(s_beq, "beq %2, %3")
SLOT_CASE(s_bne, "bne %2, %3")
SLOT_CASE(s_blez, "blez %2")
SLOT_CASE(s_bgtz, "bgtz %2")
SLOT_CASE(s_beql, "beql %2, %3")
SLOT_CASE(s_bnel, "bnel %2, %3")
SLOT_CASE(s_bltz, "bltz %2")
SLOT_CASE(s_bgez, "bgez %2")

/* jr to 1f with an mfc0 in the slot */
static u32 s_jr(void)
{
	u32 r, st, t;

	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "li %0, 1\n\t"
			 "la %2, 1f\n\t"
			 "jr %2\n\t"
			 " mfc0 %1, $12\n\t"
			 "li %0, 2\n"
			 "1:\n\t.set pop"
			 : "=&r"(r), "=&r"(st), "=&r"(t));
	return r * 16 + (st == mfc0(12, 0));
}

/* jalr (links: only C does it), mfc0 in the slot */
static u32 s_jalr(void)
{
	u32 r, st, t, ra;

	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "li %0, 1\n\t"
			 "la %2, 1f\n\t"
			 "jalr %3, %2\n\t"
			 " mfc0 %1, $12\n\t"
			 "li %0, 2\n"
			 "1:\n\t"
			 "subu %3, %2, %3\n\t.set pop"
			 : "=&r"(r), "=&r"(st), "=&r"(t), "=&r"(ra));
	/* ra is the jalr's address + 8, the li: 4 before 1f */
	return r * 16 + (st == mfc0(12, 0)) + (ra == 4 ? 4 : 0);
}

/* bnez on v, and the slot's mfc0 overwrites v: the branch saw the old v */
static u32 s_clobber(u32 v)
{
	u32 r;

	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "li %0, 1\n\t"
			 "bnez %1, 1f\n\t"
			 " mfc0 %1, $12\n\t"
			 "li %0, 2\n"
			 "1:\n\t.set pop"
			 : "=&r"(r), "+r"(v));
	return r * 16 + (v == mfc0(12, 0));
}

/*
 * bnez at the last word of a 4 KiB page, its slot's mfc0 the first of the
 * next (where a kernel's layout can put one): as SLOT_CASE, plus 0x1000
 * if the bnez did not end up at offset 0xffc.
 */
static u32 s_page_end(u32 a)
{
	u32 r, st, at;

	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "b 2f\n\t"
			 " nop\n\t"
			 ".balign 4096\n\t"
			 ".fill 1022, 4, 0\n"
			 "2:\tli %0, 1\n"		/* at 0xff8 */
			 "3:\tbnez %3, 1f\n\t"		/* at 0xffc */
			 " mfc0 %1, $12\n\t"		/* the next page */
			 "li %0, 2\n"
			 "1:\tla %2, 3b\n\t.set pop"
			 : "=&r"(r), "=&r"(st), "=&r"(at) : "r"(a));
	return r * 16 + (st == mfc0(12, 0)) +
	       ((at & 0xfff) == 0xffc ? 0 : 0x1000);
}

/* Linux's arch_local_irq_restore(): IE as @flags said, after di/ei. */
static u32 irq_restore(u32 flags)
{
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "beqz %0, 1f\n\t"
			 " di\n\t"
			 "ei\n"
			 "1:\n\t.set pop" :: "r"(flags) : "memory");
	return mfc0(12, 0) & ST_IE;
}

void guest_exception(struct frame *f)
{
	report(0xdead0000u | f->cause);
	done(1);
}

int main(void)
{
	u32 i, bad = 0;

	report(s_beq(3, 3));		/* 0x11: taken */
	report(s_beq(3, 4));		/* 0x21: not */
	report(s_bne(3, 4));
	report(s_bne(3, 3));
	report(s_blez(0, 0));
	report(s_blez(1, 0));
	report(s_blez(-5, 0));
	report(s_bgtz(1, 0));
	report(s_bgtz(0, 0));
	report(s_bgtz(-1, 0));
	report(s_beql(7, 7));		/* likely, taken (not taken: no slot) */
	report(s_bnel(7, 8));
	report(s_bltz(-1, 0));		/* C evaluates these */
	report(s_bgez(-1, 0));
	report(s_jr());
	report(s_jalr());
	report(s_clobber(0));
	report(s_clobber(1));
	report(s_page_end(1));		/* 0x11 */
	report(s_page_end(0));		/* 0x21 */
	for (i = 0; i < 1000; i++) {
		bad += s_page_end(1) != 0x11;
		bad += s_page_end(0) != 0x21;
	}
	report(bad);
	bad = 0;
	/* flags 0: di in the slot, branch taken; 1: di, then ei */
	for (i = 0; i < 2000; i++) {
		bad += irq_restore(0) != 0;
		bad += irq_restore(1) != ST_IE;
	}
	__asm__ volatile("di" ::: "memory");
	report(bad);
	done(0);
	return 0;
}
