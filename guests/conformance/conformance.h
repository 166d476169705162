/* SPDX-License-Identifier: GPL-2.0 */
/*
 * conformance.h - the conformance program's RAM layout and internal
 * interfaces, on the guest runtime's machine.h (the two address maps it
 * is built for, the devices), mips.h (CP0) and uart.h (the console).
 * See conformance.c for the normalization rules.  Usable from C and from
 * assembly.
 */
#ifndef CONFORMANCE_H
#define CONFORMANCE_H

#include "machine.h"
#include "mips.h"
#include "uart.h"

#ifdef MAP_REAL
#define MAP_NAME	"real"
#else
#define MAP_NAME	"guest"
#endif
/* real = this map + MAP_SHIFT */
#define MAP_SHIFT	(0x80000000 - KSEG0_BASE)

/* Boot ROM: the program runs from it (uncached), vectors while BEV=1. */
#define ROM_PA		FLASH_PA
#define FIXED_OFFSET	0x1000		/* .fixed: map-independent code */

/* RAM, physical; at least 64 MiB on both machines. */
#define VEC_A_PA	0x00002000	/* an EBase page */
#define VEC_B_PA	0x00004000	/* another EBase page */
#define DATA_PA		0x00100000	/* .data, .bss */
#define SCRATCH_PA	0x00200000	/* kernel loads/stores */
#define USER_PA		0x00600000	/* user pages, 0x00600000-0x00607fff */
#define TLB_PA		0x00700000	/* targets of kernel TLB mappings */
#define STACK_TOP_PA	0x00800000
#define BIG_PA		0x01000000	/* 16 MiB-aligned, for large pages */

/*
 * Timer checks arm Compare this many Count ticks ahead (1 ms at
 * mipsvcpu's 100 MHz, 0.6 ms at QEMU Malta's 166 MHz): far enough that
 * the traps between reading Count and writing Compare in a guest never
 * put Compare behind Count, near enough for a bounded spin.
 */
#define TIMER_DELTA	100000

/* User space, identical in both maps. */
#define USER_VA		0x00400000

#define LO_G		ENTRYLO_G
#define LO_V		ENTRYLO_V
#define LO_D		ENTRYLO_D
#define LO_C(c)		((c) << ENTRYLO_C_SHIFT)
#define ENTRYLO(pa, flags)	\
	((((pa) >> PAGE_SHIFT) << ENTRYLO_PFN_SHIFT) | LO_C(CCA_CACHABLE_NONCOHERENT) | (flags))

/* struct frame, as start.S fills it. */
#define FR_GPR		0
#define FR_EPC		128
#define FR_CAUSE	132
#define FR_STATUS	136
#define FR_BADVADDR	140
#define FR_ENTRYHI	144
#define FR_CONTEXT	148
#define FR_VECTOR	152
#define FR_SIZE		160

#ifndef __ASSEMBLER__
typedef unsigned int u32;
typedef unsigned char u8;

/* A kernel-view address, in the real map's terms. */
#define KVA(x)		((u32)(x) + MAP_SHIFT)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static inline void tlbr(void)
{
	__asm__ volatile("tlbr\n\tehb" ::: "memory");
}

static inline void tlbwi(void)
{
	__asm__ volatile("tlbwi\n\tehb" ::: "memory");
}

static inline void tlbwr(void)
{
	__asm__ volatile("tlbwr\n\tehb" ::: "memory");
}

static inline void tlbp(void)
{
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
}

struct frame {
	u32 gpr[32];
	u32 epc, cause, status, badvaddr, entryhi, context;
	u32 vector;	/* address of the vector that ran, this map */
	u32 pad;
};

/* What the last exception left, for the checks to print. */
struct exc_record {
	u32 taken;	/* exceptions since arm() */
	u32 vector, epc, cause, status, badvaddr, entryhi, context;
	u32 gpr[32];
};

extern volatile struct exc_record exc;
extern u32 tlb_size;

/* lib.c */
void check(const char *name, u32 v);
void check2(const char *prefix, const char *name, u32 v);
void check_impl(const char *name, u32 v, const char *why);
void arm(u32 resume);
void report_exc(const char *name, unsigned int what);
void __attribute__((noreturn)) power_off(u32 code);
void cache_sync(u32 va, u32 len);
void install_vectors(u32 ebase_pa);
void kernel_state(void);

/* report_exc() fields beyond taken/code/vec/epc/bd/status/cause. */
#define R_BADVA		0x01
#define R_TLB		0x02	/* EntryHi and Context */
#define R_CE		0x04

/* The checks, in the order conformance.c runs them. */
void cp0_checks(void);
void tlb_checks(void);
void exc_checks(void);
void irq_checks(void);
void user_checks(void);

/* tlb_checks.c, also used by user_checks.c */
void tlb_flush(void);
void tlb_set(u32 idx, u32 hi, u32 pm, u32 lo0, u32 lo1);

/* start.S */
void enter_user(u32 epc, u32 status, u32 arg);
extern char user_return[];
extern char exc_entry[];
extern u32 reset_regs[5];	/* a0-a3 and Status at reset */
extern char fixed_start[], fixed_end[];

/* fixed.S: kernel-mode snippets, identical bytes in both builds */
u32 fx_lw(u32 va);
u32 fx_lh(u32 va);
void fx_sw(u32 va, u32 v);
void fx_sh(u32 va, u32 v);
void fx_jr(u32 va);
extern char fx_jr_resume[];
void fx_syscall(void);
void fx_break(void);
void fx_ri(void);
void fx_cop1(void);
void fx_cop2(void);
void fx_teq(u32 a, u32 b);
void fx_tne(u32 a, u32 b);
void fx_teqi(u32 a);
u32 fx_add(u32 a, u32 b);
u32 fx_addu(u32 a, u32 b);
u32 fx_addi_max(u32 a);
u32 fx_sub(u32 a, u32 b);
void fx_bd_syscall(void);
void fx_bd_nt_lw(u32 va, u32 zero);
void fx_bd_never_lw(u32 va);
u32 fx_bd_bal(void);
void fx_bd_jr(u32 target);
extern char fx_bd_jr_target[];
void fx_beql_nt(u32 nonzero);
void fx_beql_t(void);
void fx_exl_syscall(void);
extern char fx_exl_syscall_resume[];
extern char fx_k2_func[], fx_k2_func_end[];
u32 fx_exl_lw(u32 va);
extern char fx_exl_lw_resume[];
u32 fx_eret_exl(u32 target);
extern char fx_eret_exl_target[];
void fx_eret_irq(u32 target, u32 status);
extern char fx_eret_irq_target[];
u32 fx_eret_erl(u32 target);
extern char fx_eret_erl_target[];
u32 fx_eret_both(u32 target);
extern char fx_eret_both_target[];
u32 fx_llsc(u32 va);
u32 fx_llsc_eret(u32 va, u32 target);
extern char fx_llsc_eret_target[];
u32 fx_status_rw(u32 v, u32 restore);
u32 fx_cause_rw(u32 v);
void fx_cause_irq(u32 cause);
extern char fx_cause_irq_next[];
void fx_status_irq(u32 status);
extern char fx_status_irq_next[];
u32 fx_ei_irq(void);
extern char fx_ei_irq_next[];
u32 fx_di(void);
u32 fx_ei(void);
void fx_spin(u32 n, volatile u32 *flag, u32 status);
extern char fx_spin_end[];
void fx_wait(u32 status);
extern char fx_wait_next[];
u32 fx_rdhwr0(void);
u32 fx_rdhwr2(void);

/* fixed.S: the user program, copied to USER_VA */
extern char user_blob[], user_blob_end[];
extern char u_syscall[], u_lw_kseg0[], u_sw_kseg1[], u_jr_kseg0[];
extern char u_mfc0[], u_cop1[], u_eret[], u_di[], u_cache[];
extern char u_refill_lw[], u_refill_sw[], u_mod[], u_inval_lw[];
extern char u_inval_sw[], u_global[], u_asid[], u_unaligned[];
extern char u_bd_syscall[], u_break[], u_rdhwr0[], u_rdhwr1[];
extern char u_rdhwr2[], u_rdhwr3[], u_rdhwr29[], u_sync[], u_lw_ro[];
extern char u_load[], u_jump[], u_wait[], u_teq[], u_add[], u_beql_nt[];
extern char u_spin[], u_spin_end[];
#endif

#endif /* CONFORMANCE_H */
