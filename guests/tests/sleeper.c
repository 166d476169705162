// SPDX-License-Identifier: GPL-2.0
/*
 * sleeper.c - ends in one of the states the host chose with TESTDEV_DATA:
 * 0 powered off at once, 1 asleep in WAIT with interrupts off (forever),
 * 2 an MMIO read the host never completes, 3 spinning.
 */
#include "test.h"

int main(void)
{
	switch (mmio_read32(TESTDEV_BASE + TESTDEV_DATA)) {
	case 0:
		return 0;
	case 1:
		mtc0(12, 0, 0x00400000);	/* BEV, IE off */
		for (;;)
			__asm__ volatile("wait");
	case 2:
		report(1);
		return mmio_read32(TESTDEV_BASE + TESTDEV_DATA);
	default:
		for (;;)
			;
	}
}
