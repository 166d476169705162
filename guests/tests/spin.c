// SPDX-License-Identifier: GPL-2.0
/*
 * spin.c - spins forever unless the host writes its flag in guest RAM.
 * Reports how many times it went round once released.
 */
#include "test.h"

#define FLAG	0x00200000u	/* gKSEG0: guest physical 2 MiB */

int main(void)
{
	volatile u32 *flag = (volatile u32 *)FLAG;
	u32 rounds = 0;

	while (*flag != 0x600d)
		rounds++;
	report(rounds);
	done(0);
	return 0;
}
