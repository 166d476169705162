// SPDX-License-Identifier: GPL-2.0
/*
 * uart.c - a 16550-compatible UART on vcpuctl's terminal.
 *
 * Byte-wide registers at stride 1 (the PC/ISA layout).  Transmit is always
 * ready; receive reports a byte when standard input has one.  Interrupts
 * are not raised (IER reads back what was written, IIR says none pending).
 */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "vcpuctl.h"

#define UART_RBR	0
#define UART_IER	1
#define UART_IIR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_SCR	7
#define LCR_DLAB	0x80
#define LSR_DR		0x01
#define LSR_THRE	0x20
#define LSR_TEMT	0x40

struct uart {
	uint8_t ier, lcr, mcr, scr, dll, dlm;
	int pending;		/* a received byte, or -1 */
	bool eof;
};

static struct uart the_uart = { .pending = -1 };

static void uart_poll_input(struct uart *u)
{
	struct pollfd p = { .fd = 0, .events = POLLIN };
	unsigned char c;

	if (u->pending >= 0 || u->eof)
		return;
	if (poll(&p, 1, 0) != 1)
		return;
	if (read(0, &c, 1) == 1)
		u->pending = c;
	else
		u->eof = true;
}

static uint32_t uart_read(struct machine *m, struct device *d, uint32_t off,
			  uint32_t len)
{
	struct uart *u = d->priv;
	uint32_t v;

	(void)m;
	(void)len;
	switch (off) {
	case UART_RBR:
		if (u->lcr & LCR_DLAB)
			return u->dll;
		uart_poll_input(u);
		v = u->pending >= 0 ? (uint32_t)u->pending : 0;
		u->pending = -1;
		return v;
	case UART_IER:
		return u->lcr & LCR_DLAB ? u->dlm : u->ier;
	case UART_IIR:
		return 0x01;	/* no interrupt pending */
	case UART_LCR:
		return u->lcr;
	case UART_MCR:
		return u->mcr;
	case UART_LSR:
		uart_poll_input(u);
		return LSR_THRE | LSR_TEMT | (u->pending >= 0 ? LSR_DR : 0);
	case UART_MSR:
		return 0xb0;	/* DCD, DSR, CTS */
	case UART_SCR:
		return u->scr;
	}
	return 0;
}

static void uart_write(struct machine *m, struct device *d, uint32_t off,
		       uint32_t len, uint32_t val)
{
	struct uart *u = d->priv;
	unsigned char c = val;

	(void)m;
	(void)len;
	switch (off) {
	case UART_RBR:
		if (u->lcr & LCR_DLAB) {
			u->dll = c;
		} else if (write(1, &c, 1) != 1) {
			/* the terminal went away: nothing to tell */
		}
		break;
	case UART_IER:
		if (u->lcr & LCR_DLAB)
			u->dlm = c;
		else
			u->ier = c & 0x0f;
		break;
	case UART_LCR:
		u->lcr = c;
		break;
	case UART_MCR:
		u->mcr = c & 0x1f;
		break;
	case UART_SCR:
		u->scr = c;
		break;
	}
}

void uart_add(struct machine *m, uint32_t gpa)
{
	struct device d = {
		.name = "uart", .base = gpa, .size = 8,
		.read = uart_read, .write = uart_write, .priv = &the_uart,
	};

	machine_add_device(m, &d);
}
