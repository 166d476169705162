/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm.h - assembler macros of the guest runtime, for the reset code of
 * the guest programs (firmware, conformance, selftest guests).
 */
#ifndef GUEST_ASM_H
#define GUEST_ASM_H

#ifdef __ASSEMBLER__
/*
 * The program's first instruction, at the reset address (test.ld and
 * conformance.lds.S put .text.start there): a branch over the boot
 * exception vectors to the caller's label "reset".
 */
	.macro	reset_entry
	.section .text.start, "ax"
	.globl	_start
_start:
	b	reset
	 nop
	.endm

/*
 * A boot exception vector (BEV=1) at offset \offset from the reset
 * address: k1 = \base + \offset, then a jump to \entry (k0 is clobbered).
 * Used with .set noreorder.
 */
	.macro	boot_vector offset, entry, base
	.org	\offset
	lui	$k0, %hi(\entry)
	addiu	$k0, $k0, %lo(\entry)
	li	$k1, \base + \offset
	jr	$k0
	 nop
	.endm

/*
 * .data from its load address in the boot ROM to RAM, then .bss cleared:
 * the linker script's _data_load, _data_start, _data_end, _bss_start and
 * _bss_end, word-aligned.  Clobbers t0-t3.  Used with .set noreorder.
 * Its local labels are 91-94: a caller's 91f-94f must not cross it.
 */
	.macro	copy_data_clear_bss
	la	$t0, _data_load
	la	$t1, _data_start
	la	$t2, _data_end
91:
	beq	$t1, $t2, 92f
	 nop
	lw	$t3, 0($t0)
	sw	$t3, 0($t1)
	addiu	$t0, $t0, 4
	b	91b
	 addiu	$t1, $t1, 4
92:
	la	$t1, _bss_start
	la	$t2, _bss_end
93:
	beq	$t1, $t2, 94f
	 nop
	sw	$zero, 0($t1)
	b	93b
	 addiu	$t1, $t1, 4
94:
	.endm
#endif

#endif /* GUEST_ASM_H */
