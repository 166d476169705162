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
 *   0x1200  the fast paths' register tables (GPR_READ, GPR_WRITE), then
 *           mvc_enter, the common exit path and the fast paths
 *   0x3e00  struct mvc_hw_ctx: guest GPRs and the host state to restore
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
#define MVC_CTX_OFFSET		0x3e00

/* How the guest left: which vector was taken. */
#define MVC_EXIT_KIND_REFILL	1
#define MVC_EXIT_KIND_GENERAL	2

/* Offsets in struct mvc_hw_ctx (checked against the C layout). */
#define HWC_GPR(n)		((n) * 4)
#define HWC_HI			0x80
#define HWC_LO			0x84
#define HWC_PC			0x88
#define HWC_CAUSE		0x8c
#define HWC_BADVADDR		0x90
#define HWC_EXIT_KIND		0x94
#define HWC_GUEST_STATUS	0x98
#define HWC_GUEST_ENTRYHI	0x9c
#define HWC_HOST_STATUS		0xa0
#define HWC_HOST_EBASE		0xa4
#define HWC_HOST_ENTRYHI	0xa8
#define HWC_HOST_HWRENA		0xac
#define HWC_GUEST_EBASE		0xb0
#define HWC_HOST_SP		0xb4
#define HWC_HOST_GP		0xb8
#define HWC_HOST_RA		0xbc
#define HWC_HOST_FP		0xc0
#define HWC_HOST_S(n)		(0xc4 + (n) * 4)
#define HWC_FAST_KVIEW		0xe4
#define HWC_FAST_CCA		0xe8
#define HWC_FAST_REFILLS	0xec
#define HWC_FAST_NSLOTS		0xf0
#define HWC_FAST_SLOTS		0xf4	/* MVC_FAST_SLOTS x { gpa, size, table } */
#define MVC_FAST_SLOTS		16
#define HWC_FAST_SLOT_SIZE	12
#define HWC_FAST_REFILL		0x1b4
#define HWC_FAST_EMUL		0x1b8
#define HWC_FAST_EMULATED	0x1bc
#define HWC_FAST_CP0		0x1c0
#define HWC_FAST_CLASS		0x1c4
#define HWC_FAST_WMASK		0x1c8
#define HWC_FAST_TLB		0x1cc
#define HWC_FAST_UASID		0x1d0
#define HWC_FAST_PENDING	0x1d4
#define HWC_FAST_UBASE		0x1d8
#define HWC_FAST_UEND		0x1dc
#define HWC_FAST_QUIET_UNTIL	0x1e0
#define HWC_FAST_KASID		0x1e4
#define HWC_FAST_EXCEPTIONS	0x1e8
#define HWC_FAST_IPAGE		0x1ec
#define HWC_FAST_IPAGE_K0	0x1f0
#define HWC_FAST_TLB_FAULTS	0x1f4
#define HWC_SIZE		0x1f8

/* The guest's CP0 registers as the fast paths read them: reg[8 * rd + sel]. */
#define GCP0(rd, sel)		(((rd) * 8 + (sel)) * 4)
#define GST_IE			0x1
#define GST_EXL			0x2
#define GST_ERL			0x4
#define GST_KSU			0x18
#define GST_IM			0xff00
#define GST_BEV_HI		0x0040	/* Status.BEV >> 16 */
#define GCAUSE_BD_CE_HI		0xb000	/* Cause.BD | Cause.CE, >> 16 */
#define GCAUSE_BD_HI		0x8000	/* Cause.BD >> 16 */
#define GCAUSE_EXC		0x007c
#define GUEST_BEV_BASE		0x3fc00200	/* stands for 0xbfc00200 */
#define GUEST_EBASE_MASK	0x3ffff000
#define GUEST_VEC_GENERAL	0x180
#define GCAUSE_TI_DC_HI		0x4800	/* Cause.TI | Cause.DC, >> 16 */
#define GCAUSE_DC_HI		0x0800	/* Cause.DC >> 16 */

/* struct mvc_hw_ctx.fast_emul: what the general vector may emulate. */
#define MVC_FAST_EMUL_COP0	0x1	/* mfc0, mtc0, di, ei, eret */
#define MVC_FAST_EMUL_CACHE	0x2	/* cache (the host's lines allow it) */
#define GUEST_LINE_IN_PAGE	0xff0	/* MVC_GUEST_CACHE_LINE's in 4 KiB */

/* MVC_CP0_FAST_* (cp0.h, which assembly cannot include). */
#define FAST_READ		0x1
#define FAST_WRITE		0x2
#define FAST_ENTRYHI		0x4
#define FAST_STATUS		0x8
#define FAST_READ_TIMER		0x10

/*
 * The guest TLB as the refill fast path reads it (struct mvc_guest_tlb
 * and struct mvc_tlb_entry, checked in world.c).
 */
#define GTLB_SIZE		0
#define GTLB_E			4
#define GTLBE_VPN2		0
#define GTLBE_ASID		4
#define GTLBE_PAGEMASK		8
#define GTLBE_GLOBAL		12	/* a bool: one byte */
#define GTLBE_LO0		16
#define GTLBE_LO1		20
#define GTLBE_SIZE		24

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
	u32 fast_kview;		/* in: 1 in the kernel view, 0 in the user view */
	u32 fast_cca;		/* in: the host's cacheable CCA << 3 */
	u32 fast_refills;	/* out: refills served in the vector */
	u32 fast_nslots;	/* in */
	struct {
		u32 gpa;
		u32 size;
		u32 table;	/* KSEG0 address of EntryLo values, or 0 */
	} fast_slot[MVC_FAST_SLOTS];
	u32 fast_refill;	/* in: 1 if refills may be served here */
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
	 * The page of the last instruction the CP0 path fetched (guest
	 * virtual >> 12; in: ~0, as nothing was fetched yet) and its KSEG0
	 * address: gKSEG0/gKSEG1 translate the same way while the guest
	 * runs, as its slots cannot change.
	 */
	u32 fast_ipage;
	u32 fast_ipage_k0;
	u32 fast_tlb_faults;	/* out: guest TLB exceptions delivered here */
};

/* The world switch, copied into each VCPU's page (entry.S). */
extern const char mvc_vectors_start[], mvc_vectors_end[];
extern const char mvc_enter_offset[];
#endif /* __ASSEMBLY__ */

#endif /* MVC_HW_CTX_H */
