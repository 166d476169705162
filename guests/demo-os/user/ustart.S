/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ustart.S - where a task starts, in user mode, a0 = task id and sp set
 * by the kernel.  task_main() never returns; if it did, the task would
 * spin here until the run ends.
 */
	.set	noreorder
	.section .text.ustart, "ax"
	.globl	_ustart
_ustart:
	jal	task_main
	 nop
1:	b	1b
	 nop
