// SPDX-License-Identifier: GPL-2.0
/*
 * trace_gen_test.c - host tests of module/trace_gen.c: the translated
 * refill handler does what the handler does.  A small MIPS32 interpreter
 * runs the guest's words on a guest register file (the oracle) and the
 * generated host code on a host register file, with the vector's
 * routines (fastpath.S) modelled by their contracts, and the two must
 * agree on every register, every CP0 register, every TLB write and where
 * the guest goes on: for Linux's own handler, and for random straight-line
 * handlers of every instruction form the translator takes or refuses.
 */
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../../module/trace_gen.h"
#include "../../module/cp0.h"
#include "../../module/decode.h"

#define BLOCK		0x81000000u	/* k1: the VCPU's block */
#define BLOCK_SIZE	0x4000u
#define CP0_BASE	0x81100000u	/* v1: reg[] */
#define RAM_K0		0x80200000u	/* guest physical 0 in KSEG0 */
#define RAM_SIZE	0x4000u
#define GPR_OFF		0x3c00u		/* the context's gpr[] */

/* The routines' offsets: anywhere below the trace, apart. */
static const struct mvc_trace_layout layout = {
	.gpr = GPR_OFF, .bail = 0x2000, .changed = 0x2100, .xlate = 0x2200,
	.tlbw = 0x2300, .eret = 0x2400,
};

static u32 block[BLOCK_SIZE / 4];
static u32 ram[RAM_SIZE / 4];
static u32 cp0[MVC_CP0_NR];
static u8 cls[MVC_CP0_NR];
static u32 wmask[MVC_CP0_NR];

static u32 *host_word(u32 a)
{
	if (a % 4)
		return NULL;
	if (a >= BLOCK && a < BLOCK + BLOCK_SIZE)
		return &block[(a - BLOCK) / 4];
	if (a >= CP0_BASE && a < CP0_BASE + 4 * MVC_CP0_NR)
		return &cp0[(a - CP0_BASE) / 4];
	if (a >= RAM_K0 && a < RAM_K0 + RAM_SIZE)
		return &ram[(a - RAM_K0) / 4];
	return NULL;
}

/* The ALU instructions, the same for both sides; false: not one. */
static bool alu(u32 w, u32 *r)
{
	u32 rs = r[MVC_RS(w)], rt = r[MVC_RT(w)], sa = MVC_SA(w);
	u32 imm = MVC_IMM(w), simm = (u32)MVC_SIMM(w), v;
	unsigned int d = MVC_RD(w), t = MVC_RT(w), pos, size;

	switch (MVC_OP(w)) {
	case 0:
		/* The reserved fields: 0, or the R bit of the rotates. */
		switch (MVC_FUNCT(w)) {
		case 0x00: case 0x03:
			if (MVC_RS(w))
				return false;
			break;
		case 0x02:
			if (MVC_RS(w) > 1)
				return false;
			break;
		case 0x06:
			if (sa > 1)
				return false;
			break;
		default:
			if (MVC_FUNCT(w) >= 0x04 && sa)
				return false;
		}
		switch (MVC_FUNCT(w)) {
		case 0x00: v = rt << sa; break;
		case 0x02:
			v = MVC_RS(w) ? (rt >> sa | (sa ? rt << (32 - sa) : 0)) : rt >> sa;
			break;
		case 0x03: v = (u32)((int32_t)rt >> sa); break;
		case 0x04: v = rt << (rs & 31); break;
		case 0x06:
			v = sa ? (rt >> (rs & 31) | ((rs & 31) ? rt << (32 - (rs & 31)) : 0))
			       : rt >> (rs & 31);
			break;
		case 0x07: v = (u32)((int32_t)rt >> (rs & 31)); break;
		case 0x0a: v = rt ? r[d] : rs; break;
		case 0x0b: v = rt ? rs : r[d]; break;
		case 0x21: v = rs + rt; break;
		case 0x23: v = rs - rt; break;
		case 0x24: v = rs & rt; break;
		case 0x25: v = rs | rt; break;
		case 0x26: v = rs ^ rt; break;
		case 0x27: v = ~(rs | rt); break;
		case 0x2a: v = (int32_t)rs < (int32_t)rt; break;
		case 0x2b: v = rs < rt; break;
		default: return false;
		}
		if (d)
			r[d] = v;
		return true;
	case 0x09: v = rs + simm; break;
	case 0x0a: v = (int32_t)rs < (int32_t)simm; break;
	case 0x0b: v = rs < simm; break;
	case 0x0c: v = rs & imm; break;
	case 0x0d: v = rs | imm; break;
	case 0x0e: v = rs ^ imm; break;
	case 0x0f:
		if (MVC_RS(w))
			return false;
		v = imm << 16;
		break;
	case 0x1f:
		pos = sa;
		if (MVC_FUNCT(w) == 0) {	/* ext */
			size = d + 1;
			v = (rs >> pos) & (size == 32 ? ~0u : (1u << size) - 1);
		} else if (MVC_FUNCT(w) == 4) {	/* ins */
			u32 m;

			size = d - pos + 1;
			m = (size == 32 ? ~0u : (1u << size) - 1) << pos;
			v = (rt & ~m) | ((rs << pos) & m);
		} else {
			return false;
		}
		break;
	default:
		return false;
	}
	if (t)
		r[t] = v;
	return true;
}

enum end { END_STOP, END_ERET, END_CHANGED };

struct tlbw_call {
	u32 insn, entryhi, lo0, lo1, index;
};

struct outcome {
	enum end end;
	unsigned int at;	/* the instruction it stops at */
	unsigned int ncp0;
	u32 gpr[32];
	u32 cp0[MVC_CP0_NR];
	struct tlbw_call calls[8];
	unsigned int ncalls;
};

static void record_tlbw(struct outcome *o, u32 insn)
{
	struct tlbw_call *c = &o->calls[o->ncalls++ % 8];

	c->insn = insn;
	c->entryhi = cp0[MVC_CP0_ENTRYHI];
	c->lo0 = cp0[MVC_CP0_ENTRYLO0];
	c->lo1 = cp0[MVC_CP0_ENTRYLO1];
	c->index = cp0[MVC_CP0_INDEX];
}

/* The guest's words run natively, as far as the translation may go. */
static void oracle(const u32 *gpr_in, unsigned int n, struct outcome *o)
{
	u32 r[32];
	unsigned int i;

	memcpy(r, gpr_in, sizeof(r));
	memset(o, 0, sizeof(*o));
	o->end = END_STOP;
	for (i = 0; i < n; i++) {
		u32 w = ram[i], id = MVC_RD(w) * 8 + MVC_SEL(w);

		if (alu(w, r))
			continue;
		if (MVC_OP(w) == 0x23) {
			u32 va = r[MVC_RS(w)] + (u32)MVC_SIMM(w);

			if (va % 4 || va >= 0x40000000u ||
			    (va & 0x1fffffffu) >= RAM_SIZE)
				break;
			if (MVC_RT(w))
				r[MVC_RT(w)] = ram[(va & 0x1fffffffu) / 4];
			continue;
		}
		if (MVC_OP(w) != MVC_OP_COP0)
			break;
		if (w == MVC_INSN_CO(MVC_CO_TLBWI) || w == MVC_INSN_CO(MVC_CO_TLBWR)) {
			record_tlbw(o, w);
			o->ncp0++;
			continue;
		}
		if (w == MVC_INSN_CO(MVC_CO_ERET)) {
			o->end = END_ERET;
			o->ncp0++;
			break;
		}
		if (w & 0x7f8)
			break;
		if (MVC_RS(w) == MVC_COP0_MF && cls[id] & MVC_CP0_FAST_READ) {
			if (MVC_RT(w))
				r[MVC_RT(w)] = cp0[id];
		} else if (MVC_RS(w) == MVC_COP0_MT && cls[id] & MVC_CP0_FAST_WRITE) {
			cp0[id] = (cp0[id] & ~wmask[id]) | (r[MVC_RT(w)] & wmask[id]);
		} else {
			break;
		}
		o->ncp0++;
	}
	o->at = i;
	memcpy(o->gpr, r, sizeof(r));
	memcpy(o->cp0, cp0, sizeof(cp0));
}

static bool in_memory(unsigned int g)
{
	return MVC_TRACE_SAVED_GPRS >> g & 1;	/* SAVE_SCRATCH's */
}

/*
 * The code, from trace_run's hand-over to a routine that ends it, on a
 * host register file; the routines as fastpath.S has them.
 */
static void run_trace(struct __test_metadata *_metadata,
		      const struct mvc_trace *t, const u32 *gpr_in,
		      struct outcome *o)
{
	u32 h[32], pc = MVC_TRACE_OFFSET, g, *m;
	unsigned int steps = 0, i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < 32; i++)
		h[i] = 0xdead0000u + i;	/* the vector's leftovers */
	for (g = 0; g < 32; g++) {
		if (in_memory(g))
			block[(GPR_OFF + 4 * g) / 4] = gpr_in[g];
		else if (g != 26 && g != 27)
			h[g] = gpr_in[g];
	}
	h[0] = 0;
	h[26] = gpr_in[26];
	h[5] = gpr_in[27];
	h[27] = BLOCK;
	h[3] = CP0_BASE;
	memcpy(&block[MVC_TRACE_OFFSET / 4], t->code, 4 * t->ncode);
	memcpy(&block[MVC_TRACE_COPY / 4], t->copy, sizeof(t->copy));
	for (i = 0; i < 2 * MVC_TRACE_MAX_SITES; i += 2) {
		block[MVC_TRACE_SITES / 4 + i] = MVC_TRACE_NO_TAG;
		block[MVC_TRACE_SITES / 4 + i + 1] = 0;
	}

	for (;;) {
		u32 w, target;
		bool taken;

		ASSERT_GT(100000, ++steps);
		if (pc == layout.changed) {
			o->end = END_CHANGED;
			return;
		}
		if (pc == layout.bail || pc == layout.eret) {
			o->end = pc == layout.bail ? END_STOP : END_ERET;
			o->at = h[25] & 0xff;
			o->ncp0 = (h[25] >> 8) + (pc == layout.eret);
			break;
		}
		if (pc == layout.xlate) {
			u32 tag = h[14], gpa = tag & 0x1fffffffu;

			if (tag & 0xc0000003u || gpa >= RAM_SIZE) {
				pc = layout.bail;
				continue;
			}
			h[15] = RAM_K0 + (gpa & ~0xfffu);
			m = host_word(h[4]);
			ASSERT_NE(NULL, m);
			m[0] = tag;
			m[1] = h[15];
			h[2] = h[10] = h[11] = h[24] = 0xbad;	/* v0 t2 t3 t8 */
			pc = h[31] - BLOCK;
			continue;
		}
		if (pc == layout.tlbw) {
			/* TLBW_BODY: keeps t0, a0 and k0 (and v1, k1, s*) */
			record_tlbw(o, h[10]);
			h[4] = h[31];
			for (i = 1; i < 32; i++)
				if (in_memory(i) && i != 3 && i != 4 && i != 8)
					h[i] = 0xc1a0u + i;
			pc = h[4] - BLOCK;
			continue;
		}
		ASSERT_TRUE(pc >= MVC_TRACE_OFFSET &&
			    pc < MVC_TRACE_OFFSET + 4 * t->ncode) TH_LOG("pc %#x", pc);
		w = block[pc / 4];
		if (alu(w, h)) {
			pc += 4;
			continue;
		}
		if (MVC_OP(w) == 0x23 || MVC_OP(w) == 0x2b) {
			m = host_word(h[MVC_RS(w)] + (u32)MVC_SIMM(w));
			ASSERT_NE(NULL, m) TH_LOG("%#x at %#x", w, pc);
			if (MVC_OP(w) == 0x2b)
				*m = h[MVC_RT(w)];
			else if (MVC_RT(w))
				h[MVC_RT(w)] = *m;
			pc += 4;
			continue;
		}
		if (MVC_OP(w) == 0x04 || MVC_OP(w) == 0x05) {
			taken = (h[MVC_RS(w)] == h[MVC_RT(w)]) == (MVC_OP(w) == 4);
		} else {
			/* bgezal $0: bal */
			ASSERT_EQ(0x04110000u, w & 0xffff0000u) TH_LOG("%#x", w);
			taken = true;
			h[31] = BLOCK + pc + 8;
		}
		target = pc + 4 + ((u32)MVC_SIMM(w) << 2);
		/* The delay slot: ALU or lw, never a branch. */
		w = block[(pc + 4) / 4];
		if (!alu(w, h)) {
			ASSERT_EQ(0x23, MVC_OP(w)) TH_LOG("slot %#x", w);
			m = host_word(h[MVC_RS(w)] + (u32)MVC_SIMM(w));
			ASSERT_NE(NULL, m);
			if (MVC_RT(w))
				h[MVC_RT(w)] = *m;
		}
		pc = taken ? target : pc + 8;
	}
	/* trace_bail/trace_done: the guest's registers as the exit sees them */
	for (g = 0; g < 32; g++)
		o->gpr[g] = in_memory(g) ? block[(GPR_OFF + 4 * g) / 4] :
			    g == 26 ? h[26] : g == 27 ? h[5] : h[g];
	o->gpr[0] = 0;
	memcpy(o->cp0, cp0, sizeof(cp0));
}

static void setup(void)
{
	u32 id;

	for (id = 0; id < MVC_CP0_NR; id++)
		cls[id] = mvc_cp0_fast_class(id, 16, &wmask[id]);
	for (id = 0; id < MVC_CP0_NR; id++)
		cp0[id] = 0x11110000u * (id & 7) + id;
	cp0[MVC_CP0_BADVADDR] = 0x40123456u;
	cp0[MVC_CP0_CONTEXT] = 0x00400000u | (0x40123456u >> 13) << 4;
}

static void translate(unsigned int n, struct mvc_trace *t)
{
	struct mvc_trace_in in = {
		.insn = ram, .n = n, .insn_k0 = RAM_K0, .cls = cls,
		.wmask = wmask,
	};

	mvc_trace_translate(&in, &layout, t);
}

/* Both ways from the same state; they must agree. */
static void agree(struct __test_metadata *_metadata, unsigned int n,
		  const u32 *gpr, const char *what)
{
	static struct mvc_trace t;
	static struct outcome want, got;
	u32 saved[MVC_CP0_NR];
	unsigned int i;

	translate(n, &t);
	memcpy(saved, cp0, sizeof(cp0));
	oracle(gpr, n, &want);
	memcpy(cp0, saved, sizeof(cp0));
	run_trace(_metadata, &t, gpr, &got);
	memcpy(cp0, saved, sizeof(cp0));
	EXPECT_EQ(want.end, got.end) TH_LOG("%s: stops at %u and %u", what,
					    want.at, got.at);
	if (want.end != got.end)
		return;
	EXPECT_EQ(want.at, got.at) TH_LOG("%s", what);
	/* A load of MMIO stops it where it runs, not where it ends. */
	EXPECT_GE(t.ninsns, want.at) TH_LOG("%s", what);
	EXPECT_EQ(want.ncp0, got.ncp0) TH_LOG("%s", what);
	if (want.end == END_ERET)
		EXPECT_TRUE(t.complete) TH_LOG("%s", what);
	for (i = 0; i < 32; i++)
		EXPECT_EQ(want.gpr[i], got.gpr[i]) TH_LOG("%s: gpr %u", what, i);
	EXPECT_EQ(0, memcmp(want.cp0, got.cp0, sizeof(want.cp0))) TH_LOG("%s", what);
	ASSERT_EQ(want.ncalls, got.ncalls) TH_LOG("%s", what);
	for (i = 0; i < want.ncalls && i < 8; i++)
		EXPECT_EQ(0, memcmp(&want.calls[i], &got.calls[i],
				    sizeof(want.calls[i]))) TH_LOG("%s: tlbw %u", what, i);
}

#define I(op, rs, rt, imm) \
	((u32)(op) << 26 | (u32)(rs) << 21 | (u32)(rt) << 16 | ((u32)(imm) & 0xffff))
#define R(rs, rt, rd, sa, fn) \
	((u32)(rs) << 21 | (u32)(rt) << 16 | (u32)(rd) << 11 | (u32)(sa) << 6 | (fn))
#define MFC0(rt, rd)	(0x40000000u | (u32)(rt) << 16 | (u32)(rd) << 11)
#define MTC0(rt, rd)	(0x40800000u | (u32)(rt) << 16 | (u32)(rd) << 11)
#define K0	26
#define K1	27

/*
 * Linux 6.1's 32-bit refill handler (tlbex.c, uniprocessor, no RIXI):
 * pgd_current at guest physical 0x1000, its pgd at 0x2000, the page table
 * at 0x3000.
 */
static unsigned int linux_handler(u32 *w)
{
	unsigned int n = 0;

	w[n++] = I(0x0f, 0, K1, 0x0000);		/* lui k1, %hi(pgd_current) */
	w[n++] = MFC0(K0, 8);				/* mfc0 k0, BadVAddr */
	w[n++] = I(0x23, K1, K1, 0x1000);		/* lw k1, %lo(..)(k1) */
	w[n++] = R(0, K0, K0, 22, 0x02);		/* srl k0, k0, 22 */
	w[n++] = R(0, K0, K0, 2, 0x00);			/* sll k0, k0, 2 */
	w[n++] = R(K1, K0, K1, 0, 0x21);		/* addu k1, k1, k0 */
	w[n++] = MFC0(K0, 4);				/* mfc0 k0, Context */
	w[n++] = I(0x23, K1, K1, 0);			/* lw k1, 0(k1) */
	w[n++] = R(0, K0, K0, 1, 0x02);			/* srl k0, k0, 1 */
	w[n++] = I(0x0c, K0, K0, 0xff8);		/* andi k0, k0, 0xff8 */
	w[n++] = R(K1, K0, K1, 0, 0x21);		/* addu k1, k1, k0 */
	w[n++] = I(0x23, K1, K0, 0);			/* lw k0, 0(k1) */
	w[n++] = I(0x23, K1, K1, 4);			/* lw k1, 4(k1) */
	w[n++] = R(0, K0, K0, 6, 0x02);			/* srl k0, k0, 6 */
	w[n++] = MTC0(K0, 2);				/* mtc0 k0, EntryLo0 */
	w[n++] = R(0, K1, K1, 6, 0x02);			/* srl k1, k1, 6 */
	w[n++] = MTC0(K1, 3);				/* mtc0 k1, EntryLo1 */
	w[n++] = R(0, 0, 0, 3, 0x00);			/* ehb */
	w[n++] = MVC_INSN_CO(MVC_CO_TLBWR);
	w[n++] = MVC_INSN_CO(MVC_CO_ERET);
	return n;
}

static void linux_tables(void)
{
	u32 bad = 0x40123456u;

	ram[0x1000 / 4] = 0x2000;				/* pgd_current */
	ram[(0x2000 + (bad >> 22) * 4) / 4] = 0x3000;		/* the pgd */
	ram[(0x3000 + ((bad >> 12) & 0x3fe) * 4) / 4] = 0x12345f00u;
	ram[(0x3000 + ((bad >> 12) & 0x3fe) * 4 + 4) / 4] = 0x12346f00u;
}

TEST(linux_handler_runs_to_its_eret)
{
	static struct mvc_trace t;
	u32 gpr[32];
	unsigned int i, n;

	setup();
	memset(ram, 0, sizeof(ram));
	n = linux_handler(ram);
	linux_tables();
	for (i = 0; i < 32; i++)
		gpr[i] = 0x1000000u * i + 7;
	gpr[0] = 0;
	translate(n + 4, &t);
	EXPECT_TRUE(t.complete);
	EXPECT_EQ(n - 1, t.ninsns);
	EXPECT_EQ(4u, t.nsites);
	agree(_metadata, n + 4, gpr, "linux");
	/* Twice: the second through the load sites' caches. */
	agree(_metadata, n + 4, gpr, "linux, again");
}

TEST(a_changed_word_sends_the_guest_to_its_handler)
{
	static struct mvc_trace t;
	static struct outcome o;
	u32 gpr[32] = { 0 };
	unsigned int n, i;

	setup();
	memset(ram, 0, sizeof(ram));
	n = linux_handler(ram);
	linux_tables();
	translate(n, &t);
	/* Every word it checks, the eret too. */
	for (i = 0; i < n; i++) {
		u32 old = ram[i];

		ram[i] ^= 0x100;
		run_trace(_metadata, &t, gpr, &o);
		EXPECT_EQ(END_CHANGED, o.end) TH_LOG("word %u", i);
		ram[i] = old;
	}
}

TEST(stops_where_the_architecture_needs_c)
{
	static const u32 stoppers[] = {
		R(1, 2, 3, 0, 0x20),		/* add: may trap */
		I(0x08, 1, 2, 1),		/* addi */
		I(0x04, 1, 2, 1),		/* beq */
		I(0x02, 0, 0, 1),		/* j */
		R(31, 0, 0, 0, 0x08),		/* jr */
		I(0x2b, K1, K0, 0),		/* sw */
		I(0x20, K1, K0, 0),		/* lb */
		MFC0(K0, 9),			/* Count */
		MFC0(K0, 1),			/* Random */
		MFC0(K0, 13),			/* Cause */
		MTC0(K0, 12),			/* Status */
		MTC0(K0, 10),			/* EntryHi */
		MTC0(K0, 5),			/* PageMask */
		MVC_INSN_CO(MVC_CO_TLBP),
		MVC_INSN_CO(MVC_CO_WAIT),
		0x41606000u,			/* di */
		R(0, 0, 0, 0, 0x0f),		/* sync */
		0x0000000cu,			/* syscall */
		R(0, K0, K0, 0, 0x01),		/* movci: FPU */
		MFC0(K0, 8) | 0x400,		/* reserved bits */
	};
	static struct mvc_trace t;
	u32 gpr[32];
	unsigned int i, j;

	setup();
	for (j = 0; j < 32; j++)
		gpr[j] = 0x100 * j;
	gpr[0] = 0;
	for (i = 0; i < sizeof(stoppers) / sizeof(stoppers[0]); i++) {
		memset(ram, 0, sizeof(ram));
		linux_handler(ram);
		ram[5] = stoppers[i];
		agree(_metadata, 20, gpr, "stopper");
		translate(20, &t);
		EXPECT_EQ(5u, t.ninsns) TH_LOG("stopper %u", i);
		EXPECT_FALSE(t.complete);
	}
}

/* One random instruction of the forms a handler may have. */
static u32 random_insn(void)
{
	static const u8 rfn[] = { 0x04, 0x06, 0x07, 0x0a, 0x0b, 0x21, 0x23,
				  0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b };
	static const u8 iop[] = { 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e };
	static const u8 cp0rd[] = { 0, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13,
				    14, 15, 16, 20, 30 };
	unsigned int rs = rand() % 32, rt = rand() % 32, rd = rand() % 32;
	unsigned int sa = rand() % 32, pos, size;

	switch (rand() % 12) {
	case 0:
		return R(rs, rt, rd, 0, rfn[rand() % sizeof(rfn)]) |
		       (rand() % 8 == 0) << 6;	/* rotrv, or reserved */
	case 1:
		rs = rand() % 3;
		return R(rs, rt, rd, sa, rs == 1 ? 2 : rand() % 2 ? 0 : 3);
	case 2:
		return I(iop[rand() % sizeof(iop)], rs, rt, rand());
	case 3:
		return I(0x0f, rand() % 8 == 0, rt, rand());
	case 4:
		pos = rand() % 32;
		size = 1 + rand() % (32 - pos);
		return rand() % 2 ?
		       (0x7c000000u | rs << 21 | rt << 16 | (size - 1) << 11 | pos << 6) :
		       (0x7c000004u | rs << 21 | rt << 16 | (pos + size - 1) << 11 | pos << 6);
	case 5:
	case 6:
		return I(0x23, rs, rt, (rand() % 64) * (rand() % 8 ? 4 : 1));
	case 7:
		return MFC0(rt, cp0rd[rand() % sizeof(cp0rd)]);
	case 8:
		return MTC0(rt, cp0rd[rand() % sizeof(cp0rd)]);
	case 9:
		return rand() % 2 ? MVC_INSN_CO(MVC_CO_TLBWR) : MVC_INSN_CO(MVC_CO_TLBWI);
	case 10:
		return rand() % 4 ? R(0, 0, 0, 3, 0) : R(1, 2, 3, 0, 0x20);
	}
	return MVC_INSN_CO(MVC_CO_ERET);
}

TEST(random_handlers_agree)
{
	unsigned int round, i, n;
	u32 gpr[32];

	srand(1);
	setup();
	for (round = 0; round < 20000; round++) {
		memset(ram, 0, sizeof(ram));
		for (i = 0; i < RAM_SIZE / 4; i++)
			ram[i] = rand() * 2654435761u;
		n = 1 + rand() % 32;
		for (i = 0; i < n; i++)
			ram[i] = random_insn();
		if (rand() % 2)
			ram[n - 1] = MVC_INSN_CO(MVC_CO_ERET);
		for (i = 0; i < 32; i++) {
			u32 a = (rand() % (RAM_SIZE / 4)) * 4;

			gpr[i] = rand() % 2 ? (rand() % 4 ? a : a | 0x20000000u) :
				 rand() * 2654435761u;
		}
		gpr[0] = 0;
		agree(_metadata, n, gpr, "random");
		if (!_metadata->passed) {
			for (i = 0; i < n; i++)
				TH_LOG("round %u word %u: %#010x", round, i, ram[i]);
			break;
		}
	}
}

TEST_HARNESS_MAIN
