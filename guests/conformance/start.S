/* SPDX-License-Identifier: GPL-2.0 */
/*
 * start.S - reset entry, boot exception vectors, the common exception
 * entry and the switch to user mode, for both address maps.
 *
 * Linked at RESET_VA (0xbfc00000 real, 0x3fc00000 guest).  The first
 * instruction branches over the boot vectors and over offset 0x10, where
 * QEMU's Malta writes its board ID.  Every vector, boot (BEV=1) or RAM
 * (BEV=0, planted by install_vectors()), loads k1 with its own address
 * and jumps to exc_entry, which saves the registers and CP0 state into
 * exc_frame, calls exc_handler() on a private stack and erets to the
 * EPC and Status the handler left in the frame.
 */
#include "asm.h"
#include "conformance.h"

	.set	noreorder
	.set	noat
	reset_entry

	boot_vector 0x200, exc_entry, RESET_VA	/* TLB refill, BEV=1 */
	boot_vector 0x380, exc_entry, RESET_VA	/* general, BEV=1 */
	boot_vector 0x400, exc_entry, RESET_VA	/* interrupt, BEV=1 and Cause.IV=1 */

	.org	0x480
reset:
	/* What the machine handed over, before anything changes it. */
	mfc0	$s4, $12
	move	$s0, $a0
	move	$s1, $a1
	move	$s2, $a2
	move	$s3, $a3
	/* Kernel mode, boot vectors, EXL = ERL = IE = 0. */
	li	$t0, ST_BEV
	mtc0	$t0, $12
	ehb
	li	$sp, KSEG0(STACK_TOP_PA) - 32
	copy_data_clear_bss
	la	$t0, reset_regs
	sw	$s0, 0($t0)
	sw	$s1, 4($t0)
	sw	$s2, 8($t0)
	sw	$s3, 12($t0)
	sw	$s4, 16($t0)
	la	$t9, main
	jalr	$t9
	 nop
	la	$t9, power_off
	jalr	$t9
	 li	$a0, 3
5:	b	5b
	 nop

	.text
/* k1 = address of the vector that ran. */
	.globl	exc_entry
exc_entry:
	la	$k0, exc_frame
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	sw	$\n, (FR_GPR + \n * 4)($k0)
	.endr
	sw	$zero, FR_GPR($k0)
	sw	$k1, FR_VECTOR($k0)
	mfc0	$t0, $14
	sw	$t0, FR_EPC($k0)
	mfc0	$t0, $13
	sw	$t0, FR_CAUSE($k0)
	mfc0	$t0, $12
	sw	$t0, FR_STATUS($k0)
	mfc0	$t0, $8
	sw	$t0, FR_BADVADDR($k0)
	mfc0	$t0, $10
	sw	$t0, FR_ENTRYHI($k0)
	mfc0	$t0, $4
	sw	$t0, FR_CONTEXT($k0)
	la	$sp, exc_stack_top - 32
	la	$t9, exc_handler
	jalr	$t9
	 move	$a0, $k0
	la	$k0, exc_frame
	lw	$t0, FR_EPC($k0)
	mtc0	$t0, $14
	lw	$t0, FR_STATUS($k0)
	mtc0	$t0, $12
	ehb
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	lw	$\n, (FR_GPR + \n * 4)($k0)
	.endr
	eret

/*
 * void enter_user(u32 epc, u32 status, u32 arg): eret to epc with status
 * (which has EXL and KSU=user); the user program finds arg in a2.  The user program ends in an exception; the
 * handler resumes at user_return in kernel mode with the user's
 * registers, and user_return returns from enter_user().
 */
	.globl	enter_user
enter_user:
	la	$t0, user_save
	sw	$s0, 0($t0)
	sw	$s1, 4($t0)
	sw	$s2, 8($t0)
	sw	$s3, 12($t0)
	sw	$s4, 16($t0)
	sw	$s5, 20($t0)
	sw	$s6, 24($t0)
	sw	$s7, 28($t0)
	sw	$gp, 32($t0)
	sw	$sp, 36($t0)
	sw	$fp, 40($t0)
	sw	$ra, 44($t0)
	mtc0	$a0, $14
	mtc0	$a1, $12
	ehb
	eret

	.globl	user_return
user_return:
	la	$t0, user_save
	lw	$s0, 0($t0)
	lw	$s1, 4($t0)
	lw	$s2, 8($t0)
	lw	$s3, 12($t0)
	lw	$s4, 16($t0)
	lw	$s5, 20($t0)
	lw	$s6, 24($t0)
	lw	$s7, 28($t0)
	lw	$gp, 32($t0)
	lw	$sp, 36($t0)
	lw	$fp, 40($t0)
	lw	$ra, 44($t0)
	jr	$ra
	 nop

	.section .bss
	.align	4
	.globl	exc_frame
exc_frame:
	.space	FR_SIZE
user_save:
	.space	48
	.globl	reset_regs
reset_regs:
	.space	20
	.align	4
	.space	4096
exc_stack_top:
