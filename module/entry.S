/* SPDX-License-Identifier: GPL-2.0 */
/*
 * entry.S - the world switch: enter a guest, and the exception vectors
 * that bring it back.  The vectors' fast paths, which serve an exception
 * without leaving the vector, are in fastpath.S, included at the end of
 * the block.  So are the routines with which C writes and reads host TLB
 * entries (shadow_tlb.c), which must not run from the module's mapped text.
 *
 * This is not executed where it is linked.  world.c copies the block
 * between mvc_vectors_start and mvc_vectors_end into each VCPU's KSEG0
 * page, so it runs unmapped and can never take a TLB miss, and while the
 * guest runs EBase points at that page.  The block is position
 * independent: only PC-relative branches, and it finds its data from
 * EBase (in the vectors) or from a0 (in mvc_enter).
 *
 * Vectors: on entry to a vector every GPR belongs to the guest.  k1 is
 * parked in ErrorEPC (the host takes no ERL exceptions while a guest runs,
 * as KVM did on cores without KScratch), the page base is taken from
 * EBase, k0 is saved, the vector's kind is recorded and the common exit
 * saves the rest, restores the host's EBase, EntryHi, HWREna and Status
 * (interrupts still disabled) and returns from mvc_enter to the C caller.
 */
#include <asm/asm.h>
#include <asm/cacheops.h>
#include <asm/mipsregs.h>
#include <asm/regdef.h>

#include "hw_ctx.h"
#include "asm-offsets.h"

#define CTX(off)	(MVC_CTX_OFFSET + (off))
#define HWC_GPR(n)	(HWC_GPRS + (n) * 4)
#define HWC_HOST_S(n)	(HWC_HOST_S0 + (n) * 4)

/*
 * Every guest GPR but k0 (saved by the vector) into the context; k1 = the
 * page base + @base - MVC_CTX_OFFSET.  k1's guest value is in ErrorEPC.
 */
	.macro	SAVE_GPRS base
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, \
		18, 19, 20, 21, 22, 23, 24, 25, 28, 29, 30, 31
	sw	$\n, (\base + HWC_GPR(\n))(k1)
	.endr
	mfc0	$8, CP0_ERROREPC
	sw	$8, (\base + HWC_GPR(27))(k1)
	.endm

/* Every guest GPR from the context, k1 (the base register) last. */
	.macro	RESTORE_GPRS base
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, \
		18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31
	lw	$\n, (\base + HWC_GPR(\n))(k1)
	.endr
	lw	k1, (\base + HWC_GPR(27))(k1)
	.endm

/*
 * @ptr = the address of the host EntryLo of the 4 KiB page holding guest
 * physical @gpa in the slot tables (the context's copy of the VM's
 * slots), or branch to @miss when no slot backs it.  Clobbers @n, @off
 * and @tmp; k1 = page base.
 */
	.macro	FIND_SLOT gpa, ptr, n, off, tmp, miss
	lw	\n, CTX(HWC_FAST_NSLOTS)(k1)
	addiu	\ptr, k1, CTX(HWC_FAST_SLOTS)
80:	beqz	\n, \miss
	 lw	\off, SLOT_GPA(\ptr)
	subu	\off, \gpa, \off	/* offset in the slot */
	lw	\tmp, SLOT_SIZE(\ptr)
	sltu	\tmp, \off, \tmp
	bnez	\tmp, 81f
	 addiu	\n, \n, -1
	b	80b
	 addiu	\ptr, \ptr, HWC_FAST_SLOT_SIZE
81:	lw	\ptr, SLOT_TABLE(\ptr)
	srl	\off, \off, 12
	sll	\off, \off, 2
	addu	\ptr, \ptr, \off
	.endm

/*
 * Write a random host TLB entry of EntryHi as the caller left it (the
 * refill's, or tlbw_preinstall's) and @lo0/@lo1, and count it as a refill
 * served in the vector.  PageMask is 0 (4 KiB) for the whole run:
 * mvc_enter sets it, and nothing that runs while the guest runs writes
 * another value or runs tlbr.  Clobbers @tmp.
 */
	.macro	REFILL_WRITE lo0, lo1, tmp
	mtc0	\lo0, CP0_ENTRYLO0
	mtc0	\lo1, CP0_ENTRYLO1
	ehb
	tlbwr
	lw	\tmp, CTX(HWC_FAST_REFILLS)(k1)
	addiu	\tmp, \tmp, 1
	sw	\tmp, CTX(HWC_FAST_REFILLS)(k1)
	.endm

	.set	noreorder
	.set	noat
	.set	mips32r2

	.section .rodata.mvc_vectors, "a"
	.align	12
	.globl	mvc_vectors_start
mvc_vectors_start:

/*
 * 0x000: TLB refill.  The guest touched a page the host TLB has no entry
 * for.  The user view (fast_kview 0) goes to refill_mapped, through the
 * guest TLB.  In the kernel view, fast_kview is the end of what is served
 * right here: gKSEG0 (guest virtual below 0x20000000) when fast_refill is
 * on, nothing when it is off (MVC_GUEST_VA_LIMIT, which no address is
 * below as a signed number: a refill of host user mode is below 2 GiB).
 * The hardware has already put VPN2 and the guest's ASID in EntryHi; if
 * slot 0 (the VM's largest, world.c) holds the even page of the pair,
 * both halves' EntryLo come from the slot's table (which has one zero
 * entry past its end), with the cache attribute of gKSEG0 added, into a
 * random entry.  A pair not pinned yet (both 0: a pair never straddles
 * the groups memory.c pins) takes the common exit to C (refill_unpinned),
 * which pins the pair at its first touch; installing an invalid pair
 * instead would cost a second trip to C.  Everything else of the kernel
 * view (gKSEG1, other slots, gKSEG2/3) is refill_kernel's.
 */
	.org	MVC_VEC_REFILL
	mtc0	k1, CP0_ERROREPC
	mfc0	k1, CP0_EBASE
	ins	k1, zero, 0, 12
	sw	k0, CTX(HWC_GPR(26))(k1)
	lw	k0, CTX(HWC_FAST_KVIEW)(k1)
	beqz	k0, refill_mapped	/* the user view: all of it */
	 sw	$8, CTX(HWC_GPR(8))(k1)
	mfc0	$8, CP0_BADVADDR
	slt	k0, $8, k0
	beqz	k0, refill_kernel	/* not gKSEG0, or no fast refill */
	 ins	$8, zero, 0, 13		/* its even page (gKSEG0: physical) */
	lw	k0, CTX(HWC_FAST_SLOTS + SLOT_GPA)(k1)
	subu	$8, $8, k0		/* its offset in slot 0 */
	lw	k0, CTX(HWC_FAST_SLOTS + SLOT_SIZE)(k1)
	sltu	k0, $8, k0
	beqz	k0, refill_other_slot	/* not in slot 0 (or no slot at all) */
	 lw	k0, CTX(HWC_FAST_SLOTS + SLOT_TABLE)(k1)
	srl	$8, $8, 10		/* even page: 4 bytes per 4 KiB page */
	addu	k0, k0, $8
	sw	$9, CTX(HWC_GPR(9))(k1)
	lw	$8, 0(k0)
	lw	$9, 4(k0)
	or	k0, $8, $9
	beqz	k0, refill_unpinned_8_9	/* neither page pinned yet: C pins */
	 lw	k0, CTX(HWC_FAST_CCA)(k1)
	or	$8, $8, k0
	or	$9, $9, k0
	REFILL_WRITE $8, $9, k0
	lw	$8, CTX(HWC_GPR(8))(k1)
	lw	$9, CTX(HWC_GPR(9))(k1)
	lw	k0, CTX(HWC_GPR(26))(k1)
	mfc0	k1, CP0_ERROREPC
	eret				/* (which clears tlbwr's hazards) */

refill_unpinned_8_9:
	lw	$9, CTX(HWC_GPR(9))(k1)
refill_slow_8:
	lw	$8, CTX(HWC_GPR(8))(k1)
refill_slow:
	li	k0, MVC_EXIT_KIND_REFILL
	b	common_exit
	 sw	k0, CTX(HWC_EXIT_KIND)(k1)

/* 0x180: every other exception, and interrupts when Cause.IV is clear. */
	.org	MVC_VEC_GENERAL
general_vector:
	mtc0	k1, CP0_ERROREPC
	mfc0	k1, CP0_EBASE
	ins	k1, zero, 0, 12
	sw	k0, CTX(HWC_GPR(26))(k1)
	lw	k0, CTX(HWC_FAST_EMUL)(k1)
	bnez	k0, fast_cop0_check
	 lw	k0, CTX(HWC_FAST_KVIEW)(k1)
general_slow:
	li	k0, MVC_EXIT_KIND_GENERAL
	b	common_exit
	 sw	k0, CTX(HWC_EXIT_KIND)(k1)

/*
 * A system call, or an FPU instruction (Coprocessor Unusable, CE 1: the
 * guest CPU has no FPU), of guest user mode: delivered to the guest
 * kernel as mvc_raise() does it, without leaving the vector (placed here,
 * in the room before 0x200, to leave the code block its space).  In the
 * user view the guest's EXL and ERL are clear, so: EPC = the trapping
 * PC, Cause.BD and ExcCode as the host saw them, CE as well for the FPU
 * (0 for a system call: C raises it so, and the host's CE is left from
 * whatever came before), Status.EXL, the general vector of BEV or EBase,
 * and the kernel view (its host ASID must be live).  Bails for anything
 * else, and from an odd PC (MIPS16e: C raises the address error).
 * k0 = Cause, k1 = page base, guest k0 saved; fast_save gets in k0 the
 * bits of the host's Cause to deliver.
 */
fast_user_exc:
	ext	k0, k0, 2, 5
	xori	k0, k0, EXC_SYS
	beqz	k0, 1f
	 xori	k0, k0, EXC_SYS ^ EXC_CPU
	bnez	k0, general_slow
	 mfc0	k0, CP0_CAUSE
	ext	k0, k0, 28, 2
	xori	k0, k0, 1		/* CE 1 */
	bnez	k0, general_slow
	 lui	k0, GCAUSE_BD_CE_HI
	b	fast_save
	 ori	k0, k0, GCAUSE_EXC
1:	lui	k0, GCAUSE_BD_HI
	b	fast_save
	 ori	k0, k0, GCAUSE_EXC

/*
 * 0x200: interrupts with Cause.IV set.  world.c plants the same branch at
 * 0x200 + n * IntCtl.VS for vectored interrupts.
 */
	.org	MVC_VEC_INTERRUPT
	b	general_vector
	 nop

	.org	MVC_CODE_OFFSET
/*
 * int mvc_enter(struct mvc_hw_ctx *ctx)
 *
 * Called with interrupts disabled.  Saves the host's callee-saved
 * registers and the CP0 state the guest must not see, points EBase at
 * this page, and erets into the guest in user mode.  "Returns" from the
 * common exit with the exit kind.
 */
	.globl	mvc_enter_offset
mvc_enter_offset:
	sw	sp, HWC_HOST_SP(a0)
	sw	gp, HWC_HOST_GP(a0)
	sw	ra, HWC_HOST_RA(a0)
	sw	s8, HWC_HOST_FP(a0)
	sw	s0, HWC_HOST_S(0)(a0)
	sw	s1, HWC_HOST_S(1)(a0)
	sw	s2, HWC_HOST_S(2)(a0)
	sw	s3, HWC_HOST_S(3)(a0)
	sw	s4, HWC_HOST_S(4)(a0)
	sw	s5, HWC_HOST_S(5)(a0)
	sw	s6, HWC_HOST_S(6)(a0)
	sw	s7, HWC_HOST_S(7)(a0)

	mfc0	t0, CP0_STATUS
	sw	t0, HWC_HOST_STATUS(a0)
	mfc0	t1, CP0_EBASE
	sw	t1, HWC_HOST_EBASE(a0)
	mfc0	t1, CP0_ENTRYHI
	sw	t1, HWC_HOST_ENTRYHI(a0)
	mfc0	t1, $7			/* HWREna */
	sw	t1, HWC_HOST_HWRENA(a0)

	/* EBase may only move with BEV set; EXL keeps us in kernel mode. */
	li	t1, ST0_BEV | ST0_EXL
	or	t0, t0, t1
	mtc0	t0, CP0_STATUS
	ehb
	lw	t1, HWC_GUEST_EBASE(a0)
	mtc0	t1, CP0_EBASE
	ehb

	/* User mode with EXL (until eret), host IM, IE, no coprocessors. */
	lw	t0, HWC_GUEST_STATUS(a0)
	mtc0	t0, CP0_STATUS
	mtc0	zero, $7		/* HWREna: every rdhwr traps */
	lw	t0, HWC_GUEST_ENTRYHI(a0)
	mtc0	t0, CP0_ENTRYHI
	mtc0	zero, CP0_PAGEMASK	/* 4 KiB for the run (REFILL_WRITE) */
	lw	t0, HWC_PC(a0)
	mtc0	t0, CP0_EPC
	lw	t0, HWC_HI(a0)
	mthi	t0
	lw	t0, HWC_LO(a0)
	mtlo	t0
	ehb

	move	k1, a0
	RESTORE_GPRS 0
	eret

/*
 * The common exit.  k1 = page base, guest k0 saved, guest k1 in ErrorEPC,
 * exit kind recorded.  EXL is set: we are in kernel mode, interrupts off.
 */
common_exit:
	SAVE_GPRS MVC_CTX_OFFSET
	addiu	k1, k1, MVC_CTX_OFFSET
common_exit_saved:
	mfhi	t0
	sw	t0, HWC_HI(k1)
	mflo	t0
	sw	t0, HWC_LO(k1)
	mfc0	t0, CP0_EPC
	sw	t0, HWC_PC(k1)
	mfc0	t0, CP0_CAUSE
	sw	t0, HWC_CAUSE(k1)
	mfc0	t0, CP0_BADVADDR
	sw	t0, HWC_BADVADDR(k1)

	/* Back to the host's vectors, with BEV set while EBase moves. */
	lw	t0, HWC_HOST_STATUS(k1)
	li	t1, ST0_BEV | ST0_EXL
	or	t1, t0, t1
	mtc0	t1, CP0_STATUS
	ehb
	lw	t1, HWC_HOST_EBASE(k1)
	mtc0	t1, CP0_EBASE
	lw	t1, HWC_HOST_ENTRYHI(k1)
	mtc0	t1, CP0_ENTRYHI
	lw	t1, HWC_HOST_HWRENA(k1)
	mtc0	t1, $7
	ehb
	mtc0	t0, CP0_STATUS		/* kernel mode, EXL clear, IE clear */
	ehb

	lw	sp, HWC_HOST_SP(k1)
	lw	gp, HWC_HOST_GP(k1)
	lw	ra, HWC_HOST_RA(k1)
	lw	s8, HWC_HOST_FP(k1)
	lw	s0, HWC_HOST_S(0)(k1)
	lw	s1, HWC_HOST_S(1)(k1)
	lw	s2, HWC_HOST_S(2)(k1)
	lw	s3, HWC_HOST_S(3)(k1)
	lw	s4, HWC_HOST_S(4)(k1)
	lw	s5, HWC_HOST_S(5)(k1)
	lw	s6, HWC_HOST_S(6)(k1)
	lw	s7, HWC_HOST_S(7)(k1)
	jr	ra
	 lw	v0, HWC_EXIT_KIND(k1)

/*
 * The TLB accesses of shadow_tlb.c, run from this KSEG0 block rather than
 * from the module's text, which the TLB maps: the host's refill of a page
 * of that text between setting EntryHi and the tlbwi or tlbwr would leave
 * the refilled page's address in EntryHi (and its PFN in EntryLo), and the
 * entry written would map the module's code onto a guest page.  Each
 * routine sets every register its TLB instruction uses; the caller has
 * interrupts off; 4 KiB pages (PageMask 0).
 *
 * mvc_tlbw_pair_offset(a0 = EntryHi, a1 = EntryLo0, a2 = EntryLo1): over the entry
 * tlbp finds for EntryHi, else a random one; EntryHi and PageMask are
 * restored.
 */
	.globl	mvc_tlbw_pair_offset
mvc_tlbw_pair_offset:
	mfc0	t0, CP0_ENTRYHI
	mfc0	t1, CP0_PAGEMASK
	mtc0	a0, CP0_ENTRYHI
	mtc0	zero, CP0_PAGEMASK
	ehb
	tlbp
	ehb
	mfc0	t2, CP0_INDEX
	mtc0	a1, CP0_ENTRYLO0
	mtc0	a2, CP0_ENTRYLO1
	bltz	t2, 1f
	 ehb
	b	2f
	 tlbwi
1:	tlbwr
2:	ehb
	mtc0	t0, CP0_ENTRYHI
	mtc0	t1, CP0_PAGEMASK
	jr	ra
	 ehb

/*
 * mvc_tlb_kill_offset(a0 = index, a1 = EntryHi): entry index invalid, with
 * that EntryHi; the caller restores EntryHi and PageMask.
 */
	.globl	mvc_tlb_kill_offset
mvc_tlb_kill_offset:
	mtc0	a0, CP0_INDEX
	mtc0	zero, CP0_PAGEMASK
	mtc0	a1, CP0_ENTRYHI
	mtc0	zero, CP0_ENTRYLO0
	mtc0	zero, CP0_ENTRYLO1
	ehb
	tlbwi
	jr	ra
	 ehb

/*
 * mvc_tlb_read_offset(a0 = index, a1 = where its PageMask goes) returns its
 * EntryHi; the caller restores EntryHi and PageMask.  a1 is on the kernel
 * stack, lowmem.
 */
	.globl	mvc_tlb_read_offset
mvc_tlb_read_offset:
	mtc0	a0, CP0_INDEX
	ehb
	tlbr
	ehb
	mfc0	v0, CP0_ENTRYHI
	mfc0	t0, CP0_PAGEMASK
	jr	ra
	 sw	t0, 0(a1)

#include "fastpath.S"

mvc_vectors_end:
	/*
	 * Fails to assemble ("move .org backwards") if the code reaches the
	 * trace: the guest refill handler's translation, which C writes
	 * there (trace.c), then its data, then the context.
	 */
	.org	TRACE_OFFSET
trace_code:
	.org	MVC_CTX_OFFSET
