// SPDX-License-Identifier: GPL-2.0
/*
 * string.c - memcpy, memset and strlen for freestanding code.  gcc turns
 * copy and clear loops into calls to these, so they must exist even where
 * nothing calls them by name; they are written so it cannot turn them
 * into calls to themselves (see the Makefile fragment's
 * -fno-tree-loop-distribute-patterns).
 */
#include "format.h"

void *memcpy(void *dst, const void *src, size_t len)
{
	u8 *d = dst;
	const u8 *s = src;

	if (!(((u32)d | (u32)s | len) & (sizeof(u32) - 1))) {
		for (; len; len -= sizeof(u32), d += sizeof(u32), s += sizeof(u32))
			*(u32 *)d = *(const u32 *)s;
		return dst;
	}
	while (len--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t len)
{
	u8 *d = dst;

	while (len--)
		*d++ = c;
	return dst;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
