// SPDX-License-Identifier: GPL-2.0
/*
 * api_test.c - /dev/mipsvcpu itself: version, VM creation, argument
 * validation, leaks over many VMs, and module unload rules.
 */
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

TEST(device_opens)
{
	int fd = mvc_open_dev();

	ASSERT_LE(0, fd);
	close(fd);
}

TEST(version_matches_header)
{
	int fd = mvc_open_dev();

	EXPECT_EQ(MIPSVCPU_API_VERSION, ioctl(fd, MIPSVCPU_GET_API_VERSION, 0));
	EXPECT_EQ(-1, ioctl(fd, MIPSVCPU_GET_API_VERSION, 1));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(4096, ioctl(fd, MIPSVCPU_GET_VCPU_MMAP_SIZE, 0));
	close(fd);
}

TEST(unknown_ioctls_enotty)
{
	int fd = mvc_open_dev();
	int vm = mvc_create_vm(fd);
	unsigned int bad[] = {
		_IO(MIPSVCPU_IO, 0x1f),
		_IO(MIPSVCPU_IO + 1, 0x00),
		/* CREATE_VM with the wrong argument size */
		_IOW(MIPSVCPU_IO, 0x01, __u32),
		/* a VCPU ioctl on the device fd */
		MIPSVCPU_RUN,
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ(-1, ioctl(fd, bad[i], 0));
		EXPECT_EQ(ENOTTY, errno);
	}
	/* a device ioctl on the VM fd */
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_GET_API_VERSION, 0));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(vm, _IO(MIPSVCPU_IO, 0x3f), 0));
	EXPECT_EQ(ENOTTY, errno);
	close(vm);
	close(fd);
}

TEST(create_vm_rejects_flags_and_reserved)
{
	struct mipsvcpu_create_vm arg;
	int fd = mvc_open_dev();
	unsigned int i;

	memset(&arg, 0, sizeof(arg));
	arg.flags = 2;	/* not defined */
	EXPECT_EQ(-1, ioctl(fd, MIPSVCPU_CREATE_VM, &arg));
	EXPECT_EQ(EINVAL, errno);
	arg.flags = 0x80000000u | MIPSVCPU_VM_USER_WINDOW;
	arg.user_end = 0x80000000u;
	EXPECT_EQ(-1, ioctl(fd, MIPSVCPU_CREATE_VM, &arg));
	EXPECT_EQ(EINVAL, errno);
	for (i = 0; i < sizeof(arg.reserved) / sizeof(arg.reserved[0]); i++) {
		memset(&arg, 0, sizeof(arg));
		arg.reserved[i] = 1u << i;
		EXPECT_EQ(-1, ioctl(fd, MIPSVCPU_CREATE_VM, &arg));
		EXPECT_EQ(EINVAL, errno);
	}
	EXPECT_EQ(-1, ioctl(fd, MIPSVCPU_CREATE_VM, NULL));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	close(fd);
}

TEST(create_vm_gives_cloexec_fd)
{
	int fd = mvc_open_dev();
	int vm = mvc_create_vm(fd);

	ASSERT_LE(0, vm);
	EXPECT_EQ(FD_CLOEXEC, fcntl(vm, F_GETFD) & FD_CLOEXEC);
	EXPECT_EQ(1, mvc_read_counter("live_vms"));
	/* The VM outlives the device fd. */
	close(fd);
	EXPECT_EQ(1, mvc_read_counter("live_vms"));
	close(vm);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
}

TEST(thousand_vms_do_not_leak)
{
	long slab_before, slab_after, free_before, free_after;
	int fd = mvc_open_dev();
	int i, vm;

	/* Warm the slab caches once so that their first growth is not counted. */
	close(mvc_create_vm(fd));
	/*
	 * Unreclaimable slab: a leaked VM lands there; the negative dentries
	 * each VM's debugfs directory leaves in the dcache do not.
	 */
	slab_before = mvc_meminfo_kb("SUnreclaim");
	free_before = mvc_meminfo_kb("MemFree");
	for (i = 0; i < 1000; i++) {
		vm = mvc_create_vm(fd);
		ASSERT_LE(0, vm);
		ASSERT_EQ(0, close(vm));
	}
	slab_after = mvc_meminfo_kb("SUnreclaim");
	free_after = mvc_meminfo_kb("MemFree");
	ksft_print_msg("SUnreclaim %ld -> %ld KiB, MemFree %ld -> %ld KiB\n",
		       slab_before, slab_after, free_before, free_after);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
	/* One leaked VM object per cycle would be >= 1000 objects. */
	EXPECT_GT(256, slab_after - slab_before);
	EXPECT_GT(1024, free_before - free_after);
	close(fd);
}

/* The node is 0660 root:root: an ordinary user cannot create VMs. */
TEST(unprivileged_user_gets_eacces)
{
	pid_t pid;
	int status;

	if (geteuid() != 0)
		SKIP(return, "needs root to drop privileges");
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		_exit(open(MVC_DEV_PATH, O_RDWR) < 0 && errno == EACCES ? 0 : 1);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

static int delete_module(const char *name)
{
	return syscall(__NR_delete_module, name, O_NONBLOCK);
}

static int load_module(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -1;
	ret = syscall(__NR_finit_module, fd, "", 0);
	close(fd);
	return ret;
}

/*
 * The kernel refuses to unload a module whose reference count is not zero
 * with EWOULDBLOCK (kmod's rmmod prints "Module mipsvcpu is in use").
 */
TEST(rmmod_refused_while_fd_open)
{
	const char *ko = getenv("MIPSVCPU_KO");
	int fd, vm;

	if (!ko || geteuid() != 0)
		SKIP(return, "needs root and MIPSVCPU_KO=<path of mipsvcpu.ko>");
	fd = mvc_open_dev();
	vm = mvc_create_vm(fd);
	EXPECT_EQ(-1, delete_module("mipsvcpu"));
	EXPECT_EQ(EWOULDBLOCK, errno);
	close(fd);
	/* The VM fd alone pins the module too. */
	EXPECT_EQ(-1, delete_module("mipsvcpu"));
	EXPECT_EQ(EWOULDBLOCK, errno);
	close(vm);
	ASSERT_EQ(0, delete_module("mipsvcpu"));
	EXPECT_EQ(-1, access(MVC_DEV_PATH, F_OK));
	ASSERT_EQ(0, load_module(ko)) {
		TH_LOG("reloading %s: %s", ko, strerror(errno));
	}
	fd = open(MVC_DEV_PATH, O_RDWR);
	ASSERT_LE(0, fd);
	EXPECT_EQ(MIPSVCPU_API_VERSION, ioctl(fd, MIPSVCPU_GET_API_VERSION, 0));
	close(fd);
}

TEST_HARNESS_MAIN
