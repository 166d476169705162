// SPDX-License-Identifier: GPL-2.0
/*
 * trace.c - the guest refill handler's translation (trace_gen.h) put in
 * the VCPU's block.
 *
 * The vector asks for one (ctx->trace_want) when it delivers a guest user
 * mode TLB refill to a handler it has no translation of, or one whose
 * words changed; the run loop leaves its interrupts-off part for it
 * (world.c), and this translates the handler's words as they are now.
 * The translation depends on nothing else but the VCPU's CP0 classes
 * (fixed at reset) and the page holding the handler (pinned until its slot
 * goes): mvc_trace_reset() forgets it when either may have changed.
 */
#include <linux/highmem.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <asm/cacheflush.h>

#include "mipsvcpu.h"
#include "addrmap.h"
#include "trace_gen.h"

/* The vector's routines the code calls (fastpath.S). */
extern const char mvc_trace_bail_offset[], mvc_trace_changed_offset[],
		  mvc_trace_xlate_offset[], mvc_trace_tlbw_offset[],
		  mvc_trace_eret_offset[];

static u32 mvc_block_offset(const char *sym)
{
	return sym - mvc_vectors_start;
}

/**
 * mvc_trace_reset() - forget the translation
 * @vcpu: the VCPU, not running
 */
void mvc_trace_reset(struct mvc_vcpu *vcpu)
{
	vcpu->trace_pc = MVC_TRACE_NONE;
	vcpu->trace_len = 0;
	vcpu->trace_complete = false;
	vcpu->ctx->trace_want = ~0u;
}

/*
 * The KSEG0 address of the guest page at @gpa, or NULL when it is MMIO,
 * not pinned yet or beyond KSEG0 (the code reads it there).
 */
static u32 *mvc_trace_page(struct mvc_vcpu *vcpu, u32 gpa)
{
	struct page *page;
	bool writable;

	page = mvc_gpa_to_page(vcpu->vm, gpa, &writable);
	if (IS_ERR_OR_NULL(page) || PageHighMem(page) ||
	    page_to_phys(page) >= MVC_GKSEG1_BASE)
		return NULL;
	return page_address(page);
}

/**
 * mvc_trace_build() - translate the handler the vector asked for
 * @vcpu: the VCPU, not running; its VM's slots_lock held for reading;
 *        interrupts on (the I-cache is synchronised on every CPU)
 *
 * Nothing is translated for a handler that is not in RAM or ROM: the
 * vector then runs it natively, and asks again at its next delivery.
 */
void mvc_trace_build(struct mvc_vcpu *vcpu)
{
	const struct mvc_trace_layout layout = {
		.gpr = MVC_CTX_OFFSET + offsetof(struct mvc_hw_ctx, gpr),
		.bail = mvc_block_offset(mvc_trace_bail_offset),
		.changed = mvc_block_offset(mvc_trace_changed_offset),
		.xlate = mvc_block_offset(mvc_trace_xlate_offset),
		.tlbw = mvc_block_offset(mvc_trace_tlbw_offset),
		.eret = mvc_block_offset(mvc_trace_eret_offset),
	};
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	u32 va = ctx->trace_want, off, *sites, words[MVC_TRACE_MAX_INSNS];
	unsigned long code = (unsigned long)vcpu->world + MVC_TRACE_OFFSET;
	struct mvc_trace_in in;
	struct mvc_trace *t;
	unsigned int i;
	u32 *page;

	BUILD_BUG_ON(MVC_TRACE_END > MVC_CTX_OFFSET);
	ctx->trace_want = ~0u;
	/* The vector only asks for the kernel view's gKSEG0/gKSEG1. */
	if (va >= MVC_GKSEG2_BASE || va & 3)
		return;
	page = mvc_trace_page(vcpu, va & (MVC_UNMAPPED_SEG_SIZE - 1));
	if (!page)
		return;
	t = kmalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return;
	off = offset_in_page(va);
	in.n = min_t(u32, MVC_TRACE_MAX_INSNS, (PAGE_SIZE - off) / 4);
	/* Once: another VCPU may write them meanwhile (the code checks). */
	for (i = 0; i < in.n; i++)
		words[i] = READ_ONCE(page[off / 4 + i]);
	in.insn = words;
	in.insn_k0 = (u32)(unsigned long)(page + off / 4);
	in.cls = vcpu->fast_class;
	in.wmask = vcpu->fast_wmask;
	mvc_trace_translate(&in, &layout, t);

	memcpy((void *)code, t->code, 4 * t->ncode);
	memcpy(vcpu->world + MVC_TRACE_COPY, t->copy, sizeof(t->copy));
	sites = vcpu->world + MVC_TRACE_SITES;
	for (i = 0; i < MVC_TRACE_MAX_SITES; i++) {
		sites[2 * i] = MVC_TRACE_NO_TAG;
		sites[2 * i + 1] = 0;
	}
	flush_icache_range(code, code + 4 * t->ncode);
	vcpu->trace_pc = va;
	vcpu->trace_len = t->ninsns;
	vcpu->trace_complete = t->complete;
	vcpu->trace_builds++;
	kfree(t);
}
