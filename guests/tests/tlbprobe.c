// SPDX-License-Identifier: GPL-2.0
/*
 * tlbprobe.c - tlbp: the lowest matching entry's index, by VPN2 under each
 * entry's own PageMask, by ASID or G; on a miss Index.P with the rest of
 * Index kept; in a delay slot too.  Each probe reports Index.
 */
#include "test.h"

static u32 probe(u32 hi)
{
	mtc0(10, 0, hi);
	__asm__ volatile("ehb; tlbp; ehb" ::: "memory");
	return mfc0(0, 0);
}

/* tlbp in the slot of a taken branch: Index, plus 0x100 if it was taken */
static u32 probe_in_slot(u32 hi)
{
	u32 r;

	mtc0(10, 0, hi);
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "ehb\n\t"
			 "li %0, 0x100\n\t"
			 "beq $0, $0, 1f\n\t"
			 " tlbp\n\t"
			 "li %0, 0\n"
			 "1:\n\t.set pop" : "=&r"(r) :: "memory");
	return r | mfc0(0, 0);
}

void guest_exception(struct frame *f)
{
	report(0xdead0000u | f->cause);
	done(1);
}

int main(void)
{
	u32 i, lo = ENTRYLO(0x00200000, C_CACHED, LO_V | LO_D);

	for (i = 0; i < 16; i++)	/* unique, never matching */
		tlb_write_indexed(i, 0x70000000 + (i << 13), 0, 0, 0);
	tlb_write_indexed(3, 0x40000005, 0, lo, lo);
	tlb_write_indexed(7, 0x40000006, 0, lo, lo);
	/* 1 MiB pages: the pair spans 0x50000000-0x501fffff, global */
	tlb_write_indexed(10, 0x50000000, 0x1fe000, lo | LO_G, lo | LO_G);
	tlb_write_indexed(12, 0x40000000, 0, lo | LO_G, lo | LO_G);
	/* VPN2 matches, G only in one half: not global */
	tlb_write_indexed(14, 0x60000000, 0, lo | LO_G, lo);

	report(probe(0x40000005));	/* 3 */
	report(probe(0x40000006));	/* 7 */
	report(probe(0x40000009));	/* 12: global */
	report(probe(0x50100007));	/* 10: inside the big pair */
	report(probe(0x501fe0ff));	/* 10 */
	mtc0(0, 0, 5);
	report(probe(0x50200007));	/* miss: P | 5 */
	mtc0(0, 0, 9);
	report(probe(0x40002005));	/* miss, the next pair: P | 9 */
	report(probe(0x60000001));	/* miss: ASID 0 only */
	report(probe(0x60000000));	/* 14 */
	report(probe(0x70000000 + (15 << 13)));	/* 15, ASID 0 */
	report(probe_in_slot(0x40000006));	/* 0x107 */
	report(probe_in_slot(0x40000008));	/* 0x10c */
	for (i = 0; i < 1000; i++)
		if (probe(0x40000005) != 3 || probe(0x41000005) >> 31 != 1)
			break;
	report(i);			/* 1000 */
	done(0);
	return 0;
}
