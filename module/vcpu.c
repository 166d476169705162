// SPDX-License-Identifier: GPL-2.0
/*
 * vcpu.c - the VCPU object and the ioctls of a VCPU fd.
 *
 * A VCPU holds a reference on its VM.  One thread at a time may be in
 * RUN (world.c's mvc_vcpu_run_ioctl(); another gets EBUSY); the register
 * ioctls wait for RUN to return.
 * The run structure is one zeroed page, mapped into userspace by mmap().
 */
#include <linux/anon_inodes.h>
#include <linux/debugfs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "mipsvcpu.h"

/* The boot convention of SPEC.md, documented in the uapi header. */
static int mvc_vcpu_reset(struct mvc_vcpu *vcpu, u32 tlb_size)
{
	struct mvc_vm *vm = vcpu->vm;
	struct mvc_hw_ctx *ctx = vcpu->ctx;

	mvc_cp0_reset(&vcpu->cp0, tlb_size, vcpu->id);
	mvc_tlb_reset(&vcpu->tlb, tlb_size);
	mvc_world_reset(vcpu);
	memset(ctx->gpr, 0, sizeof(ctx->gpr));
	ctx->hi = 0;
	ctx->lo = 0;
	ctx->pc = MIPSVCPU_RESET_PC;
	if (down_read_killable(&vm->slots_lock))
		return -EINTR;
	if (vm->ram_slot >= 0) {
		ctx->gpr[4] = vm->slots[vm->ram_slot].gpa;
		ctx->gpr[5] = vm->slots[vm->ram_slot].size;
	}
	up_read(&vm->slots_lock);
	ctx->gpr[6] = vm->dtb_gpa;
	ctx->gpr[7] = vcpu->id;
	return 0;
}

static long mvc_vcpu_get_regs(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_regs regs = { 0 };

	memcpy(regs.gpr, vcpu->ctx->gpr, sizeof(regs.gpr));
	regs.gpr[0] = 0;
	regs.hi = vcpu->ctx->hi;
	regs.lo = vcpu->ctx->lo;
	regs.pc = vcpu->ctx->pc;
	return copy_to_user(argp, &regs, sizeof(regs)) ? -EFAULT : 0;
}

static long mvc_vcpu_set_regs(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_regs regs;

	if (copy_from_user(&regs, argp, sizeof(regs)))
		return -EFAULT;
	if (memchr_inv(regs.reserved, 0, sizeof(regs.reserved)))
		return -EINVAL;
	memcpy(&vcpu->ctx->gpr[1], &regs.gpr[1], sizeof(regs.gpr) - 4);
	vcpu->ctx->hi = regs.hi;
	vcpu->ctx->lo = regs.lo;
	vcpu->ctx->pc = regs.pc;
	mvc_debug_step_cancel(vcpu);	/* a step from the new state */
	return 0;
}

static long mvc_vcpu_cp0(struct mvc_vcpu *vcpu, void __user *argp, bool set)
{
	struct mipsvcpu_cp0_reg reg;

	if (copy_from_user(&reg, argp, sizeof(reg)))
		return -EFAULT;
	if (memchr_inv(reg.reserved, 0, sizeof(reg.reserved)) ||
	    reg.id >= MVC_CP0_NR || !mvc_cp0_implemented(reg.id))
		return -EINVAL;
	if (set) {
		/*
		 * Whatever changed (the ASID too), no shadow entry may outlive
		 * it: both views' host ASIDs are retired on every CPU.
		 */
		mvc_vcpu_cp0_write(vcpu, reg.id, reg.value);
		mvc_shadow_drop_view(vcpu, MVC_VIEW_KERNEL);
		mvc_shadow_drop_view(vcpu, MVC_VIEW_USER);
		mvc_debug_step_cancel(vcpu);
		return 0;
	}
	reg.value = mvc_vcpu_cp0_read(vcpu, reg.id);
	return copy_to_user(argp, &reg, sizeof(reg)) ? -EFAULT : 0;
}

static long mvc_vcpu_irq_line(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_irq_line irq;

	if (copy_from_user(&irq, argp, sizeof(irq)))
		return -EFAULT;
	if (memchr_inv(irq.reserved, 0, sizeof(irq.reserved)))
		return -EINVAL;
	return mvc_set_irq_line(vcpu, irq.line, irq.level);
}

/**
 * mvc_vcpu_stats() - the counters as GET_STATS and debugfs show them
 * @vcpu: the VCPU
 * @s: filled with its counters, with what the vector's fast paths counted
 *     and C has not yet folded in added (emulated includes fast_emulated)
 */
void mvc_vcpu_stats(const struct mvc_vcpu *vcpu, struct mipsvcpu_vcpu_stats *s)
{
	*s = vcpu->stats;
	s->fast_refill += READ_ONCE(vcpu->ctx->fast_refills);
	s->fast_emulated += READ_ONCE(vcpu->ctx->fast_emulated);
	s->guest_exception += READ_ONCE(vcpu->ctx->fast_exceptions);
	s->guest_tlb_fault += READ_ONCE(vcpu->ctx->fast_tlb_faults);
	s->mmio_coalesced += READ_ONCE(vcpu->ctx->fast_coalesced);
	s->fast_traced += READ_ONCE(vcpu->ctx->fast_traced);
	s->emulated += s->fast_emulated;
}

static long mvc_vcpu_get_stats(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_vcpu_stats s;

	mvc_vcpu_stats(vcpu, &s);
	return copy_to_user(argp, &s, sizeof(s)) ? -EFAULT : 0;
}

/* Every ioctl of a VCPU fd but RUN. */
static noinline long mvc_vcpu_other_ioctl(struct mvc_vcpu *vcpu,
					  unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	long ret;

	/* Neither waits for RUN: devices raise interrupts while it runs. */
	if (cmd == MIPSVCPU_IRQ_LINE)
		return mvc_vcpu_irq_line(vcpu, argp);
	if (cmd == MIPSVCPU_GET_STATS)
		return mvc_vcpu_get_stats(vcpu, argp);

	if (mutex_lock_interruptible(&vcpu->run_lock))
		return -EINTR;
	switch (cmd) {
	case MIPSVCPU_GET_REGS:
		ret = mvc_vcpu_get_regs(vcpu, argp);
		break;
	case MIPSVCPU_SET_REGS:
		ret = mvc_vcpu_set_regs(vcpu, argp);
		break;
	case MIPSVCPU_GET_CP0:
		ret = mvc_vcpu_cp0(vcpu, argp, false);
		break;
	case MIPSVCPU_SET_CP0:
		ret = mvc_vcpu_cp0(vcpu, argp, true);
		break;
	case MIPSVCPU_SET_GUEST_DEBUG:
		ret = mvc_debug_set(vcpu, argp);
		break;
	case MIPSVCPU_TRANSLATE:
		ret = mvc_debug_translate_ioctl(vcpu, argp);
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&vcpu->run_lock);
	return ret;
}

/*
 * RUN on its own: the other ioctls' locals gave every RUN this function's
 * stack protector and register saves (tools/qemu-profile).
 */
static long mvc_vcpu_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	struct mvc_vcpu *vcpu = file->private_data;

	if (cmd == MIPSVCPU_RUN)
		return mvc_vcpu_run_ioctl(vcpu, arg);
	return mvc_vcpu_other_ioctl(vcpu, cmd, arg);
}

static int mvc_vcpu_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mvc_vcpu *vcpu = file->private_data;

	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	return vm_insert_page(vma, vma->vm_start, virt_to_page(vcpu->run));
}

static void mvc_vcpu_free(struct mvc_vcpu *vcpu)
{
	debugfs_remove(vcpu->debugfs);
	mvc_timer_cancel(vcpu);
	mvc_world_free(vcpu);
	mvc_free_view_mms(vcpu);
	free_page((unsigned long)vcpu->run);
	kfree(vcpu);
	atomic_dec(&mvc_live.vcpus);
}

static int mvc_vcpu_release(struct inode *inode, struct file *file)
{
	struct mvc_vcpu *vcpu = file->private_data;
	struct mvc_vm *vm = vcpu->vm;
	u32 id = vcpu->id;

	/* Free first: the id (and its debugfs name) is reusable after. */
	mvc_vcpu_free(vcpu);
	mutex_lock(&vm->lock);
	vm->vcpu_mask &= ~BIT(id);
	mutex_unlock(&vm->lock);
	mvc_vm_put(vm);
	return 0;
}

static const struct file_operations mvc_vcpu_fops = {
	.owner		= THIS_MODULE,
	.release	= mvc_vcpu_release,
	.unlocked_ioctl	= mvc_vcpu_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.mmap		= mvc_vcpu_mmap,
	.llseek		= noop_llseek,
};

/**
 * mvc_create_vcpu() - create a VCPU and an fd for it
 * @vm: the VM
 * @arg: the request, copied from userspace but not yet validated
 *
 * Return: the new fd, or -EINVAL, -EEXIST (the id is taken), -ENOMEM,
 * -EINTR for a fatal signal.
 */
int mvc_create_vcpu(struct mvc_vm *vm, const struct mipsvcpu_create_vcpu *arg)
{
	u32 tlb_size = arg->tlb_size ?: MIPSVCPU_DEFAULT_GUEST_TLB;
	struct mvc_vcpu *vcpu;
	int ret;

	if (arg->id >= MIPSVCPU_MAX_VCPUS ||
	    (arg->flags & ~MIPSVCPU_CREATE_VCPU_VALID_FLAGS) ||
	    arg->tlb_size > MIPSVCPU_MAX_GUEST_TLB ||
	    memchr_inv(arg->reserved, 0, sizeof(arg->reserved)))
		return -EINVAL;

	/*
	 * Reserve the id; in a described VM the DTB says how many VCPUs
	 * there are and their TLB size.  Holding the id keeps the
	 * description from changing under us (MIPSVCPU_SET_GUEST_DT).
	 */
	if (mutex_lock_killable(&vm->lock))
		return -EINTR;
	ret = -EEXIST;
	if (vm->vcpu_mask & BIT(arg->id))
		goto out_unlock;
	ret = -EINVAL;
	if (vm->desc && arg->id >= vm->desc->nvcpus)
		goto out_unlock;
	if (vm->desc && !arg->tlb_size)
		tlb_size = vm->desc->vcpu[arg->id].tlb_size;
	vm->vcpu_mask |= BIT(arg->id);
	kref_get(&vm->ref);
	ret = 0;
out_unlock:
	mutex_unlock(&vm->lock);
	if (ret)
		return ret;

	ret = -ENOMEM;
	vcpu = kzalloc(sizeof(*vcpu), GFP_KERNEL_ACCOUNT);
	if (!vcpu)
		goto out_release_id;
	atomic_inc(&mvc_live.vcpus);
	vcpu->vm = vm;
	vcpu->id = arg->id;
	vcpu->last_cpu = -1;
	vcpu->guest_cpu = -1;
	mutex_init(&vcpu->run_lock);
	init_waitqueue_head(&vcpu->wq);
	mvc_timer_init(vcpu);
	BUILD_BUG_ON(sizeof(*vcpu->run) > PAGE_SIZE);
	vcpu->run = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!vcpu->run)
		goto out_free;
	ret = mvc_alloc_view_mms(vcpu);
	if (ret)
		goto out_free;
	ret = mvc_world_init(vcpu);
	if (ret)
		goto out_free;
	ret = mvc_vcpu_reset(vcpu, tlb_size);
	if (ret)
		goto out_free;
	mvc_debugfs_add_vcpu(vcpu);

	ret = anon_inode_getfd("mipsvcpu-vcpu", &mvc_vcpu_fops, vcpu,
			       O_RDWR | O_CLOEXEC);
	if (ret < 0)
		goto out_free;
	return ret;

out_free:
	mvc_vcpu_free(vcpu);
out_release_id:
	mutex_lock(&vm->lock);
	vm->vcpu_mask &= ~BIT(arg->id);
	mutex_unlock(&vm->lock);
	mvc_vm_put(vm);
	return ret;
}
