// SPDX-License-Identifier: GPL-2.0
/*
 * mmioloop.c - forever: read a value from the host over MMIO, load from
 * one of 64 RAM pages and store the value there, so that every RUN ends at
 * the next MMIO exit with shadow entries for guest RAM in the host TLB.
 * The load makes the page's first touch a read, which a read-only slot
 * needs pinned, where a store alone exits as MMIO.
 */
#include "test.h"

#define PAGES	0x00400000u	/* gKSEG0: 64 pages from 4 MiB */

int main(void)
{
	u32 v;

	for (;;) {
		v = mmio_read32(TESTDEV_BASE + TESTDEV_DATA);
		(void)*(volatile u32 *)(PAGES + (v % 64) * 4096);
		*(volatile u32 *)(PAGES + (v % 64) * 4096) = v;
	}
	return 0;
}
