/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmmio.h - coalesced MMIO: the zones and the ring (pure; see cmmio.c).
 */
#ifndef MVC_CMMIO_H
#define MVC_CMMIO_H

#include "mvc_types.h"

/* A VM's coalesced MMIO zones, unordered, none overlapping another. */
struct mvc_cmmio_zones {
	u32 n;
	struct {
		u32 gpa;
		u32 size;
	} z[MIPSVCPU_MAX_COALESCED_ZONES];
};

/* What is wrong with a zone request (mvc_cmmio_check()), or a change. */
enum mvc_cmmio_fault {
	MVC_CMMIO_OK,
	MVC_CMMIO_INVALID,	/* size, alignment, range */
	MVC_CMMIO_OVERLAP,	/* another zone covers some of it */
	MVC_CMMIO_FULL,		/* the VM has MIPSVCPU_MAX_COALESCED_ZONES */
	MVC_CMMIO_NOT_FOUND,	/* no zone has exactly that address and size */
};

enum mvc_cmmio_fault mvc_cmmio_check(u64 gpa, u32 size);
bool mvc_cmmio_overlaps(const struct mvc_cmmio_zones *zs, u64 gpa, u64 size);
enum mvc_cmmio_fault mvc_cmmio_add(struct mvc_cmmio_zones *zs, u32 gpa,
				   u32 size);
enum mvc_cmmio_fault mvc_cmmio_del(struct mvc_cmmio_zones *zs, u32 gpa,
				   u32 size);
bool mvc_cmmio_covers(const struct mvc_cmmio_zones *zs, u32 gpa, u32 len);
bool mvc_cmmio_room(u32 tail, u32 head);
u32 mvc_cmmio_put(struct mipsvcpu_coalesced_ring *ring, u32 tail, u32 gpa,
		  u32 len, u32 data);

#endif /* MVC_CMMIO_H */
