/* SPDX-License-Identifier: GPL-2.0 */
/*
 * format.h - printf-style formatting into any sink, and the few string
 * functions a freestanding program needs (gcc may emit calls to memcpy
 * and memset for plain loops and struct copies even with -fno-builtin).
 * Used by the firmware, the demo OS kernel and its user tasks.
 */
#ifndef FORMAT_H
#define FORMAT_H

#include <stdarg.h>

#include "types.h"

/* format.c: %s %c %d %u %x %p %%, a field width and the '0' flag. */
typedef void (*format_sink)(char c, void *ctx);
void vformat(format_sink sink, void *ctx, const char *fmt, va_list ap);

/* string.c: */
void *memcpy(void *dst, const void *src, size_t len);
void *memset(void *dst, int c, size_t len);
size_t strlen(const char *s);

#endif /* FORMAT_H */
