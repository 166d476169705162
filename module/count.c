// SPDX-License-Identifier: GPL-2.0
/*
 * count.c - the guest's Count/Compare arithmetic, as pure functions.
 *
 * Count runs at 100 MHz of host monotonic time: it is (now - base) / 10 ns,
 * kept to 32 bits, so it wraps every 2^32 ticks (42.9 s).  The timer
 * matches when Count becomes equal to Compare; that moment, in host
 * nanoseconds, is what the VCPU keeps ("match_ns") and what its hrtimer
 * is armed for.  A read that comes after it sees the match in Cause (TI
 * and IP7) even if the hrtimer has not been serviced yet: that is
 * mvc_count_latch(), the one rule every reader applies.
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "count.h"

/**
 * mvc_count_at() - Count at a moment
 * @base_ns: host time at which Count was 0 (modulo 2^64)
 * @now_ns: the moment
 *
 * Return: the 32-bit Count.
 */
u32 mvc_count_at(u64 base_ns, u64 now_ns)
{
	u32 rem;

	return (u32)mvc_div_u64_rem(now_ns - base_ns, MVC_COUNT_NS_PER_TICK,
				    &rem);
}

/**
 * mvc_count_base() - the base that makes Count read @count now
 * @now_ns: the moment
 * @count: the Count wanted then
 *
 * Return: the host time at which Count was (or would have been) 0,
 * modulo 2^64; only differences with it matter.
 */
u64 mvc_count_base(u64 now_ns, u32 count)
{
	return now_ns - (u64)count * MVC_COUNT_NS_PER_TICK;
}

/**
 * mvc_count_match() - when Count next becomes equal to Compare
 * @base_ns: as for mvc_count_at()
 * @now_ns: the moment Compare (or Count) was written
 * @compare: Compare
 *
 * The match is the start of the first tick after the current one whose
 * Count equals @compare: 1 to 2^32 ticks ahead.  A Compare equal to Count
 * now therefore matches only after a full turn.
 *
 * Return: the host time of the match, always after @now_ns.
 */
u64 mvc_count_match(u64 base_ns, u64 now_ns, u32 compare)
{
	u32 into_tick, count;
	u64 ticks;

	count = (u32)mvc_div_u64_rem(now_ns - base_ns, MVC_COUNT_NS_PER_TICK,
				     &into_tick);
	ticks = (u32)(compare - count);
	if (!ticks)
		ticks = 1ull << 32;
	return now_ns - into_tick + ticks * MVC_COUNT_NS_PER_TICK;
}

/**
 * mvc_count_latch() - Cause as a read at @now_ns must see it
 * @cause: the guest's Cause
 * @now_ns: the moment of the read
 * @match_ns: the pending match (mvc_count_match()), or MVC_COUNT_NEVER
 *
 * Once Count has reached Compare, TI and IP7 are set (until Compare is
 * written, which the caller handles).  While Cause.DC stops Count nothing
 * can match.  When TI is already set, or DC is, the result is @cause
 * whatever the times: the exception vector relies on that to serve Cause
 * reads without knowing the time (mvc_cp0_fast_class()).
 *
 * Return: the new Cause.
 */
u32 mvc_count_latch(u32 cause, u64 now_ns, u64 match_ns)
{
	if (cause & MVC_CAUSE_DC)
		return cause;
	if (now_ns >= match_ns)
		cause |= MVC_CAUSE_TI | MVC_CAUSE_IP7;
	return cause;
}

/**
 * mvc_count_quiet_ticks() - how long no match can come, in host Count ticks
 * @now_ns: the moment
 * @match_ns: the pending match (mvc_count_match()), or MVC_COUNT_NEVER
 * @host_hz: the rate of the host CPU's own CP0 Count, 0 if unknown
 *
 * The exception vector has no clock but the host CPU's Count.  For as many
 * of its ticks as this returns, counted from @now_ns, Count cannot reach
 * Compare, so mvc_count_latch() would leave Cause as it is and the vector
 * may serve a Cause read from the stored register.  The figure errs on
 * the early side: the time to the match less a sixteenth and
 * MVC_COUNT_QUIET_SLACK_NS (the host's clock and its Count drift apart by
 * far less), at most MVC_COUNT_QUIET_MAX so that the vector's signed
 * comparison of two Counts holds.
 *
 * Return: the number of host ticks, 0 if the match is due or close.
 */
u32 mvc_count_quiet_ticks(u64 now_ns, u64 match_ns, u32 host_hz)
{
	u64 ns;
	u32 rem;

	if (!host_hz || match_ns <= now_ns)
		return 0;
	ns = match_ns - now_ns;
	if (ns > MVC_COUNT_QUIET_MAX_NS)
		ns = MVC_COUNT_QUIET_MAX_NS;
	ns -= ns / 16;
	if (ns <= MVC_COUNT_QUIET_SLACK_NS)
		return 0;
	ns -= MVC_COUNT_QUIET_SLACK_NS;
	ns = mvc_div_u64_rem(ns * host_hz, 1000000000u, &rem);
	return ns > MVC_COUNT_QUIET_MAX ? MVC_COUNT_QUIET_MAX : (u32)ns;
}
