// SPDX-License-Identifier: GPL-2.0
/*
 * coalesced.c - stores to coalesced MMIO zones (selftests/mipsvcpu/
 * coalesced_test.c registers the UART's THR and TESTDEV_SINK as zones):
 * text to THR between reads of LSR, runs of sequence numbers to the sink
 * between reads of TESTDEV_SINK_NEXT (an ordinary exit, which must see
 * every earlier store applied: it reads back how many the host took),
 * runs long enough to fill the ring, loads from both zones, and after
 * the report at which the host unregisters the zones, more of each.
 * Ends with done(the number of sink stores).
 */
#include "test.h"

#define SINK	(TESTDEV_BASE + TESTDEV_SINK)
#define NEXT	(TESTDEV_BASE + TESTDEV_SINK_NEXT)
#define THR	(UART_BASE + UART_THR)
#define LSR	(UART_BASE + UART_LSR)

static u32 seq;

/* @n stores to the sink, and nothing else. */
static void sink(u32 n)
{
	while (n--)
		mmio_write32(SINK, seq++);
}

/* The host has taken every store so far, in order. */
static void check_next(u32 line)
{
	if (mmio_read32(NEXT) != seq)
		fail_line(line);
}

/* Bytes to THR as they are, an LSR read (an exit) after every third. */
static void text(const char *s)
{
	u32 i;

	for (i = 0; s[i]; i++) {
		*(volatile u8 *)THR = s[i];
		if (i % 3 == 2)
			(void)*(volatile u8 *)LSR;
	}
}

int main(void)
{
	u32 k;

	text("coalesced: the quick brown fox jumps over the lazy dog\n");
	for (k = 1; k <= 40; k++) {
		sink(k);
		check_next(__LINE__);
	}
	for (k = 0; k < 3; k++) {	/* each fills the ring 7 times */
		sink(1000);
		check_next(__LINE__);
	}
	/* Loads from zones exit: the host's answers come back. */
	report(mmio_read32(SINK));
	report(*(volatile u8 *)THR);
	report(0x600d);		/* the host unregisters the zones here */
	sink(50);
	check_next(__LINE__);
	text("unregistered\n");
	done(seq);
	return 0;
}
