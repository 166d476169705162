/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bptable.h - the gdb stub's software breakpoints: which words hold a
 * planted break and what they held before.  Pure: it works on the bytes
 * it is given, and the host unit tests run it.
 */
#ifndef VCPUCTL_BPTABLE_H
#define VCPUCTL_BPTABLE_H

#include <stdbool.h>
#include <stdint.h>

#define BP_MAX		64
#define BP_INSN		0x0000000du	/* break 0 */

struct bp {
	uint32_t addr;		/* guest virtual, as gdb gave it */
	uint32_t gpa;		/* where it translated when inserted */
	uint8_t *host;		/* the bytes behind gpa */
	uint32_t saved;		/* the instruction the break replaced */
};

/* Only inserted breakpoints have an entry. */
struct bp_table {
	struct bp bp[BP_MAX];
	int n;
};

struct bp *bp_find(struct bp_table *t, uint32_t addr);
int bp_insert(struct bp_table *t, uint32_t addr, uint32_t gpa, uint8_t *host);
int bp_remove(struct bp_table *t, uint32_t addr);
void bp_remove_all(struct bp_table *t);
void bp_write(struct bp_table *t, uint32_t gpa, uint8_t *dst,
	      const uint8_t *src, uint32_t n);
void bp_hide(const struct bp_table *t, uint32_t gpa, uint8_t *buf,
	     uint32_t n);

#endif
