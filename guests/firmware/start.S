/* SPDX-License-Identifier: GPL-2.0 */
/*
 * start.S - the firmware's first instructions, its boot exception vectors,
 * and the jump into the loaded OS.
 *
 * Linked at RESET_VA (0x3fc00000; 0xbfc00000 with MAP_REAL), where the
 * VCPU starts with BEV and EXL set and a0..a3 = RAM base, RAM size, DTB,
 * CPU number.  With BEV set the vectors are RESET_VA + 0x200 (TLB refill),
 * + 0x380 (general) and + 0x400 (interrupt with Cause.IV), so the reset
 * path branches over them; the branch also skips offset 0x10, where the
 * Malta board writes its ID into the flash.
 *
 * The reset path clears EXL (while EXL is set an exception records no
 * EPC), makes KSEG0 cacheable, puts the stack at the top of RAM through
 * KSEG0 (the firmware itself has no writable data: it runs from flash and
 * touches RAM only for its stack and the OS it loads) and calls fw_main().
 * DRAM is not initialised: the caller says where it is.
 */
#include "asm.h"
#include "machine.h"
#include "mips.h"

#define FW_FRAME	32	/* o32: room for a callee's four argument words */

	.set	noreorder
	.section .text.reset, "ax"
	.globl	_start
_start:
	b	reset
	 nop

/* Every boot vector reports the exception; k1 = the vector's offset. */
	boot_vector BEV_VEC_BASE + VEC_REFILL, fw_exception_entry, 0
	boot_vector BEV_VEC_BASE + VEC_GENERAL, fw_exception_entry, 0
	boot_vector BEV_VEC_BASE + VEC_INTERRUPT, fw_exception_entry, 0

reset:
	/* Kernel mode, boot vectors, EXL = ERL = IE = 0. */
	li	$t0, ST_BEV
	mtc0	$t0, CP0_STATUS
	ehb
	/* KSEG0 cacheable, as firmware sets Config.K0 on hardware. */
	mfc0	$t0, CP0_CONFIG
	li	$t1, ~CONFIG_K0_MASK
	and	$t0, $t0, $t1
	ori	$t0, $t0, CCA_CACHABLE_NONCOHERENT
	mtc0	$t0, CP0_CONFIG
	ehb
	/* Stack at the top of RAM (board default size when a1 is 0). */
	move	$t0, $a1
	bnez	$t0, 1f
	 nop
	li	$t0, BOARD_DEFAULT_RAM_SIZE
1:	addu	$sp, $a0, $t0
	li	$t1, KSEG0_BASE
	addu	$sp, $sp, $t1
	addiu	$sp, $sp, -FW_FRAME
	jal	fw_main			/* a0..a3 as the VCPU got them */
	 nop
2:	b	2b
	 nop

fw_exception_entry:
	move	$a0, $k1
	mfc0	$a1, CP0_CAUSE
	mfc0	$a2, CP0_EPC
	mfc0	$a3, CP0_BADVADDR
	jal	fw_exception
	 nop
3:	b	3b
	 nop

/*
 * void jump_to_os(u32 entry_va, u32 ram_base, u32 ram_size, u32 dtb,
 *		   u32 cpu): enter the OS with a0..a3 = RAM base, RAM size,
 * DTB, CPU number.  jr.hb clears the instruction hazard left by the cache
 * maintenance, so the OS's first fetch sees the copied code.
 */
	.text
	.globl	jump_to_os
jump_to_os:
	move	$t9, $a0
	move	$a0, $a1
	move	$a1, $a2
	move	$a2, $a3
	lw	$a3, 16($sp)
	jr.hb	$t9
	 nop
