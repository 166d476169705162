// SPDX-License-Identifier: GPL-2.0
/* hello.c - prints over the UART and reports its boot registers. */
#include "test.h"

int main(u32 ram_base, u32 ram_size, u32 dtb, u32 cpu)
{
	puts("hello from the guest\nRAM base ");
	puthex(ram_base);
	puts(", size ");
	puthex(ram_size);
	puts(", dtb ");
	puthex(dtb);
	puts(", cpu ");
	put_dec(cpu);
	puts("\n");
	report(ram_base);
	report(ram_size);
	report(dtb);
	report(cpu);
	return 0;
}
