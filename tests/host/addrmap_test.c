// SPDX-License-Identifier: GPL-2.0
/*
 * addrmap_test.c - host unit tests of module/addrmap.c.
 *
 * The oracle is a second, independent formulation of SPEC.md's table: in
 * the kernel view a guest address stands for the real address gva +
 * 0x80000000, which a real MIPS32 CPU in kernel mode classifies by its top
 * three bits; in the user view, an address outside the VM's user window
 * is refused as kernel space is.  The tests compare the two at every
 * segment and window boundary, at +-1 byte and +-1 page around each, and
 * on a stride through all 4 GiB, for several windows.
 */
#include "kselftest_harness.h"
#include "../../module/addrmap.h"

struct expect {
	enum mvc_segment seg;
	bool mapped;
	unsigned int gpa;
	enum mvc_cache_attr cache;
};

static const struct mvc_uwin all = { 0, 0x80000000u };

/* Windows as VMs set them: everything, Linux's, odd pages at either end. */
static const struct mvc_uwin windows[] = {
	{ 0, 0x80000000u },
	{ 0x40000000u, 0x70000000u },
	{ 0x3ffff000u, 0x40003000u },
	{ 0x00001000u, 0x00002000u },
	{ 0x7ffff000u, 0x80000000u },
};

static struct expect oracle(bool kernel_view, const struct mvc_uwin *w,
			    unsigned int gva)
{
	struct expect e = { MVC_SEG_ADDRESS_ERROR, false, 0, MVC_CACHE_CACHED };
	unsigned int real;

	if (gva & 0x80000000u)
		return e;
	if (!kernel_view && (gva < w->base || gva >= w->end))
		return e;
	if (!kernel_view) {
		e.seg = MVC_SEG_GUSEG;
		e.mapped = true;
		e.cache = MVC_CACHE_FROM_TLB;
		return e;
	}
	real = gva + 0x80000000u;
	switch (real >> 29) {
	case 4:	/* 0x80000000: KSEG0 */
		e.seg = MVC_SEG_GKSEG0;
		e.gpa = real & 0x1fffffffu;
		break;
	case 5:	/* 0xa0000000: KSEG1 */
		e.seg = MVC_SEG_GKSEG1;
		e.gpa = real & 0x1fffffffu;
		e.cache = MVC_CACHE_UNCACHED;
		break;
	case 6:	/* 0xc0000000: KSSEG/KSEG2 */
		e.seg = MVC_SEG_GKSEG2;
		e.mapped = true;
		e.cache = MVC_CACHE_FROM_TLB;
		break;
	default: /* 0xe0000000: KSEG3 */
		e.seg = MVC_SEG_GKSEG3;
		e.mapped = true;
		e.cache = MVC_CACHE_FROM_TLB;
		break;
	}
	return e;
}

static int check_one(struct __test_metadata *_metadata, bool kv,
		     const struct mvc_uwin *w, unsigned int gva)
{
	struct expect e = oracle(kv, w, gva);
	struct mvc_addr a;

	mvc_classify(kv, w, gva, &a);
	EXPECT_EQ(e.seg, a.seg) TH_LOG("view %d gva %#x", kv, gva);
	EXPECT_EQ(e.mapped, a.mapped) TH_LOG("view %d gva %#x", kv, gva);
	EXPECT_EQ(e.cache, a.cache) TH_LOG("view %d gva %#x", kv, gva);
	if (!e.mapped && e.seg != MVC_SEG_ADDRESS_ERROR)
		EXPECT_EQ(e.gpa, a.gpa) TH_LOG("view %d gva %#x", kv, gva);
	return e.seg == a.seg && e.mapped == a.mapped;
}

static const unsigned int boundaries[] = {
	0x00000000u, 0x1fc00000u, 0x20000000u, 0x3fc00000u, 0x40000000u,
	0x60000000u, 0x80000000u, 0xa0000000u, 0xc0000000u, 0xe0000000u,
	0xfffff000u,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void check_around(struct __test_metadata *_metadata,
			 const struct mvc_uwin *w, unsigned int at)
{
	static const int deltas[] = { -4096, -1, 0, 1, 4095, 4096 };
	unsigned int j;
	int kv;

	for (kv = 0; kv < 2; kv++)
		for (j = 0; j < N(deltas); j++)
			check_one(_metadata, kv, w, at + (unsigned int)deltas[j]);
}

TEST(boundaries_both_views)
{
	unsigned int i, k;

	for (k = 0; k < N(windows); k++) {
		for (i = 0; i < N(boundaries); i++)
			check_around(_metadata, &windows[k], boundaries[i]);
		check_around(_metadata, &windows[k], windows[k].base);
		check_around(_metadata, &windows[k], windows[k].end);
	}
}

TEST(stride_through_4g)
{
	unsigned long long gva;
	unsigned int k;
	int kv, bad = 0;

	for (k = 0; k < N(windows); k++)
		for (kv = 0; kv < 2; kv++)
			for (gva = 0; gva < 0x100000000ull; gva += 0x10001ull)
				bad += !check_one(_metadata, kv, &windows[k],
						  (unsigned int)gva);
	EXPECT_EQ(0, bad);
}

/* The kernel view never looks at the window. */
TEST(kernel_view_ignores_the_window)
{
	static const struct mvc_uwin none_low = { 0x40000000u, 0x40001000u };
	struct mvc_addr a, b;
	unsigned long long gva;

	for (gva = 0; gva < 0x100000000ull; gva += 0x1001ull) {
		mvc_classify(true, &all, (unsigned int)gva, &a);
		mvc_classify(true, &none_low, (unsigned int)gva, &b);
		ASSERT_EQ(a.seg, b.seg);
		ASSERT_EQ(a.gpa, b.gpa);
	}
}

TEST(window_rules)
{
	EXPECT_EQ(MVC_UWIN_OK, mvc_uwin_check(0, 0x80000000u));
	EXPECT_EQ(MVC_UWIN_OK, mvc_uwin_check(0x40000000u, 0x70000000u));
	EXPECT_EQ(MVC_UWIN_OK, mvc_uwin_check(0x7ffff000u, 0x80000000u));
	EXPECT_EQ(MVC_UWIN_UNALIGNED, mvc_uwin_check(0x40000800u, 0x70000000u));
	EXPECT_EQ(MVC_UWIN_UNALIGNED, mvc_uwin_check(0, 0x7fffffffu));
	EXPECT_EQ(MVC_UWIN_BEYOND, mvc_uwin_check(0, 0x80001000u));
	EXPECT_EQ(MVC_UWIN_BEYOND, mvc_uwin_check(0x80000000u, 0x90000000u));
	EXPECT_EQ(MVC_UWIN_EMPTY, mvc_uwin_check(0x1000, 0x1000));
	EXPECT_EQ(MVC_UWIN_EMPTY, mvc_uwin_check(0x2000, 0x1000));
	EXPECT_EQ(MVC_UWIN_EMPTY, mvc_uwin_check(0, 0));
}

TEST(aliases_of_kseg0_and_kseg1)
{
	struct mvc_addr a0, a1;

	/* The same guest physical byte seen through gKSEG0 and gKSEG1. */
	mvc_classify(true, &all, 0x00123454u, &a0);
	mvc_classify(true, &all, 0x20123454u, &a1);
	EXPECT_EQ(a0.gpa, a1.gpa);
	EXPECT_EQ(MVC_CACHE_CACHED, a0.cache);
	EXPECT_EQ(MVC_CACHE_UNCACHED, a1.cache);
	/* The reset vector. */
	mvc_classify(true, &all, 0x3fc00000u, &a1);
	EXPECT_EQ(0x1fc00000u, a1.gpa);
	EXPECT_EQ(MVC_SEG_GKSEG1, a1.seg);
}

TEST(view_follows_status)
{
	/* KSU kernel/super/user x EXL x ERL */
	unsigned int ksu, exl, erl, st;

	for (ksu = 0; ksu < 4; ksu++)
		for (exl = 0; exl < 2; exl++)
			for (erl = 0; erl < 2; erl++) {
				st = ksu << MVC_ST_KSU_SHIFT |
				     exl * MVC_ST_EXL | erl * MVC_ST_ERL |
				     0xffff0000u;
				EXPECT_EQ(ksu == 0 || exl || erl,
					  mvc_kernel_view(st))
					TH_LOG("ksu %u exl %u erl %u", ksu, exl, erl);
			}
}

TEST(segment_names)
{
	EXPECT_STREQ("gKSEG0", mvc_segment_name(MVC_SEG_GKSEG0));
	EXPECT_STREQ("gUSEG", mvc_segment_name(MVC_SEG_GUSEG));
	EXPECT_STREQ("address-error", mvc_segment_name(MVC_SEG_ADDRESS_ERROR));
}

TEST_HARNESS_MAIN
