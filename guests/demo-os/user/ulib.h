/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ulib.h - what a demo OS user task can call: the syscalls of user_abi.h
 * and uprintf(), which formats a line and writes it with one syscall.
 */
#ifndef ULIB_H
#define ULIB_H

#include "format.h"
#include "types.h"
#include "user_abi.h"

static inline s32 syscall2(u32 nr, u32 arg0, u32 arg1)
{
	register u32 v0 __asm__("$2") = nr;
	register u32 a0 __asm__("$4") = arg0;
	register u32 a1 __asm__("$5") = arg1;

	__asm__ volatile("syscall" : "+r"(v0) : "r"(a0), "r"(a1) : "memory");
	return v0;
}

static inline s32 sys_write(const char *buf, u32 len)
{
	return syscall2(SYS_WRITE, (u32)buf, len);
}

static inline void sys_sleep(u32 ticks)
{
	syscall2(SYS_SLEEP, ticks, 0);
}

static inline u32 sys_ticks(void)
{
	return syscall2(SYS_TICKS, 0, 0);
}

static inline void sys_fail(u32 code)
{
	syscall2(SYS_FAIL, code, 0);
}

/* ulib.c: */
__printf(1, 2) void uprintf(const char *fmt, ...);

#endif /* ULIB_H */
