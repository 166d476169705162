// SPDX-License-Identifier: GPL-2.0
/*
 * asm-offsets.c - what entry.S knows of the C structures and constants,
 * generated: kbuild compiles this file to assembly and turns each
 * DEFINE() into a #define of asm-offsets.h (module/Kbuild), as the
 * kernel's own asm-offsets.c does.  No number here is typed by hand.
 */
#include <linux/build_bug.h>
#include <linux/kbuild.h>
#include <linux/limits.h>
#include <linux/log2.h>
#include <linux/stddef.h>

#include "mipsvcpu.h"
#include "decode.h"
#include "trace_gen.h"

#define CMMIO_Z_OFF	offsetof(struct mvc_cmmio_zones, z)
#define SLOTS_OFF	offsetof(struct mvc_hw_ctx, fast_slot)

#define CTX(sym, mem)	OFFSET(sym, mvc_hw_ctx, mem)
/* From the start of reg[], which is what fast_cp0 points at. */
#define GCP0(sym, id)	DEFINE(sym, (id) * sizeof(((struct mvc_cp0 *)0)->reg[0]))
/* A 32-bit mask as the immediate of a lui: its upper half. */
#define HI16(sym, val)	DEFINE(sym, (val) >> 16)

/* Never run: only compiled to assembly, as the kernel's are. */
int main(void)
{
	/* struct mvc_hw_ctx, at MVC_CTX_OFFSET in the VCPU's block */
	CTX(HWC_GPRS, gpr);
	CTX(HWC_HI, hi);
	CTX(HWC_LO, lo);
	CTX(HWC_PC, pc);
	CTX(HWC_CAUSE, cause);
	CTX(HWC_BADVADDR, badvaddr);
	CTX(HWC_EXIT_KIND, exit_kind);
	CTX(HWC_GUEST_STATUS, guest_status);
	CTX(HWC_GUEST_ENTRYHI, guest_entryhi);
	CTX(HWC_HOST_STATUS, host_status);
	CTX(HWC_HOST_EBASE, host_ebase);
	CTX(HWC_HOST_ENTRYHI, host_entryhi);
	CTX(HWC_HOST_HWRENA, host_hwrena);
	CTX(HWC_GUEST_EBASE, guest_ebase);
	CTX(HWC_HOST_SP, host_sp);
	CTX(HWC_HOST_GP, host_gp);
	CTX(HWC_HOST_RA, host_ra);
	CTX(HWC_HOST_FP, host_fp);
	CTX(HWC_HOST_S0, host_s);
	CTX(HWC_FAST_KVIEW, fast_kview);
	CTX(HWC_FAST_REFILL_END, fast_refill_end);
	CTX(HWC_FAST_CCA, fast_cca);
	CTX(HWC_FAST_REFILLS, fast_refills);
	CTX(HWC_FAST_NSLOTS, fast_nslots);
	CTX(HWC_FAST_SLOTS, fast_slot);
	DEFINE(HWC_FAST_SLOT_SIZE, sizeof(((struct mvc_hw_ctx *)0)->fast_slot[0]));
	DEFINE(SLOT_GPA, offsetof(struct mvc_hw_ctx, fast_slot[0].gpa) - SLOTS_OFF);
	DEFINE(SLOT_SIZE, offsetof(struct mvc_hw_ctx, fast_slot[0].size) - SLOTS_OFF);
	DEFINE(SLOT_TABLE, offsetof(struct mvc_hw_ctx, fast_slot[0].table) - SLOTS_OFF);
	CTX(HWC_FAST_EMUL, fast_emul);
	CTX(HWC_FAST_EMULATED, fast_emulated);
	CTX(HWC_FAST_CP0, fast_cp0);
	CTX(HWC_FAST_CLASS, fast_class);
	CTX(HWC_FAST_WMASK, fast_wmask);
	CTX(HWC_FAST_TLB, fast_tlb);
	CTX(HWC_FAST_UASID, fast_uasid);
	CTX(HWC_FAST_PENDING, fast_pending);
	CTX(HWC_FAST_UBASE, fast_ubase);
	CTX(HWC_FAST_UEND, fast_uend);
	CTX(HWC_FAST_QUIET_UNTIL, fast_quiet_until);
	CTX(HWC_FAST_KASID, fast_kasid);
	CTX(HWC_FAST_EXCEPTIONS, fast_exceptions);
	CTX(HWC_FAST_IPAGE, fast_ipage);
	CTX(HWC_FAST_IPAGE_K0, fast_ipage_k0);
	CTX(HWC_FAST_TLB_FAULTS, fast_tlb_faults);
	CTX(HWC_FAST_CMMIO, fast_cmmio);
	CTX(HWC_FAST_RING, fast_ring);
	CTX(HWC_FAST_RING_TAIL, fast_ring_tail);
	CTX(HWC_FAST_MMIO, fast_mmio);
	CTX(HWC_MMIO_INSN, mmio_insn);
	CTX(HWC_MMIO_GPA, mmio_gpa);
	CTX(HWC_FAST_COALESCED, fast_coalesced);
	CTX(HWC_TRACE_PC, trace_pc);
	CTX(HWC_TRACE_WANT, trace_want);
	CTX(HWC_FAST_TRACED, fast_traced);
	/* The trace's code (trace_gen.h) */
	DEFINE(TRACE_OFFSET, MVC_TRACE_OFFSET);
	DEFINE(TRACE_SAVED_GPRS, MVC_TRACE_SAVED_GPRS);
	BLANK();

	/* The guest's CP0 registers (struct mvc_cp0) the vector touches */
	GCP0(GCP0_INDEX, MVC_CP0_INDEX);
	GCP0(GCP0_ENTRYLO0, MVC_CP0_ENTRYLO0);
	GCP0(GCP0_ENTRYLO1, MVC_CP0_ENTRYLO1);
	GCP0(GCP0_CONTEXT, MVC_CP0_CONTEXT);
	GCP0(GCP0_PAGEMASK, MVC_CP0_PAGEMASK);
	GCP0(GCP0_WIRED, MVC_CP0_WIRED);
	GCP0(GCP0_BADVADDR, MVC_CP0_BADVADDR);
	GCP0(GCP0_ENTRYHI, MVC_CP0_ENTRYHI);
	GCP0(GCP0_STATUS, MVC_CP0_STATUS);
	GCP0(GCP0_CAUSE, MVC_CP0_CAUSE);
	GCP0(GCP0_EPC, MVC_CP0_EPC);
	GCP0(GCP0_EBASE, MVC_CP0_EBASE);
	GCP0(GCP0_ERROREPC, MVC_CP0_ERROREPC);
	BLANK();

	/* Status and Cause fields (cp0.h) */
	DEFINE(GST_IE, MVC_ST_IE);
	DEFINE(GST_EXL, MVC_ST_EXL);
	DEFINE(GST_ERL, MVC_ST_ERL);
	DEFINE(GST_KSU, MVC_ST_KSU);
	DEFINE(GST_IM, MVC_ST_IM);
	HI16(GST_BEV_HI, MVC_ST_BEV);
	HI16(GCAUSE_BD_HI, MVC_CAUSE_BD);
	HI16(GCAUSE_BD_CE_HI, MVC_CAUSE_BD | MVC_CAUSE_CE);
	HI16(GCAUSE_TI_DC_HI, MVC_CAUSE_TI | MVC_CAUSE_DC);
	HI16(GCAUSE_DC_HI, MVC_CAUSE_DC);
	DEFINE(GCAUSE_EXC, MVC_CAUSE_EXC);
	/* The guest's exception vectors (cp0.h) */
	DEFINE(GUEST_BEV_BASE, MVC_GUEST_BEV_BASE);
	DEFINE(GUEST_EBASE_MASK, MVC_GUEST_EBASE_MASK);
	DEFINE(GUEST_VEC_GENERAL, MVC_GUEST_VEC_GENERAL);
	/* The guest cache lines of a 4 KiB page, for the cache instruction */
	DEFINE(GUEST_LINE_IN_PAGE, 0xfff & ~(MVC_GUEST_CACHE_LINE - 1));
	BLANK();

	/* Instruction fields and exception codes the vector decodes (decode.h) */
	DEFINE(OP_COP0, MVC_OP_COP0);
	DEFINE(OP_CACHE, MVC_OP_CACHE);
	DEFINE(COP0_MT, MVC_COP0_MT);
	DEFINE(COP0_MFMC0, MVC_COP0_MFMC0);
	DEFINE(INSN_ERET, MVC_INSN_CO(MVC_CO_ERET));
	DEFINE(INSN_TLBP, MVC_INSN_CO(MVC_CO_TLBP));
	DEFINE(INSN_TLBWI, MVC_INSN_CO(MVC_CO_TLBWI));
	DEFINE(INSN_TLBWR, MVC_INSN_CO(MVC_CO_TLBWR));
	DEFINE(MFMC0_DIEI_MASK, MVC_MFMC0_DIEI_MASK);
	DEFINE(MFMC0_DIEI, MVC_MFMC0_DIEI);
	DEFINE(MFMC0_SC, MVC_MFMC0_SC);
	DEFINE(EXC_SYS, MVC_EXC_SYS);
	DEFINE(EXC_CPU, MVC_EXC_CPU);
	DEFINE(EXC_TLBS, MVC_EXC_TLBS);
	BLANK();

	/* MVC_CP0_FAST_*: the vector's classes of CP0 registers (cp0.h) */
	DEFINE(FAST_READ, MVC_CP0_FAST_READ);
	DEFINE(FAST_WRITE, MVC_CP0_FAST_WRITE);
	DEFINE(FAST_ENTRYHI, MVC_CP0_FAST_ENTRYHI);
	DEFINE(FAST_STATUS, MVC_CP0_FAST_STATUS);
	DEFINE(FAST_READ_TIMER, MVC_CP0_FAST_READ_TIMER);
	BLANK();

	/* The guest TLB (guest_tlb.h) */
	OFFSET(GTLB_SIZE, mvc_guest_tlb, size);
	OFFSET(GTLB_E, mvc_guest_tlb, e);
	OFFSET(GTLB_NLARGE, mvc_guest_tlb, nlarge);
	OFFSET(GTLB_BUCKET, mvc_guest_tlb, bucket);
	DEFINE(GTLB_BUCKET_BITS, ilog2(MVC_TLB_BUCKETS));	/* from VA bit 13 */
	DEFINE(GTLBE_SIZE, sizeof(struct mvc_tlb_entry));
	OFFSET(GTLBE_VPN2, mvc_tlb_entry, vpn2);
	OFFSET(GTLBE_ASID, mvc_tlb_entry, asid);
	OFFSET(GTLBE_PAGEMASK, mvc_tlb_entry, pagemask);
	OFFSET(GTLBE_GLOBAL, mvc_tlb_entry, global);
	OFFSET(GTLBE_LO0, mvc_tlb_entry, lo[0]);
	OFFSET(GTLBE_LO1, mvc_tlb_entry, lo[1]);
	BLANK();

	/* Coalesced MMIO: the VM's zones (cmmio.h) and the VCPU's ring */
	OFFSET(CMMIO_N, mvc_cmmio_zones, n);
	OFFSET(CMMIO_Z, mvc_cmmio_zones, z);
	DEFINE(CMMIO_Z_STRIDE, sizeof(((struct mvc_cmmio_zones *)0)->z[0]));
	DEFINE(CMMIO_Z_GPA, offsetof(struct mvc_cmmio_zones, z[0].gpa) - CMMIO_Z_OFF);
	DEFINE(CMMIO_Z_SIZE, offsetof(struct mvc_cmmio_zones, z[0].size) - CMMIO_Z_OFF);
	OFFSET(RING_HEAD, mipsvcpu_coalesced_ring, head);
	OFFSET(RING_TAIL, mipsvcpu_coalesced_ring, tail);
	OFFSET(RING_ENTRY, mipsvcpu_coalesced_ring, entry);
	DEFINE(RING_ENTRIES, MIPSVCPU_COALESCED_RING_SIZE);
	DEFINE(RING_ENTRY_SHIFT, ilog2(sizeof(struct mipsvcpu_coalesced_entry)));
	/* phys_addr is a __u64 the vector writes as two words */
	DEFINE(RE_PHYS_LO, offsetof(struct mipsvcpu_coalesced_entry, phys_addr) +
	       (IS_ENABLED(CONFIG_CPU_BIG_ENDIAN) ? 4 : 0));
	DEFINE(RE_PHYS_HI, offsetof(struct mipsvcpu_coalesced_entry, phys_addr) +
	       (IS_ENABLED(CONFIG_CPU_BIG_ENDIAN) ? 0 : 4));
	OFFSET(RE_DATA, mipsvcpu_coalesced_entry, data);
	OFFSET(RE_LEN, mipsvcpu_coalesced_entry, len);

	/* What the vector assumes of the types behind those offsets */
	BUILD_BUG_ON(sizeof(((struct mipsvcpu_coalesced_entry *)0)->phys_addr) != 8);
	BUILD_BUG_ON_NOT_POWER_OF_2(sizeof(struct mipsvcpu_coalesced_entry));
	BUILD_BUG_ON_NOT_POWER_OF_2(MIPSVCPU_COALESCED_RING_SIZE);
	BUILD_BUG_ON(sizeof(((struct mvc_tlb_entry *)0)->global) != 1);
	BUILD_BUG_ON(sizeof(((struct mvc_guest_tlb *)0)->bucket[0]) != 1);
	BUILD_BUG_ON(MVC_GUEST_TLB_MAX > U8_MAX);	/* a bucket's count */
	/* fast_tlbw computes an entry's offset as index * 8 + index * 16 */
	BUILD_BUG_ON(sizeof(struct mvc_tlb_entry) != 24);
	BUILD_BUG_ON(MVC_TLB_BUCKET(~0u) != MVC_TLB_BUCKETS - 1 ||
		     MVC_TLB_BUCKET(1u << 13) != 1);
	BUILD_BUG_ON(sizeof(((struct mvc_vcpu *)0)->pending) != 4);
	BUILD_BUG_ON(sizeof(((struct mvc_cp0 *)0)->reg[0]) != 4);
	/* fast_decode computes a register's id as 8 * rd + sel */
	BUILD_BUG_ON(MVC_CP0(1, 1) != 9 || MVC_CP0(31, 7) != 255);
	BUILD_BUG_ON(MVC_CTX_OFFSET + sizeof(struct mvc_hw_ctx) > MVC_PAGE_SIZE);
	BUILD_BUG_ON(MVC_VEC_INTERRUPT + 8 * 0x200 > MVC_CODE_OFFSET);
	return 0;
}
