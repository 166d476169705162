// SPDX-License-Identifier: GPL-2.0
/*
 * cmmio.c - coalesced MMIO, the parts that are arithmetic: which zones a
 * VM may have, whether a store falls in one, and the ring of a VCPU's
 * coalesced stores (uapi: struct mipsvcpu_coalesced_ring).
 *
 * The ring is in memory userspace shares and may write at any time: the
 * module keeps its own tail and takes the head as untrusted input, which
 * mvc_cmmio_room() only ever compares; an entry's index is the module's
 * tail modulo the ring's size, so nothing userspace writes can move a
 * store outside the ring.  The barriers around the ring are the caller's
 * (mmio.c): a store-release of the tail after mvc_cmmio_put(), a
 * load-acquire of the head before mvc_cmmio_room().
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "cmmio.h"

/**
 * mvc_cmmio_check() - may a VM have a zone here?
 * @gpa: MIPSVCPU_REGISTER_COALESCED_MMIO's guest_phys_addr
 * @size: its size
 *
 * Flags and reserved fields are the ioctl's to check.
 *
 * Return: MVC_CMMIO_OK, or MVC_CMMIO_INVALID: a size that is not a power
 * of two from 1 to MIPSVCPU_COALESCED_MAX_ZONE_SIZE, an address not a
 * multiple of it, or a zone reaching past MIPSVCPU_GUEST_PHYS_LIMIT.
 */
enum mvc_cmmio_fault mvc_cmmio_check(u64 gpa, u32 size)
{
	if (!size || size > MIPSVCPU_COALESCED_MAX_ZONE_SIZE ||
	    (size & (size - 1)))
		return MVC_CMMIO_INVALID;
	if (gpa & (size - 1))
		return MVC_CMMIO_INVALID;
	/* Aligned and at most 4 KiB: no wrap before the limit. */
	if (gpa >= MIPSVCPU_GUEST_PHYS_LIMIT)
		return MVC_CMMIO_INVALID;
	return MVC_CMMIO_OK;
}

/**
 * mvc_cmmio_overlaps() - does any zone share a byte with a range?
 * @zs: the zones
 * @gpa: the range's first guest physical address
 * @size: its length in bytes (a memory slot's, up to 512 MiB)
 *
 * Return: true if one does.
 */
bool mvc_cmmio_overlaps(const struct mvc_cmmio_zones *zs, u64 gpa, u64 size)
{
	u32 i;

	for (i = 0; i < zs->n; i++)
		if (gpa < (u64)zs->z[i].gpa + zs->z[i].size &&
		    zs->z[i].gpa < gpa + size)
			return true;
	return false;
}

/**
 * mvc_cmmio_add() - add a zone mvc_cmmio_check() accepted
 * @zs: the VM's zones
 * @gpa: its first guest physical address
 * @size: its length
 *
 * Return: MVC_CMMIO_OK, MVC_CMMIO_OVERLAP or MVC_CMMIO_FULL; @zs is
 * unchanged unless OK.
 */
enum mvc_cmmio_fault mvc_cmmio_add(struct mvc_cmmio_zones *zs, u32 gpa,
				   u32 size)
{
	if (mvc_cmmio_overlaps(zs, gpa, size))
		return MVC_CMMIO_OVERLAP;
	if (zs->n >= MIPSVCPU_MAX_COALESCED_ZONES)
		return MVC_CMMIO_FULL;
	zs->z[zs->n].gpa = gpa;
	zs->z[zs->n].size = size;
	zs->n++;
	return MVC_CMMIO_OK;
}

/**
 * mvc_cmmio_del() - remove the zone with exactly this address and size
 * @zs: the VM's zones
 * @gpa: its first guest physical address
 * @size: its length
 *
 * Return: MVC_CMMIO_OK or MVC_CMMIO_NOT_FOUND.
 */
enum mvc_cmmio_fault mvc_cmmio_del(struct mvc_cmmio_zones *zs, u32 gpa,
				   u32 size)
{
	u32 i;

	for (i = 0; i < zs->n; i++) {
		if (zs->z[i].gpa != gpa || zs->z[i].size != size)
			continue;
		zs->z[i] = zs->z[--zs->n];
		return MVC_CMMIO_OK;
	}
	return MVC_CMMIO_NOT_FOUND;
}

/**
 * mvc_cmmio_covers() - is a store wholly inside one zone?
 * @zs: the VM's zones
 * @gpa: the store's guest physical address
 * @len: its width, 1, 2 or 4
 *
 * Return: true if it is to be coalesced (ring permitting).
 */
bool mvc_cmmio_covers(const struct mvc_cmmio_zones *zs, u32 gpa, u32 len)
{
	u32 i;

	for (i = 0; i < zs->n; i++)
		if (gpa - zs->z[i].gpa < zs->z[i].size &&
		    len <= zs->z[i].size - (gpa - zs->z[i].gpa))
			return true;
	return false;
}

/**
 * mvc_cmmio_room() - may one more entry be appended?
 * @tail: the module's own count of entries appended
 * @head: what userspace says it has drained (untrusted)
 *
 * Return: true when 0 <= tail - head < MIPSVCPU_COALESCED_RING_SIZE (in
 * 32-bit arithmetic): the ring has a free entry.  A @head ahead of @tail
 * or further behind than the ring's size is nonsense and gives false, as
 * a full ring does.
 */
bool mvc_cmmio_room(u32 tail, u32 head)
{
	return tail - head < MIPSVCPU_COALESCED_RING_SIZE;
}

/**
 * mvc_cmmio_put() - write the entry at @tail
 * @ring: the VCPU's ring
 * @tail: the module's count of entries appended; mvc_cmmio_room() said yes
 * @gpa: the store's guest physical address
 * @len: its width
 * @data: the stored value, its low @len bytes
 *
 * Return: the new tail, for the caller to publish.
 */
u32 mvc_cmmio_put(struct mipsvcpu_coalesced_ring *ring, u32 tail, u32 gpa,
		  u32 len, u32 data)
{
	struct mipsvcpu_coalesced_entry *e;

	e = &ring->entry[tail % MIPSVCPU_COALESCED_RING_SIZE];
	e->phys_addr = gpa;
	e->data = data;
	e->len = len;
	return tail + 1;
}
