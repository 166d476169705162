// SPDX-License-Identifier: GPL-2.0
/*
 * crc32_test.c - host tests of guests/lib/crc32.c, which the firmware
 * and tools/mkimage share (so that a mistake in it would agree with
 * itself everywhere else): the standard check value, and agreement with
 * a bit-by-bit reference written here for every length up to 300 and
 * random buffers, in one call and in pieces, and for the eight-byte path
 * of long inputs from every alignment.
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "../../guests/lib/crc32.h"

/* The definition, bit by bit: the oracle. */
static uint32_t crc32_reference(const unsigned char *p, size_t len)
{
	uint32_t crc = 0xffffffffu;
	int bit;

	while (len--) {
		crc ^= *p++;
		for (bit = 0; bit < 8; bit++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
	}
	return ~crc;
}

TEST(check_value_of_123456789)
{
	EXPECT_EQ(0xcbf43926u, crc32_update(0, "123456789", 9));
	EXPECT_EQ(0u, crc32_update(0, "", 0));
}

TEST(agrees_with_the_bitwise_definition)
{
	static unsigned char buf[65536];
	size_t len, i, cut;
	uint32_t crc;
	int round;

	srand(42);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)rand();
	for (len = 0; len <= 300; len++)
		ASSERT_EQ(crc32_reference(buf, len), crc32_update(0, buf, len))
			TH_LOG("length %zu", len);
	for (round = 0; round < 50; round++) {
		len = (size_t)rand() % sizeof(buf);
		cut = len ? (size_t)rand() % len : 0;
		crc = crc32_update(0, buf, cut);
		crc = crc32_update(crc, buf + cut, len - cut);
		ASSERT_EQ(crc32_reference(buf, len), crc) TH_LOG("length %zu", len);
	}
}

/* The eight-byte path (16 KiB and up) from every alignment, every tail. */
TEST(long_inputs_at_every_alignment)
{
	static unsigned char buf[32768 + 16];
	size_t off, len;

	srand(7);
	for (off = 0; off < sizeof(buf); off++)
		buf[off] = (unsigned char)rand();
	for (off = 0; off < 8; off++)
		for (len = 16380; len < 16400; len++)
			ASSERT_EQ(crc32_reference(buf + off, len),
				  crc32_update(0, buf + off, len))
				TH_LOG("offset %zu, length %zu", off, len);
	ASSERT_EQ(crc32_reference(buf + 3, 32768),
		  crc32_update(crc32_update(0, buf + 3, 17000), buf + 17003, 15768));
}

TEST_HARNESS_MAIN
