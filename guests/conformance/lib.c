// SPDX-License-Identifier: GPL-2.0
/*
 * lib.c - check lines (on the guest runtime's uart.c), power-off,
 * exception recording, RAM vectors.
 */
#include "conformance.h"

volatile struct exc_record exc;
static volatile u32 armed, resume_at;
static u32 nchecks;

/* One check: "name: value", value in 8 hex digits. */
void check(const char *name, u32 v)
{
	puts(name);
	puts(": ");
	put_hex(v);
	puts("\n");
	nchecks++;
}

void check2(const char *prefix, const char *name, u32 v)
{
	puts(prefix);
	putc('.');
	check(name, v);
}

/* A value the two machines may legitimately differ in; not compared. */
void check_impl(const char *name, u32 v, const char *why)
{
	putc('~');
	puts(name);
	puts(": ");
	put_hex(v);
	puts(" (implementation-defined: ");
	puts(why);
	puts(")\n");
}

void power_off(u32 code)
{
	puts("== conformance end: ");
	put_dec(nchecks);
	puts(" checks, status ");
	put_dec(code);
	puts("\n");
	uart_drain();
#ifdef MAP_REAL
	*(volatile u32 *)KSEG1(POWER_PA + POWER_SOFTRES) = SOFTRES_RESET;
#else
	*(volatile u32 *)KSEG1(POWER_PA + POWER_OFF) = code;
#endif
	for (;;)
		;
}

/*
 * Expect one exception.  The handler resumes at @resume (in kernel mode)
 * when it is nonzero, else after the faulting instruction.
 */
void arm(u32 resume)
{
	u32 i;

	exc.taken = 0;
	exc.vector = 0;
	exc.epc = 0;
	exc.cause = 0;
	exc.status = 0;
	exc.badvaddr = 0;
	exc.entryhi = 0;
	exc.context = 0;
	for (i = 0; i < 32; i++)
		exc.gpr[i] = 0;
	resume_at = resume;
	armed = 1;
}

static void unexpected(const struct frame *f)
{
	/* Raw addresses of this build: look them up in its ELF. */
	puts("!! an exception no check expected: ExcCode ");
	put_hex((f->cause >> 2) & 0x1f);
	puts(" vector ");
	put_hex(f->vector);
	puts(" EPC ");
	put_hex(f->epc);
	puts(" Cause ");
	put_hex(f->cause);
	puts(" Status ");
	put_hex(f->status);
	puts(" BadVAddr ");
	put_hex(f->badvaddr);
	puts(" ra ");
	put_hex(f->gpr[31]);
	puts("\n");
	power_off(1);
}

/* Called by exc_entry with EXL set; may change f->epc and f->status. */
void exc_handler(struct frame *f)
{
	u32 i, code = (f->cause >> 2) & 0x1f;

	if (!armed)
		unexpected(f);
	armed = 0;
	exc.vector = f->vector;
	exc.epc = f->epc;
	exc.cause = f->cause;
	exc.status = f->status;
	exc.badvaddr = f->badvaddr;
	exc.entryhi = f->entryhi;
	exc.context = f->context;
	for (i = 0; i < 32; i++)
		exc.gpr[i] = f->gpr[i];
	exc.taken++;

	/* An interrupt source stays asserted: return with interrupts off. */
	if (code == EXC_INT)
		f->status &= ~ST_IE;
	if (resume_at) {
		f->epc = resume_at;
		f->status &= ~ST_KSU_MASK;
	} else if (code != EXC_INT) {
		f->epc += (f->cause & CAUSE_BD) ? 8 : 4;
	}
}

/*
 * An address the last exception left, in the real map's terms: KVA() if
 * it came from kernel mode (Status.KSU = kernel at entry), unchanged from
 * user mode.  Nothing taken: all fields are zero and printed as zero.
 */
static u32 norm(u32 va)
{
	if (!exc.taken || (exc.status & ST_KSU_MASK))
		return va;
	return KVA(va);
}

/*
 * Print what the last armed exception left.  The board's interrupt lines
 * IP2-IP6 and the timer's TI/IP7 are masked out of Cause (the timer
 * checks print those), and so is CE unless the exception is Coprocessor
 * Unusable: it is UNPREDICTABLE for the others.
 */
void report_exc(const char *name, unsigned int what)
{
	u32 code = (exc.cause >> 2) & 0x1f;
	u32 hide = CAUSE_HW_IP | CAUSE_TI | CAUSE_IP7;

	if (code != EXC_CPU)
		hide |= CAUSE_CE;
	check2(name, "taken", exc.taken);
	check2(name, "code", code);
	check2(name, "vec", exc.taken ? KVA(exc.vector) : 0);
	check2(name, "epc", norm(exc.epc));
	check2(name, "bd", exc.cause >> 31);
	check2(name, "cause", exc.cause & ~hide);
	check2(name, "status", exc.status);
	if (what & R_CE)
		check2(name, "ce", (exc.cause >> 28) & 3);
	if (what & R_BADVA)
		check2(name, "badva", norm(exc.badvaddr));
	if (what & R_TLB) {
		check2(name, "entryhi", norm(exc.entryhi));
		/* Context: PTEBase as written, BadVPN2 as the address it is. */
		check2(name, "ctx.ptebase", exc.context & 0xff80000f);
		check2(name, "ctx.badvpn2", norm((exc.context << 9) & 0xffffe000));
	}
}

/* Write back and invalidate the D-cache, invalidate the I-cache. */
void cache_sync(u32 va, u32 len)
{
	u32 a;

	for (a = va & ~15u; a < va + len; a += 16)
		__asm__ volatile("cache 0x15, 0(%0)\n\tcache 0x10, 0(%0)"
				 :: "r"(a) : "memory");
	__asm__ volatile("sync" ::: "memory");
}

/* lui k1, hi(va); ori k1, lo(va); lui k0, hi(entry); ori k0; jr k0; nop */
static void put_stub(u32 va)
{
	volatile u32 *p = (volatile u32 *)va;
	u32 entry = (u32)exc_entry;

	p[0] = 0x3c1b0000 | (va >> 16);
	p[1] = 0x377b0000 | (va & 0xffff);
	p[2] = 0x3c1a0000 | (entry >> 16);
	p[3] = 0x375a0000 | (entry & 0xffff);
	p[4] = 0x03400008;
	p[5] = 0;
	cache_sync(va, 24);
}

/* Vectors for BEV=0 at KSEG0(ebase_pa): refill, general, interrupt. */
void install_vectors(u32 ebase_pa)
{
	put_stub(KSEG0(ebase_pa) + 0x000);
	put_stub(KSEG0(ebase_pa) + 0x180);
	put_stub(KSEG0(ebase_pa) + 0x200);
}

/*
 * The state every check starts from: kernel mode, RAM vectors at
 * VEC_A, interrupts off, nothing pending, ASID 0, 4 KiB pages, timer
 * far away.
 */
void kernel_state(void)
{
	mtc0(12, 0, ST_BEV);
	mtc0(15, 1, KSEG0(VEC_A_PA));
	mtc0(12, 0, 0);
	mtc0(13, 0, 0);
	mtc0(10, 0, 0);
	mtc0(5, 0, 0);
	mtc0(6, 0, 0);
	mtc0(7, 0, 0);
	mtc0(11, 0, mfc0(9, 0) - 1);
}
