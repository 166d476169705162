// SPDX-License-Identifier: GPL-2.0
/*
 * mvc_util.c - helpers shared by the mipsvcpu selftests.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "kselftest.h"
#include "mvc_util.h"

int mvc_open_dev(void)
{
	int fd = open(MVC_DEV_PATH, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		ksft_print_msg("%s: %s: module not loaded?\n", MVC_DEV_PATH,
			       strerror(errno));
		exit(KSFT_SKIP);
	}
	return fd;
}

int mvc_create_vm(int dev_fd)
{
	struct mipsvcpu_create_vm arg = { 0 };

	return mvc_ioctl(dev_fd, MIPSVCPU_CREATE_VM, &arg);
}

long mvc_read_counter(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), MVC_SYSFS_DIR "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

long mvc_meminfo_kb(const char *field)
{
	size_t len = strlen(field);
	char line[128];
	long v = -1;
	FILE *f;

	f = fopen("/proc/meminfo", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, field, len) && line[len] == ':') {
			v = strtol(line + len + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return v;
}

/* ---- running guest programs ---- */

const char *mvc_guest_path(const char *image)
{
	static __thread char path[512];
	const char *dir = getenv("MIPSVCPU_GUESTS");
	char self[256];
	ssize_t n;

	if (!dir) {
		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		self[n > 0 ? n : 0] = 0;
		*(strrchr(self, '/') ? strrchr(self, '/') : self) = 0;
		snprintf(path, sizeof(path), "%s/guests/%s.bin", self, image);
	} else {
		snprintf(path, sizeof(path), "%s/%s.bin", dir, image);
	}
	return path;
}

static void mvc_map_slot(int vm_fd, uint32_t slot, uint32_t gpa, uint32_t size,
			 uint32_t flags, void *mem)
{
	struct mipsvcpu_memory_region r = {
		.slot = slot, .flags = flags, .guest_phys_addr = gpa,
		.size = size, .userspace_addr = (uintptr_t)mem,
	};

	mvc_ioctl(vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r);
}

static struct mvc_guest *mvc_guest_create_vm(const void *image, size_t len,
					     uint32_t ram_size,
					     const struct mvc_guest_opts *o);

struct mvc_guest *mvc_guest_create(const char *image, uint32_t ram_size)
{
	static const struct mvc_guest_opts defaults;

	return mvc_guest_create_with(image, ram_size, &defaults);
}

struct mvc_guest *mvc_guest_create_with(const char *image, uint32_t ram_size,
					const struct mvc_guest_opts *opts)
{
	static __thread uint32_t buf[MVC_ROM_SIZE / 4];
	const char *path = mvc_guest_path(image);
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "guest image %s: %s\n", path, strerror(errno));
		abort();
	}
	len = read(fd, buf, MVC_ROM_SIZE);
	if (len <= 0)
		abort();
	close(fd);
	return mvc_guest_create_vm(buf, len, ram_size, opts);
}

struct mvc_guest *mvc_guest_create_from(const void *image, size_t len,
					uint32_t ram_size)
{
	static const struct mvc_guest_opts defaults;

	return mvc_guest_create_vm(image, len, ram_size, &defaults);
}

static struct mvc_guest *mvc_guest_create_vm(const void *image, size_t len,
					     uint32_t ram_size,
					     const struct mvc_guest_opts *o)
{
	struct mipsvcpu_create_vcpu vc = { 0 };
	struct mvc_guest *g = calloc(1, sizeof(*g));
	struct mipsvcpu_guest_dt dt = {
		.blob = (uintptr_t)o->dtb, .blob_size = o->dtb_len,
	};
	struct mipsvcpu_create_vm vm = o->vm;

	if (!g)
		abort();
	g->dev_fd = mvc_open_dev();
	g->vm_fd = mvc_ioctl(g->dev_fd, MIPSVCPU_CREATE_VM, &vm);
	if (o->dtb)
		mvc_ioctl(g->vm_fd, MIPSVCPU_SET_GUEST_DT, &dt);
	g->ram_size = ram_size;
	g->ram = mmap(NULL, ram_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	/* The ROM slot holds the image, in 64 KiB granules. */
	g->rom_size = (len + 0xffff) & ~0xffffu;
	if (!g->rom_size || g->rom_size > MVC_ROM_SIZE || o->dtb)
		g->rom_size = MVC_ROM_SIZE;
	g->rom = mmap(NULL, g->rom_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (g->ram == MAP_FAILED || g->rom == MAP_FAILED)
		abort();
	memcpy(g->rom, image, len < g->rom_size ? len : g->rom_size);
	mvc_map_slot(g->vm_fd, 0, MVC_RAM_GPA, ram_size, 0, g->ram);
	mvc_map_slot(g->vm_fd, 1, MVC_ROM_GPA, g->rom_size,
		     MIPSVCPU_MEM_READONLY, g->rom);
	g->vcpu_fd = mvc_ioctl(g->vm_fd, MIPSVCPU_CREATE_VCPU, &vc);
	g->run = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
		      g->vcpu_fd, 0);
	if (g->run == MAP_FAILED)
		abort();
	return g;
}

/* One access to the test devices, by an MMIO exit or from the ring. */
static void mvc_guest_access(struct mvc_guest *g, uint32_t gpa, bool is_write,
			     uint32_t *value)
{
	uint32_t data = *value;

	if (gpa - MVC_UART_GPA < 8) {
		if (is_write && gpa == MVC_UART_GPA &&
		    g->uart_len < sizeof(g->uart) - 1) {
			g->uart[g->uart_len++] = data;
			g->uart[g->uart_len] = 0;
			if (g->stop_at && data == '\n' &&
			    strstr(g->uart, g->stop_at))
				g->finished = true;
		}
		else if (!is_write)
			*value = gpa == MVC_UART_GPA + 5 ? 0x60 : 0;
	} else if (gpa - MVC_POWER_GPA < 8) {
		if (is_write && gpa == MVC_POWER_GPA + POWER_OFF) {
			g->finished = true;
			g->result = data;
		}
	} else if (gpa - MVC_TESTDEV_GPA < TESTDEV_SIZE) {
		if (!is_write) {
			if (gpa - MVC_TESTDEV_GPA == TESTDEV_SINK_NEXT)
				*value = g->seq_next;
			else if (gpa - MVC_TESTDEV_GPA == TESTDEV_DATA2)
				*value = g->testdev_data2;
			else
				*value = g->testdev_data;
			return;
		}
		switch (gpa - MVC_TESTDEV_GPA) {
		case TESTDEV_DONE:
			g->finished = true;
			g->result = data;
			break;
		case TESTDEV_REPORT:
			if (g->nreports < MVC_MAX_REPORTS)
				g->reports[g->nreports++] = data;
			break;
		case TESTDEV_FAIL:
			if (g->nfails < 16)
				g->fail_lines[g->nfails++] = data;
			break;
		case TESTDEV_SINK:
			if (data != g->seq_next && g->seq_errors < 4)
				ksft_print_msg("sink: expected %u, got %u\n",
					       g->seq_next, data);
			g->seq_errors += data != g->seq_next;
			g->seq_next = data + 1;
			break;
		case TESTDEV_IRQ_LOWER:
		case TESTDEV_IRQ_RAISE: {
			struct mipsvcpu_irq_line irq = {
				.line = data, .level = gpa - MVC_TESTDEV_GPA == TESTDEV_IRQ_RAISE,
			};

			mvc_ioctl(g->vcpu_fd, MIPSVCPU_IRQ_LINE, &irq);
			if (!irq.level)
				__atomic_add_fetch(&g->irq_acks, 1, __ATOMIC_SEQ_CST);
			break;
		}
		}
	} else if (gpa - MVC_ROM_GPA < MVC_ROM_SIZE && is_write) {
		g->rom_writes++;
	} else if (!is_write) {
		*value = 0xffffffffu;
	}
}

void mvc_guest_mmio(struct mvc_guest *g)
{
	struct mipsvcpu_run *run = g->run;

	g->mmio_exits++;
	mvc_guest_access(g, run->mmio.phys_addr, run->mmio.is_write,
			 &run->mmio.data);
}

unsigned int mvc_guest_drain(struct mvc_guest *g)
{
	struct mipsvcpu_coalesced_ring *ring = &g->run->coalesced;
	uint32_t head = ring->head;
	uint32_t tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);
	unsigned int n = 0;

	for (; head != tail; head++, n++) {
		struct mipsvcpu_coalesced_entry *e =
			&ring->entry[head % MIPSVCPU_COALESCED_RING_SIZE];
		uint32_t data = e->data;

		mvc_guest_access(g, e->phys_addr, true, &data);
	}
	__atomic_store_n(&ring->head, head, __ATOMIC_RELEASE);
	g->coalesced_writes += n;
	return n;
}

static uint64_t mvc_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000ull + ts.tv_nsec / 1000000;
}

static void mvc_nop_handler(int sig)
{
	(void)sig;
}

int mvc_guest_run(struct mvc_guest *g, unsigned int timeout_ms)
{
	struct sigaction sa = { .sa_handler = mvc_nop_handler };
	uint64_t deadline = mvc_now_ms() + timeout_ms;
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } };
	int ret = 0;

	/* A periodic signal bounds each RUN so the deadline is checked. */
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	while (!g->finished) {
		if (mvc_now_ms() > deadline) {
			ret = -ETIMEDOUT;
			break;
		}
		if (ioctl(g->vcpu_fd, MIPSVCPU_RUN, 0) < 0) {
			mvc_guest_drain(g);
			if (errno == EINTR)
				continue;
			ret = -errno;
			break;
		}
		mvc_guest_drain(g);
		ret = g->run->exit_reason;
		if (ret == MIPSVCPU_EXIT_MMIO) {
			mvc_guest_mmio(g);
			continue;
		}
		if (ret == MIPSVCPU_EXIT_INTERNAL_ERROR && !g->quiet)
			ksft_print_msg("guest died: %s (pc %#x insn %#010x cause %#x)\n",
				       g->run->internal.message,
				       g->run->internal.pc,
				       g->run->internal.insn,
				       g->run->internal.cause);
		break;
	}
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	g->uart[g->uart_len] = 0;
	return ret;
}

void mvc_guest_destroy(struct mvc_guest *g)
{
	munmap(g->run, 4096);
	close(g->vcpu_fd);
	close(g->vm_fd);
	close(g->dev_fd);
	munmap(g->ram, g->ram_size);
	munmap(g->rom, g->rom_size);
	free(g);
}

int mvc_set_param(const char *name, int on)
{
	char path[128];
	int fd, ret;

	snprintf(path, sizeof(path), "/sys/module/mipsvcpu/parameters/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ret = write(fd, on ? "1" : "0", 1) == 1 ? 0 : -1;
	close(fd);
	return ret;
}

pid_t mvc_spawn_vcpuctl(const char *const args[], int *to_child,
			int *from_child)
{
	const char *argv[16] = { "vcpuctl" };
	int in[2], out[2];
	unsigned int i;
	pid_t pid;

	for (i = 0; args[i]; i++) {
		if (i + 2 >= ARRAY_SIZE(argv)) {
			errno = E2BIG;
			return -1;
		}
		argv[i + 1] = args[i];
	}
	if (pipe(in))
		return -1;
	if (pipe(out)) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execvp("vcpuctl", (char *const *)argv);
		perror("exec vcpuctl");
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (pid < 0) {
		close(in[1]);
		close(out[0]);
		return -1;
	}
	*to_child = in[1];
	*from_child = out[0];
	signal(SIGPIPE, SIG_IGN);
	return pid;
}

const char *mvc_console_wait(struct mvc_console *c, const char *want,
			     double secs)
{
	uint64_t end = mvc_now_ns() + (uint64_t)(secs * 1e9);
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	const char *start, *hit;
	ssize_t n;

	for (;;) {
		c->out[c->len] = 0;
		start = c->out + c->seen;
		hit = strstr(start, want);
		if (hit) {
			c->hit_ns = mvc_now_ns();
			c->seen = hit + strlen(want) - c->out;
			return start;
		}
		if (mvc_now_ns() > end || c->len >= c->size - 1)
			return NULL;
		if (poll(&p, 1, 200) <= 0)
			continue;
		n = read(c->fd, c->out + c->len, c->size - 1 - c->len);
		if (n <= 0)
			return NULL;
		c->len += n;
	}
}

long mvc_shell_number(const char *cmd)
{
	char buf[256] = "";
	FILE *f = popen(cmd, "r");

	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = 0;
	pclose(f);
	return strtol(buf, NULL, 10);
}
