// SPDX-License-Identifier: GPL-2.0
/*
 * badmmio.c - an access form MMIO cannot take (lwl on a device register),
 * chosen by the host through TESTDEV_DATA: 1 lwl, 2 ll, 3 swr, 4 an
 * unemulated CP0 instruction (deret).  The VCPU must die with a clear
 * internal error naming the PC and the instruction.
 */
#include "test.h"

int main(void)
{
	u32 which = mmio_read32(TESTDEV_BASE + TESTDEV_DATA);
	u32 base = UART_BASE, v = 0;

	switch (which) {
	case 1:
		__asm__ volatile("lwl %0, 3(%1)" : "+r"(v) : "r"(base));
		break;
	case 2:
		__asm__ volatile("ll %0, 0(%1)" : "=r"(v) : "r"(base));
		break;
	case 3:
		__asm__ volatile("swr %0, 0(%1)" :: "r"(v), "r"(base));
		break;
	case 4:
		__asm__ volatile(".word 0x4200001f");	/* deret */
		break;
	}
	done(v);
	return 0;
}
