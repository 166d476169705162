// SPDX-License-Identifier: GPL-2.0
/*
 * vm.c - the VM object and the ioctls of a VM fd.
 *
 * A VM is reference counted: its fd holds one reference and every VCPU
 * holds one, so closing the VM fd while VCPU fds stay open is safe.  The
 * last reference frees the guest memory slots and the VM itself.
 */
#include <linux/anon_inodes.h>
#include <linux/debugfs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "mipsvcpu.h"

static void mvc_vm_release_ref(struct kref *ref)
{
	struct mvc_vm *vm = container_of(ref, struct mvc_vm, ref);

	debugfs_remove_recursive(vm->debugfs);
	mvc_free_slots(vm);
	kfree(vm->desc);
	kfree(vm);
	atomic_dec(&mvc_live.vms);
}

/**
 * mvc_vm_put() - drop a reference; the last one frees the VM
 * @vm: the VM
 */
void mvc_vm_put(struct mvc_vm *vm)
{
	kref_put(&vm->ref, mvc_vm_release_ref);
}

static long mvc_vm_ioctl(struct file *file, unsigned int cmd,
			 unsigned long arg)
{
	struct mvc_vm *vm = file->private_data;
	void __user *argp = (void __user *)arg;
	struct mipsvcpu_memory_region region;
	struct mipsvcpu_create_vcpu vcpu;

	switch (cmd) {
	case MIPSVCPU_SET_MEMORY_REGION:
		if (copy_from_user(&region, argp, sizeof(region)))
			return -EFAULT;
		return mvc_set_memory_region(vm, &region);
	case MIPSVCPU_SET_GUEST_DT:
		return mvc_vm_set_guest_dt(vm, argp);
	case MIPSVCPU_CREATE_VCPU:
		if (copy_from_user(&vcpu, argp, sizeof(vcpu)))
			return -EFAULT;
		return mvc_create_vcpu(vm, &vcpu);
	case MIPSVCPU_REGISTER_COALESCED_MMIO:
		return mvc_vm_coalesced_zone(vm, argp, true);
	case MIPSVCPU_UNREGISTER_COALESCED_MMIO:
		return mvc_vm_coalesced_zone(vm, argp, false);
	}
	return -ENOTTY;
}

static int mvc_vm_release(struct inode *inode, struct file *file)
{
	mvc_vm_put(file->private_data);
	return 0;
}

static const struct file_operations mvc_vm_fops = {
	.owner		= THIS_MODULE,
	.release	= mvc_vm_release,
	.unlocked_ioctl	= mvc_vm_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

/**
 * mvc_create_vm() - create a VM and an fd for it
 * @arg: the validated request
 *
 * Return: the new fd, or -errno.
 */
int mvc_create_vm(const struct mipsvcpu_create_vm *arg)
{
	struct mvc_vm *vm;
	int fd;

	vm = kzalloc(sizeof(*vm), GFP_KERNEL_ACCOUNT);
	if (!vm)
		return -ENOMEM;
	kref_init(&vm->ref);
	mutex_init(&vm->lock);
	init_rwsem(&vm->slots_lock);
	vm->ram_slot = -1;
	vm->uwin.base = 0;
	vm->uwin.end = MVC_GUEST_VA_LIMIT;
	if (arg->flags & MIPSVCPU_VM_USER_WINDOW) {
		vm->uwin.base = arg->user_base;
		vm->uwin.end = arg->user_end;
		vm->uwin_from_create = true;
	}
	atomic_inc(&mvc_live.vms);
	mvc_debugfs_add_vm(vm);

	fd = anon_inode_getfd("mipsvcpu-vm", &mvc_vm_fops, vm,
			      O_RDWR | O_CLOEXEC);
	if (fd < 0)
		goto out_put_vm;
	return fd;

out_put_vm:
	mvc_vm_put(vm);
	return fd;
}
