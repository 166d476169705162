// SPDX-License-Identifier: GPL-2.0
/*
 * guest_tlb_test.c - host tests of module/guest_tlb.c and module/cp0.c:
 * tlbr/tlbwi round trips, lookups for every page size, ASIDs and G, and
 * the CP0 write masks, against a brute-force reference lookup.
 */
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../../module/guest_tlb.h"
#include "../../module/cp0.h"

#define LO(pfn, c, flags) ((pfn) << 6 | (c) << 3 | (flags))

TEST(write_read_round_trip_and_masks)
{
	struct mvc_guest_tlb t;
	u32 hi, pm, lo0, lo1;

	mvc_tlb_reset(&t, 16);
	/* 64 KiB pages: VPN2 and PFN bits under the mask are dropped. */
	mvc_tlb_write(&t, 3, 0x40117fff, 0x0001e000, LO(0x12345, 3, 0x7),
		      LO(0x12346, 2, 0x2));
	mvc_tlb_read(&t, 3, &hi, &pm, &lo0, &lo1);
	EXPECT_EQ(0x401000ffu, hi);
	EXPECT_EQ(0x0001e000u, pm);
	/* G only when both halves have it, and then reads back on both. */
	EXPECT_EQ(LO(0x12340, 3, 0x6), lo0);
	EXPECT_EQ(LO(0x12340, 2, 0x2), lo1);
	mvc_tlb_write(&t, 4, 0x00002000, 0, LO(1, 3, 0x3), LO(2, 3, 0x3));
	mvc_tlb_read(&t, 4, &hi, &pm, &lo0, &lo1);
	EXPECT_EQ(LO(1, 3, 0x3), lo0);
	EXPECT_EQ(LO(2, 3, 0x3), lo1);
}

TEST(lookup_every_page_size)
{
	struct mvc_guest_tlb t;
	struct mvc_tlb_hit hit;
	u32 pm, size, va;

	for (pm = 0; pm <= 0x01ffe000; pm = pm << 2 | 0x6000) {
		size = (pm >> 1) + 0x1000;
		mvc_tlb_reset(&t, 16);
		va = 0x40000000;
		mvc_tlb_write(&t, 5, va | 9, pm, LO(0x1000, 3, 0x6),
			      LO(0x1000 + (size >> 12), 3, 0x2));
		ASSERT_EQ(5, mvc_tlb_lookup(&t, va + 4, 9, &hit));
		EXPECT_EQ(size, hit.page_size);
		EXPECT_EQ(0x01000004u, hit.pa);
		EXPECT_TRUE(hit.lo & MVC_ENTRYLO_D);
		ASSERT_EQ(5, mvc_tlb_lookup(&t, va + size + size - 4, 9, &hit));
		EXPECT_EQ(0x01000000u + 2 * size - 4, hit.pa);
		EXPECT_FALSE(hit.lo & MVC_ENTRYLO_D);
		EXPECT_EQ(-1, mvc_tlb_lookup(&t, va + 2 * size, 9, &hit));
		EXPECT_EQ(-1, mvc_tlb_lookup(&t, va, 8, &hit));	/* ASID */
	}
}

TEST(asid_global_and_probe)
{
	struct mvc_guest_tlb t;
	struct mvc_tlb_hit hit;

	mvc_tlb_reset(&t, 8);
	/* A reset TLB maps page pair 0 of ASID 0, invalid (as QEMU's). */
	ASSERT_EQ(0, mvc_tlb_lookup(&t, 0x1000, 0, &hit));
	EXPECT_FALSE(hit.lo & MVC_ENTRYLO_V);
	EXPECT_EQ(-1, mvc_tlb_lookup(&t, 0x1000, 1, &hit));
	mvc_tlb_write(&t, 2, 0x00400000 | 7, 0, LO(5, 3, 0x3), LO(6, 3, 0x3));
	EXPECT_EQ(2, mvc_tlb_lookup(&t, 0x00401000, 200, &hit));
	EXPECT_EQ(0x6000u, hit.pa);
	EXPECT_EQ(2, mvc_tlb_probe(&t, 0x00400000 | 99));
	EXPECT_EQ(-1, mvc_tlb_probe(&t, 0x00402000 | 99));
	mvc_tlb_write(&t, 3, 0x00800000 | 7, 0, LO(5, 3, 0x2), LO(6, 3, 0x3));
	EXPECT_EQ(3, mvc_tlb_probe(&t, 0x00800000 | 7));
	EXPECT_EQ(-1, mvc_tlb_probe(&t, 0x00800000 | 6));
}

/* The reference: any entry whose masked VPN2 and ASID/G match. */
static int reference_lookup(const struct mvc_guest_tlb *t, u32 va, u32 asid)
{
	u32 i;

	for (i = 0; i < t->size; i++) {
		const struct mvc_tlb_entry *e = &t->e[i];
		u32 size = (e->pagemask >> 1) + 0x1000;
		u32 base = e->vpn2;

		if (va >= base && va - base < 2 * size &&
		    (e->global || e->asid == asid))
			return i;
	}
	return -1;
}

TEST(random_entries_agree_with_reference)
{
	static const u32 masks[] = { 0, 0x6000, 0x1e000, 0x7e000, 0x1fe000,
				     0x7fe000, 0x1ffe000 };
	struct mvc_guest_tlb t;
	struct mvc_tlb_hit hit;
	unsigned int i, n;

	srand(1);
	for (n = 0; n < 200; n++) {
		mvc_tlb_reset(&t, 1 + rand() % 64);
		for (i = 0; i < t.size; i++)
			mvc_tlb_write(&t, i, (u32)rand() << 1 ^ rand(),
				      masks[rand() % 7], rand(), rand());
		for (i = 0; i < 2000; i++) {
			u32 va = (u32)rand() << 1 ^ rand(), asid = rand() & 0xff;

			if (i & 1)	/* aim near an entry */
				va = t.e[rand() % t.size].vpn2 + (rand() & 0x3fffff);
			EXPECT_EQ(reference_lookup(&t, va, asid),
				  mvc_tlb_lookup(&t, va, asid, &hit));
		}
	}
}

/*
 * The index (mvc_tlb_may_match()) never rules out an address some entry
 * matches, and recounts equal after every write: overwrites of 4 KiB
 * entries by 4 KiB ones (what the vector does), of large ones, and back.
 */
TEST(the_index_never_hides_an_entry)
{
	static const u32 masks[] = { 0, 0, 0, 0, 0x6000, 0x1ffe000 };
	struct mvc_guest_tlb t;
	unsigned int i, n, hidden = 0, ruled_out = 0;

	srand(2);
	for (n = 0; n < 200; n++) {
		mvc_tlb_reset(&t, 1 + rand() % 64);
		ASSERT_TRUE(mvc_tlb_index_ok(&t));
		/* A reset TLB: VPN2 0 everywhere, as tlbr reads it. */
		EXPECT_TRUE(mvc_tlb_may_match(&t, 0x1fff));
		EXPECT_FALSE(mvc_tlb_may_match(&t, 0x2000));
		for (i = 0; i < 4 * t.size; i++) {
			u32 va = (u32)rand() << 1 ^ rand(), asid = rand() & 0xff;
			/* Only 4 KiB pages in most rounds: the index decides. */
			u32 pm = n & 1 ? masks[rand() % 6] : 0;

			if (i & 1)	/* overwrite near another entry */
				va = t.e[rand() % t.size].vpn2 ^ (rand() & 0xe000);
			mvc_tlb_write(&t, rand(), va | asid, pm, rand(), rand());
			ASSERT_TRUE(mvc_tlb_index_ok(&t));
		}
		for (i = 0; i < 4000; i++) {
			u32 va = (u32)rand() << 1 ^ rand(), asid = rand() & 0xff;
			struct mvc_tlb_hit hit;

			if (i & 1)
				va = t.e[rand() % t.size].vpn2 + (rand() & 0x1fff);
			if (mvc_tlb_lookup(&t, va, asid, &hit) >= 0 &&
			    !mvc_tlb_may_match(&t, va))
				hidden++;
			if (!mvc_tlb_may_match(&t, va))
				ruled_out++;
		}
	}
	EXPECT_EQ(0, hidden);
	/* And it is worth having: most random addresses are ruled out. */
	EXPECT_GT(ruled_out, 200 * 4000 / 8);
}

/* A changed count is seen: the check is not vacuous. */
TEST(a_wrong_count_is_caught)
{
	struct mvc_guest_tlb t;

	mvc_tlb_reset(&t, 16);
	mvc_tlb_write(&t, 3, 0x40002000, 0, 0, 0);
	ASSERT_TRUE(mvc_tlb_index_ok(&t));
	EXPECT_TRUE(mvc_tlb_may_match(&t, 0x40003ffc));
	t.bucket[MVC_TLB_BUCKET(0x40002000)]--;
	EXPECT_FALSE(mvc_tlb_index_ok(&t));
	t.bucket[MVC_TLB_BUCKET(0x40002000)]++;
	t.nlarge = 1;
	EXPECT_FALSE(mvc_tlb_index_ok(&t));
}

TEST(cp0_write_masks)
{
	struct mvc_cp0 c;

	mvc_cp0_reset(&c, 16, 3);
	EXPECT_EQ(0x00400002u, mvc_cp0_read(&c, MVC_CP0_STATUS));
	EXPECT_EQ(15u, mvc_cp0_read(&c, MVC_CP0_RANDOM));
	EXPECT_EQ(3u, mvc_cp0_read(&c, MVC_CP0_EBASE));
	EXPECT_EQ(15u, (mvc_cp0_read(&c, MVC_CP0_CONFIG1) >> 25) & 0x3f);

	mvc_cp0_write(&c, MVC_CP0_INDEX, ~0u);
	EXPECT_EQ(0xfu, mvc_cp0_read(&c, MVC_CP0_INDEX));
	mvc_cp0_write(&c, MVC_CP0_ENTRYHI, ~0u);
	EXPECT_EQ(0xffffe0ffu, mvc_cp0_read(&c, MVC_CP0_ENTRYHI));
	mvc_cp0_write(&c, MVC_CP0_ENTRYLO0, ~0u);
	EXPECT_EQ(0x03ffffffu, mvc_cp0_read(&c, MVC_CP0_ENTRYLO0));
	mvc_cp0_write(&c, MVC_CP0_EBASE, ~0u);
	EXPECT_EQ(0x3ffff003u, mvc_cp0_read(&c, MVC_CP0_EBASE));
	mvc_cp0_write(&c, MVC_CP0_CAUSE, ~0u);
	EXPECT_EQ(0x08c00300u, mvc_cp0_read(&c, MVC_CP0_CAUSE));
	mvc_cp0_write(&c, MVC_CP0_STATUS, ~0u);
	EXPECT_EQ(0x1278ff17u, mvc_cp0_read(&c, MVC_CP0_STATUS));
	mvc_cp0_write(&c, MVC_CP0_PRID, 0);
	EXPECT_EQ(MVC_GUEST_PRID, mvc_cp0_read(&c, MVC_CP0_PRID));
	/* Wired resets Random; legal PageMasks only. */
	mvc_cp0_write(&c, MVC_CP0_WIRED, 5);
	EXPECT_EQ(5u, mvc_cp0_read(&c, MVC_CP0_WIRED));
	EXPECT_EQ(15u, mvc_cp0_read(&c, MVC_CP0_RANDOM));
	mvc_cp0_write(&c, MVC_CP0_PAGEMASK, 0x1e000);
	EXPECT_EQ(0x1e000u, mvc_cp0_read(&c, MVC_CP0_PAGEMASK));
	mvc_cp0_write(&c, MVC_CP0_PAGEMASK, 0x2000);	/* 8 KiB: illegal */
	EXPECT_EQ(0x1e000u, mvc_cp0_read(&c, MVC_CP0_PAGEMASK));
	/* Writing Compare clears the timer interrupt. */
	c.reg[MVC_CP0_CAUSE] |= MVC_CAUSE_TI | 0x8000;
	EXPECT_TRUE(mvc_cp0_write(&c, MVC_CP0_COMPARE, 1) & MVC_CP0_FX_COMPARE);
	EXPECT_EQ(0u, c.reg[MVC_CP0_CAUSE] & (MVC_CAUSE_TI | 0x8000));
	/* An ASID change is reported, a VPN2 change is not. */
	EXPECT_TRUE(mvc_cp0_write(&c, MVC_CP0_ENTRYHI, 0x1000) & MVC_CP0_FX_ASID);
	EXPECT_FALSE(mvc_cp0_write(&c, MVC_CP0_ENTRYHI, 0x4000) & MVC_CP0_FX_ASID);
	EXPECT_EQ(0u, mvc_cp0_read(&c, MVC_CP0(3, 3)));	/* no such register */
	EXPECT_EQ(0x3fu, mvc_cp0_index_mask(33));
}

/*
 * What the exception vector does for a register (mvc_cp0_fast_class())
 * must be exactly what the C emulation does: a plain write is a masked
 * store with no side effect, EntryHi and Status are masked stores too
 * (the vector bails when the ASID or view changes).  Reads: emul_cp0.c's
 * mvc_vcpu_cp0_read() computes Count and Random, so they are never plain;
 * it brings Cause up to date with the timer (mvc_count_latch()), so Cause
 * is plain only while TI or DC is set (count_test.c holds the latch to
 * that); the vector bails while a timer is pending and IP2..IP6 are
 * synced at every entry.
 */
TEST(cp0_fast_class_matches_emulation)
{
	static const u32 sizes[] = { 1, 16, 48, 64 };
	struct mvc_cp0 c, ref;
	unsigned int cls, fx;
	u32 id, mask, val, old, n, s, k;

	srand(4);
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (id = 0; id < MVC_CP0_NR; id++) {
			cls = mvc_cp0_fast_class(id, sizes[s], &mask);
			for (n = 0; n < 200; n++) {
				mvc_cp0_reset(&c, sizes[s], 3);
				val = (u32)rand() << 16 ^ (u32)rand();
				/*
				 * A random state the emulation could reach:
				 * writes to random registers, then this one.
				 */
				for (k = 0; k < 8; k++)
					mvc_cp0_write(&c, (u32)rand() % MVC_CP0_NR,
						      (u32)rand() << 16 ^ (u32)rand());
				mvc_cp0_write(&c, id, (u32)rand() << 16 ^ (u32)rand());
				ref = c;
				if (cls & (MVC_CP0_FAST_READ | MVC_CP0_FAST_READ_TIMER))
					ASSERT_EQ(mvc_cp0_read(&c, id), c.reg[id]);
				if (!(cls & (MVC_CP0_FAST_WRITE | MVC_CP0_FAST_ENTRYHI |
					     MVC_CP0_FAST_STATUS)))
					continue;
				old = c.reg[id];
				fx = mvc_cp0_write(&ref, id, val);
				c.reg[id] = (c.reg[id] & ~mask) | (val & mask);
				ASSERT_EQ(0, memcmp(c.reg, ref.reg, sizeof(c.reg)))
					TH_LOG("id %u size %u val %08x", id, sizes[s], val);
				if (cls & MVC_CP0_FAST_WRITE)
					ASSERT_EQ(0u, fx);
				if (cls & MVC_CP0_FAST_ENTRYHI)
					ASSERT_EQ((old ^ val) & 0xff ?
						  MVC_CP0_FX_ASID : 0u, fx);
			}
		}
	}
	/* The ones that must go through C. */
	EXPECT_EQ(0u, mvc_cp0_fast_class(MVC_CP0_COUNT, 16, &mask));
	EXPECT_EQ(MVC_CP0_FAST_WRITE, mvc_cp0_fast_class(MVC_CP0_RANDOM, 16, &mask));
	EXPECT_EQ(0u, mask);
	EXPECT_EQ(MVC_CP0_FAST_READ, mvc_cp0_fast_class(MVC_CP0_COMPARE, 16, &mask));
	EXPECT_EQ(MVC_CP0_FAST_READ_TIMER, mvc_cp0_fast_class(MVC_CP0_CAUSE, 16, &mask));
	EXPECT_EQ(MVC_CP0_FAST_READ, mvc_cp0_fast_class(MVC_CP0_WIRED, 16, &mask));
	EXPECT_EQ(MVC_CP0_FAST_READ, mvc_cp0_fast_class(MVC_CP0_PAGEMASK, 16, &mask));
}

TEST_HARNESS_MAIN
