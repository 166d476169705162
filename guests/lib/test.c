// SPDX-License-Identifier: GPL-2.0
/*
 * test.c - the selftest device, power-off and the default exception
 * handler, for the selftest guest programs (their console is uart.c).
 */
#include "test.h"

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
