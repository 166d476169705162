// SPDX-License-Identifier: GPL-2.0
/*
 * mvc_util.c - helpers shared by the mipsvcpu selftests.
 */
#include <fcntl.h>
#include <unistd.h>

#include "kselftest.h"
#include "mvc_util.h"

int mvc_open_dev(void)
{
	int fd = open(MVC_DEV_PATH, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		ksft_print_msg("%s: %s: module not loaded?\n", MVC_DEV_PATH,
			       strerror(errno));
		exit(KSFT_SKIP);
	}
	return fd;
}

int mvc_create_vm(int dev_fd)
{
	struct mipsvcpu_create_vm arg = { 0 };

	return mvc_ioctl(dev_fd, MIPSVCPU_CREATE_VM, &arg);
}

long mvc_read_counter(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), MVC_SYSFS_DIR "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

long mvc_meminfo_kb(const char *field)
{
	size_t len = strlen(field);
	char line[128];
	long v = -1;
	FILE *f;

	f = fopen("/proc/meminfo", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, field, len) && line[len] == ':') {
			v = strtol(line + len + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return v;
}
