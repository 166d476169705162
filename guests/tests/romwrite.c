// SPDX-License-Identifier: GPL-2.0
/*
 * romwrite.c - stores to its own boot ROM, through gKSEG1 and gKSEG0, and
 * reads back what is there.
 */
#include "test.h"

static const u32 in_rom = 0x0dd0f00d;

int main(void)
{
	volatile u32 *k1 = (volatile u32 *)&in_rom;
	volatile u32 *k0 = (volatile u32 *)((u32)&in_rom - 0x20000000u);

	*k1 = 0xbad1;
	report(*k1);
	*k0 = 0xbad0;
	report(*k0);
	report(*k1);
	done(0);
	return 0;
}
