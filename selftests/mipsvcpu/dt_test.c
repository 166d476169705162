// SPDX-License-Identifier: GPL-2.0
/*
 * dt_test.c - guest DTBs through the kernel's parser: every malformed
 * DTB in dt/ (built from dt/<name>.dts, whose second line says what the
 * kernel must answer) is rejected with EINVAL and exactly that message,
 * blobs damaged at run time are rejected too, nothing leaks, and good
 * DTBs round-trip through vcpuctl info.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

static char dir[256];

static size_t read_file(const char *path, void *buf, size_t max)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, max);
	close(fd);
	return n > 0 ? n : 0;
}

/* Hand a blob to a fresh VM; returns 0 or errno, the message in @msg. */
static int set_dt(const void *blob, size_t len, char *msg, size_t msglen,
		  struct mipsvcpu_guest_desc *desc)
{
	int dev = mvc_open_dev(), vm = mvc_create_vm(dev), ret = 0;
	struct mipsvcpu_guest_dt a = {
		.blob = (uintptr_t)blob, .blob_size = len,
		.error = (uintptr_t)msg, .error_size = msglen,
		.desc = (uintptr_t)desc, .desc_size = desc ? sizeof(*desc) : 0,
	};

	msg[0] = 0;
	if (ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a))
		ret = errno;
	close(vm);
	close(dev);
	return ret;
}

static const char *dt_dir(void)
{
	char self[200];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	self[n > 0 ? n : 0] = 0;
	*(strrchr(self, '/') ? strrchr(self, '/') : self) = 0;
	snprintf(dir, sizeof(dir), "%s/dt", self);
	return dir;
}

TEST(every_dts_case_answers_as_expected)
{
	static char blob[MIPSVCPU_MAX_DTB_SIZE], expect[512], msg[256];
	struct dirent *e;
	int n = 0, bad = 0;
	DIR *d = opendir(dt_dir());
	long before = mvc_meminfo_kb("SUnreclaim");

	ASSERT_TRUE(d != NULL);
	while ((e = readdir(d))) {
		char path[512];
		size_t len, elen;
		char *nl;
		int ret;

		if (!strstr(e->d_name, ".dtb"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		len = read_file(path, blob, sizeof(blob));
		snprintf(path + strlen(path) - 4, 8, ".exp");
		elen = read_file(path, expect, sizeof(expect) - 1);
		expect[elen] = 0;
		nl = strchr(expect, '\n');
		if (nl)
			*nl = 0;
		ret = set_dt(blob, len, msg, sizeof(msg), NULL);
		n++;
		if (!strcmp(expect, "ok")) {
			EXPECT_EQ(0, ret) TH_LOG("%s: %s", e->d_name, msg);
		} else {
			bad++;
			EXPECT_EQ(EINVAL, ret) TH_LOG("%s", e->d_name);
			EXPECT_STREQ(expect, msg) TH_LOG("%s", e->d_name);
		}
	}
	closedir(d);
	ksft_print_msg("%d DTBs, %d malformed, SUnreclaim %ld -> %ld KiB\n", n,
		       bad, before, mvc_meminfo_kb("SUnreclaim"));
	EXPECT_LE(25, bad);
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
}

TEST(damaged_blobs_and_bad_arguments)
{
	static char good[MIPSVCPU_MAX_DTB_SIZE + 8], blob[MIPSVCPU_MAX_DTB_SIZE + 8];
	char path[512], msg[256];
	size_t len;

	snprintf(path, sizeof(path), "%s/ok-minimal.dtb", dt_dir());
	len = read_file(path, good, sizeof(good));
	ASSERT_LT(100, len);
	ASSERT_EQ(0, set_dt(good, len, msg, sizeof(msg), NULL));

	/* Truncated below the header, and below what the header says. */
	EXPECT_EQ(EINVAL, set_dt(good, 39, msg, sizeof(msg), NULL));
	EXPECT_TRUE(strstr(msg, "less than the 40-byte header") != NULL) TH_LOG("%s", msg);
	EXPECT_EQ(EINVAL, set_dt(good, len / 2, msg, sizeof(msg), NULL));
	EXPECT_TRUE(strstr(msg, "truncated: the header says") != NULL) TH_LOG("%s", msg);
	/* Bad magic, wrong version. */
	memcpy(blob, good, len);
	blob[0] ^= 1;
	EXPECT_EQ(EINVAL, set_dt(blob, len, msg, sizeof(msg), NULL));
	EXPECT_TRUE(strstr(msg, "bad magic") != NULL) TH_LOG("%s", msg);
	memcpy(blob, good, len);
	blob[23] = 16;		/* version, big endian */
	EXPECT_EQ(EINVAL, set_dt(blob, len, msg, sizeof(msg), NULL));
	EXPECT_TRUE(strstr(msg, "unsupported version 16") != NULL) TH_LOG("%s", msg);
	/* Over 64 KiB. */
	EXPECT_EQ(E2BIG, set_dt(good, MIPSVCPU_MAX_DTB_SIZE + 1, msg, sizeof(msg), NULL));
	/* The message is cut to the buffer and always terminated. */
	EXPECT_EQ(EINVAL, set_dt(good, 39, msg, 8, NULL));
	EXPECT_EQ(7, strlen(msg));
	EXPECT_EQ(0, mvc_read_counter("live_vms"));
}

TEST(once_per_vm_and_vcpus_from_the_dtb)
{
	static char good[MIPSVCPU_MAX_DTB_SIZE];
	int dev = mvc_open_dev(), vm = mvc_create_vm(dev);
	struct mipsvcpu_guest_dt a = { 0 };
	struct mipsvcpu_create_vcpu c = { .id = 1 };
	char path[512];

	snprintf(path, sizeof(path), "%s/ok-minimal.dtb", dt_dir());
	a.blob = (uintptr_t)good;
	a.blob_size = read_file(path, good, sizeof(good));
	EXPECT_EQ(0, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(EBUSY, errno);
	/* The DTB has one VCPU: id 1 does not exist. */
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_CREATE_VCPU, &c));
	EXPECT_EQ(EINVAL, errno);
	a.flags = 1;
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a));
	EXPECT_EQ(EINVAL, errno);
	close(vm);
	close(dev);
}

TEST(described_vm_accepts_only_its_regions)
{
	static char good[MIPSVCPU_MAX_DTB_SIZE];
	struct mipsvcpu_guest_desc desc;
	char path[512], msg[256];
	int dev = mvc_open_dev(), vm = mvc_create_vm(dev);
	struct mipsvcpu_memory_region r = { .slot = 0 };
	struct mipsvcpu_guest_dt a = { 0 };
	void *mem = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t len;

	snprintf(path, sizeof(path), "%s/ok-minimal.dtb", dt_dir());
	len = read_file(path, good, sizeof(good));
	a.blob = (uintptr_t)good;
	a.blob_size = len;
	a.desc = (uintptr_t)&desc;
	a.desc_size = sizeof(desc);
	a.dtb_gpa = 0x1ff00000;
	a.error = (uintptr_t)msg;
	a.error_size = sizeof(msg);
	ASSERT_EQ(0, ioctl(vm, MIPSVCPU_SET_GUEST_DT, &a)) TH_LOG("%s", msg);
	EXPECT_EQ(1, desc.nvcpus);
	EXPECT_EQ(3, desc.nregions);
	EXPECT_STREQ("mem0", desc.region[desc.ram_region].name);
	EXPECT_STREQ("rom0", desc.region[desc.boot_region].name);
	EXPECT_EQ(MIPSVCPU_DEVICE_SERIAL, desc.region[2].device);
	EXPECT_EQ(2, desc.region[2].irq);
	/* Not one of its regions: refused.  Exactly mem0: accepted. */
	r.userspace_addr = (uintptr_t)mem;
	r.guest_phys_addr = 0;
	r.size = 8 << 20;
	EXPECT_EQ(-1, ioctl(vm, MIPSVCPU_SET_MEMORY_REGION, &r));
	EXPECT_EQ(EINVAL, errno);
	r.size = 16 << 20;
	EXPECT_EQ(0, ioctl(vm, MIPSVCPU_SET_MEMORY_REGION, &r));
	close(vm);
	close(dev);
	munmap(mem, 16 << 20);
}

TEST(good_dtbs_round_trip_through_vcpuctl_info)
{
	char cmd[512], out[4096] = "";
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "vcpuctl info %s/ok-minimal.dtb 2>&1", dt_dir());
	f = popen(cmd, "r");
	ASSERT_TRUE(f != NULL);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = 0;
	EXPECT_EQ(0, pclose(f)) TH_LOG("%s", out);
	EXPECT_TRUE(strstr(out, "guest \"dt-test\"") != NULL) TH_LOG("%s", out);
	EXPECT_TRUE(strstr(out, "vcpu0      MIPS,24Kc, start_pc 0x3fc00000, 16 TLB entries") != NULL) TH_LOG("%s", out);
	EXPECT_TRUE(strstr(out, "mem0       ram     0x00000000-0x00ffffff    16 MiB") != NULL) TH_LOG("%s", out);
	EXPECT_TRUE(strstr(out, "rom0       rom     0x1fc00000-0x1fcfffff     1 MiB") != NULL) TH_LOG("%s", out);
	EXPECT_TRUE(strstr(out, "ns16550a, interrupt IP2") != NULL) TH_LOG("%s", out);
	/* A malformed one: vcpuctl prints the kernel's message, exits 65. */
	snprintf(cmd, sizeof(cmd), "vcpuctl info %s/zero-vcpus.dtb 2>&1", dt_dir());
	f = popen(cmd, "r");
	ASSERT_TRUE(f != NULL);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = 0;
	EXPECT_EQ(65, WEXITSTATUS(pclose(f)));
	EXPECT_TRUE(strstr(out, "/guest0/vcpus: no VCPU") != NULL) TH_LOG("%s", out);
}

TEST_HARNESS_MAIN
