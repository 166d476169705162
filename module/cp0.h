/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cp0.h - the guest's CP0 register file (pure; see cp0.c).
 */
#ifndef MVC_CP0_H
#define MVC_CP0_H

#include "mvc_types.h"

#define MVC_CP0(rd, sel)	((rd) * 8 + (sel))

/* Register ids, as in the uapi: 8 * rd + sel. */
#define MVC_CP0_INDEX		MVC_CP0(0, 0)
#define MVC_CP0_RANDOM		MVC_CP0(1, 0)
#define MVC_CP0_ENTRYLO0	MVC_CP0(2, 0)
#define MVC_CP0_ENTRYLO1	MVC_CP0(3, 0)
#define MVC_CP0_CONTEXT		MVC_CP0(4, 0)
#define MVC_CP0_PAGEMASK	MVC_CP0(5, 0)
#define MVC_CP0_WIRED		MVC_CP0(6, 0)
#define MVC_CP0_HWRENA		MVC_CP0(7, 0)
#define MVC_CP0_BADVADDR	MVC_CP0(8, 0)
#define MVC_CP0_COUNT		MVC_CP0(9, 0)
#define MVC_CP0_ENTRYHI		MVC_CP0(10, 0)
#define MVC_CP0_COMPARE		MVC_CP0(11, 0)
#define MVC_CP0_STATUS		MVC_CP0(12, 0)
#define MVC_CP0_INTCTL		MVC_CP0(12, 1)
#define MVC_CP0_SRSCTL		MVC_CP0(12, 2)
#define MVC_CP0_CAUSE		MVC_CP0(13, 0)
#define MVC_CP0_EPC		MVC_CP0(14, 0)
#define MVC_CP0_PRID		MVC_CP0(15, 0)
#define MVC_CP0_EBASE		MVC_CP0(15, 1)
#define MVC_CP0_CONFIG0		MVC_CP0(16, 0)
#define MVC_CP0_CONFIG1		MVC_CP0(16, 1)
#define MVC_CP0_CONFIG2		MVC_CP0(16, 2)
#define MVC_CP0_CONFIG3		MVC_CP0(16, 3)
#define MVC_CP0_CONFIG7		MVC_CP0(16, 7)
#define MVC_CP0_LLADDR		MVC_CP0(17, 0)
#define MVC_CP0_WATCHLO		MVC_CP0(18, 0)
#define MVC_CP0_WATCHHI		MVC_CP0(19, 0)
#define MVC_CP0_ERRCTL		MVC_CP0(26, 0)
#define MVC_CP0_TAGLO		MVC_CP0(28, 0)
#define MVC_CP0_DATALO		MVC_CP0(28, 1)
#define MVC_CP0_ERROREPC	MVC_CP0(30, 0)
#define MVC_CP0_DESAVE		MVC_CP0(31, 0)
#define MVC_CP0_NR		256

/*
 * The guest's caches (Config1): 64 sets of 16-byte lines, 4 ways, I and
 * D.  The line size is what SYNCI_Step and the cache instruction use.
 */
#define MVC_GUEST_CACHE_LINE_ENC	3
#define MVC_GUEST_CACHE_LINE		(2u << MVC_GUEST_CACHE_LINE_ENC)

/*
 * Status and Cause fields (the MIPS32 Release 2 layout): the module's one
 * definition of each.
 */
#define MVC_ST_IE		0x00000001u
#define MVC_ST_EXL		0x00000002u
#define MVC_ST_ERL		0x00000004u
#define MVC_ST_KSU_SHIFT	3
#define MVC_ST_KSU		0x00000018u
#define MVC_ST_KSU_KERNEL	0u
#define MVC_ST_KSU_SUPER	1u
#define MVC_ST_KSU_USER		2u
#define MVC_ST_CU0		0x10000000u
#define MVC_ST_RE		0x02000000u
#define MVC_ST_BEV		0x00400000u
#define MVC_ST_IM		0x0000ff00u
#define MVC_CAUSE_BD		0x80000000u
#define MVC_CAUSE_TI		0x40000000u
#define MVC_CAUSE_CE_SHIFT	28
#define MVC_CAUSE_CE		0x30000000u
#define MVC_CAUSE_DC		0x08000000u
#define MVC_CAUSE_IV		0x00800000u
#define MVC_CAUSE_WP		0x00400000u
#define MVC_CAUSE_IP		0x0000ff00u
#define MVC_CAUSE_IP7		0x00008000u	/* the timer (IntCtl.IPTI) */
#define MVC_CAUSE_IP_SHIFT	8
#define MVC_CAUSE_HW_LINES	0x00007c00u	/* IP2..IP6 */
#define MVC_CAUSE_EXC		0x0000007cu
#define MVC_CAUSE_EXC_SHIFT	2

/* Exception codes. */
#define MVC_EXC_INT		0
#define MVC_EXC_MOD		1
#define MVC_EXC_TLBL		2
#define MVC_EXC_TLBS		3
#define MVC_EXC_ADEL		4
#define MVC_EXC_ADES		5
#define MVC_EXC_SYS		8
#define MVC_EXC_BP		9
#define MVC_EXC_RI		10
#define MVC_EXC_CPU		11
#define MVC_EXC_OV		12
#define MVC_EXC_TR		13
#define MVC_EXC_WATCH		23
#define MVC_EXC_DSPDIS		26

/* The guest CPU model: a 24Kc without FPU, as QEMU models it. */
#define MVC_GUEST_PRID		0x00019300u
#define MVC_GUEST_COUNT_HZ	100000000u

/* What a CP0 write changed, for the caller to act on. */
#define MVC_CP0_FX_ASID		0x1	/* EntryHi.ASID changed */
#define MVC_CP0_FX_COMPARE	0x2	/* the timer must be re-armed */
#define MVC_CP0_FX_CAUSE	0x4	/* IP0/IP1 may raise an interrupt */
#define MVC_CP0_FX_COUNT	0x8	/* Count written: move the time base */

/* Where a read of a register comes from (mvc_cp0_read_source()). */
#define MVC_CP0_SRC_ZERO	0	/* not implemented: reads as zero */
#define MVC_CP0_SRC_FILE	4	/* the register file: reg[id] */
#define MVC_CP0_SRC_TIME	1	/* Count: the caller's clock */
#define MVC_CP0_SRC_RANDOM	2	/* mvc_cp0_random() of Count */
#define MVC_CP0_SRC_CAUSE	3	/* reg[id] after a timer latch */

/*
 * The guest's exception vectors: at BEV's ROM (0xbfc00200, which the guest
 * map places at 0x3fc00200) or at EBase, whose bits 31:30 read 0.
 */
#define MVC_GUEST_BEV_BASE	0x3fc00200u
#define MVC_GUEST_EBASE_MASK	0x3ffff000u
#define MVC_GUEST_VEC_REFILL	0x000u
#define MVC_GUEST_VEC_GENERAL	0x180u
#define MVC_GUEST_VEC_INTERRUPT	0x200u	/* with Cause.IV */

/*
 * How the exception vector may emulate mfc0/mtc0 of a register without
 * leaving it (entry.S): mvc_cp0_fast_class() says, for each register id.
 */
#define MVC_CP0_FAST_READ	0x1	/* mfc0 returns reg[id] */
#define MVC_CP0_FAST_WRITE	0x2	/* mtc0: reg = (reg & ~mask) | (val & mask) */
#define MVC_CP0_FAST_ENTRYHI	0x4	/* the same, unless the ASID changes */
/* Status: the same, unless the view changes or an interrupt becomes due. */
#define MVC_CP0_FAST_STATUS	0x8
/*
 * Cause: mfc0 returns reg[id] only while Cause.TI or Cause.DC is set, when
 * no timer match can change it (mvc_count_latch()); else C reads it.
 */
#define MVC_CP0_FAST_READ_TIMER	0x10

struct mvc_cp0 {
	u32 reg[MVC_CP0_NR];
	u32 tlb_size;
};

void mvc_cp0_reset(struct mvc_cp0 *c, u32 tlb_size, u32 vcpu_id);
bool mvc_cp0_implemented(u32 id);
unsigned int mvc_cp0_read_source(u32 id);
u32 mvc_cp0_read(const struct mvc_cp0 *c, u32 id);
u32 mvc_cp0_random(const struct mvc_cp0 *c, u32 count);
unsigned int mvc_cp0_write(struct mvc_cp0 *c, u32 id, u32 val);
u32 mvc_cp0_index_mask(u32 tlb_size);
unsigned int mvc_cp0_fast_class(u32 id, u32 tlb_size, u32 *mask);
u32 mvc_cp0_exception(struct mvc_cp0 *c, u32 pc, bool bd, u32 exc, u32 ce,
		      bool refill);
void mvc_cp0_set_badvaddr(struct mvc_cp0 *c, u32 exc, u32 badvaddr);
u32 mvc_cp0_eret(struct mvc_cp0 *c);

#endif /* MVC_CP0_H */
