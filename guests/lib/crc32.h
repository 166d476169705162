/* SPDX-License-Identifier: GPL-2.0 */
/*
 * crc32.h - CRC-32 as zlib, Ethernet and U-Boot compute it (reflected
 * polynomial 0xedb88320, initial value and final xor 0xffffffff).  Shared
 * by the firmware, which verifies OS images, and tools/mkimage, which
 * writes them, so both sides compute the same sum from the same source.
 */
#ifndef CRC32_H
#define CRC32_H

#include <stddef.h>
#include <stdint.h>

/* crc32_update(0, buf, len) is the CRC-32 of buf; chain calls for more. */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t len);

#endif /* CRC32_H */
