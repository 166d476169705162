// SPDX-License-Identifier: GPL-2.0
/*
 * decode_test.c - host tests of module/decode.c: every MIPS32 branch,
 * taken and not, with its link register; loads and stores of every form.
 */
#include "kselftest_harness.h"
#include "../../module/decode.h"

/* Encoders; u32 shifts (op 35 << 26 does not fit an int). */
#define I(op, rs, rt, imm) \
	((u32)(op) << 26 | (u32)(rs) << 21 | (u32)(rt) << 16 | ((u32)(imm) & 0xffff))
#define R(rs, rt, rd, funct) \
	((u32)(rs) << 21 | (u32)(rt) << 16 | (u32)(rd) << 11 | (u32)(funct))

static u32 gpr[32];

static struct mvc_branch br(struct __test_metadata *_metadata, u32 insn,
			    u32 pc)
{
	struct mvc_branch b;

	EXPECT_EQ(0, mvc_eval_branch(insn, pc, gpr, &b));
	EXPECT_TRUE(mvc_is_branch(insn));
	return b;
}

TEST(conditional_branches)
{
	u32 pc = 0x3fc01000;
	struct {
		u32 insn;
		bool taken;
		int link;
	} cases[] = {
		{ I(MVC_OP_BEQ, 1, 2, 4), false, -1 },	/* 1 != 2 */
		{ I(MVC_OP_BEQ, 1, 1, 4), true, -1 },
		{ I(MVC_OP_BNE, 1, 2, 4), true, -1 },
		{ I(MVC_OP_BNEL, 1, 1, 4), false, -1 },
		{ I(MVC_OP_BEQL, 3, 3, 4), true, -1 },
		{ I(MVC_OP_BLEZ, 3, 0, 4), true, -1 },	/* -5 */
		{ I(MVC_OP_BLEZ, 0, 0, 4), true, -1 },	/* 0 */
		{ I(MVC_OP_BLEZ, 1, 0, 4), false, -1 },
		{ I(MVC_OP_BGTZ, 1, 0, 4), true, -1 },
		{ I(MVC_OP_BGTZL, 0, 0, 4), false, -1 },
		{ I(MVC_OP_REGIMM, 3, 0x00, 4), true, -1 },	/* bltz -5 */
		{ I(MVC_OP_REGIMM, 1, 0x00, 4), false, -1 },
		{ I(MVC_OP_REGIMM, 0, 0x01, 4), true, -1 },	/* bgez 0 */
		{ I(MVC_OP_REGIMM, 3, 0x10, 4), true, 31 },	/* bltzal */
		{ I(MVC_OP_REGIMM, 1, 0x11, 4), true, 31 },	/* bgezal */
		{ I(MVC_OP_REGIMM, 1, 0x10, 4), false, 31 },	/* link anyway */
		{ I(MVC_OP_REGIMM, 3, 0x02, -2), true, -1 },	/* bltzl back */
		{ I(MVC_OP_REGIMM, 1, 0x13, 4), true, 31 },	/* bgezall */
	};
	unsigned int i;

	gpr[1] = 7;
	gpr[2] = 9;
	gpr[3] = (u32)-5;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mvc_branch b = br(_metadata, cases[i].insn, pc);
		u32 target = pc + 4 + ((u32)(s32)(s16)MVC_IMM(cases[i].insn) << 2);

		EXPECT_EQ(cases[i].taken ? target : pc + 8, b.next_pc)
			TH_LOG("case %u", i);
		EXPECT_EQ(cases[i].link, b.link_reg) TH_LOG("case %u", i);
	}
}

TEST(jumps)
{
	struct mvc_branch b;

	gpr[25] = 0x40001234;
	b = br(_metadata, MVC_OP_J << 26 | 0x100, 0x3ffffffc);
	/* The region of the delay slot (0x40000000), not of the jump. */
	EXPECT_EQ(0x40000400u, b.next_pc);
	b = br(_metadata, MVC_OP_JAL << 26 | 0x3ffffff, 0x00001000);
	EXPECT_EQ(0x0ffffffcu, b.next_pc);
	EXPECT_EQ(31, b.link_reg);
	b = br(_metadata, R(25, 0, 0, 0x08), 0x1000);	/* jr t9 */
	EXPECT_EQ(0x40001234u, b.next_pc);
	EXPECT_EQ(-1, b.link_reg);
	b = br(_metadata, R(25, 0, 17, 0x09), 0x1000);	/* jalr s1, t9 */
	EXPECT_EQ(0x40001234u, b.next_pc);
	EXPECT_EQ(17, b.link_reg);
}

TEST(not_branches)
{
	struct mvc_branch b;

	EXPECT_FALSE(mvc_is_branch(0));			/* nop */
	EXPECT_FALSE(mvc_is_branch(I(0x23, 1, 2, 0)));	/* lw */
	EXPECT_FALSE(mvc_is_branch(I(MVC_OP_REGIMM, 1, 0x1f, 0)));	/* synci */
	EXPECT_EQ(-1, mvc_eval_branch(I(0x23, 1, 2, 0), 0, gpr, &b));
	/* bc1f: a branch, but not one this FPU-less guest can run */
	EXPECT_TRUE(mvc_is_branch(I(MVC_OP_COP1, 8, 0, 4)));
	EXPECT_EQ(-1, mvc_eval_branch(I(MVC_OP_COP1, 8, 0, 4), 0, gpr, &b));
}

/* Where a single step plants its break. */
TEST(next_pc)
{
	u32 next;

	gpr[8] = 5;
	gpr[9] = 5;
	gpr[25] = 0x40001234;
	EXPECT_EQ(0, mvc_next_pc(0, 0x3fc00000, gpr, &next));	/* nop */
	EXPECT_EQ(0x3fc00004u, next);
	/* beq t0, t1, +3: taken; bne: not, so after the delay slot */
	EXPECT_EQ(0, mvc_next_pc(I(MVC_OP_BEQ, 8, 9, 3), 0x3fc00004, gpr, &next));
	EXPECT_EQ(0x3fc00014u, next);
	EXPECT_EQ(0, mvc_next_pc(I(MVC_OP_BNE, 8, 9, 3), 0x3fc00004, gpr, &next));
	EXPECT_EQ(0x3fc0000cu, next);
	/* bnel not taken skips its slot: the same address */
	EXPECT_EQ(0, mvc_next_pc(I(MVC_OP_BNEL, 8, 9, 3), 0x3fc00004, gpr, &next));
	EXPECT_EQ(0x3fc0000cu, next);
	EXPECT_EQ(0, mvc_next_pc(MVC_OP_JAL << 26 | 0x3f00008, 0x3fc00014, gpr, &next));
	EXPECT_EQ(0x3fc00020u, next);
	EXPECT_EQ(0, mvc_next_pc(R(25, 0, 0, 0x08), 0x1000, gpr, &next));
	EXPECT_EQ(0x40001234u, next);
	/* A branch to itself: its own address (debug.c does not plant there). */
	EXPECT_EQ(0, mvc_next_pc(I(MVC_OP_BEQ, 0, 0, -1), 0x1000, gpr, &next));
	EXPECT_EQ(0x1000u, next);
	EXPECT_EQ(-1, mvc_next_pc(I(MVC_OP_COP1, 8, 0, 4), 0x1000, gpr, &next));
}

TEST(loads_and_stores)
{
	struct {
		u32 op;
		int size;
		bool store, sign, unsupported;
	} cases[] = {
		{ 0x20, 1, false, true, false },	/* lb */
		{ 0x24, 1, false, false, false },	/* lbu */
		{ 0x21, 2, false, true, false },	/* lh */
		{ 0x25, 2, false, false, false },	/* lhu */
		{ 0x23, 4, false, false, false },	/* lw */
		{ 0x28, 1, true, false, false },	/* sb */
		{ 0x29, 2, true, false, false },	/* sh */
		{ 0x2b, 4, true, false, false },	/* sw */
		{ 0x22, 4, false, false, true },	/* lwl */
		{ 0x26, 4, false, false, true },	/* lwr */
		{ 0x2a, 4, true, false, true },		/* swl */
		{ 0x2e, 4, true, false, true },		/* swr */
		{ 0x30, 4, false, false, true },	/* ll */
		{ 0x38, 4, true, false, true },		/* sc */
		{ 0x31, 4, false, false, true },	/* lwc1 */
		{ 0x39, 4, true, false, true },		/* swc1 */
	};
	struct mvc_mem_op op;
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ASSERT_EQ(0, mvc_decode_mem(I(cases[i].op, 4, 9, -8), &op));
		EXPECT_EQ(cases[i].size, op.size) TH_LOG("op %#x", cases[i].op);
		EXPECT_EQ(cases[i].store, op.store) TH_LOG("op %#x", cases[i].op);
		EXPECT_EQ(cases[i].unsupported, op.unsupported);
		if (!cases[i].store)
			EXPECT_EQ(cases[i].sign, op.sign_extend);
		EXPECT_EQ(9, op.rt);
		EXPECT_EQ(4, op.base);
		EXPECT_EQ(-8, op.offset);
	}
	EXPECT_EQ(-1, mvc_decode_mem(I(0x0f, 0, 1, 0), &op));	/* lui */
	EXPECT_EQ(-1, mvc_decode_mem(I(MVC_OP_CACHE, 1, 0x19, 0), &op));
}

TEST_HARNESS_MAIN
