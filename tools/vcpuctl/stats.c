// SPDX-License-Identifier: GPL-2.0
/*
 * stats.c - "vcpuctl stats": the exit counters of every VCPU alive, from
 * /sys/kernel/debug/mipsvcpu/vm<pid>.<n>/vcpu<id>.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vcpuctl.h"

#define STATS_DIR "/sys/kernel/debug/mipsvcpu"

static int print_vcpu(const char *vm, const char *vcpu, bool json,
		      bool first)
{
	char path[1024], key[64];
	unsigned long long v;
	FILE *f;

	snprintf(path, sizeof(path), STATS_DIR "/%s/%s", vm, vcpu);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (json)
		printf("%s\n  { \"vm\": \"%s\", \"vcpu\": %s", first ? "" : ",",
		       vm, vcpu + 4);
	else
		printf("%s %s:", vm, vcpu);
	while (fscanf(f, "%63s %llu", key, &v) == 2) {
		if (json)
			printf(", \"%s\": %llu", key, v);
		else
			printf(" %s=%llu", key, v);
	}
	printf(json ? " }" : "\n");
	fclose(f);
	return 0;
}

int cmd_stats(bool json)
{
	struct dirent *vm, *vcpu;
	DIR *top, *d;
	char path[512];
	bool first = true;

	top = opendir(STATS_DIR);
	if (!top) {
		fprintf(stderr, "vcpuctl: %s: %s (is the module loaded and debugfs mounted? mount -t debugfs none /sys/kernel/debug)\n",
			STATS_DIR, strerror(errno));
		return VCPUCTL_EXIT_NODEV;
	}
	if (json)
		printf("[");
	while ((vm = readdir(top))) {
		if (strncmp(vm->d_name, "vm", 2))
			continue;
		snprintf(path, sizeof(path), STATS_DIR "/%s", vm->d_name);
		d = opendir(path);
		if (!d)
			continue;
		while ((vcpu = readdir(d))) {
			if (strncmp(vcpu->d_name, "vcpu", 4))
				continue;
			if (!print_vcpu(vm->d_name, vcpu->d_name, json, first))
				first = false;
		}
		closedir(d);
	}
	closedir(top);
	if (json)
		printf("\n]\n");
	else if (first)
		printf("no VCPUs are alive\n");
	return 0;
}
