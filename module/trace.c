// SPDX-License-Identifier: GPL-2.0
/*
 * trace.c - the guest refill handler's translation (trace_gen.h) put in
 * the VCPU's block.
 *
 * The vector asks for one (ctx->trace_want) when it delivers a guest user
 * mode TLB refill to a handler it has no translation of, or one whose
 * words changed; the run loop translates the handler's words as they are
 * at that exit (world.c, when it folds the vector's counts), interrupts
 * still off.
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
 * mvc_trace_sync() - make this CPU fetch the translation as it is
 * @vcpu: the VCPU, about to run on this CPU for the first time since it
 *        ran on another, which may have made the translation
 */
void mvc_trace_sync(struct mvc_vcpu *vcpu)
{
	unsigned long code = (unsigned long)vcpu->world + MVC_TRACE_OFFSET;

	local_flush_icache_range(code, code + 4 * MVC_TRACE_CODE_WORDS);
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

/* The physical memory KSEG0 reaches: what the vector can read. */
#define MVC_KSEG0_REACH		0x20000000u

/*
 * The KSEG0 address of the guest page at @gpa; ERR_PTR(-EAGAIN) when it
 * is not pinned yet, NULL when it is MMIO or beyond KSEG0 (the code reads
 * it there).
 */
static u32 *mvc_trace_page(struct mvc_vcpu *vcpu, u32 gpa)
{
	struct page *page;
	bool writable;

	page = mvc_gpa_to_page(vcpu->vm, gpa, &writable);
	if (IS_ERR(page))
		return ERR_CAST(page);
	if (!page || PageHighMem(page) ||
	    page_to_phys(page) >= MVC_KSEG0_REACH)
		return NULL;
	return page_address(page);
}

/**
 * mvc_trace_build() - translate the handler the vector asked for
 * @vcpu: the VCPU in its run loop: interrupts off, its VM's slots_lock
 *        held for reading (the page stays pinned while the slots stay)
 *
 * A handler in MMIO, beyond KSEG0, or on a host whose D-cache aliases
 * (the code reads guest memory through KSEG0, which would not see what
 * the guest wrote through its own mapping) is "translated" into a stop
 * at its first instruction: the guest runs it itself, and the vector
 * does not ask again until the slots change.  One not pinned yet is
 * asked for again at its next delivery (the guest's run of it pins it).
 * The I-cache is synchronised on this CPU only: mvc_trace_sync() does it
 * on the next one the VCPU runs on.
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
	/* Not pinned yet: the guest's own run of it pins it; ask again. */
	if (IS_ERR(page))
		return;
	if (!mvc_host.dc_no_aliases)
		page = NULL;
	t = kmalloc(sizeof(*t), GFP_ATOMIC | __GFP_NOWARN);
	if (!t)
		return;
	off = offset_in_page(va);
	/* No words to check or read: the trace is a stop at once. */
	in.n = page ? min_t(u32, MVC_TRACE_MAX_INSNS, (PAGE_SIZE - off) / 4) : 0;
	/* Once: another VCPU may write them meanwhile (the code checks). */
	for (i = 0; i < in.n; i++)
		words[i] = READ_ONCE(page[off / 4 + i]);
	in.insn = words;
	in.insn_k0 = page ? (u32)(unsigned long)(page + off / 4) : 0;
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
	local_flush_icache_range(code, code + 4 * t->ncode);
	vcpu->trace_pc = va;
	vcpu->trace_len = t->ninsns;
	vcpu->trace_complete = t->complete;
	vcpu->trace_builds++;
	kfree(t);
}
