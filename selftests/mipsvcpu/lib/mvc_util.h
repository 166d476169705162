/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvc_util.h - the selftests' small library, after KVM's kvm_util.
 *
 * Two tiers of ioctl wrappers: __mvc_ioctl() returns what the kernel said;
 * mvc_ioctl() asserts success and names the ioctl when it fails, so that a
 * test reads as a short story.
 */
#ifndef MVC_UTIL_H
#define MVC_UTIL_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <time.h>

#include <linux/mipsvcpu.h>

#define MVC_DEV_PATH "/dev/mipsvcpu"
#define MVC_SYSFS_DIR "/sys/class/misc/mipsvcpu/"

#define __mvc_ioctl(fd, cmd, arg) ioctl(fd, cmd, arg)

#define mvc_ioctl(fd, cmd, arg) ({					\
	int __ret = ioctl(fd, cmd, arg);				\
	if (__ret < 0) {						\
		fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__,	\
			__LINE__, #cmd, strerror(errno));		\
		abort();						\
	}								\
	__ret;								\
})

/* Opens /dev/mipsvcpu, or exits with KSFT_SKIP when it is not there. */
int mvc_open_dev(void);
/* Creates a VM with default arguments and returns its fd (asserts). */
int mvc_create_vm(int dev_fd);
/* Reads an integer from /sys/class/misc/mipsvcpu/<name>. */
long mvc_read_counter(const char *name);
/* Reads a field of /proc/meminfo, in KiB. */
long mvc_meminfo_kb(const char *field);

#endif /* MVC_UTIL_H */

/* ---- running guest programs (guests/tests/) ---- */

#include <stdbool.h>
#include <stdint.h>

/* The guest map the guest programs are built for (guests/lib/machine.h). */
#include "../../../guests/lib/machine.h"

#define MVC_RAM_GPA		0x00000000u
#define MVC_ROM_GPA		((uint32_t)FLASH_PA)
#define MVC_ROM_SIZE		((uint32_t)FLASH_SIZE)
#define MVC_UART_GPA		((uint32_t)UART_PA)
#define MVC_POWER_GPA		((uint32_t)POWER_PA)
#define MVC_TESTDEV_GPA		((uint32_t)TESTDEV_PA)
#define MVC_MAX_REPORTS		256

/* One VM with one VCPU running a guest program. */
struct mvc_guest {
	int dev_fd, vm_fd, vcpu_fd;
	struct mipsvcpu_run *run;
	void *ram, *rom;
	uint32_t ram_size, rom_size;
	/* What the guest told us. */
	char uart[8192];
	size_t uart_len;
	uint32_t reports[MVC_MAX_REPORTS];
	unsigned int nreports;
	uint32_t fail_lines[16];
	unsigned int nfails;
	bool finished;		/* TESTDEV_DONE or power-off */
	uint32_t result;
	/* What the guest reads at TESTDEV_DATA. */
	uint32_t testdev_data;
	uint32_t testdev_data2;
	uint64_t mmio_exits, rom_writes;
	uint64_t coalesced_writes;	/* taken from the ring (mvc_guest_drain()) */
	/* The sink at TESTDEV + 0x1c checks a sequence 0, 1, 2, ... */
	uint32_t seq_next, seq_errors;
	/* Lines lowered on the guest's request (TESTDEV_IRQ_LOWER). */
	volatile uint32_t irq_acks;
	bool quiet;		/* do not print internal errors */
	const char *stop_at;	/* finish when the UART has printed this */
};

/* Creates a VM, RAM at 0 and the named image in the ROM; asserts. */
struct mvc_guest *mvc_guest_create(const char *image, uint32_t ram_size);
/* How mvc_guest_create_with() makes the VM; all zero: as mvc_guest_create(). */
struct mvc_guest_opts {
	struct mipsvcpu_create_vm vm;	/* MIPSVCPU_CREATE_VM's argument */
	const void *dtb;	/* for MIPSVCPU_SET_GUEST_DT, or NULL; its RAM */
	size_t dtb_len;		/* must be ram_size at 0, its ROM 4 MiB */
};
struct mvc_guest *mvc_guest_create_with(const char *image, uint32_t ram_size,
					const struct mvc_guest_opts *opts);
/* The same with an image in memory. */
struct mvc_guest *mvc_guest_create_from(const void *image, size_t len,
					uint32_t ram_size);
/* Runs until the guest finishes or @timeout_ms passes; returns the exit
 * reason of the last RUN, or -errno. */
int mvc_guest_run(struct mvc_guest *g, unsigned int timeout_ms);
void mvc_guest_destroy(struct mvc_guest *g);
/* Turns a boolean module parameter (fast_refill, fast_emulate) on or off;
 * 0 or -1. */
int mvc_set_param(const char *name, int on);
/* The first number a shell command prints (-1 if it cannot run). */
long mvc_shell_number(const char *cmd);
/* Completes the MMIO exit in g->run with the test devices. */
void mvc_guest_mmio(struct mvc_guest *g);
/*
 * Applies the stores in g->run's coalesced MMIO ring to the test devices,
 * oldest first; returns how many.  mvc_guest_run() calls it after every
 * RUN, before it looks at the exit.
 */
unsigned int mvc_guest_drain(struct mvc_guest *g);
/* Path of a guest image: $MIPSVCPU_GUESTS or <test dir>/guests. */
const char *mvc_guest_path(const char *image);
/*
 * Starts "vcpuctl ARGS..." (@args: NULL-terminated, without "vcpuctl")
 * with its stdin on a pipe (*@to_child, the write end) and its stdout and
 * stderr on another (*@from_child, the read end), and ignores SIGPIPE from
 * then on, so that a write after vcpuctl died fails instead of killing the
 * caller.  Returns the child's pid, or -1 with errno set.
 */
pid_t mvc_spawn_vcpuctl(const char *const args[], int *to_child,
			int *from_child);

/*
 * A conversation with a spawned vcpuctl: what it printed so far and how
 * far the reader has consumed it.  The caller provides @out (@size bytes)
 * and sets @fd, the read end mvc_spawn_vcpuctl() gave.
 */
struct mvc_console {
	int fd;
	char *out;		/* what vcpuctl printed, NUL-terminated */
	size_t size;
	size_t len;		/* bytes in @out */
	size_t seen;		/* output before this offset is consumed */
	uint64_t hit_ns;	/* mvc_now_ns() when the last wait succeeded */
};
/*
 * CLOCK_MONOTONIC in ns (under -icount, host instructions); inline, as
 * mvc_bench measures clock_gettime() itself with it.
 */
static inline uint64_t mvc_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}
/*
 * Reads until @want appears after the consumed part, vcpuctl goes away,
 * @out is full or @secs pass.  Returns the text from the consumed offset
 * and consumes up to the end of @want, or NULL.
 */
const char *mvc_console_wait(struct mvc_console *c, const char *want,
			     double secs);

/* ---- Linux as a guest (guests/linux/, docs/linux-guest.md) ---- */

/* Where the MIPS host's initramfs holds the guest's files (mk/linux.mk). */
#define MVC_LINUX_DIR		"/examples/linux"
/* The guest's userland for host processes to chroot into (mk/linux.mk). */
#define MVC_LINUX_USERLAND	MVC_LINUX_DIR "/userland"
/* The guest shell's prompt: PS1 in guests/linux/init. */
#define MVC_LINUX_PROMPT	"guest# "
