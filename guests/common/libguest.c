// SPDX-License-Identifier: GPL-2.0
/*
 * libguest.c - the console, the selftest device and power-off, for guest
 * programs.
 */
#include "guest.h"

#define UART_THR	0
#define UART_LSR	5
#define UART_LSR_THRE	0x20

void putc(char c)
{
	volatile u8 *uart = (volatile u8 *)UART_BASE;

	while (!(uart[UART_LSR] & UART_LSR_THRE))
		;
	uart[UART_THR] = c;
}

void puts(const char *s)
{
	while (*s) {
		if (*s == '\n')
			putc('\r');
		putc(*s++);
	}
}

void puthex(u32 v)
{
	int i;

	puts("0x");
	for (i = 28; i >= 0; i -= 4)
		putc("0123456789abcdef"[(v >> i) & 0xf]);
}

void putdec(u32 v)
{
	char buf[12];
	int i = 0;

	do {
		buf[i++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (i)
		putc(buf[--i]);
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
