/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath.S - the vector's fast paths: what a guest exception can be
 * served with without leaving the vector (mfc0/mtc0/di/ei/eret, cache, TLB
 * instructions, refills through the guest TLB, delivery of the guest's own
 * user-mode exceptions, coalesced MMIO stores and the decision that an
 * access is MMIO).
 *
 * Part of the block entry.S lays out (it includes this file after the
 * world switch, so that the block stays one position-independent piece).
 * Each path walks only data C prepared for it (vcpu->cp0, the classes and
 * masks of mvc_world_reset(), the guest TLB and its index, the slot
 * tables), and bails to the common exit, having changed nothing, for
 * anything C must decide.  docs/world-switch.md says which path does what.
 */
/*
 * The guest registers the mapped refill path uses: SCRATCH_EACH runs
 * @op on each.  The trace's translator keeps the same ones in gpr[]
 * (trace_gen.h): the assembler holds the two to each other.
 */
	.macro	SCRATCH_EACH op
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 31
	\op	\n
	.endr
	.endm

	.macro	SAVE_ONE n
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endm

	.macro	RESTORE_ONE n
	lw	$\n, CTX(HWC_GPR(\n))(k1)
	.endm

	.macro	SAVE_SCRATCH
	SCRATCH_EACH SAVE_ONE
	.endm

	.macro	RESTORE_SCRATCH
	SCRATCH_EACH RESTORE_ONE
	.endm

	.macro	SCRATCH_BIT n
	.set	scratch_set, scratch_set | (1 << \n)
	.endm

	.set	scratch_set, 0
	SCRATCH_EACH SCRATCH_BIT
	.if	(scratch_set ^ TRACE_SAVED_GPRS) & 0xffffffff
	.error	"SAVE_SCRATCH and MVC_TRACE_SAVED_GPRS differ"
	.endif

/*
 * The CP0 fast paths' working set: the only guest registers they save
 * and restore (at, v0, v1, t0-t7, ra), which keeps a trip through the
 * vector short.  Every other register keeps the guest's value, k0's is
 * in the context and k1's in ErrorEPC; the instruction's own register
 * is reached through GPR_READ and GPR_WRITE.  Keep FAST_SET in step.
 */
	/* All but at, which fast_save stores in a delay slot */
	.macro	SAVE_FAST
	.irp	n, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 31
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endm

	.macro	RESTORE_FAST
	.irp	n, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 31
	lw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endm

#define FAST_SET(n)	(((n) >= 1 && (n) <= 3) || ((n) >= 8 && (n) <= 15) || \
			 (n) == 31)

/* The rest, when a fast path gives up: the common exit wants them all. */
	.macro	SAVE_REST
	.irp	n, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 29, 30
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	mfc0	t0, CP0_ERROREPC
	sw	t0, CTX(HWC_GPR(27))(k1)
	.endm

/* What fast_cache's guest TLB lookup uses beyond the working set. */
	.macro	SAVE_CACHE
	.irp	n, 4, 5, 6, 7, 24, 25
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endm

	.macro	RESTORE_CACHE
	.irp	n, 4, 5, 6, 7, 24, 25
	lw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endm

/*
 * at = the guest's GPR[@idx] (@idx a register of the working set holding
 * 0-31), wherever it is now; clobbers ra.  GPR_READ_J leaves the jump's
 * delay slot to the caller's next instruction, which must not touch at
 * or ra.
 */
	.macro	GPR_READ_J idx
	sll	$1, \idx, 3
	addu	$1, $1, k1
	addiu	$1, $1, gpr_read_table - mvc_vectors_start
	jalr	$1
	.endm

	.macro	GPR_READ idx
	GPR_READ_J \idx
	 nop
	.endm

/*
 * The guest's GPR[@idx] = at; clobbers @tmp and ra.  GPR_WRITE_J leaves
 * the jump's delay slot to the caller's next instruction, which must not
 * touch @tmp or ra; it runs before the move, so it may load at.
 */
	.macro	GPR_WRITE_J idx, tmp
	sll	\tmp, \idx, 3
	addu	\tmp, \tmp, k1
	addiu	\tmp, \tmp, gpr_write_table - mvc_vectors_start
	jalr	\tmp
	.endm

	.macro	GPR_WRITE idx, tmp
	GPR_WRITE_J \idx, \tmp
	 nop
	.endm

/*
 * @lo, an EntryLo of a slot table (PFN << 6 | D | V) or HALF_LO's, becomes
 * the KSEG0 address of its page; branch to @bail when the page is not
 * pinned yet (page frame 0, memory.c) or KSEG0 cannot reach it.  Clobbers
 * @tmp.
 */
	.macro	LO_TO_KSEG0 lo, tmp, bail
	srl	\lo, \lo, 6
	sll	\lo, \lo, 12
	beqz	\lo, \bail		/* not pinned yet: C */
	 srl	\tmp, \lo, 29
	bnez	\tmp, \bail		/* beyond KSEG0's reach */
	 lui	\tmp, 0x8000
	or	\lo, \lo, \tmp
	.endm

/*
 * @page = the KSEG0 address of the page holding guest virtual @va, the
 * address of an instruction of the guest kernel, through the slot tables;
 * branch to @bail when @va is odd (MIPS16e: C raises the address error)
 * or not in gKSEG0/gKSEG1 RAM or ROM that KSEG0 reaches.  @gpa gets the
 * guest physical address (it may be @va); clobbers @n, @off, @tmp.
 */
	.macro	GKSEG_PAGE va, page, gpa, n, off, tmp, bail
	lui	\n, 0xc000
	ori	\n, \n, 1
	and	\n, \n, \va
	bnez	\n, \bail		/* odd, or not gKSEG0/gKSEG1 */
	 ext	\gpa, \va, 0, 29	/* guest physical */
	FIND_SLOT \gpa, \page, \n, \off, \tmp, \bail
	lw	\page, 0(\page)	/* PFN << 6 | D | V */
	LO_TO_KSEG0 \page, \n, \bail
	.endm

/*
 * t4 = the KSEG0 address of the page of the guest's instruction at t0
 * (EPC) with t2 = t0 less its bits 2-11, when that is not the page of the
 * last fetch (the context's fast_ipage; bit 0 is never set in it):
 * through the slot tables (GKSEG_PAGE), and remembered.  Clobbers t3,
 * t5-t7.
 */
	.macro	FETCH_PAGE bail
	GKSEG_PAGE t0, t4, t3, t5, t6, t7, \bail
	sw	t2, CTX(HWC_FAST_IPAGE)(k1)
	sw	t4, CTX(HWC_FAST_IPAGE_K0)(k1)
	.endm

/*
 * GPR_READ's and GPR_WRITE's tables: for n = 0-31, the two instructions
 * at 8 * n return to ra having moved the guest's GPR n to or from at.
 */
gpr_read_table:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, \
		17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	jr	ra
	.if	\n == 0
	 move	$1, zero
	.elseif	\n == 27
	 mfc0	$1, CP0_ERROREPC
	.elseif	FAST_SET(\n) || \n == 26
	 lw	$1, CTX(HWC_GPR(\n))(k1)
	.else
	 move	$1, $\n
	.endif
	.endr

gpr_write_table:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, \
		17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	jr	ra
	.if	\n == 0
	 nop
	.elseif	\n == 27
	 mtc0	$1, CP0_ERROREPC
	.elseif	FAST_SET(\n) || \n == 26
	 sw	$1, CTX(HWC_GPR(\n))(k1)
	.else
	 move	$\n, $1
	.endif
	.endr

/*
 * The emulation fast path.  A Coprocessor Unusable exception of the guest
 * kernel (in a delay slot too: fast_slot) is most often an mfc0/mtc0 of a register
 * that is plain data in vcpu->cp0, a di/ei, or an eret: emulate those
 * here, against the same data the C emulation uses, and return to the
 * guest without restoring the host.  What cannot be done here (anything
 * that changes the guest's ASID or view the wrong way, makes an interrupt
 * deliverable, reads Count or Random, or whose instruction is not in
 * gKSEG0/gKSEG1 RAM) bails to the common exit before changing anything,
 * and C does it all again from the start.  k1 = page base.  Only the
 * working set (SAVE_FAST) is saved; v1 = the guest's CP0 registers.
 */
	.macro	CHECK_KSTATUS st, tmp, bail=fast_bail
	/* @st, a Status to be, keeps the kernel view and no IRQ due */
	andi	\tmp, \st, GST_EXL | GST_ERL
	bnez	\tmp, 90f		/* exception level: interrupts masked */
	 andi	\tmp, \st, GST_KSU
	bnez	\tmp, \bail		/* the user view: through C */
	 andi	\tmp, \st, GST_IE
	beqz	\tmp, 90f
	 lw	\tmp, GCP0_CAUSE(v1)	/* Cause, as of this entry */
	and	\tmp, \tmp, \st
	andi	\tmp, \tmp, GST_IM
	bnez	\tmp, \bail		/* an interrupt is due: C delivers */
	 nop
90:
	.endm

fast_cop0_check:			/* k0 = fast_kview */
	beqz	k0, fast_user_exc
	 mfc0	k0, CP0_CAUSE
	ext	k0, k0, 2, 28		/* ExcCode at bit 0, CE at 26 */
	ins	k0, zero, 5, 21		/* and nothing else */
	xori	k0, k0, EXC_CPU		/* 0: Coprocessor Unusable, CE 0 */
	bnez	k0, general_slow
	/*
	 * The working set's first store is the delay slot's: on the way to
	 * general_slow it stores at where the common exit stores it again.
	 */
fast_save:				/* k0 = 0: emulate; else deliver */
	 sw	$1, CTX(HWC_GPR(1))(k1)
	SAVE_FAST
	bnez	k0, fast_user_deliver
	 lw	v1, CTX(HWC_FAST_CP0)(k1)

	/*
	 * A timer that fired on another CPU than this one marks itself
	 * pending without making the guest exit: C must latch it into Cause
	 * before anything here may read Cause or enable interrupts.
	 */
	lw	t0, CTX(HWC_FAST_PENDING)(k1)
	lw	t0, 0(t0)
	bnez	t0, fast_bail
	 mfc0	t0, CP0_EPC

	/*
	 * Fetch the instruction through the KSEG0 alias of its page, from
	 * the page of the last fetch or (fast_fetch) through the slot
	 * tables.  An odd EPC (the guest in MIPS16e mode) keeps bit 0 in
	 * t2, never equals the last page and bails in fast_fetch.
	 */
	andi	t5, t0, 0xffc
	xor	t2, t0, t5
	lw	t1, CTX(HWC_FAST_IPAGE)(k1)
	bne	t1, t2, fast_fetch
	 lw	t4, CTX(HWC_FAST_IPAGE_K0)(k1)
fast_fetched:				/* t4 = EPC's page in KSEG0, t5 its offset */
	or	t4, t4, t5
	mfc0	k0, CP0_CAUSE
	bltz	k0, fast_slot		/* BD: EPC is the branch's */
	 lw	t2, 0(t4)

	/*
	 * Decode: t3 = rs, t4 = rt, t5 = CP0 id, t6 = &reg[id], t7 = class;
	 * t0 + 4 = the PC after the instruction (fast_next).
	 */
fast_decode:
	srl	t3, t2, 26
	xori	t1, t3, OP_CACHE
	beqz	t1, fast_cache
	 xori	t3, t3, OP_COP0
	bnez	t3, fast_bail
	 ext	t3, t2, 21, 5
	ext	t4, t2, 16, 5
	/* 8 * rd + sel: rd is bits 11-15, sel bits 0-2 */
	ext	t5, t2, 8, 8
	ins	t5, t2, 0, 3
	sll	t6, t5, 2
	addu	t6, t6, v1
	lw	t7, CTX(HWC_FAST_CLASS)(k1)
	addu	t7, t7, t5
	lbu	t7, 0(t7)
	beqz	t3, fast_mfc0
	 li	t1, COP0_MT
	beq	t3, t1, fast_mtc0
	 li	t1, COP0_MFMC0
	beq	t3, t1, fast_mfmc0
	 nop
	li	t1, INSN_ERET
	beq	t2, t1, fast_eret
	 nop
	li	t1, INSN_TLBP
	beq	t2, t1, fast_tlbp
	 nop
	li	t1, INSN_TLBWI
	beq	t2, t1, fast_tlbw
	 nop
	li	t1, INSN_TLBWR
	beq	t2, t1, fast_tlbw
	 nop
	b	fast_bail
	 nop

/* The KSEG0 address of EPC's page, t0 = EPC, t2 = EPC less bits 2-11. */
fast_fetch:
	FETCH_PAGE fast_bail
	b	fast_fetched
	 andi	t5, t0, 0xffc

/*
 * The instruction sits in the delay slot of the branch at EPC (t0; t4 =
 * its KSEG0 alias, t2 = its word): the branch decides where the guest goes
 * on, as mvc_eval_branch() does, for the kinds a kernel puts a CP0
 * instruction after (Linux's irq restore is beqz; di), from the registers
 * as they were before the slot ran.  A branch that ends its page finds
 * its slot through the slot tables, as FETCH_PAGE does.  Other branches,
 * an eret in a slot and an odd target go to C.
 */
fast_slot:
	andi	t5, t0, 0xffc
	xori	t5, t5, 0xffc
	bnez	t5, 1f
	 addiu	t6, t4, 4		/* the slot, on the branch's page */
	/*
	 * The slot begins the next page (Linux's layout put its irq
	 * restore's di there once: 14,000 exits to C in a boot).
	 */
	addiu	t3, t0, 4
	GKSEG_PAGE t3, t6, t3, t5, t7, t2, fast_bail
1:	lw	t2, 0(t6)		/* the slot's instruction */
	li	t1, INSN_ERET
	beq	t2, t1, fast_bail
	 addiu	v0, t0, 4		/* not taken: v0 + 4 = EPC + 8 */
	lw	t3, 0(t4)		/* the branch */
	ext	t6, t3, 21, 5
	GPR_READ t6
	move	t6, $1			/* rs */
	ext	t7, t3, 16, 5
	GPR_READ t7
	move	t7, $1			/* rt */
	seh	t4, t3
	sll	t4, t4, 2
	addu	t4, t4, t0		/* target - 4 */
	srl	t5, t3, 26
	beqz	t5, 6f			/* SPECIAL */
	 andi	t1, t5, 0x2c
	xori	t1, t1, 4		/* beq bne blez bgtz, and likely */
	bnez	t1, fast_bail
	 andi	t5, t5, 3
	beqz	t5, 1f			/* beq: rs == rt */
	 xor	t1, t6, t7
	xori	$1, t5, 1
	beqz	$1, 2f			/* bne */
	 ext	$1, t3, 16, 5
	bnez	$1, fast_bail		/* blez, bgtz: rt must be 0 */
	 xori	$1, t5, 2
	beqz	$1, 3f			/* blez */
	 slt	t1, zero, t6		/* rs > 0 */
	b	2f			/* bgtz */
	 nop
6:	ext	t1, t3, 0, 21
	xori	t1, t1, 8		/* jr: rt, rd and hint 0 */
	bnez	t1, fast_bail
	 addiu	t4, t6, -4		/* target - 4 = rs - 4 */
	b	4f
	 nop
1:	movz	v0, t4, t1		/* beq: taken when equal */
	b	5f
	 nop
2:	movn	v0, t4, t1		/* bne, bgtz: taken when nonzero */
	b	5f
	 nop
3:	movz	v0, t4, t1		/* blez: taken when not rs > 0 */
	b	5f
	 nop
4:	move	v0, t4
5:	andi	t1, v0, 1
	bnez	t1, fast_bail		/* to an odd PC: C raises AdEL */
	 nop
	b	fast_decode
	 move	t0, v0

fast_mfc0:
	andi	t1, t2, 0x7f8
	bnez	t1, fast_bail
	 andi	t1, t7, FAST_READ
	bnez	t1, 1f
	 andi	t1, t7, FAST_READ_TIMER
	/*
	 * Cause: as stored while TI or DC says no timer match can change
	 * it, or until the host's own Count reaches the value before which
	 * C showed no match can come; then C looks at the time.
	 */
	beqz	t1, fast_bail
	 lw	t1, GCP0_CAUSE(v1)
	lui	t3, GCAUSE_TI_DC_HI
	and	t1, t1, t3
	bnez	t1, 1f
	 mfc0	t3, CP0_COUNT
	lw	t5, CTX(HWC_FAST_QUIET_UNTIL)(k1)
	subu	t3, t3, t5
	bgez	t3, fast_bail
	 nop
1:	GPR_WRITE_J t4, t5
	 lw	$1, 0(t6)
	b	fast_resume
	 addiu	t0, t0, 4		/* fast_next */

fast_mtc0:
	andi	t1, t2, 0x7f8
	bnez	t1, fast_bail
	 lw	t3, CTX(HWC_FAST_WMASK)(k1)
	GPR_READ_J t4			/* at = the value */
	 sll	t1, t5, 2
	addu	t3, t3, t1
	lw	t3, 0(t3)		/* mask */
	lw	v0, 0(t6)		/* old */
	xor	t1, v0, $1
	and	t1, t1, t3
	xor	t1, v0, t1		/* new */
	andi	t2, t7, FAST_WRITE
	bnez	t2, fast_store
	 andi	t2, t7, FAST_ENTRYHI
	beqz	t2, 1f
	 xor	t2, v0, t1
	andi	t2, t2, 0xff
	beqz	t2, fast_store		/* the guest's ASID stays */
	 nop
	b	fast_bail
	 nop
1:	andi	t2, t7, FAST_STATUS
	beqz	t2, fast_bail
	 nop
	CHECK_KSTATUS t1, t2
fast_store:
	sw	t1, 0(t6)
	b	fast_resume
	 addiu	t0, t0, 4		/* fast_next */

fast_mfmc0:				/* di, ei: rt = Status, then IE */
	andi	t1, t2, MFMC0_DIEI_MASK
	li	t3, MFMC0_DIEI
	bne	t1, t3, fast_bail
	 lw	$1, GCP0_STATUS(v1)
	ori	t1, $1, GST_IE
	andi	t3, t2, MFMC0_SC
	bnez	t3, 1f
	 nop
	ins	t1, zero, 0, 1
1:	CHECK_KSTATUS t1, t2
	GPR_WRITE_J t4, t5
	 sw	t1, GCP0_STATUS(v1)
	b	fast_resume
	 addiu	t0, t0, 4		/* fast_next */

/*
 * eret, as mvc_cp0_eret() does it: t0 = where the guest goes on, Status,
 * the view; branches to @bail before changing anything, else to @done.
 * v1 = the guest's CP0 registers; clobbers t1-t3.
 */
	.macro	ERET_BODY bail, done
	lw	t3, GCP0_STATUS(v1)
	andi	t1, t3, GST_ERL
	beqz	t1, 1f
	 lw	t0, GCP0_EPC(v1)	/* EPC */
	lw	t0, GCP0_ERROREPC(v1)	/* ErrorEPC */
	b	2f
	 ins	t3, zero, 2, 1		/* ERL */
1:	ins	t3, zero, 1, 1		/* EXL */
2:	andi	t1, t0, 1
	bnez	t1, \bail		/* to an odd PC: C raises AdEL */
	 andi	t1, t3, GST_EXL | GST_ERL
	bnez	t1, 3f
	 andi	t1, t3, GST_KSU
	beqz	t1, 3f
	 andi	t1, t3, GST_IE
	/* To the user view: its ASID must be live, no interrupt due. */
	beqz	t1, 4f
	 lw	t1, GCP0_CAUSE(v1)
	and	t1, t1, t3
	andi	t1, t1, GST_IM
	bnez	t1, \bail
	 nop
4:	lw	t1, CTX(HWC_FAST_UASID)(k1)
	addiu	t2, t1, 1
	beqz	t2, \bail
	 nop
	sw	t3, GCP0_STATUS(v1)
	mtc0	t1, CP0_ENTRYHI
	b	\done
	 sw	zero, CTX(HWC_FAST_KVIEW)(k1)
3:	CHECK_KSTATUS t3, t1, \bail
	b	\done
	 sw	t3, GCP0_STATUS(v1)
	.endm

fast_eret:
	ERET_BODY fast_bail, fast_resume

fast_next:
	addiu	t0, t0, 4
fast_resume:				/* t0 = the guest's next PC */
	lw	t1, CTX(HWC_FAST_EMULATED)(k1)
	addiu	t1, t1, 1
	sw	t1, CTX(HWC_FAST_EMULATED)(k1)
fast_return:				/* t0 = the guest's next PC, counted */
	mtc0	t0, CP0_EPC
	RESTORE_FAST
	lw	k0, CTX(HWC_GPR(26))(k1)
	mfc0	k1, CP0_ERROREPC
	ehb
	eret

fast_bail:				/* nothing changed: the slow way */
	SAVE_REST
	li	k0, MVC_EXIT_KIND_GENERAL
	sw	k0, CTX(HWC_EXIT_KIND)(k1)
	b	common_exit_saved
	 addiu	k1, k1, MVC_CTX_OFFSET

/*
 * The mapped refill fast path: a guest-TLB-backed address (the user view,
 * or gKSEG2/gKSEG3) missed in the host TLB.  In the user view, the host
 * pair must lie wholly inside the VM's user window: C raises the address
 * error outside it, and installs a pair that straddles an edge with the
 * outer half invalid.  Look the address up in the
 * guest TLB as mvc_tlb_lookup() does; if the guest entry maps the page
 * validly to RAM or ROM, build both halves of the host pair as
 * mvc_shadow_map_mapped() would (V and D from the guest, D only for a
 * writable slot, uncached when the guest's C says so) and write a random
 * entry.  A guest TLB miss, an invalid guest page or MMIO takes the common
 * exit, where C raises the guest's exception or emulates the access.
 * k1 = page base, guest k0 saved.
 */
/*
 * t2 = the first guest TLB entry that maps t0 for ASID t1 (as
 * mvc_tlb_lookup() finds it), t4 = the size of one of its pages; or
 * branch to @miss.  Clobbers t3, t5 and t6.
 */
	.macro	GTLB_LOOKUP miss
	lw	t2, CTX(HWC_FAST_TLB)(k1)
	lw	t3, GTLB_SIZE(t2)
	addiu	t2, t2, GTLB_E
71:	beqz	t3, \miss		/* not in the guest TLB */
	 lw	t4, GTLBE_PAGEMASK(t2)
	ori	t4, t4, 0x1fff
	nor	t5, t4, zero
	and	t5, t0, t5
	lw	t6, GTLBE_VPN2(t2)
	bne	t5, t6, 72f
	 lbu	t5, GTLBE_GLOBAL(t2)
	bnez	t5, 73f
	 lw	t6, GTLBE_ASID(t2)
	beq	t6, t1, 73f
	 nop
72:	addiu	t3, t3, -1
	b	71b
	 addiu	t2, t2, GTLBE_SIZE
73:	addiu	t4, t4, 1
	srl	t4, t4, 1		/* the size of one guest page */
	.endm

	/*
	 * Branch to @none when the guest TLB's index (guest_tlb.h) says no
	 * entry can match the address in t0: no entry maps large pages and
	 * none of 4 KiB counts in the address's bucket.  Clobbers t2, t3.
	 */
	.macro	GTLB_NONE none
	lw	t2, CTX(HWC_FAST_TLB)(k1)
	lw	t3, GTLB_NLARGE(t2)
	bnez	t3, 74f
	 ext	t3, t0, 13, GTLB_BUCKET_BITS
	addu	t3, t3, t2
	lbu	t3, GTLB_BUCKET(t3)
	beqz	t3, \none
	 nop
74:
	.endm

	/*
	 * v = the host EntryLo of the 4 KiB page at @va: 0 when invalid or
	 * MMIO; the cache attribute alone (V clear) when its page is not
	 * pinned yet.  Callers test V.
	 */
	.macro	HALF_LO va, v
	move	\v, zero
	and	t5, \va, t4		/* the odd half of the guest pair? */
	sltu	t5, zero, t5
	sll	t5, t5, 2
	addu	t5, t5, t2
	lw	t5, GTLBE_LO0(t5)
	andi	t6, t5, 2		/* V */
	beqz	t6, 98f
	 ext	t6, t5, 6, 20		/* guest PFN */
	sll	t6, t6, 12
	addiu	t7, t4, -1
	and	t7, \va, t7
	addu	t6, t6, t7		/* guest physical */
	FIND_SLOT t6, t8, t7, t9, a1, 98f
	lw	\v, 0(t8)
	andi	t7, t5, 4		/* the guest's D */
	bnez	t7, 97f
	 ext	t7, t5, 3, 3		/* the guest's C */
	ins	\v, zero, 2, 1
97:	xori	t7, t7, 2
	bnez	t7, 99f
	 lw	a1, CTX(HWC_FAST_CCA)(k1)
	li	a1, 2 << 3		/* uncached */
99:	or	\v, \v, a1
98:
	.endm

/*
 * The kernel view's refills but those of slot 0's gKSEG0 ($8 saved, and
 * = the address's 8 KiB pair): gKSEG2/3 through the guest TLB
 * (refill_mapped_kernel); gKSEG0 of another slot and gKSEG1 (uncached) as
 * above, when fast_refill is on, and a miss in every slot is MMIO, which
 * refill_mmio decides when C allows it (fast_mmio), else C does.
 */
refill_other_slot:
	mfc0	$8, CP0_BADVADDR
	ins	$8, zero, 0, 13
refill_kernel:
	srl	k0, $8, 30
	bnez	k0, refill_mapped_kernel	/* gKSEG2/3 */
	 lw	k0, CTX(HWC_FAST_REFILL_END)(k1)
	bltz	k0, refill_slow_8	/* fast_refill=0 */
	 sw	$9, CTX(HWC_GPR(9))(k1)
	sw	$10, CTX(HWC_GPR(10))(k1)
	sw	$11, CTX(HWC_GPR(11))(k1)
	ins	$8, zero, 29, 3		/* guest physical */
	FIND_SLOT $8, k0, $9, $10, $11, refill_bail
	lw	$10, 0(k0)
	lw	$11, 4(k0)
	or	$9, $10, $11
	beqz	$9, refill_unpinned	/* neither page pinned yet: C pins */
	 mfc0	$9, CP0_BADVADDR
	ext	$9, $9, 29, 1		/* 1: gKSEG1, uncached */
	bnez	$9, 1f
	 li	k0, 2 << 3
	lw	k0, CTX(HWC_FAST_CCA)(k1)
1:	or	$10, $10, k0
	or	$11, $11, k0
	REFILL_WRITE $10, $11, $9
	lw	$8, CTX(HWC_GPR(8))(k1)
	lw	$9, CTX(HWC_GPR(9))(k1)
	lw	$10, CTX(HWC_GPR(10))(k1)
	lw	$11, CTX(HWC_GPR(11))(k1)
	lw	k0, CTX(HWC_GPR(26))(k1)
	mfc0	k1, CP0_ERROREPC
	eret

refill_bail:				/* no slot backs the pair's even page */
	lw	$9, CTX(HWC_FAST_MMIO)(k1)
	bnez	$9, refill_mmio		/* MMIO, decided here? */
	 sw	$1, CTX(HWC_GPR(1))(k1)	/* (refill_mmio's too) */
refill_unpinned:
	lw	$9, CTX(HWC_GPR(9))(k1)
	lw	$10, CTX(HWC_GPR(10))(k1)
	b	refill_slow_8
	 lw	$11, CTX(HWC_GPR(11))(k1)

refill_mapped_kernel:			/* gKSEG2/3: k0 = fast_refill_end */
	bltz	k0, refill_slow_8
	 lw	$8, CTX(HWC_GPR(8))(k1)
	SAVE_SCRATCH
	b	5f			/* the kernel view has no window */
	 mfc0	t0, CP0_BADVADDR
refill_mapped:				/* the user view */
	lw	k0, CTX(HWC_FAST_REFILL_END)(k1)
	bltz	k0, refill_slow		/* fast_refill=0 */
	 nop
	SAVE_SCRATCH
	mfc0	t0, CP0_BADVADDR
	ins	t0, zero, 0, 13		/* the even page of the host pair */
	lw	t1, CTX(HWC_FAST_UBASE)(k1)
	sltu	t1, t0, t1
	bnez	t1, refill_mapped_bail	/* starts below the window */
	 lw	t1, CTX(HWC_FAST_UEND)(k1)
	addiu	t2, t0, 0x2000
	sltu	t1, t1, t2
	bnez	t1, refill_mapped_bail	/* ends past it */
	 nop
	mfc0	t0, CP0_BADVADDR
5:	lw	t1, CTX(HWC_FAST_CP0)(k1)
	lw	t1, GCP0_ENTRYHI(t1)	/* EntryHi */
	andi	t1, t1, 0xff		/* the guest's ASID */
	GTLB_NONE refill_mapped_miss
	GTLB_LOOKUP refill_mapped_miss
	ins	t0, zero, 0, 12		/* the page that missed */
	bal	half_lo
	 move	a2, t0
	andi	t5, a3, 2		/* V */
	beqz	t5, refill_mapped_invalid	/* invalid, MMIO, not pinned */
	 move	v0, a3
	bal	half_lo
	 xori	a2, t0, 0x1000		/* the other page of the host pair */
	move	v1, a3
	andi	t5, t0, 0x1000
	beqz	t5, 4f
	 nop
	move	t5, v0			/* the miss was on the odd page */
	move	v0, v1
	move	v1, t5
4:	REFILL_WRITE v0, v1, t5
	RESTORE_SCRATCH
	lw	k0, CTX(HWC_GPR(26))(k1)
	mfc0	k1, CP0_ERROREPC
	eret

refill_mapped_bail:
	RESTORE_SCRATCH
	b	refill_slow
	 nop

/*
 * Deliver an exception of guest user mode (the user view, where the
 * guest's EXL is clear) to the guest kernel as mvc_raise() does: EPC =
 * the trapping PC, of the host's Cause the bits in @bits (BD, ExcCode and
 * perhaps CE) with the guest's BD, CE and ExcCode cleared first,
 * Status.EXL, t0 = the vector of BEV or EBase plus @off, and the kernel
 * view (EntryHi and fast_kview), counted as an exception.  Branches to
 * @bail before changing anything for an odd PC (MIPS16e: C raises AdEL)
 * or a kernel view whose host ASID is not live.  v1 = the guest's CP0
 * registers; clobbers t1, t3-t5; @bits and @off are neither.
 */
	.macro	USER_DELIVER bail, bits, off
	mfc0	t0, CP0_EPC
	andi	t1, t0, 1
	bnez	t1, \bail
	 lw	t1, CTX(HWC_FAST_KASID)(k1)
	addiu	t3, t1, 1
	beqz	t3, \bail
	 nop
	sw	t0, GCP0_EPC(v1)	/* EPC */
	mfc0	t3, CP0_CAUSE
	and	t3, t3, \bits
	lui	t4, GCAUSE_BD_CE_HI
	ori	t4, t4, GCAUSE_EXC
	lw	t5, GCP0_CAUSE(v1)
	nor	t4, t4, zero
	and	t5, t5, t4
	or	t5, t5, t3
	sw	t5, GCP0_CAUSE(v1)	/* Cause */
	lw	t3, GCP0_STATUS(v1)
	ori	t3, t3, GST_EXL
	sw	t3, GCP0_STATUS(v1)	/* Status */
	lui	t4, GST_BEV_HI
	and	t4, t4, t3
	lui	t0, %hi(GUEST_BEV_BASE)
	bnez	t4, 91f
	 addiu	t0, t0, %lo(GUEST_BEV_BASE)
	lw	t0, GCP0_EBASE(v1)	/* EBase */
	li	t4, GUEST_EBASE_MASK
	and	t0, t0, t4
91:	addu	t0, t0, \off
	mtc0	t1, CP0_ENTRYHI
	lw	t3, CTX(HWC_FAST_REFILL_END)(k1)
	sw	t3, CTX(HWC_FAST_KVIEW)(k1)
	lw	t3, CTX(HWC_FAST_EXCEPTIONS)(k1)
	addiu	t3, t3, 1
	sw	t3, CTX(HWC_FAST_EXCEPTIONS)(k1)
	.endm

/*
 * The guest entry (t2, page size t4) maps the page that missed (t0)
 * invalidly, or validly to MMIO: in the user view, the first is a TLB
 * invalid exception for the guest kernel (TLBL or TLBS as the host's
 * refill was), delivered here when the CP0 path may run; the rest is C's.
 */
refill_mapped_invalid:
	and	t5, t0, t4		/* the odd half of the guest pair? */
	sltu	t5, zero, t5
	sll	t5, t5, 2
	addu	t5, t5, t2
	lw	t5, GTLBE_LO0(t5)
	andi	t5, t5, 2		/* V */
	bnez	t5, refill_mapped_bail	/* valid: MMIO or not pinned: C */
	 lw	t1, CTX(HWC_FAST_KVIEW)(k1)
	bnez	t1, refill_mapped_bail
	 lw	t1, CTX(HWC_FAST_EMUL)(k1)
	andi	t1, t1, MVC_FAST_EMUL_COP0
	beqz	t1, refill_mapped_bail
	 li	t2, GUEST_VEC_GENERAL
	b	user_tlb_deliver
	 nop

/*
 * The guest TLB has no entry for the address: in the user view (where
 * the guest's EXL is clear), a TLB refill exception for the guest kernel,
 * delivered here when the CP0 path may run; else C raises it.
 */
refill_mapped_miss:
	lw	t1, CTX(HWC_FAST_KVIEW)(k1)
	bnez	t1, refill_mapped_bail
	 lw	t1, CTX(HWC_FAST_EMUL)(k1)
	andi	t1, t1, MVC_FAST_EMUL_COP0
	beqz	t1, refill_mapped_bail
	 li	t2, 0			/* the refill vector */
	/* fall through */

/*
 * A TLB exception of guest user mode (t2 = its vector's offset) delivered
 * to the guest kernel as mvc_raise_addr() does it: EPC = the trapping PC,
 * BadVAddr, Context.BadVPN2 and EntryHi.VPN2 from the host's BadVAddr
 * (EntryHi's ASID kept), Cause.BD and ExcCode (TLBL or TLBS) as the host
 * saw them, CE 0, Status.EXL, the vector of BEV or EBase, and the kernel
 * view (its host ASID must be live).  An odd PC (MIPS16e) goes to C.
 * k1 = page base, SAVE_SCRATCH done.
 */
user_tlb_deliver:
	lw	v1, CTX(HWC_FAST_CP0)(k1)
	lui	t6, GCAUSE_BD_HI
	ori	t6, t6, GCAUSE_EXC	/* the host's BD and ExcCode */
	USER_DELIVER refill_mapped_bail, t6, t2
	mtc0	t0, CP0_EPC
	mfc0	t3, CP0_BADVADDR
	sw	t3, GCP0_BADVADDR(v1)	/* BadVAddr */
	lw	t4, GCP0_CONTEXT(v1)
	srl	t5, t3, 13
	ins	t4, t5, 4, 19
	ins	t4, zero, 0, 4
	sw	t4, GCP0_CONTEXT(v1)	/* Context: PTEBase, BadVPN2 */
	lw	t4, GCP0_ENTRYHI(v1)
	andi	t4, t4, 0xff
	ins	t3, t4, 0, 13		/* VPN2 and the guest's ASID */
	sw	t3, GCP0_ENTRYHI(v1)	/* EntryHi */
	lw	t3, CTX(HWC_FAST_TLB_FAULTS)(k1)
	addiu	t3, t3, 1
	beqz	t2, trace_run		/* the refill handler: its trace? */
	 sw	t3, CTX(HWC_FAST_TLB_FAULTS)(k1)
user_tlb_return:
	RESTORE_SCRATCH
	lw	k0, CTX(HWC_GPR(26))(k1)
	mfc0	k1, CP0_ERROREPC
	ehb
	eret

/*
 * a3 = the host EntryLo of the 4 KiB page at a2 as HALF_LO makes it, t2
 * and t4 as GTLB_LOOKUP left them.  Returns to ra; clobbers t5-t9, a1.
 */
half_lo:
	HALF_LO	a2, a3
	jr	ra
	 nop

/*
 * tlbp, as mvc_tlb_probe() does it: Index = the lowest guest TLB entry
 * that matches EntryHi's VPN2 and ASID (or is global), else Index.P set
 * and the rest of Index as it was.  The scan is GTLB_LOOKUP's, on EntryHi
 * as the address (its bits below VPN2 are masked off there).
 */
fast_tlbp:
	move	$1, t0			/* $1 + 4: where the guest goes on */
	lw	t0, GCP0_ENTRYHI(v1)	/* EntryHi */
	andi	t1, t0, 0xff		/* its ASID */
	GTLB_NONE 2f
	GTLB_LOOKUP 2f
	lw	t5, CTX(HWC_FAST_TLB)(k1)
	lw	t5, GTLB_SIZE(t5)
	b	1f
	 subu	t5, t5, t3		/* the index: entries before the match */
2:	lw	t5, GCP0_INDEX(v1)
	lui	t6, 0x8000
	or	t5, t5, t6
1:	sw	t5, GCP0_INDEX(v1)	/* Index */
	b	fast_next
	 move	t0, $1

/*
 * tlbwi and tlbwr, as mvc_emulate_tlbw() does them, when both the entry
 * written and the one it replaces map 4 KiB pages (PageMask 0; else C):
 * the entry at Index (which must be below the TLB's size: C takes the
 * remainder) or at Wired + the host's Count modulo the entries above
 * Wired (C's Random is Wired + the guest's Count modulo the same: any
 * entry in the range is what the architecture asks, but while the
 * guest's Cause.DC stops its Count, C picks one entry every time, so
 * then C does it), stored as
 * mvc_tlb_write() does, then the host entries derived from either the old
 * or the new 8 KiB range (below 2 GiB) in either view killed as
 * mvc_shadow_invalidate() does, but found by tlbp (see shadow_kill).
 * t2 = the instruction, v1 = the guest's CP0 registers; branches to @bail
 * before changing anything (and before touching a1 or t9, which the
 * trace's stop keeps there), else to @done.  Clobbers at, v0, t1-t7 and
 * ra, and a1-a3, t8 and t9 too unless @keep (they hold the guest's own in
 * the CP0 path; the trace's are scratch); keeps t0, a0 and k0.  With
 * @fresh, a register that is 0 when neither view can have an entry of the
 * new range (the trace's first TLB write, below), that range's kill is
 * skipped.
 */
	.macro	TLBW_BODY bail, done, keep, fresh
	lw	t1, GCP0_PAGEMASK(v1)	/* PageMask */
	bnez	t1, \bail
	 lw	t3, CTX(HWC_FAST_TLB)(k1)
	lw	t4, GTLB_SIZE(t3)
	andi	t1, t2, 4
	bnez	t1, 1f			/* tlbwr */
	 lw	t5, GCP0_INDEX(v1)	/* Index */
	sltu	t1, t5, t4
	beqz	t1, \bail
	 nop
	b	2f
	 nop
1:	lw	t1, GCP0_CAUSE(v1)
	lui	t6, GCAUSE_DC_HI
	and	t1, t1, t6
	bnez	t1, \bail		/* Count stopped: C's Random too */
	 lw	t1, GCP0_WIRED(v1)	/* Wired */
	subu	t6, t4, t1
	blez	t6, \bail		/* no entry above Wired: C */
	 mfc0	t5, CP0_COUNT
	mfhi	t7			/* the guest's HI and LO */
	mflo	ra
	divu	$0, t5, t6
	mfhi	t5
	mthi	t7
	mtlo	ra
	addu	t5, t5, t1
2:	sll	t1, t5, 3
	sll	t6, t5, 4
	addu	t1, t1, t6		/* index * GTLBE_SIZE */
	addu	t3, t3, t1
	addiu	t3, t3, GTLB_E		/* the entry */
	lw	t1, GTLBE_PAGEMASK(t3)
	bnez	t1, \bail		/* it maps large pages: C */
	 lw	t6, GTLBE_VPN2(t3)	/* the old range */
	lw	t1, GCP0_ENTRYHI(v1)	/* EntryHi */
	andi	t7, t1, 0xff
	sw	t7, GTLBE_ASID(t3)
	ins	t1, zero, 0, 13
	sw	t1, GTLBE_VPN2(t3)	/* the new range */
	lw	t7, GCP0_ENTRYLO0(v1)	/* EntryLo0 */
	lw	ra, GCP0_ENTRYLO1(v1)	/* EntryLo1 */
	and	t4, t7, ra
	andi	t4, t4, 1
	sb	t4, GTLBE_GLOBAL(t3)	/* G of both halves */
	ins	t7, zero, 0, 1
	ins	ra, zero, 0, 1
	sw	t7, GTLBE_LO0(t3)
	sw	ra, GTLBE_LO1(t3)
	/* The index: the old entry out of its bucket, the new one in. */
	lw	t4, CTX(HWC_FAST_TLB)(k1)
	ext	t5, t6, 13, GTLB_BUCKET_BITS
	addu	t5, t5, t4
	lbu	t7, GTLB_BUCKET(t5)
	addiu	t7, t7, -1
	sb	t7, GTLB_BUCKET(t5)
	ext	t5, t1, 13, GTLB_BUCKET_BITS
	addu	t5, t5, t4
	lbu	t7, GTLB_BUCKET(t5)
	addiu	t7, t7, 1
	sb	t7, GTLB_BUCKET(t5)
	lbu	t4, GTLBE_GLOBAL(t3)
	addu	t7, t7, t4		/* 1: the preinstall may go ahead */
	move	t5, t3			/* the entry: shadow_kill clobbers t3 */
	mfc0	v0, CP0_ENTRYHI		/* the host's, to restore */
	bal	shadow_kill
	 move	t2, t6
	beq	t1, t6, 3f
	 nop
	.ifnb	\fresh
	beqz	\fresh, 3f		/* the new range has none */
	 nop
	.endif
	bal	shadow_kill
	 move	t2, t1
3:	xori	t7, t7, 1
	bnez	t7, 4f
	 nop
	.if	\keep
	.irp	n, 5, 6, 7, 24, 25
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endif
	bal	tlbw_preinstall
	 move	t3, t5
	.if	\keep
	.irp	n, 5, 6, 7, 24, 25
	lw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr
	.endif
4:	mtc0	v0, CP0_ENTRYHI
	ehb
	b	\done
	 nop
	.endm

fast_tlbw:
	TLBW_BODY fast_bail, fast_next, 1

/*
 * After a tlbwi/tlbwr of a 4 KiB entry (t1 = its VPN2, t3 = the entry):
 * the guest kernel writes an entry mostly because user code just missed
 * on it and will retry at its eret.  Install the user view's host pair
 * now, as refill_mapped would at that retry, when refills may be served
 * here (fast_refill), the whole pair lies in the VM's user window and
 * the user view's host ASID is live (it stands for the guest's current
 * ASID, which is the entry's).  The caller skips global entries (mostly
 * the guest kernel's own) and entries whose bucket holds another (which
 * might match the same page at a lower index, and the lowest decides:
 * refill_mapped sorts that out at the retry).  Neither view has an entry of the range left
 * (shadow_kill), so a random write cannot duplicate one.  Returns to ra
 * (kept in at meanwhile); clobbers at, a1-a3 and t2-t9 (half_lo's);
 * PageMask is 0; the caller restores EntryHi.
 */
tlbw_preinstall:
	lw	t5, CTX(HWC_FAST_REFILL_END)(k1)
	bltz	t5, 9f			/* fast_refill=0: C serves every miss */
	 lw	t5, CTX(HWC_FAST_UASID)(k1)
	addiu	t6, t5, 1
	beqz	t6, 9f			/* not live */
	 lw	t6, CTX(HWC_FAST_UBASE)(k1)
	sltu	t6, t1, t6
	bnez	t6, 9f			/* starts below the window */
	 lw	t6, CTX(HWC_FAST_UEND)(k1)
	sltu	t7, t1, t6
	beqz	t7, 9f			/* starts past it */
	 addiu	t7, t1, 0x2000
	sltu	t6, t6, t7
	bnez	t6, 9f			/* ends past it */
	 nop
	move	$1, ra
	move	t2, t3			/* the entry, as GTLB_LOOKUP leaves it */
	li	t4, 0x1000		/* its page size */
	bal	half_lo
	 move	a2, t1			/* the even page */
	move	t3, a3
	bal	half_lo
	 ori	a2, t1, 0x1000		/* the odd page */
	or	t5, t3, a3
	andi	t5, t5, 2		/* V */
	beqz	t5, 8f			/* neither half valid RAM */
	 lw	t5, CTX(HWC_FAST_UASID)(k1)
	or	t5, t5, t1
	mtc0	t5, CP0_ENTRYHI
	REFILL_WRITE t3, a3, t5
8:	move	ra, $1
9:	jr	ra
	 nop

	/*
	 * Kill the host entry of VPN2 t2 with the ASID at @asid, if that ASID
	 * is live: a unique KSEG0 VPN2 (never translated) at its index, as
	 * mvc_tlb_kill() writes.  Clobbers t3, t4 and EntryHi.
	 */
	.macro	KILL_SHADOW asid
	lw	t3, CTX(\asid)(k1)
	addiu	t4, t3, 1
	beqz	t4, 88f			/* not live: nothing of it is here */
	 or	t4, t2, t3
	mtc0	t4, CP0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0	t4, CP0_INDEX
	bltz	t4, 88f
	 sll	t4, t4, 13
	lui	t3, 0x8000
	addu	t4, t4, t3
	mtc0	t4, CP0_ENTRYHI
	mtc0	zero, CP0_ENTRYLO0
	mtc0	zero, CP0_ENTRYLO1
	ehb
	tlbwi
	ehb
88:
	.endm

/*
 * The host entries of the guest's 8 KiB range at t2 in either view, if it
 * lies below 2 GiB (above, nothing is mapped from the guest TLB).  One
 * tlbp per view finds the entry, as shadow entries are always 8 KiB pairs
 * (the scan of mvc_shadow_invalidate() is for ranges of any size); on
 * QEMU, a tlbp that finds nothing also drops the hidden copy of an entry
 * a tlbwr replaced, and the kill's tlbwi every other (docs/world-switch.md).
 * Returns to ra; clobbers t3, t4 and EntryHi; PageMask must be 4 KiB.
 */
shadow_kill:
	bltz	t2, 9f
	 nop
	KILL_SHADOW HWC_FAST_KASID
	KILL_SHADOW HWC_FAST_UASID
9:	jr	ra
	 nop

/*
 * cache, as mvc_emulate_cache() does it: an Index operation has nothing
 * to do; a Hit operation on a line of guest RAM writes back and
 * invalidates that line (GUEST_CACHE_LINE bytes, one host line at least,
 * which C checked) in the D-cache and invalidates it in the I-cache,
 * through the page's KSEG0 alias, whatever the guest asked for (it may
 * not discard data the host has not seen).  The address translates as
 * mvc_translate() does in the kernel view: gKSEG0/gKSEG1 directly,
 * gKSEG2/gKSEG3 through a valid guest TLB entry.  Anything else (the
 * host's half of the address space, a guest TLB miss, an invalid page,
 * MMIO, highmem) goes to C, which mostly just skips the instruction.
 * t0 = EPC, t2 = the instruction, v1 = the guest's CP0 registers; the
 * working set is saved, and SAVE_CACHE saves what the lookup needs more.
 */
fast_cache:
	lw	t1, CTX(HWC_FAST_EMUL)(k1)
	andi	t1, t1, MVC_FAST_EMUL_CACHE
	beqz	t1, fast_bail
	 ext	t1, t2, 18, 3		/* the operation */
	sltiu	t1, t1, 4
	bnez	t1, fast_next		/* Index_*: nothing to do */
	 ext	t3, t2, 21, 5		/* base */
	GPR_READ t3
	seh	t3, t2
	addu	t3, t3, $1		/* the guest virtual address */
	bltz	t3, fast_bail		/* the host's: an address error, C */
	 srl	t1, t3, 30
	SAVE_CACHE
	move	$1, t0			/* $1 + 4: where the guest goes on */
	move	a0, t3
	beqz	t1, 1f			/* gKSEG0/gKSEG1 */
	 ext	t6, a0, 0, 29		/* their guest physical */
	move	t0, a0
	lw	t1, GCP0_ENTRYHI(v1)	/* EntryHi */
	andi	t1, t1, 0xff		/* the guest's ASID */
	GTLB_LOOKUP fast_cache_bail
	ins	t0, zero, 0, 12
	bal	half_lo
	 move	a2, t0
	beqz	a3, fast_cache_bail	/* invalid or MMIO: C decides */
	 move	v0, a3
	b	2f
	 nop
1:	FIND_SLOT t6, t7, t3, t5, t9, fast_cache_bail
	lw	v0, 0(t7)		/* PFN << 6 | D | V */
2:	LO_TO_KSEG0 v0, t5, fast_cache_bail
	andi	t5, a0, GUEST_LINE_IN_PAGE
	or	v0, v0, t5
	cache	Hit_Writeback_Inv_D, 0(v0)
	sync				/* as C's flush: write back, then */
	cache	Hit_Invalidate_I, 0(v0)
	sync
	RESTORE_CACHE
	b	fast_next
	 move	t0, $1

fast_cache_bail:
	RESTORE_CACHE
	b	fast_bail
	 nop

fast_user_deliver:			/* k0 = the host Cause bits to deliver */
	li	t2, GUEST_VEC_GENERAL
	USER_DELIVER fast_bail, k0, t2
	b	fast_return
	 nop

/*
 * A load or store of the guest kernel to a gKSEG0/gKSEG1 address that no
 * slot backs (MMIO), from the refill vector (refill_bail, when fast_mmio
 * allows: $1, $8-$11 and k0 saved).  The access is decided here, once:
 *
 * - a store (sb, sh, sw) wholly inside a coalesced MMIO zone (fast_cmmio)
 *   is appended to the VCPU's ring as mvc_coalesce() does (the ring's
 *   head as userspace left it now, the entry before the tail that
 *   publishes it), and the guest goes on after it;
 * - any other access goes to C as an MVC_EXIT_KIND_MMIO exit with the
 *   instruction and the guest physical address (HWC_MMIO_INSN, _GPA), so
 *   that C neither classifies the address nor fetches the instruction
 *   again: mvc_emulate_mmio_insn() decodes it and exits to userspace (or
 *   appends a store the ring had no room for when it looked).
 *
 * Bails, with nothing changed, to C's refill (which finds the same and
 * more) for: a delay slot; a slot backing the page itself (the pair's odd
 * page, when only its even one has none); a fetch (the instruction's own
 * page is MMIO, or an odd PC); the instruction not in gKSEG0/gKSEG1 RAM.
 */
refill_mmio:
	.irp	n, 2, 3, 12, 13, 14, 15, 31
	sw	$\n, CTX(HWC_GPR(\n))(k1)
	.endr				/* the working set, now all saved */
	mfc0	k0, CP0_CAUSE
	bltz	k0, mmio_bail		/* BD: C finishes the branch */
	 ext	k0, k0, 2, 5		/* TLBL or TLBS */
	mfc0	t6, CP0_BADVADDR
	ext	t1, t6, 12, 1		/* the pair's odd page? */
	beqz	t1, 7f			/* no: the refill found no slot for it */
	 ext	t6, t6, 0, 29		/* guest physical */
	FIND_SLOT t6, t1, t3, t4, t5, 7f
	b	mmio_bail		/* RAM: C maps the pair */
	 nop
7:	mfc0	t0, CP0_EPC
	andi	t5, t0, 0xffc		/* as fast_save fetches (MIPS16e: C) */
	xor	t2, t0, t5
	lw	t1, CTX(HWC_FAST_IPAGE)(k1)
	beq	t1, t2, 1f
	 lw	t4, CTX(HWC_FAST_IPAGE_K0)(k1)
	FETCH_PAGE mmio_bail		/* (clobbers t6) */
	mfc0	t6, CP0_BADVADDR
	ext	t6, t6, 0, 29
	andi	t5, t0, 0xffc
1:	or	t4, t4, t5
	lw	t2, 0(t4)		/* the load or store */
	xori	k0, k0, EXC_TLBS
	bnez	k0, mmio_exit		/* a load: userspace completes it */
	 lw	v1, CTX(HWC_FAST_CMMIO)(k1)
	beqz	v1, mmio_exit		/* no zones (or C wants every store) */
	 srl	t3, t2, 26
	xori	t1, t3, 0x28		/* sb */
	beqz	t1, 2f
	 li	t5, 1
	xori	t1, t3, 0x29		/* sh */
	beqz	t1, 2f
	 li	t5, 2
	xori	t1, t3, 0x2b		/* sw */
	bnez	t1, mmio_exit
	 li	t5, 4
	/* t5 = its width; t6 = guest physical, which an alignment error
	 * would have caught before the TLB had it not been aligned */
2:	lw	t7, CMMIO_N(v1)
	addiu	v0, v1, CMMIO_Z
3:	beqz	t7, mmio_exit		/* in no zone */
	 lw	t1, CMMIO_Z_GPA(v0)
	subu	t1, t6, t1		/* offset in the zone */
	lw	t3, CMMIO_Z_SIZE(v0)
	sltu	$1, t1, t3
	beqz	$1, 4f
	 subu	t3, t3, t1		/* bytes from there to its end */
	sltu	$1, t3, t5
	beqz	$1, 5f			/* the store fits */
	 nop
4:	addiu	t7, t7, -1
	b	3b
	 addiu	v0, v0, CMMIO_Z_STRIDE
	/* the ring: room by userspace's head as it is now */
5:	lw	v0, CTX(HWC_FAST_RING)(k1)
	lw	t7, CTX(HWC_FAST_RING_TAIL)(k1)
	lw	t1, RING_HEAD(v0)
	sync				/* the head before the entry: acquire */
	subu	t1, t7, t1
	sltiu	t1, t1, RING_ENTRIES
	beqz	t1, mmio_exit		/* full, or a head that makes no sense */
	 ext	t3, t2, 16, 5		/* rt */
	GPR_READ t3
	li	t1, 4
	beq	t5, t1, 6f
	 andi	t1, t5, 2
	bnez	t1, 6f
	 andi	$1, $1, 0xffff
	andi	$1, $1, 0xff
6:	andi	t3, t7, RING_ENTRIES - 1
	sll	t3, t3, RING_ENTRY_SHIFT
	addu	t3, t3, v0
	sw	t6, RING_ENTRY + RE_PHYS_LO(t3)
	sw	zero, RING_ENTRY + RE_PHYS_HI(t3)
	sw	$1, RING_ENTRY + RE_DATA(t3)
	sw	t5, RING_ENTRY + RE_LEN(t3)
	sync				/* the entry before the tail */
	addiu	t7, t7, 1
	sw	t7, RING_TAIL(v0)
	sw	t7, CTX(HWC_FAST_RING_TAIL)(k1)
	lw	t1, CTX(HWC_FAST_COALESCED)(k1)
	addiu	t1, t1, 1
	sw	t1, CTX(HWC_FAST_COALESCED)(k1)
	b	fast_return
	 addiu	t0, t0, 4

mmio_exit:				/* t2 = the instruction, t6 = its GPA */
	sw	t2, CTX(HWC_MMIO_INSN)(k1)
	sw	t6, CTX(HWC_MMIO_GPA)(k1)
	b	1f
	 li	k0, MVC_EXIT_KIND_MMIO
mmio_bail:				/* nothing changed: C handles the refill */
	li	k0, MVC_EXIT_KIND_REFILL
1:	SAVE_REST			/* (clobbers t0 alone) */
	sw	k0, CTX(HWC_EXIT_KIND)(k1)
	b	common_exit_saved
	 addiu	k1, k1, MVC_CTX_OFFSET

/*
 * The guest's refill handler (t0, EPC already set to it) through its
 * translation (trace_gen.h), when there is one for this address and no
 * timer is pending that C must latch first (fast_save's rule); else
 * natively, and C is asked to translate it (trace_want) unless traces
 * are off (trace_pc ~0).  fast_traced counts the runs begun, those a
 * changed word ends at once included.  The trace's code begins at trace_code with the
 * guest's k0 in k0 and its k1 in a1; v1 = the guest's CP0 registers.
 */
trace_run:
	lw	t3, CTX(HWC_TRACE_PC)(k1)
	bne	t3, t0, 1f
	 addiu	t1, t3, 1		/* 0: traces are off */
	lw	t3, CTX(HWC_FAST_PENDING)(k1)
	lw	t3, 0(t3)
	bnez	t3, user_tlb_return
	 lw	t3, CTX(HWC_FAST_TRACED)(k1)
	addiu	t3, t3, 1
	sw	t3, CTX(HWC_FAST_TRACED)(k1)
	lw	k0, CTX(HWC_GPR(26))(k1)
	b	trace_code
	 mfc0	a1, CP0_ERROREPC
1:	beqz	t1, user_tlb_return
	 nop
	b	user_tlb_return
	 sw	t0, CTX(HWC_TRACE_WANT)(k1)

/* A word of the handler changed: natively, and C translates it anew. */
	.globl	mvc_trace_changed_offset
mvc_trace_changed_offset:
	lw	t3, CTX(HWC_TRACE_PC)(k1)
	b	user_tlb_return
	 sw	t3, CTX(HWC_TRACE_WANT)(k1)

/*
 * The trace stops: the guest goes on natively from instruction t9 & 0xff
 * of its handler (MVC_TRACE_STOP), having emulated t9 >> 8 CP0
 * instructions; or (trace_done) it ran to its eret, which sent the guest
 * to t0.
 */
	.globl	mvc_trace_bail_offset
mvc_trace_bail_offset:
	lw	t0, CTX(HWC_TRACE_PC)(k1)
	andi	t3, t9, 0xff
	sll	t3, t3, 2
	addu	t0, t0, t3
trace_done:
	mtc0	t0, CP0_EPC
	srl	t9, t9, 8
	lw	t3, CTX(HWC_FAST_EMULATED)(k1)
	addu	t3, t3, t9
	sw	t3, CTX(HWC_FAST_EMULATED)(k1)
	sw	a1, CTX(HWC_GPR(27))(k1)
	RESTORE_SCRATCH
	lw	k1, CTX(HWC_GPR(27))(k1)	/* k0 holds the guest's */
	ehb
	eret

/*
 * A load site's cache missed: t7 = the KSEG0 address of the page of the
 * guest's tag t6 (an address with bits 2-11 clear), remembered in the site
 * at a0, when it is word-aligned gKSEG0/gKSEG1 RAM that KSEG0 reaches;
 * else the trace stops at the load (t9), which the guest then runs
 * itself.  Returns to ra; clobbers v0, t2, t3, t8.
 */
	.globl	mvc_trace_xlate_offset
mvc_trace_xlate_offset:
	lui	t7, 0xc000
	ori	t7, t7, 3
	and	t7, t7, t6
	bnez	t7, mvc_trace_bail_offset	/* unaligned, or not gKSEG0/1 */
	 ext	t2, t6, 0, 29		/* guest physical */
	FIND_SLOT t2, t7, t3, t8, v0, mvc_trace_bail_offset
	lw	t7, 0(t7)		/* PFN << 6 | D | V */
	LO_TO_KSEG0 t7, t3, mvc_trace_bail_offset
	sw	t6, 0(a0)
	jr	ra
	 sw	t7, 4(a0)

/*
 * tlbwi or tlbwr (t2) for the trace, which goes on at ra (or stops: t9).
 * t0 = 0 for its first TLB write, whose new range is EntryHi as the
 * delivery set it (the trace translates no write of EntryHi): the address
 * that just missed, in the user view's host TLB (hence no entry of the
 * range there, hidden ones included) and in the guest TLB for the guest's
 * ASID (hence none in the kernel view either: a shadow entry of gKSEG2/
 * gKSEG3 stands for a guest entry and dies with it, and one of gKSEG0/
 * gKSEG1 stands for guest physical memory, which the new entry does not
 * change).  Its kill would find nothing, so it is skipped.
 */
	.globl	mvc_trace_tlbw_offset
mvc_trace_tlbw_offset:
	move	a0, ra
	TLBW_BODY mvc_trace_bail_offset, 9f, 0, t0
9:	jr	a0
	 nop

/* The handler's eret (or a stop at it, t9). */
	.globl	mvc_trace_eret_offset
mvc_trace_eret_offset:
	ERET_BODY mvc_trace_bail_offset, 9f
9:	b	trace_done
	 addiu	t9, t9, 1 << 8		/* the eret, emulated */

	.globl	mvc_vectors_end
