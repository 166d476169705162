/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user.lds.S - the user program every task runs: code and constants at
 * USER_TEXT_VA (mapped read-only), struct user_info then data and bss at
 * USER_DATA_VA.  objcopy -O binary of this fills the gap with zeros, so
 * the raw blob has its data at USER_DATA_VA - USER_TEXT_VA.
 */
#include "user_abi.h"

OUTPUT_ARCH(mips)
ENTRY(_ustart)

SECTIONS {
	. = USER_TEXT_VA;
	.text : { KEEP(*(.text.ustart)) *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) . = ALIGN(4); }
	_utext_end = .;
	. = USER_DATA_VA;
	.data : {
		KEEP(*(.data.info))
		*(.data .data.* .sdata .sdata.*)
		*(.bss .bss.* .sbss .sbss.* COMMON)
		. = ALIGN(4);
	}
	_udata_end = .;
	/DISCARD/ : { *(.MIPS.abiflags) *(.reginfo) *(.pdr) *(.comment)
		      *(.gnu.attributes) *(.note*) *(.eh_frame) }
}

ASSERT(_ustart == USER_ENTRY, "the entry point must open the text")
ASSERT(_utext_end <= USER_TEXT_VA + USER_TEXT_SIZE, "user text too big")
ASSERT(_udata_end <= USER_DATA_VA + USER_DATA_SIZE, "user data too big")
ASSERT(user_info == USER_INFO_VA, "struct user_info must open the data")
