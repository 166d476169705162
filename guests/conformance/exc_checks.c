// SPDX-License-Identifier: GPL-2.0
/*
 * exc_checks.c - kernel-mode exceptions: address errors, syscall, break,
 * reserved instruction, coprocessor unusable, trap, overflow, branch
 * delay slots, eret (EXL, ERL, both, LL bit), vectors from EBase and the
 * boot vectors, rdhwr, di/ei.
 */
#include "conformance.h"

#define SCRATCH		KSEG0(SCRATCH_PA)

static void address_errors(void)
{
	arm(0);
	fx_lw(SCRATCH + 1);
	report_exc("adel.lw1", R_BADVA);
	arm(0);
	fx_lw(SCRATCH + 2);
	report_exc("adel.lw2", R_BADVA);
	arm(0);
	fx_lh(SCRATCH + 3);
	report_exc("adel.lh", R_BADVA);
	arm(0);
	fx_sw(SCRATCH + 6, 0);
	report_exc("ades.sw", R_BADVA);
	arm(0);
	fx_sh(SCRATCH + 1, 0);
	report_exc("ades.sh", R_BADVA);
	/* Instruction fetch: EPC and BadVAddr are the fetched address. */
	arm((u32)fx_jr_resume);
	fx_jr(SCRATCH + 2);
	report_exc("adel.fetch", R_BADVA);
}

static void instruction_exceptions(void)
{
	u32 v;

	arm(0);
	fx_syscall();
	report_exc("sys", 0);
	arm(0);
	fx_break();
	report_exc("bp", 0);
	arm(0);
	fx_ri();
	report_exc("ri", 0);
	arm(0);
	fx_cop1();
	report_exc("cpu.cop1", R_CE);
	/* The architecture says CpU, CE=2; QEMU raises RI (no LMMI ASE). */
	arm(0);
	fx_cop2();
	check_impl("cpu.cop2.code", (exc.cause >> 2) & 0x1f,
		   "COP2 without a COP2: CpU by the architecture, RI on QEMU");
	arm(0);
	fx_teq(5, 5);
	report_exc("tr.teq", 0);
	arm(0);
	fx_tne(5, 5);
	check("tr.tne_equal.taken", exc.taken);
	arm(0);
	fx_tne(5, 6);
	report_exc("tr.tne", 0);
	arm(0);
	fx_teqi(5);
	report_exc("tr.teqi", 0);
	arm(0);
	fx_add(0x7fffffffu, 1);
	report_exc("ov.add", 0);
	check("ov.add.rd_kept", exc.gpr[2]);
	arm(0);
	v = fx_addu(0x7fffffffu, 1);
	check("ov.addu.taken", exc.taken);
	check("ov.addu.result", v);
	arm(0);
	v = fx_add(0x7ffffffeu, 1);
	check("ov.add_fits.taken", exc.taken);
	check("ov.add_fits.result", v);
	arm(0);
	fx_addi_max(0x7fffffffu);
	report_exc("ov.addi", 0);
	arm(0);
	fx_sub(0x80000000u, 1);
	report_exc("ov.sub", 0);
}

/* Cause.BD and EPC = the branch. */
static void delay_slots(void)
{
	u32 v;

	arm(0);
	fx_bd_syscall();
	report_exc("bd.beq_syscall", 0);
	arm(0);
	fx_bd_nt_lw(SCRATCH + 1, 0);
	report_exc("bd.bne_nt_adel", R_BADVA);
	/* QEMU turns "bne $0, $0" into a nop: its slot is no delay slot. */
	arm(0);
	fx_bd_never_lw(SCRATCH + 1);
	check_impl("bd.bne_never_adel.bd", exc.cause >> 31,
		   "QEMU translates a never-taken bne $0,$0 as a nop");
	arm(0);
	v = fx_bd_bal();
	report_exc("bd.bal_syscall", 0);
	check("bd.bal_syscall.ra_at_exc", KVA(exc.gpr[31]));
	check("bd.bal_syscall.ra", KVA(v));
	arm(0);
	fx_bd_jr((u32)fx_bd_jr_target);
	report_exc("bd.jr_syscall", 0);
	arm(0);
	fx_beql_nt(1);
	check("bd.beql_not_taken.taken", exc.taken);
	arm(0);
	fx_beql_t();
	report_exc("bd.beql_taken", 0);
}

static void eret_checks(void)
{
	u32 v, word = KSEG0(SCRATCH_PA + 0x100);

	arm(0);
	v = fx_eret_exl((u32)fx_eret_exl_target);
	check("eret.exl.status", v);
	check("eret.exl.taken", exc.taken);
	arm(0);
	v = fx_eret_erl((u32)fx_eret_erl_target);
	check("eret.erl.status", v);
	check("eret.erl.taken", exc.taken);
	arm(0);
	v = fx_eret_both((u32)fx_eret_both_target);
	check("eret.erl_exl.status", v);
	check("eret.erl_exl.taken", exc.taken);
	check("eret.erl_exl.after", mfc0(12, 0));
	*(volatile u32 *)word = 0;
	check("llsc.plain", fx_llsc(word));
	check("llsc.eret", fx_llsc_eret(word, (u32)fx_llsc_eret_target));
	check("llsc.word", *(volatile u32 *)word);
}

/* With EXL already set: the general vector, EPC and BD unchanged. */
static void exl_checks(void)
{
	/* Leave Cause.BD = 1 behind, to see that it stays. */
	arm(0);
	fx_bd_syscall();
	mtc0(14, 0, KSEG0(SCRATCH_PA + 0x40));
	arm((u32)fx_exl_syscall_resume);
	fx_exl_syscall();
	report_exc("exl.syscall", 0);
	mtc0(14, 0, KSEG0(SCRATCH_PA + 0x80));
	arm((u32)fx_exl_lw_resume);
	fx_exl_lw(SCRATCH + 3);
	report_exc("exl.adel", R_BADVA);
}

/* KSEG0 and KSEG1 are two windows on the same memory; the ROM is ROM. */
static void segment_checks(void)
{
	volatile u32 *k0 = (volatile u32 *)KSEG0(SCRATCH_PA + 0x200);
	volatile u32 *k1 = (volatile u32 *)KSEG1(SCRATCH_PA + 0x200);
	volatile u32 *rom = (volatile u32 *)(RESET_VA + 0x100);

	*k1 = 0x0123abcdu;
	check("seg.kseg1_to_kseg0", *k0);
	*k0 = 0x4567cdefu;
	cache_sync((u32)k0, 4);
	check("seg.kseg0_to_kseg1", *k1);
	check("seg.rom_word", *rom);
	arm(0);
	*rom = 0xdeadbeefu;
	check("seg.rom_write.taken", exc.taken);
	check("seg.rom_after_write", *rom);
	check("seg.rom_via_kseg0", *(volatile u32 *)KSEG0(ROM_PA + 0x100));
}

/* The general vector follows EBase while BEV=0, is fixed while BEV=1. */
static void vector_checks(void)
{
	install_vectors(VEC_B_PA);
	mtc0(12, 0, ST_BEV);
	mtc0(15, 1, KSEG0(VEC_B_PA));
	mtc0(12, 0, 0);
	check("ebase.b", KVA(mfc0(15, 1)));
	arm(0);
	fx_syscall();
	report_exc("vec.ebase_b", 0);
	arm(0);
	fx_lw(SCRATCH + 1);
	report_exc("vec.ebase_b_adel", R_BADVA);
	mtc0(12, 0, ST_BEV);
	arm(0);
	fx_syscall();
	report_exc("vec.bev", 0);
	/* EBase is written while BEV=1; going back to A. */
	mtc0(15, 1, KSEG0(VEC_A_PA));
	mtc0(12, 0, 0);
	arm(0);
	fx_break();
	report_exc("vec.ebase_a", 0);
	kernel_state();
}

static void misc_checks(void)
{
	u32 v;

	/* rdhwr in kernel mode needs no HWREna bit. */
	mtc0(7, 0, 0);
	arm(0);
	check("rdhwr.kernel.cpunum", fx_rdhwr0());
	check("rdhwr.kernel.cc_nonzero", fx_rdhwr2() != 0);
	check("rdhwr.kernel.taken", exc.taken);

	/* di and ei return the old Status; nothing is pending. */
	mtc0(12, 0, ST_IE);
	v = fx_di();
	check("di.ret", v);
	check("di.status", mfc0(12, 0));
	v = fx_ei();
	check("ei.ret", v);
	check("ei.status", mfc0(12, 0));
	v = fx_ei();
	check("ei.again.ret", v);
	mtc0(12, 0, 0);
}

void exc_checks(void)
{
	kernel_state();
	address_errors();
	instruction_exceptions();
	delay_slots();
	eret_checks();
	exl_checks();
	segment_checks();
	vector_checks();
	misc_checks();
	kernel_state();
}
