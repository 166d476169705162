// SPDX-License-Identifier: GPL-2.0
/*
 * traffic.c - MMIO and interrupt traffic for the concurrency test: writes
 * TESTDEV_DATA2 sequence numbers 0, 1, 2, ... to the sink while the host
 * raises IP2 over and over; each interrupt is counted and acknowledged by
 * asking the host to lower the line.  TESTDEV_DATA2 holds the number of
 * writes in its low 16 bits and in its high 16 the interrupts to take at
 * least: after its writes the guest waits for the rest, so that the count
 * does not depend on how the host scheduled its threads (once, under
 * load, the guest finished before the raising thread first ran).
 * Reports the interrupts it took.
 */
#include "test.h"

#define SINK		(TESTDEV_BASE + 0x1c)
#define IM2		0x00000400u

static volatile u32 irqs[8];	/* per VCPU: they share this RAM */

void guest_exception(struct frame *f)
{
	u32 cpu = mfc0(15, 1) & 7;

	if (((f->cause >> 2) & 0x1f) != 0 || !(f->cause & IM2)) {
		report(0xdead0000u | f->cause);
		done(1);
	}
	extern char exc_stack_top[];

	if (f->gpr[28] != (0x99000000u | cpu)) {	/* gp, set by main */
		report(0xe0000000u | cpu);
		report(f->gpr[28]);
		report(f->epc);
		done(4);
	}
	u32 want = (u32)exc_stack_top - (cpu << 10) - 160;

	if ((u32)f != want) {
		report(0xf0000000u | cpu);
		report((u32)f);
		report(want);
		done(3);
	}
	/* The interrupted loop runs with a3 = this VCPU's number. */
	if (f->gpr[7] != cpu) {
		report(0xbad00000u | f->gpr[7] << 8 | cpu);
		report((u32)f);
		report(f->epc);
		done(2);
	}
	irqs[cpu]++;
	mmio_write32(TESTDEV_BASE + TESTDEV_IRQ_LOWER, 2);
}

int main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu)
{
	u32 data2 = mmio_read32(TESTDEV_BASE + TESTDEV_DATA2), i;
	u32 n = data2 & 0xffff, min_irqs = data2 >> 16;

	(void)ram_base;
	(void)ram_size;
	(void)dtb;

	__asm__ volatile("move $gp, %0" :: "r"(0x99000000u | cpu));
	mtc0(12, 0, ST_BEV | IM2 | ST_IE);
	for (i = 0; i < n; i++)
		mmio_write32(SINK, i);
	while (irqs[cpu & 7] < min_irqs)
		__asm__ volatile("wait" ::: "memory");
	mtc0(12, 0, ST_BEV);
	report(irqs[cpu & 7]);
	report(cpu);
	report(mfc0(15, 1));
	done(0);
	return 0;
}
