// SPDX-License-Identifier: GPL-2.0
/*
 * crc32.c - CRC-32 (IEEE 802.3), a byte at a time through a table of the
 * 256 byte values' CRCs, which the compiler computes from the polynomial
 * (so it lives in flash: the firmware has no writable data).  The
 * firmware sums each OS image once per boot, and the Linux guest's is
 * 5.5 MB: bit by bit, that sum was about a third of the guest's whole
 * boot (bench/README.md).  Builds freestanding and on the host.
 */
#include "crc32.h"

#define CRC32_POLY_REFLECTED	0xedb88320u

/* One bit, then the eight bits of one byte value @c */
#define CRC_BIT(c)	(((c) >> 1) ^ (CRC32_POLY_REFLECTED & (0u - ((c) & 1u))))
#define CRC_BYTE(c)	CRC_BIT(CRC_BIT(CRC_BIT(CRC_BIT(CRC_BIT(CRC_BIT(	\
			CRC_BIT(CRC_BIT((uint32_t)(c)))))))))
#define CRC_4(i)	CRC_BYTE(i), CRC_BYTE((i) + 1), CRC_BYTE((i) + 2),	\
			CRC_BYTE((i) + 3)
#define CRC_16(i)	CRC_4(i), CRC_4((i) + 4), CRC_4((i) + 8), CRC_4((i) + 12)
#define CRC_64(i)	CRC_16(i), CRC_16((i) + 16), CRC_16((i) + 32),	\
			CRC_16((i) + 48)

static const uint32_t crc32_table[256] = {
	CRC_64(0), CRC_64(64), CRC_64(128), CRC_64(192)
};

uint32_t crc32_update(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	crc = ~crc;
	while (len--)
		crc = crc32_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
