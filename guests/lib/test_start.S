/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test_start.S - reset entry and boot exception vectors of a selftest
 * guest program.
 *
 * Linked at 0x3fc00000, where a VCPU starts with BEV and EXL set.  While
 * BEV is set the exception vectors are 0x3fc00200 (TLB refill),
 * 0x3fc00380 (general) and 0x3fc00400 (interrupt with Cause.IV), so the
 * reset code jumps over them.  Each vector saves a struct frame on the
 * exception stack, calls guest_exception() and erets to frame->epc.
 */
#include "asm.h"
#include "test.h"

	.set	noreorder
	.set	noat
	reset_entry

	/*
	 * Each vector finds this VCPU's exception stack (EBase.CPUNum picks
	 * one of 8 stacks of 1 KiB) in k0 and its own offset in k1.
	 */
	.macro	vector offset
	.org	\offset
	mfc0	$k0, $15, 1
	andi	$k0, $k0, 7
	sll	$k0, $k0, 10
	la	$k1, exc_stack_top
	subu	$k0, $k1, $k0
	la	$k1, exc_common
	jr	$k1
	 li	$k1, \offset
	.endm

	vector	0x200
	vector	0x380
	vector	0x400

	.org	0x480
reset:
	/*
	 * The VCPU starts with EXL set, and while EXL is set an exception
	 * does not record EPC: keep BEV, clear EXL, ERL and IE, kernel mode.
	 */
	li	$t0, ST_BEV
	mtc0	$t0, $12
	ehb
	move	$s0, $a0
	move	$s1, $a1
	move	$s2, $a2
	move	$s3, $a3
	/*
	 * Stack at the top of RAM, through gKSEG0 (GVA = GPA there), 64 KiB
	 * per VCPU (a3 is the VCPU number).
	 */
	addu	$sp, $a0, $a1
	sll	$t0, $a3, 16
	subu	$sp, $sp, $t0
	addiu	$sp, $sp, -64
	/*
	 * VCPU 0 copies .data from ROM to RAM and clears .bss; the others
	 * wait until it has (the flag is in RAM the host gave us zeroed).
	 */
	beqz	$a3, 0f
	 nop
	la	$t1, boot_done
6:	lw	$t0, 0($t1)
	beqz	$t0, 6b
	 nop
	b	4f
	 nop
0:	copy_data_clear_bss
	li	$t0, 1
	la	$t1, boot_done
	sw	$t0, 0($t1)
4:	move	$a0, $s0
	move	$a1, $s1
	move	$a2, $s2
	la	$t9, main
	jalr	$t9
	 move	$a3, $s3
	la	$t9, poweroff
	jalr	$t9
	 move	$a0, $v0
5:	b	5b
	 nop

/* k0 = top of this VCPU's exception stack, k1 = vector offset. */
exc_common:
	addiu	$k0, $k0, -160
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	sw	$\n, (\n * 4)($k0)
	.endr
	sw	$k1, 152($k0)		/* vector */
	mfhi	$t0
	sw	$t0, 128($k0)
	mflo	$t0
	sw	$t0, 132($k0)
	mfc0	$t0, $14			/* EPC */
	sw	$t0, 136($k0)
	mfc0	$t0, $13			/* Cause */
	sw	$t0, 140($k0)
	mfc0	$t0, $12			/* Status */
	sw	$t0, 144($k0)
	mfc0	$t0, $8			/* BadVAddr */
	sw	$t0, 148($k0)
	move	$sp, $k0
	addiu	$sp, $sp, -32
	la	$t9, guest_exception
	jalr	$t9
	 move	$a0, $k0
	addiu	$k0, $sp, 32
	lw	$t0, 136($k0)
	mtc0	$t0, $14
	lw	$t0, 128($k0)
	mthi	$t0
	lw	$t0, 132($k0)
	mtlo	$t0
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	lw	$\n, (\n * 4)($k0)
	.endr
	eret

	.section .bss
	.align	4
	.space	8 * 1024
	.globl	exc_stack_top
exc_stack_top:

	/* Outside .bss: set by VCPU 0 once .data and .bss are ready. */
	.section .noinit, "aw", @nobits
	.align	2
boot_done:
	.space	4
