// SPDX-License-Identifier: GPL-2.0
/*
 * hostcpu_test.c - host tests of module/hostcpu.c: the probe's decision
 * over Config registers recorded from QEMU's Malta CPUs (the module's
 * refusal message prints them), for the hosts mipsvcpu runs on, and
 * over variants of them for what it must refuse.
 */
#include <string.h>

#include "kselftest_harness.h"
#include "../../module/hostcpu.h"

/* Recorded under Debian's 4kc-malta 6.1 kernel (no EVA, MSA built in). */
static const struct mvc_cpu_regs qemu_24kc = {
	.prid = 0x00019300,
	.config = { 0x80000482, 0x9e190c8e, 0x80000000, 0, 0, 0 },
	.tlbsize = 16, .kernel_msa = true,
};

static const struct mvc_cpu_regs qemu_34kf = {
	.prid = 0x00019500,
	.config = { 0x80000482, 0xfe190c8f, 0x80000000, 0x00000424, 0, 0 },
	.tlbsize = 64, .kernel_msa = true,
};

/* A MIPS32 R5 core: MSA, the walker (Config3.PW), XPA and EVA hardware. */
static const struct mvc_cpu_regs qemu_p5600 = {
	.prid = 0x0001a800,
	.config = { 0x80040482, 0xfea3519b, 0x80000000, 0xbf0030a0,
		    0xc01c0000, 0x10000038 },
	.tlbsize = 64, .kernel_xpa = true, .kernel_msa = true,
};

#define EXPECT_REFUSED(regs, words) do {				\
	const char *__why = mvc_host_refusal(&(regs));			\
	EXPECT_TRUE(__why && strstr(__why, words)) TH_LOG("%s", __why ?: "accepted"); \
} while (0)

TEST(the_tested_hosts_are_accepted)
{
	EXPECT_TRUE(mvc_host_refusal(&qemu_24kc) == NULL);
	EXPECT_TRUE(mvc_host_refusal(&qemu_34kf) == NULL);
}

TEST(cpus_without_what_the_world_switch_needs)
{
	struct mvc_cpu_regs r = qemu_24kc;

	r.config[0] = 0x80000082;		/* AR = 0: Release 1, a 4Kc */
	EXPECT_REFUSED(r, "Release 2");
	r.config[0] = 0x80000882;		/* AR = 2: Release 6 */
	EXPECT_REFUSED(r, "Release 2");
	r.config[0] = 0x80000582;		/* MT = 3: fixed mapping, no TLB */
	EXPECT_REFUSED(r, "no TLB");
	r = qemu_34kf;
	r.config[3] |= 0x40;			/* VEIC */
	EXPECT_REFUSED(r, "EIC");
	r = qemu_24kc;
	r.tlbsize = 4;
	EXPECT_REFUSED(r, "fewer than 8");
	r = qemu_24kc;
	r.kernel_phys64 = true;
	EXPECT_REFUSED(r, "32-bit physical");
	r = qemu_p5600;
	r.config[5] |= MVC_CONF5_MI;
	EXPECT_REFUSED(r, "MMID");
}

/* As recorded: Debian's kernel says the P5600 has XPA, refused for that. */
TEST(p5600_as_recorded)
{
	EXPECT_REFUSED(qemu_p5600, "32-bit physical");
}

/*
 * The walker would refill a guest's TLB miss from the VMM's page tables:
 * refused whatever else the core has or lacks.
 */
TEST(hardware_page_table_walker_is_refused)
{
	struct mvc_cpu_regs r = qemu_p5600;

	r.kernel_xpa = false;
	EXPECT_REFUSED(r, "page table walker");
	r.kernel_msa = false;
	EXPECT_REFUSED(r, "page table walker");
	r = qemu_34kf;
	r.config[3] |= MVC_CONF3_PW;
	EXPECT_REFUSED(r, "page table walker");
}

TEST(eva_kernels_are_refused)
{
	struct mvc_cpu_regs r = qemu_34kf;

	r.kernel_eva = true;
	EXPECT_REFUSED(r, "EVA");
}

/* MSA is refused only where the kernel would enable it for tasks. */
TEST(msa_the_kernel_hands_to_tasks_is_refused)
{
	struct mvc_cpu_regs r = qemu_p5600;

	r.kernel_xpa = false;
	r.config[3] &= ~MVC_CONF3_PW;
	EXPECT_REFUSED(r, "MSA");
	r.kernel_msa = false;
	EXPECT_TRUE(mvc_host_refusal(&r) == NULL);
	r = qemu_24kc;
	r.config[3] |= MVC_CONF3_MSA;
	EXPECT_REFUSED(r, "MSA");
}

TEST_HARNESS_MAIN
