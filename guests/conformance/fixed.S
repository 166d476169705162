/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fixed.S - the code whose addresses the checks print: kernel snippets
 * that raise exceptions or take interrupts, and the user program.
 *
 * The linker puts this section at RESET_VA + FIXED_OFFSET in both builds,
 * and nothing in it depends on the map (only relative branches, jumps
 * through registers, small immediates): mk/conformance.mk checks that the
 * section's bytes are identical in the two builds.  So an EPC inside it,
 * normalized with KVA(), is the same number in both logs, and the user
 * program, copied to USER_VA, is the same program.
 *
 * Kernel snippets follow the o32 ABI (arguments in a0.., result in v0)
 * and return with jr ra.  The exception handler resumes a faulting
 * snippet after the faulting instruction (after the delay slot when
 * Cause.BD), at the interrupted instruction for interrupts, or at the
 * resume address the check armed: a label named *_resume or *_target.
 */
#include "conformance.h"

	.set	noreorder
	.set	noat
	.set	mips32r2
	.section .text.fixed, "ax"

	.macro	FX name
	.globl	\name
	.type	\name, @function
\name:
	.endm

	.macro	LABEL name
	.globl	\name
\name:
	.endm

/* Loads and stores: address errors, TLB exceptions. */
FX fx_lw
	lw	$v0, 0($a0)
	jr	$ra
	 nop

FX fx_lh
	lh	$v0, 0($a0)
	jr	$ra
	 nop

FX fx_sw
	sw	$a1, 0($a0)
	jr	$ra
	 nop

FX fx_sh
	sh	$a1, 0($a0)
	jr	$ra
	 nop

/* Instruction fetch from a0 (unaligned: AdEL); resume at fx_jr_resume. */
FX fx_jr
	jr	$a0
	 nop
LABEL fx_jr_resume
	jr	$ra
	 nop

FX fx_syscall
	syscall
	jr	$ra
	 nop

FX fx_break
	break
	jr	$ra
	 nop

/* SD: a MIPS64 opcode, reserved on MIPS32. */
FX fx_ri
	.word	0xfc000000
	jr	$ra
	 nop

FX fx_cop1
	mfc1	$v0, $f0
	jr	$ra
	 nop

/* mfc2 v0, $0: there is no coprocessor 2. */
FX fx_cop2
	.word	0x48020000
	jr	$ra
	 nop

FX fx_teq
	teq	$a0, $a1
	jr	$ra
	 nop

FX fx_tne
	tne	$a0, $a1
	jr	$ra
	 nop

FX fx_teqi
	teqi	$a0, 5
	jr	$ra
	 nop

/* Overflow: the destination (v0 = 0x5555) must stay unwritten. */
FX fx_add
	li	$v0, 0x5555
	add	$v0, $a0, $a1
	jr	$ra
	 nop

FX fx_addu
	li	$v0, 0x5555
	addu	$v0, $a0, $a1
	jr	$ra
	 nop

FX fx_addi_max
	li	$v0, 0x5555
	addi	$v0, $a0, 1
	jr	$ra
	 nop

FX fx_sub
	li	$v0, 0x5555
	sub	$v0, $a0, $a1
	jr	$ra
	 nop

/* Delay slots.  Taken branches target the instruction after the slot. */
FX fx_bd_syscall
	beq	$zero, $zero, 1f
	 syscall
1:	jr	$ra
	 nop

/* a1 = 0: not taken, decided at run time. */
FX fx_bd_nt_lw
	bne	$a1, $zero, 1f
	 lw	$v0, 0($a0)
1:	jr	$ra
	 nop

FX fx_bd_never_lw
	bne	$zero, $zero, 1f
	 lw	$v0, 0($a0)
1:	jr	$ra
	 nop

/* bal writes ra before its delay slot faults; returns that ra. */
FX fx_bd_bal
	move	$t0, $ra
	bal	1f
	 syscall
1:	move	$v0, $ra
	jr	$t0
	 nop

/* a0 = fx_bd_jr_target */
FX fx_bd_jr
	jr	$a0
	 syscall
LABEL fx_bd_jr_target
	jr	$ra
	 nop

/* Branch likely not taken: the slot is nullified. */
FX fx_beql_nt
	beql	$a0, $zero, 1f
	 syscall
1:	jr	$ra
	 nop

FX fx_beql_t
	beql	$zero, $zero, 1f
	 syscall
1:	jr	$ra
	 nop

/* A load with EXL already set; resume at fx_exl_lw_resume. */
FX fx_exl_lw
	mfc0	$t0, $12
	ori	$t1, $t0, ST_EXL
	mtc0	$t1, $12
	ehb
	lw	$v0, 0($a0)
LABEL fx_exl_lw_resume
	mtc0	$t0, $12
	ehb
	jr	$ra
	 nop

/* A syscall with EXL already set; resume at fx_exl_syscall_resume. */
FX fx_exl_syscall
	mfc0	$t0, $12
	ori	$t1, $t0, ST_EXL
	mtc0	$t1, $12
	ehb
	syscall
LABEL fx_exl_syscall_resume
	mtc0	$t0, $12
	ehb
	jr	$ra
	 nop

/* Copied to a KSEG2 page and called there. */
FX fx_k2_func
	li	$v0, 0x4242
	jr	$ra
	 nop
LABEL fx_k2_func_end

/* eret with EXL: to EPC = a0 (fx_eret_exl_target); returns Status there. */
FX fx_eret_exl
	mfc0	$t0, $12
	ori	$t0, $t0, ST_EXL
	mtc0	$a0, $14
	mtc0	$t0, $12
	ehb
	eret
	break
LABEL fx_eret_exl_target
	mfc0	$v0, $12
	jr	$ra
	 nop

/*
 * eret to a0 (fx_eret_irq_target) with Status = a1 | EXL: an interrupt
 * pending and enabled in a1 is taken right after the eret.
 */
FX fx_eret_irq
	ori	$t0, $a1, ST_EXL
	mtc0	$a0, $14
	mtc0	$t0, $12
	ehb
	eret
	break
LABEL fx_eret_irq_target
	nop
	jr	$ra
	 nop

/* eret with ERL: to ErrorEPC = a0. */
FX fx_eret_erl
	mfc0	$t0, $12
	ori	$t0, $t0, ST_ERL
	mtc0	$a0, $30
	mtc0	$t0, $12
	ehb
	eret
	break
LABEL fx_eret_erl_target
	mfc0	$v0, $12
	jr	$ra
	 nop

/*
 * eret with ERL and EXL, EPC = ErrorEPC = a0: the Status it leaves shows
 * which one eret used (ERL: clears ERL, keeps EXL).  Then both cleared.
 */
FX fx_eret_both
	mfc0	$t0, $12
	ori	$t0, $t0, ST_ERL | ST_EXL
	mtc0	$a0, $30
	mtc0	$a0, $14
	mtc0	$t0, $12
	ehb
	eret
	break
LABEL fx_eret_both_target
	mfc0	$v0, $12
	li	$t1, ~(ST_ERL | ST_EXL)
	and	$t1, $v0, $t1
	mtc0	$t1, $12
	ehb
	jr	$ra
	 nop

/* ll/sc on a0: 1 when sc succeeds. */
FX fx_llsc
	ll	$t0, 0($a0)
	addiu	$t0, $t0, 1
	sc	$t0, 0($a0)
	move	$v0, $t0
	jr	$ra
	 nop

/* The same with an eret (to a1 = fx_llsc_eret_target) in between. */
FX fx_llsc_eret
	ll	$t0, 0($a0)
	mfc0	$t1, $12
	ori	$t1, $t1, ST_EXL
	mtc0	$a1, $14
	mtc0	$t1, $12
	ehb
	eret
	break
LABEL fx_llsc_eret_target
	addiu	$t0, $t0, 1
	sc	$t0, 0($a0)
	move	$v0, $t0
	jr	$ra
	 nop

/* Status := a0, read it back, Status := a1. */
FX fx_status_rw
	mtc0	$a0, $12
	ehb
	mfc0	$v0, $12
	mtc0	$a1, $12
	ehb
	jr	$ra
	 nop

/* Cause := a0 with EXL set (nothing can be taken), read back, restore. */
FX fx_cause_rw
	mfc0	$t0, $12
	ori	$t1, $t0, ST_EXL
	mtc0	$t1, $12
	ehb
	mfc0	$t2, $13
	mtc0	$a0, $13
	ehb
	mfc0	$v0, $13
	mtc0	$t2, $13
	ehb
	mtc0	$t0, $12
	ehb
	jr	$ra
	 nop

/* Raise an interrupt by writing Cause, Status, or with ei. */
FX fx_cause_irq
	mtc0	$a0, $13
LABEL fx_cause_irq_next
	ehb
	nop
	jr	$ra
	 nop

FX fx_status_irq
	mtc0	$a0, $12
LABEL fx_status_irq_next
	ehb
	nop
	jr	$ra
	 nop

FX fx_ei_irq
	ei	$v0
LABEL fx_ei_irq_next
	ehb
	nop
	jr	$ra
	 nop

FX fx_di
	di	$v0
	ehb
	jr	$ra
	 nop

FX fx_ei
	ei	$v0
	ehb
	jr	$ra
	 nop

/*
 * void fx_spin(u32 n, volatile u32 *flag, u32 status): Status := status,
 * then spin until *flag is nonzero or n rounds have passed.
 */
FX fx_spin
	mtc0	$a2, $12
	ehb
1:	lw	$t0, 0($a1)
	bnez	$t0, 2f
	 addiu	$a0, $a0, -1
	bnez	$a0, 1b
	 nop
2:	nop
LABEL fx_spin_end
	jr	$ra
	 nop

/* Status := a0 (interrupts on), then wait for one. */
FX fx_wait
	mtc0	$a0, $12
	ehb
	wait
LABEL fx_wait_next
	nop
	jr	$ra
	 nop

FX fx_rdhwr0
	rdhwr	$v0, $0
	jr	$ra
	 nop

FX fx_rdhwr2
	rdhwr	$v0, $2
	jr	$ra
	 nop

/*
 * The user program, copied to USER_VA.  Each entry ends in the exception
 * it tests; UEND (a syscall with v0 = 0x7777) only runs when that
 * exception did not happen, and brings the program back to the kernel.
 */
	.macro	UEND
	li	$v0, 0x7777
	syscall
1:	b	1b
	 nop
	.endm

	.align	4
LABEL user_blob
LABEL u_syscall
	li	$v0, 0x1234
	li	$a0, 0x5678
	syscall
	UEND
LABEL u_lw_kseg0
	lui	$t0, 0x8000
	lw	$v0, 0($t0)
	UEND
LABEL u_sw_kseg1
	lui	$t0, 0xa000
	sw	$zero, 0($t0)
	UEND
LABEL u_jr_kseg0
	lui	$t0, 0x8000
	jr	$t0
	 nop
	UEND
LABEL u_mfc0
	mfc0	$v0, $12
	UEND
LABEL u_cop1
	mfc1	$v0, $f0
	UEND
LABEL u_eret
	eret
	UEND
LABEL u_di
	di	$v0
	UEND
LABEL u_cache
	cache	0x10, 0($zero)
	UEND
LABEL u_refill_lw
	lui	$t0, 0x0080
	lw	$v0, 0($t0)
	UEND
LABEL u_refill_sw
	lui	$t0, 0x0080
	sw	$zero, 0($t0)
	UEND
LABEL u_mod
	lui	$t0, 0x0040
	sw	$zero, 0x1000($t0)
	UEND
LABEL u_lw_ro
	lui	$t0, 0x0040
	lw	$v0, 0x1000($t0)
	syscall
	UEND
LABEL u_inval_lw
	lui	$t0, 0x0040
	lw	$v0, 0x5000($t0)
	UEND
LABEL u_inval_sw
	lui	$t0, 0x0040
	sw	$zero, 0x5000($t0)
	UEND
LABEL u_global
	lui	$t0, 0x0040
	lw	$v0, 0x4000($t0)
	syscall
	UEND
LABEL u_asid
	lui	$t0, 0x0040
	lw	$v0, 0x6000($t0)
	UEND
LABEL u_unaligned
	lui	$t0, 0x0040
	lw	$v0, 1($t0)
	UEND
LABEL u_bd_syscall
	beq	$zero, $zero, 1f
	 syscall
1:	UEND
LABEL u_break
	break
	UEND
LABEL u_rdhwr0
	rdhwr	$v0, $0
	syscall
	UEND
LABEL u_rdhwr1
	rdhwr	$v0, $1
	syscall
	UEND
LABEL u_rdhwr2
	rdhwr	$v0, $2
	syscall
	UEND
LABEL u_rdhwr3
	rdhwr	$v0, $3
	syscall
	UEND
LABEL u_rdhwr29
	rdhwr	$v0, $29
	syscall
	UEND
LABEL u_sync
	sync
	syscall
	UEND
/* a2 is the kernel's argument (enter_user). */
LABEL u_load
	lw	$v0, 0($a2)
	syscall
	UEND
LABEL u_jump
	jr	$a2
	 nop
	UEND
LABEL u_wait
	wait
	UEND
LABEL u_teq
	teq	$zero, $zero
	UEND
LABEL u_add
	lui	$t0, 0x7fff
	add	$t0, $t0, $t0
	UEND
LABEL u_beql_nt
	li	$t0, 1
	beql	$t0, $zero, 1f
	 syscall
1:	li	$v0, 0x2222
	syscall
	UEND
/* Spins until the timer interrupts it. */
LABEL u_spin
	lui	$t0, 0x0080
1:	addiu	$t0, $t0, -1
	bnez	$t0, 1b
	 nop
LABEL u_spin_end
	UEND
	.align	4
LABEL user_blob_end
