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

/* This CPU's ASID generation and mask, read once for several contexts. */
struct mvc_asid_gen {
	u64 cache;		/* asid_cache(cpu) */
	u64 version_mask;	/* asid_version_mask(cpu) */
	u64 asid_mask;		/* cpu_asid_mask() */
};

static inline struct mvc_asid_gen mvc_asid_gen(int cpu)
{
	return (struct mvc_asid_gen){
		.cache = asid_cache(cpu),
		.version_mask = asid_version_mask(cpu),
		.asid_mask = cpu_asid_mask(&cpu_data[cpu]),
	};
}

/* An ASID context (cpu_context()) from before the generation @g. */
static inline bool mvc_asid_stale(struct mvc_asid_gen g, u64 context)
{
	return (context ^ g.cache) & g.version_mask;
}

/* The ASID of a context current in @g, else ~0 (none is allocated). */
static inline u32 mvc_asid_live(struct mvc_asid_gen g, u64 context)
{
	if (!context || mvc_asid_stale(g, context))
		return ~0u;
	return context & g.asid_mask;
}

/**
 * mvc_view_live_asid() - a view's host ASID, if it has a current one
 * @vcpu: the VCPU
 * @view: the view
 * @cpu: this CPU; interrupts are off
 *
 * Return: the ASID on this CPU if the view has one in this generation,
 * else ~0 (nothing is allocated).
 */
static inline u32 mvc_view_live_asid(struct mvc_vcpu *vcpu,
				     enum mvc_view view, int cpu)
{
	return mvc_asid_live(mvc_asid_gen(cpu),
			     cpu_context(cpu, vcpu->view_mm[view]));
}

/**
 * mvc_host_asid_check() - keep the host task's ASID in the generation
 * @cpu: this CPU; interrupts are off
 *
 * Return: true if it was stale and mvc_host_asid_renew() renewed it.
 */
static inline bool mvc_host_asid_check(int cpu)
{
	return mvc_asid_stale(mvc_asid_gen(cpu),
			      cpu_context(cpu, current->active_mm)) &&
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
 * between most exits, nothing is called and each context is read once.
 *
 * Return: the ASID of @view, newly allocated if it had none in the
 * current generation.
 */
static inline u32 mvc_entry_asids(struct mvc_vcpu *vcpu, enum mvc_view view,
				  int cpu, u32 *uasid, u32 *kasid)
{
	struct mm_struct *umm = vcpu->view_mm[MVC_VIEW_USER];
	struct mm_struct *kmm = vcpu->view_mm[MVC_VIEW_KERNEL];
	struct mvc_asid_gen g = mvc_asid_gen(cpu);
	u64 u = cpu_context(cpu, umm);
	u64 k = cpu_context(cpu, kmm);

	lockdep_assert_irqs_disabled();
	if (mvc_asid_stale(g, view == MVC_VIEW_USER ? u : k) ||
	    mvc_asid_stale(g, cpu_context(cpu, current->active_mm))) {
		mvc_view_asid(vcpu, view, cpu);
		if (mvc_host_asid_renew(cpu))
			mvc_view_asid(vcpu, view, cpu);
		g = mvc_asid_gen(cpu);
		u = cpu_context(cpu, umm);
		k = cpu_context(cpu, kmm);
	}
	*uasid = mvc_asid_live(g, u);
	*kasid = mvc_asid_live(g, k);
	return (view == MVC_VIEW_USER ? u : k) & g.asid_mask;
}

#endif /* MVC_ASID_H */
