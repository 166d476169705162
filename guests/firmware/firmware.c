// SPDX-License-Identifier: GPL-2.0
/*
 * firmware.c - the example boot firmware: what a U-Boot linked at the
 * VCPU's reset address does for a mipsvcpu guest (the seed), in a page.
 *
 * It takes the RAM from a0/a1 instead of initialising DRAM, sets up the
 * UART, prints a banner, finds the OS image in the flash right after
 * itself (image.h), checks the header and the payload's CRC-32, copies
 * the payload to its load address through KSEG0, writes the D-cache back
 * and invalidates the I-cache over it, and enters the OS with a0..a3 =
 * RAM base, RAM size, DTB address (passed through), CPU number.
 *
 * Any problem is printed and ends the run with a nonzero status (enum
 * fw_status in firmware.h; README.md lists them).
 */
#include "machine.h"
#include "console.h"
#include "crc32.h"
#include "firmware.h"
#include "image.h"
#include "mips.h"

#define FW_STACK_RESERVE	0x00010000	/* top of RAM: our stack */
#define MIB			0x00100000

/* What the VCPU told us at reset, and where the RAM size came from. */
struct boot_info {
	u32 ram_base;
	u32 ram_size;
	u32 dtb;
	u32 cpu;
	const char *ram_source;
};

static void __noreturn fw_fail(u32 status, const char *why)
{
	kprintf("firmware: %s: not booting\n", why);
	board_power_off(status);
}

static void print_banner(const struct boot_info *bi)
{
	kprintf("\nmipsvcpu firmware " FW_VERSION ": RAM 0x%08x + ",
		bi->ram_base);
	if (bi->ram_size % MIB)
		kprintf("%u bytes", bi->ram_size);
	else
		kprintf("%u MiB", bi->ram_size / MIB);
	kprintf(" (%s), DTB 0x%08x, CPU %u\n", bi->ram_source, bi->dtb,
		bi->cpu);
	kprintf("firmware: board %s, PRId 0x%08x, OS image at flash + 0x%x\n",
		BOARD_NAME, read_c0(CP0_PRID), OS_IMAGE_FLASH_OFFSET);
}

/* An image and the room the flash holding it has for it. */
struct flash_image {
	const struct os_image_header *h;
	u32 room;			/* bytes from the header to the end */
};

/*
 * The image right after the firmware in the boot flash or, when there is
 * none, the one at the start of the OS flash.  Where neither has one, the
 * boot flash's is reported.  Reading an OS flash that the guest does not
 * have is harmless: unbacked guest physical memory reads as all ones.
 */
static struct flash_image find_image(void)
{
	struct flash_image boot = {
		.h = (const void *)KSEG1(FLASH_PA + OS_IMAGE_FLASH_OFFSET),
		.room = FLASH_SIZE - OS_IMAGE_FLASH_OFFSET,
	};
	struct flash_image os = {
		.h = (const void *)KSEG1(OS_FLASH_PA),
		.room = OS_FLASH_SIZE,
	};

	if (boot.h->magic != OS_IMAGE_MAGIC && OS_FLASH_SIZE &&
	    os.h->magic == OS_IMAGE_MAGIC)
		return os;
	return boot;
}

static const void *image_payload(const struct os_image_header *h)
{
	return (const u8 *)h + h->header_size;
}

static int name_is_terminated(const struct os_image_header *h)
{
	return h->name[OS_IMAGE_NAME_LEN - 1] == '\0';
}

/* The header's own fields: is this an image we understand? */
static void check_header(const struct flash_image *fi)
{
	const struct os_image_header *h = fi->h;
	u32 flash_room = fi->room - sizeof(*h);

	if (h->magic != OS_IMAGE_MAGIC) {
		kprintf("firmware: bad magic 0x%08x at 0x%08x (want 0x%08x)\n",
			h->magic, (u32)h, OS_IMAGE_MAGIC);
		fw_fail(FW_BAD_MAGIC, "no OS image in the flash");
	}
	if (crc32_update(0, h, OS_IMAGE_HEADER_CRC_LEN) != h->header_crc)
		fw_fail(FW_BAD_HEADER, "image header CRC mismatch");
	if (h->version != OS_IMAGE_VERSION || h->flags ||
	    h->header_size != sizeof(*h) || !name_is_terminated(h))
		fw_fail(FW_BAD_HEADER, "unsupported image header");
	if (h->payload_size > flash_room)
		fw_fail(FW_BAD_HEADER, "payload runs past the end of the flash");
}

/* Where the payload wants to go: inside RAM, below our stack. */
static void check_placement(const struct os_image_header *h,
			    const struct boot_info *bi)
{
	u32 ram_end = bi->ram_base + bi->ram_size - FW_STACK_RESERVE;
	u32 load = h->load_addr;

	if (bi->ram_size <= FW_STACK_RESERVE)
		fw_fail(FW_NO_ROOM, "less RAM than the firmware's own stack");
	if (load % sizeof(u32) || load < bi->ram_base || load >= ram_end ||
	    h->payload_size > ram_end - load) {
		kprintf("firmware: payload 0x%08x + %u bytes, usable RAM 0x%08x-0x%08x\n",
			load, h->payload_size, bi->ram_base, ram_end);
		fw_fail(FW_NO_ROOM, "payload does not fit in RAM");
	}
	if (h->entry < load || h->entry - load >= h->payload_size)
		fw_fail(FW_NO_ROOM, "entry point outside the payload");
}

static void check_payload(const struct os_image_header *h)
{
	u32 crc = crc32_update(0, image_payload(h), h->payload_size);

	if (crc != h->payload_crc) {
		kprintf("firmware: payload CRC-32 0x%08x, header says 0x%08x\n",
			crc, h->payload_crc);
		fw_fail(FW_BAD_CRC, "OS image is corrupt");
	}
}

/* Flash (KSEG1) to RAM (KSEG0), then make the copy fetchable. */
static void load_payload(const struct os_image_header *h)
{
	const u32 *src = image_payload(h);
	u32 *dst = (u32 *)KSEG0(h->load_addr);
	u32 words = h->payload_size / sizeof(u32);
	u32 tail = h->payload_size % sizeof(u32);
	u32 i;

	for (i = 0; i < words; i++)
		dst[i] = src[i];
	for (i = 0; i < tail; i++)
		((u8 *)(dst + words))[i] = ((const u8 *)(src + words))[i];
	synci_range(KSEG0(h->load_addr), h->payload_size);
}

void fw_main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu)
{
	struct flash_image fi = find_image();
	const struct os_image_header *h = fi.h;
	struct boot_info bi = {
		.ram_base = ram_base, .ram_size = ram_size,
		.dtb = dtb, .cpu = cpu, .ram_source = "from a0/a1",
	};

	console_init();
	if (!bi.ram_size) {
		bi.ram_size = BOARD_DEFAULT_RAM_SIZE;
		bi.ram_source = "board default: a1 was 0";
	}
	print_banner(&bi);

	check_header(&fi);
	kprintf("firmware: image '%s' at 0x%08x: %u bytes, load 0x%08x, entry 0x%08x, CRC-32 0x%08x\n",
		h->name, (u32)h, h->payload_size, h->load_addr, h->entry,
		h->payload_crc);
	check_placement(h, &bi);
	check_payload(h);
	load_payload(h);

	kprintf("firmware: CRC ok, loaded; starting '%s' at 0x%08x\n\n",
		h->name, KSEG0(h->entry));
	jump_to_os(KSEG0(h->entry), bi.ram_base, bi.ram_size, bi.dtb, bi.cpu);
}

void fw_exception(u32 vector, u32 cause, u32 epc, u32 badvaddr)
{
	kprintf("\nfirmware: unexpected exception %u at vector 0x%03x: Cause 0x%08x EPC 0x%08x BadVAddr 0x%08x\n",
		cause_exccode(cause), vector, cause, epc, badvaddr);
	board_power_off(FW_EXCEPTION);
}
