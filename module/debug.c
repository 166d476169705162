// SPDX-License-Identifier: GPL-2.0
/*
 * debug.c - guest debugging: break exits, single step, and translating a
 * guest virtual address for a debugger (MIPSVCPU_SET_GUEST_DEBUG,
 * MIPSVCPU_TRANSLATE; the uapi header documents both).
 *
 * MIPS has no single-step: to step, the module plants a break at the one
 * address where the instruction at PC hands over (decode.c evaluates a
 * branch with the registers as they are, so a branch and its delay slot
 * are one step) and removes it before RUN returns.  Anything else that
 * ends the instruction (an exception delivered to the guest, an emulated
 * eret or mtc0, an MMIO access) shows as a PC that moved, or a count of
 * delivered exceptions that did: the step ends there.  Guest interrupts
 * are held back while a step is under way, and the vector's emulation
 * fast path is off, so nothing the module does not see runs between.
 */
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/cacheflush.h>
#include <asm/cpu-info.h>

#include "mipsvcpu.h"
#include "addrmap.h"
#include "decode.h"

/* break 0x3f7 (code bits 25:16): only its address identifies it. */
#define MVC_STEP_BREAK		(0x3f7u << 16 | 0x0d)

/**
 * mvc_debug_translate() - guest virtual -> guest physical for a view
 * @vcpu: the VCPU, not running
 * @kernel_view: translate as the kernel view (else the user view)
 * @asid: the ASID guest TLB entries must carry unless global
 * @gva: the address
 * @x: filled with the result (valid, gpa, writable, mapped)
 */
void mvc_debug_translate(struct mvc_vcpu *vcpu, bool kernel_view, u32 asid,
			 u32 gva, struct mipsvcpu_translation *x)
{
	struct mvc_tlb_hit hit;
	struct mvc_addr a;

	x->valid = 0;
	x->writable = 0;
	x->gpa = 0;
	mvc_classify(kernel_view, &vcpu->vm->uwin, gva, &a);
	x->mapped = a.mapped;
	if (a.seg == MVC_SEG_ADDRESS_ERROR)
		return;
	if (!a.mapped) {
		x->gpa = a.gpa;
		x->valid = 1;
		x->writable = 1;
		return;
	}
	if (mvc_tlb_lookup(&vcpu->tlb, gva, asid, &hit) < 0 ||
	    !(hit.lo & MVC_ENTRYLO_V))
		return;
	x->gpa = hit.pa;
	x->valid = 1;
	x->writable = !!(hit.lo & MVC_ENTRYLO_D);
}

/**
 * mvc_debug_translate_ioctl() - MIPSVCPU_TRANSLATE
 * @vcpu: the VCPU; the caller holds its run_lock
 * @argp: struct mipsvcpu_translation
 *
 * Return: 0, -EFAULT or -EINVAL.
 */
long mvc_debug_translate_ioctl(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_translation x;
	bool kernel_view;
	u32 asid;

	if (copy_from_user(&x, argp, sizeof(x)))
		return -EFAULT;
	if (memchr_inv(x.reserved, 0, sizeof(x.reserved)) ||
	    x.flags & ~MIPSVCPU_XLATE_VALID_FLAGS ||
	    x.view > MIPSVCPU_VIEW_USER ||
	    (x.flags & MIPSVCPU_XLATE_ASID ? x.asid > MVC_ENTRYHI_ASID : x.asid) ||
	    x.gpa || x.valid || x.writable || x.mapped || x.view_used)
		return -EINVAL;
	if (x.view == MIPSVCPU_VIEW_CURRENT)
		kernel_view = mvc_current_view(vcpu) == MVC_VIEW_KERNEL;
	else
		kernel_view = x.view == MIPSVCPU_VIEW_KERNEL;
	asid = x.flags & MIPSVCPU_XLATE_ASID ? x.asid : mvc_guest_asid(vcpu);
	mvc_debug_translate(vcpu, kernel_view, asid, x.gva, &x);
	x.view_used = kernel_view ? MIPSVCPU_VIEW_KERNEL : MIPSVCPU_VIEW_USER;
	return copy_to_user(argp, &x, sizeof(x)) ? -EFAULT : 0;
}

/*
 * The step's break sits in memory every VCPU of the VM shares: another
 * VCPU could execute it (and take it for the guest's own break), and two
 * steps planting at one address could leave a break behind.  Until
 * plants are serialised VM-wide, a VM with more than one VCPU does not
 * step.
 */
static bool mvc_debug_may_step(struct mvc_vcpu *vcpu)
{
	return hweight32(READ_ONCE(vcpu->vm->vcpu_mask)) <= 1;
}

/**
 * mvc_debug_set() - MIPSVCPU_SET_GUEST_DEBUG
 * @vcpu: the VCPU; the caller holds its run_lock
 * @argp: struct mipsvcpu_guest_debug
 *
 * Return: 0, -EFAULT, -EINVAL, or -EBUSY for a single step while the VM
 * has more than one VCPU.
 */
long mvc_debug_set(struct mvc_vcpu *vcpu, void __user *argp)
{
	struct mipsvcpu_guest_debug arg;
	struct mvc_debug *d = &vcpu->dbg;

	if (copy_from_user(&arg, argp, sizeof(arg)))
		return -EFAULT;
	if (memchr_inv(arg.reserved, 0, sizeof(arg.reserved)) ||
	    arg.control & ~MIPSVCPU_GUESTDBG_VALID ||
	    (arg.control && !(arg.control & MIPSVCPU_GUESTDBG_ENABLE)) ||
	    (arg.control & MIPSVCPU_GUESTDBG_INJECT_BP && !d->break_exit))
		return -EINVAL;
	if (arg.control & MIPSVCPU_GUESTDBG_SINGLESTEP &&
	    !mvc_debug_may_step(vcpu))
		return -EBUSY;
	if (arg.control & MIPSVCPU_GUESTDBG_INJECT_BP) {
		d->break_exit = false;
		mvc_raise_exception(vcpu, MVC_EXC_BP);
	}
	d->control = arg.control & ~MIPSVCPU_GUESTDBG_INJECT_BP;
	if (!(d->control & MIPSVCPU_GUESTDBG_SINGLESTEP))
		d->stepping = false;
	return 0;
}

/* May the module write a break into this page of the guest's? */
static bool mvc_debug_may_patch(struct page *page, bool writable)
{
	if (is_zero_pfn(page_to_pfn(page)))
		return false;
	/*
	 * A read-only slot may be a file's page cache, shared with every
	 * reader: only the caller's own anonymous memory (vcpuctl's flash)
	 * is patched.
	 */
	return writable || (PageAnon(page) && PageAnonExclusive(page));
}

/* The one address where the instruction at PC hands over, or false. */
static bool mvc_debug_next_pc(struct mvc_vcpu *vcpu, u32 *next)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	u32 insn;

	/*
	 * An unreadable PC faults, and a coprocessor branch raises
	 * Coprocessor Unusable: either ends the step at the vector.
	 */
	if (mvc_read_guest_insn(vcpu, ctx->pc, &insn) ||
	    mvc_next_pc(insn, ctx->pc, ctx->gpr, next))
		return false;
	/* A branch to itself cannot be caught by a break at its target. */
	return *next != ctx->pc && !(*next & 3);
}

static void mvc_debug_poke(struct page *page, u32 off, u32 val)
{
	void *kaddr = kmap_local_page(page);
	unsigned long addr = (unsigned long)kaddr + off;

	WRITE_ONCE(*(u32 *)addr, val);
	/* Every CPU: the VCPU's thread may run on another one next. */
	flush_icache_range(addr, addr + 4);
	kunmap_local(kaddr);
	/*
	 * The guest fetches the word through another virtual address than
	 * the kernel's: where the I-cache has aliases, only flushing all of
	 * it reaches the guest's lines.
	 */
	if (current_cpu_data.icache.flags & MIPS_CACHE_ALIASES)
		__flush_cache_all();
}

/*
 * The page the guest fetches @gva from, as mvc_gpa_to_page() returns it
 * (NULL also when the fetch faults), with vcpu->fault_gpa set for a page
 * not pinned yet.
 */
static struct page *mvc_debug_page(struct mvc_vcpu *vcpu, u32 gva,
				   struct mipsvcpu_translation *x,
				   bool *writable)
{
	struct page *page;

	mvc_debug_translate(vcpu, mvc_current_view(vcpu) == MVC_VIEW_KERNEL,
			    mvc_guest_asid(vcpu), gva, x);
	if (!x->valid)
		return NULL;
	page = mvc_gpa_to_page(vcpu->vm, x->gpa, writable);
	if (IS_ERR(page))
		vcpu->fault_gpa = x->gpa;
	return page;
}

/**
 * __mvc_debug_plant() - before entering: plant the step's break
 * @vcpu: the VCPU, in RUN with slots_lock held and preemption off, a
 *	step under way and its break not planted (mvc_debug_plant())
 *
 * Return: 0, -EFAULT when the next instruction's page may not be
 * patched (a read-only slot that is not the caller's anonymous memory),
 * -EBUSY when another VCPU was created since stepping was set, or -EAGAIN
 * when the page of this instruction or the next is not pinned yet
 * (vcpu->fault_gpa: mvc_fault_in() it, then plant again).
 */
int __mvc_debug_plant(struct mvc_vcpu *vcpu)
{
	struct mvc_debug *d = &vcpu->dbg;
	struct mipsvcpu_translation x;
	struct page *page;
	bool writable;
	void *kaddr;
	u32 next;

	if (!mvc_debug_may_step(vcpu))
		return -EBUSY;
	/* Reading the instruction needs its page. */
	if (IS_ERR(mvc_debug_page(vcpu, vcpu->ctx->pc, &x, &writable)))
		return -EAGAIN;
	if (!mvc_debug_next_pc(vcpu, &next))
		return 0;
	page = mvc_debug_page(vcpu, next, &x, &writable);
	if (!page)
		return 0;	/* the fetch faults or is MMIO: the step ends */
	if (IS_ERR(page))
		return -EAGAIN;
	if (!mvc_debug_may_patch(page, writable))
		return -EFAULT;
	d->plant_page = page;
	d->plant_off = offset_in_page(x.gpa);
	d->plant_gva = next;
	kaddr = kmap_local_page(page);
	d->plant_saved = READ_ONCE(*(u32 *)(kaddr + d->plant_off));
	kunmap_local(kaddr);
	mvc_debug_poke(page, d->plant_off, MVC_STEP_BREAK);
	d->planted = true;
	return 0;
}

/**
 * __mvc_debug_unplant() - take the step's break out again
 * @vcpu: the VCPU, in RUN with slots_lock still held, the break planted
 *	(mvc_debug_unplant())
 *
 * A guest store that replaced the break meanwhile is left alone.
 */
void __mvc_debug_unplant(struct mvc_vcpu *vcpu)
{
	struct mvc_debug *d = &vcpu->dbg;
	void *kaddr;
	u32 now;

	d->planted = false;
	kaddr = kmap_local_page(d->plant_page);
	now = READ_ONCE(*(u32 *)(kaddr + d->plant_off));
	kunmap_local(kaddr);
	if (now == MVC_STEP_BREAK)
		mvc_debug_poke(d->plant_page, d->plant_off, d->plant_saved);
}

static enum mvc_action mvc_debug_exit(struct mvc_vcpu *vcpu, u32 reason,
				      u32 pc, u32 insn)
{
	struct mipsvcpu_run *run = vcpu->run;

	run->exit_reason = MIPSVCPU_EXIT_DEBUG;
	memset(&run->debug, 0, sizeof(run->debug));
	run->debug.reason = reason;
	run->debug.pc = pc;
	run->debug.insn = insn;
	run->debug.cause = vcpu->ctx->cause & MVC_CAUSE_BD;
	return MVC_USER;
}

/**
 * __mvc_debug_step_begin() - at the start of RUN: start or finish a step
 * @vcpu: the VCPU, in RUN (run_lock held), single-stepping
 *	(mvc_debug_step_begin())
 *
 * Return: true when the step already finished (an MMIO access ended RUN
 * and was completed since): run->exit_reason says so, RUN returns.
 */
bool __mvc_debug_step_begin(struct mvc_vcpu *vcpu)
{
	struct mvc_debug *d = &vcpu->dbg;

	if (d->stepping) {
		if (vcpu->ctx->pc == d->step_from &&
		    vcpu->stats.guest_exception == d->step_exceptions)
			return false;
		d->stepping = false;
		mvc_debug_exit(vcpu, MIPSVCPU_DEBUG_STEP, vcpu->ctx->pc, 0);
		return true;
	}
	d->stepping = true;
	d->step_from = vcpu->ctx->pc;
	d->step_exceptions = vcpu->stats.guest_exception;
	return false;
}

/**
 * mvc_debug_step_cancel() - forget a step under way
 * @vcpu: the VCPU, not running
 *
 * Userspace changed the VCPU's state: the next RUN steps from there, and
 * a PC that differs from the old step's start is not a finished step.
 */
void mvc_debug_step_cancel(struct mvc_vcpu *vcpu)
{
	vcpu->dbg.stepping = false;
}

/**
 * __mvc_debug_run_end() - RUN returns to userspace: is the step still on?
 * @vcpu: the VCPU, its run_lock held, a step under way
 *	(mvc_debug_run_end())
 * @ret: what RUN returns
 *
 * A step survives only an MMIO exit (the access ended it: the next RUN
 * reports it once the access is complete) or a return before the
 * instruction ran (nothing moved; the next RUN steps the same one).
 * Anything else (an -EFAULT, a signal, another exit) leaves no step
 * behind whose start a later PC would be compared with.
 */
void __mvc_debug_run_end(struct mvc_vcpu *vcpu, int ret)
{
	struct mvc_debug *d = &vcpu->dbg;

	if (!ret && vcpu->run->exit_reason == MIPSVCPU_EXIT_MMIO)
		return;
	if (ret != -EFAULT && ret != -EBUSY && vcpu->ctx->pc == d->step_from &&
	    vcpu->stats.guest_exception == d->step_exceptions)
		return;
	d->stepping = false;
}

/**
 * mvc_debug_break() - the guest executed a break
 * @vcpu: the VCPU, just out of the guest
 *
 * Return: MVC_USER for the step's own break or when userspace catches
 * breaks (MIPSVCPU_GUESTDBG_USE_SW_BP), else MVC_RESUME with the
 * Breakpoint exception delivered to the guest.
 */
enum mvc_action mvc_debug_break(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	struct mvc_debug *d = &vcpu->dbg;
	u32 pc = ctx->cause & MVC_CAUSE_BD ? ctx->pc + 4 : ctx->pc;
	u32 insn = 0;

	if (d->planted && pc == d->plant_gva) {
		d->stepping = false;
		return mvc_debug_exit(vcpu, MIPSVCPU_DEBUG_STEP, ctx->pc, 0);
	}
	if (!(d->control & MIPSVCPU_GUESTDBG_USE_SW_BP)) {
		mvc_raise_exception(vcpu, MVC_EXC_BP);
		return MVC_RESUME;
	}
	mvc_read_guest_insn(vcpu, pc, &insn);
	d->break_exit = true;
	return mvc_debug_exit(vcpu, MIPSVCPU_DEBUG_BREAK, pc, insn);
}

/**
 * __mvc_debug_after_exit() - did that exit finish the step?
 * @vcpu: the VCPU, its exit just handled, a step under way
 * @action: what the handler decided, not MVC_USER (mvc_debug_after_exit())
 *
 * Return: @action, or MVC_USER with a MIPSVCPU_DEBUG_STEP exit when the
 * instruction being stepped has finished.
 */
enum mvc_action __mvc_debug_after_exit(struct mvc_vcpu *vcpu,
				       enum mvc_action action)
{
	struct mvc_debug *d = &vcpu->dbg;

	if (vcpu->ctx->pc == d->step_from &&
	    vcpu->stats.guest_exception == d->step_exceptions)
		return action;
	d->stepping = false;
	return mvc_debug_exit(vcpu, MIPSVCPU_DEBUG_STEP, vcpu->ctx->pc, 0);
}
