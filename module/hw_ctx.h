/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hw_ctx.h - layout of a VCPU's world-switch page, shared by entry.S and C.
 *
 * Each VCPU owns a 16 KiB block of KSEG0 memory (unmapped, so nothing in it
 * can take a TLB miss).  While the guest runs, the CPU's EBase points at
 * it:
 *
 *   0x0000  TLB refill vector         (guest access missed the host TLB)
 *   0x0180  general exception vector
 *   0x0200  interrupt vector(s): 0x200 + n * IntCtl.VS for n = 0..7, each a
 *           branch to 0x180 (the host kernel may use vectored interrupts)
 *   0x1200  mvc_enter and the common exit path (entry.S), the TLB
 *           routines C calls (shadow_tlb.c), then the fast paths and
 *           their register tables (fastpath.S)
 *   0x3000  the guest refill handler's translation and its data
 *           (trace_gen.h: MVC_TRACE_OFFSET to MVC_TRACE_END), written
 *           by C (trace.c)
 *   0x3c00  struct mvc_hw_ctx: guest GPRs and the host state to restore
 *           (at the end of the block, to leave the code the most room)
 */
#ifndef MVC_HW_CTX_H
#define MVC_HW_CTX_H

#define MVC_PAGE_ORDER		2
#define MVC_PAGE_SIZE		0x4000
#define MVC_VEC_REFILL		0x000
#define MVC_VEC_GENERAL		0x180
#define MVC_VEC_INTERRUPT	0x200
#define MVC_CODE_OFFSET		0x1200
#define MVC_CTX_OFFSET		0x3c00

/* How the guest left: which vector was taken. */
#define MVC_EXIT_KIND_REFILL	1
#define MVC_EXIT_KIND_GENERAL	2
#define MVC_EXIT_KIND_MMIO	3	/* refill_mmio: mmio_insn, mmio_gpa */

/*
 * entry.S reads the offsets of struct mvc_hw_ctx, of the guest's CP0
 * registers and TLB, and the Status and Cause fields it tests, from
 * asm-offsets.h, which kbuild generates from the C definitions
 * (asm-offsets.c).  What is defined here is the block's own layout and
 * the constants both sides take from this one place.
 */
#define MVC_FAST_SLOTS		16

/* struct mvc_hw_ctx.fast_emul: what the vectors may emulate (and fast_mmio). */
#define MVC_FAST_EMUL_COP0	0x1	/* mfc0, mtc0, di, ei, eret */
#define MVC_FAST_EMUL_CACHE	0x2	/* cache (the host's lines allow it) */

#ifndef __ASSEMBLY__
#include <linux/types.h>

/*
 * The guest's registers while it is out, and what mvc_enter saved of the
 * host to come back to.  Lives at MVC_CTX_OFFSET in the VCPU's page.
 */
struct mvc_hw_ctx {
	u32 gpr[32];
	u32 hi;
	u32 lo;
	u32 pc;			/* in: where to enter; out: EPC */
	u32 cause;		/* out */
	u32 badvaddr;		/* out */
	u32 exit_kind;		/* out: MVC_EXIT_KIND_* */
	u32 guest_status;	/* in: host Status while the guest runs */
	u32 guest_entryhi;	/* in: host ASID of the guest's current view */
	u32 host_status;
	u32 host_ebase;
	u32 host_entryhi;
	u32 host_hwrena;
	u32 guest_ebase;	/* in: this page */
	u32 host_sp;
	u32 host_gp;
	u32 host_ra;
	u32 host_fp;
	u32 host_s[8];
	/*
	 * The fast paths (entry.S).  Refills of gKSEG0/gKSEG1, and of pages
	 * a guest TLB entry maps validly, are served in the vector from
	 * these copies of the VM's slots; mfc0, mtc0, di, ei and eret of the
	 * guest kernel are emulated in the vector when they need nothing
	 * but the guest's CP0 registers.
	 */
	/*
	 * in: the end, as a signed number, of the kernel view's addresses
	 * whose refill the vector serves from fast_slot[0] at once (entry.S):
	 * gKSEG1's base; or, when fast_refill is off, MVC_GUEST_VA_LIMIT,
	 * which no address is below.  Negative: refills are all C's.
	 */
	u32 fast_refill_end;
	/*
	 * in: fast_refill_end in the kernel view (the vector's delivery to
	 * that view stores it too), 0 in the user view
	 */
	u32 fast_kview;
	u32 fast_cca;		/* in: the host's cacheable CCA << 3 */
	u32 fast_refills;	/* out: refills served in the vector */
	u32 fast_nslots;	/* in */
	struct {
		u32 gpa;
		u32 size;
		u32 table;	/* KSEG0 address of its EntryLo values */
	} fast_slot[MVC_FAST_SLOTS];
	u32 fast_emul;		/* in: MVC_FAST_EMUL_*, what may be done here */
	u32 fast_emulated;	/* out: instructions emulated here */
	u32 fast_cp0;		/* in: KSEG0 address of the guest's CP0 reg[] */
	u32 fast_class;		/* in: ... of u8[256] MVC_CP0_FAST_* */
	u32 fast_wmask;		/* in: ... of u32[256] write masks */
	u32 fast_tlb;		/* in: ... of the guest TLB */
	u32 fast_uasid;		/* in: the user view's live host ASID, or ~0 */
	u32 fast_pending;	/* in: KSEG0 address of vcpu->pending */
	u32 fast_ubase;		/* in: the VM's user window, [base, end) */
	u32 fast_uend;
	/*
	 * in: the host Count value up to which no timer match can come
	 * (mvc_count_quiet_ticks()): Cause reads are served here until then
	 */
	u32 fast_quiet_until;
	u32 fast_kasid;		/* in: the kernel view's live host ASID, or ~0 */
	u32 fast_exceptions;	/* out: exceptions delivered here */
	/*
	 * The page of the last instruction a fast path fetched (EPC less
	 * its bits 2-11; ~0 when none was) and its KSEG0 address: gKSEG0
	 * and gKSEG1 translate the same way for as long as the VM's slots
	 * stay as they are (a page's table entry, once set, stays until its
	 * slot goes), so C resets it only when they change (or the VCPU
	 * moves to another CPU).
	 */
	u32 fast_ipage;
	u32 fast_ipage_k0;
	u32 fast_tlb_faults;	/* out: guest TLB exceptions delivered here */
	/*
	 * Coalesced MMIO (cmmio.c): a store of the guest kernel to a zone
	 * is appended to the ring here when C allows it (fast_cmmio).
	 */
	u32 fast_cmmio;		/* in: KSEG0 address of vm->cmmio, or 0 */
	u32 fast_ring;		/* in: ... of run->coalesced */
	u32 fast_ring_tail;	/* in/out: entries ever put in the ring */
	u32 fast_coalesced;	/* out: stores appended here */
	/*
	 * in: 1 when the refill vector may decide that an address no slot
	 * in fast_slot[] backs is MMIO (refill_mmio): fast_emul is on and
	 * every slot of the VM is in fast_slot[]
	 */
	u32 fast_mmio;
	/* out, with MVC_EXIT_KIND_MMIO: the access the vector decided on */
	u32 mmio_insn;		/* the instruction (not in a delay slot) */
	u32 mmio_gpa;		/* the guest physical address it reached */
	/*
	 * The guest's refill handler run from its translation (trace.c,
	 * trace_gen.h) at MVC_TRACE_OFFSET in this block.
	 */
	u32 trace_pc;		/* in: the handler it translates; ~0: off */
	u32 trace_want;		/* out: a handler to translate, or ~0 */
	u32 fast_traced;	/* out: handlers run from it */
};

/* The world switch, copied into each VCPU's page (entry.S). */
extern const char mvc_vectors_start[], mvc_vectors_end[];
extern const char mvc_enter_offset[];
extern const char mvc_tlbw_pair_offset[], mvc_tlb_kill_offset[],
		  mvc_tlb_read_offset[];
#endif /* __ASSEMBLY__ */

#endif /* MVC_HW_CTX_H */
