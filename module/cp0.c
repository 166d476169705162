// SPDX-License-Identifier: GPL-2.0
/*
 * cp0.c - the guest's CP0 register file: reset values and write masks.
 *
 * The guest CPU is a MIPS32 Release 2 24Kc without FPU, and the masks are
 * those of the architecture as QEMU's 24Kc model applies them, so that a
 * guest cannot tell the two apart (the conformance program checks this).
 * One table (rules[]) says how each register reads and writes; Count and
 * Random depend on time and are the caller's, and so are the side effects
 * a write reports (MVC_CP0_FX_*).  Exception delivery and eret, as they
 * change the register file, are here too.
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "cp0.h"
#include "addrmap.h"
#include "guest_tlb.h"

#define STATUS_RW_MASK		0x1278ff17u	/* CU0 RE BEV TS SR NMI IM UM ERL EXL IE */
#define CAUSE_RW_MASK		(MVC_CAUSE_DC | MVC_CAUSE_IV | MVC_CAUSE_WP | 0x300u)
#define ENTRYLO_RW_MASK		0x03ffffffu	/* PFN C D V G, 32-bit physical */
#define ENTRYHI_RW_MASK		0xffffe0ffu	/* VPN2, ASID */
#define CONTEXT_RW_MASK		0xff800000u	/* PTEBase */
#define EBASE_RW_MASK		MVC_GUEST_EBASE_MASK	/* 31:30 read 0 in the guest view */
#define HWRENA_RW_MASK		0x0000000fu	/* CPUNum SYNCI_Step CC CCRes */
#define CONFIG0_RW_MASK		0x00000007u	/* K0 */
#define PAGEMASK_RW_MASK	0x1fffe000u

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

/*
 * How mfc0 (and MIPSVCPU_GET_CP0) reads a register.  R_NONE: the guest CPU
 * does not have it; it reads as zero.
 */
enum {
	R_NONE,
	R_PLAIN,	/* reg[id] */
	R_COUNT,	/* from the time: the caller's */
	R_RANDOM,	/* from Count and Wired: mvc_cp0_random() */
	R_CAUSE,	/* reg[id], once the caller latched a timer match */
};

/* How mtc0 (and MIPSVCPU_SET_CP0) writes it. */
enum {
	W_NONE,		/* ignored: read-only, or not implemented */
	W_MASKED,	/* reg = (reg & ~mask) | (val & mask) */
	W_INDEX,	/* W_MASKED, the mask from the TLB size */
	W_ENTRYHI,	/* W_MASKED; an ASID change is MVC_CP0_FX_ASID */
	W_STATUS,	/* W_MASKED; the caller re-evaluates view and interrupts */
	W_CAUSE,	/* W_MASKED; MVC_CP0_FX_CAUSE */
	W_PAGEMASK,	/* the legal page sizes only */
	W_WIRED,	/* modulo the TLB size; Random restarts at the top */
	W_COMPARE,	/* clears the timer interrupt; MVC_CP0_FX_COMPARE */
	W_COUNT,	/* the time base moves: MVC_CP0_FX_COUNT */
};

struct mvc_cp0_rule {
	u8 read;
	u8 write;
	u32 mask;
};

/*
 * The guest CPU's CP0 registers: the one list of what each is and does.
 * mvc_cp0_implemented(), mvc_cp0_read(), mvc_cp0_write() and the exception
 * vector's classes (mvc_cp0_fast_class()) are all read off it.
 */
static const struct mvc_cp0_rule rules[MVC_CP0_NR] = {
	[MVC_CP0_INDEX]		= { R_PLAIN, W_INDEX },
	[MVC_CP0_RANDOM]	= { R_RANDOM, W_NONE },
	[MVC_CP0_ENTRYLO0]	= { R_PLAIN, W_MASKED, ENTRYLO_RW_MASK },
	[MVC_CP0_ENTRYLO1]	= { R_PLAIN, W_MASKED, ENTRYLO_RW_MASK },
	[MVC_CP0_CONTEXT]	= { R_PLAIN, W_MASKED, CONTEXT_RW_MASK },
	[MVC_CP0_PAGEMASK]	= { R_PLAIN, W_PAGEMASK, PAGEMASK_RW_MASK },
	[MVC_CP0_WIRED]		= { R_PLAIN, W_WIRED },
	[MVC_CP0_HWRENA]	= { R_PLAIN, W_MASKED, HWRENA_RW_MASK },
	[MVC_CP0_BADVADDR]	= { R_PLAIN, W_NONE },
	[MVC_CP0_COUNT]		= { R_COUNT, W_COUNT },
	[MVC_CP0_ENTRYHI]	= { R_PLAIN, W_ENTRYHI, ENTRYHI_RW_MASK },
	[MVC_CP0_COMPARE]	= { R_PLAIN, W_COMPARE },
	[MVC_CP0_STATUS]	= { R_PLAIN, W_STATUS, STATUS_RW_MASK },
	[MVC_CP0_INTCTL]	= { R_PLAIN, W_NONE },
	[MVC_CP0_SRSCTL]	= { R_PLAIN, W_NONE },
	[MVC_CP0_CAUSE]		= { R_CAUSE, W_CAUSE, CAUSE_RW_MASK },
	[MVC_CP0_EPC]		= { R_PLAIN, W_MASKED, 0xffffffffu },
	[MVC_CP0_PRID]		= { R_PLAIN, W_NONE },
	[MVC_CP0_EBASE]		= { R_PLAIN, W_MASKED, EBASE_RW_MASK },
	[MVC_CP0_CONFIG0]	= { R_PLAIN, W_MASKED, CONFIG0_RW_MASK },
	[MVC_CP0_CONFIG1]	= { R_PLAIN, W_NONE },
	[MVC_CP0_CONFIG2]	= { R_PLAIN, W_NONE },
	[MVC_CP0_CONFIG3]	= { R_PLAIN, W_NONE },
	[MVC_CP0_CONFIG7]	= { R_PLAIN, W_NONE },
	[MVC_CP0_LLADDR]	= { R_PLAIN, W_NONE },
	[MVC_CP0_WATCHLO]	= { R_PLAIN, W_NONE },
	[MVC_CP0_WATCHHI]	= { R_PLAIN, W_NONE },
	[MVC_CP0_ERRCTL]	= { R_PLAIN, W_MASKED, 0xffffffffu },
	[MVC_CP0_TAGLO]		= { R_PLAIN, W_MASKED, 0xffffffffu },
	[MVC_CP0_DATALO]	= { R_PLAIN, W_MASKED, 0xffffffffu },
	[MVC_CP0_ERROREPC]	= { R_PLAIN, W_MASKED, 0xffffffffu },
	[MVC_CP0_DESAVE]	= { R_PLAIN, W_MASKED, 0xffffffffu },
};

/* What ids beyond the register file are: nothing (R_NONE, W_NONE). */
static const struct mvc_cp0_rule no_rule;

static const struct mvc_cp0_rule *rule(u32 id)
{
	return id < MVC_CP0_NR ? &rules[id] : &no_rule;
}

/**
 * mvc_cp0_implemented() - is this register part of the guest CPU?
 * @id: 8 * rd + sel
 *
 * Return: true for the registers of the guest CPU.  The others read as
 * zero and ignore writes, as on a real 24Kc.
 */
bool mvc_cp0_implemented(u32 id)
{
	return id < MVC_CP0_NR && rules[id].read != R_NONE;
}

/**
 * mvc_cp0_read_source() - where a read of this register comes from
 * @id: 8 * rd + sel
 *
 * Return: MVC_CP0_SRC_ZERO for a register the guest CPU does not have,
 * MVC_CP0_SRC_TIME for Count, MVC_CP0_SRC_RANDOM for Random,
 * MVC_CP0_SRC_CAUSE for Cause (a timer match must be latched first, then
 * reg[id] has it), else MVC_CP0_SRC_FILE: reg[id] (mvc_cp0_read()).
 */
unsigned int mvc_cp0_read_source(u32 id)
{
	switch (id < MVC_CP0_NR ? rules[id].read : R_NONE) {
	case R_NONE:
		return MVC_CP0_SRC_ZERO;
	case R_COUNT:
		return MVC_CP0_SRC_TIME;
	case R_RANDOM:
		return MVC_CP0_SRC_RANDOM;
	case R_CAUSE:
		return MVC_CP0_SRC_CAUSE;
	}
	return MVC_CP0_SRC_FILE;
}

/**
 * mvc_cp0_read() - what mfc0 returns, from the register file
 * @c: the register file
 * @id: 8 * rd + sel
 *
 * Return: the value; 0 for registers the guest CPU does not have.  For
 * Count and Random, see mvc_cp0_read_source().
 */
u32 mvc_cp0_read(const struct mvc_cp0 *c, u32 id)
{
	if (!mvc_cp0_implemented(id))
		return 0;
	return c->reg[id];
}

/**
 * mvc_cp0_random() - what Random reads
 * @c: the register file
 * @count: the guest's Count now
 *
 * Random counts down from the top of the TLB to Wired as the CPU runs; the
 * guest sees it move with Count (QEMU's model draws it pseudo-randomly:
 * no guest can rely on the sequence, only on the range).
 *
 * Return: a value in Wired .. TLB size - 1.
 */
u32 mvc_cp0_random(const struct mvc_cp0 *c, u32 count)
{
	u32 wired = c->reg[MVC_CP0_WIRED];
	u32 span = c->tlb_size - wired;

	return wired + (span ? count % span : 0);
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

static void write_masked(u32 *reg, u32 mask, u32 val)
{
	*reg = (*reg & ~mask) | (val & mask);
}

/**
 * mvc_cp0_write() - what mtc0 does to the register file
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
	const struct mvc_cp0_rule *r = rule(id);
	u32 *reg = &c->reg[id < MVC_CP0_NR ? id : 0];
	u32 old = *reg;

	switch (r->write) {
	case W_MASKED:
	case W_STATUS:
		write_masked(reg, r->mask, val);
		return 0;
	case W_INDEX:
		write_masked(reg, mvc_cp0_index_mask(c->tlb_size), val);
		return 0;
	case W_ENTRYHI:
		write_masked(reg, r->mask, val);
		return (old ^ *reg) & MVC_ENTRYHI_ASID ? MVC_CP0_FX_ASID : 0;
	case W_CAUSE:
		write_masked(reg, r->mask, val);
		return MVC_CP0_FX_CAUSE;
	case W_PAGEMASK:
		if (pagemask_legal(val & r->mask))
			*reg = val & r->mask;
		return 0;
	case W_WIRED:
		*reg = val % c->tlb_size;
		c->reg[MVC_CP0_RANDOM] = c->tlb_size - 1;
		return 0;
	case W_COMPARE:
		*reg = val;
		c->reg[MVC_CP0_CAUSE] &= ~(MVC_CAUSE_TI | MVC_CAUSE_IP7);
		return MVC_CP0_FX_COMPARE;
	case W_COUNT:
		return MVC_CP0_FX_COUNT;
	}
	return 0;
}

/**
 * mvc_cp0_exception() - take an exception, as a MIPS32 CPU does
 * @c: the register file
 * @pc: the PC of the instruction that raised it (its branch, in a delay slot)
 * @bd: the instruction sat in a branch delay slot
 * @exc: the ExcCode (MVC_EXC_*)
 * @ce: Cause.CE, for Coprocessor Unusable
 * @refill: a TLB refill, which has its own vector while EXL is clear
 *
 * EPC and Cause.BD unless EXL was already set, ExcCode and CE, EXL, and
 * the vector from BEV, EBase and Cause.IV.  BadVAddr and the TLB
 * registers are mvc_cp0_set_badvaddr()'s.
 *
 * Return: the guest virtual address to continue at.
 */
u32 mvc_cp0_exception(struct mvc_cp0 *c, u32 pc, bool bd, u32 exc, u32 ce,
		      bool refill)
{
	u32 status = c->reg[MVC_CP0_STATUS];
	u32 cause = c->reg[MVC_CP0_CAUSE];
	u32 base, off = MVC_GUEST_VEC_GENERAL;

	if (!(status & MVC_ST_EXL)) {
		c->reg[MVC_CP0_EPC] = pc;
		if (bd)
			cause |= MVC_CAUSE_BD;
		else
			cause &= ~MVC_CAUSE_BD;
		if (refill)
			off = MVC_GUEST_VEC_REFILL;
	}
	if (exc == MVC_EXC_INT && (cause & MVC_CAUSE_IV))
		off = MVC_GUEST_VEC_INTERRUPT;
	cause &= ~(MVC_CAUSE_EXC | MVC_CAUSE_CE);
	cause |= exc << MVC_CAUSE_EXC_SHIFT | ce << MVC_CAUSE_CE_SHIFT;
	c->reg[MVC_CP0_CAUSE] = cause;
	c->reg[MVC_CP0_STATUS] = status | MVC_ST_EXL;
	base = status & MVC_ST_BEV ? MVC_GUEST_BEV_BASE :
	       c->reg[MVC_CP0_EBASE] & MVC_GUEST_EBASE_MASK;
	return base + off;
}

/**
 * mvc_cp0_set_badvaddr() - what an address error or TLB exception records
 * @c: the register file
 * @exc: MVC_EXC_ADEL/ADES, or MVC_EXC_MOD/TLBL/TLBS
 * @badvaddr: the address
 *
 * BadVAddr; for a TLB exception also Context.BadVPN2 and EntryHi.VPN2
 * (the ASID stays), so that a refill handler finds its page table entry.
 */
void mvc_cp0_set_badvaddr(struct mvc_cp0 *c, u32 exc, u32 badvaddr)
{
	u32 *r = c->reg;

	r[MVC_CP0_BADVADDR] = badvaddr;
	if (exc != MVC_EXC_MOD && exc != MVC_EXC_TLBL && exc != MVC_EXC_TLBS)
		return;
	r[MVC_CP0_CONTEXT] = (r[MVC_CP0_CONTEXT] & CONTEXT_RW_MASK) |
			     ((badvaddr >> 9) & ~CONTEXT_RW_MASK & ~0xfu);
	r[MVC_CP0_ENTRYHI] = (badvaddr & MVC_ENTRYHI_VPN2) |
			     (r[MVC_CP0_ENTRYHI] & MVC_ENTRYHI_ASID);
}

/**
 * mvc_cp0_eret() - what eret does to the register file
 * @c: the register file
 *
 * From an error (ERL) to ErrorEPC, else from an exception (EXL) to EPC.
 *
 * Return: the guest virtual address to continue at.
 */
u32 mvc_cp0_eret(struct mvc_cp0 *c)
{
	u32 status = c->reg[MVC_CP0_STATUS];

	if (status & MVC_ST_ERL) {
		c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_ERL;
		return c->reg[MVC_CP0_ERROREPC];
	}
	c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_EXL;
	return c->reg[MVC_CP0_EPC];
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
 * (emul_cp0.c latches it at the read), so Cause is plain only while TI or DC
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
	const struct mvc_cp0_rule *r = rule(id);
	unsigned int cls = 0;

	*mask = 0;
	if (id >= MVC_CP0_NR)
		return 0;
	if (r->read == R_PLAIN || r->read == R_NONE)
		cls = MVC_CP0_FAST_READ;
	else if (r->read == R_CAUSE)
		return MVC_CP0_FAST_READ_TIMER;
	switch (r->write) {
	case W_NONE:			/* writes are ignored: mask 0 */
		return cls | MVC_CP0_FAST_WRITE;
	case W_MASKED:
		*mask = r->mask;
		return cls | MVC_CP0_FAST_WRITE;
	case W_INDEX:
		*mask = mvc_cp0_index_mask(tlb_size);
		return cls | MVC_CP0_FAST_WRITE;
	case W_ENTRYHI:
		*mask = r->mask;
		return cls | MVC_CP0_FAST_ENTRYHI;
	case W_STATUS:
		*mask = r->mask;
		return cls | MVC_CP0_FAST_STATUS;
	}
	/* PageMask, Wired, Compare, Count: C, for their side effects. */
	return cls;
}
