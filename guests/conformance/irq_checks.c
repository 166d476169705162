// SPDX-License-Identifier: GPL-2.0
/*
 * irq_checks.c - software interrupts (Cause.IP0/IP1) under IE, IM, EXL and
 * ERL, their vectors (IV, BEV), and the CP0 timer: Count, Cause.DC,
 * Compare setting and clearing TI/IP7, timer interrupts, wait.
 *
 * Timer checks print behaviour only (taken or not, where), never times:
 * Count runs at 166.67 MHz on QEMU's Malta and 100 MHz on mipsvcpu.
 */
#include "conformance.h"

#define SPIN		4000000u
#define TIMER_SOON	TIMER_DELTA
#define TIMER_LATER	(2 * TIMER_DELTA)
#define TIMER_FAR	0x40000000u

static void delay(void)
{
	volatile u32 i;

	for (i = 0; i < 2000; i++)
		;
}

static u32 cause_ip(void)
{
	return mfc0(13, 0) & (CAUSE_IP0 | CAUSE_IP1);
}

/* Pending but not taken: masked by IE, IM, EXL or ERL. */
static void masked(const char *name, u32 status)
{
	mtc0(12, 0, 0);
	mtc0(13, 0, CAUSE_IP0);
	arm(0);
	mtc0(12, 0, status);
	delay();
	mtc0(12, 0, 0);
	check2(name, "taken", exc.taken);
	check2(name, "cause_ip", cause_ip());
	mtc0(13, 0, 0);
}

static void software_interrupts(void)
{
	masked("swi.ie_off", ST_IM0);
	masked("swi.im_off", ST_IE | ST_IM1);
	masked("swi.exl", ST_IE | ST_IM0 | ST_EXL);
	masked("swi.erl", ST_IE | ST_IM0 | ST_ERL);

	/* Pending first, then enabled by mtc0 Status: taken right after. */
	mtc0(13, 0, CAUSE_IP0);
	arm(0);
	fx_status_irq(ST_IE | ST_IM0);
	report_exc("swi.by_status", 0);
	check("swi.by_status.epc_next", exc.epc == (u32)fx_status_irq_next);
	check("swi.by_status.status_after", mfc0(12, 0));
	mtc0(13, 0, 0);
	check("swi.cleared.cause_ip", cause_ip());

	/* Pending, enabled but for EXL, which eret clears: taken after it. */
	mtc0(13, 0, CAUSE_IP0);
	arm(0);
	fx_eret_irq((u32)fx_eret_irq_target, ST_IE | ST_IM0);
	report_exc("swi.by_eret", 0);
	check("swi.by_eret.epc_target", exc.epc == (u32)fx_eret_irq_target);
	mtc0(12, 0, 0);
	mtc0(13, 0, 0);

	/* Enabled first, then raised by mtc0 Cause. */
	mtc0(12, 0, ST_IE | ST_IM1);
	arm(0);
	fx_cause_irq(CAUSE_IP1);
	report_exc("swi.by_cause", 0);
	mtc0(13, 0, 0);

	/* Raised, then enabled by ei. */
	mtc0(12, 0, ST_IM0);
	mtc0(13, 0, CAUSE_IP0);
	arm(0);
	fx_ei_irq();
	report_exc("swi.by_ei", 0);
	mtc0(13, 0, 0);

	/* Cause.IV: the interrupt vector, +0x200. */
	mtc0(12, 0, ST_IE | ST_IM0);
	arm(0);
	fx_cause_irq(CAUSE_IV | CAUSE_IP0);
	report_exc("swi.iv", 0);
	mtc0(13, 0, 0);

	/* BEV=1: 0xbfc00380, and 0xbfc00400 with IV. */
	mtc0(12, 0, ST_BEV | ST_IE | ST_IM0);
	arm(0);
	fx_cause_irq(CAUSE_IP0);
	report_exc("swi.bev", 0);
	mtc0(13, 0, 0);
	mtc0(12, 0, ST_BEV | ST_IE | ST_IM1);
	arm(0);
	fx_cause_irq(CAUSE_IV | CAUSE_IP1);
	report_exc("swi.bev_iv", 0);
	kernel_state();
}

static void count_checks(void)
{
	u32 c1, c2;

	c1 = mfc0(9, 0);
	delay();
	c2 = mfc0(9, 0);
	check("count.runs", c2 != c1);
	mtc0(13, 0, CAUSE_DC);
	c1 = mfc0(9, 0);
	delay();
	c2 = mfc0(9, 0);
	mtc0(13, 0, 0);
	check("count.dc_stops", c2 == c1);
	c1 = mfc0(9, 0);
	delay();
	check("count.dc_restarts", mfc0(9, 0) != c1);
}

/* Wait (bounded) for Cause.TI with interrupts off. */
static u32 wait_ti(void)
{
	u32 i;

	for (i = 0; i < SPIN / 4; i++)
		if (mfc0(13, 0) & CAUSE_TI)
			return 1;
	return 0;
}

static void timer_pending(void)
{
	u32 cause;

	mtc0(12, 0, 0);
	mtc0(11, 0, mfc0(9, 0) + TIMER_FAR);
	check("timer.ti_before", (mfc0(13, 0) & CAUSE_TI) != 0);
	mtc0(11, 0, mfc0(9, 0) + TIMER_SOON);
	check("timer.ti_set", wait_ti());
	cause = mfc0(13, 0);
	check("timer.ti", cause >> 30 & 1);
	check("timer.ip7", cause >> 15 & 1);
	/* Still pending while IM7 is clear. */
	arm(0);
	mtc0(12, 0, ST_IE | ST_IM0);
	delay();
	mtc0(12, 0, 0);
	check("timer.im7_off.taken", exc.taken);
	/* Writing Compare, even the same value, clears TI and IP7. */
	mtc0(11, 0, mfc0(11, 0));
	cause = mfc0(13, 0);
	check("timer.compare_write.ti", cause >> 30 & 1);
	check("timer.compare_write.ip7", cause >> 15 & 1);
	mtc0(11, 0, mfc0(9, 0) - 1);
}

/* A timer interrupt taken while fx_spin runs with @status. */
static void timer_irq(const char *name, u32 cause, u32 status)
{
	u32 epc;

	mtc0(12, 0, 0);
	mtc0(13, 0, cause);
	arm(0);
	mtc0(11, 0, mfc0(9, 0) + TIMER_SOON);
	fx_spin(SPIN, &exc.taken, status);
	mtc0(12, 0, 0);
	epc = exc.epc;
	check2(name, "taken", exc.taken);
	check2(name, "code", (exc.cause >> 2) & 0x1f);
	check2(name, "vec", exc.taken ? KVA(exc.vector) : 0);
	check2(name, "ti", exc.cause >> 30 & 1);
	check2(name, "ip", exc.cause & (CAUSE_IP7 | CAUSE_IP1 | CAUSE_IP0));
	check2(name, "iv", exc.cause >> 23 & 1);
	check2(name, "status", exc.status);
	check2(name, "epc_in_spin",
	       epc >= (u32)fx_spin && epc <= (u32)fx_spin_end);
	mtc0(11, 0, mfc0(9, 0) - 1);
	mtc0(13, 0, 0);
}

void irq_checks(void)
{
	kernel_state();
	software_interrupts();
	count_checks();
	timer_pending();
	timer_irq("timer.irq", 0, ST_IE | ST_IM7);
	timer_irq("timer.irq_iv", CAUSE_IV, ST_IE | ST_IM7);
	timer_irq("timer.irq_bev_iv", CAUSE_IV, ST_BEV | ST_IE | ST_IM7);
	/* Masked by EXL: the spin runs out and nothing is taken. */
	timer_irq("timer.irq_exl", 0, ST_EXL | ST_IE | ST_IM7);

	/* wait: the interrupt is taken with EPC after the wait. */
	mtc0(12, 0, 0);
	mtc0(11, 0, mfc0(9, 0) + TIMER_LATER);
	arm(0);
	fx_wait(ST_IE | ST_IM7);
	mtc0(12, 0, 0);
	report_exc("timer.wait", 0);
	check("timer.wait.epc_next", exc.epc == (u32)fx_wait_next);
	check("timer.wait.ti", exc.cause >> 30 & 1);
	kernel_state();
}
