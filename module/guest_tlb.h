/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest_tlb.h - the guest-visible TLB (pure; see guest_tlb.c).
 */
#ifndef MVC_GUEST_TLB_H
#define MVC_GUEST_TLB_H

#include "mvc_types.h"

#define MVC_GUEST_TLB_MAX	MIPSVCPU_MAX_GUEST_TLB

#define MVC_ENTRYHI_VPN2	0xffffe000u
#define MVC_ENTRYHI_ASID	0x000000ffu
#define MVC_PAGEMASK_MASK	0x1fffe000u
#define MVC_ENTRYLO_PFN_SHIFT	6
#define MVC_ENTRYLO_PFN		0x03ffffc0u
#define MVC_ENTRYLO_C_SHIFT	3
#define MVC_ENTRYLO_C		0x00000038u
#define MVC_ENTRYLO_D		0x00000004u
#define MVC_ENTRYLO_V		0x00000002u
#define MVC_ENTRYLO_G		0x00000001u

/* One entry as the guest wrote it: a pair of pages of equal size. */
struct mvc_tlb_entry {
	u32 vpn2;		/* EntryHi.VPN2, bits under PageMask clear */
	u32 asid;
	u32 pagemask;
	bool global;		/* EntryLo0.G & EntryLo1.G */
	u32 lo[2];		/* EntryLo without G */
};

/*
 * An index of the entries: how many of the first @size map 4 KiB pages
 * with each value of VPN2's low bits (virtual address bits 13-20, the
 * bucket), and how many map larger pages.  While no entry maps large
 * pages, no entry can match an address whose bucket counts none: the
 * refill vector then delivers the guest's TLB refill without scanning.
 * mvc_tlb_write() and mvc_tlb_reset() keep it, and so does the vector's
 * tlbwi/tlbwr (entry.S), for the 4 KiB entries it writes.
 */
#define MVC_TLB_BUCKETS		256
#define MVC_TLB_BUCKET(va)	(((va) >> 13) & (MVC_TLB_BUCKETS - 1))

struct mvc_guest_tlb {
	u32 size;
	u32 nlarge;			/* entries with PageMask != 0 */
	u8 bucket[MVC_TLB_BUCKETS];	/* 4 KiB entries per bucket */
	struct mvc_tlb_entry e[MVC_GUEST_TLB_MAX];
};

/* Where a virtual address landed in the guest TLB. */
struct mvc_tlb_hit {
	int index;
	u32 lo;			/* the EntryLo of the half that matched */
	u32 pa;			/* the guest physical address */
	u32 page_size;		/* size of one half */
};

void mvc_tlb_reset(struct mvc_guest_tlb *t, u32 size);
void mvc_tlb_write(struct mvc_guest_tlb *t, u32 index, u32 entryhi,
		   u32 pagemask, u32 lo0, u32 lo1);
void mvc_tlb_read(const struct mvc_guest_tlb *t, u32 index, u32 *entryhi,
		  u32 *pagemask, u32 *lo0, u32 *lo1);
int mvc_tlb_probe(const struct mvc_guest_tlb *t, u32 entryhi);
int mvc_tlb_lookup(const struct mvc_guest_tlb *t, u32 va, u32 asid,
		   struct mvc_tlb_hit *hit);
void mvc_tlb_range(const struct mvc_tlb_entry *e, u32 *start, u32 *end);
bool mvc_tlb_may_match(const struct mvc_guest_tlb *t, u32 va);
bool mvc_tlb_index_ok(const struct mvc_guest_tlb *t);

#endif /* MVC_GUEST_TLB_H */
