/* SPDX-License-Identifier: GPL-2.0 */
/*
 * decode.h - MIPS32 instruction decode and branch rules (pure; decode.c).
 */
#ifndef MVC_DECODE_H
#define MVC_DECODE_H

#include "mvc_types.h"

#define MVC_OP(insn)		((insn) >> 26)
#define MVC_RS(insn)		(((insn) >> 21) & 0x1f)
#define MVC_RT(insn)		(((insn) >> 16) & 0x1f)
#define MVC_RD(insn)		(((insn) >> 11) & 0x1f)
#define MVC_SA(insn)		(((insn) >> 6) & 0x1f)
#define MVC_FUNCT(insn)		((insn) & 0x3f)
#define MVC_SEL(insn)		((insn) & 0x7)
#define MVC_IMM(insn)		((insn) & 0xffff)
#define MVC_SIMM(insn)		((s32)(s16)MVC_IMM(insn))

/* Major opcodes the emulator cares about. */
#define MVC_OP_SPECIAL		0x00
#define MVC_OP_REGIMM		0x01
#define MVC_OP_J		0x02
#define MVC_OP_JAL		0x03
#define MVC_OP_BEQ		0x04
#define MVC_OP_BNE		0x05
#define MVC_OP_BLEZ		0x06
#define MVC_OP_BGTZ		0x07
#define MVC_OP_COP0		0x10
#define MVC_OP_COP1		0x11
#define MVC_OP_COP2		0x12
#define MVC_OP_COP1X		0x13
#define MVC_OP_BEQL		0x14
#define MVC_OP_BNEL		0x15
#define MVC_OP_BLEZL		0x16
#define MVC_OP_BGTZL		0x17
#define MVC_OP_SPECIAL2		0x1c
#define MVC_OP_SPECIAL3		0x1f
#define MVC_OP_CACHE		0x2f
#define MVC_OP_PREF		0x33

/* COP0 rs field and CO functions. */
#define MVC_COP0_MF		0x00
#define MVC_COP0_MT		0x04
#define MVC_COP0_MFMC0		0x0b
#define MVC_COP0_CO		0x10
#define MVC_CO_TLBR		0x01
#define MVC_CO_TLBWI		0x02
#define MVC_CO_TLBWR		0x06
#define MVC_CO_TLBP		0x08
#define MVC_CO_ERET		0x18
#define MVC_CO_WAIT		0x20
#define MVC_SPECIAL3_RDHWR	0x3b

/* A whole CO instruction (eret, tlbwi, ...): COP0, the CO bit, funct. */
#define MVC_INSN_CO(funct)	((u32)MVC_OP_COP0 << 26 | 1u << 25 | (funct))
/* di and ei: MFMC0 of Status (rd 12, sel 0); bit 5 (sc) set for ei. */
#define MVC_MFMC0_DIEI_MASK	0xffdfu
#define MVC_MFMC0_DIEI		0x6000u
#define MVC_MFMC0_SC		0x20u

/* A load or store, as MMIO emulation needs it. */
struct mvc_mem_op {
	u8 size;		/* 1, 2 or 4 */
	bool store;
	bool sign_extend;	/* loads: lb, lh */
	bool unsupported;	/* lwl/lwr/swl/swr, ll/sc, FPU forms */
	u8 rt;
	u8 base;
	s32 offset;
};

/* Where control goes after a branch or jump and its delay slot. */
struct mvc_branch {
	u32 next_pc;		/* the PC after the delay slot */
	int link_reg;		/* register written with pc + 8, or -1 */
};

int mvc_decode_mem(u32 insn, struct mvc_mem_op *op);
int mvc_eval_branch(u32 insn, u32 pc, const u32 *gpr, struct mvc_branch *br);
bool mvc_is_branch(u32 insn);
int mvc_next_pc(u32 insn, u32 pc, const u32 *gpr, u32 *next);

#endif /* MVC_DECODE_H */
