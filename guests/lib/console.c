// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - polled output on the board's 16550, and kprintf() on it
 * (format.c has the conversions).  Newlines go out as CR LF.
 *
 * console_init() programs the UART the way firmware does on real hardware
 * (8N1 at UART_BAUD, FIFOs on, no interrupts); the demo OS does not call
 * it and inherits the firmware's settings.
 */
#include <stdarg.h>

#include "machine.h"
#include "console.h"
#include "format.h"

#define UART_RBR	0	/* receive buffer, transmit holding (THR) */
#define UART_THR	0
#define UART_IER	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_DLL	0	/* with LCR.DLAB */
#define UART_DLM	1

#define LCR_WLEN8	0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE	0x01
#define FCR_CLEAR_RX	0x02
#define FCR_CLEAR_TX	0x04
#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define LSR_THRE	0x20

#define UART_DIVISOR	(UART_CLOCK_HZ / (16 * UART_BAUD))

static inline void uart_out(u32 reg, u8 v)
{
	*(volatile u8 *)(KSEG1(UART_PA) + reg) = v;
}

static inline u8 uart_in(u32 reg)
{
	return *(volatile u8 *)(KSEG1(UART_PA) + reg);
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

static void uart_putc(char c)
{
	while (!(uart_in(UART_LSR) & LSR_THRE))
		;
	uart_out(UART_THR, c);
}

void console_putc(char c)
{
	if (c == '\n')
		uart_putc('\r');
	uart_putc(c);
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
