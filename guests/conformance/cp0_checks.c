// SPDX-License-Identifier: GPL-2.0
/*
 * cp0_checks.c - CP0 write masks: write all-ones and read back, write zero
 * and read back, restore.  Runs with BEV=1 and interrupts off, before any
 * TLB entry exists.
 */
#include "conformance.h"

/*
 * Status bits that depend on an FPU, DSP or supervisor mode (CU3-CU1, FR,
 * MX, KSU bit 3), and TS, SR and NMI, which software may only clear (QEMU
 * lets it set them).
 */
#define ST_IMPL		0xe5380008u

#define RW(name, rd, sel) do {						\
	u32 __old = mfc0(rd, sel), __ones, __zero;			\
	mtc0(rd, sel, 0xffffffffu);					\
	__ones = mfc0(rd, sel);						\
	mtc0(rd, sel, 0);						\
	__zero = mfc0(rd, sel);						\
	mtc0(rd, sel, __old);						\
	check(name ".ones", __ones);					\
	check(name ".zero", __zero);					\
} while (0)

/* Registers with no write side effect worth special care. */
static void plain_registers(void)
{
	RW("entrylo0", 2, 0);
	RW("entrylo1", 3, 0);
	RW("pagemask", 5, 0);
	RW("hwrena", 7, 0);
	RW("entryhi", 10, 0);
	RW("compare", 11, 0);
	RW("epc", 14, 0);
	RW("errorepc", 30, 0);
	RW("desave", 31, 0);
}

static void index_register(void)
{
	u32 old = mfc0(0, 0), ones, zero, top, p;

	mtc0(0, 0, 0xffffffffu);
	ones = mfc0(0, 0);
	mtc0(0, 0, tlb_size - 1);
	top = mfc0(0, 0);
	mtc0(0, 0, 0x80000003u);
	p = mfc0(0, 0);
	mtc0(0, 0, 0);
	zero = mfc0(0, 0);
	mtc0(0, 0, old);
	/* Beyond the TLB: UNDEFINED (QEMU ignores the write). */
	check_impl("index.ones", ones, "an index beyond the TLB is UNDEFINED");
	check("index.top", top == tlb_size - 1);
	check("index.p_ro", p);
	check("index.zero", zero);
}

/*
 * Optional or implementation-dependent registers: the values are for
 * the record; what must hold in any case is checked beside them.
 */
static void optional_registers(void)
{
	u32 old, ones, zero;

	old = mfc0(12, 1);
	mtc0(12, 1, 0xffffffffu);
	ones = mfc0(12, 1);
	mtc0(12, 1, 0);
	zero = mfc0(12, 1);
	mtc0(12, 1, old);
	check_impl("intctl.ones", ones,
		   "IntCtl.VS exists with vectored interrupts (Config3.VInt)");
	check("intctl.ipti", ones >> 29);
	check("intctl.zero", zero & ~0x000003e0u);

	/* ESS/PSS above SRSCtl.HSS are UNDEFINED; zero is always legal. */
	old = mfc0(12, 2);
	mtc0(12, 2, 0xffffffffu);
	ones = mfc0(12, 2);
	mtc0(12, 2, 0);
	zero = mfc0(12, 2);
	mtc0(12, 2, old);
	check_impl("srsctl.ones", ones, "shadow register sets (SRSCtl.HSS)");
	check("srsctl.zero", zero & ~0x3c000000u);

	old = mfc0(18, 0);
	mtc0(18, 0, 0xffffffffu);
	ones = mfc0(18, 0);
	mtc0(18, 0, old);
	check_impl("watchlo.ones", ones, "watch registers (Config1.WR)");
	old = mfc0(19, 0);
	mtc0(19, 0, 0xffffffffu);
	ones = mfc0(19, 0);
	mtc0(19, 0, old);
	check_impl("watchhi.ones", ones, "watch registers (Config1.WR)");

	old = mfc0(26, 0);
	mtc0(26, 0, 0xffffffffu);
	ones = mfc0(26, 0);
	mtc0(26, 0, old);
	check_impl("errctl.ones", ones, "ErrCtl's layout");
	old = mfc0(28, 0);
	mtc0(28, 0, 0xffffffffu);
	ones = mfc0(28, 0);
	mtc0(28, 0, old);
	check_impl("taglo.ones", ones, "cache tag layout");
	old = mfc0(28, 1);
	mtc0(28, 1, 0xffffffffu);
	ones = mfc0(28, 1);
	mtc0(28, 1, old);
	check_impl("datalo.ones", ones, "cache data diagnostics");
}

static void wired_register(void)
{
	u32 ones, zero, five;

	mtc0(6, 0, 0xffffffffu);
	ones = mfc0(6, 0);
	mtc0(6, 0, 0);
	zero = mfc0(6, 0);
	mtc0(6, 0, 5);
	five = mfc0(6, 0);
	mtc0(6, 0, 0);
	check_impl("wired.ones", ones, "beyond the TLB size");
	check("wired.zero", zero);
	check("wired.five", five);
}

static void context_register(void)
{
	u32 old = mfc0(4, 0), ones, zero;

	mtc0(4, 0, 0xffffffffu);
	ones = mfc0(4, 0);
	mtc0(4, 0, 0);
	zero = mfc0(4, 0);
	mtc0(4, 0, old);
	/* BadVPN2 is read-only and holds the last TLB exception's page. */
	check("context.ones", ones & 0xff80000f);
	check("context.zero", zero & 0xff80000f);
	check("context.badvpn2_ro", ((ones ^ old) & 0x007ffff0) == 0);
}

static void read_only_registers(void)
{
	u32 old, now;

	old = mfc0(8, 0);
	mtc0(8, 0, ~old);
	check("badvaddr.ro", mfc0(8, 0) == old);
	old = mfc0(15, 0);
	mtc0(15, 0, ~old);
	check("prid.ro", mfc0(15, 0) == old);
	old = mfc0(16, 1);
	mtc0(16, 1, ~old);
	check("config1.ro", mfc0(16, 1) == old);
	old = mfc0(16, 2);
	mtc0(16, 2, ~old);
	now = mfc0(16, 2);
	mtc0(16, 2, old);
	check("config2.ro", now == old);
	old = mfc0(16, 3);
	mtc0(16, 3, ~old);
	now = mfc0(16, 3);
	mtc0(16, 3, old);
	check("config3.ro", now == old);
}

static void count_register(void)
{
	u32 c;

	mtc0(9, 0, 0x10000000u);
	c = mfc0(9, 0);
	check("count.write", c - 0x10000000u < 0x100000u);
	mtc0(9, 0, 0xfffffff0u);
	c = mfc0(9, 0);
	check("count.write_high", c - 0xfffffff0u < 0x100000u);
	mtc0(9, 0, 0);
	/* The timer is set far away again by kernel_state(). */
	mtc0(11, 0, mfc0(9, 0) - 1);
}

static void status_register(void)
{
	u32 old = mfc0(12, 0), ones, zero;

	/* EXL and ERL keep the all-ones value harmless: no interrupt, kernel. */
	ones = fx_status_rw(0xffffffffu, old);
	zero = fx_status_rw(0, old);
	check_impl("status.ones", ones,
		   "CU1, FR, MX, supervisor mode; TS, SR, NMI set by software");
	check("status.ones.common", ones & ~ST_IMPL);
	check("status.zero", zero);
}

static void cause_register(void)
{
	u32 mask = ~(CAUSE_HW_IP | CAUSE_TI | CAUSE_IP7);

	check("cause.ones", fx_cause_rw(0xffffffffu) & mask);
	check("cause.zero", fx_cause_rw(0) & mask);
}

static void ebase_register(void)
{
	u32 old = mfc0(15, 1), ones, zero;

	/* BEV is set: moving EBase moves no vector. */
	mtc0(15, 1, 0xffffffffu);
	ones = mfc0(15, 1);
	mtc0(15, 1, 0);
	zero = mfc0(15, 1);
	mtc0(15, 1, old);
	check("ebase.ones", KVA(ones));
	check("ebase.zero", KVA(zero));
}

static void config0_register(void)
{
	u32 old = mfc0(16, 0), ones, zero;

	mtc0(16, 0, 0xffffffffu);
	ones = mfc0(16, 0);
	mtc0(16, 0, 0);
	zero = mfc0(16, 0);
	mtc0(16, 0, old);
	/* Only K0 is writable; the other fields describe the CPU. */
	check("config0.ones.k0", ones & 7);
	check("config0.zero.k0", zero & 7);
	check("config0.ro_kept", ((ones ^ old) & ~7u) == 0 &&
	      ((zero ^ old) & ~7u) == 0);
}

void cp0_checks(void)
{
	index_register();
	plain_registers();
	optional_registers();
	wired_register();
	context_register();
	read_only_registers();
	count_register();
	status_register();
	cause_register();
	ebase_register();
	config0_register();
}
