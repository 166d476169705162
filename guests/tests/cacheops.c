// SPDX-License-Identifier: GPL-2.0
/*
 * cacheops.c - the cache instruction as a guest kernel uses it: code
 * written through one alias and made fetchable with Hit operations
 * through another (gKSEG0, a 4 KiB guest TLB page, the odd half of a
 * 64 KiB one), as Linux's page and delay-slot trampolines do; Index
 * operations; and Hit operations on addresses with no memory behind them
 * (a guest TLB miss, an invalid page, MMIO, the host's half), which do
 * nothing and raise nothing, as on QEMU's MIPS CPUs.
 */
#include "test.h"

#define PA_CODE		0x00400000u	/* 256 lines of code, through gKSEG0 */
#define PA_MAPPED	0x00500000u	/* the 4 KiB pair behind VA_4K */
#define PA_BIG		0x00600000u	/* the 64 KiB pair behind VA_64K */
#define VA_4K		0x40000000u
#define VA_64K		0x40200000u
#define VA_NONE		0x40400000u	/* no guest TLB entry */
#define VA_INVALID	0x40600000u	/* an entry with V clear */
#define PM_4K		0x00000000u
#define PM_64K		0x0001e000u
#define RW		(LO_V | LO_D)
#define LINE		16		/* Config1.DL/IL */

#define HIT_INV_I	0x10
#define HIT_WB_INV_D	0x15
#define HIT_WB_D	0x19
#define HIT_INV_D	0x11
#define CACHE(op, va) do {						\
	__asm__ volatile("cache %0, 0(%1)" :: "i"(op), "r"(va) : "memory");	\
} while (0)

static volatile u32 exceptions;

void guest_exception(struct frame *f)
{
	exceptions++;
	report(0xe0000000u | ((f->cause >> 2) & 0x1f) << 8 | f->vector >> 4);
	f->epc += 4;
}

/* addiu v0, zero, n; jr ra; nop, written at @wva. */
static void write_func(u32 wva, u32 n)
{
	volatile u32 *p = (volatile u32 *)wva;

	p[0] = 0x24020000u | (n & 0xffff);
	p[1] = 0x03e00008u;
	p[2] = 0;
}

/* Write back, then make the line at @va fetchable (the line holds it all). */
static void sync_line(u32 va)
{
	CACHE(HIT_WB_INV_D, va);
	CACHE(HIT_INV_I, va);
}

static u32 call(u32 va)
{
	u32 (*fn)(void) = (u32 (*)(void))va;

	return fn();
}

/*
 * @n functions, each written through @wbase + line, synced and called
 * through @xbase + line: how many returned the wrong value.
 */
static u32 smc(u32 wbase, u32 xbase, u32 lines, u32 n)
{
	u32 i, off, bad = 0;

	for (i = 0; i < n; i++) {
		off = (i % lines) * LINE;
		write_func(wbase + off, i);
		sync_line(xbase + off);
		bad += call(xbase + off) != (i & 0xffff);
	}
	return bad;
}

int main(void)
{
	u32 va;

	set_asid(3);
	tlb_write_indexed(1, VA_4K | 3, PM_4K, ENTRYLO(PA_MAPPED, C_CACHED, RW),
			  ENTRYLO(PA_MAPPED + 0x1000, C_CACHED, RW));
	tlb_write_indexed(2, VA_64K | 3, PM_64K, ENTRYLO(PA_BIG, C_CACHED, RW),
			  ENTRYLO(PA_BIG + 0x10000, C_CACHED, RW));
	tlb_write_indexed(3, VA_INVALID | 3, PM_4K,
			  ENTRYLO(PA_MAPPED, C_CACHED, 0),
			  ENTRYLO(PA_MAPPED + 0x1000, C_CACHED, 0));

	/* 1: gKSEG0 code, written and run through the same address. */
	report(smc(PA_CODE, PA_CODE, 256, 1000));
	/* 2: written through gKSEG0, synced and run through the guest TLB. */
	report(smc(PA_MAPPED + 0x1000, VA_4K + 0x1000, 256, 1000));
	/* 3: the odd 64 KiB page, at an offset inside it. */
	report(smc(PA_BIG + 0x10000 + 0x5230, VA_64K + 0x10000 + 0x5230, 64,
		   500));
	/* 4: written through gKSEG1 (uncached), synced through gKSEG0. */
	report(smc(KSEG1(PA_CODE), PA_CODE, 256, 500));

	/* 5: Hit operations where there is no memory: nothing happens. */
	for (va = 0; va < 0x2000; va += LINE) {
		CACHE(HIT_WB_INV_D, VA_NONE + va);
		CACHE(HIT_INV_I, VA_INVALID + va);
		CACHE(HIT_WB_D, UART_BASE);
		CACHE(HIT_INV_D, 0x80000000u + va);
	}
	report(exceptions);

	/* 6: Index operations (any address, even a missing one). */
	for (va = 0; va < 0x1000; va += LINE) {
		CACHE(0x00, PA_CODE + va);	/* Index_Invalidate_I */
		CACHE(0x01, VA_NONE + va);	/* Index_Writeback_Inv_D */
		CACHE(0x08, 0x80000000u + va);	/* Index_Store_Tag_I */
		CACHE(0x09, PA_CODE + va);	/* Index_Store_Tag_D */
	}
	report(exceptions);

	/*
	 * 7: in a branch delay slot, through gKSEG0 and through the guest
	 * TLB: the branch is taken after it (r stays 1), then the code runs.
	 */
	write_func(PA_CODE, 0x5a);
	write_func(PA_MAPPED + 0x1000, 0x5b);
	va = 1;
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "b 1f\n\t cache %1, 0(%2)\n\t"
			 "li %0, 2\n1:\n\t"
			 "bnez %0, 2f\n\t cache %1, 0(%3)\n\t"
			 "li %0, 3\n2:\n\t.set pop"
			 : "+r"(va) : "i"(HIT_WB_INV_D), "r"(PA_CODE),
			   "r"(VA_4K + 0x1000) : "memory");
	report(va);
	CACHE(HIT_INV_I, PA_CODE);
	CACHE(HIT_INV_I, VA_4K + 0x1000);
	report(call(PA_CODE) + call(VA_4K + 0x1000));

	/* 8: a Hit operation on the code that is running it. */
	CACHE(HIT_INV_I, (u32)&main);
	report(exceptions);
	done(0);
	return 0;
}
