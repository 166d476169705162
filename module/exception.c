// SPDX-License-Identifier: GPL-2.0
/*
 * exception.c - exceptions and interrupts delivered to the guest by C: the
 * register file's side is cp0.c's (pure, host-tested), this is the VCPU's
 * (its PC, the statistics, the interrupt lines).
 */
#include "mipsvcpu.h"

/**
 * mvc_raise() - deliver an exception to the guest
 * @vcpu: the VCPU, not running
 * @exc: MVC_EXC_*
 * @ce: Cause.CE
 * @refill: a TLB refill
 *
 * At the PC as it is, with Cause.BD as the last exit left it; the
 * architecture's rules are mvc_cp0_exception()'s.
 */
void mvc_raise(struct mvc_vcpu *vcpu, u32 exc, u32 ce, bool refill)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;

	mvc_set_pc(vcpu, mvc_cp0_exception(&vcpu->cp0, ctx->pc,
					   ctx->cause & MVC_CAUSE_BD, exc, ce,
					   refill));
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

/**
 * mvc_raise_addr() - deliver an address error or TLB exception
 * @vcpu: the VCPU, not running
 * @exc: MVC_EXC_ADEL/ADES/MOD/TLBL/TLBS
 * @badvaddr: the address
 * @refill: a TLB refill
 */
void mvc_raise_addr(struct mvc_vcpu *vcpu, u32 exc, u32 badvaddr, bool refill)
{
	mvc_cp0_set_badvaddr(&vcpu->cp0, exc, badvaddr);
	mvc_raise(vcpu, exc, 0, refill);
}

/**
 * __mvc_odd_pc_fault() - an odd PC is an address error, as on the guest's CPU
 * @vcpu: the VCPU, about to be entered or just out of the guest, its PC
 *	odd (mvc_odd_pc_fault())
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
 * Return: true (the address error was raised).
 */
bool __mvc_odd_pc_fault(struct mvc_vcpu *vcpu)
{
	u32 pc = vcpu->ctx->pc;

	mvc_set_pc(vcpu, pc);	/* the fetch is not in a delay slot */
	mvc_raise_addr(vcpu, MVC_EXC_ADEL, pc, false);
	return true;
}

/**
 * mvc_deliver_irq() - take the pending guest interrupt
 * @vcpu: the VCPU, about to be entered, an enabled interrupt pending
 *	(mvc_deliver_pending_irq())
 */
void mvc_deliver_irq(struct mvc_vcpu *vcpu)
{
	vcpu->stats.guest_irq++;
	mvc_raise(vcpu, MVC_EXC_INT, 0, false);
}
