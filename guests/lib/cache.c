// SPDX-License-Identifier: GPL-2.0
/*
 * cache.c - make code written through the data cache fetchable: write back
 * and invalidate the D-cache lines of a KSEG0 range, then invalidate the
 * I-cache lines, with the line sizes Config1 reports.  This is what
 * firmware must do after loading an OS and what an OS must do after
 * writing exception vectors.  Under mipsvcpu every cache instruction
 * traps and is emulated; on QEMU it is a no-op, on hardware it matters.
 */
#include "console.h"
#include "mips.h"

/* Config1's IL/DL encoding: 0 no cache, else 2 << L bytes. */
static u32 line_size(u32 config1, u32 shift)
{
	u32 l = (config1 >> shift) & CONFIG1_LINE_MASK;

	return l ? 2u << l : 0;
}

#define cache_op(op, va)						\
	__asm__ volatile("cache %0, 0(%1)" :: "i"(op), "r"(va) : "memory")

void cache_sync_range(u32 va, u32 len)
{
	u32 config1 = read_c0_sel(CP0_CONFIG, 1);
	u32 dline = line_size(config1, CONFIG1_DL_SHIFT);
	u32 iline = line_size(config1, CONFIG1_IL_SHIFT);
	u32 end = va + len;
	u32 a;

	if (dline)
		for (a = va & -dline; a < end; a += dline)
			cache_op(CACHE_HIT_WB_INV_D, a);
	__asm__ volatile("sync" ::: "memory");
	if (iline)
		for (a = va & -iline; a < end; a += iline)
			cache_op(CACHE_HIT_INVALIDATE_I, a);
	/*
	 * The caller crosses an instruction hazard barrier (jr.hb, eret or an
	 * exception) before it executes the new code.
	 */
	__asm__ volatile("sync" ::: "memory");
}

/*
 * The same for a large range, with SYNCI: MIPS32 R2's user-mode form of it,
 * one instruction per line, SYNCI_Step (rdhwr $1) apart.  Under mipsvcpu
 * it runs as it is on the host's own caches instead of trapping: the
 * firmware loads a multi-MiB kernel in a fraction of a second instead of
 * the 700,000 trapped cache instructions cache_sync_range() would take.
 */
void synci_range(u32 va, u32 len)
{
	u32 step, end = va + len, a;

	__asm__ volatile("rdhwr %0, $1" : "=r"(step));
	if (!step)
		return;		/* no caches to synchronise */
	for (a = va & -step; a < end; a += step)
		__asm__ volatile("synci 0(%0)" :: "r"(a) : "memory");
	__asm__ volatile("sync" ::: "memory");
}
