// SPDX-License-Identifier: GPL-2.0
/*
 * format.c - the printf engine behind the firmware's and the demo OS's
 * kprintf() and the user tasks' uprintf(): each formatted character goes
 * to a sink the caller chooses (the UART, a line buffer).
 */
#include "format.h"

struct field {
	int width;
	char pad;
};

static void emit_number(format_sink sink, void *ctx, u32 v, u32 base,
			int negative, struct field f)
{
	char buf[12];
	int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (negative)
		buf[n++] = '-';
	while (f.width-- > n)
		sink(f.pad, ctx);
	while (n)
		sink(buf[--n], ctx);
}

static void emit_string(format_sink sink, void *ctx, const char *s,
			struct field f)
{
	int len = strlen(s);

	while (f.width-- > len)
		sink(' ', ctx);
	while (*s)
		sink(*s++, ctx);
}

/* Parses "0" and the width after a '%'; returns the conversion letter. */
static const char *parse_field(const char *fmt, struct field *f)
{
	f->pad = ' ';
	f->width = 0;
	if (*fmt == '0') {
		f->pad = '0';
		fmt++;
	}
	for (; *fmt >= '0' && *fmt <= '9'; fmt++)
		f->width = f->width * 10 + *fmt - '0';
	return fmt;
}

void vformat(format_sink sink, void *ctx, const char *fmt, va_list ap)
{
	struct field f;
	s32 d;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			sink(*fmt, ctx);
			continue;
		}
		fmt = parse_field(fmt + 1, &f);
		switch (*fmt) {
		case 's':
			emit_string(sink, ctx, va_arg(ap, const char *), f);
			break;
		case 'c':
			sink(va_arg(ap, int), ctx);
			break;
		case 'd':
			d = va_arg(ap, s32);
			emit_number(sink, ctx, d < 0 ? -(u32)d : (u32)d, 10,
				    d < 0, f);
			break;
		case 'u':
			emit_number(sink, ctx, va_arg(ap, u32), 10, 0, f);
			break;
		case 'x':
			emit_number(sink, ctx, va_arg(ap, u32), 16, 0, f);
			break;
		case 'p':
			sink('0', ctx);
			sink('x', ctx);
			emit_number(sink, ctx, (u32)va_arg(ap, void *), 16, 0,
				    (struct field){ .width = 8, .pad = '0' });
			break;
		case '\0':
			return;
		default:	/* '%%', or unknown: show it rather than guess */
			if (*fmt != '%')
				sink('%', ctx);
			sink(*fmt, ctx);
			break;
		}
	}
}
