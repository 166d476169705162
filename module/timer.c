// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - the guest's Count/Compare timer and its interrupt lines.
 *
 * Count runs at MVC_GUEST_COUNT_HZ (100 MHz) of host monotonic time, also
 * while the VCPU is out of the guest or asleep in WAIT.  A pinned hrtimer
 * fires when Count reaches Compare; it only marks the timer pending and
 * wakes the VCPU; the VCPU folds it into Cause (TI and IP7, as IntCtl.IPTI
 * says) before it next enters the guest.  IP2..IP6 follow the levels
 * userspace sets with MIPSVCPU_IRQ_LINE; IP0/IP1 are the guest's own
 * software interrupts.  While Cause.DC is set Count stands still (and
 * so the timer cannot fire); it resumes from the same value when DC is
 * cleared.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

#include "mipsvcpu.h"

#define NS_PER_TICK	(NSEC_PER_SEC / MVC_GUEST_COUNT_HZ)
#define CAUSE_IP7	0x00008000u
#define CAUSE_HW_LINES	0x00007c00u	/* IP2..IP6 */
#define IRQ_LINE_FIRST	2
#define IRQ_LINE_LAST	6

/**
 * mvc_guest_count() - CP0 Count now
 * @vcpu: the VCPU
 *
 * Return: the current value.
 */
u32 mvc_guest_count(const struct mvc_vcpu *vcpu)
{
	if (vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_DC)
		return vcpu->count_stopped;
	return (u32)div_u64(ktime_get_ns() - vcpu->count_base_ns, NS_PER_TICK);
}

/**
 * mvc_set_count() - what mtc0 Count does
 * @vcpu: the VCPU
 * @count: the new value
 */
void mvc_set_count(struct mvc_vcpu *vcpu, u32 count)
{
	vcpu->count_stopped = count;
	vcpu->count_base_ns = ktime_get_ns() - (u64)count * NS_PER_TICK;
	mvc_timer_rearm(vcpu);
}

/**
 * mvc_cause_written() - apply a change of Cause.DC
 * @vcpu: the VCPU
 * @old_cause: Cause before the write (the new value is in the register)
 */
void mvc_cause_written(struct mvc_vcpu *vcpu, u32 old_cause)
{
	u32 now_dc = vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_DC;
	u32 count;

	if (!((old_cause ^ vcpu->cp0.reg[MVC_CP0_CAUSE]) & MVC_CAUSE_DC))
		return;
	if (now_dc) {
		/* Freeze: remember where Count stood, stop the timer. */
		vcpu->cp0.reg[MVC_CP0_CAUSE] &= ~MVC_CAUSE_DC;
		count = mvc_guest_count(vcpu);
		vcpu->cp0.reg[MVC_CP0_CAUSE] |= MVC_CAUSE_DC;
		vcpu->count_stopped = count;
		hrtimer_try_to_cancel(&vcpu->timer);
	} else {
		mvc_set_count(vcpu, vcpu->count_stopped);
	}
}

static enum hrtimer_restart mvc_timer_fire(struct hrtimer *timer)
{
	struct mvc_vcpu *vcpu = container_of(timer, struct mvc_vcpu, timer);

	set_bit(MVC_PENDING_TIMER, &vcpu->pending);
	wake_up_interruptible(&vcpu->wq);
	return HRTIMER_NORESTART;
}

/**
 * mvc_timer_rearm() - aim the hrtimer at the next Count == Compare
 * @vcpu: the VCPU, after Count or Compare changed
 *
 * A Compare equal to Count now means a full 2^32-tick turn from now.
 */
void mvc_timer_rearm(struct mvc_vcpu *vcpu)
{
	u32 ticks = vcpu->cp0.reg[MVC_CP0_COMPARE] - mvc_guest_count(vcpu);
	u64 ns = (ticks ? (u64)ticks : 1ull << 32) * NS_PER_TICK;

	clear_bit(MVC_PENDING_TIMER, &vcpu->pending);
	if (vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_DC)
		return;		/* Count stands still: no match to wait for */
	hrtimer_start(&vcpu->timer, ns_to_ktime(ns), HRTIMER_MODE_REL_PINNED);
}

/**
 * mvc_timer_migrate() - bring a waiting timer to the VCPU's new CPU
 * @vcpu: the VCPU, now running on this CPU with interrupts off
 *
 * The hrtimer is pinned to the CPU that armed it, and when it fires it
 * only marks the timer pending: a guest that moved to another CPU would
 * see it at its next exit.  Re-arm it here, unless it has fired or is
 * firing (then the pending bit is or will be set, and is latched into
 * Cause before every entry).
 */
void mvc_timer_migrate(struct mvc_vcpu *vcpu)
{
	if (hrtimer_try_to_cancel(&vcpu->timer) == 1)
		mvc_timer_rearm(vcpu);
}

/**
 * mvc_timer_init() - set up a new VCPU's timer (Count = Compare = 0)
 * @vcpu: the VCPU
 */
void mvc_timer_init(struct mvc_vcpu *vcpu)
{
	hrtimer_init(&vcpu->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	vcpu->timer.function = mvc_timer_fire;
	vcpu->count_base_ns = ktime_get_ns();
	mvc_timer_rearm(vcpu);
}

/**
 * mvc_timer_cancel() - stop a dying VCPU's timer
 * @vcpu: the VCPU
 */
void mvc_timer_cancel(struct mvc_vcpu *vcpu)
{
	hrtimer_cancel(&vcpu->timer);
}

/**
 * mvc_sync_irqs() - bring Cause.IP up to date
 * @vcpu: the VCPU, in its own thread
 *
 * Latches a timer that fired into Cause.TI/IP7 (until Compare is written)
 * and copies the current levels of IP2..IP6.
 */
void mvc_sync_irqs(struct mvc_vcpu *vcpu)
{
	u32 *cause = &vcpu->cp0.reg[MVC_CP0_CAUSE];
	u32 lines = READ_ONCE(vcpu->irq_lines);

	if (test_and_clear_bit(MVC_PENDING_TIMER, &vcpu->pending))
		*cause |= MVC_CAUSE_TI | CAUSE_IP7;
	*cause = (*cause & ~CAUSE_HW_LINES) |
		 ((lines << MVC_CAUSE_IP_SHIFT) & CAUSE_HW_LINES);
}

/**
 * mvc_irq_wakeup() - should a VCPU in WAIT wake up?
 * @vcpu: the VCPU
 *
 * Return: true when an interrupt the guest has not masked in Status.IM is
 * pending (whether IE is set does not matter for WAIT).
 */
bool mvc_irq_wakeup(struct mvc_vcpu *vcpu)
{
	u32 im = vcpu->cp0.reg[MVC_CP0_STATUS] & MVC_ST_IM;
	u32 ip = vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_IP;

	if (test_bit(MVC_PENDING_TIMER, &vcpu->pending))
		ip |= CAUSE_IP7;
	ip = (ip & ~CAUSE_HW_LINES) |
	     ((READ_ONCE(vcpu->irq_lines) << MVC_CAUSE_IP_SHIFT) &
	      CAUSE_HW_LINES);
	return ip & im;
}

static void mvc_kick_noop(void *info)
{
}

/**
 * mvc_set_irq_line() - MIPSVCPU_IRQ_LINE
 * @vcpu: the VCPU; any thread
 * @line: 2 .. 6
 * @level: 0 or 1
 *
 * Wakes the VCPU from WAIT, and interrupts it if it is in the guest on
 * another CPU so that it sees the new level at once.
 *
 * Return: 0 or -EINVAL.
 */
int mvc_set_irq_line(struct mvc_vcpu *vcpu, u32 line, u32 level)
{
	int cpu, me;

	if (line < IRQ_LINE_FIRST || line > IRQ_LINE_LAST || level > 1)
		return -EINVAL;
	if (level)
		set_bit(line, &vcpu->irq_lines);
	else
		clear_bit(line, &vcpu->irq_lines);
	wake_up_interruptible(&vcpu->wq);

	me = get_cpu();
	cpu = READ_ONCE(vcpu->guest_cpu);
	if (cpu >= 0 && cpu != me)
		smp_call_function_single(cpu, mvc_kick_noop, NULL, 0);
	put_cpu();
	return 0;
}
