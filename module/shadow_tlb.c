// SPDX-License-Identifier: GPL-2.0
/*
 * shadow_tlb.c - host TLB entries that implement the guest's view, and
 * the host ASIDs that tag them.
 *
 * Shadow entries live only in the hardware TLB: there is no shadow page
 * table.  Each guest view (kernel view, user view) of each VCPU has its
 * own host ASID, taken from Linux's own allocator: every view owns a
 * private mm_struct used for nothing but mm->context.asid[], handed to
 * get_new_mmu_context().  Linux never gives an ASID to two contexts within
 * one ASID generation and flushes the whole TLB when a generation ends, so
 * a shadow entry can only ever match its own view, and dropping a view's
 * ASID (forgetting the context) drops all of its entries at once.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/mmu_context.h>
#include <asm/mipsregs.h>
#include <asm/tlb.h>
#include <asm/pgtable.h>

#include "mipsvcpu.h"
#include "addrmap.h"

#define ENTRYLO_PFN_SHIFT	6
#define ENTRYLO_C_SHIFT		3
#define CCA_UNCACHED		2u

/**
 * mvc_alloc_view_mms() - the ASID holders of a new VCPU
 * @vcpu: the VCPU
 *
 * Return: 0 or -ENOMEM.
 */
int mvc_alloc_view_mms(struct mvc_vcpu *vcpu)
{
	int v;

	for (v = 0; v < MVC_NR_VIEWS; v++) {
		vcpu->view_mm[v] = kzalloc(sizeof(*vcpu->view_mm[v]),
					   GFP_KERNEL_ACCOUNT);
		if (!vcpu->view_mm[v])
			goto out_free;
	}
	return 0;

out_free:
	mvc_free_view_mms(vcpu);
	return -ENOMEM;
}

/**
 * mvc_free_view_mms() - release the ASID holders
 * @vcpu: the VCPU
 *
 * Their ASIDs simply stop being used; any shadow entry still tagged with
 * them can never match again before Linux's next full TLB flush.
 */
void mvc_free_view_mms(struct mvc_vcpu *vcpu)
{
	int v;

	for (v = 0; v < MVC_NR_VIEWS; v++) {
		kfree(vcpu->view_mm[v]);
		vcpu->view_mm[v] = NULL;
	}
}

/**
 * mvc_view_asid() - the host ASID of a guest view on this CPU
 * @vcpu: the VCPU
 * @view: the view
 * @cpu: this CPU; interrupts are off
 *
 * Return: the ASID, newly allocated if the view had none in the current
 * generation.
 */
u32 mvc_view_asid(struct mvc_vcpu *vcpu, enum mvc_view view, int cpu)
{
	struct mm_struct *mm = vcpu->view_mm[view];

	lockdep_assert_irqs_disabled();
	if ((cpu_context(cpu, mm) ^ asid_cache(cpu)) & asid_version_mask(cpu))
		get_new_mmu_context(mm);
	return cpu_asid(cpu, mm);
}

/**
 * mvc_shadow_flush_all() - drop every shadow entry of a VCPU
 * @vcpu: the VCPU, on this CPU with interrupts off
 *
 * Forgets the ASIDs of both views on every CPU; the next entry takes new
 * ones.
 */
void mvc_shadow_flush_all(struct mvc_vcpu *vcpu)
{
	int cpu, v;

	for (v = 0; v < MVC_NR_VIEWS; v++)
		for_each_possible_cpu(cpu)
			set_cpu_context(cpu, vcpu->view_mm[v], 0);
}

/* Write one even/odd pair into the host TLB, replacing a stale one. */
static void mvc_tlb_write_pair(u32 entryhi, u32 lo0, u32 lo1)
{
	unsigned long old_entryhi, old_pagemask;
	int idx;

	lockdep_assert_irqs_disabled();
	htw_stop();
	old_entryhi = read_c0_entryhi();
	old_pagemask = read_c0_pagemask();
	write_c0_entryhi(entryhi);
	write_c0_pagemask(PM_4K);
	mtc0_tlbw_hazard();
	tlb_probe();
	tlb_probe_hazard();
	idx = read_c0_index();
	write_c0_entrylo0(lo0);
	write_c0_entrylo1(lo1);
	mtc0_tlbw_hazard();
	if (idx < 0)
		tlb_write_random();
	else
		tlb_write_indexed();
	tlbw_use_hazard();
	write_c0_entryhi(old_entryhi);
	write_c0_pagemask(old_pagemask);
	mtc0_tlbw_hazard();
	htw_start();
}

static u32 mvc_entrylo(struct mvc_vm *vm, u32 gpa, u32 cca)
{
	struct page *page;
	bool writable;

	page = mvc_gpa_to_page(vm, gpa, &writable);
	if (!page)
		return 0;	/* MMIO: invalid, so every access traps */
	return (u32)page_to_pfn(page) << ENTRYLO_PFN_SHIFT |
	       cca << ENTRYLO_C_SHIFT | (writable ? ENTRYLO_D : 0) |
	       ENTRYLO_V;
}

/**
 * mvc_shadow_map_unmapped() - install the shadow entry for a gKSEG0 or
 *                             gKSEG1 address
 * @vcpu: the VCPU, on this CPU with interrupts off, in its kernel view
 * @gva: the guest virtual address that missed
 *
 * Maps the even/odd pair of guest pages around @gva to the host pages
 * that back them, cached for gKSEG0 and uncached for gKSEG1, writable
 * unless the slot is read-only.  A page no slot backs is left invalid, so
 * that accesses to it trap as MMIO.
 *
 * Return: 0, or -EINVAL if @gva is not in an unmapped segment.
 */
int mvc_shadow_map_unmapped(struct mvc_vcpu *vcpu, u32 gva)
{
	struct mvc_addr a;
	u32 base, cca, lo0, lo1, asid;

	mvc_classify(true, gva, &a);
	if (a.mapped || a.seg == MVC_SEG_ADDRESS_ERROR)
		return -EINVAL;
	cca = a.cache == MVC_CACHE_CACHED ?
	      (read_c0_config() & CONF_CM_CMASK) : CCA_UNCACHED;
	base = a.gpa & ~(2 * PAGE_SIZE - 1);
	lo0 = mvc_entrylo(vcpu->vm, base, cca);
	lo1 = mvc_entrylo(vcpu->vm, base + PAGE_SIZE, cca);
	asid = mvc_view_asid(vcpu, MVC_VIEW_KERNEL, smp_processor_id());
	mvc_tlb_write_pair((gva & ~(2 * PAGE_SIZE - 1)) | asid, lo0, lo1);
	return 0;
}
