// SPDX-License-Identifier: GPL-2.0
/*
 * crc32.c - CRC-32 (IEEE 802.3), a byte at a time through a table of the
 * 256 byte values' CRCs, which the compiler computes from the polynomial
 * (so it lives in flash: the firmware has no writable data).  The
 * firmware sums each OS image once per boot, and the Linux guest's is
 * 5.5 MB: bit by bit, that sum was about a third of the guest's whole
 * boot (bench/README.md).  Long inputs go eight bytes at a time through
 * eight tables ("slicing-by-8"): the seven derived ones are built on the
 * stack per call (7 KiB, about 20,000 instructions), since the firmware
 * has no writable data.  On the 24Kc that is 6.4 instructions a byte
 * against 9: the firmware's share of the Linux guest's boot (its 6 MB
 * image) fell from 65 M to 48 M host instructions (tools/qemu-profile).
 * Builds freestanding and on the host.
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

/*
 * Building the tables costs as much as about 9 KiB summed byte by byte
 * saves; the firmware's inputs are a 64-byte header and megabytes of
 * payload.
 */
#define CRC32_SLICE_MIN		16384

static uint32_t crc32_byte(uint32_t crc, unsigned char c)
{
	return crc32_table[(crc ^ c) & 0xff] ^ (crc >> 8);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
typedef uint32_t __attribute__((__may_alias__)) crc32_word;

/*
 * Table k (crc32_table for k = 0, t[k - 1] for the others) maps a byte
 * value c to the CRC register after c and then k zero bytes: eight bytes
 * fold into the register at once, the byte farthest from the end through
 * the table of the most zero bytes.
 */
static const unsigned char *crc32_slice8(uint32_t *crcp, const unsigned char *p,
					 size_t *lenp)
{
	uint32_t t[7][256], crc = *crcp;
	size_t len = *lenp;
	int k, c;

	for (c = 0; c < 256; c++)
		t[0][c] = crc32_byte(crc32_table[c], 0);
	for (k = 1; k < 7; k++)
		for (c = 0; c < 256; c++)
			t[k][c] = crc32_byte(t[k - 1][c], 0);
	for (; (uintptr_t)p & 3; len--)
		crc = crc32_byte(crc, *p++);
	for (; len >= 8; len -= 8, p += 8) {
		uint32_t a = ((const crc32_word *)p)[0] ^ crc;
		uint32_t b = ((const crc32_word *)p)[1];

		crc = t[6][a & 0xff] ^ t[5][(a >> 8) & 0xff] ^
		      t[4][(a >> 16) & 0xff] ^ t[3][a >> 24] ^
		      t[2][b & 0xff] ^ t[1][(b >> 8) & 0xff] ^
		      t[0][(b >> 16) & 0xff] ^ crc32_table[b >> 24];
	}
	*crcp = crc;
	*lenp = len;
	return p;
}
#endif

uint32_t crc32_update(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	crc = ~crc;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (len >= CRC32_SLICE_MIN)
		p = crc32_slice8(&crc, p, &len);
#endif
	while (len--)
		crc = crc32_byte(crc, *p++);
	return ~crc;
}
