// SPDX-License-Identifier: GPL-2.0
/*
 * vcpuctl - the command-line front end of /dev/mipsvcpu.
 *
 *   vcpuctl version     the module's API version and what is alive
 *   vcpuctl --help
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/mipsvcpu.h>

#define DEV_PATH "/dev/mipsvcpu"
#define SYSFS_DIR "/sys/class/misc/mipsvcpu/"

/* Exit codes for errors of vcpuctl itself (the guest's own code otherwise). */
#define VCPUCTL_EXIT_USAGE	64
#define VCPUCTL_EXIT_NODEV	69

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vcpuctl COMMAND [ARGS]\n"
		"\n"
		"commands:\n"
		"  version   print the API version of vcpuctl and of the loaded module\n"
		"\n"
		"vcpuctl --help prints this text.\n");
}

static int open_device(void)
{
	int fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT)
		fprintf(stderr, "vcpuctl: %s does not exist: is the mipsvcpu module loaded? (insmod mipsvcpu.ko)\n",
			DEV_PATH);
	else if (errno == EACCES || errno == EPERM)
		fprintf(stderr, "vcpuctl: no permission to open %s: ask for access to it (see README)\n",
			DEV_PATH);
	else
		fprintf(stderr, "vcpuctl: cannot open %s: %s\n", DEV_PATH,
			strerror(errno));
	return -1;
}

static long read_counter(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), SYSFS_DIR "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

static int cmd_version(void)
{
	int fd = open_device();
	int version;

	if (fd < 0)
		return VCPUCTL_EXIT_NODEV;
	version = ioctl(fd, MIPSVCPU_GET_API_VERSION, 0);
	close(fd);
	if (version < 0) {
		perror("vcpuctl: MIPSVCPU_GET_API_VERSION");
		return VCPUCTL_EXIT_NODEV;
	}
	printf("vcpuctl API version %d, module API version %d\n",
	       MIPSVCPU_API_VERSION, version);
	printf("live: %ld VMs, %ld VCPUs, %ld pinned pages\n",
	       read_counter("live_vms"), read_counter("live_vcpus"),
	       read_counter("pinned_pages"));
	return version == MIPSVCPU_API_VERSION ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return VCPUCTL_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "version"))
		return cmd_version();
	fprintf(stderr, "vcpuctl: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return VCPUCTL_EXIT_USAGE;
}
