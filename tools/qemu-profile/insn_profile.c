// SPDX-License-Identifier: GPL-2.0
/*
 * insn_profile.c - a QEMU TCG plugin: how many times each guest
 * instruction address executed, inside windows the guest opens and closes.
 *
 *   qemu-system-mipsel ... -plugin insn_profile.so,out=FILE
 *
 * Every instruction gets a 64-bit counter (one per virtual address, shared
 * by every translation of it and by every address space), bumped inline
 * by the translated code before the instruction runs: a block an
 * exception leaves half done counts only what it started, and an
 * instruction that faults and is executed again counts twice, as the CPU
 * executed it twice.
 * Each execution of the marker, "sll $zero, $zero, 31" (0x000007c0: a nop
 * no compiler emits), toggles the window, wherever it runs: at the opening
 * every counter is noted, at the closing the difference is added to the
 * window's total.  At exit FILE gets "ADDRESS COUNT" lines for every
 * address counted in a window, and a "# windows N" line.  mvc_bench
 * executes the marker around a measured phase when MVC_BENCH_MARKS is set
 * (make profile; tools/mipshost/run.sh --profile).  Little-endian targets,
 * one vCPU at a time (-icount runs one).
 *
 * Written against QEMU 7.2's plugin API (version 1): Debian 12's QEMU
 * loads plugins but ships no header, so the few declarations used are
 * here.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
struct qemu_info_t;

enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };

typedef void (*tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*vcpu_udata_cb_t)(unsigned int vcpu, void *udata);
typedef void (*udata_cb_t)(qemu_plugin_id_t id, void *udata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
					    vcpu_udata_cb_t cb,
					    enum qemu_plugin_cb_flags flags,
					    void *udata);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
						enum qemu_plugin_op op,
						void *ptr, uint64_t imm);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
						 size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, udata_cb_t cb,
				    void *udata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

struct counter {
	uint64_t vaddr;
	uint64_t count;		/* bumped by the translated code */
	uint64_t mark;		/* count when the window opened */
	uint64_t total;		/* summed over closed windows */
	struct counter *next;
};

#define HASH_BITS 20
static struct counter *table[1u << HASH_BITS];
static struct counter **all;
static size_t nall, capall;
#define MARKER 0x000007c0u
static bool open_window;
static unsigned int windows;
static const char *out = "insn-profile.txt";

static struct counter *counter_of(uint64_t vaddr)
{
	uint32_t h = (uint32_t)((vaddr >> 2) * 2654435761u) >> (32 - HASH_BITS);
	struct counter *c;

	for (c = table[h]; c; c = c->next)
		if (c->vaddr == vaddr)
			return c;
	c = calloc(1, sizeof(*c));
	if (!c)
		abort();
	c->vaddr = vaddr;
	c->next = table[h];
	table[h] = c;
	if (nall == capall) {
		capall = capall ? 2 * capall : 65536;
		all = realloc(all, capall * sizeof(*all));
		if (!all)
			abort();
	}
	all[nall++] = c;
	return c;
}

static void toggle(unsigned int vcpu, void *udata)
{
	size_t i;

	(void)vcpu;
	(void)udata;
	open_window = !open_window;
	for (i = 0; i < nall; i++) {
		if (open_window)
			all[i]->mark = all[i]->count;
		else
			all[i]->total += all[i]->count - all[i]->mark;
	}
	windows += !open_window;
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t i, n = qemu_plugin_tb_n_insns(tb);

	(void)id;
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t va = qemu_plugin_insn_vaddr(insn);
		/*
		 * A counter first seen inside an open window was zero when it
		 * opened: its mark is zero already.
		 */
		struct counter *c = counter_of(va);
		uint32_t word = 0;

		if (qemu_plugin_insn_size(insn) == 4)
			memcpy(&word, qemu_plugin_insn_data(insn), 4);
		if (word == MARKER)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, toggle,
							       QEMU_PLUGIN_CB_NO_REGS,
							       NULL);
		qemu_plugin_register_vcpu_insn_exec_inline(insn,
							   QEMU_PLUGIN_INLINE_ADD_U64,
							   &c->count, 1);
	}
}

static int by_total(const void *a, const void *b)
{
	const struct counter *x = *(struct counter *const *)a;
	const struct counter *y = *(struct counter *const *)b;

	return x->total < y->total ? 1 : x->total > y->total ? -1 : 0;
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
	FILE *f = fopen(out, "w");
	size_t i;

	(void)id;
	(void)udata;
	if (!f) {
		perror(out);
		return;
	}
	if (open_window)
		toggle(0, NULL);
	qsort(all, nall, sizeof(*all), by_total);
	fprintf(f, "# windows %u\n", windows);
	for (i = 0; i < nall && all[i]->total; i++)
		fprintf(f, "%08" PRIx64 " %" PRIu64 "\n", all[i]->vaddr,
			all[i]->total);
	fclose(f);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info_t *info,
			int argc, char **argv)
{
	int i;

	(void)info;
	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4))
			out = argv[i] + 4;
		else {
			fprintf(stderr, "insn_profile: unknown argument %s\n",
				argv[i]);
			return -1;
		}
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
