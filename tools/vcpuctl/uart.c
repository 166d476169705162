// SPDX-License-Identifier: GPL-2.0
/*
 * uart.c - a 16550-compatible UART on vcpuctl's terminal.
 *
 * Byte-wide registers at stride 1 (the PC/ISA layout).  Transmit is always
 * ready and goes straight to standard output.  Received bytes come from
 * standard input through a small FIFO.  With an interrupt line (the DTB's
 * "interrupts"), the UART drives it as a 16550 would: high while received
 * data is waiting and IER.ERBFI is set, or while IER.ETBEI is set (the
 * transmitter is always empty); IIR reports which.
 *
 * On a terminal, standard input is put in raw mode; Ctrl-A x quits vcpuctl
 * (exit status 0) and Ctrl-A Ctrl-A sends a Ctrl-A.  From a pipe, bytes
 * pass as they are.
 */
#include <poll.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "vcpuctl.h"

#define UART_RBR	0
#define UART_THR	0	/* the same offset, for writes */
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
#define IER_ERBFI	0x01
#define IER_ETBEI	0x02
#define IIR_NONE	0x01
#define IIR_THRE	0x02
#define IIR_RDA		0x04
#define FIFO_SIZE	64
#define CTRL_A		0x01

struct uart {
	uint8_t ier, lcr, mcr, scr, dll, dlm;
	uint8_t fifo[FIFO_SIZE];
	unsigned int head, count;
	uint32_t irq;		/* IP line, 0 when polled */
	int level;		/* what the line was last set to */
	bool eof, escape;
};

static struct uart the_uart;
static struct termios saved_termios;
static bool raw_mode;

int terminal_raw(void)
{
	struct termios t;

	if (!isatty(0) || tcgetattr(0, &saved_termios))
		return 0;
	t = saved_termios;
	cfmakeraw(&t);
	t.c_oflag |= OPOST | ONLCR;
	if (tcsetattr(0, TCSANOW, &t))
		return -1;
	raw_mode = true;
	return 0;
}

void terminal_restore(void)
{
	if (raw_mode)
		tcsetattr(0, TCSANOW, &saved_termios);
	raw_mode = false;
}

static void uart_update_irq(struct machine *m, struct uart *u)
{
	struct mipsvcpu_irq_line line = { .line = u->irq };
	int level;

	if (!u->irq || !m->nvcpus)
		return;
	level = ((u->ier & IER_ERBFI) && u->count) || (u->ier & IER_ETBEI);
	if (level == u->level)
		return;
	line.level = level;
	ioctl(m->vcpus[0].fd, MIPSVCPU_IRQ_LINE, &line);
	u->level = level;
}

static void uart_push(struct uart *u, uint8_t c)
{
	if (u->count < FIFO_SIZE)
		u->fifo[(u->head + u->count++) % FIFO_SIZE] = c;
}

/* Take what standard input has; called with the machine lock held. */
void uart_poll(struct machine *m)
{
	struct uart *u = &the_uart;
	struct pollfd p = { .fd = 0, .events = POLLIN };
	unsigned char c;

	while (!u->eof && u->count < FIFO_SIZE && poll(&p, 1, 0) == 1) {
		if (read(0, &c, 1) != 1) {
			u->eof = true;
			break;
		}
		if (raw_mode && u->escape) {
			u->escape = false;
			if (c == 'x' || c == 'X') {
				machine_stop(m, 0);
				return;
			}
			if (c != CTRL_A)
				continue;
		} else if (raw_mode && c == CTRL_A) {
			u->escape = true;
			continue;
		}
		uart_push(u, c);
	}
	uart_update_irq(m, u);
}

static uint32_t uart_read(struct machine *m, struct device *d, uint32_t off,
			  uint32_t len)
{
	struct uart *u = d->priv;
	uint32_t v = 0;

	(void)len;
	switch (off) {
	case UART_RBR:
		if (u->lcr & LCR_DLAB)
			return u->dll;
		uart_poll(m);
		if (u->count) {
			v = u->fifo[u->head];
			u->head = (u->head + 1) % FIFO_SIZE;
			u->count--;
		}
		uart_update_irq(m, u);
		return v;
	case UART_IER:
		return u->lcr & LCR_DLAB ? u->dlm : u->ier;
	case UART_IIR:
		if ((u->ier & IER_ERBFI) && u->count)
			return IIR_RDA;
		return u->ier & IER_ETBEI ? IIR_THRE : IIR_NONE;
	case UART_LCR:
		return u->lcr;
	case UART_MCR:
		return u->mcr;
	case UART_LSR:
		uart_poll(m);
		return LSR_THRE | LSR_TEMT | (u->count ? LSR_DR : 0);
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

	(void)len;
	switch (off) {
	case UART_THR:
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
	uart_update_irq(m, u);
}

/*
 * Offset 0 is a coalesced MMIO zone: a store there does not exit, the
 * module puts it in the VCPU's ring and machine.c applies it through
 * uart_write() when it drains the ring.  Offset 0 is THR only while
 * LCR.DLAB is clear (else DLL), and uart_write() decides by DLAB as it is
 * when the store is applied.  That is DLAB as it was when the guest
 * stored: the ring keeps the order of the stores, and a store to LCR is
 * an exit of its own, before which vcpuctl applies every store in the
 * ring.  Reads of offset 0 (RBR, DLL) are exits as before.
 */
int uart_add(struct machine *m, uint32_t gpa, uint32_t irq)
{
	struct device d = {
		.name = "uart", .base = gpa, .size = 8,
		.read = uart_read, .write = uart_write, .priv = &the_uart,
	};

	the_uart.irq = irq;
	machine_add_device(m, &d);
	return machine_add_coalesced(m, gpa + UART_THR, 1);
}
