// SPDX-License-Identifier: GPL-2.0
/*
 * conformance.c - the differential CPU conformance program (issue 4).
 *
 * One source, built twice:
 *
 *   -DMAP_REAL  the architectural map: reset at 0xbfc00000, KSEG0/1/2/3 at
 *               0x80000000/0xa0000000/0xc0000000/0xe0000000.  Run bare
 *               metal on QEMU's Malta (-cpu 24Kc -bios, -icount shift=0):
 *               the oracle.
 *   (default)   the mipsvcpu guest map: reset at 0x3fc00000, the kernel
 *               view's KSEG0/1/2/3 at 0x00000000/0x20000000/0x40000000/
 *               0x60000000.  Run with `vcpuctl run --rom`.
 *
 * Each check prints one line "name: value" (value in 8 hex digits), so
 * the two logs compare line by line (tools/conformance-compare.sh).
 * Lines starting with "~" hold values a real CPU model may legitimately
 * choose (PRId, Config, TLB size, ...), with the reason; they are printed
 * for the record and not compared.  Lines starting with "==" or "!!" are
 * markers and errors.
 *
 * Normalization: every printed value must mean the same thing in both
 * maps, so
 *   - a kernel-view address (EPC, BadVAddr, EntryHi, Context.BadVPN2 or a
 *     vector, of something that happened in kernel mode) is printed as
 *     KVA(x) = x + MAP_SHIFT, the real map's address: 0 on the real build,
 *     0x80000000 on the guest build, whose kernel view is the real one
 *     shifted down by 2 GiB;
 *   - EBase is printed as KVA(EBase): its bits 31:30 read 0b10 on a real
 *     CPU and 0b00 in the guest;
 *   - user-mode addresses (exceptions with Status.KSU = user at entry) are
 *     printed unchanged: 0x00000000-0x7fffffff is the user segment in both
 *     maps and 0x80000000 and up an address error in both;
 *   - physical addresses (EntryLo PFNs, Context.PTEBase, memory contents)
 *     and register write masks are printed unchanged;
 *   - code addresses are comparable because every instruction whose
 *     address is printed lives in .fixed (fixed.S): the same bytes at
 *     RESET_VA + 0x1000 in both builds (the build checks it);
 *   - Cause never shows IP2-IP6 (the Malta's i8259 raises IP2 on its own)
 *     and shows TI/IP7 only in the timer checks;
 *   - the timer checks print behaviour (taken or not, vector, cause),
 *     never times: Count runs at different rates on the two machines.
 * Kernel-mode TLB checks use KSEG2/KSEG3 only: the guest's kernel view has
 * no mapped low segment, and the user checks reach the low 2 GiB in user
 * mode.
 *
 * Every exception goes through exc_entry (start.S) and exc_handler()
 * (lib.c), which records it into `exc` for the check that armed it; an
 * exception nobody armed prints a "!!" line and powers off.  The guest
 * build powers off through mipsvcpu's power device (exit status 0 when
 * every check ran), the real build through the Malta's SOFTRES register
 * (QEMU exits with -no-reboot).
 */
#include "conformance.h"

u32 tlb_size;

static void reset_checks(void)
{
	u32 status = reset_regs[4];

	check_impl("reset.status", status,
		   "mipsvcpu resets with BEV|EXL (the seed), a CPU with BEV|ERL");
	check("reset.status.bev", status >> 22 & 1);
	check("reset.status.ksu_ie", status & (ST_KSU_MASK | ST_IE));
	check_impl("reset.a0", reset_regs[0], "mipsvcpu: RAM base");
	check_impl("reset.a1", reset_regs[1], "mipsvcpu: RAM size");
	check_impl("reset.a2", reset_regs[2], "mipsvcpu: device tree");
	check_impl("reset.a3", reset_regs[3], "mipsvcpu: VCPU number");
	check("reset.ebase", KVA(mfc0(15, 1)));
	check("reset.wired", mfc0(6, 0));
	check_impl("reset.random", mfc0(1, 0), "QEMU's Random is a PRNG");
}

static void id_checks(void)
{
	u32 config0 = mfc0(16, 0);

	tlb_size = (mfc0(16, 1) >> 25 & 0x3f) + 1;
	check_impl("prid", mfc0(15, 0), "CPU model");
	check_impl("config0", config0, "CPU model");
	check_impl("config1", mfc0(16, 1), "CPU model: TLB size, caches, FPU");
	check_impl("config2", mfc0(16, 2), "CPU model");
	check_impl("config3", mfc0(16, 3), "CPU model: ASEs");
	check_impl("config7", mfc0(16, 7), "CPU model");
	check_impl("tlb.size", tlb_size, "CPU model");
	/* What a MIPS32 R2 little-endian CPU with a TLB must say. */
	check("config0.m", config0 >> 31);
	check("config0.be", config0 >> 15 & 1);
	check("config0.at", config0 >> 13 & 3);
	check("config0.ar", config0 >> 10 & 7);
	check("config0.mt", config0 >> 7 & 7);
	check("config1.m", mfc0(16, 1) >> 31);
	check("ebase.cpunum", mfc0(15, 1) & 0x3ff);
}

int main(void)
{
	puts("\n== conformance begin (" MAP_NAME " map)\n");
	reset_checks();
	id_checks();
	install_vectors(VEC_A_PA);
	cp0_checks();
	kernel_state();
	tlb_checks();
	exc_checks();
	irq_checks();
	user_checks();
	power_off(0);
}
