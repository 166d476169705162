// SPDX-License-Identifier: GPL-2.0
/*
 * trace_gen.c - translate the guest's TLB refill handler into host code
 * (pure: host-tested by tests/host/trace_gen_test.c).  trace_gen.h says
 * what a trace is; fastpath.S has the routines it calls.
 *
 * The code runs in the vector with the guest delivered to its handler
 * (EXL set, the kernel view, EPC at the handler) and these host registers:
 *
 *   k1 ($27)  the VCPU's block, as everywhere in the vector
 *   v1 ($3)   the guest's CP0 registers (fast_cp0)
 *   k0 ($26)  the guest's k0;  a1 ($5): the guest's k1
 *   16-23, 28-30: the guest's own, untouched by the vector
 *   the guest's other registers are in the block's gpr[] (the refill
 *   vector saved them); t0, t2-t9 and a0 are scratch (t8: a write mask)
 *
 * so each guest instruction becomes the same operation on the host
 * registers that hold its operands, loaded from gpr[] and stored back when
 * they live there.
 */
#include "trace_gen.h"
#include "cp0.h"
#include "decode.h"

/* Host registers */
enum {
	H_ZERO = 0, H_V1 = 3, H_A0 = 4, H_A1 = 5, H_T0 = 8, H_T2 = 10,
	H_T3 = 11, H_T4 = 12, H_T5 = 13, H_T6 = 14, H_T7 = 15, H_T8 = 24,
	H_T9 = 25,
	H_K0 = 26, H_K1 = 27,
};

/* Opcodes the code is made of */
enum {
	OP_REGIMM = MVC_OP_REGIMM, OP_BEQ = MVC_OP_BEQ, OP_BNE = MVC_OP_BNE,
	OP_ADDIU = 0x09,
	OP_SLTI = 0x0a, OP_SLTIU = 0x0b, OP_ANDI = 0x0c, OP_ORI = 0x0d,
	OP_XORI = 0x0e, OP_LUI = 0x0f, OP_LW = 0x23, OP_SW = 0x2b,
	RT_BGEZAL = 0x11, FN_AND = 0x24, FN_OR = 0x25, FN_XOR = 0x26,
};

#define ENC_I(op, rs, rt, imm) \
	((u32)(op) << 26 | (u32)(rs) << 21 | (u32)(rt) << 16 | ((u32)(imm) & 0xffff))
#define ENC_R(rs, rt, rd, fn) \
	((u32)(rs) << 21 | (u32)(rt) << 16 | (u32)(rd) << 11 | (u32)(fn))

#define F_RS	21
#define F_RT	16
#define F_RD	11

/*
 * The most words one guest instruction becomes (a load: 13), the
 * prologue and a stop: what mvc_trace_translate() leaves room for.
 */
#define WORST	16
#define PROLOGUE_WORDS	3
#define STOP_WORDS	2
static_assert(PROLOGUE_WORDS + 3 * MVC_TRACE_MAX_INSNS +
	      WORST * MVC_TRACE_MAX_INSNS + STOP_WORDS <= MVC_TRACE_CODE_WORDS,
	      "a trace of the most instructions fits its room");

struct gen {
	const struct mvc_trace_in *in;
	const struct mvc_trace_layout *l;
	struct mvc_trace *t;
	unsigned int ncp0;	/* CP0 instructions so far */
	unsigned int ntlbw;	/* TLB writes so far */
	u32 mask;		/* the write mask t8 holds, if mask_ok */
	bool mask_ok;
};

static void emit(struct gen *g, u32 w)
{
	if (g->t->ncode < MVC_TRACE_CODE_WORDS)
		g->t->code[g->t->ncode++] = w;
}

/* The block offset of the next word. */
static u32 here(const struct gen *g)
{
	return MVC_TRACE_OFFSET + 4 * g->t->ncode;
}

/* A branch (@w without its offset) from the next word to @target. */
static void emit_branch(struct gen *g, u32 w, u32 target)
{
	s32 off = ((s32)target - (s32)(here(g) + 4)) >> 2;

	emit(g, w | ((u32)off & 0xffff));
}

static u32 gpr_off(const struct gen *g, unsigned int r)
{
	return g->l->gpr + 4 * r;
}

/* The guest registers the refill vector saved in gpr[]. */
static bool in_memory(unsigned int r)
{
	return MVC_TRACE_SAVED_GPRS >> r & 1;
}

/* The host register holding guest register @r, if it lives in one. */
static unsigned int host_of(unsigned int r)
{
	if (r == 26)
		return H_K0;
	if (r == 27)
		return H_A1;
	return r;		/* 0, 16-23, 28-30 */
}

/* A host register with the guest's @r in it, loaded into @tmp if need be. */
static unsigned int read_reg(struct gen *g, unsigned int r, unsigned int tmp)
{
	if (!in_memory(r))
		return host_of(r);
	emit(g, ENC_I(OP_LW, H_K1, tmp, gpr_off(g, r)));
	return tmp;
}

/* Where to compute the guest's @r: itself, or @tmp and then gpr[]. */
static unsigned int write_reg(unsigned int r, unsigned int tmp)
{
	return in_memory(r) ? tmp : host_of(r);
}

static void store_back(struct gen *g, unsigned int r, unsigned int tmp)
{
	if (in_memory(r))
		emit(g, ENC_I(OP_SW, H_K1, tmp, gpr_off(g, r)));
}

/* "b @target" with "ori t9, zero, the stop" in its delay slot. */
static void emit_to(struct gen *g, u32 target, unsigned int i,
		    unsigned int ncp0)
{
	emit_branch(g, ENC_I(OP_BEQ, 0, 0, 0), target);
	emit(g, ENC_I(OP_ORI, 0, H_T9, MVC_TRACE_STOP(i, ncp0)));
}

/*
 * The ALU instructions that cannot trap: which fields are sources, which
 * is the destination.  Return false for anything else.
 */
static bool alu_fields(u32 w, unsigned int *src, unsigned int *dst)
{
	unsigned int rs = MVC_RS(w), sa = MVC_SA(w);

	*src = 0;
	switch (MVC_OP(w)) {
	case MVC_OP_SPECIAL:
		*dst = F_RD;
		switch (MVC_FUNCT(w)) {
		case 0x00:		/* sll */
		case 0x03:		/* sra */
			*src = 1u << F_RT;
			return rs == 0;
		case 0x02:		/* srl, rotr: rs is the R bit */
			*src = 1u << F_RT;
			return rs <= 1;
		case 0x04:		/* sllv */
		case 0x07:		/* srav */
			*src = 1u << F_RS | 1u << F_RT;
			return sa == 0;
		case 0x06:		/* srlv, rotrv: sa is the R bit */
			*src = 1u << F_RS | 1u << F_RT;
			return sa <= 1;
		case 0x0a:		/* movz */
		case 0x0b:		/* movn */
			*src = 1u << F_RS | 1u << F_RT | 1u << F_RD;
			return sa == 0;
		case 0x21:		/* addu */
		case 0x23:		/* subu */
		case 0x24:		/* and */
		case 0x25:		/* or */
		case 0x26:		/* xor */
		case 0x27:		/* nor */
		case 0x2a:		/* slt */
		case 0x2b:		/* sltu */
			*src = 1u << F_RS | 1u << F_RT;
			return sa == 0;
		}
		return false;
	case OP_ADDIU:
	case OP_SLTI:
	case OP_SLTIU:
	case OP_ANDI:
	case OP_ORI:
	case OP_XORI:
		*src = 1u << F_RS;
		*dst = F_RT;
		return true;
	case OP_LUI:
		*dst = F_RT;
		return rs == 0;
	case MVC_OP_SPECIAL3:
		*dst = F_RT;
		if (MVC_FUNCT(w) == 0x00) {		/* ext */
			*src = 1u << F_RS;
			return true;
		}
		if (MVC_FUNCT(w) == 0x04) {		/* ins */
			*src = 1u << F_RS | 1u << F_RT;
			return true;
		}
		return false;
	}
	return false;
}

/* What the translation does with an instruction. */
enum kind { K_STOP, K_ALU, K_LOAD, K_MFC0, K_MTC0, K_TLBW, K_ERET };

static unsigned int cp0_id(u32 w)
{
	return MVC_RD(w) * 8 + MVC_SEL(w);
}

/*
 * The one place that decides what translates, @sites loads in: K_STOP
 * for anything the guest must run itself, a load past the sites' room
 * included.
 */
static enum kind classify(const struct mvc_trace_in *in, u32 w,
			  unsigned int sites)
{
	unsigned int src, dst, id = cp0_id(w);

	if (alu_fields(w, &src, &dst))
		return K_ALU;
	if (MVC_OP(w) == OP_LW)
		return sites < MVC_TRACE_MAX_SITES ? K_LOAD : K_STOP;
	if (MVC_OP(w) != MVC_OP_COP0)
		return K_STOP;
	if (w == MVC_INSN_CO(MVC_CO_TLBWI) || w == MVC_INSN_CO(MVC_CO_TLBWR))
		return K_TLBW;
	if (w == MVC_INSN_CO(MVC_CO_ERET))
		return K_ERET;
	if (w & 0x7f8)
		return K_STOP;
	if (MVC_RS(w) == MVC_COP0_MF && in->cls[id] & MVC_CP0_FAST_READ)
		return K_MFC0;
	/*
	 * No write of EntryHi, whatever its class: the first TLB write's
	 * shortcut (fastpath.S, mvc_trace_tlbw_offset) relies on it.
	 */
	if (MVC_RS(w) == MVC_COP0_MT && id != MVC_CP0_ENTRYHI &&
	    in->cls[id] & MVC_CP0_FAST_WRITE)
		return K_MTC0;
	return K_STOP;
}

/* The same instruction on host registers. */
static void alu(struct gen *g, u32 w, unsigned int src, unsigned int dst)
{
	static const struct {
		unsigned int field, tmp;
	} f[] = { { F_RS, H_T2 }, { F_RT, H_T3 }, { F_RD, H_T4 } };
	unsigned int d = (w >> dst) & 0x1f, hd = write_reg(d, H_T4);
	unsigned int i;

	if (!d)
		return;		/* no effect: nothing to do */
	for (i = 0; i < 3; i++) {
		unsigned int r = (w >> f[i].field) & 0x1f;
		unsigned int h;

		if (!(src & 1u << f[i].field))
			continue;
		/* A source that is also the destination reads it in place. */
		h = read_reg(g, r, f[i].field == dst ? H_T4 : f[i].tmp);
		w = (w & ~(0x1fu << f[i].field)) | h << f[i].field;
	}
	w = (w & ~(0x1fu << dst)) | hd << dst;
	emit(g, w);
	store_back(g, d, H_T4);
}

/*
 * lw rt, off(base) of gKSEG0/gKSEG1 RAM: the address's page (with its
 * low two bits: an unaligned address never matches) against the site's
 * cache, else trace_xlate fills it or stops at this instruction.
 */
static void load(struct gen *g, u32 w, unsigned int i)
{
	u32 site = MVC_TRACE_SITES + MVC_TRACE_SITE_SIZE * g->t->nsites++;
	unsigned int rt = MVC_RT(w);
	unsigned int b = read_reg(g, MVC_RS(w), H_T2);
	unsigned int hd = rt ? write_reg(rt, H_T4) : H_T4;

	emit(g, ENC_I(OP_ADDIU, b, H_T4, MVC_IMM(w)));
	emit(g, ENC_I(OP_ANDI, H_T4, H_T5, 0xffc));
	emit(g, ENC_R(H_T4, H_T5, H_T6, FN_XOR));	/* the tag */
	emit(g, ENC_I(OP_LW, H_K1, H_T7, site));
	emit(g, ENC_I(OP_BEQ, H_T6, H_T7, 4));
	emit(g, ENC_I(OP_LW, H_K1, H_T7, site + 4));
	emit(g, ENC_I(OP_ADDIU, H_K1, H_A0, site));
	emit_branch(g, ENC_I(OP_REGIMM, 0, RT_BGEZAL, 0), g->l->xlate);
	emit(g, ENC_I(OP_ORI, 0, H_T9, MVC_TRACE_STOP(i, g->ncp0)));
	emit(g, ENC_R(H_T7, H_T5, H_T7, FN_OR));
	emit(g, ENC_I(OP_LW, H_T7, hd, 0));
	g->mask_ok = false;	/* trace_xlate's FIND_SLOT clobbers t8 */
	if (rt)
		store_back(g, rt, H_T4);
}

/* mfc0 of a register the vector serves as plain data (classify()). */
static void mfc0(struct gen *g, u32 w)
{
	unsigned int rt = MVC_RT(w);

	if (!rt)
		return;
	emit(g, ENC_I(OP_LW, H_V1, write_reg(rt, H_T4), 4 * cp0_id(w)));
	store_back(g, rt, H_T4);
}

/* mtc0 of a register whose write is a plain masked store (classify()). */
static void mtc0(struct gen *g, u32 w)
{
	u32 off = 4 * cp0_id(w), mask = g->in->wmask[cp0_id(w)];
	unsigned int v;

	if (!mask)
		return;		/* writes are ignored */
	/* reg = reg ^ ((reg ^ value) & mask), the mask kept in t8 */
	v = read_reg(g, MVC_RT(w), H_T2);
	emit(g, ENC_I(OP_LW, H_V1, H_T3, off));
	if (!g->mask_ok || g->mask != mask) {
		emit(g, ENC_I(OP_LUI, 0, H_T8, mask >> 16));
		emit(g, ENC_I(OP_ORI, H_T8, H_T8, mask));
		g->mask = mask;
		g->mask_ok = true;
	}
	emit(g, ENC_R(H_T3, v, H_T5, FN_XOR));
	emit(g, ENC_R(H_T5, H_T8, H_T5, FN_AND));
	emit(g, ENC_R(H_T3, H_T5, H_T5, FN_XOR));
	emit(g, ENC_I(OP_SW, H_V1, H_T5, off));
}

/*
 * tlbwi/tlbwr by the vector's own TLB write, which clobbers a1: the
 * guest's k1 waits in gpr[] meanwhile (where a stop finds it too).
 */
static void tlbw(struct gen *g, u32 w, unsigned int i)
{
	/* t0 = 0: the first, whose new range has no shadow entry yet */
	emit(g, ENC_I(OP_ORI, 0, H_T0, g->ntlbw != 0));
	g->ntlbw++;
	emit(g, ENC_I(OP_SW, H_K1, H_A1, gpr_off(g, 27)));
	emit(g, ENC_I(OP_LUI, 0, H_T2, w >> 16));
	emit(g, ENC_I(OP_ORI, H_T2, H_T2, w));
	emit_branch(g, ENC_I(OP_REGIMM, 0, RT_BGEZAL, 0), g->l->tlbw);
	emit(g, ENC_I(OP_ORI, 0, H_T9, MVC_TRACE_STOP(i, g->ncp0)));
	emit(g, ENC_I(OP_LW, H_K1, H_A1, gpr_off(g, 27)));
	g->mask_ok = false;
}

/* Translate instruction @i of kind @k (not K_STOP or K_ERET). */
static void translate_one(struct gen *g, unsigned int i, enum kind k)
{
	u32 w = g->in->insn[i];
	unsigned int src, dst;

	switch (k) {
	case K_ALU:
		alu_fields(w, &src, &dst);
		alu(g, w, src, dst);
		break;
	case K_LOAD:
		load(g, w, i);
		break;
	case K_MFC0:
		mfc0(g, w);
		g->ncp0++;
		break;
	case K_MTC0:
		mtc0(g, w);
		g->ncp0++;
		break;
	case K_TLBW:
		tlbw(g, w, i);
		g->ncp0++;
		break;
	default:
		break;
	}
}

/*
 * How many instructions from the start translate (the words to check are
 * those and the one it stops at), without emitting anything.
 */
static unsigned int translatable(const struct mvc_trace_in *in)
{
	unsigned int i, sites = 0;

	for (i = 0; i < in->n && i < MVC_TRACE_MAX_INSNS; i++) {
		enum kind k = classify(in, in->insn[i], sites);

		if (k == K_STOP || k == K_ERET)
			break;
		sites += k == K_LOAD;
	}
	return i;
}

/**
 * mvc_trace_translate() - translate a guest refill handler
 * @in: its words and the VCPU's CP0 classes
 * @l: where the trace's data and the vector's routines are in the block
 * @t: filled with the code, the words it checks and what it covers
 *
 * The code first checks the words it was made from and the one it stops
 * at (trace_changed if one differs), then runs the instructions that
 * translate, up to an eret (trace_eret) or a stop (trace_bail).  It fits
 * t->code whatever the handler: it stops early when the room runs out.
 */
void mvc_trace_translate(const struct mvc_trace_in *in,
			 const struct mvc_trace_layout *l, struct mvc_trace *t)
{
	struct gen g = { .in = in, .l = l, .t = t };
	unsigned int n = translatable(in), nchk, i;

	t->ncode = 0;
	t->nsites = 0;
	t->complete = false;
	for (i = 0; i < MVC_TRACE_MAX_INSNS; i++)
		t->copy[i] = 0;
	nchk = n < in->n ? n + 1 : n;

	emit(&g, ENC_I(OP_LUI, 0, H_T0, in->insn_k0 >> 16));
	emit(&g, ENC_I(OP_ORI, H_T0, H_T0, in->insn_k0));
	if (nchk)
		emit(&g, ENC_I(OP_LW, H_T0, H_T2, 0));
	for (i = 0; i < nchk; i++) {
		t->copy[i] = in->insn[i];
		emit(&g, ENC_I(OP_LW, H_K1, H_T3, MVC_TRACE_COPY + 4 * i));
		emit_branch(&g, ENC_I(OP_BNE, H_T2, H_T3, 0), l->changed);
		/* The next word, harmless when this one differs. */
		emit(&g, i + 1 < nchk ? ENC_I(OP_LW, H_T0, H_T2, 4 * (i + 1)) : 0);
	}

	for (i = 0; i < n; i++)
		translate_one(&g, i, classify(in, in->insn[i], t->nsites));
	t->ninsns = n;
	if (n < in->n && classify(in, in->insn[n], t->nsites) == K_ERET) {
		emit_to(&g, l->eret, n, g.ncp0);
		t->complete = true;
		return;
	}
	emit_to(&g, l->bail, n, g.ncp0);
}
