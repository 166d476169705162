// SPDX-License-Identifier: GPL-2.0
/*
 * bench.c - benchmark workloads, chosen by the host: TESTDEV_DATA gives
 * the workload, TESTDEV_DATA2 the iteration count.  Each reports a result
 * (so the work cannot be optimised away) and ends with done(0); the host
 * times the whole run.  Workloads come in pairs with a baseline that does
 * everything but the operation being measured.
 */
#include "test.h"
#include "../../bench/workloads.h"

#define SINK		(TESTDEV_BASE + TESTDEV_SINK)
#define PM_16M		0x01ffe000u
#define USER_VA		0x01000000u	/* 2 x 16 MiB user pages ... */
#define USER_PA		0x01000000u	/* ... onto RAM at 16 MiB */
#define CODE_PA		0x00800000u	/* user code copied here */
#define CODE_VA		0x00800000u

static u32 mode, count;

void guest_exception(struct frame *f)
{
	u32 exc = (f->cause >> 2) & 0x1f;

	if (exc == 8) {		/* the user part's syscall: finished */
		report(f->gpr[2]);
		done(0);
	}
	report(0xdead0000u | f->cause);
	done(1);
}

static u32 loop_empty(u32 n)
{
	u32 i, acc = 0;

	for (i = 0; i < n; i++)
		__asm__ volatile("addu %0, %0, %1" : "+r"(acc) : "r"(i));
	return acc;
}

static u32 loop_mfc0(u32 n)
{
	u32 i, acc = 0, v;

	for (i = 0; i < n; i++) {
		__asm__ volatile("mfc0 %0, $12" : "=r"(v));
		acc += v;
	}
	return acc;
}

static u32 touch(u32 base, u32 n, u32 stride)
{
	u32 i, acc = 0;

	for (i = 0; i < n; i++)
		acc += *(volatile u32 *)(base + i * stride);
	return acc;
}

static u32 loop_mmio(u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		mmio_write32(SINK, i);
	return n;
}

/* Characters to the UART's THR as they are (no LSR poll). */
static u32 loop_uart(u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		*(volatile u8 *)(UART_BASE + UART_THR) = 'a' + i % 26;
	return n;
}

/* User-mode part: a0 = base, a1 = n, a2 = stride, a3 = repeat. */
extern const u32 user_touch[], user_touch_end[];
__asm__(".section .rodata\n.set push\n.set noreorder\n"
	".globl user_touch\nuser_touch:\n"
	"	move $v0, $zero\n"
	"1:	move $t0, $a0\n"
	"	move $t1, $a1\n"
	"2:	lw $t2, 0($t0)\n"
	"	addu $v0, $v0, $t2\n"
	"	addiu $t1, $t1, -1\n"
	"	bnez $t1, 2b\n"
	"	addu $t0, $t0, $a2\n"
	"	addiu $a3, $a3, -1\n"
	"	bnez $a3, 1b\n"
	"	nop\n"
	"	syscall\n"
	".globl user_touch_end\nuser_touch_end:\n"
	".set pop\n.previous\n");

static void run_user(u32 n, u32 stride, u32 repeat)
{
	const u32 *src = user_touch;
	volatile u32 *dst = (volatile u32 *)CODE_PA;

	while (src < user_touch_end)
		*dst++ = *src++;
	/* Code page, and 32 MiB of user data in two 16 MiB pages. */
	tlb_write_indexed(0, CODE_VA | 1, 0, ENTRYLO(CODE_PA, C_CACHED, LO_V),
			  0);
	tlb_write_indexed(1, USER_VA | 1, PM_16M,
			  ENTRYLO(USER_PA, C_CACHED, LO_V | LO_D),
			  ENTRYLO(USER_PA + (16u << 20), C_CACHED, LO_V | LO_D));
	set_asid(1);
	__asm__ volatile("move $a0, %0\n\tmove $a1, %1\n\t"
			 "move $a2, %2\n\tmove $a3, %3\n\t"
			 "mtc0 %4, $14\n\tmtc0 %5, $12\n\tehb\n\teret"
			 :: "r"(USER_VA), "r"(n), "r"(stride), "r"(repeat),
			    "r"(CODE_VA), "r"(ST_BEV | ST_KSU_USER | ST_EXL)
			 : "a0", "a1", "a2", "a3");
}

int main(void)
{
	mode = mmio_read32(TESTDEV_BASE + TESTDEV_DATA);
	count = mmio_read32(TESTDEV_BASE + TESTDEV_DATA2);

	switch (mode) {
	case WL_EMPTY:
		report(loop_empty(count));
		break;
	case WL_MFC0:
		report(loop_mfc0(count));
		break;
	case WL_KSEG0_SAME:
		report(touch(0x00800000u, count, 0));
		break;
	case WL_KSEG0_PAGES:	/* a new 8 KiB pair each time */
		report(touch(0x00800000u, count, 8192));
		break;
	case WL_KSEG0_PAGES2:	/* again: pairs the guest touched already */
	case WL_KSEG0_PAGES2_MARKED: {	/* the same, the second pass profiled */
		u32 mark = mode == WL_KSEG0_PAGES2_MARKED;
		u32 acc = touch(0x00800000u, count, 8192);

		if (mark)
			__asm__ __volatile__(WL_PROFILE_MARK ::: "memory");
		acc += touch(0x00800000u, count, 8192);
		if (mark)
			__asm__ __volatile__(WL_PROFILE_MARK ::: "memory");
		report(acc);
		break;
	}
	case WL_USER_SAME:
		run_user(count, 0, 1);
		break;
	case WL_USER_PAGES:
		run_user(count, 8192, 1);
		break;
	case WL_USER_PAGES2:
		run_user(count, 8192, 2);
		break;
	case WL_MMIO:
		report(loop_mmio(count));
		break;
	case WL_UART:
		report(loop_uart(count));
		break;
	case WL_CRC32:
		report(wl_crc32((const u8 *)0x00800000u, count));
		break;
	case WL_CRC32_2: {	/* again: the pages are pinned by then */
		u32 crc = wl_crc32((const u8 *)0x00800000u, count);

		/* Not one computation counted twice: gcc would fold them. */
		__asm__ volatile("" : : : "memory");
		report(crc + wl_crc32((const u8 *)0x00800000u, count));
		break;
	}
	case WL_MATMUL:
		report(wl_matmul((u32 *)0x00800000u, count));
		break;
	case WL_TLB_HEAVY:	/* 256 pages, 4 KiB apart, count rounds */
		run_user(256, 4096, count);
		break;
	}
	done(0);
	return 0;
}
