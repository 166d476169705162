/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asid.h - what an entry asks of the host ASIDs (shadow_tlb.c has the
 * rest): inline, as the run loop asks it before every entry and after
 * every round, and a call each cost an MMIO exit 140 host instructions
 * (tools/qemu-profile).  Needs the host's <asm/mmu_context.h>.
 */
#ifndef MVC_ASID_H
#define MVC_ASID_H

#include <linux/irqflags.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>

#include "mipsvcpu.h"

/* An ASID context (cpu_context()) from before this CPU's generation. */
static inline bool mvc_asid_stale(u64 context, int cpu)
{
	return (context ^ asid_cache(cpu)) & asid_version_mask(cpu);
}

/**
 * mvc_view_live_asid() - a view's host ASID, if it has a current one
 * @vcpu: the VCPU
 * @view: the view
 * @cpu: this CPU; interrupts are off
 *
 * Return: the ASID on this CPU if the view has one in this generation,
 * else -1 (nothing is allocated).
 */
static inline long mvc_view_live_asid(struct mvc_vcpu *vcpu,
				      enum mvc_view view, int cpu)
{
	struct mm_struct *mm = vcpu->view_mm[view];

	if (!cpu_context(cpu, mm) || mvc_asid_stale(cpu_context(cpu, mm), cpu))
		return -1;
	return cpu_asid(cpu, mm);
}

/**
 * mvc_host_asid_check() - keep the host task's ASID in the generation
 * @cpu: this CPU; interrupts are off
 *
 * Return: true if it was stale and mvc_host_asid_renew() renewed it.
 */
static inline bool mvc_host_asid_check(int cpu)
{
	return mvc_asid_stale(cpu_context(cpu, current->active_mm), cpu) &&
	       mvc_host_asid_renew(cpu);
}

/**
 * mvc_entry_asids() - the host ASIDs an entry needs, in one look
 * @vcpu: the VCPU
 * @view: the guest's current view
 * @cpu: this CPU; interrupts are off
 * @uasid: set to the user view's live ASID, or ~0
 * @kasid: set to the kernel view's live ASID, or ~0
 *
 * If taking the view's ASID starts a new generation, the host task's own
 * ASID was just handed back: it is renewed (which cannot wrap again so
 * soon) and, if that did, the view's too.  While neither is stale, as
 * between most exits, nothing is called.
 *
 * Return: the ASID of @view, newly allocated if it had none in the
 * current generation.
 */
static inline u32 mvc_entry_asids(struct mvc_vcpu *vcpu, enum mvc_view view,
				  int cpu, u32 *uasid, u32 *kasid)
{
	struct mm_struct *mm = vcpu->view_mm[view];

	lockdep_assert_irqs_disabled();
	if (mvc_asid_stale(cpu_context(cpu, mm), cpu) ||
	    mvc_asid_stale(cpu_context(cpu, current->active_mm), cpu)) {
		mvc_view_asid(vcpu, view, cpu);
		if (mvc_host_asid_renew(cpu))
			mvc_view_asid(vcpu, view, cpu);
	}
	*uasid = mvc_view_live_asid(vcpu, MVC_VIEW_USER, cpu);
	*kasid = mvc_view_live_asid(vcpu, MVC_VIEW_KERNEL, cpu);
	return cpu_asid(cpu, mm);
}

#endif /* MVC_ASID_H */
