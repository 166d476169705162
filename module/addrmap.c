// SPDX-License-Identifier: GPL-2.0
/*
 * addrmap.c - the seed's guest address map, as a pure function.
 *
 * A guest sees only the low 2 GiB of the address space.  What it sees
 * there depends on its mode: in the kernel view (kernel mode, or EXL or ERL
 * set) the 2 GiB pretend to be the upper half of a real MIPS CPU's map
 * (KSEG0..KSEG3 shifted down by 0x80000000); in the user view they are the
 * ordinary USEG.  Supervisor mode is treated as user mode.  Everything at
 * 0x80000000 and above is the host's and gives the guest an address error;
 * so does a user-view address outside the VM's user window (a guest kernel
 * keeps its own mappings there, which one guest TLB would otherwise show
 * to its user mode too).
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "addrmap.h"

/**
 * mvc_classify() - find the segment, translation and cache attribute of a
 *                  guest virtual address
 * @kernel_view: the view the guest is in (mvc_kernel_view())
 * @uwin: the VM's user-view window (mvc_uwin_check() accepted it)
 * @gva: the guest virtual address
 * @out: the result
 */
void mvc_classify(bool kernel_view, const struct mvc_uwin *uwin, u32 gva,
		  struct mvc_addr *out)
{
	out->gpa = 0;
	out->mapped = false;
	out->cache = MVC_CACHE_CACHED;

	if (gva >= MVC_GUEST_VA_LIMIT) {
		out->seg = MVC_SEG_ADDRESS_ERROR;
		return;
	}
	if (!kernel_view) {
		if (gva - uwin->base >= uwin->end - uwin->base) {
			out->seg = MVC_SEG_ADDRESS_ERROR;
			return;
		}
		out->seg = MVC_SEG_GUSEG;
		out->mapped = true;
		out->cache = MVC_CACHE_FROM_TLB;
		return;
	}
	if (gva < MVC_GKSEG1_BASE) {
		out->seg = MVC_SEG_GKSEG0;
		out->gpa = gva - MVC_GKSEG0_BASE;
	} else if (gva < MVC_GKSEG2_BASE) {
		out->seg = MVC_SEG_GKSEG1;
		out->gpa = gva - MVC_GKSEG1_BASE;
		out->cache = MVC_CACHE_UNCACHED;
	} else {
		out->seg = gva < MVC_GKSEG3_BASE ? MVC_SEG_GKSEG2 :
						   MVC_SEG_GKSEG3;
		out->mapped = true;
		out->cache = MVC_CACHE_FROM_TLB;
	}
}

/**
 * mvc_segment_name() - a segment's name as the docs spell it
 * @seg: the segment
 *
 * Return: a static string.
 */
const char *mvc_segment_name(enum mvc_segment seg)
{
	switch (seg) {
	case MVC_SEG_GKSEG0:
		return "gKSEG0";
	case MVC_SEG_GKSEG1:
		return "gKSEG1";
	case MVC_SEG_GKSEG2:
		return "gKSEG2";
	case MVC_SEG_GKSEG3:
		return "gKSEG3";
	case MVC_SEG_GUSEG:
		return "gUSEG";
	case MVC_SEG_ADDRESS_ERROR:
		break;
	}
	return "address-error";
}
