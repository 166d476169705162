// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - what the guest sees right after Count reaches Compare.
 *
 * Linux's c0_compare_int_usable() arms Compare a few ticks ahead, spins
 * reading Count until it has passed, and then wants Cause.TI within 50
 * ticks; a trapped instruction costs far more than that, so the VCPU must
 * show the match to the first read that can tell, not when its host timer
 * has fired.  To make "Count has passed Compare" certain without relying
 * on how long anything takes, most cases stop Count (Cause.DC), set Count
 * and Compare two ticks apart and let Count run again: the next trapping
 * instruction comes long after those 20 ns.  Each case reports what it
 * saw; interrupts stay masked (IE clear) unless a case is about delivery.
 */
#include "test.h"

#define IM7		0x00008000u
#define SEEN_TICKS	50	/* Linux's COMPARE_INT_SEEN_TICKS */

static volatile u32 taken, taken_epc;

void guest_exception(struct frame *f)
{
	if (((f->cause >> 2) & 0x1f) != 0 || !(f->cause & IM7)) {
		report(0xdead0000u | f->cause);
		done(1);
	}
	taken++;
	taken_epc = f->epc;
	mtc0(11, 0, mfc0(9, 0) - 1);	/* far away: clears TI */
}

static u32 count(void)
{
	return mfc0(9, 0);
}

static u32 cause(void)
{
	return mfc0(13, 0);
}

/* Count stands still at @c, Compare is @cmp, TI is clear. */
static void stop_at(u32 c, u32 cmp)
{
	mtc0(13, 0, CAUSE_DC);
	mtc0(9, 0, c);
	mtc0(11, 0, cmp);
}

static void run_count(void)
{
	mtc0(13, 0, 0);
}

static u32 ti(u32 c)
{
	return (c & (CAUSE_TI | IM7)) == (CAUSE_TI | IM7) ? 1 :
	       (c & (CAUSE_TI | IM7)) ? 0xbad : 0;
}

/* Let some time pass without a trap. */
static void spin(u32 n)
{
	while (n--)
		__asm__ volatile("");
}

static int pending(void)
{
	return !!(cause() & CAUSE_TI);
}

/*
 * The probe of Linux 6.1 (arch/mips/kernel/cevt-r4k.c), step by step.
 * Returns 1 when it would call the timer usable, else the failed step.
 */
static u32 linux_probe(void)
{
	u32 delta, cnt = 0;

	if (pending()) {
		cnt = count();
		mtc0(11, 0, cnt - 1);
		while (count() < cnt + SEEN_TICKS)
			if (!pending())
				break;
		if (pending())
			return 0x10;
	}
	for (delta = 0x10; delta <= 0x400000; delta <<= 1) {
		cnt = count() + delta;
		mtc0(11, 0, cnt);
		if ((s32)(count() - cnt) < 0)
			break;
	}
	while ((s32)(count() - cnt) <= 0)
		;
	while (count() < cnt + SEEN_TICKS)
		if (pending())
			break;
	if (!pending())
		return 0x11;
	cnt = count();
	mtc0(11, 0, cnt - 1);
	while (count() < cnt + SEEN_TICKS)
		if (!pending())
			break;
	if (pending())
		return 0x12;
	return 1;
}

/* Status = @st; the address of the instruction after the mtc0. */
static u32 set_status_at(u32 st)
{
	u32 next;

	__asm__ volatile(".set push\n.set noreorder\n"
			 "la %0, 1f\n"
			 "mtc0 %1, $12\n"
			 "1: ehb\n"
			 ".set pop" : "=&r"(next) : "r"(st) : "memory");
	return next;
}

/* ei; the address of the instruction after it. */
static u32 ei_at(void)
{
	u32 next;

	__asm__ volatile(".set push\n.set noreorder\n"
			 "la %0, 1f\n"
			 "ei\n"
			 "1: ehb\n"
			 ".set pop" : "=&r"(next) :: "memory");
	return next;
}

/*
 * With IE and IM7 set: Count runs from 2 ticks before Compare, then
 * @read_cause picks the first instruction that can see the match.  The
 * interrupt must be taken no later than the instruction after it; reports
 * 1 when it was, else where it was taken relative to that.
 */
static u32 delivered_after_read(int read_cause)
{
	u32 from, after, v;

	taken = 0;
	stop_at(7000, 7002);
	mtc0(12, 0, ST_BEV | IM7 | ST_IE);
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la %0, 1f\n"
			 "la %1, 3f\n"
			 "mtc0 $zero, $13\n"	/* Count runs */
			 "1: ehb\n"
			 "bnez %3, 2f\n"
			 " nop\n"
			 "mfc0 %2, $9\n"
			 "b 3f\n"
			 " nop\n"
			 "2: mfc0 %2, $13\n"
			 "3: nop\n"
			 ".set pop"
			 : "=&r"(from), "=&r"(after), "=&r"(v)
			 : "r"(read_cause) : "memory");
	spin(100000);
	mtc0(12, 0, ST_BEV);
	if (taken != 1)
		return 0xdead0000u | taken;
	return taken_epc >= from && taken_epc <= after ? 1 :
	       taken_epc - after;
}

int main(void)
{
	u32 c, next;

	mtc0(12, 0, ST_BEV);

	/* 1: a Count read that sees Count past Compare, then Cause. */
	stop_at(1000, 1002);
	run_count();
	c = count();
	report((s32)(c - 1002) >= 0);
	report(ti(cause()));

	/* 2: Cause alone, the first read after the match. */
	stop_at(2000, 2002);
	run_count();
	report(ti(cause()));

	/* 3: across the wrap of Count. */
	stop_at(0xfffffffeu, 0);
	run_count();
	report(ti(cause()));
	report(count() < 0x80000000u);

	/* 4: Compare just behind Count matches only after 2^32 ticks. */
	stop_at(3000, 2999);
	run_count();
	spin(10000);
	report((s32)(count() - 3000) > 0);
	report(ti(cause()));

	/* 5: Cause.DC: Count stands still, so no match. */
	stop_at(4000, 4002);
	spin(10000);
	report(count());
	report(ti(cause()));

	/* 6: a match before Count stops stays in Cause. */
	stop_at(5000, 5002);
	run_count();
	mtc0(13, 0, CAUSE_DC);
	report(ti(cause()));
	report((s32)(count() - 5002) >= 0);
	run_count();

	/* 7: ... and before Count is written. */
	stop_at(5000, 5002);
	run_count();
	mtc0(9, 0, 0);
	report(ti(cause()));

	/* 8: writing Compare clears TI, and nothing brings it back. */
	mtc0(11, 0, count() - 1);
	report(ti(cause()));
	spin(100000);
	report(ti(cause()));

	/* 9: seen by a Count read with IE clear, taken as mtc0 sets IE. */
	taken = 0;
	mtc0(12, 0, ST_BEV | IM7);
	stop_at(6000, 6002);
	run_count();
	count();
	next = set_status_at(ST_BEV | IM7 | ST_IE);
	report(taken);
	report(taken_epc == next);

	/* 10: rdhwr CC reads Count too. */
	taken = 0;
	mtc0(12, 0, ST_BEV | IM7);
	stop_at(6000, 6002);
	run_count();
	__asm__ volatile("rdhwr %0, $2" : "=r"(c));
	next = set_status_at(ST_BEV | IM7 | ST_IE);
	report(taken);
	report(taken_epc == next);

	/* 11: seen by a Cause read with IE clear, taken at ei. */
	taken = 0;
	__asm__ volatile("di; ehb" ::: "memory");
	stop_at(6000, 6002);
	run_count();
	report(ti(cause()));
	next = ei_at();
	report(taken);
	report(taken_epc == next);
	mtc0(12, 0, ST_BEV);

	/* 12: interrupts enabled all along: taken at the first read. */
	report(delivered_after_read(0));
	report(delivered_after_read(1));

	/* 13: Linux's own probe. */
	report(linux_probe());
	done(0);
	return 0;
}
