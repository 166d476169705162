// SPDX-License-Identifier: GPL-2.0
/*
 * uart.c - polled output on the machine's 16550, for every guest program:
 * the firmware and the demo OS (under kprintf()), the selftest guests and
 * the conformance program.
 */
#include "uart.h"

static inline volatile unsigned char *uart(void)
{
	return (volatile unsigned char *)UART_BASE;
}

void putc(char c)
{
	while (!(uart()[UART_LSR] & LSR_THRE))
		;
	uart()[UART_THR] = c;
}

void puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc('\r');
		putc(*s);
	}
}

void put_hex(unsigned int v)
{
	int i;

	for (i = 28; i >= 0; i -= 4)
		putc("0123456789abcdef"[(v >> i) & 0xf]);
}

void put_dec(unsigned int v)
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

void uart_drain(void)
{
	while (!(uart()[UART_LSR] & LSR_TEMT))
		;
}
