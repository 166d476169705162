// SPDX-License-Identifier: GPL-2.0
/*
 * power.c - the power/reset register.
 *
 *   +0 SOFTRES   write 0x42: reset (as Malta's; vcpuctl ends with status 0)
 *   +4 POWEROFF  write N: power off; vcpuctl exits with status N & 0xff
 *      LOOPS     read: iterations per second of a two-instruction delay
 *                loop (a taken branch and an ALU instruction in its delay
 *                slot: Linux's __delay) on this host, 0 if unknown
 *
 * The guest runs that loop natively, as fast as the host does, so a guest
 * kernel that reads LOOPS needs not time the loop against its clock at
 * boot (Linux's calibrate_delay() spins for some tens of milliseconds).
 * The host's kernel has timed it: /proc/cpuinfo's BogoMIPS is its
 * loops_per_jiffy * HZ / 500000.
 */
#include <stdio.h>

#include "vcpuctl.h"	/* machine.h: POWER_SOFTRES, POWER_OFF, SOFTRES_RESET */

/* The host's delay-loop iterations per second, or 0. */
static uint32_t host_loop_rate(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	unsigned int whole, hundredths;
	uint64_t rate = 0;
	char line[256];

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "BogoMIPS : %u.%2u", &whole, &hundredths) == 2) {
			rate = ((uint64_t)whole * 100 + hundredths) * 5000;
			break;
		}
	fclose(f);
	return rate > UINT32_MAX ? 0 : (uint32_t)rate;
}

static uint32_t power_read(struct machine *m, struct device *d, uint32_t off,
			   uint32_t len)
{
	(void)m;
	if (off == POWER_LOOPS && len == 4)
		return (uint32_t)(uintptr_t)d->priv;
	return 0;
}

static void power_write(struct machine *m, struct device *d, uint32_t off,
			uint32_t len, uint32_t val)
{
	(void)d;
	(void)len;
	if (off == POWER_OFF)
		machine_stop(m, val & 0xff);
	else if (off == POWER_SOFTRES && (val & 0xff) == SOFTRES_RESET)
		machine_stop(m, 0);
}

void power_add(struct machine *m, uint32_t gpa)
{
	struct device d = {
		.name = "power", .base = gpa, .size = 8,
		.read = power_read, .write = power_write,
		.priv = (void *)(uintptr_t)host_loop_rate(),
	};

	machine_add_device(m, &d);
}
