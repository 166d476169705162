// SPDX-License-Identifier: GPL-2.0
/*
 * uartdlab.c - offset 0 of the 16550 is DLL while LCR.DLAB is set and THR
 * otherwise, and vcpuctl makes offset 0 a coalesced MMIO zone: a store
 * there must still reach DLL or THR by DLAB as it was at the store.
 * Prints "ok 00000044" (what DLL read back) and powers off with 0 if DLL
 * kept the 'D' stored to it; neither 'D' nor 'E' may reach the terminal.
 */
#include "test.h"

static inline void out(u32 reg, u8 v)
{
	*(volatile u8 *)(UART_BASE + reg) = v;
}

static inline u8 in(u32 reg)
{
	return *(volatile u8 *)(UART_BASE + reg);
}

int main(void)
{
	u8 dll;

	out(UART_LCR, LCR_DLAB);
	out(UART_DLL, 'D');
	out(UART_DLM, 0);
	dll = in(UART_DLL);
	out(UART_LCR, LCR_WLEN8);
	out(UART_THR, 'o');
	out(UART_THR, 'k');
	out(UART_THR, ' ');
	out(UART_LCR, LCR_DLAB);
	out(UART_DLL, 'E');
	out(UART_LCR, LCR_WLEN8);
	put_hex(dll);
	puts("\n");
	return dll == 'D' ? 0 : 1;
}
