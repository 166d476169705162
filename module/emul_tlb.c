// SPDX-License-Identifier: GPL-2.0
/*
 * emul_tlb.c - the guest's TLB seen from the host: host TLB misses and
 * faults on guest addresses (served by a shadow entry, turned into the
 * guest's own TLB exception, or MMIO), and the guest kernel's TLB
 * instructions with the shadow entries they invalidate.
 */
#include <linux/err.h>
#include <linux/minmax.h>

#include "mipsvcpu.h"
#include "decode.h"

/*
 * RAM the guest touches first: leave the inner loop, which cannot sleep,
 * to pin it (mvc_fault_in()); the guest then repeats the access.
 */
static enum mvc_action mvc_want_page(struct mvc_vcpu *vcpu, u32 gpa)
{
	vcpu->stats.fault_in++;
	vcpu->fault_gpa = gpa;
	return MVC_FAULT_IN;
}

/*
 * A guest-TLB-backed address missed or faulted in the host TLB: either
 * the guest's own TLB says why (deliver that exception) or the shadow
 * entry is installed (or the access is MMIO).
 */
static enum mvc_action mvc_handle_mapped(struct mvc_vcpu *vcpu, u32 exc,
					 u32 gva)
{
	bool store = exc != MVC_EXC_TLBL;
	struct mvc_tlb_hit hit;
	struct page *page;
	bool writable;

	if (mvc_tlb_lookup(&vcpu->tlb, gva, mvc_guest_asid(vcpu), &hit) < 0) {
		vcpu->stats.guest_tlb_fault++;
		mvc_raise_addr(vcpu, store ? MVC_EXC_TLBS : MVC_EXC_TLBL, gva,
			       true);
		return MVC_RESUME;
	}
	/* The vector would have delivered a refill for it: a broken index. */
	WARN_ON_ONCE(!mvc_tlb_may_match(&vcpu->tlb, gva));
	if (!(hit.lo & MVC_ENTRYLO_V)) {
		vcpu->stats.guest_tlb_fault++;
		mvc_raise_addr(vcpu, store ? MVC_EXC_TLBS : MVC_EXC_TLBL, gva,
			       false);
		return MVC_RESUME;
	}
	if (store && !(hit.lo & MVC_ENTRYLO_D)) {
		vcpu->stats.guest_tlb_fault++;
		mvc_raise_addr(vcpu, MVC_EXC_MOD, gva, false);
		return MVC_RESUME;
	}
	page = mvc_gpa_to_page(vcpu->vm, hit.pa, &writable);
	if (!page || (store && !writable))
		return mvc_emulate_mmio(vcpu, hit.pa);
	if (IS_ERR(page))
		return mvc_want_page(vcpu, hit.pa);
	vcpu->stats.shadow_refill++;
	mvc_shadow_map_mapped(vcpu, gva);
	return MVC_RESUME;
}

/**
 * mvc_handle_tlb() - a host TLB refill or TLB fault on a guest address
 * @vcpu: the VCPU, out of the guest
 * @exc: MVC_EXC_TLBL, TLBS or MOD, as the host CPU reported it
 *
 * An address error (the host's space, or in the user view outside the
 * user window, where no shadow entry ever maps a page), a gKSEG0/gKSEG1
 * shadow entry or MMIO, or the guest TLB decides.
 *
 * Return: what the run loop must do next.
 */
enum mvc_action mvc_handle_tlb(struct mvc_vcpu *vcpu, u32 exc)
{
	u32 gva = vcpu->ctx->badvaddr;
	struct mvc_addr a;
	struct page *page;
	bool writable;

	mvc_classify(mvc_current_view(vcpu) == MVC_VIEW_KERNEL, &vcpu->vm->uwin,
		     gva, &a);
	if (a.mapped)
		return mvc_handle_mapped(vcpu, exc, gva);
	if (a.seg == MVC_SEG_ADDRESS_ERROR) {
		mvc_raise_addr(vcpu, exc == MVC_EXC_TLBL ? MVC_EXC_ADEL :
				     MVC_EXC_ADES, gva, false);
		return MVC_RESUME;
	}
	page = mvc_gpa_to_page(vcpu->vm, a.gpa, &writable);
	/* A store to a read-only slot needs none of its memory. */
	if (!page || (exc != MVC_EXC_TLBL && !writable))
		return mvc_emulate_mmio(vcpu, a.gpa);
	if (IS_ERR(page))
		return mvc_want_page(vcpu, a.gpa);
	vcpu->stats.shadow_refill++;
	mvc_shadow_map_unmapped(vcpu, gva);
	return MVC_RESUME;
}

/**
 * mvc_guest_asid_changed() - the guest's current ASID changed
 * @vcpu: the VCPU, not running
 *
 * User-view shadow entries and the kernel view's mapped ones were derived
 * for the old one.
 */
void mvc_guest_asid_changed(struct mvc_vcpu *vcpu)
{
	mvc_shadow_drop_view(vcpu, MVC_VIEW_USER);
	mvc_shadow_invalidate(vcpu, MVC_GKSEG2_BASE, MVC_GUEST_VA_LIMIT - 1);
}

/* Forget shadow entries derived from guest TLB entry @index. */
static void mvc_invalidate_tlb_entry(struct mvc_vcpu *vcpu, u32 index)
{
	u32 start, end;

	mvc_tlb_range(&vcpu->tlb.e[index], &start, &end);
	if (start < MVC_GUEST_VA_LIMIT)
		mvc_shadow_invalidate(vcpu, start, min(end, MVC_GUEST_VA_LIMIT - 1));
}

static void mvc_emulate_tlbw(struct mvc_vcpu *vcpu, u32 index)
{
	const u32 *r = vcpu->cp0.reg;

	index %= vcpu->tlb.size;
	mvc_invalidate_tlb_entry(vcpu, index);
	mvc_tlb_write(&vcpu->tlb, index, r[MVC_CP0_ENTRYHI],
		      r[MVC_CP0_PAGEMASK], r[MVC_CP0_ENTRYLO0],
		      r[MVC_CP0_ENTRYLO1]);
	mvc_invalidate_tlb_entry(vcpu, index);
}

static void mvc_emulate_tlbr(struct mvc_vcpu *vcpu)
{
	u32 *r = vcpu->cp0.reg;
	u32 old_asid = mvc_guest_asid(vcpu);

	mvc_tlb_read(&vcpu->tlb, r[MVC_CP0_INDEX] % vcpu->tlb.size,
		     &r[MVC_CP0_ENTRYHI], &r[MVC_CP0_PAGEMASK],
		     &r[MVC_CP0_ENTRYLO0], &r[MVC_CP0_ENTRYLO1]);
	if (mvc_guest_asid(vcpu) != old_asid)
		mvc_guest_asid_changed(vcpu);
}

static void mvc_emulate_tlbp(struct mvc_vcpu *vcpu)
{
	u32 *index = &vcpu->cp0.reg[MVC_CP0_INDEX];
	int i = mvc_tlb_probe(&vcpu->tlb, vcpu->cp0.reg[MVC_CP0_ENTRYHI]);

	if (i < 0)
		*index |= 0x80000000u;
	else
		*index = i;
}

/**
 * mvc_emulate_tlb_op() - tlbr, tlbwi, tlbwr or tlbp of the guest kernel
 * @vcpu: the VCPU, out of the guest after the instruction trapped
 * @op: MVC_CO_TLB*
 * @pc: the instruction's address
 *
 * Return: MVC_RESUME, or MVC_USER after an internal error.
 */
enum mvc_action mvc_emulate_tlb_op(struct mvc_vcpu *vcpu, u32 op, u32 pc)
{
	if (mvc_skip_insn(vcpu))
		return mvc_delay_slot_error(vcpu, pc, 0);
	switch (op) {
	case MVC_CO_TLBR:
		mvc_emulate_tlbr(vcpu);
		break;
	case MVC_CO_TLBWI:
		mvc_emulate_tlbw(vcpu, vcpu->cp0.reg[MVC_CP0_INDEX]);
		break;
	case MVC_CO_TLBWR:
		mvc_emulate_tlbw(vcpu, mvc_vcpu_cp0_read(vcpu, MVC_CP0_RANDOM));
		break;
	default:
		mvc_emulate_tlbp(vcpu);
		break;
	}
	return MVC_RESUME;
}
