// SPDX-License-Identifier: GPL-2.0
/*
 * guest_tlb.c - the guest-visible TLB: what tlbr, tlbwi, tlbwr and tlbp
 * do, and how a guest virtual address is looked up.
 *
 * A MIPS32 JTLB entry maps an even/odd pair of pages whose size PageMask
 * gives (4 KiB .. 256 MiB each).  An entry matches when the VPN2 bits not
 * covered by its mask are equal and either its G bit is set or its ASID is
 * the current one.  As in QEMU's model, the VPN2 and PFN bits under the
 * mask are dropped when the entry is written, and a freshly reset TLB is
 * all zeroes (so it maps virtual page pair 0 of ASID 0, invalid).
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "guest_tlb.h"

/**
 * mvc_tlb_reset() - empty a guest TLB
 * @t: the TLB
 * @size: number of entries, 1 .. MVC_GUEST_TLB_MAX
 */
void mvc_tlb_reset(struct mvc_guest_tlb *t, u32 size)
{
	u32 i;

	t->size = size;
	for (i = 0; i < MVC_GUEST_TLB_MAX; i++) {
		t->e[i].vpn2 = 0;
		t->e[i].asid = 0;
		t->e[i].pagemask = 0;
		t->e[i].global = false;
		t->e[i].lo[0] = 0;
		t->e[i].lo[1] = 0;
	}
	t->nlarge = 0;
	for (i = 0; i < MVC_TLB_BUCKETS; i++)
		t->bucket[i] = 0;
	t->bucket[MVC_TLB_BUCKET(0)] = size;	/* every entry: VPN2 0, 4 KiB */
}

/* Count @e into the index (@d = 1) or out of it (@d = -1). */
static void index_entry(struct mvc_guest_tlb *t, const struct mvc_tlb_entry *e,
			int d)
{
	if (e->pagemask)
		t->nlarge += d;
	else
		t->bucket[MVC_TLB_BUCKET(e->vpn2)] += d;
}

/* PFN bits that select a 4 KiB page within one half of a large page. */
static u32 pfn_under_mask(u32 pagemask)
{
	return (pagemask >> 13) << MVC_ENTRYLO_PFN_SHIFT;
}

/**
 * mvc_tlb_write() - tlbwi/tlbwr: store EntryHi, PageMask, EntryLo0/1
 * @t: the TLB
 * @index: the entry, < t->size
 * @entryhi: CP0 EntryHi
 * @pagemask: CP0 PageMask
 * @lo0: CP0 EntryLo0
 * @lo1: CP0 EntryLo1
 */
void mvc_tlb_write(struct mvc_guest_tlb *t, u32 index, u32 entryhi,
		   u32 pagemask, u32 lo0, u32 lo1)
{
	struct mvc_tlb_entry *e = &t->e[index % t->size];

	index_entry(t, e, -1);
	pagemask &= MVC_PAGEMASK_MASK;
	e->pagemask = pagemask;
	e->vpn2 = entryhi & MVC_ENTRYHI_VPN2 & ~pagemask;
	e->asid = entryhi & MVC_ENTRYHI_ASID;
	e->global = lo0 & lo1 & MVC_ENTRYLO_G;
	e->lo[0] = lo0 & ~MVC_ENTRYLO_G & ~pfn_under_mask(pagemask);
	e->lo[1] = lo1 & ~MVC_ENTRYLO_G & ~pfn_under_mask(pagemask);
	index_entry(t, e, 1);
}

/**
 * mvc_tlb_read() - tlbr: what EntryHi, PageMask, EntryLo0/1 become
 * @t: the TLB
 * @index: the entry
 * @entryhi: out
 * @pagemask: out
 * @lo0: out
 * @lo1: out
 */
void mvc_tlb_read(const struct mvc_guest_tlb *t, u32 index, u32 *entryhi,
		  u32 *pagemask, u32 *lo0, u32 *lo1)
{
	const struct mvc_tlb_entry *e = &t->e[index % t->size];
	u32 g = e->global ? MVC_ENTRYLO_G : 0;

	*entryhi = e->vpn2 | e->asid;
	*pagemask = e->pagemask;
	*lo0 = e->lo[0] | g;
	*lo1 = e->lo[1] | g;
}

static bool entry_matches(const struct mvc_tlb_entry *e, u32 va, u32 asid)
{
	if ((va & MVC_ENTRYHI_VPN2 & ~e->pagemask) != e->vpn2)
		return false;
	return e->global || e->asid == asid;
}

/**
 * mvc_tlb_probe() - tlbp: find the entry matching EntryHi
 * @t: the TLB
 * @entryhi: CP0 EntryHi (VPN2 and ASID)
 *
 * Return: the lowest matching index, or -1.
 */
int mvc_tlb_probe(const struct mvc_guest_tlb *t, u32 entryhi)
{
	u32 i;

	for (i = 0; i < t->size; i++)
		if (entry_matches(&t->e[i], entryhi & MVC_ENTRYHI_VPN2,
				  entryhi & MVC_ENTRYHI_ASID))
			return i;
	return -1;
}

/**
 * mvc_tlb_lookup() - translate a guest virtual address
 * @t: the TLB
 * @va: the address
 * @asid: the current ASID (EntryHi.ASID)
 * @hit: on a match, the half's EntryLo, the physical address, page size
 *
 * The caller checks V and D in hit->lo.
 *
 * Return: the matching index, or -1 for a TLB miss.
 */
int mvc_tlb_lookup(const struct mvc_guest_tlb *t, u32 va, u32 asid,
		   struct mvc_tlb_hit *hit)
{
	const struct mvc_tlb_entry *e;
	u32 i, size;

	for (i = 0; i < t->size; i++) {
		e = &t->e[i];
		if (!entry_matches(e, va, asid))
			continue;
		size = (e->pagemask >> 1) + 0x1000;
		hit->index = i;
		hit->page_size = size;
		hit->lo = e->lo[!!(va & size)];
		hit->pa = ((hit->lo & MVC_ENTRYLO_PFN) >> MVC_ENTRYLO_PFN_SHIFT
			   << 12) + (va & (size - 1));
		return i;
	}
	return -1;
}

/**
 * mvc_tlb_may_match() - may some entry match @va, by the index?
 * @t: the TLB
 * @va: a virtual address
 *
 * Return: false only if no entry of @t matches @va, whatever the ASID.
 */
bool mvc_tlb_may_match(const struct mvc_guest_tlb *t, u32 va)
{
	return t->nlarge || t->bucket[MVC_TLB_BUCKET(va)];
}

/**
 * mvc_tlb_index_ok() - does the index count the entries as they are?
 * @t: the TLB
 *
 * Recounts it from the entries: a check of everything that writes them
 * (the vector's tlbwi/tlbwr too), for tests and debugfs.
 *
 * Return: true if nlarge and every bucket agree with the entries.
 */
bool mvc_tlb_index_ok(const struct mvc_guest_tlb *t)
{
	u8 count[MVC_TLB_BUCKETS] = { 0 };
	u32 i, nlarge = 0;

	for (i = 0; i < t->size; i++) {
		if (t->e[i].pagemask)
			nlarge++;
		else
			count[MVC_TLB_BUCKET(t->e[i].vpn2)]++;
	}
	if (nlarge != t->nlarge)
		return false;
	for (i = 0; i < MVC_TLB_BUCKETS; i++)
		if (count[i] != t->bucket[i])
			return false;
	return true;
}

/**
 * mvc_tlb_range() - the virtual range an entry covers
 * @e: the entry
 * @start: first address
 * @end: last address (inclusive, so that the top of the space fits)
 */
void mvc_tlb_range(const struct mvc_tlb_entry *e, u32 *start, u32 *end)
{
	*start = e->vpn2;
	*end = e->vpn2 + e->pagemask + 0x1fff;
}
