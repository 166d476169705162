// SPDX-License-Identifier: GPL-2.0
/*
 * cmmio_test.c - host tests of module/cmmio.c: which coalesced MMIO zones
 * a VM may have, which stores fall in one (against a byte-by-byte
 * oracle), and the ring: every store appended comes out once and in
 * order however userspace drains, a full ring takes nothing more, and no
 * head userspace can write makes the module write outside the ring or
 * over an entry not yet drained.
 */
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../../module/cmmio.h"

#define RING	MIPSVCPU_COALESCED_RING_SIZE

#define check mvc_cmmio_check

TEST(zone_rules)
{
	EXPECT_EQ(MVC_CMMIO_OK, check(0x180003f8, 1));
	EXPECT_EQ(MVC_CMMIO_OK, check(0x180003fc, 4));
	EXPECT_EQ(MVC_CMMIO_OK, check(0x1ffff000, 0x1000));
	EXPECT_EQ(MVC_CMMIO_OK, check(0x1fffffff, 1));
	EXPECT_EQ(MVC_CMMIO_OK, check(0, 1));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x180003f8, 0));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x180003f8, 3));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x180003f8, 24));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0, 0x2000));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x180003f9, 2));	/* alignment */
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x180003fa, 4));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x20000000, 1));	/* beyond */
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x100000000ull, 1));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0xfffffffffffff000ull, 0x1000));
	EXPECT_EQ(MVC_CMMIO_INVALID, check(0x80000000u, 0x80000000u));
}

TEST(add_overlap_full_and_delete)
{
	struct mvc_cmmio_zones zs = { 0 };
	u32 i;

	EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x1000, 0x10));
	EXPECT_EQ(MVC_CMMIO_OVERLAP, mvc_cmmio_add(&zs, 0x1000, 0x10));
	EXPECT_EQ(MVC_CMMIO_OVERLAP, mvc_cmmio_add(&zs, 0x100f, 1));
	EXPECT_EQ(MVC_CMMIO_OVERLAP, mvc_cmmio_add(&zs, 0x1000, 0x1000));
	EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x1010, 0x10));
	EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x0fff, 1));
	EXPECT_TRUE(mvc_cmmio_overlaps(&zs, 0, 0x1000));
	EXPECT_FALSE(mvc_cmmio_overlaps(&zs, 0, 0xfff));
	EXPECT_FALSE(mvc_cmmio_overlaps(&zs, 0x1020, 0x1fffefe0));
	EXPECT_TRUE(mvc_cmmio_overlaps(&zs, 0x101f, 0x20000000));
	for (i = 3; i < MIPSVCPU_MAX_COALESCED_ZONES; i++)
		EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x10000 * i, 4));
	EXPECT_EQ(MVC_CMMIO_FULL, mvc_cmmio_add(&zs, 0x1ffff000, 4));
	EXPECT_EQ(MIPSVCPU_MAX_COALESCED_ZONES, zs.n);
	/* Only the exact zone goes. */
	EXPECT_EQ(MVC_CMMIO_NOT_FOUND, mvc_cmmio_del(&zs, 0x1000, 0x20));
	EXPECT_EQ(MVC_CMMIO_NOT_FOUND, mvc_cmmio_del(&zs, 0x1000, 8));
	EXPECT_EQ(MVC_CMMIO_NOT_FOUND, mvc_cmmio_del(&zs, 0x1008, 8));
	EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_del(&zs, 0x1000, 0x10));
	EXPECT_EQ(MVC_CMMIO_NOT_FOUND, mvc_cmmio_del(&zs, 0x1000, 0x10));
	EXPECT_FALSE(mvc_cmmio_covers(&zs, 0x1000, 1));
	EXPECT_TRUE(mvc_cmmio_covers(&zs, 0x1010, 4));
	EXPECT_TRUE(mvc_cmmio_covers(&zs, 0x30000, 4));
	EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x1000, 0x10));
	/* Every zone is still there after the swap with the last. */
	for (i = 3; i < MIPSVCPU_MAX_COALESCED_ZONES; i++)
		EXPECT_TRUE(mvc_cmmio_covers(&zs, 0x10000 * i, 4));
	while (zs.n)
		EXPECT_EQ(MVC_CMMIO_OK, mvc_cmmio_del(&zs, zs.z[0].gpa, zs.z[0].size));
	EXPECT_FALSE(mvc_cmmio_covers(&zs, 0x1010, 1));
}

/* A store is coalesced exactly when each of its bytes is in one zone. */
TEST(covers_whole_stores_only)
{
	static const u32 sizes[] = { 1, 2, 4, 8, 0x1000 };
	struct mvc_cmmio_zones zs = { 0 };
	u32 s, gpa, len, b, inside;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		zs.n = 0;
		ASSERT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x4000, sizes[s]));
		for (len = 1; len <= 4; len *= 2) {
			for (gpa = 0x3ff0; gpa < 0x5010; gpa++) {
				inside = 1;
				for (b = gpa; b < gpa + len; b++)
					inside &= b >= 0x4000 && b < 0x4000 + sizes[s];
				ASSERT_EQ(!!inside, mvc_cmmio_covers(&zs, gpa, len))
					TH_LOG("zone size %u, store %#x len %u",
					       sizes[s], gpa, len);
			}
		}
	}
	zs.n = 0;
	ASSERT_EQ(MVC_CMMIO_OK, mvc_cmmio_add(&zs, 0x1fffffff, 1));
	EXPECT_TRUE(mvc_cmmio_covers(&zs, 0x1fffffff, 1));
	EXPECT_FALSE(mvc_cmmio_covers(&zs, 0x1ffffffe, 2));
	EXPECT_FALSE(mvc_cmmio_covers(&zs, 0xffffffff, 1));
}

/* Drains up to @max entries as userspace does, checking each. */
static void drain(struct __test_metadata *_metadata,
		  struct mipsvcpu_coalesced_ring *ring, u32 max, u32 *next)
{
	u32 h = ring->head;

	while (max-- && h != ring->tail) {
		struct mipsvcpu_coalesced_entry *e = &ring->entry[h % RING];

		ASSERT_EQ(*next, e->data);
		ASSERT_EQ(0x1000 + *next % 4, e->phys_addr);
		ASSERT_EQ(1 + *next % 4, e->len);
		(*next)++;
		h++;
	}
	ring->head = h;
}

/*
 * A producer appends as the module does (its own tail, the head read
 * back each time) and a consumer drains as userspace must, a random
 * number of entries at random moments, across the 32-bit wrap of the
 * counters: every value comes out once, in order, and the producer finds
 * the ring full exactly when RING entries are waiting.
 */
TEST(ring_keeps_order_and_fills)
{
	static struct mipsvcpu_coalesced_ring ring;
	u32 next_in = 0, next_out = 0, tail, full = 0, n, i;

	srand(3);
	for (tail = 0xffffff00u, i = 0; i < 2; i++, tail = 0) {
		ring.head = tail;
		ring.tail = tail;
		for (n = 0; n < 200000; n++) {
			if (rand() % 3) {
				if (!mvc_cmmio_room(tail, ring.head)) {
					ASSERT_EQ(RING, tail - ring.head);
					full++;
				} else {
					tail = mvc_cmmio_put(&ring, tail,
							     0x1000 + next_in % 4,
							     1 + next_in % 4, next_in);
					ring.tail = tail;
					next_in++;
				}
			} else {
				drain(_metadata, &ring, rand() % 4,
				      &next_out);
			}
		}
		drain(_metadata, &ring, RING, &next_out);
		ASSERT_EQ(next_in, next_out);
	}
	EXPECT_LT(1000, full);
	EXPECT_LT(400000 / 3, next_in);
}

/*
 * Whatever the head, the module takes a store only while fewer than RING
 * entries separate its tail from it, so the entry it writes is never one
 * the consumer has yet to drain; and it writes inside the ring for any
 * tail.
 */
TEST(untrusted_head)
{
	static const u32 tails[] = { 0, 1, 127, 128, 129, 0x7fffffff,
				     0x80000000u, 0xffffff80u, 0xffffffffu };
	static struct mipsvcpu_coalesced_ring ring[2];
	u32 t, tail, head, d, i;

	for (t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
		tail = tails[t];
		for (d = 0; d < 1024; d++) {
			head = tail - d;	/* d entries waiting */
			EXPECT_EQ(d < RING, mvc_cmmio_room(tail, head));
			head = tail + 1 + d;	/* ahead of the tail */
			EXPECT_FALSE(mvc_cmmio_room(tail, head));
		}
		EXPECT_FALSE(mvc_cmmio_room(tail, tail + 0x80000000u));
	}
	srand(4);
	for (i = 0; i < 100000; i++) {
		tail = (u32)rand() << 16 ^ (u32)rand();
		memset(ring, 0, sizeof(ring));
		EXPECT_EQ(tail + 1, mvc_cmmio_put(&ring[0], tail, 0x42, 1, 0x99));
		EXPECT_EQ(0x99, ring[0].entry[tail % RING].data);
		EXPECT_EQ(0, ring[0].head);
		EXPECT_EQ(0, ring[0].tail);
		EXPECT_EQ(0, ring[1].head);	/* nothing past the end */
	}
}

TEST_HARNESS_MAIN
