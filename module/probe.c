// SPDX-License-Identifier: GPL-2.0
/*
 * probe.c - find out at load time whether this CPU can host guests.
 *
 * mipsvcpu needs a MIPS32 Release 2 CPU with a real TLB and classic
 * ASIDs: the guest runs in host user mode behind host TLB entries tagged
 * with ASIDs of its own, and the world switch relies on R2's EBase, ehb
 * and ins.  The probe logs one line describing the host and refuses to
 * load, naming the missing feature, on anything else.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <asm/cpu-features.h>
#include <asm/cpu-info.h>
#include <asm/mipsregs.h>

#include "mipsvcpu.h"

/**
 * mvc_probe_cpu() - check the requirements and describe the host CPU
 * @caps: filled with what was found
 *
 * Runs on whichever CPU loads the module; every CPU of a MIPS SMP system
 * is the same core type.
 *
 * Return: 0, or -ENODEV with a message naming what is missing.
 */
int mvc_probe_cpu(struct mvc_host_caps *caps)
{
	struct cpuinfo_mips *c = &current_cpu_data;
	u32 vs;

	if (!cpu_has_tlb) {
		pr_err("no TLB on this CPU: guests cannot be mapped\n");
		return -ENODEV;
	}
	if (!cpu_has_mips_r2 || cpu_has_mips_r6) {
		pr_err("need a MIPS32 Release 2 CPU (EBase, ehb, ins)\n");
		return -ENODEV;
	}
	if (cpu_has_mmid) {
		pr_err("MMID-tagged TLBs are not supported, only classic ASIDs\n");
		return -ENODEV;
	}
	/*
	 * Shadow EntryLo values are built from 4 KiB PFNs in 32-bit physical
	 * space, and the vector page has room for eight vectored-interrupt
	 * slots, not the 64 of an external interrupt controller.
	 */
	BUILD_BUG_ON(PAGE_SIZE != SZ_4K);
	if (IS_ENABLED(CONFIG_PHYS_ADDR_T_64BIT) || cpu_has_xpa) {
		pr_err("needs 32-bit physical addresses (no XPA, no 64-bit phys_addr_t)\n");
		return -ENODEV;
	}
	if (cpu_has_veic) {
		pr_err("external interrupt controller (EIC) mode is not supported\n");
		return -ENODEV;
	}
	if (c->tlbsize < 8) {
		pr_err("TLB has %u entries, need at least 8\n", c->tlbsize);
		return -ENODEV;
	}

	caps->prid = read_c0_prid();
	caps->tlbsize = c->tlbsize;
	caps->asid_mask = cpu_asid_mask(c);
	caps->ebase = read_c0_ebase();
	caps->icache_line = c->icache.linesz;
	caps->dcache_line = c->dcache.linesz;
	caps->vectored_irq = !!(read_c0_cause() & CAUSEF_IV);
	vs = cpu_has_vint ? (read_c0_intctl() >> 5) & 0x1f : 0;
	caps->vi_spacing = vs << 5;

	pr_info("host PRId %08x: %u TLB entries, ASID mask %#x, EBase %08x, I/D line %u/%u, Cause.IV %d, VI spacing %#x\n",
		caps->prid, caps->tlbsize,
		caps->asid_mask, caps->ebase, caps->icache_line,
		caps->dcache_line, caps->vectored_irq, caps->vi_spacing);
	return 0;
}
