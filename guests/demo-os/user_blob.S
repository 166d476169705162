/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user_blob.S - the user program (user/, linked at USER_TEXT_VA) as raw
 * bytes in the kernel's read-only data: text at offset 0, data at
 * USER_DATA_VA - USER_TEXT_VA.  task.c copies it into each task's pages.
 * USER_BLOB is the path of user.bin, given by the build.
 */
	.section .rodata.user, "a"
	.align	4
	.globl	user_image, user_image_end
user_image:
	.incbin	USER_BLOB
user_image_end:
