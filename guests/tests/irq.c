// SPDX-License-Identifier: GPL-2.0
/*
 * irq.c - the guest's interrupts: Count/Compare on IP7 (also waking WAIT),
 * masking by IE and IM, Cause.IV moving the vector, software interrupts,
 * and hardware lines IP2..IP6 driven by the host.
 */
#include "test.h"

#define IM(n)		(1u << (8 + (n)))
#define TICKS_1MS	100000u

static volatile u32 taken, last_cause, last_vector;

void guest_exception(struct frame *f)
{
	u32 cause = f->cause;

	if (((cause >> 2) & 0x1f) != 0) {
		report(0xdead0000u | cause);
		done(1);
	}
	taken++;
	last_cause = cause;
	last_vector = f->vector;
	if (cause & IM(7))
		mtc0(11, 0, mfc0(9, 0) - 1);	/* far away: clears TI */
	if (cause & IM(0))
		mtc0(13, 0, mfc0(13, 0) & ~IM(0));
	if (cause & IM(3))
		mmio_write32(TESTDEV_BASE + TESTDEV_IRQ_LOWER, 3);
}

static void set_status(u32 v)
{
	mtc0(12, 0, ST_BEV | v);
}

/*
 * Compare = Count + ticks.  Reading Count and writing Compare both trap,
 * and on a loaded host that can take longer than @ticks: then Compare is
 * already behind Count and would only match after a 2^32 wrap, so arm
 * again further ahead.  Returns the Count it armed against.
 */
static u32 arm_timer(u32 ticks)
{
	u32 now;

	for (;;) {
		now = mfc0(9, 0);
		mtc0(11, 0, now + ticks);
		if (mfc0(9, 0) - now < ticks)
			return now;
		ticks *= 2;
	}
}

int main(void)
{
	u32 start;

	/*
	 * 1: the timer interrupt wakes WAIT.  20 ms, so that even a loaded
	 * host reaches the WAIT before the timer fires (the test checks that
	 * WAIT slept in the host).
	 */
	set_status(IM(7) | ST_IE);
	start = arm_timer(20 * TICKS_1MS);
	while (!taken)
		__asm__ volatile("wait");
	report(taken);
	report((last_cause & (CAUSE_TI | IM(7))) == (CAUSE_TI | IM(7)));
	report(last_vector);
	report(mfc0(9, 0) - start >= 20 * TICKS_1MS);
	report(!!(mfc0(13, 0) & CAUSE_TI));	/* cleared by Compare */

	/* 2: masked by IE: TI rises, nothing is taken until IE is set. */
	taken = 0;
	set_status(IM(7));
	arm_timer(TICKS_1MS / 10);
	while (!(mfc0(13, 0) & CAUSE_TI))
		;
	report(taken);
	set_status(IM(7) | ST_IE);
	report(taken);

	/* 3: masked by IM. */
	taken = 0;
	set_status(ST_IE);
	arm_timer(TICKS_1MS / 10);
	while (!(mfc0(13, 0) & CAUSE_TI))
		;
	report(taken);
	mtc0(11, 0, mfc0(9, 0) - 1);

	/* 4: Cause.IV: the interrupt vector (BEV: 0x400). */
	taken = 0;
	mtc0(13, 0, CAUSE_IV);
	set_status(IM(0) | ST_IE);
	mtc0(13, 0, CAUSE_IV | IM(0));		/* software interrupt 0 */
	report(taken);
	report(last_vector);
	mtc0(13, 0, 0);

	/* 5: hardware line IP3 from the host, taken in WAIT. */
	taken = 0;
	set_status(IM(3) | ST_IE);
	mmio_write32(TESTDEV_BASE + TESTDEV_IRQ_RAISE, 3);
	while (!taken)
		__asm__ volatile("wait");
	report(taken);
	report(!!(last_cause & IM(3)));
	report(!!(mfc0(13, 0) & IM(3)));	/* lowered by the handler */
	done(0);
	return 0;
}
