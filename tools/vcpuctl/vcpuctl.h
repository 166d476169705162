/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vcpuctl.h - vcpuctl's machine: guest memory, devices and the run loop.
 */
#ifndef VCPUCTL_H
#define VCPUCTL_H

#include <assert.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/mipsvcpu.h>

#include "../../guests/lib/machine.h"	/* the guest map, as guests see it */

/* The guests' machine and the ABI agree on what they both state. */
static_assert(RESET_VA == MIPSVCPU_RESET_PC, "machine.h: RESET_VA");
static_assert(PHYS_LIMIT == MIPSVCPU_GUEST_PHYS_LIMIT, "machine.h: PHYS_LIMIT");

/* Exit codes of vcpuctl itself; otherwise the guest's power-off value. */
#define VCPUCTL_EXIT_USAGE	64	/* bad command line */
#define VCPUCTL_EXIT_DATAERR	65	/* bad image or DTB */
#define VCPUCTL_EXIT_NOINPUT	66	/* a file could not be read */
#define VCPUCTL_EXIT_NODEV	69	/* /dev/mipsvcpu missing or refused */
#define VCPUCTL_EXIT_SOFTWARE	70	/* the guest died (internal error) */
#define VCPUCTL_EXIT_OSERR	71	/* a system call failed */
#define VCPUCTL_EXIT_TIMEOUT	124	/* --timeout expired */

/*
 * Default machine of "vcpuctl run --rom" (docs/guest-machine.md): the
 * guest map of the guest runtime's machine.h, which the guests are built
 * for.
 */
#define DEFAULT_RAM_GPA		0x00000000u
#define DEFAULT_RAM_SIZE	(64u << 20)
#define DEFAULT_ROM_GPA		((uint32_t)FLASH_PA)
#define DEFAULT_ROM_SIZE	((uint32_t)FLASH_SIZE)
#define DEFAULT_UART_GPA	((uint32_t)UART_PA)
#define DEFAULT_POWER_GPA	((uint32_t)POWER_PA)

struct machine;

/* An emulated device: a window of guest physical addresses. */
struct device {
	const char *name;
	uint32_t base;
	uint32_t size;
	uint32_t (*read)(struct machine *m, struct device *d, uint32_t off,
			 uint32_t len);
	void (*write)(struct machine *m, struct device *d, uint32_t off,
		      uint32_t len, uint32_t val);
	void *priv;
};

#define MAX_DEVICES	8

struct vcpu {
	struct machine *m;
	uint32_t id;
	int fd;
	struct mipsvcpu_run *run;
	pthread_t thread;
	int result;
};

/* Guest memory vcpuctl backs: one per slot. */
struct mem_region {
	uint32_t gpa;
	uint32_t size;
	void *host;
};

struct gdbstub;

struct machine {
	int dev_fd;
	int vm_fd;
	struct vcpu vcpus[MIPSVCPU_MAX_VCPUS];
	int nvcpus;
	struct device devices[MAX_DEVICES];
	int ndevices;
	pthread_mutex_t lock;	/* devices, exit state */
	volatile sig_atomic_t stop;	/* powered off, died or timed out */
	int exit_code;
	bool trace;
	uint64_t mmio_exits;
	uint64_t unclaimed_mmio;
	struct mem_region mem[MIPSVCPU_MAX_MEMORY_SLOTS];
	int nmem;
	struct gdbstub *gdb;	/* --gdb, or NULL */
	bool gdb_died[MIPSVCPU_MAX_VCPUS];	/* reported once, then held */
};

/* How "vcpuctl run" runs a guest. */
struct run_options {
	unsigned int timeout;	/* seconds, 0: none */
	bool trace;
	const char *gdb;	/* --gdb PORT|PATH, or NULL */
	bool gdb_wait;
};

/* machine.c: */
int machine_open(struct machine *m);
int machine_add_memory(struct machine *m, uint32_t slot, uint32_t gpa,
		       uint32_t size, bool readonly, void **host);
int machine_map_memory(struct machine *m, uint32_t slot, uint32_t gpa,
		       uint32_t size, bool readonly, void *mem);
int machine_create_vcpu(struct machine *m, uint32_t id);
void machine_add_device(struct machine *m, const struct device *d);
int machine_add_coalesced(struct machine *m, uint32_t gpa, uint32_t size);
int machine_run(struct machine *m, unsigned int timeout_s);
void machine_stop(struct machine *m, int exit_code);
int load_file(const char *path, void *dst, size_t max, size_t *len);

/* uart.c: */
int uart_add(struct machine *m, uint32_t gpa, uint32_t irq);
void uart_poll(struct machine *m);
int terminal_raw(void);
void terminal_restore(void);

/* dtb.c: */
int cmd_run_dtb(const char *dtb, const char **images, int nimages,
		const struct run_options *o);
int cmd_info(const char *dtb);

/* stats.c: */
int cmd_stats(bool json);

/* gdbstub.c: */
int gdb_open(struct machine *m, const char *where, bool wait);
void gdb_start(struct machine *m);
bool gdb_vcpu_gate(struct vcpu *v);
void gdb_vcpu_debug_exit(struct vcpu *v);
void gdb_vcpu_died(struct vcpu *v);
void gdb_machine_stopping(struct machine *m);
void gdb_close(struct machine *m);

/* power.c: */
void power_add(struct machine *m, uint32_t gpa);

#endif /* VCPUCTL_H */
