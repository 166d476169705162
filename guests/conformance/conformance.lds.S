/* SPDX-License-Identifier: GPL-2.0 */
/*
 * conformance.lds.S - the conformance program in the boot ROM at RESET_VA:
 * reset code and boot vectors, then .fixed at RESET_VA + FIXED_OFFSET
 * (the same bytes at the same offset in both maps), then the rest of the
 * code; .data and .bss in RAM at KSEG0(DATA_PA), copied by start.S.
 * Preprocessed with conformance.h, once per map.
 */
#include "conformance.h"

OUTPUT_ARCH(mips)
ENTRY(_start)

MEMORY {
	rom (rx)  : ORIGIN = RESET_VA, LENGTH = 0x400000
	ram (rwx) : ORIGIN = KSEG0(DATA_PA), LENGTH = 0x100000
}

SECTIONS {
	.start : { KEEP(*(.text.start)) } > rom
	.fixed RESET_VA + FIXED_OFFSET : {
		fixed_start = .;
		KEEP(*(.text.fixed))
		fixed_end = .;
	} > rom
	.text : { *(.text .text.*) } > rom
	.rodata : { *(.rodata .rodata.*) . = ALIGN(4); } > rom
	.data : {
		_data_start = .;
		*(.data .data.* .sdata .sdata.*)
		. = ALIGN(4);
		_data_end = .;
	} > ram AT> rom
	_data_load = LOADADDR(.data);
	.bss (NOLOAD) : {
		. = ALIGN(16);
		_bss_start = .;
		*(.bss .bss.* .sbss .sbss.* COMMON)
		. = ALIGN(4);
		_bss_end = .;
	} > ram
	/DISCARD/ : { *(.MIPS.abiflags) *(.reginfo) *(.pdr) *(.comment)
		      *(.gnu.attributes) *(.note*) *(.eh_frame) }
}

ASSERT(SIZEOF(.start) <= FIXED_OFFSET, "reset code overlaps .fixed")
