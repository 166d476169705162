// SPDX-License-Identifier: GPL-2.0
/*
 * bptable.c - the gdb stub's software breakpoints (bptable.h).
 *
 * An entry lives from Z0 to z0: removing one frees its slot, and every
 * insert takes the translation it is given, so that a table of BP_MAX
 * entries serves any number of breakpoints over a session and follows
 * a guest that remaps its code.  Two entries may share a word (two
 * virtual aliases): they share its saved instruction, and the word gets
 * it back when the last of them goes.
 */
#include <string.h>

#include "bptable.h"

static void put_word(uint8_t *host, uint32_t val)
{
	memcpy(host, &val, 4);
	__builtin___clear_cache((char *)host, (char *)host + 4);
}

struct bp *bp_find(struct bp_table *t, uint32_t addr)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->bp[i].addr == addr)
			return &t->bp[i];
	return NULL;
}

static struct bp *bp_sharing(struct bp_table *t, const struct bp *self)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (&t->bp[i] != self && t->bp[i].host == self->host)
			return &t->bp[i];
	return NULL;
}

/**
 * bp_insert() - plant a break at @addr, which translates to @gpa now
 * @t: the table
 * @addr: the guest virtual address
 * @gpa: its guest physical address now
 * @host: the bytes behind @gpa
 *
 * Return: 0 (also when it is in already, where @addr translates now), or
 * -1 when the table is full.
 */
int bp_insert(struct bp_table *t, uint32_t addr, uint32_t gpa, uint8_t *host)
{
	struct bp *bp = bp_find(t, addr), *other;

	if (bp && bp->host == host)
		return 0;
	if (bp)
		bp_remove(t, addr);	/* the guest moved it */
	if (t->n == BP_MAX)
		return -1;
	bp = &t->bp[t->n];
	bp->addr = addr;
	bp->gpa = gpa;
	bp->host = host;
	other = bp_sharing(t, bp);
	if (other)
		bp->saved = other->saved;
	else
		memcpy(&bp->saved, host, 4);
	t->n++;
	put_word(host, BP_INSN);
	return 0;
}

/**
 * bp_remove() - take the break at @addr out and free its entry
 * @t: the table
 * @addr: the guest virtual address gdb inserted it at
 *
 * A word the guest rewrote meanwhile is left as the guest wrote it.
 *
 * Return: 0, or -1 when there is no such breakpoint.
 */
int bp_remove(struct bp_table *t, uint32_t addr)
{
	struct bp *bp = bp_find(t, addr);
	uint32_t now;

	if (!bp)
		return -1;
	memcpy(&now, bp->host, 4);
	if (!bp_sharing(t, bp) && now == BP_INSN)
		put_word(bp->host, bp->saved);
	*bp = t->bp[--t->n];
	return 0;
}

void bp_remove_all(struct bp_table *t)
{
	while (t->n)
		bp_remove(t, t->bp[t->n - 1].addr);
}

/* The bytes of [gpa, gpa + n) that fall in the word at @bp->gpa. */
static bool overlap(const struct bp *bp, uint32_t gpa, uint32_t n,
		    uint32_t *from, uint32_t *to)
{
	if (bp->gpa + 4 <= gpa || bp->gpa >= gpa + n)
		return false;
	*from = bp->gpa > gpa ? 0 : gpa - bp->gpa;
	*to = bp->gpa + 4 <= gpa + n ? 4 : gpa + n - bp->gpa;
	return true;
}

/**
 * bp_write() - a write by gdb to [gpa, gpa + n), behind it @dst
 * @t: the table
 * @gpa: the first byte's guest physical address
 * @dst: the bytes behind it
 * @src: what gdb writes
 * @n: how many
 *
 * Bytes that fall in a planted break go to its saved instruction (the
 * break stays, and is never read back as the instruction); the rest to
 * memory.
 */
void bp_write(struct bp_table *t, uint32_t gpa, uint8_t *dst,
	      const uint8_t *src, uint32_t n)
{
	uint32_t i, from, to;
	int b;

	memcpy(dst, src, n);
	for (b = 0; b < t->n; b++) {
		struct bp *bp = &t->bp[b];

		if (!overlap(bp, gpa, n, &from, &to))
			continue;
		for (i = from; i < to; i++)
			((uint8_t *)&bp->saved)[i] = src[bp->gpa + i - gpa];
		put_word(bp->host, BP_INSN);
	}
	__builtin___clear_cache((char *)dst, (char *)dst + n);
}

/* A read of [gpa, gpa + n) into @buf: show the saved instructions. */
void bp_hide(const struct bp_table *t, uint32_t gpa, uint8_t *buf,
	     uint32_t n)
{
	uint32_t i, from, to;
	int b;

	for (b = 0; b < t->n; b++) {
		const struct bp *bp = &t->bp[b];

		if (!overlap(bp, gpa, n, &from, &to))
			continue;
		for (i = from; i < to; i++)
			buf[bp->gpa + i - gpa] = ((const uint8_t *)&bp->saved)[i];
	}
}
