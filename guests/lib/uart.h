/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uart.h - the machine's 16550 (machine.h's UART_PA, through KSEG1): its
 * registers, and the polled output every guest program prints with
 * (uart.c).  The firmware and the demo OS build kprintf() on it
 * (console.c); the selftest guests and the conformance program use it
 * as it is.
 */
#ifndef GUEST_UART_H
#define GUEST_UART_H

#include "machine.h"

#define UART_BASE	KSEG1(UART_PA)

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
#define LSR_THRE	0x20	/* room for a byte */
#define LSR_TEMT	0x40	/* everything sent */

#ifndef __ASSEMBLER__
/* uart.c: */
void putc(char c);		/* one byte, as it is */
void puts(const char *s);	/* '\n' goes out as CR LF */
void put_hex(unsigned int v);	/* 8 hex digits, no 0x */
void put_dec(unsigned int v);
void uart_drain(void);		/* until the last byte has left */
#endif

#endif /* GUEST_UART_H */
