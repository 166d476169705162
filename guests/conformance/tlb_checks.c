// SPDX-License-Identifier: GPL-2.0
/*
 * tlb_checks.c - Random and Wired, tlbwi/tlbr round trips, page sizes,
 * tlbp, tlbwr, and kernel-mode translation through KSEG2/KSEG3 with its
 * exceptions (refill, invalid, modified, ASIDs, the G bit, EXL, BEV).
 *
 * Kernel-mode TLB checks use only KSEG2/KSEG3: the guest's kernel view has
 * no mapped low segment.  EntryHi values of those entries are printed
 * with KVA(); physical addresses (EntryLo) are the same in both maps.
 */
#include "conformance.h"

#define PM_4K		0x00000000u
#define PM_16K		0x00006000u
#define PM_1M		0x001fe000u
#define PM_16M		0x01ffe000u

#define K2(off)		(KSEG2_BASE + (off))
#define K3(off)		(KSEG3_BASE + (off))
#define RW		(LO_V | LO_D)

static const struct {
	const char *name;
	u32 mask;
} page_sizes[] = {
	{ "4k", 0x00000000u }, { "16k", 0x00006000u },
	{ "64k", 0x0001e000u }, { "256k", 0x0007e000u },
	{ "1m", 0x001fe000u }, { "4m", 0x007fe000u },
	{ "16m", 0x01ffe000u }, { "64m", 0x07ffe000u },
	{ "256m", 0x1fffe000u },
};

void tlb_set(u32 idx, u32 hi, u32 pm, u32 lo0, u32 lo1)
{
	mtc0(0, 0, idx);
	mtc0(10, 0, hi);
	mtc0(5, 0, pm);
	mtc0(2, 0, lo0);
	mtc0(3, 0, lo1);
	tlbwi();
}

/*
 * Invalidate every entry: VPN2 at 0x80000000 + 8 KiB * i never matches
 * (KSEG0 on a real CPU, the host's half in the guest), V = 0.
 */
void tlb_flush(void)
{
	u32 i;

	for (i = 0; i < tlb_size; i++)
		tlb_set(i, 0x80000000u + (i << 13), PM_4K, 0, 0);
	mtc0(10, 0, 0);
	mtc0(5, 0, 0);
}

static void poke(u32 va, u32 v)
{
	*(volatile u32 *)va = v;
}

/* A load through the TLB; 0xfa0000XX when it raised ExcCode XX. */
static u32 tload(u32 va)
{
	u32 v;

	arm(0);
	v = fx_lw(va);
	return exc.taken ? 0xfa000000u | ((exc.cause >> 2) & 0x1f) : v;
}

/* Index after tlbp for EntryHi = hi. */
static u32 probe(u32 hi)
{
	mtc0(10, 0, hi);
	tlbp();
	return mfc0(0, 0);
}

static void random_wired(void)
{
	u32 i, r, ok;

	mtc0(6, 0, 0);
	for (ok = 1, i = 0; i < 64; i++)
		ok &= mfc0(1, 0) < tlb_size;
	check("random.range_wired0", ok);
	mtc0(6, 0, 8);
	for (ok = 1, i = 0; i < 64; i++) {
		r = mfc0(1, 0);
		ok &= r >= 8 && r < tlb_size;
	}
	check("random.range_wired8", ok);
	mtc0(6, 0, tlb_size - 1);
	for (ok = 1, i = 0; i < 16; i++)
		ok &= mfc0(1, 0) == tlb_size - 1;
	check("random.wired_top", ok);
	mtc0(6, 0, 3);
	r = mfc0(1, 0);
	check_impl("random.after_wired_write", r == tlb_size - 1,
		   "the architecture resets Random to the top on a Wired write; QEMU's Random is a PRNG");
	mtc0(6, 0, 0);
}

/* Write an entry, clobber the registers, read it back with tlbr. */
static void round_trip(const char *name, u32 idx, u32 hi, u32 pm, u32 lo0,
		       u32 lo1)
{
	tlb_set(idx, hi, pm, lo0, lo1);
	mtc0(10, 0, 0);
	mtc0(5, 0, 0);
	mtc0(2, 0, 0);
	mtc0(3, 0, 0);
	mtc0(0, 0, idx);
	tlbr();
	check2(name, "entryhi", KVA(mfc0(10, 0)));
	check2(name, "pagemask", mfc0(5, 0));
	check2(name, "lo0", mfc0(2, 0));
	check2(name, "lo1", mfc0(3, 0));
}

static void tlbr_checks(void)
{
	u32 i;

	round_trip("tlbr.global", 3, K2(0x00012000) | 0x34, PM_4K,
		   ENTRYLO(0x00345000, LO_D | LO_V | LO_G),
		   (0x00346 << 6) | LO_C(2) | LO_V | LO_G);
	round_trip("tlbr.16k", 5, K3(0x00ff8000) | 0xff, PM_16K,
		   (0x00ffc << 6) | LO_C(7) | LO_D, LO_C(0) | LO_V);
	/* An entry is global only when both halves say so. */
	round_trip("tlbr.g_half", 1, K2(0x00014000) | 0x01, PM_4K,
		   ENTRYLO(0x00100000, LO_V | LO_G), ENTRYLO(0x00101000, LO_V));
	/* PFN bits under the mask "may" read back as zero (TLBR). */
	tlb_set(4, K3(0x00ff0000), PM_16K, (0x00fff << 6) | LO_V, LO_V);
	mtc0(0, 0, 4);
	tlbr();
	check_impl("tlbr.16k_odd_pfn.lo0", mfc0(2, 0),
		   "TLBR may zero PFN bits covered by PageMask");
	round_trip("tlbr.lo_ones", 2, K2(0x00016000) | 0x02, PM_4K,
		   0xffffffffu, 0xfffffffeu);
	tlb_flush();
	/* Each page size: the register, then the entry read back. */
	for (i = 0; i < ARRAY_SIZE(page_sizes); i++) {
		mtc0(5, 0, page_sizes[i].mask);
		check2("pagemask.write", page_sizes[i].name, mfc0(5, 0));
		tlb_set(6, K2(0), page_sizes[i].mask, ENTRYLO(0, LO_G),
			ENTRYLO(0, LO_G));
		mtc0(5, 0, 0);
		mtc0(0, 0, 6);
		tlbr();
		check2("pagemask.tlbr", page_sizes[i].name, mfc0(5, 0));
	}
	mtc0(5, 0, PM_16K);
	mtc0(5, 0, 0x00004000u);
	check_impl("pagemask.write.illegal", mfc0(5, 0),
		   "an illegal mask is UNPREDICTABLE");
	mtc0(5, 0, 0);
	tlb_flush();
}

/* Translation with each page size up to 16 MiB: both halves of a pair. */
static void page_size_checks(void)
{
	u32 i, size, va = K2(0x02000000), even = BIG_PA,
		odd = BIG_PA + 0x01000000;

	/* 4 KiB to 16 MiB: the first seven sizes. */
	for (i = 0; i < 7; i++) {
		size = (page_sizes[i].mask | 0x1fff) + 1;
		size >>= 1;
		poke(KSEG0(even), 0xe0000000u | i);
		poke(KSEG0(even + size - 4), 0xe1000000u | i);
		poke(KSEG0(odd), 0x0d000000u | i);
		poke(KSEG0(odd + size - 4), 0x0d100000u | i);
		tlb_set(4, va, page_sizes[i].mask, ENTRYLO(even, RW | LO_G),
			ENTRYLO(odd, RW | LO_G));
		check2("tlbmap.even_first", page_sizes[i].name, tload(va));
		check2("tlbmap.even_last", page_sizes[i].name,
		       tload(va + size - 4));
		check2("tlbmap.odd_first", page_sizes[i].name,
		       tload(va + size));
		check2("tlbmap.odd_last", page_sizes[i].name,
		       tload(va + 2 * size - 4));
	}
	tlb_flush();
}

static void tlbp_checks(void)
{
	tlb_set(7, K2(0x00100000) | 0x21, PM_4K, ENTRYLO(TLB_PA, RW),
		ENTRYLO(TLB_PA + 0x1000, RW));
	tlb_set(8, K2(0x00200000) | 0x21, PM_4K, ENTRYLO(TLB_PA, RW | LO_G),
		ENTRYLO(TLB_PA + 0x1000, RW | LO_G));
	tlb_set(9, K2(0x00400000) | 0x21, PM_1M, ENTRYLO(BIG_PA, RW),
		ENTRYLO(BIG_PA + 0x00100000, RW));
	check("tlbp.hit.index", probe(K2(0x00100000) | 0x21));
	check("tlbp.miss.p", probe(K2(0x00102000) | 0x21) >> 31);
	check("tlbp.other_asid.p", probe(K2(0x00100000) | 0x22) >> 31);
	check("tlbp.global.index", probe(K2(0x00200000) | 0x22));
	check("tlbp.big_page.index", probe(K2(0x00580000) | 0x21));
	check("tlbp.big_page_outside.p", probe(K2(0x00600000) | 0x21) >> 31);
	/* EntryHi is left as it was. */
	probe(K2(0x00100000) | 0x21);
	check("tlbp.entryhi", KVA(mfc0(10, 0)));
	tlb_flush();
}

/* tlbwr never replaces a wired entry. */
static void tlbwr_checks(void)
{
	u32 i, idx, above = 1, kept = 1;

	mtc0(6, 0, 8);
	for (i = 0; i < 8; i++)
		tlb_set(i, K2(0x01000000 + (i << 13)), PM_4K, 0, 0);
	for (i = 0; i < 2 * tlb_size; i++) {
		mtc0(10, 0, K2(0x01100000 + (i << 13)));
		mtc0(5, 0, 0);
		mtc0(2, 0, 0);
		mtc0(3, 0, 0);
		tlbwr();
		idx = probe(K2(0x01100000 + (i << 13)));
		above &= idx >= 8 && idx < tlb_size;
	}
	for (i = 0; i < 8; i++) {
		mtc0(0, 0, i);
		tlbr();
		kept &= mfc0(10, 0) == K2(0x01000000 + (i << 13));
	}
	check("tlbwr.above_wired", above);
	check("tlbwr.wired_kept", kept);
	mtc0(6, 0, 0);
	tlb_flush();
}

/* Kernel-mode loads and stores through KSEG2 and KSEG3. */
static void translation_checks(void)
{
	u32 va = K2(0x00010000);

	poke(KSEG0(TLB_PA), 0x7a000000u);
	poke(KSEG0(TLB_PA + 0x1000), 0x7a001000u);
	poke(KSEG0(TLB_PA + 0x2000), 0x7a002000u);
	poke(KSEG0(TLB_PA + 0x3000), 0x7a003000u);
	mtc0(4, 0, 0x12800000u);	/* Context.PTEBase, kept below */

	tlb_set(1, va | 5, PM_4K, ENTRYLO(TLB_PA, RW),
		ENTRYLO(TLB_PA + 0x1000, LO_V));
	mtc0(10, 0, 5);
	check("k2.read_even", tload(va));
	check("k2.read_odd", tload(va + 0x1000));
	arm(0);
	fx_sw(va + 4, 0x5a5a0004u);
	check("k2.write_even", *(volatile u32 *)KSEG0(TLB_PA + 4));
	check("k2.write_even.taken", exc.taken);

	/* The odd page is clean: a store is a TLB Modified exception. */
	arm(0);
	fx_sw(va + 0x1008, 1);
	report_exc("k2.mod", R_BADVA | R_TLB);

	/* Another ASID: no match, a refill. */
	mtc0(10, 0, 6);
	arm(0);
	fx_lw(va + 0x10);
	report_exc("k2.asid_miss", R_BADVA | R_TLB);

	/* Rewriting the entry takes effect at once. */
	tlb_set(1, va | 5, PM_4K, ENTRYLO(TLB_PA + 0x2000, RW),
		ENTRYLO(TLB_PA + 0x3000, RW));
	mtc0(10, 0, 5);
	check("k2.remap_even", tload(va));
	check("k2.remap_odd", tload(va + 0x1000));

	/* Invalid halves: TLBL/TLBS at the general vector. */
	tlb_set(1, va | 5, PM_4K, ENTRYLO(TLB_PA, LO_D), 0);
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(va + 0x20);
	report_exc("k2.inval_lw", R_BADVA | R_TLB);
	mtc0(10, 0, 5);
	arm(0);
	fx_sw(va + 0x1024, 1);
	report_exc("k2.inval_sw", R_BADVA | R_TLB);

	/* No entry at all: refills, at the refill vector. */
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(K2(0x00800010));
	report_exc("k2.refill_lw", R_BADVA | R_TLB);
	mtc0(10, 0, 5);
	arm(0);
	fx_sw(K2(0x00802014), 1);
	report_exc("k2.refill_sw", R_BADVA | R_TLB);
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(K3(0x00c00000));
	report_exc("k3.refill_lw", R_BADVA | R_TLB);

	/* The G bit: any ASID matches. */
	tlb_set(2, K3(0x00020000) | 0x40, PM_4K,
		ENTRYLO(TLB_PA + 0x2000, RW | LO_G),
		ENTRYLO(TLB_PA + 0x3000, RW | LO_G));
	mtc0(10, 0, 0x41);
	check("k3.global_read", tload(K3(0x00020000)));
	check("k3.global_read_odd", tload(K3(0x00021000)));

	/* Address errors come before TLB exceptions. */
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(K2(0x00800002));
	report_exc("k2.prio_adel", R_BADVA);

	/* A refill while EXL is set goes to +0x180 and leaves EPC alone. */
	mtc0(14, 0, KSEG0(SCRATCH_PA));
	mtc0(10, 0, 5);
	arm((u32)fx_exl_lw_resume);
	fx_exl_lw(K2(0x00800030));
	report_exc("k2.exl_refill", R_BADVA | R_TLB);

	/* With BEV=1: the boot vectors. */
	mtc0(12, 0, ST_BEV);
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(K2(0x00800040));
	report_exc("k2.bev_refill", R_BADVA | R_TLB);
	tlb_set(1, va | 5, PM_4K, 0, 0);
	mtc0(10, 0, 5);
	arm(0);
	fx_lw(va);
	report_exc("k2.bev_inval", R_BADVA | R_TLB);
	kernel_state();
	mtc0(4, 0, 0);
	tlb_flush();
}

/* Kernel code fetched through KSEG2, and fetch exceptions there. */
static void fetch_checks(void)
{
	u32 (*func)(void) = (u32 (*)(void))K2(0x00030000);
	const u32 *src = (const u32 *)fx_k2_func;
	volatile u32 *dst = (volatile u32 *)KSEG0(TLB_PA + 0x4000);
	u32 i;

	for (i = 0; i < (u32)(fx_k2_func_end - fx_k2_func) / 4; i++)
		dst[i] = src[i];
	cache_sync(KSEG0(TLB_PA + 0x4000), 16);
	tlb_set(3, K2(0x00030000), PM_4K, ENTRYLO(TLB_PA + 0x4000, LO_V | LO_G),
		LO_G);
	arm(0);
	check("k2.exec", func());
	check("k2.exec.taken", exc.taken);
	arm((u32)fx_jr_resume);
	fx_jr(K2(0x00031000));
	report_exc("k2.fetch_inval", R_BADVA | R_TLB);
	arm((u32)fx_jr_resume);
	fx_jr(K2(0x00900000));
	report_exc("k2.fetch_refill", R_BADVA | R_TLB);
	tlb_flush();
}

void tlb_checks(void)
{
	kernel_state();
	tlb_flush();
	random_wired();
	tlbr_checks();
	page_size_checks();
	tlbp_checks();
	tlbwr_checks();
	translation_checks();
	fetch_checks();
	kernel_state();
}
