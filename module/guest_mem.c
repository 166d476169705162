// SPDX-License-Identifier: GPL-2.0
/*
 * guest_mem.c - the guest's memory as the guest sees it: a guest virtual
 * address translated in the current view (the address map, then the guest
 * TLB) to the pinned page behind it.
 *
 * For the emulation and the debugger, with the VCPU not running; bounded
 * and never sleeping, so usable with interrupts off.
 */
#include <linux/err.h>
#include <linux/highmem.h>
#include <linux/mm.h>

#include "mipsvcpu.h"

/* Guest virtual -> guest physical in the current view, or false. */
static bool mvc_translate(struct mvc_vcpu *vcpu, u32 gva, u32 *gpa)
{
	struct mvc_tlb_hit hit;
	struct mvc_addr a;

	mvc_classify(mvc_current_view(vcpu) == MVC_VIEW_KERNEL, &vcpu->vm->uwin,
		     gva, &a);
	if (a.seg == MVC_SEG_ADDRESS_ERROR)
		return false;
	if (!a.mapped) {
		*gpa = a.gpa;
		return true;
	}
	if (mvc_tlb_lookup(&vcpu->tlb, gva, mvc_guest_asid(vcpu), &hit) < 0 ||
	    !(hit.lo & MVC_ENTRYLO_V))
		return false;
	*gpa = hit.pa;
	return true;
}

/**
 * mvc_guest_page() - the page behind a guest virtual address
 * @vcpu: the VCPU, not running
 * @gva: the address, in the current view
 * @off: set to the offset of @gva in the page
 *
 * Return: the page, or NULL when @gva does not translate to memory or to
 * a page the guest has never touched (not pinned yet).  The guest has
 * executed the instructions the emulation reads, so their pages are
 * pinned; a cache operation on a page never touched has nothing to do.
 */
struct page *mvc_guest_page(struct mvc_vcpu *vcpu, u32 gva, u32 *off)
{
	struct page *page;
	bool writable;
	u32 gpa;

	if (!mvc_translate(vcpu, gva, &gpa))
		return NULL;
	*off = offset_in_page(gpa);
	page = mvc_gpa_to_page(vcpu->vm, gpa, &writable);
	return IS_ERR(page) ? NULL : page;
}

/**
 * mvc_read_guest_insn() - read an instruction as the guest would fetch it
 * @vcpu: the VCPU, not running; slots_lock held
 * @gva: its guest virtual address, in the current view
 * @insn: set to the word
 *
 * Return: 0, or -EFAULT when @gva does not translate to memory.
 */
int mvc_read_guest_insn(struct mvc_vcpu *vcpu, u32 gva, u32 *insn)
{
	struct page *page;
	void *kaddr;
	u32 off;

	if (gva & 3)
		return -EFAULT;
	page = mvc_guest_page(vcpu, gva, &off);
	if (!page)
		return -EFAULT;
	kaddr = kmap_local_page(page);	/* pinned pages may be highmem */
	*insn = READ_ONCE(*(u32 *)(kaddr + off));
	kunmap_local(kaddr);
	return 0;
}
