// SPDX-License-Identifier: GPL-2.0
/*
 * emulate.c - what happens after the guest trapped: exit dispatch,
 * privileged instruction emulation, MMIO and exception delivery.
 *
 * Runs in the inner run loop with interrupts off: everything here is
 * bounded and never sleeps.  Guest memory is read through the kernel
 * mapping of the pinned page behind a guest physical address.  A store to
 * a coalesced MMIO zone (cmmio.c) goes into the VCPU's ring and the guest
 * resumes in the inner loop, without an exit to userspace.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>

#include "mipsvcpu.h"
#include "addrmap.h"
#include "cmmio.h"
#include "decode.h"

#define VEC_OFF_REFILL		0x000
#define VEC_OFF_GENERAL		GUEST_VEC_GENERAL
#define VEC_OFF_INTERRUPT	0x200

bool mvc_coalesced_mmio = true;
module_param_named(coalesced_mmio, mvc_coalesced_mmio, bool, 0644);
MODULE_PARM_DESC(coalesced_mmio, "stores to coalesced MMIO zones go to the VCPU's ring (default on)");

/**
 * mvc_current_view() - the guest's view, from its Status
 * @vcpu: the VCPU
 *
 * Return: MVC_VIEW_KERNEL or MVC_VIEW_USER.
 */
enum mvc_view mvc_current_view(const struct mvc_vcpu *vcpu)
{
	return mvc_kernel_view(vcpu->cp0.reg[MVC_CP0_STATUS]) ?
	       MVC_VIEW_KERNEL : MVC_VIEW_USER;
}

/**
 * mvc_guest_asid() - the guest's current ASID
 * @vcpu: the VCPU
 *
 * Return: EntryHi.ASID.
 */
u32 mvc_guest_asid(const struct mvc_vcpu *vcpu)
{
	return vcpu->cp0.reg[MVC_CP0_ENTRYHI] & MVC_ENTRYHI_ASID;
}

/**
 * mvc_internal_error() - give up on a VCPU, telling userspace why
 * @vcpu: the VCPU
 * @suberror: MIPSVCPU_INTERNAL_*
 * @pc: the guest PC of the instruction concerned
 * @insn: its encoding, or 0
 * @msg: a short reason
 *
 * The VCPU stays dead: every later RUN fails with EIO.
 *
 * Return: MVC_USER.
 */
enum mvc_action mvc_internal_error(struct mvc_vcpu *vcpu, u32 suberror,
				   u32 pc, u32 insn, const char *msg)
{
	struct mipsvcpu_run *run = vcpu->run;

	run->exit_reason = MIPSVCPU_EXIT_INTERNAL_ERROR;
	run->internal.suberror = suberror;
	run->internal.pc = pc;
	run->internal.insn = insn;
	run->internal.cause = vcpu->ctx->cause;
	strscpy(run->internal.message, msg, sizeof(run->internal.message));
	strscpy(vcpu->error, msg, sizeof(vcpu->error));
	return MVC_USER;
}

/* Guest virtual -> guest physical in the current view, or false. */
static bool mvc_translate(struct mvc_vcpu *vcpu, u32 gva, u32 *gpa)
{
	struct mvc_tlb_hit hit;
	struct mvc_addr a;

	mvc_classify(mvc_current_view(vcpu) == MVC_VIEW_KERNEL, &vcpu->vm->uwin,
		     gva, &a);
	if (a.seg == MVC_SEG_ADDRESS_ERROR)
		return false;
	if (!a.mapped) {
		*gpa = a.gpa;
		return true;
	}
	if (mvc_tlb_lookup(&vcpu->tlb, gva, mvc_guest_asid(vcpu), &hit) < 0 ||
	    !(hit.lo & MVC_ENTRYLO_V))
		return false;
	*gpa = hit.pa;
	return true;
}

/* Guest virtual -> the page backing it and the offset in it, or NULL. */
static struct page *mvc_guest_page(struct mvc_vcpu *vcpu, u32 gva, u32 *off)
{
	bool writable;
	u32 gpa;

	if (!mvc_translate(vcpu, gva, &gpa))
		return NULL;
	*off = offset_in_page(gpa);
	return mvc_gpa_to_page(vcpu->vm, gpa, &writable);
}

/**
 * mvc_read_guest_insn() - read an instruction as the guest would fetch it
 * @vcpu: the VCPU, not running; slots_lock held
 * @gva: its guest virtual address, in the current view
 * @insn: set to the word
 *
 * Return: 0, or -EFAULT when @gva does not translate to memory.
 */
int mvc_read_guest_insn(struct mvc_vcpu *vcpu, u32 gva, u32 *insn)
{
	struct page *page;
	void *kaddr;
	u32 off;

	if (gva & 3)
		return -EFAULT;
	page = mvc_guest_page(vcpu, gva, &off);
	if (!page)
		return -EFAULT;
	kaddr = kmap_local_page(page);	/* pinned pages may be highmem */
	*insn = READ_ONCE(*(u32 *)(kaddr + off));
	kunmap_local(kaddr);
	return 0;
}

static u32 mvc_trap_pc(const struct mvc_vcpu *vcpu)
{
	const struct mvc_hw_ctx *ctx = vcpu->ctx;

	return ctx->cause & MVC_CAUSE_BD ? ctx->pc + 4 : ctx->pc;
}

/* Continue at @pc: an instruction boundary, not a delay slot. */
static void mvc_set_pc(struct mvc_vcpu *vcpu, u32 pc)
{
	vcpu->ctx->pc = pc;
	vcpu->ctx->cause &= ~MVC_CAUSE_BD;
}

static void mvc_set_gpr(struct mvc_vcpu *vcpu, u32 reg, u32 val)
{
	if (reg)
		vcpu->ctx->gpr[reg] = val;
}

/*
 * Step past the instruction that trapped, finishing the branch when it sat
 * in a delay slot.  Called before the emulated instruction's own effects,
 * which is the order the CPU would have applied them in.
 */
static int mvc_skip_insn(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	struct mvc_branch br;
	u32 insn;

	if (!(ctx->cause & MVC_CAUSE_BD)) {
		mvc_set_pc(vcpu, ctx->pc + 4);
		return 0;
	}
	if (mvc_read_guest_insn(vcpu, ctx->pc, &insn) ||
	    mvc_eval_branch(insn, ctx->pc, ctx->gpr, &br))
		return -EFAULT;
	if (br.link_reg >= 0)
		mvc_set_gpr(vcpu, br.link_reg, ctx->pc + 8);
	mvc_set_pc(vcpu, br.next_pc);
	return 0;
}

/*
 * Deliver an exception to the guest as a MIPS32 CPU would: EPC and
 * Cause.BD unless EXL was already set, ExcCode and CE, EXL, and the vector
 * from BEV or EBase.  BadVAddr is the caller's business.
 */
static void mvc_raise(struct mvc_vcpu *vcpu, u32 exc, u32 ce, bool refill)
{
	struct mvc_cp0 *c = &vcpu->cp0;
	u32 status = c->reg[MVC_CP0_STATUS];
	u32 cause = c->reg[MVC_CP0_CAUSE];
	u32 base, off = VEC_OFF_GENERAL;

	if (!(status & MVC_ST_EXL)) {
		c->reg[MVC_CP0_EPC] = vcpu->ctx->pc;
		if (vcpu->ctx->cause & MVC_CAUSE_BD)
			cause |= MVC_CAUSE_BD;
		else
			cause &= ~MVC_CAUSE_BD;
		if (refill)
			off = VEC_OFF_REFILL;
	}
	if (exc == MVC_EXC_INT && (cause & MVC_CAUSE_IV))
		off = VEC_OFF_INTERRUPT;
	cause &= ~(MVC_CAUSE_EXC | MVC_CAUSE_CE);
	cause |= exc << MVC_CAUSE_EXC_SHIFT | ce << MVC_CAUSE_CE_SHIFT;
	c->reg[MVC_CP0_CAUSE] = cause;
	c->reg[MVC_CP0_STATUS] = status | MVC_ST_EXL;
	base = status & MVC_ST_BEV ? GUEST_BEV_BASE :
	       c->reg[MVC_CP0_EBASE] & GUEST_EBASE_MASK;
	mvc_set_pc(vcpu, base + off);
	vcpu->stats.guest_exception++;
}

/**
 * mvc_raise_exception() - deliver an exception without an address
 * @vcpu: the VCPU, not running
 * @exc: MVC_EXC_* (not a TLB or address error exception)
 *
 * At the PC as it is, with Cause.BD as the last exit left it.
 */
void mvc_raise_exception(struct mvc_vcpu *vcpu, u32 exc)
{
	mvc_raise(vcpu, exc, 0, false);
}

/* An address error or TLB exception: BadVAddr, and Context/EntryHi for TLB. */
static void mvc_raise_addr(struct mvc_vcpu *vcpu, u32 exc, u32 badvaddr,
			   bool refill)
{
	struct mvc_cp0 *c = &vcpu->cp0;

	c->reg[MVC_CP0_BADVADDR] = badvaddr;
	if (exc == MVC_EXC_MOD || exc == MVC_EXC_TLBL || exc == MVC_EXC_TLBS) {
		c->reg[MVC_CP0_CONTEXT] = (c->reg[MVC_CP0_CONTEXT] & 0xff800000u) |
					  ((badvaddr >> 9) & 0x007ffff0u);
		c->reg[MVC_CP0_ENTRYHI] = (badvaddr & 0xffffe000u) |
					  (c->reg[MVC_CP0_ENTRYHI] & 0xffu);
	}
	mvc_raise(vcpu, exc, 0, refill);
}

/**
 * mvc_odd_pc_fault() - an odd PC is an address error, as on the guest's CPU
 * @vcpu: the VCPU, about to be entered or just out of the guest
 *
 * Bit 0 of a PC selects MIPS16e (or microMIPS) on hosts that have it, and
 * QEMU's 24Kc and 34Kf do; the guest's CPU has neither (Config1.CA and
 * Config3.ISA are 0), and there fetching from an odd address raises AdEL
 * with EPC = BadVAddr = the address.  Before every entry this catches an
 * eret and a jump the module finished (and a PC from SET_REGS); the
 * vector's fast eret leaves odd targets to C.  A jump the guest executes
 * itself cannot be stopped: such a host runs MIPS16e code from the target
 * until the next exit (a trap, or the next host interrupt at the latest),
 * which finds the ISA bit in EPC and raises the address error there.
 *
 * Return: true when the address error was raised.
 */
bool mvc_odd_pc_fault(struct mvc_vcpu *vcpu)
{
	u32 pc = vcpu->ctx->pc;

	if (!(pc & 1))
		return false;
	mvc_set_pc(vcpu, pc);	/* the fetch is not in a delay slot */
	mvc_raise_addr(vcpu, MVC_EXC_ADEL, pc, false);
	return true;
}

/* Is an enabled interrupt pending for the guest? */
static bool mvc_guest_irq_pending(struct mvc_vcpu *vcpu)
{
	u32 status = vcpu->cp0.reg[MVC_CP0_STATUS];

	mvc_sync_irqs(vcpu);
	if (!(status & MVC_ST_IE) || (status & (MVC_ST_EXL | MVC_ST_ERL)))
		return false;
	return vcpu->cp0.reg[MVC_CP0_CAUSE] & status & MVC_CAUSE_IP;
}

/**
 * mvc_deliver_pending_irq() - take a pending guest interrupt, if enabled
 * @vcpu: the VCPU, about to be entered
 */
void mvc_deliver_pending_irq(struct mvc_vcpu *vcpu)
{
	if (mvc_guest_irq_pending(vcpu)) {
		vcpu->stats.guest_irq++;
		mvc_raise(vcpu, MVC_EXC_INT, 0, false);
	}
}

/* Complete a load from MMIO with the data userspace supplied. */
void mvc_complete_mmio(struct mvc_vcpu *vcpu)
{
	struct mvc_pending_mmio *m = &vcpu->mmio;
	u32 data = vcpu->run->mmio.data;

	if (m->size == 1)
		data = m->sign_extend ? (u32)(s32)(s8)data : (u8)data;
	else if (m->size == 2)
		data = m->sign_extend ? (u32)(s32)(s16)data : (u16)data;
	mvc_set_gpr(vcpu, m->rt, data);
	m->pending = false;
}

/*
 * A store to a coalesced zone: append it to the VCPU's ring, if the ring
 * has room by a head read now (userspace may have drained since the last
 * store).  The entry is complete before the tail that publishes it.
 */
static bool mvc_coalesce(struct mvc_vcpu *vcpu, u32 gpa, u32 len, u32 data)
{
	struct mipsvcpu_coalesced_ring *ring = &vcpu->run->coalesced;
	u32 *tail = &vcpu->ctx->fast_ring_tail;	/* shared with the vector */
	u32 head;

	/* Free-running u32 counters index it modulo its size. */
	BUILD_BUG_ON_NOT_POWER_OF_2(MIPSVCPU_COALESCED_RING_SIZE);
	if (!READ_ONCE(mvc_coalesced_mmio) ||
	    !mvc_cmmio_covers(&vcpu->vm->cmmio, gpa, len))
		return false;
	/* Pairs with userspace's release of the head: it has read those. */
	head = smp_load_acquire(&ring->head);
	if (!mvc_cmmio_room(*tail, head))
		return false;
	*tail = mvc_cmmio_put(ring, *tail, gpa, len, data);
	/* Pairs with userspace's acquire of the tail: the entry first. */
	smp_store_release(&ring->tail, *tail);
	vcpu->stats.mmio_coalesced++;
	return true;
}

static enum mvc_action mvc_emulate_mmio(struct mvc_vcpu *vcpu, u32 gpa)
{
	struct mipsvcpu_run *run = vcpu->run;
	u32 pc = mvc_trap_pc(vcpu);
	struct mvc_mem_op op;
	u32 insn, data;

	if (mvc_read_guest_insn(vcpu, pc, &insn))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, 0,
					  "instruction fetch from unbacked memory");
	if (mvc_decode_mem(insn, &op) || op.unsupported)
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_MMIO_INSN, pc,
					  insn, "unsupported MMIO access");
	data = vcpu->ctx->gpr[op.rt];
	if (op.size < 4)
		data &= (1u << (8 * op.size)) - 1;
	if (mvc_skip_insn(vcpu))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH,
					  vcpu->ctx->pc, 0,
					  "cannot read the branch of a delay slot");
	if (op.store && mvc_coalesce(vcpu, gpa, op.size, data))
		return MVC_RESUME;
	vcpu->stats.mmio++;
	run->exit_reason = MIPSVCPU_EXIT_MMIO;
	memset(&run->mmio, 0, sizeof(run->mmio));
	run->mmio.phys_addr = gpa;
	run->mmio.len = op.size;
	run->mmio.is_write = op.store;
	if (op.store) {
		run->mmio.data = data;
	} else {
		vcpu->mmio.pending = true;
		vcpu->mmio.rt = op.rt;
		vcpu->mmio.size = op.size;
		vcpu->mmio.sign_extend = op.sign_extend;
	}
	return MVC_USER;
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
	vcpu->stats.shadow_refill++;
	mvc_shadow_map_mapped(vcpu, gva);
	return MVC_RESUME;
}

/*
 * A host TLB refill or TLB fault on a guest address: an address error (the
 * host's space, or in the user view outside the user window, where no
 * shadow entry ever maps a page), a gKSEG0/gKSEG1 shadow entry or MMIO, or
 * the guest TLB decides.
 */
static enum mvc_action mvc_handle_tlb(struct mvc_vcpu *vcpu, u32 exc)
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
	if (!page || (exc == MVC_EXC_MOD && !writable))
		return mvc_emulate_mmio(vcpu, a.gpa);
	vcpu->stats.shadow_refill++;
	mvc_shadow_map_unmapped(vcpu, gva);
	return MVC_RESUME;
}

/*
 * The guest's current ASID changed: user-view shadow entries and the
 * kernel view's mapped ones were derived for the old one.
 */
static void mvc_guest_asid_changed(struct mvc_vcpu *vcpu)
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
 * mvc_guest_read_cp0() - what the guest's mfc0 reads now
 * @vcpu: the VCPU, not running (its RUN thread, or a holder of run_lock)
 * @id: 8 * rd + sel
 *
 * Count and Random from the time, Cause with the interrupt lines and a
 * timer match brought up to date (timer.c), the rest from the register
 * file.  MIPSVCPU_GET_CP0 reads the same.
 *
 * Return: the value.
 */
u32 mvc_guest_read_cp0(struct mvc_vcpu *vcpu, u32 id)
{
	struct mvc_cp0 *c = &vcpu->cp0;
	u32 wired, span;

	switch (id) {
	case MVC_CP0_COUNT:
		return mvc_read_count(vcpu);
	case MVC_CP0_CAUSE:
		return mvc_read_cause(vcpu);
	case MVC_CP0_RANDOM:
		wired = c->reg[MVC_CP0_WIRED];
		span = c->tlb_size - wired;
		return wired + (span ? mvc_guest_count(vcpu) % span : 0);
	}
	return mvc_cp0_read(c, id);
}

static void mvc_write_cp0(struct mvc_vcpu *vcpu, u32 id, u32 val)
{
	u32 old_cause = vcpu->cp0.reg[MVC_CP0_CAUSE];
	unsigned int fx;

	if (id == MVC_CP0_COUNT) {
		mvc_set_count(vcpu, val);
		return;
	}
	fx = mvc_cp0_write(&vcpu->cp0, id, val);
	if (id == MVC_CP0_CAUSE)
		mvc_cause_written(vcpu, old_cause);
	if (fx & MVC_CP0_FX_ASID)
		mvc_guest_asid_changed(vcpu);
	if (fx & MVC_CP0_FX_COMPARE)
		mvc_timer_rearm(vcpu);
}

static enum mvc_action mvc_emulate_tlb_op(struct mvc_vcpu *vcpu, u32 op,
					  u32 pc)
{
	if (mvc_skip_insn(vcpu))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, 0,
					  "cannot read the branch of a delay slot");
	switch (op) {
	case MVC_CO_TLBR:
		mvc_emulate_tlbr(vcpu);
		break;
	case MVC_CO_TLBWI:
		mvc_emulate_tlbw(vcpu, vcpu->cp0.reg[MVC_CP0_INDEX]);
		break;
	case MVC_CO_TLBWR:
		mvc_emulate_tlbw(vcpu, mvc_guest_read_cp0(vcpu, MVC_CP0_RANDOM));
		break;
	default:
		mvc_emulate_tlbp(vcpu);
		break;
	}
	return MVC_RESUME;
}

static enum mvc_action mvc_emulate_cop0(struct mvc_vcpu *vcpu, u32 insn,
					u32 pc)
{
	struct mvc_cp0 *c = &vcpu->cp0;
	u32 id = MVC_CP0(MVC_RD(insn), MVC_SEL(insn));
	u32 rt = MVC_RT(insn);
	u32 val, status;

	switch (MVC_RS(insn)) {
	case MVC_COP0_MF:
		val = mvc_guest_read_cp0(vcpu, id);
		if (mvc_skip_insn(vcpu))
			break;
		mvc_set_gpr(vcpu, rt, val);
		return MVC_RESUME;
	case MVC_COP0_MT:
		val = vcpu->ctx->gpr[rt];
		if (mvc_skip_insn(vcpu))
			break;
		mvc_write_cp0(vcpu, id, val);
		return MVC_RESUME;
	case MVC_COP0_MFMC0:	/* di, ei */
		if ((insn & 0xffdf) != 0x6000)
			goto unhandled;
		status = c->reg[MVC_CP0_STATUS];
		if (mvc_skip_insn(vcpu))
			break;
		mvc_set_gpr(vcpu, rt, status);
		if (insn & 0x20)
			c->reg[MVC_CP0_STATUS] = status | MVC_ST_IE;
		else
			c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_IE;
		return MVC_RESUME;
	case MVC_COP0_CO:
		switch (MVC_FUNCT(insn)) {
		case MVC_CO_ERET:
			status = c->reg[MVC_CP0_STATUS];
			if (status & MVC_ST_ERL) {
				mvc_set_pc(vcpu, c->reg[MVC_CP0_ERROREPC]);
				c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_ERL;
			} else {
				mvc_set_pc(vcpu, c->reg[MVC_CP0_EPC]);
				c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_EXL;
			}
			return MVC_RESUME;
		case MVC_CO_TLBR:
		case MVC_CO_TLBWI:
		case MVC_CO_TLBWR:
		case MVC_CO_TLBP:
			return mvc_emulate_tlb_op(vcpu, MVC_FUNCT(insn), pc);
		case MVC_CO_WAIT:
			if (mvc_skip_insn(vcpu))
				break;
			return mvc_guest_irq_pending(vcpu) ? MVC_RESUME :
							      MVC_WAIT;
		}
		goto unhandled;
	default:
		goto unhandled;
	}
	return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, insn,
				  "cannot read the branch of a delay slot");
unhandled:
	return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_UNHANDLED_INSN, pc,
				  insn, "privileged instruction not emulated");
}

/*
 * cache: never executed natively (its address is the guest's).  Hit-type
 * operations on guest memory write back the D-cache and invalidate the
 * I-cache for that line through the kernel mapping; index operations
 * have no guest-visible effect on a host that keeps caches coherent for
 * the guest's accesses, and are skipped.
 */
static enum mvc_action mvc_emulate_cache(struct mvc_vcpu *vcpu, u32 insn,
					 u32 pc)
{
	u32 gva = vcpu->ctx->gpr[MVC_RS(insn)] + MVC_SIMM(insn);
	u32 op = MVC_RT(insn);
	struct page *page;
	unsigned long line;
	void *kaddr;
	u32 off;

	if ((op >> 2) >= 4) {	/* the Hit_* operations */
		page = mvc_guest_page(vcpu, gva, &off);
		if (page) {
			kaddr = kmap_local_page(page);
			line = (unsigned long)kaddr +
			       (off & ~(MVC_GUEST_CACHE_LINE - 1));
			local_flush_icache_range(line, line + MVC_GUEST_CACHE_LINE);
			kunmap_local(kaddr);
		}
	}
	if (mvc_skip_insn(vcpu))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc,
					  insn, "cannot read the branch of a delay slot");
	return MVC_RESUME;
}

/* Coprocessor Unusable: privileged instructions of the guest kernel. */
static enum mvc_action mvc_handle_cpu(struct mvc_vcpu *vcpu)
{
	u32 ce = (vcpu->ctx->cause & MVC_CAUSE_CE) >> MVC_CAUSE_CE_SHIFT;
	u32 pc = mvc_trap_pc(vcpu);
	u32 insn;

	if (ce || mvc_current_view(vcpu) == MVC_VIEW_USER) {
		/* No FPU or COP2 in the guest; no CP0 for guest user mode. */
		mvc_raise(vcpu, MVC_EXC_CPU, ce, false);
		return MVC_RESUME;
	}
	if (mvc_read_guest_insn(vcpu, pc, &insn))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, 0,
					  "cannot read the trapping instruction");
	vcpu->stats.emulated++;
	switch (MVC_OP(insn)) {
	case MVC_OP_COP0:
		return mvc_emulate_cop0(vcpu, insn, pc);
	case MVC_OP_CACHE:
		return mvc_emulate_cache(vcpu, insn, pc);
	}
	return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_UNHANDLED_INSN, pc,
				  insn, "privileged instruction not emulated");
}

/* Reserved Instruction: rdhwr (HWREna is 0 while a guest runs), or real. */
static enum mvc_action mvc_handle_ri(struct mvc_vcpu *vcpu)
{
	struct mvc_cp0 *c = &vcpu->cp0;
	u32 pc = mvc_trap_pc(vcpu);
	u32 insn, rd, val;

	if (mvc_read_guest_insn(vcpu, pc, &insn))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, 0,
					  "cannot read the trapping instruction");
	rd = MVC_RD(insn);
	if (MVC_OP(insn) != MVC_OP_SPECIAL3 ||
	    MVC_FUNCT(insn) != MVC_SPECIAL3_RDHWR || rd > 3 ||
	    (mvc_current_view(vcpu) == MVC_VIEW_USER &&
	     !(c->reg[MVC_CP0_HWRENA] & (1u << rd)))) {
		mvc_raise(vcpu, MVC_EXC_RI, 0, false);
		return MVC_RESUME;
	}
	switch (rd) {
	case 0:		/* CPUNum */
		val = c->reg[MVC_CP0_EBASE] & 0x3ff;
		break;
	case 1:		/* SYNCI_Step */
		val = MVC_GUEST_CACHE_LINE;
		break;
	case 2:		/* CC */
		val = mvc_read_count(vcpu);
		break;
	default:	/* CCRes: Count ticks at every cycle of the model */
		val = 1;
		break;
	}
	if (mvc_skip_insn(vcpu))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc,
					  insn, "cannot read the branch of a delay slot");
	mvc_set_gpr(vcpu, MVC_RT(insn), val);
	return MVC_RESUME;
}

/**
 * mvc_handle_exit() - handle one exit from the guest
 * @vcpu: the VCPU, on this CPU with interrupts off
 * @kind: MVC_EXIT_KIND_* (which vector was taken)
 *
 * Return: what the run loop must do next.
 */
enum mvc_action mvc_handle_exit(struct mvc_vcpu *vcpu, int kind)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	u32 exc = (ctx->cause & MVC_CAUSE_EXC) >> MVC_CAUSE_EXC_SHIFT;

	/* Only a jump to an odd address the guest executed gets here so. */
	if (mvc_odd_pc_fault(vcpu))
		return exc == MVC_EXC_INT ? MVC_HOST : MVC_RESUME;
	if (kind == MVC_EXIT_KIND_REFILL)
		return mvc_handle_tlb(vcpu, exc);

	switch (exc) {
	case MVC_EXC_INT:
		vcpu->stats.host_irq++;
		return MVC_HOST;
	case MVC_EXC_MOD:
	case MVC_EXC_TLBL:
	case MVC_EXC_TLBS:
		return mvc_handle_tlb(vcpu, exc);
	case MVC_EXC_ADEL:
	case MVC_EXC_ADES:
		mvc_raise_addr(vcpu, exc, ctx->badvaddr, false);
		return MVC_RESUME;
	case MVC_EXC_BP:
		return mvc_debug_break(vcpu);
	case MVC_EXC_SYS:
	case MVC_EXC_TR:
	case MVC_EXC_OV:
		mvc_raise(vcpu, exc, 0, false);
		return MVC_RESUME;
	case MVC_EXC_RI:
		return mvc_handle_ri(vcpu);
	case MVC_EXC_CPU:
		return mvc_handle_cpu(vcpu);
	case MVC_EXC_DSPDIS:	/* the guest CPU has no DSP ASE */
		mvc_raise(vcpu, MVC_EXC_RI, 0, false);
		return MVC_RESUME;
	}
	return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_HOST, ctx->pc, 0,
				  "unexpected exception in guest");
}
