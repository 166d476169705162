// SPDX-License-Identifier: GPL-2.0
/*
 * smp.c - several VCPUs of one VM sharing RAM: each adds its number + 1 to
 * a shared counter slot of its own 100000 times, then waits for all to
 * finish and reports the sum it sees.
 */
#include "test.h"

#define SHARED	0x00200000u	/* gKSEG0 */

int main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu)
{
	volatile u32 *slot = (volatile u32 *)SHARED;
	volatile u32 *flags = slot + 16;
	u32 i, n = mmio_read32(TESTDEV_BASE + TESTDEV_DATA), sum;

	(void)ram_base;
	(void)ram_size;
	(void)dtb;
	for (i = 0; i < 100000; i++)
		slot[cpu] += cpu + 1;
	flags[cpu] = 1;
	for (;;) {
		sum = 0;
		for (i = 0; i < n; i++)
			sum += flags[i];
		if (sum == n)
			break;
	}
	for (i = 0, sum = 0; i < n; i++)
		sum += slot[i];
	report(sum);
	done(0);
	return 0;
}
