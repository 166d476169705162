// SPDX-License-Identifier: GPL-2.0
/*
 * power.c - the end of every run: print the exit status, then power off.
 *
 * mipsvcpu's power device takes the status at POWER_PA + POWER_OFF and
 * vcpuctl exits with it.  Malta has only SOFTRES (reset; QEMU exits with
 * -no-reboot, always with status 0), so the printed line is what carries
 * the status there.
 */
#include "machine.h"
#include "console.h"

static void power_write(u32 reg, u32 v)
{
	*(volatile u32 *)(KSEG1(POWER_PA) + reg) = v;
}

void board_power_off(u32 status)
{
	kprintf("power off, status %u\n", status);
	if (POWER_HAS_STATUS)
		power_write(POWER_OFF, status);
	else
		power_write(POWER_SOFTRES, SOFTRES_RESET);
	for (;;)
		;
}
