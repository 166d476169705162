// SPDX-License-Identifier: GPL-2.0
/*
 * exit.c - what happens after the guest trapped: the dispatch of each exit
 * by its cause to the file that handles it (emul_cp0.c, emul_tlb.c,
 * mmio.c, exception.c, debug.c), and what they share: stepping past the
 * trapping instruction and giving up with an internal error.
 *
 * Runs in the inner run loop with interrupts off: everything below here is
 * bounded and never sleeps.
 */
#include <linux/string.h>

#include "mipsvcpu.h"
#include "decode.h"

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

/**
 * mvc_delay_slot_error() - give up on a trap in a delay slot
 * @vcpu: the VCPU
 * @pc: the guest PC of the instruction concerned
 * @insn: its encoding, or 0
 *
 * mvc_skip_insn() could not read the branch before the slot, so the
 * instruction after it is unknown.
 *
 * Return: MVC_USER.
 */
enum mvc_action mvc_delay_slot_error(struct mvc_vcpu *vcpu, u32 pc, u32 insn)
{
	return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, insn,
				  "cannot read the branch of a delay slot");
}

/**
 * __mvc_skip_insn() - step past the instruction that trapped in a slot
 * @vcpu: the VCPU, out of the guest, Cause.BD set (mvc_skip_insn())
 *
 * Finishes the branch before the delay slot.  Called before the emulated
 * instruction's own effects, which is the order the CPU would have
 * applied them in.
 *
 * Return: 0, or -EFAULT when the branch cannot be read (the caller gives
 * up with mvc_delay_slot_error()).
 */
int __mvc_skip_insn(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	struct mvc_branch br;
	u32 insn;

	if (mvc_read_guest_insn(vcpu, ctx->pc, &insn) ||
	    mvc_eval_branch(insn, ctx->pc, ctx->gpr, &br))
		return -EFAULT;
	if (br.link_reg >= 0)
		mvc_set_gpr(vcpu, br.link_reg, ctx->pc + 8);
	mvc_set_pc(vcpu, br.next_pc);
	return 0;
}

/**
 * __mvc_handle_exit() - handle one exit from the guest, found by its cause
 * @vcpu: the VCPU, on this CPU with interrupts off
 * @kind: MVC_EXIT_KIND_REFILL or _GENERAL (mvc_handle_exit())
 *
 * Return: what the run loop must do next.
 */
enum mvc_action __mvc_handle_exit(struct mvc_vcpu *vcpu, int kind)
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
