/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest.h - what guest programs know about the machine vcpuctl and the
 * selftests give them (vcpuctl run --rom's default machine, README).  Addresses are guest
 * virtual, through gKSEG1 (uncached): guest physical + 0x20000000.
 */
#ifndef GUEST_H
#define GUEST_H

#define GKSEG1(gpa)		((gpa) + 0x20000000)

#define UART_GPA		0x180003f8	/* 16550, byte registers */
#define POWER_GPA		0x1f000500	/* power/reset device */
#define TESTDEV_GPA		0x1f200000	/* selftest "ucall" device */

#define UART_BASE		GKSEG1(UART_GPA)
#define POWER_BASE		GKSEG1(POWER_GPA)
#define TESTDEV_BASE		GKSEG1(TESTDEV_GPA)

#define POWER_SOFTRES		0x0	/* write 0x42: reset (Malta compatible) */
#define POWER_OFF		0x4	/* write N: power off, exit status N */

#define TESTDEV_DONE		0x00	/* write: the test ended with this value */
#define TESTDEV_REPORT		0x04	/* write: report a value to the host */
#define TESTDEV_DATA		0x08	/* read: data the host chose */
#define TESTDEV_FAIL		0x0c	/* write: __LINE__ of a failed check */
#define TESTDEV_IRQ_LOWER	0x10	/* write N: the host lowers line IPN */
#define TESTDEV_IRQ_RAISE	0x14	/* write N: the host raises line IPN */
#define TESTDEV_DATA2		0x18	/* read: a second value the host chose */

#ifndef __ASSEMBLER__
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef int s32;

/* Saved by the exception entry in start.S; the handler may change epc. */
struct frame {
	u32 gpr[32];
	u32 hi, lo;
	u32 epc, cause, status, badvaddr;
	u32 vector;	/* 0x200 refill, 0x380 general, 0x400 interrupt (BEV) */
};

static inline void mmio_write32(u32 addr, u32 v)
{
	*(volatile u32 *)addr = v;
}

static inline u32 mmio_read32(u32 addr)
{
	return *(volatile u32 *)addr;
}

#define mfc0(rd, sel) ({ u32 __v;					\
	__asm__ volatile("mfc0 %0, $" #rd ", " #sel : "=r"(__v));	\
	__v; })
#define mtc0(rd, sel, v)						\
	__asm__ volatile("mtc0 %z0, $" #rd ", " #sel "; ehb" :: "Jr"((u32)(v)))

/* Guest TLB access. */
#define ENTRYLO(pa, c, flags)	((((pa) >> 12) << 6) | ((c) << 3) | (flags))
#define LO_G	0x1
#define LO_V	0x2
#define LO_D	0x4
#define C_CACHED	3
#define C_UNCACHED	2

static inline void tlb_write_indexed(u32 idx, u32 hi, u32 pm, u32 lo0,
				     u32 lo1)
{
	mtc0(0, 0, idx);
	mtc0(10, 0, hi);
	mtc0(5, 0, pm);
	mtc0(2, 0, lo0);
	mtc0(3, 0, lo1);
	__asm__ volatile("tlbwi; ehb" ::: "memory");
}

static inline void tlb_write_random(u32 hi, u32 pm, u32 lo0, u32 lo1)
{
	mtc0(10, 0, hi);
	mtc0(5, 0, pm);
	mtc0(2, 0, lo0);
	mtc0(3, 0, lo1);
	__asm__ volatile("tlbwr; ehb" ::: "memory");
}

static inline void set_asid(u32 asid)
{
	mtc0(10, 0, asid);
}

void putc(char c);
void puts(const char *s);
void puthex(u32 v);
void putdec(u32 v);
void report(u32 v);
void done(u32 v);
void poweroff(u32 code);
void fail_line(u32 line);
/* Called for every exception; return to resume at frame->epc. */
void guest_exception(struct frame *f);

#define GUEST_ASSERT(cond) do { if (!(cond)) fail_line(__LINE__); } while (0)
#endif

#endif /* GUEST_H */
