/* SPDX-License-Identifier: GPL-2.0 */
/*
 * firmware.h - the firmware's exit statuses and the functions start.S and
 * firmware.c call across the C/assembly boundary.
 */
#ifndef FIRMWARE_H
#define FIRMWARE_H

#include "types.h"

#define FW_VERSION	"1.0"

/* Power-off statuses when the firmware cannot boot the OS. */
enum fw_status {
	FW_BAD_MAGIC = 2,	/* no image at OS_IMAGE_FLASH_OFFSET */
	FW_BAD_HEADER = 3,	/* header CRC, version, size, flags or name */
	FW_NO_ROOM = 4,		/* the payload does not fit where it asks */
	FW_BAD_CRC = 5,		/* the payload is corrupt */
	FW_EXCEPTION = 6,	/* the firmware itself took an exception */
};

/* firmware.c, called from start.S: */
void fw_main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu);
void fw_exception(u32 vector, u32 cause, u32 epc, u32 badvaddr);

/* start.S: enter the OS at entry_va with a0..a3 = the other arguments. */
void __noreturn jump_to_os(u32 entry_va, u32 ram_base, u32 ram_size, u32 dtb,
			   u32 cpu);

#endif /* FIRMWARE_H */
