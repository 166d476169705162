// SPDX-License-Identifier: GPL-2.0
/*
 * user_window_test.c - the user window: guest user mode may touch only
 * [base, end) of its 2 GiB, set by MIPSVCPU_CREATE_VM or by the DTB's
 * user_window.  The guest program uwindow loads, stores and jumps across
 * every edge (guests/tests/uwindow.c); what it must report is computed
 * here from the window alone, and checked with the vector's fast paths on
 * and off.  Also: the arguments MIPSVCPU_CREATE_VM refuses, the window
 * from a DTB, one source for it, and vcpuctl info showing it.
 */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB		(1u << 20)
#define USER_TOP	0x80000000u
#define JR_RA		0x03e00008u	/* the kernel page's first word */
#define USER_STORE	0x40000000u	/* what the user code stores */

/* One step of the user code in uwindow.c. */
struct step {
	uint32_t addr;
	char kind;		/* 'l'oad, 's'tore, 'f'etch, 'd'elay-slot load */
	bool mapped;		/* by the guest TLB */
	bool reported;		/* followed by a syscall with the value */
	uint32_t value;
};

static const struct step steps[] = {
	[1] = { 0x40001000u, 'l', true, true, 0x11110001u },
	[2] = { 0x70000000u, 'l', true, true, JR_RA },
	[3] = { 0x70000008u, 's', true },
	[4] = { 0x70000000u, 'f', true },
	[5] = { 0x40003000u, 'l', true },
	[6] = { 0x40002000u, 'l', true, true, 0x22220002u },
	[7] = { 0x40003000u, 'l', true },
	[8] = { 0x40003004u, 's', true },
	[9] = { 0x3fffe000u, 'l', true },
	[10] = { 0x3ffff000u, 'l', true, true, 0xffff000fu },
	[11] = { 0x3fffe000u, 'l', true },
	[12] = { 0x00400000u, 'l', true },
	[13] = { 0x3ffe0000u, 'l', false },
	[14] = { 0x80000000u, 'l', true },
	[15] = { 0x70000000u, 'd', true },
};

#define NSTEPS	(sizeof(steps) / sizeof(steps[0]))

static bool inside(uint32_t base, uint32_t end, uint32_t addr)
{
	return addr >= base && addr < end && addr < USER_TOP;
}

/*
 * What uwindow reports under [base, end): outside the window an address
 * error (AdES for stores; for a fetch EPC is the address itself, in a
 * delay slot EPC is the branch); inside, a page the guest TLB does not map
 * takes the guest's refill vector; everything else works.
 */
static unsigned int expected(uint32_t base, uint32_t end, uint32_t *want)
{
	unsigned int n = 0, i;

	want[n++] = JR_RA;		/* the kernel reads its page first */
	for (i = 1; i < NSTEPS; i++) {
		const struct step *s = &steps[i];
		bool in = inside(base, end, s->addr);

		if (!in) {
			want[n++] = i << 16 | (s->kind == 's' ? 5 : 4) << 8 |
				    (s->kind == 'd') << 7 | 1 << 4;
			want[n++] = s->addr;
		} else if (!s->mapped) {
			want[n++] = i << 16 | 2 << 8 | 1 << 4 | 1;
			want[n++] = s->addr;
		}
		if (s->reported) {
			want[n++] = 0x5c000000u | i << 16;
			want[n++] = in ? s->value : 0;
		}
	}
	want[n++] = inside(base, end, steps[3].addr) ? USER_STORE : 0;
	want[n++] = inside(base, end, steps[8].addr) ? USER_STORE : 0;
	want[n++] = JR_RA;		/* the kernel view is not affected */
	want[n++] = steps[1].value;
	return n;
}

static void check_reports(struct __test_metadata *_metadata,
			  struct mvc_guest *g, uint32_t base, uint32_t end,
			  const char *what)
{
	uint32_t want[MVC_MAX_REPORTS];
	unsigned int n = expected(base, end, want), i;
	bool same = n == g->nreports;

	for (i = 0; i < n && i < g->nreports; i++)
		same = same && want[i] == g->reports[i];
	if (same)
		return;
	for (i = 0; i < n || i < g->nreports; i++)
		TH_LOG("%s [%#x, %#x) report %u: want %#x got %#x", what, base,
		       end, i, i < n ? want[i] : 0,
		       i < g->nreports ? g->reports[i] : 0);
	EXPECT_TRUE(same);
}

static void run_checked(struct __test_metadata *_metadata,
			const struct mvc_guest_opts *o, uint32_t base,
			uint32_t end, const char *what)
{
	struct mvc_guest *g = mvc_guest_create_with("uwindow", 16 * MIB, o);

	EXPECT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 30000)) TH_LOG("%s", what);
	EXPECT_TRUE(g->finished) TH_LOG("%s", what);
	EXPECT_EQ(0, g->result) TH_LOG("%s", what);
	check_reports(_metadata, g, base, end, what);
	mvc_guest_destroy(g);
}

static const struct {
	uint32_t base, end;
	const char *what;
} shapes[] = {
	{ 0, USER_TOP, "all of it, explicitly" },
	{ 0x40000000u, 0x70000000u, "Linux's: vmalloc at 0x70000000 is out" },
	{ 0x40000000u, 0x40003000u, "ends inside a host TLB pair" },
	{ 0x3ffff000u, 0x70000000u, "starts inside a host TLB pair" },
};

/* Every shape, with the vector's fast paths on, then off. */
TEST(user_mode_sees_only_its_window)
{
	struct mvc_guest_opts o = { 0 };
	unsigned int i;
	int fast;

	/* No window given: all of the user view, as the seed's map says. */
	run_checked(_metadata, &o, 0, USER_TOP, "default");
	for (fast = 1; fast >= 0; fast--) {
		if (mvc_set_param("fast_refill", fast) ||
		    mvc_set_param("fast_emulate", fast))
			SKIP(return, "cannot write the module parameters");
		for (i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
			memset(&o, 0, sizeof(o));
			o.vm.flags = MIPSVCPU_VM_USER_WINDOW;
			o.vm.user_base = shapes[i].base;
			o.vm.user_end = shapes[i].end;
			run_checked(_metadata, &o, shapes[i].base, shapes[i].end,
				    shapes[i].what);
		}
	}
	mvc_set_param("fast_refill", 1);
	mvc_set_param("fast_emulate", 1);
}

TEST(create_vm_checks_the_window)
{
	static const uint32_t good[][2] = {
		{ 0, 0x80000000u }, { 0x40000000u, 0x70000000u },
		{ 0x7ffff000u, 0x80000000u }, { 0, 0x1000 },
	};
	static const uint32_t bad[][2] = {
		{ 0x40000800u, 0x70000000u },	/* unaligned base */
		{ 0x40000000u, 0x70000001u },	/* unaligned end */
		{ 0x40000000u, 0x40000000u },	/* empty */
		{ 0x70000000u, 0x40000000u },	/* reversed */
		{ 0x40000000u, 0x80001000u },	/* past the user view */
		{ 0x80000000u, 0xc0000000u },	/* the host's */
		{ 0, 0 },
	};
	struct mipsvcpu_create_vm a;
	int dev = mvc_open_dev(), fd;
	unsigned int i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&a, 0, sizeof(a));
		a.flags = MIPSVCPU_VM_USER_WINDOW;
		a.user_base = good[i][0];
		a.user_end = good[i][1];
		fd = ioctl(dev, MIPSVCPU_CREATE_VM, &a);
		EXPECT_LE(0, fd) TH_LOG("%#x-%#x", good[i][0], good[i][1]);
		close(fd);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&a, 0, sizeof(a));
		a.flags = MIPSVCPU_VM_USER_WINDOW;
		a.user_base = bad[i][0];
		a.user_end = bad[i][1];
		EXPECT_EQ(-1, ioctl(dev, MIPSVCPU_CREATE_VM, &a))
			TH_LOG("%#x-%#x", bad[i][0], bad[i][1]);
		EXPECT_EQ(EINVAL, errno);
	}
	/* Without the flag the fields must be 0. */
	memset(&a, 0, sizeof(a));
	a.user_end = 0x70000000u;
	EXPECT_EQ(-1, ioctl(dev, MIPSVCPU_CREATE_VM, &a));
	EXPECT_EQ(EINVAL, errno);
	a.user_end = 0;
	a.user_base = 0x1000;
	EXPECT_EQ(-1, ioctl(dev, MIPSVCPU_CREATE_VM, &a));
	EXPECT_EQ(EINVAL, errno);
	close(dev);
}

static char dt_path[256];

static const char *dtb(const char *name)
{
	char self[200];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	self[n > 0 ? n : 0] = 0;
	*(strrchr(self, '/') ? strrchr(self, '/') : self) = 0;
	snprintf(dt_path, sizeof(dt_path), "%s/dt/%s.dtb", self, name);
	return dt_path;
}

static size_t read_dtb(const char *name, void *buf, size_t max)
{
	int fd = open(dtb(name), O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, max);
	close(fd);
	return n > 0 ? n : 0;
}

/* dt/ok-user-window.dts: user_window = <0x40000000 0x70000000>. */
TEST(the_dtb_sets_the_window)
{
	static char blob[MIPSVCPU_MAX_DTB_SIZE];
	struct mvc_guest_opts o = { .dtb = blob };
	struct mipsvcpu_guest_desc desc;
	struct mipsvcpu_guest_dt a = { 0 };
	int dev = mvc_open_dev(), vm;

	o.dtb_len = read_dtb("ok-user-window", blob, sizeof(blob));
	ASSERT_LT(100, o.dtb_len);
	run_checked(_metadata, &o, 0x40000000u, 0x70000000u, "from the DTB");

	/* The description says which window the VM has. */
	a.blob = (uintptr_t)blob;
	a.blob_size = o.dtb_len;
	a.desc = (uintptr_t)&desc;
	a.desc_size = sizeof(desc);
	vm = mvc_create_vm(dev);
	ASSERT_EQ(0, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(0x40000000u, desc.user_base);
	EXPECT_EQ(0x70000000u, desc.user_end);
	close(vm);
	close(dev);
}

/* The window is set once: by MIPSVCPU_CREATE_VM or by the DTB. */
TEST(one_source_for_the_window)
{
	static char blob[MIPSVCPU_MAX_DTB_SIZE];
	struct mipsvcpu_create_vm c = {
		.flags = MIPSVCPU_VM_USER_WINDOW,
		.user_base = 0x40000000u, .user_end = 0x60000000u,
	};
	struct mipsvcpu_guest_desc desc;
	struct mipsvcpu_guest_dt a = { 0 };
	int dev = mvc_open_dev(), vm;
	char msg[256] = "";

	a.blob = (uintptr_t)blob;
	a.desc = (uintptr_t)&desc;
	a.desc_size = sizeof(desc);
	a.error = (uintptr_t)msg;
	a.error_size = sizeof(msg);
	a.blob_size = read_dtb("ok-user-window", blob, sizeof(blob));
	vm = mvc_ioctl(dev, MIPSVCPU_CREATE_VM, &c);
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_STREQ("property \"user_window\": MIPSVCPU_CREATE_VM set the VM's user window",
		     msg);
	close(vm);
	/* A DTB without the property keeps the VM's window. */
	a.blob_size = read_dtb("ok-minimal", blob, sizeof(blob));
	vm = mvc_ioctl(dev, MIPSVCPU_CREATE_VM, &c);
	EXPECT_EQ(0, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a)) TH_LOG("%s", msg);
	EXPECT_EQ(0x40000000u, desc.user_base);
	EXPECT_EQ(0x60000000u, desc.user_end);
	close(vm);
	/* ... and a VM without either has all of the user view. */
	vm = mvc_create_vm(dev);
	EXPECT_EQ(0, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(0, desc.user_base);
	EXPECT_EQ(USER_TOP, desc.user_end);
	close(vm);
	close(dev);
}

static int vcpuctl_info(const char *name, char *out, size_t len)
{
	char cmd[512];
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "vcpuctl info %s 2>&1", dtb(name));
	f = popen(cmd, "r");
	if (!f)
		return -1;
	n = fread(out, 1, len - 1, f);
	out[n] = 0;
	return pclose(f);
}

TEST(vcpuctl_info_shows_the_window)
{
	char out[4096];

	EXPECT_EQ(0, vcpuctl_info("ok-user-window", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "user window: 0x40000000-0x6fffffff (user mode beyond it: address errors)\n") != NULL)
		TH_LOG("%s", out);
	EXPECT_EQ(0, vcpuctl_info("ok-minimal", out, sizeof(out)));
	EXPECT_TRUE(strstr(out, "user window: 0x00000000-0x7fffffff (all of the user view)\n") != NULL)
		TH_LOG("%s", out);
}

TEST(nothing_left_behind)
{
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

TEST_HARNESS_MAIN
