/* SPDX-License-Identifier: GPL-2.0 */
/*
 * machine.h - the two machines every guest program runs on: the address
 * map and the devices, the one home of those facts for guests/.
 *
 * The default build is for the mipsvcpu guest map (docs/address-map.md):
 * the kernel sees "KSEG0" at 0x00000000 and "KSEG1" at 0x20000000, the
 * VCPU starts at 0x3fc00000, the 16550 sits at guest physical 0x180003f8
 * and the power register at 0x1f000500 (+4 powers off with a status).
 *
 * Built with -DMAP_REAL the same sources run bare metal on QEMU's Malta,
 * the oracle, with the architectural map: KSEG0 0x80000000, KSEG1
 * 0xa0000000, reset at 0xbfc00000, the 16550 at physical 0x100003f8
 * (where the GT-64120 puts PCI I/O before any firmware moves it) and
 * power-off by the Malta SOFTRES register (QEMU exits with -no-reboot).
 *
 * Those are the only differences between the two builds, plus the rate of
 * CP0 Count, which is a property of the board: 100 MHz on mipsvcpu, and
 * 166.67 MHz on QEMU's Malta (measured: 5,000,000 counts in 30 ms of
 * -icount shift=0 time, and the same against the wall clock).  Every address in the
 * firmware and the demo OS is derived from the lines below.
 *
 * Usable from C and from assembly: no casts, no types.  vcpuctl's default
 * machine and the selftest library describe the guest map with it too.
 */
#ifndef GUEST_MACHINE_H
#define GUEST_MACHINE_H

#ifdef MAP_REAL
#define KSEG0_BASE		0x80000000
#define KSEG1_BASE		0xa0000000
#define KSEG2_BASE		0xc0000000
#define KSEG3_BASE		0xe0000000
#define UART_PA			0x100003f8	/* ISA COM1 through PCI I/O */
#define BOARD_NAME		"QEMU Malta, bare metal"
/* 320 MHz CPU clock, Count every 2 cycles, QEMU rounds to 6 ns. */
#define COUNT_HZ		(1000000000 / 6)
#define POWER_HAS_STATUS	0	/* SOFTRES only: the status is printed */
#else
#define KSEG0_BASE		0x00000000
#define KSEG1_BASE		0x20000000
#define KSEG2_BASE		0x40000000	/* mapped, kernel */
#define KSEG3_BASE		0x60000000
#define UART_PA			0x180003f8
#define BOARD_NAME		"mipsvcpu guest"
#define COUNT_HZ		100000000
#define POWER_HAS_STATUS	1
#endif

/*
 * Unmapped segments: both are windows on the low 512 MiB of physical,
 * all a mipsvcpu guest has (module/addrmap.h: MVC_GPA_LIMIT).
 */
#define PHYS_MASK		0x1fffffff
#define PHYS_LIMIT		(PHYS_MASK + 1)
#define KSEG0(pa)		((pa) + KSEG0_BASE)
#define KSEG1(pa)		((pa) + KSEG1_BASE)
#define KSEG_TO_PHYS(va)	((va) & PHYS_MASK)

/* The boot flash (the guest DTS's "nor_flash"), where the VCPU starts. */
#define FLASH_PA		0x1fc00000
#define FLASH_SIZE		0x00400000
#define RESET_VA		KSEG1(FLASH_PA)

/* The OS image sits in the flash right after the firmware. */
#define OS_IMAGE_FLASH_OFFSET	0x00020000	/* 128 KiB */
#define FIRMWARE_MAX_SIZE	OS_IMAGE_FLASH_OFFSET

/*
 * An OS too large for the boot flash (a Linux kernel with its initramfs)
 * comes in a second flash, the guest DTS's "os_flash", with its image at
 * offset 0: the firmware looks there when the boot flash holds no image.
 * Bare-metal Malta has nothing of the kind (size 0: never looked at).
 */
#define OS_FLASH_PA		0x1c000000
#ifdef MAP_REAL
#define OS_FLASH_SIZE		0
#else
#define OS_FLASH_SIZE		0x02000000	/* 32 MiB */
#endif

/*
 * Malta's SOFTRES register (write 0x42: reset) and, on the mipsvcpu
 * power device only, a power-off register taking the exit status, which
 * reads as the host's delay-loop rate (docs/guest-dts.md).
 */
#define POWER_PA		0x1f000500
#define POWER_SOFTRES		0x0
#define POWER_OFF		0x4
#define POWER_LOOPS		0x4
#define SOFTRES_RESET		0x42

/*
 * The selftests' "ucall" device (selftests/mipsvcpu/lib, mvc_guest_mmio()):
 * a guest program reports to its test by a store here.  mipsvcpu only.
 */
#define TESTDEV_PA		0x1f200000
#define TESTDEV_DONE		0x00	/* write: the test ended with this value */
#define TESTDEV_REPORT		0x04	/* write: report a value to the host */
#define TESTDEV_DATA		0x08	/* read: data the host chose */
#define TESTDEV_FAIL		0x0c	/* write: __LINE__ of a failed check */
#define TESTDEV_IRQ_LOWER	0x10	/* write N: the host lowers line IPN */
#define TESTDEV_IRQ_RAISE	0x14	/* write N: the host raises line IPN */
#define TESTDEV_DATA2		0x18	/* read: a second value the host chose */
#define TESTDEV_SINK		0x1c	/* write 0, 1, 2, ...: the host checks */
#define TESTDEV_SINK_NEXT	0x20	/* read: the value the sink expects next */
#define TESTDEV_SIZE		0x24

/* 16550 on the usual 1.8432 MHz clock. */
#define UART_CLOCK_HZ		1843200
#define UART_BAUD		115200

/*
 * RAM size when the caller left a1 zero: bare-metal Malta starts with
 * every GPR zero, so the firmware has to assume something.  QEMU is run
 * with -m 256; 64 MiB is also vcpuctl's default.
 */
#define BOARD_DEFAULT_RAM_SIZE	0x04000000

#endif /* GUEST_MACHINE_H */
