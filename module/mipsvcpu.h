/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mipsvcpu.h - the module's internal header, grouped by the file that
 * implements each part, so that it reads as a map of the module.
 */
#ifndef MIPSVCPU_H
#define MIPSVCPU_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/hrtimer.h>
#include <linux/kref.h>
#include <linux/mm_types.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/mipsvcpu.h>

#include "addrmap.h"
#include "cmmio.h"
#include "cp0.h"
#include "guest_dt.h"
#include "guest_tlb.h"
#include "hw_ctx.h"

/* What the CPU probe found; filled once at load time. */
struct mvc_host_caps {
	u32 prid;
	u32 tlbsize;
	u32 asid_mask;
	u32 ebase;
	u32 icache_line;
	u32 dcache_line;
	bool vectored_irq;	/* Cause.IV set by the host kernel */
	u32 vi_spacing;		/* IntCtl.VS in bytes, 0 if none */
	bool hit_cache_ops;	/* one Hit op covers a guest cache line */
	/*
	 * The D-cache has no aliases: KSEG0 reads see what the guest wrote
	 * through its own mapping (the refill handler's translation)
	 */
	bool dc_no_aliases;
	u32 count_hz;		/* the rate of CP0 Count, 0 if unknown */
};

/* Objects alive now, for leak checks (sysfs: /sys/class/misc/mipsvcpu). */
struct mvc_counters {
	atomic_t vms;
	atomic_t vcpus;
	atomic_long_t pinned_pages;	/* held pinned: the zero page is not */
};

struct mvc_user;

/*
 * Pages pinned together at a first touch (mvc_fault_in()): fewer trips
 * out of the guest for memory it fills in order, and at most 60 KiB more
 * pinned than it touched.
 */
#define MVC_FAULT_PAGES		16

/*
 * One slot of guest physical memory, backed by userspace pages pinned at
 * the guest's first touch (memory.c).
 */
struct mvc_slot {
	u32 gpa;
	u32 size;
	u32 flags;		/* MIPSVCPU_MEM_* */
	u64 id;			/* unique in its VM (mvc_fault_in()) */
	unsigned long uaddr;	/* the memory behind it, in mm */
	unsigned long npages;	/* 0: the slot is unused */
	struct page **pages;	/* NULL until pinned; set once (cmpxchg) */
	u32 *fast_lo;		/* npages + 1 EntryLo values (lowmem), or NULL */
	struct mm_struct *mm;	/* charged with npages in pinned_vm */
	struct mvc_user *user;	/* charged with npages (memory.c) */
};

/* A virtual machine: the object behind a VM fd. */
struct mvc_vm {
	struct kref ref;	/* the VM fd and each VCPU hold one */
	struct mutex lock;	/* serialises VCPU creation */
	struct rw_semaphore slots_lock;	/* VCPUs read while running */
	struct mvc_slot slots[MIPSVCPU_MAX_MEMORY_SLOTS];
	u64 slots_gen;		/* bumped on every slot change */
	u64 slot_ids;		/* the last slot's id */
	int ram_slot;		/* the boot convention's RAM, or -1 */
	/* The slots in use, so that a lookup of MMIO scans only those. */
	u8 live_slot[MIPSVCPU_MAX_MEMORY_SLOTS];
	u8 nlive;
	u32 vcpu_mask;		/* VCPU ids in use */
	struct dentry *debugfs;
	struct mvc_guest_desc *desc;	/* from MIPSVCPU_SET_GUEST_DT, or NULL */
	u32 dtb_gpa;		/* a2 at reset */
	/* Guest user mode's part of the user view; fixed before any VCPU. */
	struct mvc_uwin uwin;
	bool uwin_from_create;	/* MIPSVCPU_CREATE_VM set it */
	/* Coalesced MMIO zones; under slots_lock, as the slots are. */
	struct mvc_cmmio_zones cmmio;
};

/* Guest views, each with its own host ASID. */
enum mvc_view {
	MVC_VIEW_KERNEL,
	MVC_VIEW_USER,
	MVC_NR_VIEWS,
};

/* What the run loop does after an exit was handled. */
enum mvc_action {
	MVC_RESUME,		/* straight back into the guest */
	MVC_HOST,		/* let the host run (interrupt), then resume */
	MVC_WAIT,		/* the guest waits for an interrupt */
	MVC_USER,		/* exit to userspace with run->exit_reason */
	MVC_FAULT_IN,		/* pin vcpu->fault_gpa's page, then resume */
};

/* A load from MMIO waiting for userspace to supply the data. */
struct mvc_pending_mmio {
	bool pending;
	bool sign_extend;
	u8 rt;
	u8 size;
};

/* Guest debugging (debug.c): MIPSVCPU_SET_GUEST_DEBUG's state. */
struct mvc_debug {
	u32 control;		/* MIPSVCPU_GUESTDBG_*, without INJECT_BP */
	bool break_exit;	/* the last exit was MIPSVCPU_DEBUG_BREAK */
	bool stepping;		/* a single step is under way */
	u32 step_from;		/* the PC it started at */
	u64 step_exceptions;	/* stats.guest_exception when it started */
	bool planted;		/* the step's break is in guest memory */
	u32 plant_gva;		/* where, as the guest fetches it */
	struct page *plant_page;	/* the page it is in (slots_lock held) */
	u32 plant_off;
	u32 plant_saved;	/* the word it replaced */
};

/* Bits of mvc_vcpu.pending, set from other contexts. */
#define MVC_PENDING_TIMER	0	/* Count reached Compare */

/* A VCPU: the object behind a VCPU fd. */
struct mvc_vcpu {
	struct mvc_vm *vm;
	u32 id;
	struct mutex run_lock;	/* held by the thread in RUN */
	struct mipsvcpu_run *run;	/* shared with userspace */
	void *world;		/* MVC_PAGE_SIZE of KSEG0: vectors + ctx */
	struct mvc_hw_ctx *ctx;
	int (*enter)(struct mvc_hw_ctx *ctx);
	struct mvc_cp0 cp0;
	struct mvc_guest_tlb tlb;
	struct mm_struct *view_mm[MVC_NR_VIEWS];	/* only for their ASIDs */
	int last_cpu;
	u64 seen_slots_gen;
	bool fast_slots_all;	/* every slot is in the context's fast_slot[] */
	struct mvc_pending_mmio mmio;
	u32 fault_gpa;		/* for MVC_FAULT_IN */
	struct mvc_debug dbg;
	u64 count_base_ns;	/* ktime when Count was 0 */
	u32 count_stopped;	/* Count while Cause.DC is set */
	u64 match_ns;		/* ktime of the next Count == Compare */
	/* The last fast_quiet_until (world.c), for that match on that CPU. */
	struct {
		u64 match_ns;
		u32 from;	/* the host Count it was computed at */
		u32 ticks;	/* the window's length from there */
		unsigned long jiffies;	/* when */
		int cpu;	/* -1: none */
	} quiet;
	struct hrtimer timer;	/* fires at match_ns */
	int timer_cpu;		/* CPU it was placed on, -1: not yet placed */
	unsigned long pending;	/* MVC_PENDING_* */
	unsigned long irq_lines;	/* levels of IP2..IP6, bit n = IPn */
	int guest_cpu;		/* CPU the guest runs on, or -1 */
	wait_queue_head_t wq;
	struct mipsvcpu_vcpu_stats stats;
	char error[64];		/* why the VCPU died, once it has */
	/* What the vector's emulation fast path may do (world.c). */
	u8 fast_class[MVC_CP0_NR];	/* MVC_CP0_FAST_* */
	u32 fast_wmask[MVC_CP0_NR];
	/*
	 * The guest refill handler translated in the block (trace.c): its
	 * address, or MVC_TRACE_NONE; what it covers, for debugfs.
	 */
	u32 trace_pc;
	u32 trace_len;		/* instructions translated */
	bool trace_complete;	/* to its eret */
	unsigned long trace_builds;
	struct dentry *debugfs;
};

/* vcpu->trace_pc with no translation: never a guest kernel address. */
#define MVC_TRACE_NONE	0xfffffffeu

/* main.c: */
extern struct mvc_host_caps mvc_host;
extern struct mvc_counters mvc_live;
/* Module parameter coalesced_mmio (mmio.c): rings in use at all. */
extern bool mvc_coalesced_mmio;

/* probe.c: */
int mvc_probe_cpu(struct mvc_host_caps *caps);

/* debugfs.c: */
void mvc_debugfs_init(void);
void mvc_debugfs_exit(void);
void mvc_debugfs_add_vm(struct mvc_vm *vm);
void mvc_debugfs_add_vcpu(struct mvc_vcpu *vcpu);

/* vm.c: */
int mvc_create_vm(const struct mipsvcpu_create_vm *arg);
void mvc_vm_put(struct mvc_vm *vm);

/* guest_dt_ioctl.c: */
long mvc_vm_set_guest_dt(struct mvc_vm *vm, void __user *argp);
bool mvc_dt_allows_region(const struct mvc_vm *vm,
			  const struct mipsvcpu_memory_region *r);

/* memory.c: */
int mvc_set_memory_region(struct mvc_vm *vm,
			  const struct mipsvcpu_memory_region *r);
void mvc_free_slots(struct mvc_vm *vm);
long mvc_vm_coalesced_zone(struct mvc_vm *vm, void __user *argp, bool add);
void mvc_index_slots(struct mvc_vm *vm);
struct page *mvc_gpa_to_page(struct mvc_vm *vm, u32 gpa, bool *writable);
int mvc_fault_in(struct mvc_vm *vm, u32 gpa);

/* vcpu.c: */
int mvc_create_vcpu(struct mvc_vm *vm, const struct mipsvcpu_create_vcpu *arg);

/* world.c: */
int mvc_world_init(struct mvc_vcpu *vcpu);
void mvc_world_free(struct mvc_vcpu *vcpu);
long mvc_vcpu_run_ioctl(struct mvc_vcpu *vcpu, unsigned long arg);
void mvc_vcpu_stats(const struct mvc_vcpu *vcpu, struct mipsvcpu_vcpu_stats *s);
void mvc_world_reset(struct mvc_vcpu *vcpu);

/* trace.c: */
void mvc_trace_reset(struct mvc_vcpu *vcpu);
void mvc_trace_sync(struct mvc_vcpu *vcpu);
void mvc_trace_build(struct mvc_vcpu *vcpu);

/* shadow_tlb.c: */
u32 mvc_view_asid(struct mvc_vcpu *vcpu, enum mvc_view view, int cpu);
void mvc_shadow_flush_all(struct mvc_vcpu *vcpu);
bool mvc_host_asid_renew(int cpu);
void mvc_shadow_drop_view(struct mvc_vcpu *vcpu, enum mvc_view view);
void mvc_shadow_invalidate(struct mvc_vcpu *vcpu, u32 start, u32 end);
int mvc_shadow_map_unmapped(struct mvc_vcpu *vcpu, u32 gva);
void mvc_shadow_map_mapped(struct mvc_vcpu *vcpu, u32 gva);
int mvc_alloc_view_mms(struct mvc_vcpu *vcpu);
void mvc_free_view_mms(struct mvc_vcpu *vcpu);

/* debug.c: */
long mvc_debug_set(struct mvc_vcpu *vcpu, void __user *argp);
long mvc_debug_translate_ioctl(struct mvc_vcpu *vcpu, void __user *argp);
void mvc_debug_translate(struct mvc_vcpu *vcpu, bool kernel_view, u32 asid,
			 u32 gva, struct mipsvcpu_translation *x);
bool __mvc_debug_step_begin(struct mvc_vcpu *vcpu);
void __mvc_debug_run_end(struct mvc_vcpu *vcpu, int ret);
void mvc_debug_step_cancel(struct mvc_vcpu *vcpu);
int __mvc_debug_plant(struct mvc_vcpu *vcpu);
void __mvc_debug_unplant(struct mvc_vcpu *vcpu);
enum mvc_action mvc_debug_break(struct mvc_vcpu *vcpu);
enum mvc_action __mvc_debug_after_exit(struct mvc_vcpu *vcpu,
				       enum mvc_action action);

/*
 * The run loop's debugger hooks, at every entry and exit: their common
 * case (no step under way) inline, as a call each cost an MMIO exit 60
 * host instructions of prologue, stack protector and zeroed locals
 * (tools/qemu-profile).
 */
static inline bool mvc_debug_step_begin(struct mvc_vcpu *vcpu)
{
	vcpu->dbg.break_exit = false;
	if (!(vcpu->dbg.control & MIPSVCPU_GUESTDBG_SINGLESTEP))
		return false;
	return __mvc_debug_step_begin(vcpu);
}

static inline void mvc_debug_run_end(struct mvc_vcpu *vcpu, int ret)
{
	if (vcpu->dbg.stepping)
		__mvc_debug_run_end(vcpu, ret);
}

static inline int mvc_debug_plant(struct mvc_vcpu *vcpu)
{
	if (!vcpu->dbg.stepping || vcpu->dbg.planted)
		return 0;
	return __mvc_debug_plant(vcpu);
}

static inline void mvc_debug_unplant(struct mvc_vcpu *vcpu)
{
	if (vcpu->dbg.planted)
		__mvc_debug_unplant(vcpu);
}

static inline enum mvc_action mvc_debug_after_exit(struct mvc_vcpu *vcpu,
						   enum mvc_action action)
{
	if (!vcpu->dbg.stepping || action == MVC_USER)
		return action;
	return __mvc_debug_after_exit(vcpu, action);
}

/* timer.c: */
void mvc_timer_init(struct mvc_vcpu *vcpu);
void mvc_timer_cancel(struct mvc_vcpu *vcpu);
u32 mvc_guest_count(const struct mvc_vcpu *vcpu);
u32 mvc_read_count(struct mvc_vcpu *vcpu);
u32 mvc_read_cause(struct mvc_vcpu *vcpu);
void mvc_set_count(struct mvc_vcpu *vcpu, u32 count);
void mvc_timer_rearm(struct mvc_vcpu *vcpu);
void __mvc_timer_place(struct mvc_vcpu *vcpu, int cpu);

/* Have the timer armed on the VCPU's CPU (timer.c); inline: every entry. */
static inline void mvc_timer_place(struct mvc_vcpu *vcpu, int cpu)
{
	if (vcpu->timer_cpu != cpu)
		__mvc_timer_place(vcpu, cpu);
}

void mvc_cause_written(struct mvc_vcpu *vcpu, u32 old_cause);
bool mvc_irq_wakeup(struct mvc_vcpu *vcpu);
int mvc_set_irq_line(struct mvc_vcpu *vcpu, u32 line, u32 level);

/* exit.c: */
enum mvc_action __mvc_handle_exit(struct mvc_vcpu *vcpu, int kind);
/* mmio.c, here for mvc_handle_exit(): */
enum mvc_action mvc_emulate_mmio_insn(struct mvc_vcpu *vcpu, u32 gpa,
				      u32 insn);

/*
 * Handle one exit from the guest, @kind MVC_EXIT_KIND_*: an
 * access the vector decided was MMIO (fetched from an even PC, not in a
 * delay slot) goes straight to its emulation; inline, at every exit.
 */
static inline enum mvc_action mvc_handle_exit(struct mvc_vcpu *vcpu, int kind)
{
	if (kind == MVC_EXIT_KIND_MMIO)
		return mvc_emulate_mmio_insn(vcpu, vcpu->ctx->mmio_gpa,
					     vcpu->ctx->mmio_insn);
	return __mvc_handle_exit(vcpu, kind);
}

enum mvc_action mvc_internal_error(struct mvc_vcpu *vcpu, u32 suberror,
				   u32 pc, u32 insn, const char *msg);
enum mvc_action mvc_delay_slot_error(struct mvc_vcpu *vcpu, u32 pc, u32 insn);
int __mvc_skip_insn(struct mvc_vcpu *vcpu);

/* exception.c: */
void mvc_raise(struct mvc_vcpu *vcpu, u32 exc, u32 ce, bool refill);
void mvc_raise_exception(struct mvc_vcpu *vcpu, u32 exc);
void mvc_raise_addr(struct mvc_vcpu *vcpu, u32 exc, u32 badvaddr, bool refill);
bool __mvc_odd_pc_fault(struct mvc_vcpu *vcpu);

/* Raise the address error of an odd PC (exception.c); inline: every entry. */
static inline bool mvc_odd_pc_fault(struct mvc_vcpu *vcpu)
{
	return (vcpu->ctx->pc & 1) && __mvc_odd_pc_fault(vcpu);
}

void mvc_deliver_irq(struct mvc_vcpu *vcpu);

/*
 * mvc_sync_irqs() - bring Cause.IP up to date
 * @vcpu: the VCPU, in its own thread
 *
 * Latches a timer that fired into Cause.TI/IP7 (until Compare is written)
 * and copies the current levels of IP2..IP6.  This and the two below are
 * inline: the run loop asks them before every entry.
 */
static inline void mvc_sync_irqs(struct mvc_vcpu *vcpu)
{
	u32 *cause = &vcpu->cp0.reg[MVC_CP0_CAUSE];
	u32 lines = READ_ONCE(vcpu->irq_lines);

	if (test_and_clear_bit(MVC_PENDING_TIMER, &vcpu->pending))
		*cause |= MVC_CAUSE_TI | MVC_CAUSE_IP7;
	*cause = (*cause & ~MVC_CAUSE_HW_LINES) |
		 ((lines << MVC_CAUSE_IP_SHIFT) & MVC_CAUSE_HW_LINES);
}

/* Is an enabled interrupt pending for the guest (not running)? */
static inline bool mvc_guest_irq_pending(struct mvc_vcpu *vcpu)
{
	u32 status = vcpu->cp0.reg[MVC_CP0_STATUS];

	mvc_sync_irqs(vcpu);
	if (!(status & MVC_ST_IE) || (status & (MVC_ST_EXL | MVC_ST_ERL)))
		return false;
	return vcpu->cp0.reg[MVC_CP0_CAUSE] & status & MVC_CAUSE_IP;
}

/* Take a pending guest interrupt, if enabled: the VCPU is about to enter. */
static inline void mvc_deliver_pending_irq(struct mvc_vcpu *vcpu)
{
	if (mvc_guest_irq_pending(vcpu))
		mvc_deliver_irq(vcpu);
}

/* emul_cp0.c: */
u32 mvc_vcpu_cp0_read(struct mvc_vcpu *vcpu, u32 id);
unsigned int mvc_vcpu_cp0_write(struct mvc_vcpu *vcpu, u32 id, u32 val);
enum mvc_action mvc_handle_cpu(struct mvc_vcpu *vcpu);
enum mvc_action mvc_handle_ri(struct mvc_vcpu *vcpu);

/* emul_tlb.c: */
enum mvc_action mvc_handle_tlb(struct mvc_vcpu *vcpu, u32 exc);
enum mvc_action mvc_emulate_tlb_op(struct mvc_vcpu *vcpu, u32 op, u32 pc);
void mvc_guest_asid_changed(struct mvc_vcpu *vcpu);

/* mmio.c: */
enum mvc_action mvc_emulate_mmio(struct mvc_vcpu *vcpu, u32 gpa);
void mvc_complete_mmio(struct mvc_vcpu *vcpu);

/* guest_mem.c: */
struct page *mvc_guest_page(struct mvc_vcpu *vcpu, u32 gva, u32 *off);
int mvc_read_guest_insn(struct mvc_vcpu *vcpu, u32 gva, u32 *insn);

/* The guest's state as the files above read and change it. */

/* The guest's view, from its Status: MVC_VIEW_KERNEL or MVC_VIEW_USER. */
static inline enum mvc_view mvc_current_view(const struct mvc_vcpu *vcpu)
{
	return mvc_kernel_view(vcpu->cp0.reg[MVC_CP0_STATUS]) ?
	       MVC_VIEW_KERNEL : MVC_VIEW_USER;
}

/* The guest's current ASID: EntryHi.ASID. */
static inline u32 mvc_guest_asid(const struct mvc_vcpu *vcpu)
{
	return vcpu->cp0.reg[MVC_CP0_ENTRYHI] & MVC_ENTRYHI_ASID;
}

/* The address of the instruction that trapped (EPC is its branch in a slot). */
static inline u32 mvc_trap_pc(const struct mvc_vcpu *vcpu)
{
	const struct mvc_hw_ctx *ctx = vcpu->ctx;

	return ctx->cause & MVC_CAUSE_BD ? ctx->pc + 4 : ctx->pc;
}

/* Continue at @pc: an instruction boundary, not a delay slot. */
static inline void mvc_set_pc(struct mvc_vcpu *vcpu, u32 pc)
{
	vcpu->ctx->pc = pc;
	vcpu->ctx->cause &= ~MVC_CAUSE_BD;
}

/*
 * Step past the instruction that trapped (exit.c has the delay slot's
 * case): 0, or -EFAULT when the branch before a slot cannot be read.
 */
static inline int mvc_skip_insn(struct mvc_vcpu *vcpu)
{
	if (vcpu->ctx->cause & MVC_CAUSE_BD)
		return __mvc_skip_insn(vcpu);
	mvc_set_pc(vcpu, vcpu->ctx->pc + 4);
	return 0;
}

static inline void mvc_set_gpr(struct mvc_vcpu *vcpu, u32 reg, u32 val)
{
	if (reg)
		vcpu->ctx->gpr[reg] = val;
}

#endif /* MIPSVCPU_H */
