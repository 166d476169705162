// SPDX-License-Identifier: GPL-2.0
/*
 * memfill.c - fills all of RAM through gKSEG0 and verifies it through
 * gKSEG1.
 *
 * The host pre-fills RAM with word(a) = a ^ seed, with seed at TESTDEV_DATA;
 * the guest first checks that it sees exactly that (so it sees its own
 * memory and nobody else's), then writes word(a) = ~a ^ seed through gKSEG0
 * and reads every word back through the uncached gKSEG1 alias.  Skipped:
 * the program's own data page (1 MiB .. 1 MiB + 64 KiB) and the top 64 KiB
 * (its stack).  Reports: bytes checked, mismatches before, mismatches after.
 */
#include "test.h"

#define SKIP_LO		0x00100000u
#define SKIP_HI		0x00110000u

static int skipped(u32 a, u32 top)
{
	return (a >= SKIP_LO && a < SKIP_HI) || a >= top;
}

int main(u32 ram_base, u32 ram_size)
{
	u32 seed = mmio_read32(TESTDEV_BASE + TESTDEV_DATA);
	u32 top = ram_base + ram_size - 0x10000;
	u32 a, bad_before = 0, bad_after = 0, bytes = 0;

	for (a = ram_base; a < top; a += 4)
		if (!skipped(a, top) && *(volatile u32 *)a != (a ^ seed))
			bad_before++;
	for (a = ram_base; a < top; a += 4)
		if (!skipped(a, top))
			*(volatile u32 *)a = ~a ^ seed;
	for (a = ram_base; a < top; a += 4) {
		if (skipped(a, top))
			continue;
		if (*(volatile u32 *)(a + 0x20000000u) != (~a ^ seed))
			bad_after++;
		bytes += 4;
	}
	report(bytes);
	report(bad_before);
	report(bad_after);
	done(0);
	return 0;
}
