/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hostcpu.h - which host CPUs and kernels can run guests (pure; see
 * hostcpu.c).
 */
#ifndef MVC_HOSTCPU_H
#define MVC_HOSTCPU_H

#include "mvc_types.h"

/* Config register fields the decision reads (MIPS32 PRA; asm/mipsregs.h). */
#define MVC_CONF_M		0x80000000u	/* the next Config register exists */
#define MVC_CONF0_AR		0x00001c00u
#define MVC_CONF0_AR_R2		0x00000400u	/* Release 2 to 5 */
#define MVC_CONF0_MT		0x00000380u
#define MVC_CONF0_MT_TLB	0x00000080u
#define MVC_CONF0_MT_FTLB	0x00000200u	/* VTLB and FTLB */
#define MVC_CONF3_VEIC		0x00000040u
#define MVC_CONF3_PW		0x01000000u	/* hardware page table walker */
#define MVC_CONF3_MSA		0x10000000u
#define MVC_CONF5_MI		0x00020000u	/* MMID-tagged TLB */

/*
 * What the probe reads: the CPU's Config registers (0 from the first one
 * whose predecessor has M clear) and PRId, and what the running kernel
 * was built with or decided at boot.
 */
struct mvc_cpu_regs {
	u32 prid;
	u32 config[6];
	u32 tlbsize;		/* as Linux sized it (Config1, Config4) */
	bool kernel_phys64;	/* 64-bit phys_addr_t */
	bool kernel_xpa;	/* the kernel enabled XPA */
	bool kernel_eva;	/* CONFIG_EVA */
	bool kernel_msa;	/* CONFIG_CPU_HAS_MSA: tasks may own MSA */
};

const char *mvc_host_refusal(const struct mvc_cpu_regs *r);

#endif /* MVC_HOSTCPU_H */
