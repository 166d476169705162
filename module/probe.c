// SPDX-License-Identifier: GPL-2.0
/*
 * probe.c - find out at load time whether this CPU can host guests.
 *
 * The probe reads the CPU's Config registers and what the kernel was built
 * with; hostcpu.c decides (and says why it refuses).  It logs one line
 * describing an accepted host; a refused one gets the reason and the
 * registers, which is all a host test needs to reproduce the decision.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <asm/cpu-features.h>
#include <asm/cpu-info.h>
#include <asm/mipsregs.h>
#include <asm/time.h>

#include "mipsvcpu.h"
#include "hostcpu.h"

/* The Config registers up to the first whose predecessor has M clear. */
static void mvc_read_config(u32 config[6])
{
	config[0] = read_c0_config();
	config[1] = config[0] & MIPS_CONF_M ? read_c0_config1() : 0;
	config[2] = config[1] & MIPS_CONF_M ? read_c0_config2() : 0;
	config[3] = config[2] & MIPS_CONF_M ? read_c0_config3() : 0;
	config[4] = config[3] & MIPS_CONF_M ? read_c0_config4() : 0;
	config[5] = config[4] & MIPS_CONF_M ? read_c0_config5() : 0;
}

/**
 * mvc_probe_cpu() - check the requirements and describe the host CPU
 * @caps: filled with what was found
 *
 * Runs on whichever CPU loads the module; every CPU of a MIPS SMP system
 * is the same core type.  The decision is hostcpu.c's.
 *
 * Return: 0, or -ENODEV with a message naming what is missing.
 */
int mvc_probe_cpu(struct mvc_host_caps *caps)
{
	struct cpuinfo_mips *c = &current_cpu_data;
	struct mvc_cpu_regs r = {
		.prid = read_c0_prid(),
		.tlbsize = c->tlbsize,
		.kernel_phys64 = IS_ENABLED(CONFIG_PHYS_ADDR_T_64BIT),
		.kernel_xpa = cpu_has_xpa,
		.kernel_eva = IS_ENABLED(CONFIG_EVA),
		.kernel_msa = IS_ENABLED(CONFIG_CPU_HAS_MSA),
	};
	const char *why;
	u32 vs;

	BUILD_BUG_ON(MVC_CONF_M != MIPS_CONF_M);
	BUILD_BUG_ON(MVC_CONF0_AR != MIPS_CONF_AR);
	BUILD_BUG_ON(MVC_CONF0_MT != MIPS_CONF_MT);
	BUILD_BUG_ON(MVC_CONF0_MT_TLB != MIPS_CONF_MT_TLB);
	BUILD_BUG_ON(MVC_CONF0_MT_FTLB != MIPS_CONF_MT_FTLB);
	BUILD_BUG_ON(MVC_CONF3_VEIC != MIPS_CONF3_VEIC);
	BUILD_BUG_ON(MVC_CONF3_PW != MIPS_CONF3_PW);
	BUILD_BUG_ON(MVC_CONF3_MSA != MIPS_CONF3_MSA);
	BUILD_BUG_ON(MVC_CONF5_MI != MIPS_CONF5_MI);
	/* Shadow EntryLo values are built from 4 KiB PFNs. */
	BUILD_BUG_ON(PAGE_SIZE != SZ_4K);
	mvc_read_config(r.config);
	why = mvc_host_refusal(&r);
	if (why) {
		pr_err("%s\n", why);
		pr_err("host PRId %08x Config0-5 %08x %08x %08x %08x %08x %08x, %u TLB entries\n",
		       r.prid, r.config[0], r.config[1], r.config[2],
		       r.config[3], r.config[4], r.config[5], r.tlbsize);
		return -ENODEV;
	}

	caps->prid = r.prid;
	caps->tlbsize = c->tlbsize;
	caps->asid_mask = cpu_asid_mask(c);
	caps->ebase = read_c0_ebase();
	caps->icache_line = c->icache.linesz;
	caps->dcache_line = c->dcache.linesz;
	/* entry.S's cache: one Hit op per guest line, on each cache. */
	caps->hit_cache_ops = caps->icache_line >= MVC_GUEST_CACHE_LINE &&
			      caps->dcache_line >= MVC_GUEST_CACHE_LINE;
	caps->dc_no_aliases = !cpu_has_dc_aliases;
	/*
	 * The vector's clock for Cause reads (count.c): only where Count
	 * keeps the rate the kernel measured at boot, which cpufreq could
	 * change on cores whose Count follows the core clock.
	 */
	caps->count_hz = IS_ENABLED(CONFIG_CPU_FREQ) ? 0 : mips_hpt_frequency;
	caps->vectored_irq = !!(read_c0_cause() & CAUSEF_IV);
	vs = cpu_has_vint ? (read_c0_intctl() >> 5) & 0x1f : 0;
	caps->vi_spacing = vs << 5;

	pr_info("host PRId %08x: %u TLB entries, ASID mask %#x, EBase %08x, I/D line %u/%u, Cause.IV %d, VI spacing %#x, Count %u Hz\n",
		caps->prid, caps->tlbsize,
		caps->asid_mask, caps->ebase, caps->icache_line,
		caps->dcache_line, caps->vectored_irq, caps->vi_spacing,
		caps->count_hz);
	return 0;
}
