/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vectors.S - the demo OS's exception vectors and the way in and out of
 * the kernel.
 *
 * refill_vector..refill_vector_end is copied to EBase + 0x000.  It is the
 * TLB refill handler for user addresses, in the classic form: Context
 * holds BadVPN2 (PTEBase is 0), so Context >> 11 indexes the page
 * directory (one word per 4 MiB) and Context >> 1 the page-table page (an
 * even/odd pair of EntryLo words per 8 KiB).  pgd_current is the running
 * task's directory; slots it does not use point at an all-invalid page,
 * so a stray address loads an invalid entry and the retry takes a TLB
 * invalid exception through the general vector.  The pair goes in with
 * tlbwr, under the ASID the refill left in EntryHi.
 *
 * general_vector..general_vector_end is copied to EBase + 0x180 (Cause.IV
 * is kept 0, so interrupts come here too) and jumps to exception_entry,
 * which saves the whole user context into the current task's trapframe,
 * drops to kernel mode with EXL and interrupts off, and calls trap().
 * trap() returns the frame to resume, maybe another task's, and
 * resume_frame() restores it and erets.  The idle loop is a kernel-mode
 * "task" with its own frame, so an interrupt that ends a wait takes the
 * same path.  An exception while the kernel runs (in_handler set) goes
 * to kernel_fault() on a stack of its own.
 */
#include "os.h"
#include "mips.h"

	.set	noreorder
	.set	noat

	.macro	save_gprs base
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	sw	$\n, TF_REG(\n)(\base)
	.endr
	.endm

	.macro	restore_gprs base
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	lw	$\n, TF_REG(\n)(\base)
	.endr
	.endm

	.text
	.globl	refill_vector, refill_vector_end
refill_vector:
	mfc0	$k0, CP0_CONTEXT
	lui	$k1, %hi(pgd_current)
	lw	$k1, %lo(pgd_current)($k1)
	srl	$k0, $k0, 11			/* VA[31:22] * 4 */
	andi	$k0, $k0, 0xffc
	addu	$k1, $k1, $k0
	lw	$k1, 0($k1)			/* page-table page */
	mfc0	$k0, CP0_CONTEXT
	srl	$k0, $k0, 1			/* VA[21:13] * 8 */
	andi	$k0, $k0, 0xff8
	addu	$k1, $k1, $k0
	lw	$k0, 0($k1)
	lw	$k1, 4($k1)
	mtc0	$k0, CP0_ENTRYLO0
	mtc0	$k1, CP0_ENTRYLO1
	ehb
	tlbwr
	lui	$k0, %hi(tlb_refills)
	lw	$k1, %lo(tlb_refills)($k0)
	addiu	$k1, $k1, 1
	sw	$k1, %lo(tlb_refills)($k0)
	eret
refill_vector_end:

	.globl	general_vector, general_vector_end
general_vector:
	lui	$k0, %hi(exception_entry)
	addiu	$k0, $k0, %lo(exception_entry)
	jr	$k0
	 nop
general_vector_end:

exception_entry:
	lui	$k0, %hi(in_handler)
	lw	$k1, %lo(in_handler)($k0)
	bnez	$k1, nested_exception
	 li	$k1, 1
	sw	$k1, %lo(in_handler)($k0)
	lui	$k0, %hi(current_tf)
	lw	$k0, %lo(current_tf)($k0)
	save_gprs $k0
	mfhi	$t0
	sw	$t0, TF_HI($k0)
	mflo	$t0
	sw	$t0, TF_LO($k0)
	mfc0	$t0, CP0_EPC
	sw	$t0, TF_EPC($k0)
	mfc0	$t0, CP0_CAUSE
	sw	$t0, TF_CAUSE($k0)
	mfc0	$t0, CP0_BADVADDR
	sw	$t0, TF_BADVADDR($k0)
	mfc0	$t0, CP0_STATUS
	sw	$t0, TF_STATUS($k0)
	/* Kernel mode, EXL off (faults record EPC), interrupts off. */
	li	$t1, ~(ST_KSU_MASK | ST_EXL | ST_IE)
	and	$t0, $t0, $t1
	mtc0	$t0, CP0_STATUS
	ehb
	lui	$sp, %hi(kernel_stack_top)
	addiu	$sp, $sp, %lo(kernel_stack_top)
	addiu	$sp, $sp, -32
	jal	trap
	 move	$a0, $k0
	move	$a0, $v0
	/* fall through */

/* void resume_frame(struct trapframe *tf): back to a task, by eret. */
	.globl	resume_frame
resume_frame:
	move	$k0, $a0
	lw	$t0, TF_STATUS($k0)		/* EXL set: masked from here */
	mtc0	$t0, CP0_STATUS
	ehb
	lw	$t0, TF_EPC($k0)
	mtc0	$t0, CP0_EPC
	lw	$t0, TF_HI($k0)
	mthi	$t0
	lw	$t0, TF_LO($k0)
	mtlo	$t0
	lui	$k1, %hi(in_handler)
	sw	$zero, %lo(in_handler)($k1)
	restore_gprs $k0
	eret

nested_exception:
	lui	$sp, %hi(fault_stack_top)
	addiu	$sp, $sp, %lo(fault_stack_top)
	addiu	$sp, $sp, -32
	mfc0	$a0, CP0_CAUSE
	mfc0	$a1, CP0_EPC
	mfc0	$a2, CP0_BADVADDR
	jal	kernel_fault
	 mfc0	$a3, CP0_STATUS
1:	b	1b
	 nop

/* The idle task: kernel mode, interrupts on, waiting for the timer. */
	.globl	idle_loop
idle_loop:
	wait
	b	idle_loop
	 nop

	.bss
	.align	4
	.space	KERNEL_STACK_SIZE
	.globl	kernel_stack_top
kernel_stack_top:
	.space	IDLE_STACK_SIZE
	.globl	idle_stack_top
idle_stack_top:
	.space	IDLE_STACK_SIZE
fault_stack_top:
