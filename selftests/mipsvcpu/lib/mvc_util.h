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
