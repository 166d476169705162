/* SPDX-License-Identifier: GPL-2.0 */
/*
 * types.h - kernel-style fixed-width types for the freestanding firmware
 * and demo OS (gcc's own <stdint.h>, no C library).
 */
#ifndef TYPES_H
#define TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef int32_t s32;

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The kernel's names for the attributes we use. */
#define __noreturn		__attribute__((noreturn))
#define __printf(fmt, args)	__attribute__((format(printf, fmt, args)))
#define __section(name)		__attribute__((section(name)))

#endif /* TYPES_H */
