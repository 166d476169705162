// SPDX-License-Identifier: GPL-2.0
/*
 * mmio.c - guest loads and stores that reach no RAM: decoded, then either
 * appended to the VCPU's coalesced MMIO ring (cmmio.c has the zones and
 * the ring's rules) or handed to userspace as an MMIO exit.
 */
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <asm/barrier.h>

#include "mipsvcpu.h"
#include "decode.h"

bool mvc_coalesced_mmio = true;
module_param_named(coalesced_mmio, mvc_coalesced_mmio, bool, 0644);
MODULE_PARM_DESC(coalesced_mmio, "stores to coalesced MMIO zones go to the VCPU's ring (default on)");

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
	/* A VM without zones (most) spares the call. */
	if (!READ_ONCE(mvc_coalesced_mmio) || !vcpu->vm->cmmio.n ||
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

/**
 * mvc_emulate_mmio_insn() - a load or store of the guest to a device
 * @vcpu: the VCPU, out of the guest after the access trapped
 * @gpa: the guest physical address it reached
 * @insn: the instruction, fetched from the trapping PC
 *
 * A store to a coalesced zone goes into the ring and the guest resumes;
 * anything else exits to userspace (a load completes at the next RUN,
 * mvc_complete_mmio()).  The vector's refill_mmio calls this through an
 * MVC_EXIT_KIND_MMIO exit, having fetched the instruction and found no
 * slot for the address itself.
 *
 * Return: MVC_RESUME or MVC_USER.
 */
enum mvc_action mvc_emulate_mmio_insn(struct mvc_vcpu *vcpu, u32 gpa,
				      u32 insn)
{
	struct mipsvcpu_run *run = vcpu->run;
	struct mvc_mem_op op;
	u32 data;

	if (mvc_decode_mem(insn, &op) || op.unsupported)
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_MMIO_INSN,
					  mvc_trap_pc(vcpu), insn,
					  "unsupported MMIO access");
	data = vcpu->ctx->gpr[op.rt];
	if (op.size < 4)
		data &= (1u << (8 * op.size)) - 1;
	if (mvc_skip_insn(vcpu))
		return mvc_delay_slot_error(vcpu, vcpu->ctx->pc, 0);
	if (op.store && mvc_coalesce(vcpu, gpa, op.size, data))
		return MVC_RESUME;
	vcpu->stats.mmio++;
	run->exit_reason = MIPSVCPU_EXIT_MMIO;
	/*
	 * Every field, padding included: a memset() of the whole record
	 * cost each MMIO exit about 30 host instructions (tools/qemu-profile);
	 * gcc inlines the padding's.
	 */
	run->mmio.phys_addr = gpa;
	run->mmio.len = op.size;
	run->mmio.is_write = op.store;
	memset(run->mmio.padding, 0, sizeof(run->mmio.padding));
	run->mmio.data = op.store ? data : 0;
	if (!op.store) {
		vcpu->mmio.pending = true;
		vcpu->mmio.rt = op.rt;
		vcpu->mmio.size = op.size;
		vcpu->mmio.sign_extend = op.sign_extend;
	}
	return MVC_USER;
}

/**
 * mvc_emulate_mmio() - a load or store of the guest to a device, found by C
 * @vcpu: the VCPU, out of the guest after the access trapped
 * @gpa: the guest physical address it reached
 *
 * Return: MVC_RESUME or MVC_USER.
 */
enum mvc_action mvc_emulate_mmio(struct mvc_vcpu *vcpu, u32 gpa)
{
	u32 pc = mvc_trap_pc(vcpu);
	u32 insn;

	if (mvc_read_guest_insn(vcpu, pc, &insn))
		return mvc_internal_error(vcpu, MIPSVCPU_INTERNAL_FETCH, pc, 0,
					  "instruction fetch from unbacked memory");
	return mvc_emulate_mmio_insn(vcpu, gpa, insn);
}
