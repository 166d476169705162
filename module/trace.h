/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace.h - tracepoints: one event per exit from a guest.
 *
 *   echo 1 > /sys/kernel/tracing/events/mipsvcpu/mipsvcpu_exit/enable
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM mipsvcpu

#if !defined(MVC_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define MVC_TRACE_H

#include <linux/tracepoint.h>

#include "hw_ctx.h"

TRACE_EVENT(mipsvcpu_exit,
	    TP_PROTO(u32 vcpu, u32 kind, u32 cause, u32 pc, u32 badvaddr),
	    TP_ARGS(vcpu, kind, cause, pc, badvaddr),
	    TP_STRUCT__entry(__field(u32, vcpu)
			     __field(u32, kind)
			     __field(u32, cause)
			     __field(u32, pc)
			     __field(u32, badvaddr)),
	    TP_fast_assign(__entry->vcpu = vcpu;
			   __entry->kind = kind;
			   __entry->cause = cause;
			   __entry->pc = pc;
			   __entry->badvaddr = badvaddr;),
	    TP_printk("vcpu %u %s exc %u pc %08x badvaddr %08x",
		      __entry->vcpu, __print_symbolic(__entry->kind,
				       { MVC_EXIT_KIND_REFILL, "refill" },
				       { MVC_EXIT_KIND_GENERAL, "general" },
				       { MVC_EXIT_KIND_MMIO, "mmio" }),
		      (__entry->cause >> 2) & 0x1f, __entry->pc,
		      __entry->badvaddr)
);

#endif /* MVC_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
