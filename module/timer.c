// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - the guest's Count/Compare timer and its interrupt lines.
 *
 * Count runs at MVC_GUEST_COUNT_HZ (100 MHz) of host monotonic time, also
 * while the VCPU is out of the guest or asleep in WAIT (count.c has the
 * arithmetic).  The moment Count next equals Compare is kept in match_ns,
 * and a pinned hrtimer fires then; it only marks the timer pending and
 * wakes the VCPU, which folds it into Cause (TI and IP7, as IntCtl.IPTI
 * says) before it next enters the guest.  The hrtimer is serviced only
 * when the host takes its interrupt, long after the match on a slow host,
 * so every guest read of Count or Cause (and GET_CP0 of either) also folds
 * in a match that time has reached: a guest that spins on Count until it
 * passes Compare finds TI set at once, as Linux's c0_compare_int_usable()
 * expects.  A Count write or Cause.DC keeps a match that already happened.
 * IP2..IP6 follow the levels userspace sets with MIPSVCPU_IRQ_LINE;
 * IP0/IP1 are the guest's own software interrupts.  While Cause.DC is set
 * Count stands still (and so the timer cannot fire); it resumes from the
 * same value when DC is cleared.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

#include "mipsvcpu.h"
#include "count.h"

#define IRQ_LINE_FIRST	2
#define IRQ_LINE_LAST	6

/**
 * mvc_guest_count() - CP0 Count now, without looking at the timer
 * @vcpu: the VCPU
 *
 * Return: the current value.
 */
u32 mvc_guest_count(const struct mvc_vcpu *vcpu)
{
	if (vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_DC)
		return vcpu->count_stopped;
	return mvc_count_at(vcpu->count_base_ns, ktime_get_ns());
}

/* Fold a match Count has reached at @now into Cause; Count at @now. */
static u32 mvc_count_observe(struct mvc_vcpu *vcpu, u64 now)
{
	u32 *cause = &vcpu->cp0.reg[MVC_CP0_CAUSE];

	*cause = mvc_count_latch(*cause, now, vcpu->match_ns);
	if (*cause & MVC_CAUSE_DC)
		return vcpu->count_stopped;
	return mvc_count_at(vcpu->count_base_ns, now);
}

/*
 * Aim the timer at the next Count == Compare after @now, the moment of
 * the write that changed Count or Compare: computing it from a later
 * moment could put a Compare a tick or two ahead behind Count, a whole
 * turn away.  The old match is forgotten: the hrtimer is cancelled
 * (waiting for its callback if it runs on another CPU) before the pending
 * bit is cleared, so that it cannot come back after a Compare write has
 * cleared TI.  A match already past @now fires at once.
 *
 * The hrtimer is pinned to the CPU that starts it, and it only marks the
 * timer pending: on another CPU than the one the guest spins on, it would
 * reach the guest at its next exit, up to a host tick late.  So only the
 * VCPU's own thread, in the run loop (guest_cpu is this CPU, interrupts
 * off), starts it here; after SET_CP0 or at creation, in any thread, the
 * match is only recorded and mvc_timer_place() starts it at the next
 * entry.  Reads of Count and Cause fold in a reached match without it.
 */
static void mvc_timer_arm(struct mvc_vcpu *vcpu, u64 now)
{
	hrtimer_cancel(&vcpu->timer);
	clear_bit(MVC_PENDING_TIMER, &vcpu->pending);
	if (vcpu->cp0.reg[MVC_CP0_CAUSE] & MVC_CAUSE_DC) {
		vcpu->match_ns = MVC_COUNT_NEVER;	/* Count stands still */
		return;
	}
	vcpu->match_ns = mvc_count_match(vcpu->count_base_ns, now,
					 vcpu->cp0.reg[MVC_CP0_COMPARE]);
	vcpu->timer_cpu = READ_ONCE(vcpu->guest_cpu);
	if (vcpu->timer_cpu >= 0)
		hrtimer_start(&vcpu->timer, ns_to_ktime(vcpu->match_ns),
			      HRTIMER_MODE_ABS_PINNED);
}

/**
 * mvc_read_count() - Count as a guest read (mfc0, rdhwr CC) sees it
 * @vcpu: the VCPU, not running (its RUN thread, or a holder of run_lock)
 *
 * If Count has reached Compare, Cause shows it from this read on.
 *
 * Return: Count now.
 */
u32 mvc_read_count(struct mvc_vcpu *vcpu)
{
	return mvc_count_observe(vcpu, ktime_get_ns());
}

/**
 * mvc_read_cause() - Cause as a guest read sees it
 * @vcpu: the VCPU, not running (its RUN thread, or a holder of run_lock)
 *
 * The levels of IP2..IP6 now, a timer that fired, and a match Count has
 * reached even if the hrtimer has not been serviced.
 *
 * Return: Cause now.
 */
u32 mvc_read_cause(struct mvc_vcpu *vcpu)
{
	mvc_sync_irqs(vcpu);
	mvc_count_observe(vcpu, ktime_get_ns());
	return vcpu->cp0.reg[MVC_CP0_CAUSE];
}

/**
 * mvc_set_count() - what mtc0 Count does
 * @vcpu: the VCPU
 * @count: the new value
 *
 * A match Count reached before the write stays in Cause (only a Compare
 * write clears TI).
 */
void mvc_set_count(struct mvc_vcpu *vcpu, u32 count)
{
	u64 now = ktime_get_ns();

	mvc_count_observe(vcpu, now);
	vcpu->count_stopped = count;
	vcpu->count_base_ns = mvc_count_base(now, count);
	mvc_timer_arm(vcpu, now);
}

/**
 * mvc_cause_written() - apply a change of Cause.DC
 * @vcpu: the VCPU
 * @old_cause: Cause before the write (the new value is in the register)
 */
void mvc_cause_written(struct mvc_vcpu *vcpu, u32 old_cause)
{
	u32 *cause = &vcpu->cp0.reg[MVC_CP0_CAUSE];
	u64 now;

	if (!((old_cause ^ *cause) & MVC_CAUSE_DC))
		return;
	if (!(*cause & MVC_CAUSE_DC)) {
		mvc_set_count(vcpu, vcpu->count_stopped);
		return;
	}
	/* Freeze: a match Count reached while running stays; Count stops. */
	now = ktime_get_ns();
	*cause = mvc_count_latch(*cause & ~MVC_CAUSE_DC, now,
				 vcpu->match_ns) | MVC_CAUSE_DC;
	vcpu->count_stopped = mvc_count_at(vcpu->count_base_ns, now);
	hrtimer_cancel(&vcpu->timer);
	vcpu->match_ns = MVC_COUNT_NEVER;
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
 * @vcpu: the VCPU, after Compare changed
 *
 * A Compare equal to Count now means a full 2^32-tick turn from now.
 */
void mvc_timer_rearm(struct mvc_vcpu *vcpu)
{
	mvc_timer_arm(vcpu, ktime_get_ns());
}

/**
 * __mvc_timer_place() - have the timer armed on the VCPU's CPU
 * @vcpu: the VCPU, about to enter the guest on @cpu with interrupts off,
 *	its timer not placed there (mvc_timer_place())
 * @cpu: this CPU
 *
 * Starts a timer SET_CP0 or creation left unarmed, or moves one armed on
 * another CPU (the VCPU's last) here, for the same match.  hrtimer_cancel()
 * waits for a callback running on the other CPU, so a timer that fired
 * there has set its pending bit before the entry latches it into Cause.
 */
void __mvc_timer_place(struct mvc_vcpu *vcpu, int cpu)
{
	bool start;

	if (vcpu->timer_cpu < 0)
		start = vcpu->match_ns != MVC_COUNT_NEVER;
	else
		start = hrtimer_cancel(&vcpu->timer);
	if (start)
		hrtimer_start(&vcpu->timer, ns_to_ktime(vcpu->match_ns),
			      HRTIMER_MODE_ABS_PINNED);
	vcpu->timer_cpu = cpu;
}

/**
 * mvc_timer_init() - set up a new VCPU's timer (Count = Compare = 0)
 * @vcpu: the VCPU
 */
void mvc_timer_init(struct mvc_vcpu *vcpu)
{
	hrtimer_init(&vcpu->timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_PINNED);
	vcpu->timer.function = mvc_timer_fire;
	vcpu->match_ns = MVC_COUNT_NEVER;
	vcpu->timer_cpu = -1;
	mvc_set_count(vcpu, 0);
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
		ip |= MVC_CAUSE_IP7;
	ip = (ip & ~MVC_CAUSE_HW_LINES) |
	     ((READ_ONCE(vcpu->irq_lines) << MVC_CAUSE_IP_SHIFT) &
	      MVC_CAUSE_HW_LINES);
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
	/*
	 * Pairs with the smp_mb() after the VCPU sets guest_cpu in
	 * mvc_run_irqs_off(): either it reads the new level before it enters
	 * the guest, or this reads its CPU and interrupts it.
	 */
	smp_mb__after_atomic();
	wake_up_interruptible(&vcpu->wq);

	me = get_cpu();
	cpu = READ_ONCE(vcpu->guest_cpu);
	if (cpu >= 0 && cpu != me)
		smp_call_function_single(cpu, mvc_kick_noop, NULL, 0);
	put_cpu();
	return 0;
}
