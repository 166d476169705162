// SPDX-License-Identifier: GPL-2.0
/*
 * cp0.c - the guest's CP0 register file: reset values and write masks.
 *
 * The guest CPU is a MIPS32 Release 2 24Kc without FPU, and the masks are
 * those of the architecture as QEMU's 24Kc model applies them, so that a
 * guest cannot tell the two apart (the conformance program checks this).
 * Count and Random depend on time and are handled by the caller; so are
 * the side effects a write reports (MVC_CP0_FX_*).
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "cp0.h"
#include "addrmap.h"

#define STATUS_RW_MASK		0x1278ff17u	/* CU0 RE BEV TS SR NMI IM UM ERL EXL IE */
#define CAUSE_RW_MASK		(MVC_CAUSE_DC | MVC_CAUSE_IV | MVC_CAUSE_WP | 0x300u)
#define ENTRYLO_RW_MASK		0x03ffffffu	/* PFN C D V G, 32-bit physical */
#define ENTRYHI_RW_MASK		0xffffe0ffu	/* VPN2, ASID */
#define CONTEXT_RW_MASK		0xff800000u	/* PTEBase */
#define EBASE_RW_MASK		0x3ffff000u	/* bits 31:30 read 0 in the guest view */
#define HWRENA_RW_MASK		0x0000000fu	/* CPUNum SYNCI_Step CC CCRes */
#define CONFIG0_RW_MASK		0x00000007u	/* K0 */

/**
 * mvc_cp0_index_mask() - the bits of Index that select a TLB entry
 * @tlb_size: number of guest TLB entries
 *
 * Return: the smallest 2^n - 1 that covers every index.
 */
u32 mvc_cp0_index_mask(u32 tlb_size)
{
	u32 mask = 1;

	while (mask < tlb_size)
		mask <<= 1;
	return mask - 1;
}

/**
 * mvc_cp0_reset() - the register file of a VCPU at reset
 * @c: the register file
 * @tlb_size: number of guest TLB entries (1..64)
 * @vcpu_id: the VCPU number, shown in EBase.CPUNum
 */
void mvc_cp0_reset(struct mvc_cp0 *c, u32 tlb_size, u32 vcpu_id)
{
	u32 i;

	for (i = 0; i < MVC_CP0_NR; i++)
		c->reg[i] = 0;
	c->tlb_size = tlb_size;
	c->reg[MVC_CP0_RANDOM] = tlb_size - 1;
	c->reg[MVC_CP0_STATUS] = MVC_ST_BEV | MVC_ST_EXL;
	c->reg[MVC_CP0_INTCTL] = 7u << 29;	/* the timer is on IP7 */
	c->reg[MVC_CP0_PRID] = MVC_GUEST_PRID;
	c->reg[MVC_CP0_EBASE] = vcpu_id & 0x3ff;
	/* M, little endian, MIPS32 R2, standard TLB, K0 = uncached. */
	c->reg[MVC_CP0_CONFIG0] = 0x80000000u | 1u << 10 | 1u << 7 | 2u;
	/*
	 * M, MMU size - 1, 64-set 16-byte 4-way caches (4 KiB each), EJTAG,
	 * no FPU, no performance counters, watch or MIPS16.
	 */
	c->reg[MVC_CP0_CONFIG1] = 0x80000000u | (tlb_size - 1) << 25 |
				  0u << 22 | MVC_GUEST_CACHE_LINE_ENC << 19 |
				  3u << 16 | 0u << 13 |
				  MVC_GUEST_CACHE_LINE_ENC << 10 | 3u << 7 | 1u << 1;
	c->reg[MVC_CP0_CONFIG2] = 0x80000000u;
	c->reg[MVC_CP0_CONFIG3] = 0;
}

/**
 * mvc_cp0_implemented() - is this register part of the guest CPU?
 * @id: 8 * rd + sel
 *
 * Return: true for the registers mvc_cp0_read() and mvc_cp0_write() know.
 * The others read as zero and ignore writes, as on a real 24Kc.
 */
bool mvc_cp0_implemented(u32 id)
{
	switch (id) {
	case MVC_CP0_INDEX: case MVC_CP0_RANDOM: case MVC_CP0_ENTRYLO0:
	case MVC_CP0_ENTRYLO1: case MVC_CP0_CONTEXT: case MVC_CP0_PAGEMASK:
	case MVC_CP0_WIRED: case MVC_CP0_HWRENA: case MVC_CP0_BADVADDR:
	case MVC_CP0_COUNT: case MVC_CP0_ENTRYHI: case MVC_CP0_COMPARE:
	case MVC_CP0_STATUS: case MVC_CP0_INTCTL: case MVC_CP0_SRSCTL:
	case MVC_CP0_CAUSE: case MVC_CP0_EPC: case MVC_CP0_PRID:
	case MVC_CP0_EBASE: case MVC_CP0_CONFIG0: case MVC_CP0_CONFIG1:
	case MVC_CP0_CONFIG2: case MVC_CP0_CONFIG3: case MVC_CP0_CONFIG7:
	case MVC_CP0_LLADDR: case MVC_CP0_WATCHLO: case MVC_CP0_WATCHHI:
	case MVC_CP0_ERRCTL: case MVC_CP0_TAGLO: case MVC_CP0_DATALO:
	case MVC_CP0_ERROREPC: case MVC_CP0_DESAVE:
		return true;
	}
	return false;
}

/**
 * mvc_cp0_read() - what mfc0 returns
 * @c: the register file
 * @id: 8 * rd + sel
 *
 * Return: the value; 0 for registers the guest CPU does not have.
 */
u32 mvc_cp0_read(const struct mvc_cp0 *c, u32 id)
{
	if (id >= MVC_CP0_NR || !mvc_cp0_implemented(id))
		return 0;
	return c->reg[id];
}

static bool pagemask_legal(u32 val)
{
	u32 mask = val >> 13, legal;

	/* 4 KiB .. 256 MiB pages, in steps of 4: 0, 3, 0xf, 0x3f, ... */
	for (legal = 0; legal <= 0xffff; legal = legal << 2 | 3)
		if (mask == legal)
			return true;
	return false;
}

static unsigned int write_masked(u32 *reg, u32 mask, u32 val)
{
	u32 old = *reg;

	*reg = (old & ~mask) | (val & mask);
	return old != *reg;
}

/**
 * mvc_cp0_write() - what mtc0 does
 * @c: the register file
 * @id: 8 * rd + sel
 * @val: the value written
 *
 * Read-only fields keep their value; writes to registers the guest CPU
 * does not have are ignored.
 *
 * Return: MVC_CP0_FX_* flags for the side effects the caller must apply.
 */
unsigned int mvc_cp0_write(struct mvc_cp0 *c, u32 id, u32 val)
{
	u32 *r = &c->reg[id < MVC_CP0_NR ? id : 0];
	u32 old;

	switch (id) {
	case MVC_CP0_INDEX:
		write_masked(r, mvc_cp0_index_mask(c->tlb_size), val);
		return 0;
	case MVC_CP0_ENTRYLO0:
	case MVC_CP0_ENTRYLO1:
		*r = val & ENTRYLO_RW_MASK;
		return 0;
	case MVC_CP0_CONTEXT:
		write_masked(r, CONTEXT_RW_MASK, val);
		return 0;
	case MVC_CP0_PAGEMASK:
		if (pagemask_legal(val & 0x1fffe000u))
			*r = val & 0x1fffe000u;
		return 0;
	case MVC_CP0_WIRED:
		*r = val % c->tlb_size;
		c->reg[MVC_CP0_RANDOM] = c->tlb_size - 1;
		return 0;
	case MVC_CP0_HWRENA:
		*r = val & HWRENA_RW_MASK;
		return 0;
	case MVC_CP0_ENTRYHI:
		old = *r;
		*r = val & ENTRYHI_RW_MASK;
		return (old ^ *r) & 0xff ? MVC_CP0_FX_ASID : 0;
	case MVC_CP0_COMPARE:
		*r = val;
		c->reg[MVC_CP0_CAUSE] &= ~(MVC_CAUSE_TI | MVC_CAUSE_IP7);
		return MVC_CP0_FX_COMPARE | MVC_CP0_FX_IRQ;
	case MVC_CP0_STATUS:
		write_masked(r, STATUS_RW_MASK, val);
		return MVC_CP0_FX_VIEW | MVC_CP0_FX_IRQ;
	case MVC_CP0_CAUSE:
		write_masked(r, CAUSE_RW_MASK, val);
		return MVC_CP0_FX_IRQ;
	case MVC_CP0_EPC:
	case MVC_CP0_ERROREPC:
	case MVC_CP0_DESAVE:
	case MVC_CP0_TAGLO:
	case MVC_CP0_DATALO:
	case MVC_CP0_ERRCTL:
		*r = val;
		return 0;
	case MVC_CP0_EBASE:
		write_masked(r, EBASE_RW_MASK, val);
		return 0;
	case MVC_CP0_CONFIG0:
		write_masked(r, CONFIG0_RW_MASK, val);
		return 0;
	}
	/* Random, BadVAddr, PRId, Config1-3/7, LLAddr, ... are read-only. */
	return 0;
}

/**
 * mvc_cp0_fast_class() - may the exception vector emulate this register?
 * @id: 8 * rd + sel
 * @tlb_size: number of guest TLB entries
 * @mask: the write mask for MVC_CP0_FAST_WRITE/_ENTRYHI/_STATUS
 *
 * A read is plain when mvc_cp0_read() of the register is reg[id] and the
 * caller adds nothing: every register but Count, Random and Cause.  Cause's
 * IP2..IP6 are brought up to date before every guest entry and only an
 * exit can change them, but a timer match can set TI and IP7 at any time
 * (emulate.c latches it at the read), so Cause is plain only while TI or DC
 * is set, when mvc_count_latch() leaves it alone.  A write is plain when
 * mvc_cp0_write() is a masked store with no side effect; EntryHi is plain
 * while its ASID stays, and Status while the guest's view stays and the
 * caller checks interrupts.
 * The host tests hold this against mvc_cp0_read() and mvc_cp0_write().
 *
 * Return: MVC_CP0_FAST_* flags.
 */
unsigned int mvc_cp0_fast_class(u32 id, u32 tlb_size, u32 *mask)
{
	unsigned int rd = MVC_CP0_FAST_READ;

	*mask = 0;
	switch (id) {
	case MVC_CP0_COUNT:
		return 0;
	case MVC_CP0_RANDOM:
		rd = 0;		/* writes are ignored */
		break;
	case MVC_CP0_CAUSE:
		return MVC_CP0_FAST_READ_TIMER;
	case MVC_CP0_COMPARE:
	case MVC_CP0_PAGEMASK:
	case MVC_CP0_WIRED:
		return rd;
	case MVC_CP0_INDEX:
		*mask = mvc_cp0_index_mask(tlb_size);
		break;
	case MVC_CP0_ENTRYLO0:
	case MVC_CP0_ENTRYLO1:
		*mask = ENTRYLO_RW_MASK;
		break;
	case MVC_CP0_CONTEXT:
		*mask = CONTEXT_RW_MASK;
		break;
	case MVC_CP0_HWRENA:
		*mask = HWRENA_RW_MASK;
		break;
	case MVC_CP0_EPC:
	case MVC_CP0_ERROREPC:
	case MVC_CP0_DESAVE:
	case MVC_CP0_TAGLO:
	case MVC_CP0_DATALO:
	case MVC_CP0_ERRCTL:
		*mask = 0xffffffffu;
		break;
	case MVC_CP0_EBASE:
		*mask = EBASE_RW_MASK;
		break;
	case MVC_CP0_CONFIG0:
		*mask = CONFIG0_RW_MASK;
		break;
	case MVC_CP0_ENTRYHI:
		*mask = ENTRYHI_RW_MASK;
		return rd | MVC_CP0_FAST_ENTRYHI;
	case MVC_CP0_STATUS:
		*mask = STATUS_RW_MASK;
		return rd | MVC_CP0_FAST_STATUS;
	}
	/* Everything else ignores writes: mask 0. */
	return rd | MVC_CP0_FAST_WRITE;
}
