// SPDX-License-Identifier: GPL-2.0
/*
 * emul_cp0.c - the guest kernel's privileged instructions: mfc0/mtc0 (and
 * the register ioctls, through the same two functions), di/ei, eret, wait,
 * cache and rdhwr.  The register file's rules are cp0.c's; this file
 * applies them to a VCPU with its time, interrupts and shadow entries.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>

#include "mipsvcpu.h"
#include "decode.h"

/**
 * mvc_vcpu_cp0_read() - what the guest's mfc0 reads now
 * @vcpu: the VCPU, not running (its RUN thread, or a holder of run_lock)
 * @id: 8 * rd + sel
 *
 * The register file's value (cp0.c), Count and Random from the time, and
 * Cause with the interrupt lines and a timer match brought up to date
 * (timer.c).  mfc0 and MIPSVCPU_GET_CP0 both read through here.
 *
 * Return: the value.
 */
u32 mvc_vcpu_cp0_read(struct mvc_vcpu *vcpu, u32 id)
{
	switch (mvc_cp0_read_source(id)) {
	case MVC_CP0_SRC_ZERO:
		return 0;
	case MVC_CP0_SRC_TIME:
		return mvc_read_count(vcpu);
	case MVC_CP0_SRC_CAUSE:
		return mvc_read_cause(vcpu);
	case MVC_CP0_SRC_RANDOM:
		return mvc_cp0_random(&vcpu->cp0, mvc_guest_count(vcpu));
	}
	return vcpu->cp0.reg[id];
}

/**
 * mvc_vcpu_cp0_write() - what the guest's mtc0 does
 * @vcpu: the VCPU, not running (its RUN thread, or a holder of run_lock)
 * @id: 8 * rd + sel
 * @val: the value written
 *
 * The register file's rules (cp0.c), then the side effects they report:
 * Count's time base, the interrupt lines after Cause, the timer after
 * Compare.  mtc0 and MIPSVCPU_SET_CP0 both write through here.  A change
 * of the guest's ASID is the caller's to act on, as only it knows where
 * it runs: the run loop, on the guest's CPU with interrupts off, kills
 * the shadow entries of the old ASID in this CPU's TLB
 * (mvc_guest_asid_changed()); the ioctl, preemptible, retires both views'
 * host ASIDs instead.
 *
 * Return: MVC_CP0_FX_ASID when the guest's ASID changed, else 0.
 */
unsigned int mvc_vcpu_cp0_write(struct mvc_vcpu *vcpu, u32 id, u32 val)
{
	u32 old_cause = vcpu->cp0.reg[MVC_CP0_CAUSE];
	unsigned int fx = mvc_cp0_write(&vcpu->cp0, id, val);

	if (fx & MVC_CP0_FX_COUNT)
		mvc_set_count(vcpu, val);
	if (fx & MVC_CP0_FX_CAUSE)
		mvc_cause_written(vcpu, old_cause);
	if (fx & MVC_CP0_FX_COMPARE)
		mvc_timer_rearm(vcpu);
	return fx & MVC_CP0_FX_ASID;
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
		val = mvc_vcpu_cp0_read(vcpu, id);
		if (mvc_skip_insn(vcpu))
			break;
		mvc_set_gpr(vcpu, rt, val);
		return MVC_RESUME;
	case MVC_COP0_MT:
		val = vcpu->ctx->gpr[rt];
		if (mvc_skip_insn(vcpu))
			break;
		if (mvc_vcpu_cp0_write(vcpu, id, val))
			mvc_guest_asid_changed(vcpu);
		return MVC_RESUME;
	case MVC_COP0_MFMC0:	/* di, ei */
		if ((insn & MVC_MFMC0_DIEI_MASK) != MVC_MFMC0_DIEI)
			goto unhandled;
		status = c->reg[MVC_CP0_STATUS];
		if (mvc_skip_insn(vcpu))
			break;
		mvc_set_gpr(vcpu, rt, status);
		if (insn & MVC_MFMC0_SC)
			c->reg[MVC_CP0_STATUS] = status | MVC_ST_IE;
		else
			c->reg[MVC_CP0_STATUS] = status & ~MVC_ST_IE;
		return MVC_RESUME;
	case MVC_COP0_CO:
		switch (MVC_FUNCT(insn)) {
		case MVC_CO_ERET:
			mvc_set_pc(vcpu, mvc_cp0_eret(c));
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
	return mvc_delay_slot_error(vcpu, pc, insn);
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
		return mvc_delay_slot_error(vcpu, pc, insn);
	return MVC_RESUME;
}

/**
 * mvc_handle_cpu() - a Coprocessor Unusable exception
 * @vcpu: the VCPU, out of the guest
 *
 * The guest kernel's privileged instructions (it runs in host user mode)
 * are emulated; guest user mode and coprocessors the guest CPU lacks get
 * the exception.
 *
 * Return: what the run loop must do next.
 */
enum mvc_action mvc_handle_cpu(struct mvc_vcpu *vcpu)
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

/**
 * mvc_handle_ri() - a Reserved Instruction exception
 * @vcpu: the VCPU, out of the guest
 *
 * rdhwr, which traps because HWREna is 0 while a guest runs, is emulated
 * as the guest CPU's HWREna allows; any other instruction is reserved for
 * the guest too.
 *
 * Return: MVC_RESUME, or MVC_USER after an internal error.
 */
enum mvc_action mvc_handle_ri(struct mvc_vcpu *vcpu)
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
		return mvc_delay_slot_error(vcpu, pc, insn);
	mvc_set_gpr(vcpu, MVC_RT(insn), val);
	return MVC_RESUME;
}
