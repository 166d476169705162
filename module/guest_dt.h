/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest_dt.h - the guest device-tree parser (pure; see guest_dt.c).
 *
 * mvc_parse_guest_dt() turns a guest DTB (Xvisor's guest description plus
 * mipsvcpu's documented extensions, docs/guest-dts.md) into a fixed-size
 * struct mvc_guest_desc.  Nothing is allocated: the caller provides the
 * description and the buffer for the error message.  The description is
 * about 4 KiB, so kernel callers should not keep it on the stack.
 */
#ifndef MVC_GUEST_DT_H
#define MVC_GUEST_DT_H

#include "mvc_types.h"
#include "addrmap.h"
#include "guest_tlb.h"

/* Limits; a DTB beyond any of them is rejected with a message. */
#define MVC_DT_MAX_BLOB		0x10000u	/* 64 KiB */
#define MVC_DT_MAX_VCPUS	MIPSVCPU_MAX_VCPUS
#define MVC_DT_MAX_REGIONS	16
#define MVC_DT_MAX_DEPTH	16	/* node levels below the root */
#define MVC_DT_MAX_NODES	256	/* in the whole tree, root included */
#define MVC_DT_MAX_PROPS	64	/* in one node the parser reads */

/* Sizes of the strings in the description, terminating NUL included. */
#define MVC_DT_NAME_LEN		32
#define MVC_DT_TYPE_LEN		16
#define MVC_DT_IMAGE_LEN	128

/* What the VCPU and the address map allow. */
#define MVC_DT_RESET_PC		MIPSVCPU_RESET_PC	/* the only start_pc */
#define MVC_DT_GKSEG1		MVC_GKSEG1_BASE	/* gKSEG1: GPA = GVA - this */
#define MVC_DT_PHYS_LIMIT	MIPSVCPU_GUEST_PHYS_LIMIT	/* 512 MiB */
#define MVC_DT_PAGE_SIZE	0x1000u		/* real regions' granule */
#define MVC_DT_TLB_DEFAULT	16
#define MVC_DT_TLB_MAX		MVC_GUEST_TLB_MAX
#define MVC_DT_IRQ_MIN		2		/* IP2 .. */
#define MVC_DT_IRQ_MAX		6		/* .. IP6; IP7 is the timer */

/* Returned negated; the values are Linux's errno numbers. */
#define MVC_DT_EINVAL		22	/* malformed blob or schema violation */
#define MVC_DT_E2BIG		7	/* the blob is larger than 64 KiB */

enum mvc_region_kind {
	MVC_REGION_RAM = 1,	/* manifest_type "real", device_type "ram" */
	MVC_REGION_ROM,		/* manifest_type "real", device_type "rom" */
	MVC_REGION_DEVICE,	/* manifest_type "virtual": emulated */
};

enum mvc_device {
	MVC_DEV_NONE,		/* a real region */
	MVC_DEV_SERIAL,		/* "serial", compatible "ns16550a" */
	MVC_DEV_POWER,		/* "power", compatible "mipsvcpu,power" */
	MVC_DEV_TESTDEV,	/* "testdev", compatible "mipsvcpu,testdev" */
};

/**
 * struct mvc_vcpu_desc - one node with device_type = "vcpu"
 * @name: the node's name, e.g. "vcpu0"
 * @model: its model, e.g. "MIPS,24Kc"
 * @start_pc: its reset PC (always MVC_DT_RESET_PC)
 * @tlb_size: guest TLB entries, 1..64 (16 unless tlb_size says otherwise)
 */
struct mvc_vcpu_desc {
	char name[MVC_DT_NAME_LEN];
	char model[MVC_DT_NAME_LEN];
	u32 start_pc;
	u32 tlb_size;
};

/**
 * struct mvc_region_desc - one child of the guest's aspace node
 * @name: the node's name, e.g. "mem0"
 * @device_type: "ram", "rom", "serial", "power" or "testdev"
 * @compatible: devices: the compatible string they matched; else ""
 * @image: real regions: the file to load (relative to the DTB), or ""
 * @gpa: guest physical base address
 * @size: size in bytes (real regions: whole 4 KiB pages)
 * @image_offset: where in the region @image goes (0 unless given)
 * @irq: serial: the guest CPU interrupt line (2..6), 0 when polled
 * @kind: enum mvc_region_kind
 * @device: enum mvc_device
 * @read_only: real regions: the guest cannot write (always for "rom")
 */
struct mvc_region_desc {
	char name[MVC_DT_NAME_LEN];
	char device_type[MVC_DT_TYPE_LEN];
	char compatible[MVC_DT_NAME_LEN];
	char image[MVC_DT_IMAGE_LEN];
	u32 gpa;
	u32 size;
	u32 image_offset;
	u32 irq;
	u8 kind;
	u8 device;
	bool read_only;
};

/**
 * struct mvc_guest_desc - a parsed guest description
 * @model: the guest node's model
 * @user_window: the guest node has a user_window property
 * @user_base: the user window's first byte; 0 without the property
 * @user_end: the byte after its last; 0x80000000 without it
 * @nvcpus: VCPUs in @vcpu, 1..MVC_DT_MAX_VCPUS, in tree order
 * @nregions: regions in @region, in tree order; they do not overlap
 * @ram_region: index of the RAM region with the lowest address (the one
 *              a0/a1 describe at reset)
 * @boot_region: index of the real region holding the reset address
 *               (guest physical MVC_DT_RESET_PC - MVC_DT_GKSEG1)
 * @vcpu: the VCPUs
 * @region: the regions
 */
struct mvc_guest_desc {
	char model[MVC_DT_NAME_LEN];
	bool user_window;
	u32 user_base;
	u32 user_end;
	u32 nvcpus;
	u32 nregions;
	u32 ram_region;
	u32 boot_region;
	struct mvc_vcpu_desc vcpu[MVC_DT_MAX_VCPUS];
	struct mvc_region_desc region[MVC_DT_MAX_REGIONS];
};

int mvc_parse_guest_dt(const void *blob, u32 blob_size,
		       struct mvc_guest_desc *out, char *err, u32 errlen);

#endif /* MVC_GUEST_DT_H */
