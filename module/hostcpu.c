// SPDX-License-Identifier: GPL-2.0
/*
 * hostcpu.c - which host CPUs and kernels can run guests.
 *
 * The decision is a function of the CPU's Config registers and of a few
 * facts about the running kernel, so that it can be tested over registers
 * recorded from CPUs we cannot boot (tests/host/hostcpu_test.c); probe.c
 * only reads them.  Every refusal is a property the world switch or the
 * isolation of guests depends on:
 *
 * - a TLB, MIPS32 Release 2 to 5 (EBase, ehb, ins; R6 changed the
 *   encodings the emulator decodes), and classic ASIDs: shadow entries are
 *   tagged with ASIDs from Linux's allocator; MMIDs are a different scheme;
 * - 32-bit physical addresses: shadow EntryLo values are 4 KiB PFNs;
 * - no external interrupt controller: the vector page has room for the
 *   eight vectored-interrupt slots of VInt mode, not EIC's 64;
 * - at least 8 TLB entries, for the guest's pair, its refill and the host;
 * - no hardware page table walker (Config3.PW): on a TLB miss the walker
 *   refills from the page tables at PWBase, which still describe the VMM
 *   task while its guest runs, so a guest miss would be served with the
 *   VMM's own memory at the same address instead of trapping to mipsvcpu;
 * - no EVA kernel: guests rely on the legacy segments, on user-mode
 *   accesses at 0x80000000 and above raising address errors and on KSEG0
 *   being unmapped for the vector page;
 * - no MSA the kernel may hand to tasks: the guest runs with the VMM task's
 *   Config5.MSAEn, so after the task used MSA the guest could execute MSA
 *   instructions on the task's vector registers (and its Config1/Config3
 *   say it has neither FPU nor MSA).  KVM's trap-and-emulate port gave up
 *   the task's FPU and MSA (lose_fpu()) before every entry; mipsvcpu
 *   refuses such hosts instead of running that untested on QEMU.
 *
 * Pure: no kernel dependencies, compiled unchanged into the host tests.
 */
#include "hostcpu.h"

#define MIN_TLB_ENTRIES	8

/**
 * mvc_host_refusal() - why guests cannot run on this host, if they cannot
 * @r: the registers and kernel facts the probe recorded
 *
 * Return: NULL when the host is supported, else the first reason, as one
 * line for the kernel log.
 */
const char *mvc_host_refusal(const struct mvc_cpu_regs *r)
{
	u32 c0 = r->config[0], c3 = r->config[3], c5 = r->config[5];
	u32 mt = c0 & MVC_CONF0_MT;

	if (mt != MVC_CONF0_MT_TLB && mt != MVC_CONF0_MT_FTLB)
		return "no TLB on this CPU: guests cannot be mapped";
	if ((c0 & MVC_CONF0_AR) != MVC_CONF0_AR_R2)
		return "need a MIPS32 Release 2 CPU (EBase, ehb, ins)";
	if (c5 & MVC_CONF5_MI)
		return "MMID-tagged TLBs are not supported, only classic ASIDs";
	if (r->kernel_phys64 || r->kernel_xpa)
		return "needs 32-bit physical addresses (no XPA, no 64-bit phys_addr_t)";
	if (c3 & MVC_CONF3_VEIC)
		return "external interrupt controller (EIC) mode is not supported";
	if (r->tlbsize < MIN_TLB_ENTRIES)
		return "TLB has fewer than 8 entries";
	if (c3 & MVC_CONF3_PW)
		return "hardware page table walker (Config3.PW) would give guests VMM memory";
	if (r->kernel_eva)
		return "EVA kernels are not supported: guests rely on the legacy segments";
	if ((c3 & MVC_CONF3_MSA) && r->kernel_msa)
		return "MSA, which the kernel enables for tasks, would stay enabled for guests";
	return NULL;
}
