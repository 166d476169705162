// SPDX-License-Identifier: GPL-2.0
/*
 * power.c - the power/reset register.
 *
 *   +0 SOFTRES   write 0x42: reset (as Malta's; vcpuctl ends with status 0)
 *   +4 POWEROFF  write N: power off; vcpuctl exits with status N & 0xff
 */
#include "vcpuctl.h"	/* machine.h: POWER_SOFTRES, POWER_OFF, SOFTRES_RESET */

static uint32_t power_read(struct machine *m, struct device *d, uint32_t off,
			   uint32_t len)
{
	(void)m;
	(void)d;
	(void)off;
	(void)len;
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
	};

	machine_add_device(m, &d);
}
