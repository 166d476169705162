/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvc_types.h - the only include of the "pure" files.
 *
 * addrmap.c, guest_tlb.c, decode.c and the other files marked pure use
 * nothing from the kernel but fixed-width types and bool, so that the same
 * source compiles unchanged into the host unit tests and fuzzers.  The one
 * helper: 64-bit division, which a 32-bit kernel only does through
 * div_u64_rem().  They also see the uapi header (types and constants
 * only): the limits it promises userspace (reset PC, 512 MiB of guest
 * physical, 64 guest TLB entries, 8 VCPUs) are defined there once and the
 * pure headers derive theirs from it.
 */
#ifndef MVC_TYPES_H
#define MVC_TYPES_H

#ifdef __KERNEL__
#include <linux/build_bug.h>	/* static_assert() */
#include <linux/types.h>
#include <linux/math64.h>

#define mvc_div_u64_rem(dividend, divisor, rem) \
	div_u64_rem(dividend, divisor, rem)
#else
#include <assert.h>		/* static_assert() */
#include <stdbool.h>
#include <stddef.h>
typedef __UINT8_TYPE__ u8;
typedef __UINT16_TYPE__ u16;
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
typedef __INT16_TYPE__ s16;
typedef __INT32_TYPE__ s32;

static inline u64 mvc_div_u64_rem(u64 dividend, u32 divisor, u32 *rem)
{
	*rem = dividend % divisor;
	return dividend / divisor;
}
#endif

#include "../uapi/linux/mipsvcpu.h"

#endif /* MVC_TYPES_H */
