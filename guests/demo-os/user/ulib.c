// SPDX-License-Identifier: GPL-2.0
/*
 * ulib.c - uprintf(): format into a buffer on the task's stack, then one
 * SYS_WRITE, so a line from one task never interleaves with the other's.
 */
#include "ulib.h"

struct line {
	char buf[USER_WRITE_MAX];
	u32 len;
};

static void line_sink(char c, void *ctx)
{
	struct line *l = ctx;

	if (l->len < sizeof(l->buf))
		l->buf[l->len++] = c;
}

void uprintf(const char *fmt, ...)
{
	struct line l = { .len = 0 };
	va_list ap;

	va_start(ap, fmt);
	vformat(line_sink, &l, fmt, ap);
	va_end(ap);
	sys_write(l.buf, l.len);
}
