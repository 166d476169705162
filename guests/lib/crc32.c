// SPDX-License-Identifier: GPL-2.0
/*
 * crc32.c - CRC-32 (IEEE 802.3), bit by bit.  Small rather than fast: the
 * firmware sums one OS image once per boot, and a table would have to
 * live in flash or on the stack.  Builds freestanding and on the host.
 */
#include "crc32.h"

#define CRC32_POLY_REFLECTED	0xedb88320u

uint32_t crc32_update(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	int bit;

	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (CRC32_POLY_REFLECTED & -(crc & 1));
	}
	return ~crc;
}
