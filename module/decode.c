// SPDX-License-Identifier: GPL-2.0
/*
 * decode.c - MIPS32 instruction decode and the branch-delay-slot rules.
 *
 * When an instruction in a branch delay slot traps, EPC holds the branch
 * and Cause.BD is set.  To emulate the trapping instruction the module
 * must also finish the branch: evaluate its condition with the registers
 * as they are (the delay slot has not changed them yet), write its link
 * register, and continue at the target or after the slot.
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "decode.h"

/**
 * mvc_is_branch() - does this instruction have a delay slot?
 * @insn: the instruction word
 *
 * Return: true for every MIPS32 branch and jump.
 */
bool mvc_is_branch(u32 insn)
{
	u32 opc = MVC_OP(insn);

	switch (opc) {
	case MVC_OP_SPECIAL:
		return MVC_FUNCT(insn) == 0x08 || MVC_FUNCT(insn) == 0x09;
	case MVC_OP_REGIMM:
		switch (MVC_RT(insn)) {
		case 0x00: case 0x01: case 0x02: case 0x03:
		case 0x10: case 0x11: case 0x12: case 0x13:
			return true;
		}
		return false;
	case MVC_OP_J: case MVC_OP_JAL:
	case MVC_OP_BEQ: case MVC_OP_BNE: case MVC_OP_BLEZ: case MVC_OP_BGTZ:
	case MVC_OP_BEQL: case MVC_OP_BNEL: case MVC_OP_BLEZL: case MVC_OP_BGTZL:
		return true;
	case MVC_OP_COP1: case MVC_OP_COP2:
		return MVC_RS(insn) == 0x08;	/* BC1x, BC2x */
	}
	return false;
}

/**
 * mvc_eval_branch() - finish a branch whose delay slot was emulated
 * @insn: the branch at @pc
 * @pc: its address (EPC with Cause.BD set)
 * @gpr: the guest's registers before the delay slot's effects
 * @br: where execution continues, and which register gets pc + 8
 *
 * Branch-likely instructions only execute their delay slot when taken, so
 * a trap in one means the branch was taken.
 *
 * Return: 0, or -1 when @insn is not a branch this CPU model can execute
 * (coprocessor branches: the guest has no FPU or COP2).
 */
int mvc_eval_branch(u32 insn, u32 pc, const u32 *gpr, struct mvc_branch *br)
{
	s32 rs = (s32)gpr[MVC_RS(insn)];
	s32 rt = (s32)gpr[MVC_RT(insn)];
	u32 target = pc + 4 + ((u32)MVC_SIMM(insn) << 2);
	bool taken;

	br->link_reg = -1;
	switch (MVC_OP(insn)) {
	case MVC_OP_SPECIAL:
		if (MVC_FUNCT(insn) == 0x09)	/* jalr */
			br->link_reg = MVC_RD(insn);
		else if (MVC_FUNCT(insn) != 0x08)	/* jr */
			return -1;
		br->next_pc = (u32)rs;
		return 0;
	case MVC_OP_J:
	case MVC_OP_JAL:
		if (MVC_OP(insn) == MVC_OP_JAL)
			br->link_reg = 31;
		br->next_pc = ((pc + 4) & 0xf0000000u) |
			      ((insn & 0x03ffffffu) << 2);
		return 0;
	case MVC_OP_REGIMM:
		switch (MVC_RT(insn)) {
		case 0x10: case 0x12:	/* bltzal, bltzall */
			br->link_reg = 31;
			taken = rs < 0;
			break;
		case 0x00: case 0x02:	/* bltz, bltzl */
			taken = rs < 0;
			break;
		case 0x11: case 0x13:	/* bgezal, bgezall */
			br->link_reg = 31;
			taken = rs >= 0;
			break;
		case 0x01: case 0x03:	/* bgez, bgezl */
			taken = rs >= 0;
			break;
		default:
			return -1;
		}
		break;
	case MVC_OP_BEQ: case MVC_OP_BEQL:
		taken = rs == rt;
		break;
	case MVC_OP_BNE: case MVC_OP_BNEL:
		taken = rs != rt;
		break;
	case MVC_OP_BLEZ: case MVC_OP_BLEZL:
		taken = rs <= 0;
		break;
	case MVC_OP_BGTZ: case MVC_OP_BGTZL:
		taken = rs > 0;
		break;
	default:
		return -1;
	}
	br->next_pc = taken ? target : pc + 8;
	return 0;
}

/**
 * mvc_next_pc() - where the instruction at @pc hands over
 * @insn: the instruction at @pc (not in a delay slot)
 * @pc: its address
 * @gpr: the guest's registers now
 * @next: set to the address of the next instruction to run: @pc + 4, or
 *        for a branch or jump (which runs its delay slot first) the target
 *        or the address after the slot, as the branch will decide
 *
 * What a single step plants its break at (debug.c).  Exceptions are the
 * caller's business.
 *
 * Return: 0, or -1 for a branch this CPU model cannot execute.
 */
int mvc_next_pc(u32 insn, u32 pc, const u32 *gpr, u32 *next)
{
	struct mvc_branch br;

	if (!mvc_is_branch(insn)) {
		*next = pc + 4;
		return 0;
	}
	if (mvc_eval_branch(insn, pc, gpr, &br))
		return -1;
	*next = br.next_pc;
	return 0;
}
