// SPDX-License-Identifier: GPL-2.0
/*
 * count_test.c - host tests of module/count.c: Count from host time, the
 * moment of the next Count == Compare across the 32-bit wrap, and the
 * latch every Count/Cause read applies, including the property the
 * exception vector's Cause fast path rests on (a Cause with TI or DC set
 * is left alone whatever the time).
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "../../module/count.h"
#include "../../module/cp0.h"

#define TICK		MVC_COUNT_NS_PER_TICK
#define TURN		((1ull << 32) * TICK)	/* one wrap of Count */
#define TI_IP7		(MVC_CAUSE_TI | MVC_CAUSE_IP7)

static u64 rand64(void)
{
	return (u64)rand() << 42 ^ (u64)rand() << 21 ^ (u64)rand();
}

static u32 rand32(void)
{
	return (u32)rand() << 16 ^ (u32)rand();
}

TEST(count_from_time)
{
	EXPECT_EQ(0u, mvc_count_at(1000, 1000));
	EXPECT_EQ(0u, mvc_count_at(1000, 1009));
	EXPECT_EQ(1u, mvc_count_at(1000, 1010));
	EXPECT_EQ(0xffffffffu, mvc_count_at(0, TURN - 1));
	EXPECT_EQ(0u, mvc_count_at(0, TURN));	/* wraps every 42.9 s */
	EXPECT_EQ(3u, mvc_count_at(5, 5 + 7 * TURN + 3 * TICK + 9));
}

/* A base set for a Count reads that Count back, even early in host time. */
TEST(base_round_trip)
{
	u64 now;
	u32 c, i;

	srand(1);
	for (i = 0; i < 100000; i++) {
		now = i & 1 ? rand64() : rand() % 1000;
		c = rand32();
		ASSERT_EQ(c, mvc_count_at(mvc_count_base(now, c), now))
			TH_LOG("now %llu count %#x", (unsigned long long)now, c);
		ASSERT_EQ(c + 1, mvc_count_at(mvc_count_base(now, c),
					      now + TICK));
	}
}

/* The match is the first tick after now whose Count is Compare. */
TEST(match_is_the_next_equal_tick)
{
	u64 base, now, m;
	u32 cmp, c, i;

	srand(2);
	for (i = 0; i < 100000; i++) {
		base = rand64() >> 2;
		now = base + (rand64() >> 8);
		c = mvc_count_at(base, now);
		cmp = i % 3 ? rand32() : c + i % 7;
		m = mvc_count_match(base, now, cmp);
		ASSERT_LT(now, m);
		ASSERT_LE(m - now, TURN);
		ASSERT_EQ(cmp, mvc_count_at(base, m));
		ASSERT_EQ(cmp - 1, mvc_count_at(base, m - 1));
		ASSERT_EQ(0u, (m - base) % TICK);	/* the start of a tick */
		/* No tick in between has Count == Compare. */
		ASSERT_EQ((u32)(cmp - c) ?: 0x100000000ull,
			  (m - now + (now - base) % TICK) / TICK);
	}
}

TEST(match_across_the_wrap_and_full_turn)
{
	u64 base = 1000, now = base + 0xfffffffeull * TICK + 3;

	/* Count 0xfffffffe, Compare 0: two ticks, across the wrap. */
	EXPECT_EQ(base + 0x100000000ull * TICK,
		  mvc_count_match(base, now, 0));
	/* Compare equal to Count now: a whole turn. */
	EXPECT_EQ(base + 0xfffffffeull * TICK + TURN,
		  mvc_count_match(base, now, 0xfffffffeu));
	/* Compare just behind Count: one tick short of a turn. */
	EXPECT_EQ(base + 0xfffffffeull * TICK + TURN - TICK,
		  mvc_count_match(base, now, 0xfffffffdu));
}

TEST(latch_rules)
{
	u32 other = 0x00800300u;	/* IV, IP0, IP1: untouched */

	EXPECT_EQ(other, mvc_count_latch(other, 99, 100));
	EXPECT_EQ(other | TI_IP7, mvc_count_latch(other, 100, 100));
	EXPECT_EQ(other | TI_IP7, mvc_count_latch(other, 1000, 100));
	/* Count stopped: nothing matches, whatever the times. */
	EXPECT_EQ(other | MVC_CAUSE_DC,
		  mvc_count_latch(other | MVC_CAUSE_DC, 1000, 100));
	/* No match armed. */
	EXPECT_EQ(other, mvc_count_latch(other, ~0ull - 1, MVC_COUNT_NEVER));
}

/*
 * What the vector's Cause fast path rests on: Cause with TI or DC set is
 * what a C read would return at any time.  TI never goes without IP7:
 * only the latch and mvc_sync_irqs() set them (together), only a Compare
 * write clears them (together), and no write sets either.
 */
TEST(cause_with_ti_or_dc_is_left_alone)
{
	struct mvc_cp0 c;
	u32 cause, i, k, cls, mask;

	cls = mvc_cp0_fast_class(MVC_CP0_CAUSE, 16, &mask);
	EXPECT_EQ(MVC_CP0_FAST_READ_TIMER, cls);
	srand(3);
	for (i = 0; i < 100000; i++) {
		cause = rand32() & ~TI_IP7;
		if (i & 1)
			cause |= TI_IP7;
		else
			cause |= MVC_CAUSE_DC;
		ASSERT_EQ(cause, mvc_count_latch(cause, rand64(), rand64()));
	}
	for (i = 0; i < 20000; i++) {
		mvc_cp0_reset(&c, 16, 0);
		if (i & 1)
			c.reg[MVC_CP0_CAUSE] |= TI_IP7;
		for (k = 0; k < 8; k++) {
			mvc_cp0_write(&c, i % 5 ? MVC_CP0_CAUSE : rand32() % 256,
				      rand32());
			cause = c.reg[MVC_CP0_CAUSE];
			ASSERT_EQ(!(cause & MVC_CAUSE_TI), !(cause & MVC_CAUSE_IP7))
				TH_LOG("Cause %#x", cause);
		}
	}
	mvc_cp0_reset(&c, 16, 0);
	c.reg[MVC_CP0_CAUSE] |= TI_IP7;
	mvc_cp0_write(&c, MVC_CP0_COMPARE, 5);
	EXPECT_EQ(0u, c.reg[MVC_CP0_CAUSE] & TI_IP7);
}

/*
 * The vector serves Cause reads for mvc_count_quiet_ticks() host ticks:
 * however far the match and whatever the host's rate, those ticks end
 * before the match (with the sixteenth and the slack to spare), never
 * exceed the bound the vector's signed comparison needs, and come to 0
 * when the match is due, close or the rate unknown.
 */
/*
 * a * b <= c * d for 64-bit factors, exactly: 32-bit MIPS gcc has no
 * __uint128_t, and the native make check builds this test there.
 */
static void mul_128(u64 a, u64 b, u64 *hi, u64 *lo)
{
	u64 p00 = (a & 0xffffffffu) * (b & 0xffffffffu);
	u64 p01 = (a & 0xffffffffu) * (b >> 32);
	u64 p10 = (a >> 32) * (b & 0xffffffffu);
	u64 mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);

	*lo = mid << 32 | (p00 & 0xffffffffu);
	*hi = (a >> 32) * (b >> 32) + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

static bool product_le(u64 a, u64 b, u64 c, u64 d)
{
	u64 h1, l1, h2, l2;

	mul_128(a, b, &h1, &l1);
	mul_128(c, d, &h2, &l2);
	return h1 < h2 || (h1 == h2 && l1 <= l2);
}

TEST(the_128_bit_product_is_exact)
{
	u64 hi, lo;

	mul_128(~0ull, ~0ull, &hi, &lo);	/* (2^64 - 1)^2 */
	EXPECT_EQ(~0ull - 1, hi);
	EXPECT_EQ(1ull, lo);
	mul_128(1ull << 32, 1ull << 32, &hi, &lo);
	EXPECT_EQ(1ull, hi);
	EXPECT_EQ(0ull, lo);
	EXPECT_TRUE(product_le(3, 1ull << 63, 2, ~0ull));	/* 3 * 2^63 <= 2^65 - 2 */
	EXPECT_FALSE(product_le(2, ~0ull, 3, 1ull << 63));
	EXPECT_TRUE(product_le(5, 7, 35, 1));
	EXPECT_FALSE(product_le(5, 7, 34, 1));
}

TEST(quiet_ticks_end_before_the_match)
{
	static const u32 rates[] = { 1, 1000, 12500000, 100000000, 160000000,
				     500000000, 4000000000u };
	u64 now, match, gap, before_ns;
	u32 t, hz, i;

	EXPECT_EQ(0u, mvc_count_quiet_ticks(1000, 1000, 100000000));
	EXPECT_EQ(0u, mvc_count_quiet_ticks(1000, 999, 100000000));
	EXPECT_EQ(0u, mvc_count_quiet_ticks(1000, 1000000, 0));
	EXPECT_EQ(0u, mvc_count_quiet_ticks(0, MVC_COUNT_QUIET_SLACK_NS, 100000000));
	/* 1 ms at 100 MHz: 100,000 ticks less a sixteenth and 2 us */
	EXPECT_EQ(93550u, mvc_count_quiet_ticks(0, 1000000, 100000000));
	EXPECT_EQ(MVC_COUNT_QUIET_MAX,
		  mvc_count_quiet_ticks(5, MVC_COUNT_NEVER, 4000000000u));
	srand(3);
	for (i = 0; i < 200000; i++) {
		now = rand64() >> (rand() % 64);
		gap = rand64() >> (rand() % 64);
		match = gap > ~now ? MVC_COUNT_NEVER : now + gap;
		hz = rates[i % ARRAY_SIZE(rates)];
		if (i % 3 == 0)
			hz = rand32();
		t = mvc_count_quiet_ticks(now, match, hz);
		ASSERT_LE(t, MVC_COUNT_QUIET_MAX);
		if (!t)
			continue;
		/* t ticks take t / hz s: at least a sixteenth early */
		before_ns = match - now;
		ASSERT_TRUE(product_le(t, 16000000000ull, before_ns, 15ull * hz))
			TH_LOG("now %llu match %llu hz %u: %u ticks",
			       (unsigned long long)now,
			       (unsigned long long)match, hz, t);
	}
}

/*
 * A window computed at host Count @from for @ticks may be used again only
 * while Count is inside it, counted forward from @from: a Count that has
 * gone round past the window must not look ahead of its end (a signed
 * comparison with the end did, once more than half a wrap had passed).
 */
TEST(quiet_window_is_reused_only_inside_it)
{
	EXPECT_TRUE(mvc_count_quiet_reuse(1000, 500, 1000));
	EXPECT_TRUE(mvc_count_quiet_reuse(1000, 500, 1499));
	EXPECT_FALSE(mvc_count_quiet_reuse(1000, 500, 1500));
	EXPECT_FALSE(mvc_count_quiet_reuse(1000, 500, 999));
	EXPECT_FALSE(mvc_count_quiet_reuse(1000, 0, 1000));
	/* across the wrap of Count */
	EXPECT_TRUE(mvc_count_quiet_reuse(0xfffff000u, 0x2000, 0x00000fffu));
	EXPECT_FALSE(mvc_count_quiet_reuse(0xfffff000u, 0x2000, 0x00001000u));
	/* three quarters of a wrap later: (s32)(end - now) > 0, yet outside */
	EXPECT_FALSE(mvc_count_quiet_reuse(0, 0x1000, 0xc0000000u));
	EXPECT_FALSE(mvc_count_quiet_reuse(0, MVC_COUNT_QUIET_MAX, 0xc0000000u));
}

TEST_HARNESS_MAIN
