/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mipsvcpu.h - the module's internal header, grouped by the file that
 * implements each part, so that it reads as a map of the module.
 */
#ifndef MIPSVCPU_H
#define MIPSVCPU_H

#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/mipsvcpu.h>

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
};

/* Objects alive now, for leak checks (sysfs: /sys/class/misc/mipsvcpu). */
struct mvc_counters {
	atomic_t vms;
	atomic_t vcpus;
	atomic_long_t pinned_pages;
};

/* A virtual machine: the object behind a VM fd. */
struct mvc_vm {
	struct kref ref;	/* the VM fd and each VCPU hold one */
	struct mutex lock;	/* serialises configuration ioctls */
};

/* main.c: */
extern struct mvc_host_caps mvc_host;
extern struct mvc_counters mvc_live;

/* probe.c: */
int mvc_probe_cpu(struct mvc_host_caps *caps);

/* vm.c: */
int mvc_create_vm(const struct mipsvcpu_create_vm *arg);

#endif /* MIPSVCPU_H */
