/* SPDX-License-Identifier: GPL-2.0 */
/*
 * os.lds.S - the demo OS kernel in RAM at KSEG0(OS_LOAD_PA), entry first.
 * The image payload is .text to .data; .bss is cleared by head.S and
 * free pages start at _end.  Preprocessed with machine.h and os.h.
 */
#include "os.h"

OUTPUT_ARCH(mips)
ENTRY(_start)

SECTIONS {
	. = KSEG0(OS_LOAD_PA);
	.text : { KEEP(*(.text.head)) *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) . = ALIGN(4); }
	.data : { *(.data .data.* .sdata .sdata.*) . = ALIGN(4); }
	.bss (NOLOAD) : {
		. = ALIGN(16);
		__bss_start = .;
		*(.bss .bss.* .sbss .sbss.* COMMON)
		. = ALIGN(4);
		__bss_end = .;
	}
	. = ALIGN(4096);
	_end = .;
	/DISCARD/ : { *(.MIPS.abiflags) *(.reginfo) *(.pdr) *(.comment)
		      *(.gnu.attributes) *(.note*) *(.eh_frame) }
}

ASSERT(_start == KSEG0(OS_LOAD_PA), "the entry point must open the image")
