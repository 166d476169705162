// SPDX-License-Identifier: GPL-2.0
/*
 * mkimage - build OS images for the example firmware and lay out its flash.
 *
 *   mkimage image -l LOAD -e ENTRY [-n NAME] -o OUT PAYLOAD
 *	wrap a raw binary in the 64-byte header of guests/lib/
 *	image.h (LOAD and ENTRY are guest physical addresses)
 *   mkimage flash [-s] -o OUT FIRMWARE IMAGE
 *	the boot flash: FIRMWARE at offset 0, IMAGE at OS_IMAGE_FLASH_OFFSET
 *	(128 KiB); -s swaps the bytes of every 32-bit word, for QEMU's
 *	little-endian Malta, which swaps its -bios image back
 *   mkimage show FILE
 *	print the header of an image, or of the image inside a flash
 *
 * The header is written field by field in little-endian order, so the
 * tool works on a host of either byte order.  Exit status 0, 1 on a bad
 * image or I/O error, 2 on a bad command line.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "crc32.h"
#include "image.h"

#define EXIT_USAGE	2

struct blob {
	unsigned char *data;
	size_t len;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: mkimage image -l LOAD -e ENTRY [-n NAME] -o OUT PAYLOAD\n"
		"       mkimage flash [-s] -o OUT FIRMWARE IMAGE\n"
		"       mkimage show FILE\n");
}

static int read_blob(const char *path, struct blob *b)
{
	FILE *f = fopen(path, "rb");
	long len;

	if (!f) {
		fprintf(stderr, "mkimage: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END))
		goto out_io;
	len = ftell(f);
	if (len < 0 || fseek(f, 0, SEEK_SET))
		goto out_io;
	b->len = len;
	b->data = malloc(len ? len : 1);
	if (!b->data || fread(b->data, 1, len, f) != (size_t)len)
		goto out_io;
	fclose(f);
	return 0;

out_io:
	fprintf(stderr, "mkimage: cannot read %s\n", path);
	fclose(f);
	return -1;
}

static int write_blob(const char *path, const struct blob *b)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f)) {
		fprintf(stderr, "mkimage: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static uint32_t get_le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int parse_u32(const char *s, uint32_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || v > UINT32_MAX)
		return -1;
	*out = v;
	return 0;
}

#define FIELD(name)	offsetof(struct os_image_header, name)

/* Fill the header in front of the payload (hdr points at 64 bytes). */
static void encode_header(unsigned char *hdr, uint32_t load, uint32_t entry,
			  const char *name, const struct blob *payload)
{
	memset(hdr, 0, sizeof(struct os_image_header));
	put_le32(hdr + FIELD(magic), OS_IMAGE_MAGIC);
	put_le32(hdr + FIELD(version), OS_IMAGE_VERSION);
	put_le32(hdr + FIELD(header_size), sizeof(struct os_image_header));
	put_le32(hdr + FIELD(load_addr), load);
	put_le32(hdr + FIELD(entry), entry);
	put_le32(hdr + FIELD(payload_size), payload->len);
	put_le32(hdr + FIELD(payload_crc),
		 crc32_update(0, payload->data, payload->len));
	memcpy(hdr + FIELD(name), name, strlen(name));
	put_le32(hdr + FIELD(header_crc),
		 crc32_update(0, hdr, OS_IMAGE_HEADER_CRC_LEN));
}

static int cmd_image(int argc, char **argv)
{
	const char *name = "os", *out = NULL;
	uint32_t load = 0, entry = 0;
	int have_load = 0, have_entry = 0;
	struct blob payload, img;
	int i;

	for (i = 0; i < argc - 1 && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-l"))
			have_load = !parse_u32(argv[i + 1], &load);
		else if (!strcmp(argv[i], "-e"))
			have_entry = !parse_u32(argv[i + 1], &entry);
		else if (!strcmp(argv[i], "-n"))
			name = argv[i + 1];
		else if (!strcmp(argv[i], "-o"))
			out = argv[i + 1];
		else
			break;
	}
	if (i != argc - 1 || !have_load || !have_entry || !out) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strlen(name) >= OS_IMAGE_NAME_LEN || load % 4 || entry < load) {
		fprintf(stderr, "mkimage: name longer than %d, unaligned load address or entry below it\n",
			OS_IMAGE_NAME_LEN - 1);
		return EXIT_USAGE;
	}
	if (read_blob(argv[i], &payload))
		return 1;
	if (entry - load >= payload.len) {
		fprintf(stderr, "mkimage: entry 0x%08x is outside the payload\n", entry);
		return 1;
	}
	img.len = sizeof(struct os_image_header) + payload.len;
	img.data = malloc(img.len);
	if (!img.data)
		return 1;
	encode_header(img.data, load, entry, name, &payload);
	memcpy(img.data + sizeof(struct os_image_header), payload.data,
	       payload.len);
	return write_blob(out, &img) ? 1 : 0;
}

static void swap_words(struct blob *b)
{
	unsigned char t;
	size_t i;

	for (i = 0; i + 4 <= b->len; i += 4) {
		t = b->data[i];
		b->data[i] = b->data[i + 3];
		b->data[i + 3] = t;
		t = b->data[i + 1];
		b->data[i + 1] = b->data[i + 2];
		b->data[i + 2] = t;
	}
}

static int cmd_flash(int argc, char **argv)
{
	const char *out = NULL;
	struct blob fw, img, flash;
	int swap = 0, i = 0;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-s")) {
			swap = 1;
			i++;
		} else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out = argv[i + 1];
			i += 2;
		} else {
			break;
		}
	}
	if (!out || argc - i != 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (read_blob(argv[i], &fw) || read_blob(argv[i + 1], &img))
		return 1;
	if (fw.len > OS_IMAGE_FLASH_OFFSET ||
	    img.len > FLASH_SIZE - OS_IMAGE_FLASH_OFFSET) {
		fprintf(stderr, "mkimage: firmware %zu bytes (max %u), image %zu bytes (max %u)\n",
			fw.len, OS_IMAGE_FLASH_OFFSET, img.len,
			FLASH_SIZE - OS_IMAGE_FLASH_OFFSET);
		return 1;
	}
	/* Erased flash reads as 0xff; round up to whole words for -s. */
	flash.len = (OS_IMAGE_FLASH_OFFSET + img.len + 3) & ~(size_t)3;
	flash.data = malloc(flash.len);
	if (!flash.data)
		return 1;
	memset(flash.data, 0xff, flash.len);
	memcpy(flash.data, fw.data, fw.len);
	memcpy(flash.data + OS_IMAGE_FLASH_OFFSET, img.data, img.len);
	if (swap)
		swap_words(&flash);
	return write_blob(out, &flash) ? 1 : 0;
}

static int cmd_show(int argc, char **argv)
{
	const unsigned char *h;
	uint32_t size, crc;
	struct blob b;
	int bad = 0;

	if (argc != 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (read_blob(argv[0], &b))
		return 1;
	h = b.data;
	if (b.len >= sizeof(struct os_image_header) &&
	    get_le32(h) != OS_IMAGE_MAGIC &&
	    b.len >= OS_IMAGE_FLASH_OFFSET + sizeof(struct os_image_header))
		h += OS_IMAGE_FLASH_OFFSET;	/* a flash, not an image */
	if (h + sizeof(struct os_image_header) > b.data + b.len ||
	    get_le32(h) != OS_IMAGE_MAGIC) {
		fprintf(stderr, "mkimage: %s: no image header (byte-swapped flash?)\n",
			argv[0]);
		return 1;
	}
	size = get_le32(h + FIELD(payload_size));
	printf("name         %.*s\n", OS_IMAGE_NAME_LEN, h + FIELD(name));
	printf("version      %u\n", get_le32(h + FIELD(version)));
	printf("load         0x%08x\n", get_le32(h + FIELD(load_addr)));
	printf("entry        0x%08x\n", get_le32(h + FIELD(entry)));
	printf("size         %u\n", size);
	printf("payload crc  0x%08x\n", get_le32(h + FIELD(payload_crc)));
	crc = crc32_update(0, h, OS_IMAGE_HEADER_CRC_LEN);
	bad |= crc != get_le32(h + FIELD(header_crc));
	printf("header crc   0x%08x (%s)\n", get_le32(h + FIELD(header_crc)),
	       bad ? "BAD" : "ok");
	if (h + sizeof(struct os_image_header) + size > b.data + b.len) {
		printf("payload      truncated\n");
		return 1;
	}
	crc = crc32_update(0, h + sizeof(struct os_image_header), size);
	bad |= crc != get_le32(h + FIELD(payload_crc));
	printf("payload      %s\n",
	       crc == get_le32(h + FIELD(payload_crc)) ? "ok" : "BAD CRC");
	return bad;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "image"))
		return cmd_image(argc - 2, argv + 2);
	if (argc >= 2 && !strcmp(argv[1], "flash"))
		return cmd_flash(argc - 2, argv + 2);
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return cmd_show(argc - 2, argv + 2);
	usage(argc >= 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
	return argc >= 2 && !strcmp(argv[1], "--help") ? 0 : EXIT_USAGE;
}
