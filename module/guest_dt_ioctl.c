// SPDX-License-Identifier: GPL-2.0
/*
 * guest_dt_ioctl.c - MIPSVCPU_SET_GUEST_DT: a VM described by a device tree.
 *
 * The blob is copied in, parsed and validated by the pure parser
 * (guest_dt.c, on the kernel tree's libfdt), and the description kept with
 * the VM: from then on memory slots must be exactly its real regions and
 * VCPUs take their number range and TLB size from it, and its user_window
 * becomes the VM's user window (unless MIPSVCPU_CREATE_VM set one: one
 * source for it, so a DTB that disagrees is refused).  A rejected blob
 * gives EINVAL and the parser's message, which names node and property.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "mipsvcpu.h"

#define MVC_DT_ERROR_LEN	256
#define MVC_DT_UWIN_TWICE \
	"property \"user_window\": MIPSVCPU_CREATE_VM set the VM's user window"

/* The description as userspace sees it, with the VM's user window. */
static void mvc_desc_to_user(const struct mvc_vm *vm,
			     struct mipsvcpu_guest_desc *u)
{
	const struct mvc_guest_desc *d = vm->desc;
	u32 i;

	memset(u, 0, sizeof(*u));
	strscpy(u->model, d->model, sizeof(u->model));
	u->user_base = vm->uwin.base;
	u->user_end = vm->uwin.end;
	u->nvcpus = d->nvcpus;
	u->nregions = d->nregions;
	u->ram_region = d->ram_region;
	u->boot_region = d->boot_region;
	for (i = 0; i < d->nvcpus; i++) {
		strscpy(u->vcpu[i].name, d->vcpu[i].name, sizeof(u->vcpu[i].name));
		strscpy(u->vcpu[i].model, d->vcpu[i].model,
			sizeof(u->vcpu[i].model));
		u->vcpu[i].start_pc = d->vcpu[i].start_pc;
		u->vcpu[i].tlb_size = d->vcpu[i].tlb_size;
	}
	for (i = 0; i < d->nregions; i++) {
		const struct mvc_region_desc *r = &d->region[i];
		struct mipsvcpu_region_desc *o = &u->region[i];

		strscpy(o->name, r->name, sizeof(o->name));
		strscpy(o->device_type, r->device_type, sizeof(o->device_type));
		strscpy(o->compatible, r->compatible, sizeof(o->compatible));
		strscpy(o->image, r->image, sizeof(o->image));
		o->gpa = r->gpa;
		o->size = r->size;
		o->image_offset = r->image_offset;
		o->irq = r->irq;
		o->kind = r->kind;
		o->device = r->device;
		o->read_only = r->read_only;
	}
}

static int mvc_check_dt_args(const struct mipsvcpu_guest_dt *a)
{
	if (a->flags || memchr_inv(a->reserved, 0, sizeof(a->reserved)))
		return -EINVAL;
	if (!a->blob_size)
		return -EINVAL;
	if (a->blob_size > MIPSVCPU_MAX_DTB_SIZE)
		return -E2BIG;
	if (a->desc && a->desc_size != sizeof(struct mipsvcpu_guest_desc))
		return -EINVAL;
	if (a->dtb_gpa >= MIPSVCPU_GUEST_PHYS_LIMIT)
		return -EINVAL;
	return 0;
}

/* Tell userspace why, if it gave us somewhere to write. */
static int mvc_report_dt_error(const struct mipsvcpu_guest_dt *a,
			       const char *msg)
{
	size_t len = min_t(size_t, strlen(msg) + 1, a->error_size);

	if (!a->error || !len)
		return 0;
	if (copy_to_user(u64_to_user_ptr(a->error), msg, len - 1) ||
	    put_user(0, (char __user *)u64_to_user_ptr(a->error) + len - 1))
		return -EFAULT;
	return 0;
}

/**
 * mvc_vm_set_guest_dt() - MIPSVCPU_SET_GUEST_DT
 * @vm: the VM
 * @argp: struct mipsvcpu_guest_dt in userspace
 *
 * Return: 0; -EINVAL for bad arguments or a rejected blob (with a message),
 * also for a user_window in a VM created with one; -E2BIG for a blob over
 * 64 KiB; -EBUSY when the VM already has a description, memory or VCPUs;
 * -EFAULT; -ENOMEM; -EINTR for a fatal signal.
 */
long mvc_vm_set_guest_dt(struct mvc_vm *vm, void __user *argp)
{
	struct mipsvcpu_guest_desc *udesc = NULL;
	struct mipsvcpu_guest_dt a;
	struct mvc_guest_desc *desc;
	bool uwin_twice = false;
	char *msg;
	void *blob;
	long ret;
	int i;

	if (copy_from_user(&a, argp, sizeof(a)))
		return -EFAULT;
	ret = mvc_check_dt_args(&a);
	if (ret)
		return ret;

	blob = kvmalloc(a.blob_size, GFP_KERNEL_ACCOUNT);
	desc = kzalloc(sizeof(*desc), GFP_KERNEL_ACCOUNT);
	msg = kzalloc(MVC_DT_ERROR_LEN, GFP_KERNEL);
	if (a.desc)
		udesc = kzalloc(sizeof(*udesc), GFP_KERNEL);
	ret = -ENOMEM;
	if (!blob || !desc || !msg || (a.desc && !udesc))
		goto out_free;
	ret = -EFAULT;
	if (copy_from_user(blob, u64_to_user_ptr(a.blob), a.blob_size))
		goto out_free;

	ret = mvc_parse_guest_dt(blob, a.blob_size, desc, msg, MVC_DT_ERROR_LEN);
	if (ret) {
		ret = mvc_report_dt_error(&a, msg) ?: ret;
		goto out_free;
	}

	ret = -EINTR;
	if (mutex_lock_killable(&vm->lock))
		goto out_free;
	if (down_write_killable(&vm->slots_lock)) {
		mutex_unlock(&vm->lock);
		goto out_free;
	}
	ret = -EBUSY;
	if (vm->desc || vm->vcpu_mask)
		goto out_unlock;
	for (i = 0; i < MIPSVCPU_MAX_MEMORY_SLOTS; i++)
		if (vm->slots[i].npages)
			goto out_unlock;
	uwin_twice = desc->user_window && vm->uwin_from_create;
	ret = -EINVAL;
	if (uwin_twice)
		goto out_unlock;
	if (desc->user_window) {
		/* No VCPU exists (vm->lock): no shadow entry predates this. */
		vm->uwin.base = desc->user_base;
		vm->uwin.end = desc->user_end;
	}
	vm->desc = desc;
	vm->dtb_gpa = a.dtb_gpa;
	desc = NULL;
	ret = 0;
out_unlock:
	up_write(&vm->slots_lock);
	mutex_unlock(&vm->lock);
	if (uwin_twice)
		ret = mvc_report_dt_error(&a, MVC_DT_UWIN_TWICE) ?: ret;
	if (!ret && udesc) {
		mvc_desc_to_user(vm, udesc);
		if (copy_to_user(u64_to_user_ptr(a.desc), udesc, sizeof(*udesc)))
			ret = -EFAULT;
	}
out_free:
	kfree(udesc);
	kfree(msg);
	kfree(desc);
	kvfree(blob);
	return ret;
}

/**
 * mvc_dt_allows_region() - may this memory slot exist in a described VM?
 * @vm: the VM; the caller holds vm->slots_lock
 * @r: a slot being created (size != 0)
 *
 * Return: true without a description, or when @r is exactly one of its
 * real regions, read-only exactly when the region is.
 */
bool mvc_dt_allows_region(const struct mvc_vm *vm,
			  const struct mipsvcpu_memory_region *r)
{
	const struct mvc_guest_desc *d = vm->desc;
	bool ro = r->flags & MIPSVCPU_MEM_READONLY;
	u32 i;

	if (!d)
		return true;
	for (i = 0; i < d->nregions; i++) {
		const struct mvc_region_desc *g = &d->region[i];

		if (g->kind != MVC_REGION_DEVICE && g->gpa == r->guest_phys_addr &&
		    g->size == r->size && g->read_only == ro)
			return true;
	}
	return false;
}
