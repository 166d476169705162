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

int mvc_eval_branch(u32 insn, u32 pc, const u32 *gpr, struct mvc_branch *br);
bool mvc_is_branch(u32 insn);
int mvc_next_pc(u32 insn, u32 pc, const u32 *gpr, u32 *next);

/**
 * mvc_decode_mem() - decode a load or store
 * @insn: the instruction word
 * @op: filled with size, direction, extension and operands
 *
 * Return: 0 for a load or store (op->unsupported marks the forms MMIO
 * cannot take: partial-word, linked and coprocessor accesses), -1 for
 * anything else.  Inline: every MMIO exit decodes its access.
 */
static inline int mvc_decode_mem(u32 insn, struct mvc_mem_op *op)
{
	u32 opc = MVC_OP(insn);

	op->rt = MVC_RT(insn);
	op->base = MVC_RS(insn);
	op->offset = MVC_SIMM(insn);
	op->store = false;
	op->sign_extend = false;
	op->unsupported = false;

	switch (opc) {
	case 0x20:	/* lb */
	case 0x24:	/* lbu */
		op->sign_extend = opc == 0x20;
		op->size = 1;
		return 0;
	case 0x21:	/* lh */
	case 0x25:	/* lhu */
		op->sign_extend = opc == 0x21;
		op->size = 2;
		return 0;
	case 0x23:	/* lw */
		op->size = 4;
		return 0;
	case 0x28:	/* sb */
		op->store = true;
		op->size = 1;
		return 0;
	case 0x29:	/* sh */
		op->store = true;
		op->size = 2;
		return 0;
	case 0x2b:	/* sw */
		op->store = true;
		op->size = 4;
		return 0;
	case 0x22:	/* lwl */
	case 0x26:	/* lwr */
	case 0x30:	/* ll */
	case 0x31:	/* lwc1 */
	case 0x32:	/* lwc2 */
	case 0x35:	/* ldc1 */
	case 0x36:	/* ldc2 */
		op->size = 4;
		op->unsupported = true;
		return 0;
	case 0x2a:	/* swl */
	case 0x2e:	/* swr */
	case 0x38:	/* sc */
	case 0x39:	/* swc1 */
	case 0x3a:	/* swc2 */
	case 0x3d:	/* sdc1 */
	case 0x3e:	/* sdc2 */
		op->store = true;
		op->size = 4;
		op->unsupported = true;
		return 0;
	}
	return -1;
}

#endif /* MVC_DECODE_H */
