// SPDX-License-Identifier: GPL-2.0
/*
 * test.c - the selftest device, power-off and the default exception
 * handler, for the selftest guest programs (their console is uart.c).
 */
#include "test.h"
#include "console.h"

void puthex(u32 v)
{
	puts("0x");
	put_hex(v);
}

void report(u32 v)
{
	mmio_write32(TESTDEV_BASE + TESTDEV_REPORT, v);
}

void done(u32 v)
{
	mmio_write32(TESTDEV_BASE + TESTDEV_DONE, v);
	for (;;)
		;
}

void fail_line(u32 line)
{
	mmio_write32(TESTDEV_BASE + TESTDEV_FAIL, line);
}

void poweroff(u32 code)
{
	mmio_write32(POWER_BASE + POWER_OFF, code);
	for (;;)
		;
}

/* Programs that expect no exception: report it and stop. */
__attribute__((weak)) void guest_exception(struct frame *f)
{
	puts("\nguest: unexpected exception, Cause ");
	puthex(f->cause);
	puts(" EPC ");
	puthex(f->epc);
	puts(" BadVAddr ");
	puthex(f->badvaddr);
	puts("\n");
	poweroff(0x7f);
}

void load_user_code(const u32 *code, const u32 *end, u32 pa)
{
	volatile u32 *dst = (volatile u32 *)pa;

	while (code < end)
		*dst++ = *code++;
	cache_sync_range(pa, (u32)dst - pa);
}

void enter_user(u32 va, u32 asid)
{
	set_asid(asid);
	mtc0(14, 0, va);
	mtc0(12, 0, ST_BEV | ST_KSU_USER | ST_EXL);
	__asm__ volatile("eret");
	__builtin_unreachable();
}
