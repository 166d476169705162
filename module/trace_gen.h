/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace_gen.h - the guest's TLB refill handler translated into host code
 * that the refill vector runs in place of the handler's trips (pure;
 * trace_gen.c, trace.c).
 *
 * A guest user-mode TLB refill the vector delivers would send the guest
 * kernel to its refill handler, and each of the handler's mfc0, mtc0,
 * tlbwr and eret would trap back: six trips through the vector for a
 * Linux guest.  Instead, the vector runs a translation of the handler,
 * made by C from the handler's words at the first delivery and kept in
 * the VCPU's block (the "trace").  The translation is exact for what it
 * covers and stops where it does not:
 *
 *  - every guest word it was made from is compared with guest memory
 *    before it runs: a word that changed sends the guest to the handler
 *    natively and asks C for a new translation;
 *  - it covers straight-line code of: ALU instructions that cannot trap
 *    (re-encoded with host registers), lw from gKSEG0/gKSEG1 RAM (through
 *    the slot tables, per-site cached), mfc0/mtc0 of the registers the
 *    vector's CP0 path serves as plain data, tlbwi/tlbwr (the vector's
 *    own TLB write) and eret (the vector's own eret);
 *  - anything else, and anything the vector's TLB write or eret would
 *    give to C, ends it at that instruction: the guest goes on natively
 *    from there, in the state the instructions before left, which is
 *    what it would have been had they run natively.
 */
#ifndef MVC_TRACE_GEN_H
#define MVC_TRACE_GEN_H

#include "mvc_types.h"

/* The trace's place in the VCPU's 16 KiB block (hw_ctx.h) */
#define MVC_TRACE_OFFSET	0x3000	/* the code */
#define MVC_TRACE_CODE_WORDS	672
#define MVC_TRACE_MAX_INSNS	32	/* the refill vector's 0x80 bytes */
#define MVC_TRACE_MAX_SITES	16	/* loads, each with its cache */
#define MVC_TRACE_COPY		(MVC_TRACE_OFFSET + 4 * MVC_TRACE_CODE_WORDS)
#define MVC_TRACE_SITES		(MVC_TRACE_COPY + 4 * MVC_TRACE_MAX_INSNS)
#define MVC_TRACE_SITE_SIZE	8	/* tag, KSEG0 page */
#define MVC_TRACE_END		(MVC_TRACE_SITES + \
				 MVC_TRACE_SITE_SIZE * MVC_TRACE_MAX_SITES)
/*
 * The guest registers the refill vector keeps in the context's gpr[]
 * while a trace runs (fastpath.S's SAVE_SCRATCH, which the assembler
 * holds to this): at, v0, v1, a0-a3, t0-t9 and ra.
 */
#define MVC_TRACE_SAVED_GPRS	0x8300fffeu
/* A site's tag when it has none: bits 2-11 of a real tag are clear. */
#define MVC_TRACE_NO_TAG	0xffffffffu

/*
 * The code hands the vector's routines, in t9, where it stops: the index
 * of the guest instruction to go on from natively, and how many CP0
 * instructions it emulated before it.
 */
#define MVC_TRACE_STOP(i, n)	((n) << 8 | (i))

/* Where things are in the block, as offsets from its start. */
struct mvc_trace_layout {
	u32 gpr;		/* the guest's saved gpr[0] (struct mvc_hw_ctx) */
	u32 bail;		/* trace_bail: go on natively (t9 = the stop) */
	u32 changed;		/* trace_changed: a word changed */
	u32 xlate;		/* trace_xlate: a load site's cache missed */
	u32 tlbw;		/* trace_tlbw: tlbwi/tlbwr (t2 = the word) */
	u32 eret;		/* trace_eret */
};

/* What C read of the guest and of the VCPU's tables. */
struct mvc_trace_in {
	const u32 *insn;	/* the handler's words */
	unsigned int n;		/* how many (to its page's end, at most 32) */
	u32 insn_k0;		/* the KSEG0 address of insn[0] */
	const u8 *cls;		/* MVC_CP0_FAST_* of each CP0 register */
	const u32 *wmask;	/* and its write mask */
};

struct mvc_trace {
	u32 code[MVC_TRACE_CODE_WORDS];
	u32 copy[MVC_TRACE_MAX_INSNS];	/* the words it checks */
	unsigned int ncode;
	unsigned int ninsns;	/* translated: instructions before the stop */
	unsigned int nsites;
	bool complete;		/* ends with an eret, not a stop */
};

void mvc_trace_translate(const struct mvc_trace_in *in,
			 const struct mvc_trace_layout *l, struct mvc_trace *t);

#endif /* MVC_TRACE_GEN_H */
