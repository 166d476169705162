// SPDX-License-Identifier: GPL-2.0
/*
 * trap.c - exception vectors in RAM and what each exception means.
 *
 * vectors_install() copies vectors.S's refill and general handlers to
 * EBase + 0x000 and + 0x180 at the bottom of RAM, writes them back from
 * the D-cache and out of the I-cache, points EBase there and clears BEV.
 * trap() sorts every exception from a task (or from the idle loop):
 * interrupts go to the timer, syscalls to syscall.c, and anything else is
 * unexpected: it is reported with Cause, EPC and BadVAddr and the machine
 * powers off with a nonzero status.
 */
#include "os.h"

/* Set while the kernel runs; vectors.S sends exceptions then to kernel_fault(). */
u32 in_handler = 1;

static const char *const exc_names[] = {
	[EXC_INT] = "interrupt", [EXC_MOD] = "TLB modified",
	[EXC_TLBL] = "TLB load/fetch", [EXC_TLBS] = "TLB store",
	[EXC_ADEL] = "address error load/fetch",
	[EXC_ADES] = "address error store",
	[EXC_IBE] = "bus error fetch", [EXC_DBE] = "bus error data",
	[EXC_SYS] = "syscall", [EXC_BP] = "breakpoint",
	[EXC_RI] = "reserved instruction",
	[EXC_CPU] = "coprocessor unusable", [EXC_OV] = "overflow",
	[EXC_TR] = "trap",
};

static const char *exc_name(u32 code)
{
	if (code < ARRAY_SIZE(exc_names) && exc_names[code])
		return exc_names[code];
	return "unknown";
}

static void install_vector(u32 base, u32 offset, const char *start,
			   const char *end)
{
	memcpy((void *)KSEG0(base + offset), start, end - start);
}

void vectors_install(u32 ram_base)
{
	install_vector(ram_base, VEC_REFILL, refill_vector, refill_vector_end);
	install_vector(ram_base, VEC_GENERAL, general_vector,
		       general_vector_end);
	cache_sync_range(KSEG0(ram_base), VEC_GENERAL +
			 (general_vector_end - general_vector));
	/* EBase is written while BEV is still set, then BEV goes. */
	write_c0_sel(CP0_EBASE, 1, KSEG0(ram_base));
	write_c0(CP0_CAUSE, 0);		/* IV = 0: interrupts at + 0x180 */
	write_c0(CP0_STATUS, read_c0(CP0_STATUS) & ~ST_BEV);
	kprintf("demo-os: vectors at EBase 0x%08x (refill + 0x%03x, general + 0x%03x), BEV off\n",
		read_c0_sel(CP0_EBASE, 1), VEC_REFILL, VEC_GENERAL);
}

static int from_user(const struct trapframe *tf)
{
	return (tf->status & ST_KSU_MASK) == ST_KSU_USER;
}

static void __noreturn fatal_exception(struct trapframe *tf, struct task *t)
{
	u32 code = cause_exccode(tf->cause);

	kprintf("\ndemo-os: unexpected exception in %s %s: %s (ExcCode %u)\n",
		from_user(tf) ? "task" : "the", t->name, exc_name(code), code);
	kprintf("demo-os: Cause 0x%08x EPC 0x%08x BadVAddr 0x%08x Status 0x%08x\n",
		tf->cause, tf->epc, tf->badvaddr, tf->status);
	board_power_off(OS_EXIT_USER_FAULT);
}

static void do_interrupt(struct trapframe *tf)
{
	u32 pending = tf->cause & tf->status & CAUSE_IP_MASK;

	if (pending & CAUSE_IP7)
		timer_interrupt();
	else
		stats.spurious_interrupts++;
}

struct trapframe *trap(struct trapframe *tf)
{
	u32 code = cause_exccode(tf->cause);

	if (code == EXC_INT)
		do_interrupt(tf);
	else if (code == EXC_SYS && from_user(tf) && !(tf->cause & CAUSE_BD))
		do_syscall(current, tf);	/* (not from a delay slot) */
	else
		fatal_exception(tf, current);
	return schedule();
}

void kernel_fault(u32 cause, u32 epc, u32 badvaddr, u32 status)
{
	u32 code = cause_exccode(cause);

	kprintf("\ndemo-os: exception in the kernel: %s (ExcCode %u)\n",
		exc_name(code), code);
	kprintf("demo-os: Cause 0x%08x EPC 0x%08x BadVAddr 0x%08x Status 0x%08x\n",
		cause, epc, badvaddr, status);
	board_power_off(OS_EXIT_KERNEL_FAULT);
}
