// SPDX-License-Identifier: GPL-2.0
/*
 * tlb.c - the guest TLB behind gKSEG2: mapping, remapping (hunting for a
 * stale translation), tlbr/tlbp, ASIDs, the G bit, a guest-written refill
 * handler, invalid and modified exceptions, and 1 MiB pages.
 */
#include "test.h"

#define PA_A	0x00400000u
#define PA_B	0x00500000u
#define PA_BIG	0x00800000u
#define VA	0x40000000u
#define VA2	0x40100000u
#define VA3	0x40180000u
#define VA4	0x40200000u
#define VA_BIG	0x40400000u
#define PA_MANY	0x00c00000u	/* through gKSEG0 */
#define PM_4K	0x00000000u
#define PM_64K	0x0001e000u
#define PM_1M	0x001fe000u
#define RW	(LO_V | LO_D)

static volatile u32 refills, last_exc;

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f;

	last_exc = exc;
	if (f->vector == 0x200) {	/* refill: map VA4 -> PA_B */
		refills++;
		tlb_write_random(f->badvaddr & 0xffffe000u, PM_4K,
				 ENTRYLO(PA_B, C_CACHED, RW),
				 ENTRYLO(PA_B + 0x1000, C_CACHED, RW));
		return;			/* retry the access */
	}
	report(0xe0000000u | exc << 8 | (f->vector >> 4));
	f->epc += 4;
}

static u32 peek(u32 va)
{
	return *(volatile u32 *)va;
}

int main(void)
{
	u32 i, bad, hi, pm, lo0, lo1;

	*(volatile u32 *)PA_A = 0xaaaa0000u;
	*(volatile u32 *)(PA_A + 0x1000) = 0xaaaa1000u;
	*(volatile u32 *)PA_B = 0xbbbb0000u;
	*(volatile u32 *)(PA_B + 0x1000) = 0xbbbb1000u;
	set_asid(0);

	/* 1: map an even/odd pair and read both halves. */
	tlb_write_indexed(1, VA, PM_4K, ENTRYLO(PA_A, C_CACHED, RW),
			  ENTRYLO(PA_A + 0x1000, C_CACHED, RW));
	report(peek(VA));
	report(peek(VA + 0x1000));

	/* 2: remap the same entry back and forth; never see the old page. */
	for (i = 0, bad = 0; i < 2000; i++) {
		u32 pa = i & 1 ? PA_B : PA_A;

		tlb_write_indexed(1, VA, PM_4K, ENTRYLO(pa, C_CACHED, RW),
				  ENTRYLO(pa + 0x1000, C_CACHED, RW));
		bad += peek(VA) != (i & 1 ? 0xbbbb0000u : 0xaaaa0000u);
		bad += peek(VA + 0x1000) != (i & 1 ? 0xbbbb1000u : 0xaaaa1000u);
	}
	report(bad);
	/* Writes through the mapping land in RAM seen through gKSEG0. */
	*(volatile u32 *)VA = 0x12345678;
	report(*(volatile u32 *)PA_B);
	*(volatile u32 *)PA_B = 0xbbbb0000u;

	/* 3: tlbr gives back what tlbwi wrote (64 KiB pages). */
	tlb_write_indexed(2, VA2 | 5, PM_64K, ENTRYLO(PA_A, C_UNCACHED, LO_V),
			  ENTRYLO(PA_B, C_CACHED, RW));
	mtc0(10, 0, 0);
	mtc0(0, 0, 2);
	__asm__ volatile("tlbr; ehb");
	hi = mfc0(10, 0);
	pm = mfc0(5, 0);
	lo0 = mfc0(2, 0);
	lo1 = mfc0(3, 0);
	report(hi);
	report(pm);
	report(lo0);
	report(lo1);
	set_asid(0);

	/* 4: tlbp hit and miss. */
	mtc0(10, 0, VA);
	__asm__ volatile("tlbp; ehb");
	report(mfc0(0, 0));
	mtc0(10, 0, 0x47000000u);
	__asm__ volatile("tlbp; ehb");
	report(mfc0(0, 0) >> 31);

	/* 5: two ASIDs, one VA, two pages; switch back and forth. */
	tlb_write_indexed(3, VA3 | 1, PM_4K, ENTRYLO(PA_A, C_CACHED, RW), 0);
	tlb_write_indexed(4, VA3 | 2, PM_4K, ENTRYLO(PA_B, C_CACHED, RW), 0);
	for (i = 0, bad = 0; i < 1000; i++) {
		set_asid(1 + (i & 1));
		bad += peek(VA3) != (i & 1 ? 0xbbbb0000u : 0xaaaa0000u);
	}
	report(bad);

	/*
	 * 5b: the same while gKSEG0 pages of the kernel view keep replacing
	 * host entries, so that the ASID switch finds no shadow entry of
	 * gKSEG2 left to invalidate (under QEMU a replaced entry lingers as a
	 * hidden translation: invalidation must get rid of those too).
	 */
	for (i = 0, bad = 0; i < 500; i++) {
		u32 j;

		set_asid(1 + (i & 1));
		bad += peek(VA3) != (i & 1 ? 0xbbbb0000u : 0xaaaa0000u);
		for (j = 0; j < 24; j++)
			peek(PA_MANY + j * 0x2000);
	}
	report(bad);

	/* Entry 1 (ASID 0, VA) would duplicate entry 5 below: drop it. */
	tlb_write_indexed(1, 0x7f000000u, PM_4K, 0, 0);

	/* 6: a global entry matches every ASID. */
	tlb_write_indexed(5, VA, PM_4K, ENTRYLO(PA_A, C_CACHED, RW | LO_G),
			  ENTRYLO(PA_A + 0x1000, C_CACHED, RW | LO_G));
	for (i = 0, bad = 0; i < 10; i++) {
		set_asid(i * 25);
		bad += peek(VA) != 0xaaaa0000u;
	}
	report(bad);
	set_asid(0);

	/* 7: a miss goes to the refill vector; its handler maps the page. */
	report(peek(VA4));
	report(refills);

	/* 8: an invalid entry: TLBL at the general vector. */
	tlb_write_indexed(6, 0x40300000u, PM_4K, 0, 0);
	peek(0x40300000u);
	/* 9: a clean (D=0) page: Mod on store. */
	tlb_write_indexed(7, 0x40304000u, PM_4K, ENTRYLO(PA_A, C_CACHED, LO_V), 0);
	*(volatile u32 *)0x40304000u = 1;

	/* 10: 1 MiB pages: offsets in both halves. */
	*(volatile u32 *)(PA_BIG + 0x80000) = 0xb1600001u;
	*(volatile u32 *)(PA_BIG + 0x100000 + 0xffffc) = 0xb1600002u;
	tlb_write_indexed(8, VA_BIG, PM_1M, ENTRYLO(PA_BIG, C_CACHED, RW),
			  ENTRYLO(PA_BIG + 0x100000, C_CACHED, RW));
	report(peek(VA_BIG + 0x80000));
	report(peek(VA_BIG + 0x100000 + 0xffffc));
	done(0);
	return 0;
}
