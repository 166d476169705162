/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mips.h - the MIPS32 Release 2 architecture as every guest program uses
 * it: CP0 register names, Status/Cause/EntryLo/Config fields,
 * exception codes, cache operations, and C accessors for CP0.
 *
 * From assembly, CP0_STATUS is "$12"; from C it is the string "$12" that
 * read_c0()/write_c0() paste into their instruction.
 */
#ifndef MIPS_H
#define MIPS_H

#ifdef __ASSEMBLER__
#define CP0_REG(n)	$##n
#else
#define CP0_REG(n)	"$" #n
#endif

#define CP0_INDEX	CP0_REG(0)
#define CP0_RANDOM	CP0_REG(1)
#define CP0_ENTRYLO0	CP0_REG(2)
#define CP0_ENTRYLO1	CP0_REG(3)
#define CP0_CONTEXT	CP0_REG(4)
#define CP0_PAGEMASK	CP0_REG(5)
#define CP0_WIRED	CP0_REG(6)
#define CP0_BADVADDR	CP0_REG(8)
#define CP0_COUNT	CP0_REG(9)
#define CP0_ENTRYHI	CP0_REG(10)
#define CP0_COMPARE	CP0_REG(11)
#define CP0_STATUS	CP0_REG(12)
#define CP0_CAUSE	CP0_REG(13)
#define CP0_EPC		CP0_REG(14)
#define CP0_PRID	CP0_REG(15)	/* select 0 */
#define CP0_EBASE	CP0_REG(15)	/* select 1 */
#define CP0_CONFIG	CP0_REG(16)	/* select 0; Config1 is select 1 */

/* Status */
#define ST_IE		0x00000001
#define ST_EXL		0x00000002
#define ST_ERL		0x00000004
#define ST_KSU_MASK	0x00000018
#define ST_KSU_USER	0x00000010
#define ST_IM_MASK	0x0000ff00
#define ST_IM0		0x00000100	/* software interrupt 0 */
#define ST_IM1		0x00000200
#define ST_IM7		0x00008000	/* the CP0 timer */
#define ST_BEV		0x00400000
#define ST_CU0		0x10000000
#define ST_CU1		0x20000000

/* Cause */
#define CAUSE_EXC_SHIFT	2
#define CAUSE_EXC_MASK	0x1f
#define CAUSE_IP_MASK	0x0000ff00
#define CAUSE_IP0	0x00000100
#define CAUSE_IP1	0x00000200
#define CAUSE_HW_IP	0x00007c00	/* IP2-IP6: the board's lines */
#define CAUSE_IP7	0x00008000
#define CAUSE_IV	0x00800000
#define CAUSE_DC	0x08000000
#define CAUSE_CE	0x30000000
#define CAUSE_TI	0x40000000
#define CAUSE_BD	0x80000000

/* Cause.ExcCode */
#define EXC_INT		0
#define EXC_MOD		1
#define EXC_TLBL	2
#define EXC_TLBS	3
#define EXC_ADEL	4
#define EXC_ADES	5
#define EXC_IBE		6
#define EXC_DBE		7
#define EXC_SYS		8
#define EXC_BP		9
#define EXC_RI		10
#define EXC_CPU		11
#define EXC_OV		12
#define EXC_TR		13

/* Exception vector offsets from EBase (BEV=0) or 0xbfc00200 (BEV=1). */
#define VEC_REFILL	0x000
#define VEC_GENERAL	0x180
#define VEC_INTERRUPT	0x200
#define BEV_VEC_BASE	0x200	/* from the reset address */

/* TLB: 4 KiB pages in even/odd pairs. */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1 << PAGE_SHIFT)
#define ENTRYLO_G	0x00000001
#define ENTRYLO_V	0x00000002
#define ENTRYLO_D	0x00000004
#define ENTRYLO_C_SHIFT	3
#define ENTRYLO_PFN_SHIFT 6
#define ENTRYHI_ASID_MASK 0x000000ff
#define ENTRYHI_VPN2_MASK 0xffffe000
#define INDEX_P		0x80000000	/* tlbp: no match */

/* Config0.K0 and the EntryLo C field share these cache attributes. */
#define CCA_UNCACHED	2
#define CCA_CACHABLE_NONCOHERENT 3
#define CONFIG_K0_MASK	0x00000007
#define CONFIG_M	0x80000000

/* Config1: TLB size and the primary caches' line sizes. */
#define CONFIG1_MMU_SHIFT 25
#define CONFIG1_MMU_MASK 0x3f
#define CONFIG1_IL_SHIFT 19
#define CONFIG1_DL_SHIFT 10
#define CONFIG1_LINE_MASK 0x7

/* Operations of the cache instruction (cache type in bits 1:0). */
#define CACHE_HIT_INVALIDATE_I	0x10
#define CACHE_HIT_WB_INV_D	0x15

#ifndef __ASSEMBLER__
#define read_c0_sel(reg, sel) ({ unsigned int __v;			\
	__asm__ volatile("mfc0 %0, " reg ", " #sel : "=r"(__v));	\
	__v; })
#define write_c0_sel(reg, sel, v)					\
	__asm__ volatile("mtc0 %z0, " reg ", " #sel "\n\tehb"		\
			 :: "Jr"((unsigned int)(v)) : "memory")
#define read_c0(reg)		read_c0_sel(reg, 0)
#define write_c0(reg, v)	write_c0_sel(reg, 0, v)

/* The same by register number: mfc0(12, 0) reads Status. */
#define mfc0(rd, sel)		read_c0_sel("$" #rd, sel)
#define mtc0(rd, sel, v)	write_c0_sel("$" #rd, sel, v)

static inline unsigned int cause_exccode(unsigned int cause)
{
	return (cause >> CAUSE_EXC_SHIFT) & CAUSE_EXC_MASK;
}
#endif

#endif /* MIPS_H */
