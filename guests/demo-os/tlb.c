// SPDX-License-Identifier: GPL-2.0
/*
 * tlb.c - the TLB from the kernel's side: reset, ASID switch, inspection.
 *
 * The TLB holds whatever reset left, so tlb_init() writes every entry
 * (tlbwi) invalid, with a distinct VPN2 in KSEG0 (never translated in
 * kernel mode) under ASID 0, which no task uses; PageMask 4 KiB, nothing
 * wired, PTEBase 0.  Refills (vectors.S) then fill it with tlbwr.
 * For the summary, tlb_dump() reads every entry back with tlbr and
 * tlb_report() looks one address up with tlbp.
 */
#include "os.h"

#define PAIR_SHIFT	(PAGE_SHIFT + 1)

u32 tlb_refills;		/* counted by the refill handler */

static u32 tlb_size(void)
{
	u32 config1 = read_c0_sel(CP0_CONFIG, 1);

	return ((config1 >> CONFIG1_MMU_SHIFT) & CONFIG1_MMU_MASK) + 1;
}

static void tlb_write_indexed(void)
{
	__asm__ volatile("tlbwi\n\tehb" ::: "memory");
}

void tlb_init(void)
{
	u32 i, n = tlb_size();

	write_c0(CP0_PAGEMASK, 0);
	write_c0(CP0_WIRED, 0);
	write_c0(CP0_CONTEXT, 0);
	write_c0(CP0_ENTRYLO0, 0);
	write_c0(CP0_ENTRYLO1, 0);
	for (i = 0; i < n; i++) {
		write_c0(CP0_ENTRYHI, KSEG0(i << PAIR_SHIFT));
		write_c0(CP0_INDEX, i);
		tlb_write_indexed();
	}
	write_c0(CP0_ENTRYHI, 0);
	kprintf("demo-os: TLB: %u entries invalidated (tlbwi), refills by tlbwr\n",
		n);
}

static const char *entrylo_flags(u32 lo)
{
	if (!(lo & ENTRYLO_V))
		return " (invalid)";
	return lo & ENTRYLO_D ? " (valid, dirty)" : " (valid, read-only)";
}

void tlb_set_asid(u32 asid)
{
	write_c0(CP0_ENTRYHI, asid & ENTRYHI_ASID_MASK);
}

/* Every entry with a valid half, read back with tlbr. */
void tlb_dump(void)
{
	u32 saved = read_c0(CP0_ENTRYHI);
	u32 i, n = tlb_size(), hi, lo0, lo1;

	for (i = 0; i < n; i++) {
		write_c0(CP0_INDEX, i);
		__asm__ volatile("tlbr\n\tehb" ::: "memory");
		hi = read_c0(CP0_ENTRYHI);
		lo0 = read_c0(CP0_ENTRYLO0);
		lo1 = read_c0(CP0_ENTRYLO1);
		if (!((lo0 | lo1) & ENTRYLO_V))
			continue;
		kprintf("  TLB %2u: VPN2 0x%08x ASID %u -> PFN 0x%05x%s / 0x%05x%s\n",
			i, hi & ENTRYHI_VPN2_MASK, hi & ENTRYHI_ASID_MASK,
			lo0 >> ENTRYLO_PFN_SHIFT, entrylo_flags(lo0),
			lo1 >> ENTRYLO_PFN_SHIFT, entrylo_flags(lo1));
	}
	write_c0(CP0_ENTRYHI, saved);
}

/* Where tlbp finds va under asid (the lookup a refill would have done). */
void tlb_report(u32 va, u32 asid)
{
	u32 saved = read_c0(CP0_ENTRYHI);
	u32 index, lo0, lo1;

	write_c0(CP0_ENTRYHI, (va & ENTRYHI_VPN2_MASK) | asid);
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
	index = read_c0(CP0_INDEX);
	if (index & INDEX_P) {
		kprintf("  tlbp VA 0x%08x ASID %u: no entry\n",
			va, asid);
	} else {
		__asm__ volatile("tlbr\n\tehb" ::: "memory");
		lo0 = read_c0(CP0_ENTRYLO0);
		lo1 = read_c0(CP0_ENTRYLO1);
		kprintf("  tlbp VA 0x%08x ASID %u: entry %u (EntryHi 0x%08x, EntryLo0 0x%08x, EntryLo1 0x%08x)\n",
			va, asid, index, read_c0(CP0_ENTRYHI), lo0, lo1);
	}
	write_c0(CP0_ENTRYHI, saved);
}
