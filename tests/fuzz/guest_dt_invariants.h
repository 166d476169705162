/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest_dt_invariants.h - what must hold for any result of
 * mvc_parse_guest_dt(), whatever the input.
 *
 * Shared by the host unit test (tests/host/guest_dt_test.c) and the fuzzer
 * (tests/fuzz/guest_dt_fuzz.c).  It restates the schema's promises from
 * docs/guest-dts.md independently of the parser: on success the
 * description is a VM the module can build (VCPUs at the reset address,
 * regions inside guest physical space, page-aligned memory, no overlaps,
 * RAM present, the reset address backed, a user window of whole pages
 * inside the user view, all of it by default); on error the output is cleared
 * and the message is a non-empty, terminated string.
 */
#ifndef GUEST_DT_INVARIANTS_H
#define GUEST_DT_INVARIANTS_H

#include <stdio.h>
#include <string.h>
#include "../../module/guest_dt.h"

static inline int gdt_terminated(const char *s, size_t n)
{
	return memchr(s, 0, n) != NULL;
}

/* 0 when @d is a valid description, else -1 with the reason in @why. */
static inline int gdt_check_desc(const struct mvc_guest_desc *d, char *why,
				 size_t n)
{
	const unsigned int boot = MVC_DT_RESET_PC - MVC_DT_GKSEG1;
	const struct mvc_region_desc *r, *q;
	unsigned int i, j, lowest_ram = 0xffffffffu;

#define GDT_FAIL(...) do { snprintf(why, n, __VA_ARGS__); return -1; } while (0)
	if (!gdt_terminated(d->model, sizeof(d->model)) || !d->model[0])
		GDT_FAIL("guest model not a terminated, non-empty string");
	if (d->nvcpus < 1 || d->nvcpus > MVC_DT_MAX_VCPUS)
		GDT_FAIL("nvcpus %u", d->nvcpus);
	if (d->nregions < 1 || d->nregions > MVC_DT_MAX_REGIONS)
		GDT_FAIL("nregions %u", d->nregions);
	if (!d->user_window && (d->user_base || d->user_end != 0x80000000u))
		GDT_FAIL("default user window %#x-%#x", d->user_base,
			 d->user_end);
	if ((d->user_base | d->user_end) & 0xfffu ||
	    d->user_base >= d->user_end || d->user_end > 0x80000000u)
		GDT_FAIL("user window %#x-%#x", d->user_base, d->user_end);
	for (i = 0; i < d->nvcpus; i++) {
		const struct mvc_vcpu_desc *v = &d->vcpu[i];

		if (!gdt_terminated(v->name, sizeof(v->name)) ||
		    !gdt_terminated(v->model, sizeof(v->model)))
			GDT_FAIL("vcpu %u: unterminated string", i);
		if (v->start_pc != MVC_DT_RESET_PC)
			GDT_FAIL("vcpu %u: start_pc %#x", i, v->start_pc);
		if (v->tlb_size < 1 || v->tlb_size > MVC_DT_TLB_MAX)
			GDT_FAIL("vcpu %u: tlb_size %u", i, v->tlb_size);
		if (strcmp(v->model, "MIPS,24Kc"))
			GDT_FAIL("vcpu %u: model %s", i, v->model);
		for (j = 0; j < i; j++)
			if (!strcmp(v->name, d->vcpu[j].name))
				GDT_FAIL("vcpus %u and %u: same name", j, i);
	}
	for (i = d->nvcpus; i < MVC_DT_MAX_VCPUS; i++)
		if (d->vcpu[i].name[0] || d->vcpu[i].start_pc)
			GDT_FAIL("vcpu slot %u used beyond nvcpus", i);
	for (i = 0; i < d->nregions; i++) {
		r = &d->region[i];
		if (!gdt_terminated(r->name, sizeof(r->name)) || !r->name[0] ||
		    !gdt_terminated(r->device_type, sizeof(r->device_type)) ||
		    !gdt_terminated(r->compatible, sizeof(r->compatible)) ||
		    !gdt_terminated(r->image, sizeof(r->image)))
			GDT_FAIL("region %u: bad string", i);
		if (!r->size ||
		    (unsigned long long)r->gpa + r->size > MVC_DT_PHYS_LIMIT)
			GDT_FAIL("region %u: %#x+%#x out of bounds", i, r->gpa,
				 r->size);
		switch (r->kind) {
		case MVC_REGION_RAM:
		case MVC_REGION_ROM:
			if ((r->gpa | r->size) & (MVC_DT_PAGE_SIZE - 1))
				GDT_FAIL("region %u: not page aligned", i);
			if (r->device != MVC_DEV_NONE || r->irq ||
			    r->compatible[0])
				GDT_FAIL("region %u: memory with device bits", i);
			if (strcmp(r->device_type,
				   r->kind == MVC_REGION_RAM ? "ram" : "rom"))
				GDT_FAIL("region %u: kind/type mismatch", i);
			if (r->kind == MVC_REGION_ROM && !r->read_only)
				GDT_FAIL("region %u: writable rom", i);
			if (r->image_offset && !r->image[0])
				GDT_FAIL("region %u: offset without image", i);
			if (r->image_offset >= r->size)
				GDT_FAIL("region %u: image_offset outside", i);
			if (r->kind == MVC_REGION_RAM && r->gpa < lowest_ram)
				lowest_ram = r->gpa;
			break;
		case MVC_REGION_DEVICE:
			if (r->device < MVC_DEV_SERIAL ||
			    r->device > MVC_DEV_TESTDEV)
				GDT_FAIL("region %u: device %u", i, r->device);
			if (r->image[0] || r->image_offset || r->read_only)
				GDT_FAIL("region %u: device with memory bits", i);
			if ((r->gpa | r->size) & 3)
				GDT_FAIL("region %u: device misaligned", i);
			if (r->irq && (r->device != MVC_DEV_SERIAL ||
				       r->irq < 2 || r->irq > 6))
				GDT_FAIL("region %u: irq %u", i, r->irq);
			if (!r->compatible[0])
				GDT_FAIL("region %u: no compatible", i);
			break;
		default:
			GDT_FAIL("region %u: kind %u", i, r->kind);
		}
		for (j = 0; j < i; j++) {
			q = &d->region[j];
			if (r->gpa < q->gpa + q->size &&
			    q->gpa < r->gpa + r->size)
				GDT_FAIL("regions %u and %u overlap", j, i);
			if (!strcmp(r->name, q->name))
				GDT_FAIL("regions %u and %u: same name", j, i);
		}
	}
	if (d->ram_region >= d->nregions ||
	    d->region[d->ram_region].kind != MVC_REGION_RAM ||
	    d->region[d->ram_region].gpa != lowest_ram)
		GDT_FAIL("ram_region %u is not the lowest RAM", d->ram_region);
	if (d->boot_region >= d->nregions)
		GDT_FAIL("boot_region %u out of range", d->boot_region);
	r = &d->region[d->boot_region];
	if (r->kind == MVC_REGION_DEVICE ||
	    boot < r->gpa || boot - r->gpa >= r->size)
		GDT_FAIL("boot_region %u does not hold %#x", d->boot_region,
			 boot);
#undef GDT_FAIL
	return 0;
}

/* 0 when a failed parse left @d cleared and a message in @err. */
static inline int gdt_check_error(const struct mvc_guest_desc *d,
				  const char *err, size_t errlen, char *why,
				  size_t n)
{
	const unsigned char *p = (const unsigned char *)d;
	size_t i;

	for (i = 0; i < sizeof(*d); i++) {
		if (p[i]) {
			snprintf(why, n, "output byte %zu not cleared", i);
			return -1;
		}
	}
	if (!errlen)
		return 0;
	if (!gdt_terminated(err, errlen) || !err[0]) {
		snprintf(why, n, "message empty or unterminated");
		return -1;
	}
	return 0;
}

#endif /* GUEST_DT_INVARIANTS_H */
