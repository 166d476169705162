/* SPDX-License-Identifier: GPL-2.0 */
/*
 * addrmap.h - the seed's guest address map (pure; see addrmap.c).
 */
#ifndef MVC_ADDRMAP_H
#define MVC_ADDRMAP_H

#include "mvc_types.h"
#include "cp0.h"	/* the Status bits the address map depends on */

/* Bounds of the guest's segments in its kernel view. */
#define MVC_GKSEG0_BASE		0x00000000u	/* stands for 0x80000000 */
#define MVC_GKSEG1_BASE		0x20000000u	/* stands for 0xa0000000 */
#define MVC_GKSEG2_BASE		0x40000000u	/* stands for 0xc0000000 */
#define MVC_GKSEG3_BASE		0x60000000u	/* stands for 0xe0000000 */
#define MVC_GUEST_VA_LIMIT	0x80000000u	/* host space from here on */
/* gKSEG0 and gKSEG1 each cover all of guest physical: 512 MiB. */
#define MVC_UNMAPPED_SEG_SIZE	MIPSVCPU_GUEST_PHYS_LIMIT

/*
 * The user-view window: the part of the user view, [base, end), that guest
 * user mode may touch.  An access outside it raises an address error, as
 * one to 0x80000000 and up does.  A VM chooses it (MIPSVCPU_CREATE_VM or
 * its DTB); the default is all of it, the seed's map.
 */
struct mvc_uwin {
	u32 base;
	u32 end;
};

#define MVC_UWIN_ALIGN		0x1000u	/* base and end: whole 4 KiB pages */

/* What is wrong with a window, for messages (mvc_uwin_check()). */
enum mvc_uwin_fault {
	MVC_UWIN_OK,
	MVC_UWIN_UNALIGNED,	/* base or end not a multiple of 4 KiB */
	MVC_UWIN_BEYOND,	/* end past 0x80000000 */
	MVC_UWIN_EMPTY,		/* base not below end */
};

/**
 * mvc_uwin_check() - may a VM have this user-view window?
 * @base: the first byte guest user mode may touch
 * @end: the byte after the last one
 *
 * Return: MVC_UWIN_OK, or the first rule the window breaks.
 */
static inline enum mvc_uwin_fault mvc_uwin_check(u32 base, u32 end)
{
	if ((base | end) & (MVC_UWIN_ALIGN - 1))
		return MVC_UWIN_UNALIGNED;
	if (end > MVC_GUEST_VA_LIMIT)
		return MVC_UWIN_BEYOND;
	if (base >= end)
		return MVC_UWIN_EMPTY;
	return MVC_UWIN_OK;
}

/* Which part of the map a guest virtual address falls in. */
enum mvc_segment {
	MVC_SEG_GKSEG0,		/* kernel view, unmapped, cached */
	MVC_SEG_GKSEG1,		/* kernel view, unmapped, uncached */
	MVC_SEG_GKSEG2,		/* kernel view, through the guest TLB */
	MVC_SEG_GKSEG3,		/* kernel view, through the guest TLB */
	MVC_SEG_GUSEG,		/* user view, through the guest TLB */
	/* 0x80000000 and up in any view; outside the window in the user view */
	MVC_SEG_ADDRESS_ERROR,
};

/* How the host must cache a shadow mapping. */
enum mvc_cache_attr {
	MVC_CACHE_CACHED,	/* as the host's own cacheable memory */
	MVC_CACHE_UNCACHED,
	MVC_CACHE_FROM_TLB,	/* the guest TLB entry's C field decides */
};

/* The result of classifying one guest virtual address. */
struct mvc_addr {
	enum mvc_segment seg;
	bool mapped;			/* true: translate via the guest TLB */
	u32 gpa;			/* valid when !mapped and not an error */
	enum mvc_cache_attr cache;
};

/**
 * mvc_kernel_view() - does the guest see its kernel view?
 * @status: the guest's CP0 Status
 *
 * Return: true when KSU is kernel or EXL or ERL is set.  Supervisor mode
 * counts as user mode.  Inline: asked before every entry.
 */
static inline bool mvc_kernel_view(u32 status)
{
	if (status & (MVC_ST_EXL | MVC_ST_ERL))
		return true;
	return ((status & MVC_ST_KSU) >> MVC_ST_KSU_SHIFT) == MVC_ST_KSU_KERNEL;
}

void mvc_classify(bool kernel_view, const struct mvc_uwin *uwin, u32 gva,
		  struct mvc_addr *out);
const char *mvc_segment_name(enum mvc_segment seg);

#endif /* MVC_ADDRMAP_H */
