// SPDX-License-Identifier: GPL-2.0
/*
 * cp0_test.c - host tests of module/cp0.c beyond the write masks
 * (guest_tlb_test.c): where each register's reads come from and what its
 * writes report, exception delivery, eret and Random, each against the
 * MIPS32 rules written out here independently of the module's table.
 */
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../../module/cp0.h"

/* The implemented registers, as the MIPS32 24Kc manual lists them. */
static const u32 implemented[] = {
	MVC_CP0_INDEX, MVC_CP0_RANDOM, MVC_CP0_ENTRYLO0, MVC_CP0_ENTRYLO1,
	MVC_CP0_CONTEXT, MVC_CP0_PAGEMASK, MVC_CP0_WIRED, MVC_CP0_HWRENA,
	MVC_CP0_BADVADDR, MVC_CP0_COUNT, MVC_CP0_ENTRYHI, MVC_CP0_COMPARE,
	MVC_CP0_STATUS, MVC_CP0_INTCTL, MVC_CP0_SRSCTL, MVC_CP0_CAUSE,
	MVC_CP0_EPC, MVC_CP0_PRID, MVC_CP0_EBASE, MVC_CP0_CONFIG0,
	MVC_CP0_CONFIG1, MVC_CP0_CONFIG2, MVC_CP0_CONFIG3, MVC_CP0_CONFIG7,
	MVC_CP0_LLADDR, MVC_CP0_WATCHLO, MVC_CP0_WATCHHI, MVC_CP0_ERRCTL,
	MVC_CP0_TAGLO, MVC_CP0_DATALO, MVC_CP0_ERROREPC, MVC_CP0_DESAVE,
};

static bool listed(u32 id)
{
	size_t i;

	for (i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++)
		if (implemented[i] == id)
			return true;
	return false;
}

TEST(the_table_covers_the_implemented_registers_only)
{
	struct mvc_cp0 c, ref;
	u32 id;

	mvc_cp0_reset(&c, 16, 0);
	for (id = 0; id < MVC_CP0_NR + 8; id++) {
		EXPECT_EQ(listed(id), mvc_cp0_implemented(id)) TH_LOG("id %u", id);
		if (listed(id))
			continue;
		/* Unimplemented: reads 0, writes nothing, reports nothing. */
		ref = c;
		EXPECT_EQ(0u, mvc_cp0_write(&c, id, ~0u)) TH_LOG("id %u", id);
		EXPECT_EQ(0, memcmp(&ref, &c, sizeof(c))) TH_LOG("id %u", id);
		EXPECT_EQ(0u, mvc_cp0_read(&c, id));
		EXPECT_EQ((u32)MVC_CP0_SRC_ZERO, mvc_cp0_read_source(id));
	}
}

TEST(reads_come_from_the_time_only_for_count_random_and_cause)
{
	u32 id, want;

	for (id = 0; id < MVC_CP0_NR; id++) {
		want = listed(id) ? MVC_CP0_SRC_FILE : MVC_CP0_SRC_ZERO;
		if (id == MVC_CP0_COUNT)
			want = MVC_CP0_SRC_TIME;
		else if (id == MVC_CP0_RANDOM)
			want = MVC_CP0_SRC_RANDOM;
		else if (id == MVC_CP0_CAUSE)
			want = MVC_CP0_SRC_CAUSE;
		EXPECT_EQ(want, mvc_cp0_read_source(id)) TH_LOG("id %u", id);
	}
}

TEST(writes_report_exactly_their_side_effects)
{
	struct mvc_cp0 c;
	unsigned int fx;
	u32 id;

	for (id = 0; id < MVC_CP0_NR; id++) {
		mvc_cp0_reset(&c, 16, 0);
		fx = mvc_cp0_write(&c, id, 0x12345678u);
		switch (id) {
		case MVC_CP0_COUNT:
			EXPECT_EQ((unsigned int)MVC_CP0_FX_COUNT, fx);
			/* The register file leaves Count to the clock. */
			EXPECT_EQ(0u, c.reg[MVC_CP0_COUNT]);
			break;
		case MVC_CP0_COMPARE:
			EXPECT_EQ((unsigned int)MVC_CP0_FX_COMPARE, fx);
			break;
		case MVC_CP0_CAUSE:
			EXPECT_EQ((unsigned int)MVC_CP0_FX_CAUSE, fx);
			break;
		case MVC_CP0_ENTRYHI:
			EXPECT_EQ((unsigned int)MVC_CP0_FX_ASID, fx);	/* 0 -> 0x78 */
			break;
		default:
			EXPECT_EQ(0u, fx) TH_LOG("id %u", id);
		}
	}
	/* Writing the same ASID again is no change. */
	mvc_cp0_reset(&c, 16, 0);
	mvc_cp0_write(&c, MVC_CP0_ENTRYHI, 0x78);
	EXPECT_EQ(0u, mvc_cp0_write(&c, MVC_CP0_ENTRYHI, 0xfffff078u));
}

TEST(random_stays_between_wired_and_the_top)
{
	struct mvc_cp0 c;
	u32 n, count, r, seen = 0;

	mvc_cp0_reset(&c, 16, 0);
	mvc_cp0_write(&c, MVC_CP0_WIRED, 12);
	for (count = 0; count < 1000; count++) {
		r = mvc_cp0_random(&c, count * 7919u);
		ASSERT_TRUE(r >= 12 && r <= 15) TH_LOG("Random %u", r);
		seen |= 1u << r;
	}
	EXPECT_EQ(0xf000u, seen);	/* every entry above Wired, in time */
	/* Wired = size - 1: one entry left. */
	mvc_cp0_write(&c, MVC_CP0_WIRED, 15);
	for (n = 0; n < 100; n++)
		EXPECT_EQ(15u, mvc_cp0_random(&c, n));
	mvc_cp0_reset(&c, 1, 0);
	EXPECT_EQ(0u, mvc_cp0_random(&c, 12345));
}

/* A register file in a given Status, EBase and Cause. */
static void state(struct mvc_cp0 *c, u32 status, u32 ebase, u32 cause)
{
	mvc_cp0_reset(c, 16, 0);
	c->reg[MVC_CP0_STATUS] = status;
	c->reg[MVC_CP0_EBASE] = ebase;
	c->reg[MVC_CP0_CAUSE] = cause;
	c->reg[MVC_CP0_EPC] = 0xdeadbeefu;
}

TEST(an_exception_sets_epc_bd_exccode_exl_and_picks_the_vector)
{
	struct mvc_cp0 c;
	u32 pc;

	/* General exception, not in a slot: EBase + 0x180. */
	state(&c, MVC_ST_IE, 0x00012000u, MVC_CAUSE_BD | 0x300 | 5u << 2);
	pc = mvc_cp0_exception(&c, 0x40001000u, false, MVC_EXC_SYS, 0, false);
	EXPECT_EQ(0x00012180u, pc);
	EXPECT_EQ(0x40001000u, c.reg[MVC_CP0_EPC]);
	EXPECT_EQ(0x300u | MVC_EXC_SYS << 2, c.reg[MVC_CP0_CAUSE]);
	EXPECT_EQ(MVC_ST_IE | MVC_ST_EXL, c.reg[MVC_CP0_STATUS]);

	/* In a delay slot: BD, EPC is the branch; a refill has offset 0. */
	state(&c, 0, 0x00012000u, 0);
	pc = mvc_cp0_exception(&c, 0x40001ffcu, true, MVC_EXC_TLBL, 0, true);
	EXPECT_EQ(0x00012000u, pc);
	EXPECT_EQ(0x40001ffcu, c.reg[MVC_CP0_EPC]);
	EXPECT_EQ(MVC_CAUSE_BD | MVC_EXC_TLBL << 2, c.reg[MVC_CP0_CAUSE]);

	/* EXL already set: EPC and BD stay, a refill goes to 0x180. */
	state(&c, MVC_ST_EXL, 0x00012000u, MVC_CAUSE_BD);
	pc = mvc_cp0_exception(&c, 0x40002000u, false, MVC_EXC_TLBS, 0, true);
	EXPECT_EQ(0x00012180u, pc);
	EXPECT_EQ(0xdeadbeefu, c.reg[MVC_CP0_EPC]);
	EXPECT_EQ(MVC_CAUSE_BD | MVC_EXC_TLBS << 2, c.reg[MVC_CP0_CAUSE]);

	/* BEV: the boot ROM's vectors, whatever EBase says. */
	state(&c, MVC_ST_BEV, 0x00012000u, 0);
	pc = mvc_cp0_exception(&c, 0x3fc00010u, false, MVC_EXC_RI, 0, false);
	EXPECT_EQ(MVC_GUEST_BEV_BASE + 0x180, pc);
	state(&c, MVC_ST_BEV, 0, 0);
	pc = mvc_cp0_exception(&c, 0x3fc00010u, false, MVC_EXC_TLBL, 0, true);
	EXPECT_EQ(MVC_GUEST_BEV_BASE, pc);

	/* Interrupts go to 0x200 with Cause.IV, to 0x180 without. */
	state(&c, MVC_ST_IE, 0x00012000u, MVC_CAUSE_IV | 0x8000);
	pc = mvc_cp0_exception(&c, 0x40000000u, false, MVC_EXC_INT, 0, false);
	EXPECT_EQ(0x00012200u, pc);
	EXPECT_EQ(MVC_CAUSE_IV | 0x8000, c.reg[MVC_CP0_CAUSE]);
	state(&c, MVC_ST_IE, 0x00012000u, 0x8000);
	EXPECT_EQ(0x00012180u, mvc_cp0_exception(&c, 0, false, MVC_EXC_INT, 0,
						 false));

	/* Coprocessor Unusable carries CE; the old CE goes. */
	state(&c, 0, 0x00012000u, 2u << MVC_CAUSE_CE_SHIFT);
	mvc_cp0_exception(&c, 0x40000000u, false, MVC_EXC_CPU, 1, false);
	EXPECT_EQ(1u << MVC_CAUSE_CE_SHIFT | MVC_EXC_CPU << 2,
		  c.reg[MVC_CP0_CAUSE]);
}

TEST(address_and_tlb_exceptions_record_the_address)
{
	struct mvc_cp0 c;

	mvc_cp0_reset(&c, 16, 0);
	c.reg[MVC_CP0_CONTEXT] = 0x80000000u | 0x1230u;
	c.reg[MVC_CP0_ENTRYHI] = 0x12344000u | 0x42;
	c.reg[MVC_CP0_BADVADDR] = 1;
	/* An address error: BadVAddr only. */
	mvc_cp0_set_badvaddr(&c, MVC_EXC_ADEL, 0x00000003u);
	EXPECT_EQ(3u, c.reg[MVC_CP0_BADVADDR]);
	EXPECT_EQ(0x80001230u, c.reg[MVC_CP0_CONTEXT]);
	EXPECT_EQ(0x12344042u, c.reg[MVC_CP0_ENTRYHI]);
	/* A TLB exception: BadVPN2 in Context, VPN2 in EntryHi, ASID kept. */
	mvc_cp0_set_badvaddr(&c, MVC_EXC_TLBS, 0x4567a123u);
	EXPECT_EQ(0x4567a123u, c.reg[MVC_CP0_BADVADDR]);
	EXPECT_EQ(0x80000000u | (0x4567a123u >> 13) << 4, c.reg[MVC_CP0_CONTEXT]);
	EXPECT_EQ(0x4567a000u | 0x42, c.reg[MVC_CP0_ENTRYHI]);
	mvc_cp0_set_badvaddr(&c, MVC_EXC_MOD, 0xfffff000u);
	EXPECT_EQ(0x80000000u | 0x7ffff0u, c.reg[MVC_CP0_CONTEXT]);
	EXPECT_EQ(0xffffe042u, c.reg[MVC_CP0_ENTRYHI]);
}

TEST(eret_returns_from_an_error_before_an_exception)
{
	struct mvc_cp0 c;

	mvc_cp0_reset(&c, 16, 0);
	c.reg[MVC_CP0_EPC] = 0x40001000u;
	c.reg[MVC_CP0_ERROREPC] = 0x3fc00000u;
	c.reg[MVC_CP0_STATUS] = MVC_ST_ERL | MVC_ST_EXL | MVC_ST_IE;
	EXPECT_EQ(0x3fc00000u, mvc_cp0_eret(&c));
	EXPECT_EQ(MVC_ST_EXL | MVC_ST_IE, c.reg[MVC_CP0_STATUS]);
	EXPECT_EQ(0x40001000u, mvc_cp0_eret(&c));
	EXPECT_EQ(MVC_ST_IE, c.reg[MVC_CP0_STATUS]);
	/* Neither set: to EPC, Status unchanged. */
	EXPECT_EQ(0x40001000u, mvc_cp0_eret(&c));
	EXPECT_EQ(MVC_ST_IE, c.reg[MVC_CP0_STATUS]);
}

/* An exception and its eret come back to where the exception was taken. */
TEST(exception_then_eret_round_trips)
{
	struct mvc_cp0 c;
	u32 n, pc, status;

	srand(7);
	for (n = 0; n < 10000; n++) {
		mvc_cp0_reset(&c, 16, 0);
		status = ((u32)rand() & (MVC_ST_IE | MVC_ST_KSU | MVC_ST_IM)) |
			 (rand() & 1 ? MVC_ST_BEV : 0);
		c.reg[MVC_CP0_STATUS] = status;
		pc = (u32)rand() << 2;
		mvc_cp0_exception(&c, pc, rand() & 1, (u32)rand() % 14, 0,
				  rand() & 1);
		ASSERT_EQ(status | MVC_ST_EXL, c.reg[MVC_CP0_STATUS]);
		ASSERT_EQ(pc, mvc_cp0_eret(&c));
		ASSERT_EQ(status, c.reg[MVC_CP0_STATUS]);
	}
}

TEST_HARNESS_MAIN
