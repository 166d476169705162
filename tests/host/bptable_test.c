// SPDX-License-Identifier: GPL-2.0
/*
 * bptable_test.c - host tests of tools/vcpuctl/bptable.c, the gdb stub's
 * software breakpoints: removed entries are freed, every insert takes
 * the translation it is given, and gdb's writes over a break change the
 * instruction it hides without ever saving the break itself.
 */
#include <string.h>

#include "kselftest_harness.h"
#include "../../tools/vcpuctl/bptable.h"

static uint32_t word(const uint8_t *p)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return w;
}

static void fill(uint8_t *mem, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		mem[i] = (uint8_t)(0x40 + i);
}

/* Far more distinct addresses than entries, one at a time. */
TEST(removed_breakpoints_free_their_entries)
{
	static uint8_t mem[4 * 1000];
	static struct bp_table t;
	uint32_t a;

	fill(mem, sizeof(mem));
	for (a = 0; a < sizeof(mem); a += 4) {
		uint32_t orig = word(mem + a);

		ASSERT_EQ(0, bp_insert(&t, 0x80000000u + a, a, mem + a));
		EXPECT_EQ(BP_INSN, word(mem + a));
		ASSERT_EQ(0, bp_remove(&t, 0x80000000u + a));
		EXPECT_EQ(orig, word(mem + a));
		EXPECT_EQ(0, t.n);
	}
	EXPECT_EQ(-1, bp_remove(&t, 0x80000000u));
	/* A full table refuses, until one goes. */
	for (a = 0; a < 4 * BP_MAX; a += 4)
		ASSERT_EQ(0, bp_insert(&t, a, a, mem + a));
	EXPECT_EQ(-1, bp_insert(&t, 4 * BP_MAX, 4 * BP_MAX, mem + 4 * BP_MAX));
	EXPECT_EQ(0, bp_remove(&t, 8));
	EXPECT_EQ(0, bp_insert(&t, 4 * BP_MAX, 4 * BP_MAX, mem + 4 * BP_MAX));
	bp_remove_all(&t);
	EXPECT_EQ(0, t.n);
	EXPECT_EQ(0x43424140u, word(mem));
	EXPECT_EQ(0x4b4a4948u, word(mem + 8));
}

/* The guest remapped the address: the new translation is used. */
TEST(insert_translates_every_time)
{
	static uint8_t mem[64];
	struct bp_table t = { 0 };

	fill(mem, sizeof(mem));
	ASSERT_EQ(0, bp_insert(&t, 0x400000, 0, mem));
	ASSERT_EQ(0, bp_remove(&t, 0x400000));
	ASSERT_EQ(0, bp_insert(&t, 0x400000, 32, mem + 32));
	EXPECT_EQ(0x43424140u, word(mem));
	EXPECT_EQ(BP_INSN, word(mem + 32));
	/* Inserted again while in, now elsewhere: it moves. */
	ASSERT_EQ(0, bp_insert(&t, 0x400000, 16, mem + 16));
	EXPECT_EQ(0x63626160u, word(mem + 32));
	EXPECT_EQ(BP_INSN, word(mem + 16));
	EXPECT_EQ(1, t.n);
	bp_remove_all(&t);
	EXPECT_EQ(0x53525150u, word(mem + 16));
}

/* Two virtual aliases of one word: the last one out restores it. */
TEST(aliases_share_the_saved_word)
{
	static uint8_t mem[16];
	struct bp_table t = { 0 };

	fill(mem, sizeof(mem));
	ASSERT_EQ(0, bp_insert(&t, 0x80000004u, 4, mem + 4));
	ASSERT_EQ(0, bp_insert(&t, 0xa0000004u, 4, mem + 4));
	ASSERT_EQ(0, bp_remove(&t, 0x80000004u));
	EXPECT_EQ(BP_INSN, word(mem + 4));
	ASSERT_EQ(0, bp_remove(&t, 0xa0000004u));
	EXPECT_EQ(0x47464544u, word(mem + 4));
}

/* gdb writes 2 bytes into the middle of a break, then reads it back. */
TEST(partial_writes_change_the_hidden_instruction)
{
	static uint8_t mem[16];
	struct bp_table t = { 0 };
	const uint8_t two[2] = { 0xaa, 0xbb };
	const uint8_t six[6] = { 1, 2, 3, 4, 5, 6 };
	uint8_t buf[16];

	fill(mem, sizeof(mem));
	ASSERT_EQ(0, bp_insert(&t, 0x1004, 0x1004, mem + 4));
	bp_write(&t, 0x1005, mem + 5, two, 2);
	EXPECT_EQ(BP_INSN, word(mem + 4));
	memcpy(buf, mem, sizeof(buf));
	bp_hide(&t, 0x1000, buf, sizeof(buf));
	EXPECT_EQ(0x47bbaa44u, word(buf + 4));
	EXPECT_EQ(0x43424140u, word(buf));
	EXPECT_EQ(0x4b4a4948u, word(buf + 8));
	/* Across its start, and a read that ends inside it. */
	bp_write(&t, 0x1002, mem + 2, six, 6);
	EXPECT_EQ(BP_INSN, word(mem + 4));
	EXPECT_EQ(0x02014140u, word(mem));
	memcpy(buf, mem, 6);
	bp_hide(&t, 0x1000, buf, 6);
	EXPECT_EQ(0x0403u, buf[4] | buf[5] << 8);
	ASSERT_EQ(0, bp_remove(&t, 0x1004));
	EXPECT_EQ(0x06050403u, word(mem + 4));
	EXPECT_EQ(0x4b4a4948u, word(mem + 8));
}

TEST_HARNESS_MAIN
