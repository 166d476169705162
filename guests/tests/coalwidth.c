// SPDX-License-Identifier: GPL-2.0
/*
 * coalwidth.c - stores of each width to a coalesced zone no device backs
 * (coalesced_test registers ZONE_PA, 16 bytes): sb, sh and sw through
 * gKSEG1, sw through gKSEG0, a store of $zero, a store in a taken
 * branch's delay slot, and stores from $k0, $at, $t0, $t3, $ra and $k1
 * (registers the refill vector uses itself or keeps elsewhere), each of
 * which must hold its value after the store.  The host reads the ring
 * and compares each entry with what coalesced_test expects.
 */
#include "test.h"

#define ZONE_PA		0x1e000000
#define Z1		KSEG1(ZONE_PA)
#define Z0		KSEG0(ZONE_PA)

/* sw from register @reg (loaded with @val) to @off; @reg still holds it? */
#define STORE_FROM(reg, val, off) do {					\
	u32 out;							\
									\
	__asm__ volatile(".set push\n.set noat\n"			\
			 "li $" #reg ", " #val "\n"			\
			 "sw $" #reg ", " #off "(%1)\n"			\
			 "move %0, $" #reg "\n"				\
			 ".set pop"					\
			 : "=r"(out) : "r"(Z1) : "$" #reg, "memory");	\
	GUEST_ASSERT(out == val);					\
} while (0)

int main(void)
{
	u32 v = 0x12345678, w = 0x9abcdef0, x = 0xcafef00d;

	__asm__ volatile("sb %0, 0(%1)" : : "r"(v), "r"(Z1) : "memory");
	__asm__ volatile("sh %0, 2(%1)" : : "r"(v), "r"(Z1) : "memory");
	__asm__ volatile("sw %0, 4(%1)" : : "r"(v), "r"(Z1) : "memory");
	__asm__ volatile("sw %0, 8(%1)" : : "r"(w), "r"(Z0) : "memory");
	__asm__ volatile("sh $zero, 12(%0)" : : "r"(Z1) : "memory");
	__asm__ volatile(".set push\n.set noreorder\n"
			 "beq $zero, $zero, 1f\n"
			 " sw %0, 12(%1)\n"
			 "sw $zero, 0(%1)\n"	/* skipped */
			 "1:\n.set pop" : : "r"(x), "r"(Z1) : "memory");
	/* $k0 is the guest's own: the vector must store its value. */
	__asm__ volatile(".set push\n.set noat\n"
			 "move $k0, %0\n"
			 "sb $k0, 15(%1)\n"
			 ".set pop" : : "r"(w), "r"(Z1) : "k0", "memory");
	STORE_FROM(1, 0x11111111, 0);
	STORE_FROM(8, 0x22222222, 4);
	STORE_FROM(11, 0x33333333, 8);
	STORE_FROM(31, 0x44444444, 12);
	STORE_FROM(27, 0x55555555, 0);
	done(0);
	return 0;
}
