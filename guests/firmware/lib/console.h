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
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* power.c: */
void board_power_off(u32 status) __attribute__((noreturn));

/* cache.c: */
void cache_sync_range(u32 va, u32 len);

#endif /* CONSOLE_H */
