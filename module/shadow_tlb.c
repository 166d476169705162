// SPDX-License-Identifier: GPL-2.0
/*
 * shadow_tlb.c - host TLB entries that implement the guest's view, and
 * the host ASIDs that tag them.
 *
 * Shadow entries live only in the hardware TLB: there is no shadow page
 * table.  Each guest view (kernel view, user view) of each VCPU has its
 * own host ASID, taken from Linux's own allocator: every view owns a
 * private mm_struct used for nothing but mm->context.asid[], handed to
 * get_new_mmu_context().  Linux never gives an ASID to two contexts
 * within one ASID generation and flushes the whole TLB when a generation
 * ends, so a shadow entry can only ever match its own view, and dropping
 * a view's ASID (forgetting the context) drops all of its entries at
 * once.  When taking an ASID starts a new generation, the host task's own
 * ASID is renewed before the host runs again (mvc_host_asid_renew()), so
 * no stale host ASID can meet a guest's.
 *
 * Entries for the guest-TLB-backed ranges are derived from the guest TLB
 * entry that covers the page and die with it: when the guest rewrites a
 * TLB entry, the host TLB is scanned for shadow entries of this VCPU in
 * the old and new entry's range and those are invalidated; when the guest
 * changes its current ASID, the user view's ASID is dropped and the
 * kernel view's mapped entries (0x40000000 and up) are invalidated.
 *
 * No user-view entry ever maps a page outside the VM's user window (the
 * half of a pair outside it stays invalid), so every user-mode access
 * there traps and becomes an address error; the window never changes
 * while a VCPU exists.
 */
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <asm/mmu_context.h>
#include <asm/mipsregs.h>
#include <asm/tlb.h>
#include <asm/pgtable.h>

#include "mipsvcpu.h"
#include "asid.h"
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
	if (mvc_asid_stale(mvc_asid_gen(cpu), cpu_context(cpu, mm)))
		get_new_mmu_context(mm);
	return cpu_asid(cpu, mm);
}

/**
 * mvc_host_asid_renew() - keep the host task's ASID in the current generation
 * @cpu: this CPU; interrupts are off
 *
 * Allocating an ASID for a guest view may start a new ASID generation
 * (Linux then flushes this CPU's TLB).  The task running the VCPU still
 * has its old-generation ASID in EntryHi, and that number may now be
 * handed out again, even to a guest view: give the task a new one now, as
 * a context switch would.
 *
 * Return: true if the host's ASID was renewed (which may itself have
 * started a generation).
 */
bool mvc_host_asid_renew(int cpu)
{
	struct mm_struct *mm = current->active_mm;

	lockdep_assert_irqs_disabled();
	if (!mvc_asid_stale(mvc_asid_gen(cpu), cpu_context(cpu, mm)))
		return false;
	check_switch_mmu_context(mm);
	return true;
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

/**
 * mvc_shadow_drop_view() - drop every shadow entry of one view
 * @vcpu: the VCPU, not running
 * @view: the view
 */
void mvc_shadow_drop_view(struct mvc_vcpu *vcpu, enum mvc_view view)
{
	int cpu;

	for_each_possible_cpu(cpu)
		set_cpu_context(cpu, vcpu->view_mm[view], 0);
}

/*
 * The TLB primitives of the VCPU's KSEG0 block (entry.S), which a refill
 * of the module's own text cannot interrupt halfway.
 */
typedef void (*mvc_tlbw_pair_fn)(u32 entryhi, u32 lo0, u32 lo1);
typedef void (*mvc_tlb_kill_fn)(u32 index, u32 entryhi);
typedef u32 (*mvc_tlb_read_fn)(u32 index, u32 *pagemask);

static void *mvc_world_fn(struct mvc_vcpu *vcpu, const char *sym)
{
	return vcpu->world + (sym - mvc_vectors_start);
}

/*
 * Invalidate host TLB entry @i: a unique KSEG0 VPN (never translated) with
 * ASID @asid, 4 KiB pages.  EntryHi and PageMask are the caller's.
 */
static void mvc_tlb_kill(struct mvc_vcpu *vcpu, int i, unsigned long asid)
{
	mvc_tlb_kill_fn kill = mvc_world_fn(vcpu, mvc_tlb_kill_offset);

	BUILD_BUG_ON(PM_DEFAULT_MASK != 0 || PM_4K != 0);
	kill(i, UNIQUE_ENTRYHI(i) | asid);
}

/**
 * mvc_shadow_invalidate() - invalidate this VCPU's shadow entries that
 *                           overlap a guest virtual range
 * @vcpu: the VCPU, on this CPU with interrupts off
 * @start: first guest virtual address
 * @end: last guest virtual address (inclusive)
 *
 * Scans the host TLB (entries past Wired) for entries tagged with either
 * view's ASID.  Entries on other CPUs need no scan: a VCPU that moves
 * takes new ASIDs (world.c).
 */
void mvc_shadow_invalidate(struct mvc_vcpu *vcpu, u32 start, u32 end)
{
	int cpu = smp_processor_id();
	u32 kasid = mvc_view_live_asid(vcpu, MVC_VIEW_KERNEL, cpu);
	u32 uasid = mvc_view_live_asid(vcpu, MVC_VIEW_USER, cpu);
	mvc_tlb_read_fn tlbr = mvc_world_fn(vcpu, mvc_tlb_read_offset);
	unsigned long old_entryhi, old_pagemask, asid;
	u32 asid_mask = cpu_asid_mask(&current_cpu_data);
	u32 hi, pm;
	bool written = false;
	u32 first, last;
	int i;

	/*
	 * Not lockdep's assertion alone: from preemptible context the scan
	 * would write this CPU's TLB under an interrupt's or a migration's
	 * feet (SET_CP0 once did so).
	 */
	if (WARN_ON_ONCE(!irqs_disabled()))
		return;
	if (kasid == ~0u && uasid == ~0u)
		return;
	htw_stop();
	old_entryhi = read_c0_entryhi();
	old_pagemask = read_c0_pagemask();
	for (i = read_c0_wired(); i < current_cpu_data.tlbsize; i++) {
		hi = tlbr(i, &pm);
		asid = hi & asid_mask;
		if (asid != kasid && asid != uasid)
			continue;
		first = hi & ~(pm | 0x1fffUL);
		last = first + (pm | 0x1fffUL);
		if (last < start || first > end)
			continue;
		mvc_tlb_kill(vcpu, i, 0);
		written = true;
	}
	/*
	 * QEMU's MIPS TLB keeps an entry that tlbwr replaced as a hidden
	 * "extra" translation, still used, until the next tlbwi that changes
	 * an entry's VPN, ASID or G (or takes V or D away), or a tlbp that
	 * matches it (target/mips tlb_helper.c, r4k_invalidate_tlb() with
	 * use_extra); the scan above cannot see those.  Make sure there was
	 * such a tlbwi: rewrite the first non-wired entry with an ASID other
	 * than the one it has, so that even an already unique entry changes.
	 * On hardware this costs one TLB entry.
	 */
	if (!written) {
		i = read_c0_wired();
		hi = tlbr(i, &pm);
		mvc_tlb_kill(vcpu, i, (hi + 1) & asid_mask);
	}
	write_c0_entryhi(old_entryhi);
	write_c0_pagemask(old_pagemask);
	mtc0_tlbw_hazard();
	htw_start();
}

/* Write one even/odd pair into the host TLB, replacing a stale one. */
static void mvc_tlb_write_pair(struct mvc_vcpu *vcpu, u32 entryhi, u32 lo0,
			       u32 lo1)
{
	mvc_tlbw_pair_fn tlbw = mvc_world_fn(vcpu, mvc_tlbw_pair_offset);

	lockdep_assert_irqs_disabled();
	htw_stop();
	tlbw(entryhi, lo0, lo1);
	htw_start();
}

static u32 mvc_entrylo(struct mvc_vm *vm, u32 gpa, u32 cca, bool dirty)
{
	struct page *page;
	bool writable;

	page = mvc_gpa_to_page(vm, gpa, &writable);
	/* MMIO, or RAM not pinned yet: invalid, so every access traps */
	if (IS_ERR_OR_NULL(page))
		return 0;
	return (u32)page_to_pfn(page) << ENTRYLO_PFN_SHIFT |
	       cca << ENTRYLO_C_SHIFT |
	       (writable && dirty ? ENTRYLO_D : 0) | ENTRYLO_V;
}

static u32 mvc_host_cca(bool cached)
{
	return cached ? (read_c0_config() & CONF_CM_CMASK) : CCA_UNCACHED;
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
 * that accesses to it trap as MMIO, and so is one not pinned yet.
 *
 * Return: 0, or -EINVAL if @gva is not in an unmapped segment.
 */
int mvc_shadow_map_unmapped(struct mvc_vcpu *vcpu, u32 gva)
{
	struct mvc_addr a;
	u32 base, cca, lo0, lo1, asid;

	mvc_classify(true, &vcpu->vm->uwin, gva, &a);
	if (a.mapped || a.seg == MVC_SEG_ADDRESS_ERROR)
		return -EINVAL;
	cca = mvc_host_cca(a.cache == MVC_CACHE_CACHED);
	base = a.gpa & ~(2 * PAGE_SIZE - 1);
	lo0 = mvc_entrylo(vcpu->vm, base, cca, true);
	lo1 = mvc_entrylo(vcpu->vm, base + PAGE_SIZE, cca, true);
	asid = mvc_view_asid(vcpu, MVC_VIEW_KERNEL, smp_processor_id());
	mvc_tlb_write_pair(vcpu, (gva & ~(2 * PAGE_SIZE - 1)) | asid, lo0, lo1);
	return 0;
}

/*
 * The shadow EntryLo of one 4 KiB host page in a guest-TLB-backed range of
 * @view.  A user-view page outside the user window is never mapped, even
 * as the other half of a pair whose first half is inside: an access to it
 * must trap and become an address error.
 */
static u32 mvc_mapped_entrylo(struct mvc_vcpu *vcpu, enum mvc_view view,
			      u32 va)
{
	struct mvc_tlb_hit hit;
	struct mvc_addr a;
	u32 c;

	mvc_classify(view == MVC_VIEW_KERNEL, &vcpu->vm->uwin, va, &a);
	if (!a.mapped)
		return 0;
	if (mvc_tlb_lookup(&vcpu->tlb, va, mvc_guest_asid(vcpu), &hit) < 0 ||
	    !(hit.lo & MVC_ENTRYLO_V))
		return 0;
	c = (hit.lo & MVC_ENTRYLO_C) >> MVC_ENTRYLO_C_SHIFT;
	return mvc_entrylo(vcpu->vm, hit.pa, mvc_host_cca(c != CCA_UNCACHED),
			   hit.lo & MVC_ENTRYLO_D);
}

/**
 * mvc_shadow_map_mapped() - install the shadow entry for a guest address
 *                           the guest TLB translates
 * @vcpu: the VCPU, on this CPU with interrupts off
 * @gva: the guest virtual address; the caller checked that the guest TLB
 *       maps it validly and, in the user view, that it is in the window
 *
 * Each 4 KiB half of the host pair is looked up on its own, so guest pages
 * of any size map to host pages; V and D come from the guest entry (D only
 * if the slot is writable), the cache attribute from its C field.  In the
 * user view, a half outside the user window stays invalid.
 */
void mvc_shadow_map_mapped(struct mvc_vcpu *vcpu, u32 gva)
{
	u32 base = gva & ~(2 * PAGE_SIZE - 1);
	enum mvc_view view = mvc_current_view(vcpu);
	u32 asid = mvc_view_asid(vcpu, view, smp_processor_id());

	mvc_tlb_write_pair(vcpu, base | asid,
			   mvc_mapped_entrylo(vcpu, view, base),
			   mvc_mapped_entrylo(vcpu, view, base + PAGE_SIZE));
}
