/* SPDX-License-Identifier: GPL-2.0 */
/*
 * head.S - the demo OS's entry point, the first byte of its image, where
 * the firmware jumps with a0..a3 = RAM base, RAM size, DTB, CPU number,
 * in kernel mode with BEV set and EXL clear.  Takes the kernel stack,
 * clears .bss and calls os_main(), which never returns.
 */
#include "os.h"
#include "mips.h"

	.set	noreorder
	.section .text.head, "ax"
	.globl	_start
_start:
	lui	$sp, %hi(kernel_stack_top)
	addiu	$sp, $sp, %lo(kernel_stack_top)
	addiu	$sp, $sp, -32
	la	$t0, __bss_start
	la	$t1, __bss_end
1:	beq	$t0, $t1, 2f
	 nop
	sw	$zero, 0($t0)
	b	1b
	 addiu	$t0, $t0, 4
2:	jal	os_main
	 nop
3:	b	3b
	 nop
