// SPDX-License-Identifier: GPL-2.0
/*
 * mmio.c - loads and stores to MMIO of every width, also in branch delay
 * slots.  The host supplies 0x8081f2f3 at TESTDEV_DATA.
 */
#include "test.h"

#define DATA	(TESTDEV_BASE + TESTDEV_DATA)

static void widths(void)
{
	u32 v;

	__asm__ volatile("lb %0, 0(%1)" : "=r"(v) : "r"(DATA));
	report(v);
	__asm__ volatile("lbu %0, 0(%1)" : "=r"(v) : "r"(DATA));
	report(v);
	__asm__ volatile("lh %0, 0(%1)" : "=r"(v) : "r"(DATA));
	report(v);
	__asm__ volatile("lhu %0, 0(%1)" : "=r"(v) : "r"(DATA));
	report(v);
	__asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(DATA));
	report(v);
}

static void delay_slots(void)
{
	u32 v, link, where;

	/* Taken branch, load in its delay slot. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "beq $zero, $zero, 1f\n"
			 " lw %0, 0(%1)\n"
			 "li %0, 0xdead\n"
			 "1:\n.set pop" : "=&r"(v) : "r"(DATA));
	report(v);
	/* Branch not taken: the slot still executes, then the next one. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "bne $zero, $zero, 1f\n"
			 " lw %0, 0(%1)\n"
			 "addiu %0, %0, 1\n"
			 "1:\n.set pop" : "=&r"(v) : "r"(DATA));
	report(v);
	/* jal: the link register is written and the target reached. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la %2, 3f\n"
			 "jal 2f\n"
			 " lw %0, 0(%3)\n"
			 "3: b 4f\n"
			 " nop\n"
			 "2: move %1, $ra\n"
			 "jr $ra\n"
			 " nop\n"
			 "4:\n.set pop"
			 : "=&r"(v), "=&r"(link), "=&r"(where) : "r"(DATA)
			 : "ra");
	report(v);
	report(link - where);
	/* Branch-likely taken: its slot runs only because it is taken. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "beql $zero, $zero, 1f\n"
			 " lw %0, 0(%1)\n"
			 "li %0, 0xdead\n"
			 "1:\n.set pop" : "=&r"(v) : "r"(DATA));
	report(v);
	/* A store in a delay slot: the report itself. */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "b 1f\n"
			 " sw %0, 0(%1)\n"
			 "1:\n.set pop"
			 :: "r"(0x5107e), "r"(TESTDEV_BASE + TESTDEV_REPORT));
}

int main(void)
{
	widths();
	delay_slots();
	/* Byte and halfword stores of a full register carry only their bytes. */
	__asm__ volatile("sb %0, 0(%1)\n\tsh %0, 0(%1)"
			 :: "r"(0x1234abcd), "r"(TESTDEV_BASE + TESTDEV_REPORT));
	done(0);
	return 0;
}
