// SPDX-License-Identifier: GPL-2.0
/*
 * memory_test.c - guest memory slots and VCPUs: argument validation,
 * pinning at the guest's first touch and what it guarantees across
 * munmap() and fork(), how pinned memory is
 * charged, guest writes to file-backed memory, several VCPUs in one VM,
 * and the internal errors for what MMIO cannot do.
 */
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)

FIXTURE(vm)
{
	int dev, vm;
	void *mem;
};

FIXTURE_SETUP(vm)
{
	self->dev = mvc_open_dev();
	self->vm = mvc_create_vm(self->dev);
	self->mem = mmap(NULL, 4 * MIB, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(self->mem != MAP_FAILED);
}

FIXTURE_TEARDOWN(vm)
{
	close(self->vm);
	close(self->dev);
	munmap(self->mem, 4 * MIB);
}

static int set_region(int vm, uint32_t slot, uint32_t flags, uint64_t gpa,
		      uint64_t size, void *mem)
{
	struct mipsvcpu_memory_region r = {
		.slot = slot, .flags = flags, .guest_phys_addr = gpa,
		.size = size, .userspace_addr = (uintptr_t)mem,
	};

	return ioctl(vm, MIPSVCPU_SET_MEMORY_REGION, &r);
}

TEST_F(vm, region_validation)
{
	struct mipsvcpu_memory_region r = { 0 };
	char *m = self->mem;

	/* Good, then each rule broken once. */
	ASSERT_EQ(0, set_region(self->vm, 0, 0, 0, MIB, m));
	/* Nothing is pinned before the guest touches it. */
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
#define BAD(err, ...) do {						\
	EXPECT_EQ(-1, set_region(self->vm, __VA_ARGS__));		\
	EXPECT_EQ(err, errno);						\
} while (0)
	BAD(EINVAL, 16, 0, 2 * MIB, MIB, m);		/* slot out of range */
	BAD(EINVAL, 1, 2, 2 * MIB, MIB, m);		/* unknown flag */
	BAD(EINVAL, 1, 0, 2 * MIB + 1, MIB, m);		/* gpa unaligned */
	BAD(EINVAL, 1, 0, 2 * MIB, MIB + 100, m);	/* size unaligned */
	BAD(EINVAL, 1, 0, 2 * MIB, MIB, m + 1);		/* uaddr unaligned */
	BAD(EINVAL, 1, 0, 0x1ff00000, 2 * MIB, m);	/* past 512 MiB */
	BAD(EINVAL, 1, 0, 0x20000000, 4096, m);		/* at 512 MiB */
	BAD(EINVAL, 1, 0, 0xfffffffffffff000ull, 8192, m); /* wraps */
	BAD(EEXIST, 1, 0, MIB / 2, MIB, m + MIB);	/* overlaps slot 0 */
	BAD(EFAULT, 1, 0, 2 * MIB, MIB, (void *)0x1000);	/* unmapped */
	ASSERT_EQ(0, munmap(m + 3 * MIB, MIB));
	BAD(EFAULT, 1, 0, 2 * MIB, 2 * MIB, m + 2 * MIB);	/* half mapped */
	r.slot = 1;
	r.size = 4096;
	r.userspace_addr = (uintptr_t)m;
	r.guest_phys_addr = 8 * MIB;
	r.reserved[3] = 1;
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_SET_MEMORY_REGION, &r));
	EXPECT_EQ(EINVAL, errno);
	/* Replacing a slot in place and deleting it. */
	EXPECT_EQ(0, set_region(self->vm, 0, 0, 0, 2 * MIB, m));
	EXPECT_EQ(0, set_region(self->vm, 0, 0, 0, 0, NULL));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	/* Read-only memory needs no write access, and a writable slot does. */
	EXPECT_EQ(0, mprotect(m, MIB, PROT_READ));
	BAD(EFAULT, 2, 0, 0x1fc00000, MIB, m);
	EXPECT_EQ(0, set_region(self->vm, 2, MIPSVCPU_MEM_READONLY,
				0x1fc00000, MIB, m));
}

TEST_F(vm, vcpu_validation)
{
	struct mipsvcpu_create_vcpu c = { 0 };
	int fd;

	c.id = MIPSVCPU_MAX_VCPUS;
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EINVAL, errno);
	c.id = 0;
	c.flags = 1;
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EINVAL, errno);
	c.flags = 0;
	c.tlb_size = 65;
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EINVAL, errno);
	c.tlb_size = 0;
	c.reserved[4] = 1;
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EINVAL, errno);
	c.reserved[4] = 0;
	fd = ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EEXIST, errno);
	/* Wrong mmap offset or size. */
	EXPECT_TRUE(mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED);
	EXPECT_TRUE(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096) ==
		    MAP_FAILED);
	/* The VCPU outlives the VM fd. */
	close(self->vm);
	self->vm = -1;
	EXPECT_EQ(1, mvc_read_counter("live_vms"));
	close(fd);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
}

TEST_F(vm, tlb_size_shows_in_config1)
{
	struct mipsvcpu_create_vcpu c = { .tlb_size = 64 };
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(16, 1) };
	int fd = ioctl(self->vm, MIPSVCPU_CREATE_VCPU, &c);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, MIPSVCPU_GET_CP0, &r));
	EXPECT_EQ(63, (r.value >> 25) & 0x3f);
	close(fd);
}

/*
 * Pinning: after munmap() the guest keeps the pages it had; a fork()ed
 * child writing its copy-on-write memory does not reach the guest.
 */
TEST(pinned_memory_survives_munmap_and_fork)
{
	struct mvc_guest *g = mvc_guest_create("spin", 4 * MIB);
	volatile uint32_t *flag = (volatile uint32_t *)g->ram + 0x200000 / 4;
	pid_t pid;
	int status;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		*flag = 0x600d;		/* the child's copy only */
		_exit(0);
	}
	waitpid(pid, &status, 0);
	/* The guest must still be spinning: run it briefly. */
	EXPECT_EQ(-ETIMEDOUT, mvc_guest_run(g, 300));
	EXPECT_FALSE(g->finished);
	/* Release it through our mapping, then unmap all of RAM. */
	*flag = 0x600d;
	munmap(g->ram, g->ram_size);
	g->ram = mmap(NULL, g->ram_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 10000));
	EXPECT_TRUE(g->finished);
	mvc_guest_destroy(g);
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

/*
 * A slot's pages are pinned when the guest first touches them, 16 to a
 * group (MVC_FAULT_PAGES): the mmioloop guest loads from and stores the
 * value it reads into page value % 64 from 4 MiB, here a slot of 56 pages
 * (its last group has 8).  A first touch of memory userspace unmapped
 * fails RUN with EFAULT, and the guest goes on once memory is there
 * again; a group with a hole pins what is mapped from its start and the
 * page touched; pages the guest touched stay its own.
 */
TEST(guest_ram_is_pinned_at_first_touch)
{
	const size_t len = 64 * 4096;
	struct mvc_guest *g = mvc_guest_create("mmioloop", 4 * MIB);
	uint32_t *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long base;

#define TOUCH(page) do {						\
	g->run->mmio.data = (page);					\
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));		\
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);		\
} while (0)
	ASSERT_TRUE(mem != MAP_FAILED);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	base = mvc_read_counter("pinned_pages");	/* the guest's code */
	EXPECT_LT(base, 4 * MIB / 4096);
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, 56 * 4096, mem));
	EXPECT_EQ(base, mvc_read_counter("pinned_pages"));
	TOUCH(5);
	EXPECT_EQ(5, mem[5 * 1024]);
	EXPECT_EQ(base + 16, mvc_read_counter("pinned_pages"));
	/* Pages 32-47, untouched, go; the guest touches page 40. */
	ASSERT_EQ(0, munmap(mem + 32 * 1024, 16 * 4096));
	g->run->mmio.data = 40;
	EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(base + 16, mvc_read_counter("pinned_pages"));
	/* Memory again: the access is repeated into it. */
	ASSERT_TRUE(mmap(mem + 32 * 1024, 16 * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
		    MAP_FAILED);
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	EXPECT_EQ(40, mem[40 * 1024]);
	EXPECT_EQ(base + 32, mvc_read_counter("pinned_pages"));
	/* A hole at the start of group 1: each page touched, alone. */
	ASSERT_EQ(0, munmap(mem + 16 * 1024, 4 * 4096));
	TOUCH(20);
	EXPECT_EQ(20, mem[20 * 1024]);
	EXPECT_EQ(base + 33, mvc_read_counter("pinned_pages"));
	TOUCH(22);
	EXPECT_EQ(base + 34, mvc_read_counter("pinned_pages"));
	/* The last group, 8 pages. */
	TOUCH(50);
	EXPECT_EQ(50, mem[50 * 1024]);
	EXPECT_EQ(base + 42, mvc_read_counter("pinned_pages"));
	/* Unmapping a touched page leaves the guest its page. */
	ASSERT_EQ(0, munmap(mem, 16 * 4096));
	TOUCH(7);
	EXPECT_EQ(base + 42, mvc_read_counter("pinned_pages"));
#undef TOUCH
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, 0, NULL));
	EXPECT_EQ(base, mvc_read_counter("pinned_pages"));
	mvc_guest_destroy(g);
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	munmap(mem + 20 * 1024, len - 20 * 4096);
}

/*
 * The refill vector tries fast_slot[0], the VM's largest slot, before it
 * counts the slots (entry.S): once a VM has no slot left, a fetch from
 * gKSEG0 memory that a removed slot held, pinned, must find nothing.
 * Here the removed slot's code, if it ran, would read TESTDEV_DATA, or
 * fault at its second instruction.  (A stale fast_slot[0] is only seen
 * while its freed table still holds the entries: init_on_free=1 hides it.)
 */
TEST(a_vm_without_slots_reaches_no_removed_memory)
{
	static const uint32_t code[] = {
		0x3c080000 | KSEG1(MVC_TESTDEV_GPA) >> 16,	/* lui t0 */
		0x8d090000 | TESTDEV_DATA,	/* lw t1, TESTDEV_DATA(t0) */
		0x1000ffff,			/* b . */
		0x00000000,
	};
	struct mvc_guest *g = mvc_guest_create("mmioloop", 4 * MIB);
	const size_t len = 8 * MIB;
	uint32_t *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct mipsvcpu_regs regs;

	if (mvc_set_param("fast_refill", 1))
		SKIP(return, "cannot write the fast_refill parameter");
	ASSERT_TRUE(mem != MAP_FAILED);
	memcpy(mem + 0x1004 / 4, code, sizeof(code));
	/* Larger than the RAM slot: the vector's fast_slot[0]. */
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, len, mem));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	g->run->mmio.data = 1;		/* it touches (pins) 4 MiB + 4 KiB */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	EXPECT_EQ(1, mem[0x1000 / 4]);
	ASSERT_EQ(0, set_region(g->vm_fd, 0, 0, MVC_RAM_GPA, 0, NULL));
	ASSERT_EQ(0, set_region(g->vm_fd, 1, 0, MVC_ROM_GPA, 0, NULL));
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, 0, NULL));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_GET_REGS, &regs));
	regs.pc = KSEG0(4 * MIB + 0x1004);	/* the code above */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_SET_REGS, &regs));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(MIPSVCPU_EXIT_INTERNAL_ERROR, g->run->exit_reason);
	EXPECT_EQ(MIPSVCPU_INTERNAL_FETCH, g->run->internal.suberror);
	EXPECT_EQ(KSEG0(4 * MIB + 0x1004), g->run->internal.pc);
	mvc_guest_destroy(g);
	munmap(mem, len);
}

/* A field of /proc/self/status, in KiB. */
static long status_kb(const char *field)
{
	size_t len = strlen(field);
	char line[128];
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, len) && line[len] == ':')
			v = strtol(line + len + 1, NULL, 10);
	fclose(f);
	return v;
}

#define RO MIPSVCPU_MEM_READONLY

/*
 * Issue 13, finding 1: pinned guest memory is charged to the pinning
 * process (VmPin) and, summed over all of a user's processes, held to
 * RLIMIT_MEMLOCK, as the kernel's other long-term pinners do; CAP_IPC_LOCK
 * exempts from the limit.  Before, twenty 512 MiB read-only slots over
 * never-touched memory were accepted under an 8 MiB limit.
 */
TEST(pinned_memory_is_charged_to_memlock)
{
	struct rlimit lim = { 8 * MIB, 8 * MIB };
	int dev = mvc_open_dev(), vm[3], i, status;
	char *ro, *rw;
	pid_t pid;

	if (geteuid() != 0)
		SKIP(return, "needs root to drop privileges");
	ASSERT_EQ(0, setrlimit(RLIMIT_MEMLOCK, &lim));
	rw = mmap(NULL, 16 * MIB, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro = mmap(NULL, 512 * MIB, PROT_READ,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ASSERT_TRUE(rw != MAP_FAILED && ro != MAP_FAILED);

	/* Root (CAP_IPC_LOCK) is counted but not limited. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int v = mvc_create_vm(dev);

		if (set_region(v, 0, 0, 0, 12 * MIB, rw))
			_exit(1);
		_exit(status_kb("VmPin") == 12 * 1024 ? 0 : 2);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));

	/* From here on, a user without CAP_IPC_LOCK. */
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	for (i = 0; i < 3; i++)
		vm[i] = mvc_create_vm(dev);
	for (i = 0; i < 3; i++) {
		EXPECT_EQ(-1, set_region(vm[i], 0, RO, 0, 512 * MIB, ro));
		EXPECT_EQ(ENOMEM, errno);
	}
	EXPECT_EQ(0, status_kb("VmPin"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));

	/* Up to the limit, over several VMs and slots. */
	EXPECT_EQ(0, set_region(vm[0], 0, 0, 0, 4 * MIB, rw));
	EXPECT_EQ(0, set_region(vm[1], 0, RO, 0, 2 * MIB, ro));
	EXPECT_EQ(0, set_region(vm[1], 1, 0, 2 * MIB, 2 * MIB, rw + 4 * MIB));
	EXPECT_EQ(8 * 1024, status_kb("VmPin"));
	EXPECT_EQ(-1, set_region(vm[2], 0, 0, 0, 4096, rw + 8 * MIB));
	EXPECT_EQ(ENOMEM, errno);

	/* Another process of the same user shares the limit. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int v = mvc_create_vm(dev);

		if (set_region(v, 0, 0, 0, 4096, rw + 8 * MIB) != -1 ||
		    errno != ENOMEM)
			_exit(1);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));

	/* Deleting a slot or closing a VM gives the charge back. */
	EXPECT_EQ(0, set_region(vm[1], 1, 0, 0, 0, NULL));
	EXPECT_EQ(6 * 1024, status_kb("VmPin"));
	EXPECT_EQ(0, set_region(vm[2], 0, 0, 0, 2 * MIB, rw + 8 * MIB));
	for (i = 0; i < 3; i++)
		close(vm[i]);
	EXPECT_EQ(0, status_kb("VmPin"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	vm[0] = mvc_create_vm(dev);
	EXPECT_EQ(0, set_region(vm[0], 0, 0, 0, 8 * MIB, rw));
	close(vm[0]);
	close(dev);
}

/*
 * Issue 13, finding 1: a read-only slot over never-touched anonymous
 * memory is backed by the shared zero page.  Pinning it once per guest
 * page raised its reference count by 1024 each time on 6.1 kernels before
 * the stable backport of "mm: Don't pin ZERO_PAGE in pin_user_pages()",
 * and was counted as 131072 pinned pages per slot.  The module does not
 * keep the zero page pinned (it never goes away): root, exempt from
 * RLIMIT_MEMLOCK, can create all twenty, and nothing is held pinned.
 * (Since ABI version 5 creating a slot pins nothing at all; the next test
 * looks at the zero page at the guest's first touch.)
 */
TEST(read_only_slots_over_untouched_memory_do_not_pin_the_zero_page)
{
	int dev = mvc_open_dev(), vm[20], i, ok = 0;
	char *ro = mmap(NULL, 512 * MIB, PROT_READ,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	ASSERT_TRUE(ro != MAP_FAILED);
	for (i = 0; i < 20; i++) {
		vm[i] = mvc_create_vm(dev);
		ok += !set_region(vm[i], 0, RO, 0, 512 * MIB, ro);
	}
	EXPECT_EQ(20, ok);
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	for (i = 0; i < 20; i++)
		close(vm[i]);
	munmap(ro, 512 * MIB);
	close(dev);
}

/*
 * The same at the guest's first touch, since pages are pinned there: the
 * mmioloop guest's load from a read-only slot pins the page's group, and
 * its store then exits as an MMIO write.  Over untouched memory the group
 * is all zero pages, which stay unpinned; over memory userspace wrote it
 * is 16 pinned pages.
 */
TEST(first_touch_of_a_read_only_untouched_slot_pins_no_zero_page)
{
	struct mvc_guest *g = mvc_guest_create("mmioloop", 4 * MIB);
	char *ro = mmap(NULL, 64 * 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long base;
	int i;

	ASSERT_TRUE(ro != MAP_FAILED);
	for (i = 16; i < 32; i++)
		ro[i * 4096] = 1;	/* group 1 populated */
	ASSERT_EQ(0, mprotect(ro, 64 * 4096, PROT_READ));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	base = mvc_read_counter("pinned_pages");
	ASSERT_EQ(0, set_region(g->vm_fd, 2, RO, 4 * MIB, 64 * 4096, ro));
	for (i = 3; i <= 19; i += 16) {
		g->run->mmio.data = i;
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
		EXPECT_EQ(1, g->run->mmio.is_write);
		EXPECT_EQ(4 * MIB + i * 4096, g->run->mmio.phys_addr);
		EXPECT_EQ(i, g->run->mmio.data);
		EXPECT_EQ(base + (i > 16 ? 16 : 0),
			  mvc_read_counter("pinned_pages"));
		/* On to the next read of a value. */
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
		EXPECT_EQ(0, g->run->mmio.is_write);
	}
	mvc_guest_destroy(g);
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
	munmap(ro, 64 * 4096);
}

#define FS_DIR "/tmp/mvc-fs"

/*
 * A minix filesystem on a loop device at FS_DIR: a real filesystem whose
 * page cache is written back and dropped (tmpfs pages never are).
 */
static int mount_scratch_fs(void)
{
	char self[256], cmd[1024];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	self[n > 0 ? n : 0] = 0;
	*(strrchr(self, '/') ? strrchr(self, '/') : self) = 0;
	snprintf(cmd, sizeof(cmd),
		 "for m in loop minix; do insmod /lib/mipsvcpu/extra/$m.ko 2>/dev/null || modprobe -q $m; done; "
		 "mkdir -p %s && { cp %s/minix.img /tmp/mvc-fs.img 2>/dev/null || "
		 "{ truncate -s 4M /tmp/mvc-fs.img && mkfs.minix /tmp/mvc-fs.img; }; } >/dev/null && "
		 "mount -t minix -o loop /tmp/mvc-fs.img %s",
		 FS_DIR, self, FS_DIR);
	return system(cmd);
}

static void drop_caches(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	if (fd >= 0) {
		if (write(fd, "1", 1) != 1)
			perror("drop_caches");
		close(fd);
	}
}

/*
 * Issue 13, finding 2: the guest writes through a shadow entry with D set,
 * which the kernel never sees; a page it wrote after writeback cleaned it
 * must be marked dirty when the slot lets it go, or the write is lost.
 * The mmioloop guest stores each value it reads into page value % 64 from
 * 4 MiB, here the first page of a MAP_SHARED file.
 */
TEST(guest_writes_to_a_file_backed_slot_survive_writeback)
{
	const size_t len = 64 * 4096;
	struct mvc_guest *g;
	uint32_t *file, word = 0;
	char *zeros;
	int fd;

	if (geteuid() != 0 || mount_scratch_fs())
		SKIP(return, "no minix filesystem on a loop device");
	fd = open(FS_DIR "/slot", O_RDWR | O_CREAT | O_TRUNC, 0600);
	ASSERT_LE(0, fd);
	zeros = calloc(1, len);
	ASSERT_EQ(len, write(fd, zeros, len));
	ASSERT_EQ(0, fsync(fd));
	file = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(file != MAP_FAILED);

	g = mvc_guest_create("mmioloop", 4 * MIB);
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, len, file));
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
	g->run->mmio.data = 0x100;		/* page 0 */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(0x100, file[0]);
	/* Written back: the page is clean, its user mapping write-protected. */
	ASSERT_EQ(0, msync(file, len, MS_SYNC));
	g->run->mmio.data = 0x200;		/* page 0 again */
	ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
	EXPECT_EQ(0x200, file[0]);
	/* The slot goes, then every mapping; clean pages leave the cache. */
	ASSERT_EQ(0, set_region(g->vm_fd, 2, 0, 4 * MIB, 0, NULL));
	munmap(file, len);
	drop_caches();
	ASSERT_EQ(4, pread(fd, &word, 4, 0));
	EXPECT_EQ(0x200, word);
	/* And it reaches the disk. */
	ASSERT_EQ(0, fsync(fd));
	drop_caches();
	ASSERT_EQ(4, pread(fd, &word, 4, 0));
	EXPECT_EQ(0x200, word);
	mvc_guest_destroy(g);
	close(fd);
	free(zeros);
	unlink(FS_DIR "/slot");
}

TEST(unsupported_mmio_forms_are_internal_errors)
{
	static const uint32_t insn_op[] = { 0, 0x22, 0x30, 0x2e, 0x10 };
	int which;

	for (which = 1; which <= 4; which++) {
		struct mvc_guest *g = mvc_guest_create("badmmio", 4 * MIB);

		g->testdev_data = which;
		EXPECT_EQ(MIPSVCPU_EXIT_INTERNAL_ERROR, mvc_guest_run(g, 5000));
		EXPECT_EQ(which == 4 ? MIPSVCPU_INTERNAL_UNHANDLED_INSN :
				       MIPSVCPU_INTERNAL_MMIO_INSN,
			  g->run->internal.suberror);
		EXPECT_EQ(insn_op[which], g->run->internal.insn >> 26);
		EXPECT_EQ(0x3fc00000u, g->run->internal.pc & 0xfff00000u);
		EXPECT_NE(0, g->run->internal.message[0]);
		/* Dead for good. */
		EXPECT_EQ(-1, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		EXPECT_EQ(EIO, errno);
		mvc_guest_destroy(g);
	}
}

struct vcpu_thread {
	pthread_t thread;
	struct mvc_guest g;
	int exit;
};

static void *run_vcpu(void *arg)
{
	struct vcpu_thread *t = arg;

	t->exit = mvc_guest_run(&t->g, 60000);
	return NULL;
}

TEST(vcpus_of_one_vm_run_at_once)
{
	struct mvc_guest *g = mvc_guest_create("smp", 4 * MIB);
	struct vcpu_thread t[3];
	int i;

	for (i = 0; i < 3; i++) {
		struct mipsvcpu_create_vcpu c = { .id = i + 1 };

		memset(&t[i].g, 0, sizeof(t[i].g));
		t[i].g.vcpu_fd = ioctl(g->vm_fd, MIPSVCPU_CREATE_VCPU, &c);
		ASSERT_LE(0, t[i].g.vcpu_fd);
		t[i].g.run = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_SHARED, t[i].g.vcpu_fd, 0);
		ASSERT_TRUE(t[i].g.run != MAP_FAILED);
		t[i].g.testdev_data = 4;
	}
	g->testdev_data = 4;
	for (i = 0; i < 3; i++)
		ASSERT_EQ(0, pthread_create(&t[i].thread, NULL, run_vcpu, &t[i]));
	EXPECT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 60000));
	for (i = 0; i < 3; i++) {
		pthread_join(t[i].thread, NULL);
		EXPECT_EQ(MIPSVCPU_EXIT_MMIO, t[i].exit);
		ASSERT_EQ(1, t[i].g.nreports);
		/* 100000 * (1 + 2 + 3 + 4) */
		EXPECT_EQ(1000000, t[i].g.reports[0]);
		munmap(t[i].g.run, 4096);
		close(t[i].g.vcpu_fd);
	}
	ASSERT_EQ(1, g->nreports);
	EXPECT_EQ(1000000, g->reports[0]);
	mvc_guest_destroy(g);
}

TEST_HARNESS_MAIN
