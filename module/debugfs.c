// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs.c - exit statistics for every VCPU, readable by anyone who may
 * read debugfs:
 *
 *   /sys/kernel/debug/mipsvcpu/vm<pid>.<n>/vcpu<id>   "name value" lines
 *
 * The counters are updated by the VCPU's thread without locking; a reader
 * on another CPU may see a 64-bit counter torn, which statistics accept.
 */
#include <linux/debugfs.h>
#include <linux/atomic.h>
#include <linux/sched.h>
#include <linux/seq_file.h>

#include "mipsvcpu.h"

static struct dentry *mvc_debugfs_root;
static atomic_t mvc_vm_serial;

static int mvc_vcpu_stats_show(struct seq_file *m, void *unused)
{
	const struct mvc_vcpu *vcpu = m->private;
	struct mipsvcpu_vcpu_stats st, *s = &st;

	mvc_vcpu_stats(vcpu, s);
	seq_printf(m, "exits %llu\n", s->exits);
	seq_printf(m, "host_irq %llu\n", s->host_irq);
	seq_printf(m, "shadow_refill %llu\n", s->shadow_refill);
	seq_printf(m, "guest_tlb_fault %llu\n", s->guest_tlb_fault);
	seq_printf(m, "mmio %llu\n", s->mmio);
	seq_printf(m, "emulated %llu\n", s->emulated);
	seq_printf(m, "guest_exception %llu\n", s->guest_exception);
	seq_printf(m, "wait %llu\n", s->wait);
	seq_printf(m, "guest_irq %llu\n", s->guest_irq);
	seq_printf(m, "fast_refill %llu\n", s->fast_refill);
	seq_printf(m, "fast_emulated %llu\n", s->fast_emulated);
	seq_printf(m, "mmio_coalesced %llu\n", s->mmio_coalesced);
	seq_printf(m, "fault_in %llu\n", s->fault_in);
	seq_printf(m, "fast_traced %llu\n", s->fast_traced);
	/*
	 * Not counters: the refill handler's translation (trace.c), read
	 * without the run lock as the index below is; every line is a name
	 * and a decimal number (vcpuctl stats).
	 */
	seq_printf(m, "trace_pc %u\n", vcpu->trace_pc);
	seq_printf(m, "trace_len %u\n", vcpu->trace_len);
	seq_printf(m, "trace_complete %d\n", vcpu->trace_complete);
	seq_printf(m, "trace_builds %lu\n", vcpu->trace_builds);
	/*
	 * Not a counter: 1 while the guest TLB's index agrees with it.  Read
	 * without the VCPU's run lock: only meaningful while it is not in RUN
	 * (the selftests read it after their guest has finished).
	 */
	seq_printf(m, "guest_tlb_index_ok %d\n", mvc_tlb_index_ok(&vcpu->tlb));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mvc_vcpu_stats);

/** mvc_debugfs_init() - create /sys/kernel/debug/mipsvcpu */
void mvc_debugfs_init(void)
{
	mvc_debugfs_root = debugfs_create_dir("mipsvcpu", NULL);
}

/** mvc_debugfs_exit() - remove it, after every VM is gone */
void mvc_debugfs_exit(void)
{
	debugfs_remove_recursive(mvc_debugfs_root);
}

/**
 * mvc_debugfs_add_vm() - the directory of a new VM
 * @vm: the VM
 */
void mvc_debugfs_add_vm(struct mvc_vm *vm)
{
	char name[32];

	snprintf(name, sizeof(name), "vm%d.%d", task_tgid_nr(current),
		 atomic_inc_return(&mvc_vm_serial));
	vm->debugfs = debugfs_create_dir(name, mvc_debugfs_root);
}

/**
 * mvc_debugfs_add_vcpu() - the statistics file of a new VCPU
 * @vcpu: the VCPU
 */
void mvc_debugfs_add_vcpu(struct mvc_vcpu *vcpu)
{
	char name[16];

	snprintf(name, sizeof(name), "vcpu%u", vcpu->id);
	vcpu->debugfs = debugfs_create_file(name, 0444, vcpu->vm->debugfs,
					    vcpu, &mvc_vcpu_stats_fops);
}
