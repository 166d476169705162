// SPDX-License-Identifier: GPL-2.0
/*
 * lifecycle_test.c - a VCPU's owner dies at the worst moments (in the
 * guest, asleep in WAIT, with an MMIO read pending), and many VMs come
 * and go: everything must be freed, nothing pinned, no kernel warning.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/fuse.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB (1u << 20)

static void wait_for_baseline(struct __test_metadata *_metadata)
{
	int i;

	/* The last fd closes in the dying process's exit path. */
	for (i = 0; i < 100 && mvc_read_counter("live_vms"); i++)
		usleep(20000);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	EXPECT_EQ(0, mvc_read_counter("live_vcpus"));
	EXPECT_EQ(0, mvc_read_counter("pinned_pages"));
}

/* A child runs the sleeper guest in @state and is killed with SIGKILL. */
static void kill_during(struct __test_metadata *_metadata, uint32_t state)
{
	int pipefd[2];
	pid_t pid;
	char c;

	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct mvc_guest *g = mvc_guest_create("sleeper", 4 * MIB);

		g->testdev_data = state;
		if (write(pipefd[1], "x", 1) != 1)
			_exit(1);
		if (state == 2) {
			/*
			 * Answer the first read (the state), let the report
			 * through, then leave the second read pending.
			 */
			int reads = 0;

			while (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) == 0 &&
			       g->run->exit_reason == MIPSVCPU_EXIT_MMIO) {
				if (!g->run->mmio.is_write && ++reads == 2)
					break;
				g->run->mmio.data = state;
			}
			pause();
		}
		for (;;)
			ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0);
	}
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	usleep(300000);
	EXPECT_LE(1, mvc_read_counter("live_vcpus"));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(pipefd[0]);
	close(pipefd[1]);
	wait_for_baseline(_metadata);
}

TEST(kill_while_in_guest)
{
	kill_during(_metadata, 3);
}

TEST(kill_while_asleep_in_wait)
{
	kill_during(_metadata, 1);
}

TEST(kill_with_mmio_read_pending)
{
	kill_during(_metadata, 2);
}

/* The state letter of /proc/PID/stat: R, S, D, Z... */
static char proc_state(pid_t pid)
{
	char path[64], buf[256], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

/* Reaps @pid within @ms milliseconds; false if it is still there. */
static bool reaped_within(pid_t pid, int ms)
{
	for (; ms > 0; ms -= 20) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return true;
		usleep(20000);
	}
	return false;
}

#define FUSE_DIR "/tmp/mvc-fuse"
#define FUSE_FILE_SIZE (64 * 1024)

static void fuse_reply(int fd, uint64_t unique, int error, const void *out,
		       size_t len)
{
	char buf[256];
	struct fuse_out_header *h = (void *)buf;

	h->len = sizeof(*h) + (error ? 0 : len);
	h->error = error;
	h->unique = unique;
	if (!error)
		memcpy(h + 1, out, len);
	if (write(fd, buf, h->len) != (ssize_t)h->len)
		_exit(1);
}

static void fuse_fill_attr(struct fuse_attr *a, uint64_t ino)
{
	memset(a, 0, sizeof(*a));
	a->ino = ino;
	a->mode = ino == FUSE_ROOT_ID ? S_IFDIR | 0755 : S_IFREG | 0644;
	a->nlink = ino == FUSE_ROOT_ID ? 2 : 1;
	a->size = ino == FUSE_ROOT_ID ? 0 : FUSE_FILE_SIZE;
	a->blksize = 4096;
}

/*
 * A FUSE filesystem at FUSE_DIR with one file, "f", whose reads its server
 * takes and never answers: a page fault on it waits for ever, and once the
 * server has the request not even SIGKILL ends the wait (only the server's
 * death does).  The server writes 'r' to @note_fd when a read arrives.
 * Returns its pid, or -1 when FUSE is not available.
 */
static pid_t fuse_hang_server(int note_fd)
{
	int ready[2];
	pid_t pid;
	char c = 0;

	if (system("insmod /lib/mipsvcpu/extra/fuse.ko 2>/dev/null || modprobe -q fuse; mkdir -p " FUSE_DIR) ||
	    pipe(ready))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		static char buf[FUSE_MIN_READ_BUFFER + FUSE_FILE_SIZE];
		int fd = open("/dev/fuse", O_RDWR);
		char opts[128];

		snprintf(opts, sizeof(opts),
			 "fd=%d,rootmode=40000,user_id=0,group_id=0", fd);
		c = fd >= 0 && !mount("mvc", FUSE_DIR, "fuse", MS_NOSUID | MS_NODEV,
				      opts);
		if (write(ready[1], &c, 1) != 1 || !c)
			_exit(1);
		for (;;) {
			struct fuse_in_header *in = (void *)buf;
			ssize_t n = read(fd, buf, sizeof(buf));
			union {
				struct fuse_init_out init;
				struct fuse_entry_out entry;
				struct fuse_attr_out attr;
				struct fuse_open_out open;
			} out;

			if (n < (ssize_t)sizeof(*in))
				_exit(0);
			memset(&out, 0, sizeof(out));
			switch (in->opcode) {
			case FUSE_INIT:
				out.init.major = FUSE_KERNEL_VERSION;
				out.init.minor = FUSE_KERNEL_MINOR_VERSION;
				out.init.max_readahead = FUSE_FILE_SIZE;
				out.init.max_write = 4096;
				fuse_reply(fd, in->unique, 0, &out, sizeof(out.init));
				break;
			case FUSE_LOOKUP:
				if (strcmp((char *)(in + 1), "f")) {
					fuse_reply(fd, in->unique, -ENOENT, NULL, 0);
					break;
				}
				out.entry.nodeid = 2;
				out.entry.entry_valid = 3600;
				out.entry.attr_valid = 3600;
				fuse_fill_attr(&out.entry.attr, 2);
				fuse_reply(fd, in->unique, 0, &out, sizeof(out.entry));
				break;
			case FUSE_GETATTR:
				out.attr.attr_valid = 3600;
				fuse_fill_attr(&out.attr.attr, in->nodeid);
				fuse_reply(fd, in->unique, 0, &out, sizeof(out.attr));
				break;
			case FUSE_OPEN:
				out.open.fh = 1;
				fuse_reply(fd, in->unique, 0, &out, sizeof(out.open));
				break;
			case FUSE_READ:
				c = 'r';
				if (write(note_fd, &c, 1) != 1)
					_exit(1);
				break;		/* never answered */
			case FUSE_INTERRUPT:
			case FUSE_FORGET:
			case FUSE_BATCH_FORGET:
				break;		/* no reply */
			case FUSE_FLUSH:
			case FUSE_RELEASE:
				fuse_reply(fd, in->unique, 0, NULL, 0);
				break;
			default:
				fuse_reply(fd, in->unique, -ENOSYS, NULL, 0);
			}
		}
	}
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1 || !c) {
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(ready[0]);
	return pid;
}

/*
 * Issue 13, finding 4: a memory slot over a range whose pages never come
 * (here a FUSE file whose server never answers reads) blocks its pinner.
 * It must not block the rest of the VM: RUN took slots_lock with an
 * uninterruptible down_read while the pinner held it for writing across
 * the pin, so a SIGKILLed VMM sat in D state until the pin ended.  Pages
 * are pinned at the guest's first touch now, by the VCPU that touches
 * them, with slots_lock dropped (mvc_fault_in()): here the pinner is a
 * VCPU in another process sharing the VM (a fork), whose mmioloop guest
 * stores into the FUSE slot, while the VMM changes a slot (slots_lock for
 * writing) in a loop.  Killing the VMM cannot end the pin; it must not
 * wait for it.  (A userfaultfd range nobody serves does not block on 6.1:
 * long-term pins fault without FAULT_FLAG_ALLOW_RETRY, and userfaultfd
 * then fails the fault with SIGBUS, so the pin fails with EFAULT at once.)
 */
TEST(vm_stays_killable_while_a_pin_blocks)
{
	int pipefd[2], notefd[2];
	pid_t server, vmm, pinner = 0;
	char c = 0;

	if (geteuid() != 0)
		SKIP(return, "needs root to mount FUSE");
	ASSERT_EQ(0, prctl(PR_SET_CHILD_SUBREAPER, 1));
	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(0, pipe(notefd));
	server = fuse_hang_server(notefd[1]);
	if (server < 0)
		SKIP(return, "no FUSE");
	vmm = fork();
	ASSERT_LE(0, vmm);
	if (!vmm) {
		struct mvc_guest *g = mvc_guest_create("mmioloop", 4 * MIB);
		struct mipsvcpu_memory_region other = {
			.slot = 5, .guest_phys_addr = 32 * MIB, .size = 4096,
		};
		void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		pid_t p;

		/* At the guest's first MMIO read. */
		if (page == MAP_FAILED || ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) ||
		    g->run->exit_reason != MIPSVCPU_EXIT_MMIO)
			_exit(1);
		p = fork();
		if (!p) {
			struct mipsvcpu_memory_region r = {
				.slot = 3, .flags = MIPSVCPU_MEM_READONLY,
				.guest_phys_addr = 4 * MIB,
				.size = FUSE_FILE_SIZE,
			};
			int fd = open(FUSE_DIR "/f", O_RDONLY);
			void *m = mmap(NULL, r.size, PROT_READ, MAP_SHARED, fd, 0);

			if (fd < 0 || m == MAP_FAILED)
				_exit(1);
			r.userspace_addr = (uintptr_t)m;
			if (ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r))
				_exit(1);
			/* It loads from 4 MiB: the first touch of the file. */
			g->run->mmio.data = 0;
			/* Does not return while the server lives. */
			ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0);
			_exit(0);
		}
		if (write(pipefd[1], &p, sizeof(p)) != sizeof(p))
			_exit(1);
		other.userspace_addr = (uintptr_t)page;
		for (;;) {
			other.size = 4096;
			ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &other);
			other.size = 0;
			ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &other);
		}
	}
	ASSERT_EQ(sizeof(pinner), read(pipefd[0], &pinner, sizeof(pinner)));
	/* The pinner's fault reached the server, which keeps it. */
	ASSERT_EQ(1, read(notefd[0], &c, 1));
	ASSERT_EQ('r', c);
	usleep(500000);
	EXPECT_NE('D', proc_state(vmm));
	kill(vmm, SIGKILL);
	EXPECT_TRUE(reaped_within(vmm, 3000))
		TH_LOG("VMM in state %c after SIGKILL", proc_state(vmm));
	/* The server's death ends the pin; then everything is freed. */
	kill(pinner, SIGKILL);
	kill(server, SIGKILL);
	EXPECT_TRUE(reaped_within(server, 3000));
	EXPECT_TRUE(reaped_within(pinner, 3000));
	if (waitpid(vmm, NULL, WNOHANG) == 0)
		waitpid(vmm, NULL, 0);
	umount2(FUSE_DIR, MNT_DETACH);
	close(pipefd[0]);
	close(pipefd[1]);
	close(notefd[0]);
	close(notefd[1]);
	wait_for_baseline(_metadata);
}

FIXTURE(cycles) {
	int unused;
};

FIXTURE_SETUP(cycles)
{
}

FIXTURE_TEARDOWN(cycles)
{
}

/* About 25 s of QEMU time alone, over 300 s beside other emulators. */
TEST_F_TIMEOUT(cycles, thousand_create_run_destroy_cycles, 1200)
{
	long before = mvc_meminfo_kb("SUnreclaim"), after;
	int i;

	for (i = 0; i < 1000; i++) {
		struct mvc_guest *g = mvc_guest_create("sleeper", MIB);

		/*
		 * The clock is QEMU's: a host starved of CPU by other
		 * emulators sees seconds jump; a real hang still fails.
		 */
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, mvc_guest_run(g, 60000));
		ASSERT_TRUE(g->finished);
		mvc_guest_destroy(g);
	}
	after = mvc_meminfo_kb("SUnreclaim");
	ksft_print_msg("SUnreclaim %ld -> %ld KiB over 1000 cycles\n", before,
		       after);
	wait_for_baseline(_metadata);
	/* A leaked VCPU (>20 KiB with its block) would be >20 MiB here. */
	EXPECT_GT(512, after - before);
}

/*
 * Every memory-slot change makes the VCPU take fresh host ASIDs, so 600
 * of them start several ASID generations.  The task running the VCPU must
 * get a fresh ASID too each time: with a stale one it could share a
 * number with a guest view and reach the guest's pages (or freed ones)
 * through shadow entries.  This process checks its own memory after every
 * RUN.
 */
TEST_F_TIMEOUT(cycles, asid_generations_keep_host_and_guests_apart, 300)
{
	struct mvc_guest *g = mvc_guest_create("mmioloop", 8 * MIB);
	uint32_t *mine = mmap(NULL, 512 * 1024, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	void *extra = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	struct mipsvcpu_memory_region r = {
		.slot = 5, .guest_phys_addr = 32 * MIB, .size = 4096,
		.userspace_addr = (uintptr_t)extra,
	};
	uint32_t i, j, bad = 0;

	ASSERT_TRUE(mine != MAP_FAILED);
	for (i = 0; i < 600; i++) {
		r.size = i & 1 ? 0 : 4096;
		ASSERT_EQ(0, ioctl(g->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r));
		for (j = 0; j < 512 * 1024 / 4; j += 1024)
			mine[j] = i ^ j;
		ASSERT_EQ(0, ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0));
		ASSERT_EQ(MIPSVCPU_EXIT_MMIO, g->run->exit_reason);
		g->run->mmio.data = i;
		for (j = 0; j < 512 * 1024 / 4; j += 1024)
			bad += mine[j] != (i ^ j);
	}
	EXPECT_EQ(0, bad);
	/*
	 * The guest stored each value when its read completed, in the next
	 * RUN: the last it completed is 598, into page 598 % 64 = 22.
	 */
	EXPECT_EQ(598, ((uint32_t *)g->ram)[(4 * MIB + 22 * 4096) / 4]);
	munmap(mine, 512 * 1024);
	munmap(extra, 4096);
	mvc_guest_destroy(g);
}

TEST_HARNESS_MAIN
