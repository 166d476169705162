/* SPDX-License-Identifier: GPL-2.0 */
/*
 * firmware.lds.S - the firmware in the boot flash at RESET_VA: code and
 * constants only, at most FIRMWARE_MAX_SIZE bytes so the OS image can
 * follow at OS_IMAGE_FLASH_OFFSET.  Preprocessed with machine.h.
 */
#include "machine.h"

OUTPUT_ARCH(mips)
ENTRY(_start)

SECTIONS {
	. = RESET_VA;
	.text : { KEEP(*(.text.reset)) *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) . = ALIGN(4); }
	_fw_end = .;
	.data : { *(.data .data.* .sdata .sdata.*) }
	.bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
	/DISCARD/ : { *(.MIPS.abiflags) *(.reginfo) *(.pdr) *(.comment)
		      *(.gnu.attributes) *(.note*) *(.eh_frame) }
}

ASSERT(SIZEOF(.data) == 0 && SIZEOF(.bss) == 0,
       "the firmware runs from flash: no writable data")
ASSERT(_fw_end - RESET_VA <= FIRMWARE_MAX_SIZE,
       "the firmware overlaps the OS image in the flash")
