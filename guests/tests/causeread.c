// SPDX-License-Identifier: GPL-2.0
/*
 * causeread.c - Cause reads while a timer match is pending, as a guest
 * kernel makes them on every exception (Linux's vector and SAVE_SOME
 * read Cause): far from the match they show no TI, and the VCPU may
 * serve them without looking at the time; near it, spinning on Cause
 * alone (no Count read, which would latch the match itself) must end
 * with TI, and only once Count has passed Compare.  Interrupts stay
 * masked.
 */
#include "test.h"

#define READS		20000
#define SPIN_MAX	100000000u

void guest_exception(struct frame *f)
{
	report(0xdead0000u | f->cause);
	done(1);
}

static u32 count(void)
{
	return mfc0(9, 0);
}

static u32 cause(void)
{
	return mfc0(13, 0);
}

int main(void)
{
	u32 i, seen, cmp, c;

	mtc0(12, 0, mfc0(12, 0) & ~1u);		/* IE clear */
	mtc0(13, 0, 0);				/* Count runs */

	/* 1: Compare 10 s ahead: READS reads, none with TI or IP7. */
	mtc0(11, 0, count() + 1000000000u);
	for (i = 0, seen = 0; i < READS; i++)
		seen += !!(cause() & (CAUSE_TI | CAUSE_IP7));
	report(seen);

	/*
	 * 2: 200 us ahead.  Set while Count stands still (Cause.DC), so that
	 * however long the host takes between two guest instructions, the
	 * match is 20,000 ticks after Count runs again, not a turn away.
	 */
	for (c = 0; c < 10; c++) {
		cmp = 20000;
		mtc0(13, 0, CAUSE_DC);
		mtc0(9, 0, 0);
		mtc0(11, 0, cmp);
		mtc0(13, 0, 0);
		for (i = 0; i < SPIN_MAX && !(cause() & CAUSE_TI); i++)
			;
		/* TI came, both bits, and not before the match */
		report(i < SPIN_MAX);
		report((cause() & (CAUSE_TI | CAUSE_IP7)) ==
		       (CAUSE_TI | CAUSE_IP7));
		report((int)(count() - cmp) >= 0);
	}
	done(0);
	return 0;
}
