// SPDX-License-Identifier: GPL-2.0
/*
 * world.c - each VCPU's world-switch page, and the run loop.
 *
 * The page (hw_ctx.h) is ordinary lowmem, so it sits in KSEG0 and is
 * never mapped through the TLB; entry.S's block is copied into it, a
 * branch to the general vector is planted at every vectored-interrupt slot
 * the host kernel configured, and the I-cache is synchronised.
 *
 * The run loop: with interrupts off, enter the guest and handle each exit
 * in place for as long as the exit needs nothing but the module (TLB
 * refills, CP0 emulation); a host interrupt, a wait or an exit userspace
 * must see ends the inner loop, interrupts come back on (the host services
 * its interrupt then) and signals and rescheduling are honoured.
 */
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/ktime.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/mipsregs.h>

#include "mipsvcpu.h"
#include "addrmap.h"
#include "asid.h"
#include "count.h"
#include "decode.h"

#define CREATE_TRACE_POINTS
#include "trace.h"

static bool mvc_fast_refill = true;
module_param_named(fast_refill, mvc_fast_refill, bool, 0644);
MODULE_PARM_DESC(fast_refill, "serve gKSEG0/gKSEG1 and guest-TLB refills in the exception vector (default on)");

static bool mvc_fast_emulate = true;
module_param_named(fast_emulate, mvc_fast_emulate, bool, 0644);
MODULE_PARM_DESC(fast_emulate, "emulate mfc0/mtc0/di/ei/eret and cache in the exception vector (default on)");

static bool mvc_fast_trace = true;
module_param_named(fast_trace, mvc_fast_trace, bool, 0644);
MODULE_PARM_DESC(fast_trace, "run the guest's TLB refill handler translated in the exception vector, with fast_emulate (default on)");

/* "b general_vector; nop" placed at @slot: beq $0, $0, offset. */
static void mvc_plant_branch(void *world, u32 slot, u32 target)
{
	u32 *p = world + slot;
	s32 offset = ((s32)target - (s32)(slot + 4)) >> 2;

	p[0] = (MVC_OP_BEQ << 26) | ((u32)offset & 0xffff);
	p[1] = 0;
}

/**
 * mvc_world_init() - give a VCPU its vector page
 * @vcpu: the VCPU being created
 *
 * Return: 0 or -ENOMEM.
 */
int mvc_world_init(struct mvc_vcpu *vcpu)
{
	size_t len = mvc_vectors_end - mvc_vectors_start;
	unsigned long addr;
	int n;

	if (WARN_ON(len > MVC_CTX_OFFSET))
		return -EINVAL;
	addr = __get_free_pages(GFP_KERNEL_ACCOUNT | __GFP_ZERO, MVC_PAGE_ORDER);
	if (!addr)
		return -ENOMEM;
	vcpu->world = (void *)addr;
	memcpy(vcpu->world, mvc_vectors_start, len);
	for (n = 1; n < 8 && mvc_host.vectored_irq && mvc_host.vi_spacing; n++)
		mvc_plant_branch(vcpu->world,
				 MVC_VEC_INTERRUPT + n * mvc_host.vi_spacing,
				 MVC_VEC_GENERAL);
	flush_icache_range(addr, addr + MVC_PAGE_SIZE);

	vcpu->ctx = vcpu->world + MVC_CTX_OFFSET;
	vcpu->ctx->guest_ebase = addr;
	vcpu->ctx->fast_cca = (read_c0_config() & CONF_CM_CMASK) << 3;
	vcpu->enter = vcpu->world + (mvc_enter_offset - mvc_vectors_start);
	return 0;
}

/**
 * mvc_world_reset() - what the vector's fast paths need of a new VCPU
 * @vcpu: the VCPU, its CP0 and guest TLB just reset
 *
 * The per-register emulation classes and write masks (cp0.c), the VM's
 * user window (fixed before the first VCPU exists), and the KSEG0
 * addresses of the data the fast paths read: the VCPU is ordinary kmalloc
 * memory, so lowmem.
 */
void mvc_world_reset(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	u32 id;

	for (id = 0; id < MVC_CP0_NR; id++)
		vcpu->fast_class[id] = mvc_cp0_fast_class(id, vcpu->cp0.tlb_size,
							  &vcpu->fast_wmask[id]);
	ctx->fast_cp0 = (u32)(unsigned long)vcpu->cp0.reg;
	ctx->fast_class = (u32)(unsigned long)vcpu->fast_class;
	ctx->fast_wmask = (u32)(unsigned long)vcpu->fast_wmask;
	ctx->fast_tlb = (u32)(unsigned long)&vcpu->tlb;
	ctx->fast_pending = (u32)(unsigned long)&vcpu->pending;
	ctx->fast_ubase = vcpu->vm->uwin.base;
	ctx->fast_uend = vcpu->vm->uwin.end;
	ctx->fast_ipage = ~0u;		/* nothing fetched yet */
	vcpu->quiet.cpu = -1;
	/* Translated with the classes and masks above. */
	mvc_trace_reset(vcpu);
}

/**
 * mvc_world_free() - release a VCPU's vector page
 * @vcpu: the VCPU being destroyed; it is not running
 */
void mvc_world_free(struct mvc_vcpu *vcpu)
{
	if (vcpu->world)
		free_pages((unsigned long)vcpu->world, MVC_PAGE_ORDER);
	vcpu->world = NULL;
}

/*
 * Host Status while the guest runs: user mode, EXL until the eret, the
 * host's interrupt mask so that host interrupts bring us back, and no
 * coprocessor (CU0 off makes every privileged instruction trap; CU1 off
 * keeps the host task's FPU registers out of the guest's reach; MX off
 * does the same for the DSP ASE).
 */
static u32 mvc_guest_host_status(void)
{
	return (read_c0_status() & ST0_IM) | KSU_USER | ST0_EXL | ST0_IE;
}

/*
 * Copy the VM's slots for the refill fast path; slots_lock is held.  A
 * slot whose table could not be allocated (memory.c) is left out, and
 * then the vector may not take a slot lookup that finds nothing for MMIO.
 * The largest goes first: the refill vector tries fast_slot[0] before it
 * looks at the others, and reads it even when there is none (size 0).
 */
static void mvc_load_fast_slots(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	u32 i, n = 0, big = 0;

	vcpu->fast_slots_all = true;
	for (i = 0; i < MIPSVCPU_MAX_MEMORY_SLOTS; i++) {
		const struct mvc_slot *s = &vcpu->vm->slots[i];

		if (!s->npages)
			continue;
		if (!s->fast_lo) {
			vcpu->fast_slots_all = false;
			continue;
		}
		ctx->fast_slot[n].gpa = s->gpa;
		ctx->fast_slot[n].size = s->size;
		ctx->fast_slot[n].table = (u32)(unsigned long)s->fast_lo;
		if (s->size > ctx->fast_slot[big].size)
			big = n;
		n++;
	}
	if (big)
		swap(ctx->fast_slot[0], ctx->fast_slot[big]);
	for (i = n; i < MVC_FAST_SLOTS; i++)
		ctx->fast_slot[i].size = 0;
	ctx->fast_nslots = n;
}

/*
 * The host Count (this CPU's: the guest runs here until it exits) up to
 * which the vector may serve Cause reads from the stored register: with
 * TI or DC set it needs no clock, otherwise no match may come before.
 * Called after fast_emul is set.
 *
 * An answer computed earlier for the same match on the same CPU is used
 * again while the host's Count is inside it (mvc_count_quiet_reuse()) and
 * less than a second has passed, far less than a wrap of any host Count
 * (2^32 ticks): that spares a clock read and a 64-bit division on most
 * entries (160 host instructions of an MMIO exit, tools/qemu-profile).
 */
static u32 mvc_quiet_until(struct mvc_vcpu *vcpu, int cpu)
{
	u32 now = read_c0_count();

	/* Only the vector's CP0 path reads it: no clock read without it. */
	if (!vcpu->ctx->fast_emul ||
	    vcpu->cp0.reg[MVC_CP0_CAUSE] & (MVC_CAUSE_TI | MVC_CAUSE_DC))
		return now;
	if (vcpu->quiet.cpu == cpu && vcpu->quiet.match_ns == vcpu->match_ns &&
	    time_before(jiffies, vcpu->quiet.jiffies + HZ) &&
	    mvc_count_quiet_reuse(vcpu->quiet.from, vcpu->quiet.ticks, now))
		return vcpu->quiet.from + vcpu->quiet.ticks;
	vcpu->quiet.ticks = mvc_count_quiet_ticks(ktime_get_ns(),
						  vcpu->match_ns,
						  mvc_host.count_hz);
	vcpu->quiet.from = now;
	vcpu->quiet.jiffies = jiffies;
	vcpu->quiet.match_ns = vcpu->match_ns;
	vcpu->quiet.cpu = cpu;
	return now + vcpu->quiet.ticks;
}

/* Prepare the context for the next entry; interrupts are off. */
static void mvc_load_guest(struct mvc_vcpu *vcpu, int cpu)
{
	/*
	 * Once: the kernel's -fno-strict-aliasing would reload vcpu->ctx
	 * after every store through it.
	 */
	struct mvc_hw_ctx *ctx = vcpu->ctx;
	enum mvc_view view;
	u32 emul, trace, end;

	if (vcpu->last_cpu != cpu ||
	    vcpu->seen_slots_gen != READ_ONCE(vcpu->vm->slots_gen)) {
		/*
		 * Shadow entries on another CPU, or for old slots, must not
		 * be used: take fresh ASIDs everywhere.
		 */
		mvc_shadow_flush_all(vcpu);
		mvc_load_fast_slots(vcpu);
		/* The fast paths' fetch translated through the old ones. */
		ctx->fast_ipage = ~0u;
		/* And the trace's handler and loads (on any CPU). */
		if (vcpu->seen_slots_gen != READ_ONCE(vcpu->vm->slots_gen))
			mvc_trace_reset(vcpu);
		/* Built on another CPU: this one's I-cache may be older. */
		else if (vcpu->last_cpu != cpu)
			mvc_trace_sync(vcpu);
		vcpu->last_cpu = cpu;
		vcpu->seen_slots_gen = READ_ONCE(vcpu->vm->slots_gen);
	}
	mvc_timer_place(vcpu, cpu);
	mvc_odd_pc_fault(vcpu);
	/* A step runs one instruction of the guest's, not its handler. */
	if (!vcpu->dbg.stepping)
		mvc_deliver_pending_irq(vcpu);
	view = mvc_current_view(vcpu);
	end = mvc_fast_refill ? MVC_GKSEG1_BASE : MVC_GUEST_VA_LIMIT;
	ctx->fast_refill_end = end;
	/* Without a branch: every entry pays this line, an MMIO exit's too. */
	ctx->fast_kview = end & -(u32)(view == MVC_VIEW_KERNEL);
	/* The fast path's eret would leave a step unseen. */
	emul = 0;
	trace = ~0u;
	if (mvc_fast_emulate && !vcpu->dbg.stepping) {
		emul = MVC_FAST_EMUL_COP0 |
			(mvc_host.hit_cache_ops ? MVC_FAST_EMUL_CACHE : 0);
		if (mvc_fast_trace)
			trace = vcpu->trace_pc;
	}
	ctx->fast_emul = emul;
	ctx->trace_pc = trace;
	/* refill_mmio: no slot in fast_slot[] is no slot at all. */
	ctx->fast_mmio = emul && vcpu->fast_slots_all;
	ctx->guest_status = mvc_guest_host_status();
	/*
	 * If taking the view's ASID started a new generation, the host
	 * task's own ASID was just handed back: it is renewed (which cannot
	 * wrap again so soon) and, if that did, the view's too.  mvc_enter
	 * saves the host EntryHi after this, so the exit restores a current
	 * one.  A fast eret may switch to the user view, and an exception
	 * the vector delivers to the kernel view, but only to an ASID that
	 * is already live: nothing is allocated in the vector.
	 */
	ctx->guest_entryhi = mvc_entry_asids(vcpu, view, cpu, &ctx->fast_uasid,
					     &ctx->fast_kasid);
	ctx->fast_quiet_until = mvc_quiet_until(vcpu, cpu);
	/*
	 * The zones may be read while this VCPU holds slots_lock for
	 * reading, which it does until it leaves the inner loop.
	 */
	ctx->fast_cmmio = 0;
	if (emul && READ_ONCE(mvc_coalesced_mmio) && vcpu->vm->cmmio.n)
		ctx->fast_cmmio = (u32)(unsigned long)&vcpu->vm->cmmio;
	ctx->fast_ring = (u32)(unsigned long)&vcpu->run->coalesced;
}

/*
 * The vector counts in 32 bits; move its counts into the 64-bit
 * statistics at every exit so that they never wrap.
 */
static void mvc_fold_fast_counts(struct mvc_vcpu *vcpu)
{
	struct mvc_hw_ctx *ctx = vcpu->ctx;

	/* Most exits to userspace follow none (an MMIO exit: 50 of 2,200). */
	/* A traced handler counts a delivered TLB fault too. */
	if (!(ctx->fast_refills | ctx->fast_emulated | ctx->fast_exceptions |
	      ctx->fast_tlb_faults | ctx->fast_coalesced))
		return;
	vcpu->stats.fast_refill += ctx->fast_refills;
	vcpu->stats.fast_emulated += ctx->fast_emulated;
	vcpu->stats.guest_exception += ctx->fast_exceptions;
	vcpu->stats.guest_tlb_fault += ctx->fast_tlb_faults;
	vcpu->stats.mmio_coalesced += ctx->fast_coalesced;
	vcpu->stats.fast_traced += ctx->fast_traced;
	ctx->fast_traced = 0;
	/* The vector asked for a translation when it delivered a fault. */
	if (unlikely(ctx->trace_want != ~0u))
		mvc_trace_build(vcpu);
	ctx->fast_exceptions = 0;
	ctx->fast_coalesced = 0;
	ctx->fast_tlb_faults = 0;
	ctx->fast_refills = 0;
	ctx->fast_emulated = 0;
}

/* Run until an exit the inner loop cannot absorb; interrupts are off. */
static enum mvc_action mvc_run_irqs_off(struct mvc_vcpu *vcpu)
{
	enum mvc_action action;
	int cpu = smp_processor_id();
	int kind;

	lockdep_assert_irqs_disabled();
	WRITE_ONCE(vcpu->guest_cpu, cpu);
	/*
	 * Pairs with smp_mb__after_atomic() in mvc_set_irq_line(): either
	 * that sees this CPU and interrupts the guest, or mvc_load_guest()
	 * below reads the level it set.
	 */
	smp_mb();
	do {
		mvc_load_guest(vcpu, cpu);
		kind = vcpu->enter(vcpu->ctx);
		vcpu->stats.exits++;
		mvc_fold_fast_counts(vcpu);
		trace_mipsvcpu_exit(vcpu->id, kind, vcpu->ctx->cause,
				    vcpu->ctx->pc, vcpu->ctx->badvaddr);
		action = mvc_debug_after_exit(vcpu, mvc_handle_exit(vcpu, kind));
	} while (action == MVC_RESUME && !need_resched());
	WRITE_ONCE(vcpu->guest_cpu, -1);
	/* Handling the last exit may have taken an ASID and wrapped. */
	mvc_host_asid_check(cpu);
	return action;
}

static bool mvc_wait_done(struct mvc_vcpu *vcpu)
{
	return signal_pending(current) || mvc_irq_wakeup(vcpu);
}

/*
 * The guest waits (WAIT) for an interrupt.  Out of line: the wait queue
 * entry on its stack would give mvc_vcpu_run() the stack protector's
 * canary on every RUN.
 */
static noinline void mvc_vcpu_wait(struct mvc_vcpu *vcpu)
{
	vcpu->stats.wait++;
	wait_event_interruptible(vcpu->wq, mvc_wait_done(vcpu));
}

/*
 * mvc_vcpu_run() - RUN, the VCPU's run_lock held
 * @vcpu: the VCPU
 *
 * Return: 0 with run->exit_reason set, -EINTR for a pending signal (RUN
 * may be called again), -EIO when the VCPU has died, -EFAULT or -EBUSY
 * when a single step cannot plant its break (debug.c), or the error of
 * pinning a page the guest touched first (mvc_fault_in(): -EFAULT when its
 * memory is gone; RUN may be called again once it is back).
 */
static int mvc_vcpu_run(struct mvc_vcpu *vcpu)
{
	struct mipsvcpu_run *run = vcpu->run;
	enum mvc_action action;
	int ret;

	if (vcpu->error[0]) {
		run->exit_reason = MIPSVCPU_EXIT_INTERNAL_ERROR;
		return -EIO;
	}
	run->exit_reason = MIPSVCPU_EXIT_NONE;
	if (vcpu->mmio.pending)
		mvc_complete_mmio(vcpu);
	/* A step an MMIO access ended is reported even so. */
	if (mvc_debug_step_begin(vcpu))
		return 0;
	if (READ_ONCE(run->immediate_exit)) {
		run->exit_reason = MIPSVCPU_EXIT_INTR;
		return -EINTR;
	}

	for (;;) {
		if (signal_pending(current)) {
			run->exit_reason = MIPSVCPU_EXIT_INTR;
			return -EINTR;
		}

		/*
		 * Writers hold it only to swap a slot: see memory.c.  The
		 * trylock spares the usual case down_read_killable()'s
		 * might_sleep(), a cond_resched() with voluntary preemption
		 * (70 host instructions of an MMIO exit, tools/qemu-profile):
		 * a due reschedule ends the inner loop at its first exit, and
		 * the return to user mode reschedules.
		 */
		if (!down_read_trylock(&vcpu->vm->slots_lock) &&
		    down_read_killable(&vcpu->vm->slots_lock)) {
			run->exit_reason = MIPSVCPU_EXIT_INTR;
			return -EINTR;
		}
		preempt_disable();
		ret = mvc_debug_plant(vcpu);
		action = MVC_FAULT_IN;
		if (!ret) {
			local_irq_disable();
			action = mvc_run_irqs_off(vcpu);
			local_irq_enable();
			mvc_debug_unplant(vcpu);
		}
		preempt_enable();
		up_read(&vcpu->vm->slots_lock);
		if (ret && ret != -EAGAIN)
			return ret;

		switch (action) {
		case MVC_RESUME:
		case MVC_HOST:
			/*
			 * Only between rounds.  On the way in from user mode
			 * a due reschedule costs at most one entry: the inner
			 * loop ends at the first exit that finds it, and
			 * comes here.
			 */
			cond_resched();
			continue;
		case MVC_WAIT:
			if (run->request & MIPSVCPU_RUN_EXIT_ON_WAIT) {
				run->exit_reason = MIPSVCPU_EXIT_WAIT;
				return 0;
			}
			mvc_vcpu_wait(vcpu);
			continue;
		case MVC_USER:
			return 0;
		case MVC_FAULT_IN:
			ret = mvc_fault_in(vcpu->vm, vcpu->fault_gpa);
			if (ret)
				return ret;
			continue;
		}
	}
}

/**
 * mvc_vcpu_run_ioctl() - the RUN ioctl
 * @vcpu: the VCPU
 * @arg: the ioctl's argument, which must be 0
 *
 * Return: what mvc_vcpu_run() returns, -EINVAL for a non-zero @arg or an
 * unknown request, or -EBUSY while another RUN, or another ioctl that
 * waits for RUN (the register and debug ioctls), holds the VCPU.
 */
long mvc_vcpu_run_ioctl(struct mvc_vcpu *vcpu, unsigned long arg)
{
	int ret;

	if (arg)
		return -EINVAL;
	if (!mutex_trylock(&vcpu->run_lock))
		return -EBUSY;
	if (vcpu->run->request & ~MIPSVCPU_RUN_VALID_REQUESTS)
		ret = -EINVAL;
	else
		ret = mvc_vcpu_run(vcpu);
	mvc_debug_run_end(vcpu, ret);
	mutex_unlock(&vcpu->run_lock);
	return ret;
}
