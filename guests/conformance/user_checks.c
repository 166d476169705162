// SPDX-License-Identifier: GPL-2.0
/*
 * user_checks.c - user mode through the TLB: the user program (fixed.S)
 * is copied to USER_PA and mapped at USER_VA; each check erets to one of
 * its entries with KSU=user and prints the exception that ends it.
 *
 * User addresses are printed unchanged: 0x00000000-0x7fffffff is the
 * user segment in both maps, and 0x80000000 and up is an address error
 * from user mode in both.
 *
 * The user TLB entries:
 *   10: 0x00400000 global: even = the program (RW), odd = read-only data
 *   11: 0x00404000 ASID 9, global: even = data (RW), odd invalid
 *   12: 0x00406000 ASID 9: even = data (RW)
 *   13: 0x00408000 ASID 7 / 14: the same page for ASID 8 (remap checks)
 */
#include "conformance.h"

#define USER_ASID	7
#define OTHER_ASID	9
#define RO_MARKER	0x11110001u
#define GLOBAL_MARKER	0x44440004u

#define USER(entry)	(USER_VA + (u32)((entry) - user_blob))

/* Run the user program from @entry until its first exception. */
static void enter(const char *entry, u32 asid, u32 status, u32 arg)
{
	mtc0(10, 0, asid);
	arm((u32)user_return);
	enter_user(USER(entry), status, arg);
}

static void run(const char *name, const char *entry, u32 status,
		unsigned int what)
{
	enter(entry, USER_ASID, status, 0);
	report_exc(name, what);
}

static void run_user(const char *name, const char *entry, unsigned int what)
{
	run(name, entry, ST_KSU_USER | ST_EXL, what);
}

/* A user load from @va with @asid: the value, or 0xfa0000XX (ExcCode). */
static u32 user_load(u32 va, u32 asid)
{
	enter(u_load, asid, ST_KSU_USER | ST_EXL, va);
	if (((exc.cause >> 2) & 0x1f) != EXC_SYS)
		return 0xfa000000u | ((exc.cause >> 2) & 0x1f);
	return exc.gpr[2];
}

static void setup(void)
{
	const u32 *src = (const u32 *)user_blob;
	volatile u32 *dst = (volatile u32 *)KSEG0(USER_PA);
	u32 len = user_blob_end - user_blob, i;

	for (i = 0; i < len / 4; i++)
		dst[i] = src[i];
	cache_sync(KSEG0(USER_PA), len);
	*(volatile u32 *)KSEG0(USER_PA + 0x1000) = RO_MARKER;
	*(volatile u32 *)KSEG0(USER_PA + 0x4000) = GLOBAL_MARKER;
	*(volatile u32 *)KSEG0(USER_PA + 0x6000) = 0x66660006u;

	tlb_flush();
	tlb_set(10, USER_VA | USER_ASID, 0,
		ENTRYLO(USER_PA, LO_V | LO_D | LO_G),
		ENTRYLO(USER_PA + 0x1000, LO_V | LO_G));
	tlb_set(11, (USER_VA + 0x4000) | OTHER_ASID, 0,
		ENTRYLO(USER_PA + 0x4000, LO_V | LO_D | LO_G),
		ENTRYLO(USER_PA + 0x5000, LO_G));
	tlb_set(12, (USER_VA + 0x6000) | OTHER_ASID, 0,
		ENTRYLO(USER_PA + 0x6000, LO_V | LO_D), 0);
}

static void rdhwr_checks(void)
{
	mtc0(7, 0, 0);
	run_user("user.rdhwr0_off", u_rdhwr0, 0);
	mtc0(7, 0, 0x1);
	run_user("user.rdhwr0_on", u_rdhwr0, 0);
	check("user.rdhwr0_on.v0", exc.gpr[2]);
	run_user("user.rdhwr2_off", u_rdhwr2, 0);
	mtc0(7, 0, 0x4);
	run_user("user.rdhwr2_on", u_rdhwr2, 0);
	check("user.rdhwr2_on.v0_nonzero", exc.gpr[2] != 0);
	mtc0(7, 0, 0xf);
	enter(u_rdhwr1, USER_ASID, ST_KSU_USER | ST_EXL, 0);
	check("user.rdhwr1_on.code", (exc.cause >> 2) & 0x1f);
	check_impl("user.rdhwr1_on.v0", exc.gpr[2],
		   "SYNCI_Step, the cache line size");
	enter(u_rdhwr3, USER_ASID, ST_KSU_USER | ST_EXL, 0);
	check("user.rdhwr3_on.code", (exc.cause >> 2) & 0x1f);
	check_impl("user.rdhwr3_on.v0", exc.gpr[2],
		   "CCRes, Count's rate");
	/* No UserLocal register (Config3.ULRI = 0): reserved. */
	run_user("user.rdhwr29", u_rdhwr29, 0);
	mtc0(7, 0, 0);
}

/* Instruction fetches from user mode. */
static void fetch_checks(void)
{
	enter(u_jump, USER_ASID, ST_KSU_USER | ST_EXL, USER_VA + 2);
	report_exc("user.fetch_unaligned", R_BADVA);
	enter(u_jump, USER_ASID, ST_KSU_USER | ST_EXL, 0x00800000);
	report_exc("user.fetch_refill", R_BADVA | R_TLB);
	enter(u_jump, USER_ASID, ST_KSU_USER | ST_EXL, USER_VA + 0x5000);
	report_exc("user.fetch_inval", R_BADVA | R_TLB);
	/* The last word of the user segment. */
	enter(u_jump, USER_ASID, ST_KSU_USER | ST_EXL, 0x7ffffffc);
	report_exc("user.fetch_top", R_BADVA | R_TLB);
}

/*
 * The TLB changes under a user mapping: a rewritten entry and an ASID
 * switch must both be seen at once (no stale translation survives).
 */
static void remap_checks(void)
{
	u32 va = USER_VA + 0x8000;

	*(volatile u32 *)KSEG0(USER_PA + 0x2000) = 0xaaaa2000u;
	*(volatile u32 *)KSEG0(USER_PA + 0x3000) = 0xbbbb3000u;
	tlb_set(13, va | USER_ASID, 0, ENTRYLO(USER_PA + 0x2000, LO_V), 0);
	check("user.remap.first", user_load(va, USER_ASID));
	tlb_set(13, va | USER_ASID, 0, ENTRYLO(USER_PA + 0x3000, LO_V), 0);
	check("user.remap.second", user_load(va, USER_ASID));
	tlb_set(14, va | 8, 0, ENTRYLO(USER_PA + 0x2000, LO_V), 0);
	check("user.asid_switch.asid8", user_load(va, 8));
	check("user.asid_switch.asid7", user_load(va, USER_ASID));
	check("user.asid_switch.asid9", user_load(va, OTHER_ASID));
	tlb_set(13, 0x80000000u + (13 << 13), 0, 0, 0);
	check("user.after_unmap7.asid7", user_load(va, USER_ASID));
	check("user.after_unmap7.asid8", user_load(va, 8));
	tlb_set(14, 0x80000000u + (14 << 13), 0, 0, 0);
}

/* A software interrupt pending at the eret to user mode: taken at once. */
static void user_swi(void)
{
	mtc0(13, 0, CAUSE_IP1);
	run("user.swi_at_eret", u_syscall,
	    ST_KSU_USER | ST_EXL | ST_IE | ST_IM1, 0);
	check("user.swi_at_eret.status_after", mfc0(12, 0));
	mtc0(12, 0, 0);
	mtc0(13, 0, 0);
}

/* The timer pending (Cause.TI seen) at the eret to user mode. */
static void user_timer_pending(void)
{
	u32 i;

	mtc0(11, 0, mfc0(9, 0) + TIMER_DELTA);
	for (i = 0; i < 4000000 && !(mfc0(13, 0) & CAUSE_TI); i++)
		;
	check("user.timer_at_eret.ti_before", mfc0(13, 0) >> 30 & 1);
	run("user.timer_at_eret", u_spin,
	    ST_KSU_USER | ST_EXL | ST_IE | ST_IM7, 0);
	check("user.timer_at_eret.ip7", (exc.cause & CAUSE_IP7) != 0);
	mtc0(12, 0, 0);
	mtc0(11, 0, mfc0(9, 0) - 1);
}

/* A timer interrupt taken in user mode. */
static void user_timer(void)
{
	u32 epc;

	mtc0(11, 0, mfc0(9, 0) + TIMER_DELTA);
	enter(u_spin, USER_ASID, ST_KSU_USER | ST_EXL | ST_IE | ST_IM7, 0);
	epc = exc.epc;
	check("user.timer.taken", exc.taken);
	check("user.timer.code", (exc.cause >> 2) & 0x1f);
	check("user.timer.vec", exc.taken ? KVA(exc.vector) : 0);
	check("user.timer.ip7", (exc.cause & CAUSE_IP7) != 0);
	check("user.timer.status", exc.status);
	check("user.timer.epc_in_spin",
	      epc >= USER(u_spin) && epc <= USER(u_spin_end));
	check("user.timer.status_after", mfc0(12, 0));
	mtc0(11, 0, mfc0(9, 0) - 1);
}

void user_checks(void)
{
	kernel_state();
	setup();

	run_user("user.syscall", u_syscall, 0);
	check("user.syscall.v0", exc.gpr[2]);
	check("user.syscall.a0", exc.gpr[4]);
	check("user.status_after", mfc0(12, 0));
	run_user("user.bd_syscall", u_bd_syscall, 0);
	run_user("user.break", u_break, 0);
	run_user("user.sync", u_sync, 0);
	run_user("user.teq", u_teq, 0);
	run_user("user.add", u_add, 0);
	run_user("user.beql_nt", u_beql_nt, 0);
	check("user.beql_nt.v0", exc.gpr[2]);

	/* The kernel's segments: address errors. */
	run_user("user.lw_kseg0", u_lw_kseg0, R_BADVA);
	run_user("user.sw_kseg1", u_sw_kseg1, R_BADVA);
	run_user("user.jr_kseg0", u_jr_kseg0, R_BADVA);
	run_user("user.unaligned", u_unaligned, R_BADVA);

	/* Privileged and absent coprocessors. */
	run_user("user.mfc0", u_mfc0, R_CE);
	run_user("user.cop1", u_cop1, R_CE);
	run_user("user.eret", u_eret, R_CE);
	run_user("user.di", u_di, R_CE);
	run_user("user.cache", u_cache, R_CE);
	run_user("user.wait", u_wait, R_CE);

	/* The TLB from user mode. */
	run_user("user.lw_ro", u_lw_ro, 0);
	check("user.lw_ro.v0", exc.gpr[2]);
	run_user("user.mod", u_mod, R_BADVA | R_TLB);
	run_user("user.refill_lw", u_refill_lw, R_BADVA | R_TLB);
	run_user("user.refill_sw", u_refill_sw, R_BADVA | R_TLB);
	run_user("user.inval_lw", u_inval_lw, R_BADVA | R_TLB);
	run_user("user.inval_sw", u_inval_sw, R_BADVA | R_TLB);
	run_user("user.global", u_global, 0);
	check("user.global.v0", exc.gpr[2]);
	run_user("user.asid", u_asid, R_BADVA | R_TLB);

	fetch_checks();
	remap_checks();
	rdhwr_checks();
	user_swi();
	user_timer_pending();
	user_timer();

	/* The boot vectors serve user mode too. */
	run("user.bev_syscall", u_syscall, ST_BEV | ST_KSU_USER | ST_EXL, 0);
	run("user.bev_refill", u_refill_lw, ST_BEV | ST_KSU_USER | ST_EXL,
	    R_BADVA | R_TLB);

	kernel_state();
	tlb_flush();
}
