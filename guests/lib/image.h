/* SPDX-License-Identifier: GPL-2.0 */
/*
 * image.h - the OS image format the firmware boots (guests/firmware/
 * README.md), shared with tools/mkimage, which writes it.
 *
 * An image is a 64-byte header followed by the payload, a raw binary
 * copied to load_addr and entered at entry.  Both are guest physical
 * addresses: the firmware copies through KSEG0 and jumps to KSEG0(entry),
 * so one image boots on either address map.  Every field is a 32-bit
 * little-endian word.  The firmware finds the image in the flash at
 * OS_IMAGE_FLASH_OFFSET (machine.h: 128 KiB).
 */
#ifndef IMAGE_H
#define IMAGE_H

#include <stdint.h>

#define OS_IMAGE_MAGIC		0x534f564du	/* "MVOS" in memory order */
#define OS_IMAGE_VERSION	1
#define OS_IMAGE_NAME_LEN	28

struct os_image_header {
	uint32_t magic;		/* OS_IMAGE_MAGIC */
	uint32_t version;	/* OS_IMAGE_VERSION */
	uint32_t header_size;	/* sizeof(struct os_image_header): payload offset */
	uint32_t load_addr;	/* guest physical, 4-byte aligned */
	uint32_t entry;		/* guest physical, inside the payload */
	uint32_t payload_size;	/* bytes */
	uint32_t payload_crc;	/* CRC-32 (crc32.h) of the payload */
	uint32_t flags;		/* none defined: must be 0 */
	char name[OS_IMAGE_NAME_LEN];	/* NUL-padded, NUL-terminated */
	uint32_t header_crc;	/* CRC-32 of the bytes before this field */
};

#define OS_IMAGE_HEADER_CRC_LEN	(sizeof(struct os_image_header) - sizeof(uint32_t))

_Static_assert(sizeof(struct os_image_header) == 64, "image header is 64 bytes");

#endif /* IMAGE_H */
