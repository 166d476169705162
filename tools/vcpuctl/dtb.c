// SPDX-License-Identifier: GPL-2.0
/*
 * dtb.c - guests described by a device tree: "vcpuctl run guest.dtb" and
 * "vcpuctl info guest.dtb".
 *
 * The module parses the DTB (MIPSVCPU_SET_GUEST_DT) and hands back its
 * description, so vcpuctl and the kernel can never disagree about it.
 * vcpuctl then backs every "real" region with anonymous memory, loads the
 * images the DTB names (relative to the .dtb, or as --image NAME=FILE
 * says), copies the DTB itself into the last pages of the boot region
 * (a2 points there), creates the emulated devices of the "virtual"
 * regions and one thread per VCPU.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vcpuctl.h"

#define PAGE		4096u
#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((a) - 1))

static int read_dtb(const char *path, void *buf, size_t *len)
{
	int ret = load_file(path, buf, MIPSVCPU_MAX_DTB_SIZE, len);

	if (ret == -VCPUCTL_EXIT_DATAERR)
		fprintf(stderr, "vcpuctl: %s: a guest DTB may be at most %u bytes\n",
			path, MIPSVCPU_MAX_DTB_SIZE);
	return ret;
}

/* Hand the DTB to the module; print its verdict if it refuses. */
static int describe(struct machine *m, const char *path, const void *blob,
		    size_t len, uint32_t dtb_gpa,
		    struct mipsvcpu_guest_desc *desc)
{
	char msg[256] = "";
	struct mipsvcpu_guest_dt a = {
		.blob = (uintptr_t)blob, .blob_size = len,
		.error = (uintptr_t)msg, .error_size = sizeof(msg),
		.dtb_gpa = dtb_gpa,
		.desc = (uintptr_t)desc, .desc_size = sizeof(*desc),
	};

	if (!ioctl(m->vm_fd, MIPSVCPU_SET_GUEST_DT, &a))
		return 0;
	if (errno == EINVAL && msg[0])
		fprintf(stderr, "vcpuctl: %s: %s\n", path, msg);
	else
		fprintf(stderr, "vcpuctl: %s: %s\n", path, strerror(errno));
	return -VCPUCTL_EXIT_DATAERR;
}

static const char *kind_name(const struct mipsvcpu_region_desc *r)
{
	if (r->kind == MIPSVCPU_REGION_DEVICE)
		return "virtual";
	return "real";
}

static void print_size(uint32_t size)
{
	if (size >= (1u << 20) && !(size & 0xfffff))
		printf("%5u MiB", size >> 20);
	else if (size >= 1024 && !(size & 0x3ff))
		printf("%5u KiB", size >> 10);
	else
		printf("%5u B  ", size);
}

int cmd_info(const char *path)
{
	static struct mipsvcpu_guest_desc d;
	static char blob[MIPSVCPU_MAX_DTB_SIZE];
	struct machine m = { 0 };
	size_t len;
	uint32_t i;
	int ret;

	ret = read_dtb(path, blob, &len);
	if (!ret)
		ret = machine_open(&m);
	if (!ret)
		ret = describe(&m, path, blob, len, 0, &d);
	if (ret)
		return -ret;

	printf("guest \"%s\" (%s, %zu bytes)\n", d.model, path, len);
	printf("user window: 0x%08x-0x%08x (%s)\n", d.user_base, d.user_end - 1,
	       !d.user_base && d.user_end == MIPSVCPU_USER_VA_LIMIT ?
	       "all of the user view" : "user mode beyond it: address errors");
	printf("vcpus: %u\n", d.nvcpus);
	for (i = 0; i < d.nvcpus; i++)
		printf("  %-10s %s, start_pc 0x%08x, %u TLB entries\n",
		       d.vcpu[i].name, d.vcpu[i].model, d.vcpu[i].start_pc,
		       d.vcpu[i].tlb_size);
	printf("regions: %u\n", d.nregions);
	for (i = 0; i < d.nregions; i++) {
		const struct mipsvcpu_region_desc *r = &d.region[i];

		printf("  %-10s %-7s 0x%08x-0x%08x ", r->name, r->device_type,
		       r->gpa, r->gpa + r->size - 1);
		print_size(r->size);
		printf("  %s: ", kind_name(r));
		if (r->kind == MIPSVCPU_REGION_DEVICE) {
			printf("emulated by vcpuctl: %s", r->compatible);
			if (r->irq)
				printf(", interrupt IP%u", r->irq);
		} else {
			printf("vcpuctl memory%s", r->read_only ? ", read-only" : "");
			if (r->image[0])
				printf(", image %s at +%#x", r->image,
				       r->image_offset);
		}
		if (i == d.ram_region)
			printf(" [a0/a1: RAM]");
		if (i == d.boot_region)
			printf(" [boot: 0x3fc00000, DTB copy for a2]");
		printf("\n");
	}
	return 0;
}

/* The file for region @r: --image NAME=FILE, else relative to the DTB. */
static void image_path(const struct mipsvcpu_region_desc *r, const char *dtb,
		       const char **images, int nimages, char *out,
		       size_t outlen)
{
	size_t n = strlen(r->name);
	char dir[512];
	int i;

	for (i = 0; i < nimages; i++)
		if (!strncmp(images[i], r->name, n) && images[i][n] == '=') {
			snprintf(out, outlen, "%s", images[i] + n + 1);
			return;
		}
	snprintf(dir, sizeof(dir), "%s", dtb);
	if (r->image[0] == '/')
		snprintf(out, outlen, "%s", r->image);
	else
		snprintf(out, outlen, "%s/%s", dirname(dir), r->image);
}

static int setup_region(struct machine *m, uint32_t slot,
			const struct mipsvcpu_region_desc *r,
			const char *dtb, const char **images, int nimages,
			const void *blob, size_t bloblen, uint32_t dtb_gpa)
{
	char path[1024];
	size_t len = 0;
	void *mem;
	int ret;

	mem = mmap(NULL, r->size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED) {
		perror("vcpuctl: mmap guest memory");
		return -VCPUCTL_EXIT_OSERR;
	}
	if (r->image[0]) {
		image_path(r, dtb, images, nimages, path, sizeof(path));
		ret = load_file(path, (char *)mem + r->image_offset,
				r->size - r->image_offset, &len);
		if (ret)
			return ret;
	}
	if (dtb_gpa - r->gpa < r->size) {
		if (r->image[0] && r->image_offset + len > dtb_gpa - r->gpa) {
			fprintf(stderr, "vcpuctl: region %s: no room for the DTB after image %s\n",
				r->name, path);
			return -VCPUCTL_EXIT_DATAERR;
		}
		memcpy((char *)mem + (dtb_gpa - r->gpa), blob, bloblen);
	}
	return machine_map_memory(m, slot, r->gpa, r->size, r->read_only, mem);
}

int cmd_run_dtb(const char *dtb, const char **images, int nimages,
		const struct run_options *o)
{
	static struct mipsvcpu_guest_desc d;
	static char blob[MIPSVCPU_MAX_DTB_SIZE];
	struct machine probe = { 0 }, m = { 0 };
	const struct mipsvcpu_region_desc *boot;
	uint32_t i, dtb_gpa;
	size_t len;
	int ret;

	/* A first look at the layout, to place the DTB copy. */
	ret = read_dtb(dtb, blob, &len);
	if (!ret)
		ret = machine_open(&probe);
	if (!ret)
		ret = describe(&probe, dtb, blob, len, 0, &d);
	close(probe.vm_fd);
	close(probe.dev_fd);
	if (ret)
		return -ret;
	boot = &d.region[d.boot_region];
	dtb_gpa = boot->gpa + boot->size - ALIGN_UP((uint32_t)len, PAGE);

	m.trace = o->trace;
	ret = machine_open(&m);
	if (!ret)
		ret = describe(&m, dtb, blob, len, dtb_gpa, &d);
	for (i = 0; !ret && i < d.nregions; i++) {
		const struct mipsvcpu_region_desc *r = &d.region[i];

		if (r->kind != MIPSVCPU_REGION_DEVICE)
			ret = setup_region(&m, i, r, dtb, images, nimages, blob,
					   len, dtb_gpa);
		else if (r->device == MIPSVCPU_DEVICE_SERIAL)
			ret = uart_add(&m, r->gpa, r->irq);
		else if (r->device == MIPSVCPU_DEVICE_POWER)
			power_add(&m, r->gpa);
	}
	for (i = 0; !ret && i < d.nvcpus; i++)
		ret = machine_create_vcpu(&m, i);
	if (!ret && o->gdb)
		ret = gdb_open(&m, o->gdb, o->gdb_wait);
	if (ret)
		return -ret;
	if (terminal_raw())
		perror("vcpuctl: raw terminal");
	ret = machine_run(&m, o->timeout);
	terminal_restore();
	return ret;
}
