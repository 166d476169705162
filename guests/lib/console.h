/* SPDX-License-Identifier: GPL-2.0 */
/*
 * console.h - the 16550 console, a small printf, power-off and the cache
 * maintenance the firmware and the demo OS share (lib/).
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include "types.h"

/* console.c: */
void console_init(void);
void console_putc(char c);
void console_write(const char *s, size_t len);
void console_puts(const char *s);
__printf(1, 2) void kprintf(const char *fmt, ...);

/* power.c: */
void __noreturn board_power_off(u32 status);

/* cache.c: */
void cache_sync_range(u32 va, u32 len);
void synci_range(u32 va, u32 len);

#endif /* CONSOLE_H */
