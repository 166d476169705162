// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - the firmware's and the demo OS's console: kprintf() on
 * uart.c's polled output (format.c has the conversions).  Newlines go out
 * as CR LF.
 *
 * console_init() programs the UART the way firmware does on real hardware
 * (8N1 at UART_BAUD, FIFOs on, no interrupts); the demo OS does not call
 * it and inherits the firmware's settings.
 */
#include <stdarg.h>

#include "console.h"
#include "format.h"
#include "uart.h"

#define UART_DIVISOR	(UART_CLOCK_HZ / (16 * UART_BAUD))

static inline void uart_out(u32 reg, u8 v)
{
	*(volatile u8 *)(UART_BASE + reg) = v;
}

void console_init(void)
{
	uart_out(UART_IER, 0);
	uart_out(UART_LCR, LCR_DLAB);
	uart_out(UART_DLL, UART_DIVISOR & 0xff);
	uart_out(UART_DLM, UART_DIVISOR >> 8);
	uart_out(UART_LCR, LCR_WLEN8);
	uart_out(UART_FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX);
	uart_out(UART_MCR, MCR_DTR | MCR_RTS);
}

void console_putc(char c)
{
	if (c == '\n')
		putc('\r');
	putc(c);
}

void console_write(const char *s, size_t len)
{
	while (len--)
		console_putc(*s++);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

static void console_sink(char c, void *ctx)
{
	(void)ctx;
	console_putc(c);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(console_sink, NULL, fmt, ap);
	va_end(ap);
}
