/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test.h - the selftest guest programs' runtime (guests/tests/, linked at
 * the reset address by test.ld, entered through test_start.S; test.c):
 * what they know of the machine vcpuctl and the selftests give them
 * (vcpuctl run --rom's default machine, README), on machine.h, mips.h and
 * uart.h.  Addresses are guest virtual, through gKSEG1 (uncached): guest
 * physical + 0x20000000.
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include "machine.h"
#include "mips.h"
#include "uart.h"

#define POWER_BASE		KSEG1(POWER_PA)
#define TESTDEV_BASE		KSEG1(TESTDEV_PA)

#ifndef __ASSEMBLER__
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef int s32;

/* Saved by the exception entry in test_start.S; the handler may change epc. */
struct frame {
	u32 gpr[32];
	u32 hi, lo;
	u32 epc, cause, status, badvaddr;
	u32 vector;	/* 0x200 refill, 0x380 general, 0x400 interrupt (BEV) */
};

static inline void mmio_write32(u32 addr, u32 v)
{
	*(volatile u32 *)addr = v;
}

static inline u32 mmio_read32(u32 addr)
{
	return *(volatile u32 *)addr;
}

/* Guest TLB access. */
#define ENTRYLO(pa, c, flags)	\
	((((pa) >> PAGE_SHIFT) << ENTRYLO_PFN_SHIFT) | ((c) << ENTRYLO_C_SHIFT) | (flags))
#define LO_G	ENTRYLO_G
#define LO_V	ENTRYLO_V
#define LO_D	ENTRYLO_D
#define C_CACHED	CCA_CACHABLE_NONCOHERENT
#define C_UNCACHED	CCA_UNCACHED

static inline void tlb_write_indexed(u32 idx, u32 hi, u32 pm, u32 lo0,
				     u32 lo1)
{
	mtc0(0, 0, idx);
	mtc0(10, 0, hi);
	mtc0(5, 0, pm);
	mtc0(2, 0, lo0);
	mtc0(3, 0, lo1);
	__asm__ volatile("tlbwi; ehb" ::: "memory");
}

static inline void tlb_write_random(u32 hi, u32 pm, u32 lo0, u32 lo1)
{
	mtc0(10, 0, hi);
	mtc0(5, 0, pm);
	mtc0(2, 0, lo0);
	mtc0(3, 0, lo1);
	__asm__ volatile("tlbwr; ehb" ::: "memory");
}

static inline void set_asid(u32 asid)
{
	mtc0(10, 0, asid);
}

void puthex(u32 v);	/* put_hex() with 0x */
void report(u32 v);
void done(u32 v);
void poweroff(u32 code);
void fail_line(u32 line);
/* User-mode code: copied to @pa and made fetchable (cache_sync_range()) */
void load_user_code(const u32 *code, const u32 *end, u32 pa);
/* eret to @va in user mode with ASID @asid, BEV kept; does not return */
void enter_user(u32 va, u32 asid) __attribute__((noreturn));
/* Called for every exception; return to resume at frame->epc. */
void guest_exception(struct frame *f);

#define GUEST_ASSERT(cond) do { if (!(cond)) fail_line(__LINE__); } while (0)
#endif

#endif /* GUEST_TEST_H */
