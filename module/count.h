/* SPDX-License-Identifier: GPL-2.0 */
/*
 * count.h - the guest's Count/Compare arithmetic (pure; see count.c).
 */
#ifndef MVC_COUNT_H
#define MVC_COUNT_H

#include "mvc_types.h"
#include "cp0.h"

/* Count ticks at MVC_GUEST_COUNT_HZ: 10 ns each. */
#define MVC_COUNT_NS_PER_TICK	(1000000000u / MVC_GUEST_COUNT_HZ)
/* No match to wait for (Count stands still). */
#define MVC_COUNT_NEVER		(~(u64)0)

u32 mvc_count_at(u64 base_ns, u64 now_ns);
u64 mvc_count_base(u64 now_ns, u32 count);
u64 mvc_count_match(u64 base_ns, u64 now_ns, u32 compare);
u32 mvc_count_latch(u32 cause, u64 now_ns, u64 match_ns);

/* mvc_count_quiet_ticks(): its margins and bounds. */
#define MVC_COUNT_QUIET_SLACK_NS	2000u
#define MVC_COUNT_QUIET_MAX_NS		0x80000000ull	/* 2.1 s */
#define MVC_COUNT_QUIET_MAX		0x40000000u
u32 mvc_count_quiet_ticks(u64 now_ns, u64 match_ns, u32 host_hz);

/**
 * mvc_count_quiet_reuse() - is the host's Count still in an earlier window?
 * @from: the host Count when mvc_count_quiet_ticks() was asked
 * @ticks: what it answered
 * @now: the host Count now, on the same CPU, for the same match
 *
 * The window's end stays before the match as time passes: the host's Count
 * and clock advance together, and the margins of mvc_count_quiet_ticks()
 * only grow relative to the time left.  Count wraps, so @now is in the
 * window only if it lies between @from and the end, counted forward from
 * @from; the caller bounds the time since (less than a wrap of Count).
 *
 * Return: true if the vector may go on serving Cause reads until
 * @from + @ticks.  Inline: asked before every entry.
 */
static inline bool mvc_count_quiet_reuse(u32 from, u32 ticks, u32 now)
{
	return now - from < ticks;
}

#endif /* MVC_COUNT_H */
