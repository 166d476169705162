// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - create a VM, run each of its VCPUs in a thread of its own,
 * and dispatch MMIO exits, and the stores of each VCPU's coalesced MMIO
 * ring, to the emulated devices.
 *
 * Devices are called with machine.lock held, so they need no locking of
 * their own.  The first VCPU that powers the machine off, dies or times
 * out stops the others: they are interrupted (SIGUSR1 makes RUN return
 * EINTR) and see machine.stop.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "vcpuctl.h"

static volatile sig_atomic_t timed_out, stop_signal;

/*
 * SIGALRM is --timeout; SIGUSR1 only interrupts RUN; SIGINT, SIGTERM and
 * SIGHUP stop the machine cleanly with 128 + the signal's number, the
 * terminal restored.  They are caught even if whoever started vcpuctl
 * ignored them (a non-interactive shell does for background jobs): in raw
 * terminal mode Ctrl-C is a byte for the guest, so a SIGINT only ever
 * comes from kill, timeout -s INT or a service manager, which expect the
 * VM to stop.
 */
static void on_signal(int sig)
{
	if (sig == SIGALRM)
		timed_out = 1;
	else if (sig != SIGUSR1)
		stop_signal = sig;
}

/* Called with m->lock held after a signal interrupted something. */
static void check_signals(struct machine *m)
{
	if (timed_out)
		machine_stop(m, VCPUCTL_EXIT_TIMEOUT);
	if (stop_signal)
		machine_stop(m, 128 + stop_signal);
}

int machine_open(struct machine *m)
{
	struct mipsvcpu_create_vm arg = { 0 };
	int version;

	pthread_mutex_init(&m->lock, NULL);
	m->dev_fd = open("/dev/mipsvcpu", O_RDWR | O_CLOEXEC);
	if (m->dev_fd < 0) {
		if (errno == ENOENT)
			fprintf(stderr, "vcpuctl: /dev/mipsvcpu does not exist: is the mipsvcpu module loaded? (insmod mipsvcpu.ko)\n");
		else if (errno == EACCES || errno == EPERM)
			fprintf(stderr, "vcpuctl: no permission to open /dev/mipsvcpu: ask for access to it (see README)\n");
		else
			fprintf(stderr, "vcpuctl: /dev/mipsvcpu: %s\n",
				strerror(errno));
		return -VCPUCTL_EXIT_NODEV;
	}
	version = ioctl(m->dev_fd, MIPSVCPU_GET_API_VERSION, 0);
	if (version != MIPSVCPU_API_VERSION) {
		fprintf(stderr, "vcpuctl: module API version %d, vcpuctl speaks %d\n",
			version, MIPSVCPU_API_VERSION);
		return -VCPUCTL_EXIT_NODEV;
	}
	m->vm_fd = ioctl(m->dev_fd, MIPSVCPU_CREATE_VM, &arg);
	if (m->vm_fd < 0) {
		perror("vcpuctl: MIPSVCPU_CREATE_VM");
		return -VCPUCTL_EXIT_OSERR;
	}
	return 0;
}

int machine_add_memory(struct machine *m, uint32_t slot, uint32_t gpa,
		       uint32_t size, bool readonly, void **host)
{
	void *mem;

	mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED) {
		perror("vcpuctl: mmap guest memory");
		return -VCPUCTL_EXIT_OSERR;
	}
	*host = mem;
	return machine_map_memory(m, slot, gpa, size, readonly, mem);
}

int machine_map_memory(struct machine *m, uint32_t slot, uint32_t gpa,
		       uint32_t size, bool readonly, void *mem)
{
	struct mipsvcpu_memory_region r = { 0 };

	r.slot = slot;
	r.flags = readonly ? MIPSVCPU_MEM_READONLY : 0;
	r.guest_phys_addr = gpa;
	r.size = size;
	r.userspace_addr = (uintptr_t)mem;
	if (m->nmem < MIPSVCPU_MAX_MEMORY_SLOTS)
		m->mem[m->nmem++] = (struct mem_region){ gpa, size, mem };
	if (ioctl(m->vm_fd, MIPSVCPU_SET_MEMORY_REGION, &r) < 0) {
		fprintf(stderr, "vcpuctl: memory slot %u at %#x (%u KiB): %s\n",
			slot, gpa, size >> 10, strerror(errno));
		if (errno == ENOMEM)
			fprintf(stderr, "vcpuctl: guest memory is pinned and counts against the locked-memory limit (ulimit -l), over all of your guests\n");
		return -VCPUCTL_EXIT_OSERR;
	}
	return 0;
}

int machine_create_vcpu(struct machine *m, uint32_t id)
{
	struct mipsvcpu_create_vcpu arg = { .id = id };
	struct vcpu *v = &m->vcpus[m->nvcpus];
	long size;

	v->m = m;
	v->id = id;
	v->fd = ioctl(m->vm_fd, MIPSVCPU_CREATE_VCPU, &arg);
	if (v->fd < 0) {
		perror("vcpuctl: MIPSVCPU_CREATE_VCPU");
		return -VCPUCTL_EXIT_OSERR;
	}
	size = ioctl(m->dev_fd, MIPSVCPU_GET_VCPU_MMAP_SIZE, 0);
	v->run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, v->fd, 0);
	if (v->run == MAP_FAILED) {
		perror("vcpuctl: mmap run structure");
		return -VCPUCTL_EXIT_OSERR;
	}
	m->nvcpus++;
	return 0;
}

void machine_add_device(struct machine *m, const struct device *d)
{
	if (m->ndevices < MAX_DEVICES)
		m->devices[m->ndevices++] = *d;
}

/* Called with m->lock held. */
void machine_stop(struct machine *m, int exit_code)
{
	if (!m->stop)
		m->exit_code = exit_code;
	m->stop = 1;
	gdb_machine_stopping(m);
}

static uint32_t get_cp0(struct vcpu *v, uint32_t rd, uint32_t sel)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, sel) };

	if (ioctl(v->fd, MIPSVCPU_GET_CP0, &r) < 0)
		return 0xdeadbeefu;
	return r.value;
}

/* The guest's registers, for post-mortems. */
static void dump_state(struct vcpu *v)
{
	static const char *const names[32] = {
		"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
		"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
		"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
		"t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
	};
	struct mipsvcpu_regs regs;
	int i;

	if (ioctl(v->fd, MIPSVCPU_GET_REGS, &regs) < 0)
		return;
	fprintf(stderr, "VCPU %u:\n", v->id);
	for (i = 0; i < 32; i++)
		fprintf(stderr, "%4s %08x%s", names[i], regs.gpr[i],
			i % 4 == 3 ? "\n" : "  ");
	fprintf(stderr, "  pc %08x    hi %08x    lo %08x\n", regs.pc, regs.hi,
		regs.lo);
	fprintf(stderr, "Status %08x Cause %08x EPC %08x BadVAddr %08x ErrorEPC %08x\n",
		get_cp0(v, 12, 0), get_cp0(v, 13, 0), get_cp0(v, 14, 0),
		get_cp0(v, 8, 0), get_cp0(v, 30, 0));
}

/*
 * Registers a coalesced MMIO zone: the guest's stores there reach the
 * device through the VCPU's ring (drain_coalesced()) instead of an exit
 * each.  Only for registers whose writes have no effect the guest could
 * see before its next exit to vcpuctl.
 */
int machine_add_coalesced(struct machine *m, uint32_t gpa, uint32_t size)
{
	struct mipsvcpu_coalesced_zone z = { .guest_phys_addr = gpa, .size = size };

	if (ioctl(m->vm_fd, MIPSVCPU_REGISTER_COALESCED_MMIO, &z) < 0) {
		fprintf(stderr, "vcpuctl: coalesced MMIO zone at %#x (%u bytes): %s\n",
			gpa, size, strerror(errno));
		return -VCPUCTL_EXIT_OSERR;
	}
	return 0;
}

/*
 * One guest access to the devices; called with m->lock held.  @how is
 * what --trace calls it: "read", "write", or "coalesced write" for a
 * store from the ring.
 */
static void mmio_access(struct vcpu *v, uint32_t gpa, uint32_t len,
			bool is_write, uint32_t *data, const char *how)
{
	struct machine *m = v->m;
	struct device *d;
	int i;

	for (i = 0; i < m->ndevices; i++) {
		d = &m->devices[i];
		if (gpa - d->base >= d->size)
			continue;
		if (is_write) {
			if (d->write)
				d->write(m, d, gpa - d->base, len, *data);
		} else {
			*data = d->read ? d->read(m, d, gpa - d->base, len) : 0;
		}
		if (m->trace)
			fprintf(stderr, "vcpuctl: vcpu %u mmio %s %s+%#x len %u data %#x\n",
				v->id, how, d->name, gpa - d->base, len, *data);
		return;
	}
	/* Nothing decodes it: reads float high, writes vanish. */
	m->unclaimed_mmio++;
	if (!is_write)
		*data = 0xffffffffu;
	if (m->trace)
		fprintf(stderr, "vcpuctl: vcpu %u mmio %s unclaimed %#x len %u data %#x\n",
			v->id, how, gpa, len, *data);
}

/* Called with m->lock held. */
static void handle_mmio(struct vcpu *v)
{
	struct mipsvcpu_run *run = v->run;

	v->m->mmio_exits++;
	mmio_access(v, (uint32_t)run->mmio.phys_addr, run->mmio.len,
		    run->mmio.is_write, &run->mmio.data,
		    run->mmio.is_write ? "write" : "read");
}

/*
 * Applies the stores waiting in @v's coalesced ring, oldest first, as if
 * each had been an MMIO exit of its own; called with m->lock held.  The
 * module appends meanwhile: the tail is read with acquire, the head
 * written with release (uapi: struct mipsvcpu_coalesced_ring).
 */
static void drain_coalesced(struct vcpu *v)
{
	struct mipsvcpu_coalesced_ring *ring = &v->run->coalesced;
	uint32_t head = ring->head;
	uint32_t tail = __atomic_load_n(&ring->tail, __ATOMIC_ACQUIRE);

	while (head != tail) {
		struct mipsvcpu_coalesced_entry *e =
			&ring->entry[head % MIPSVCPU_COALESCED_RING_SIZE];
		uint32_t data = e->data;

		mmio_access(v, (uint32_t)e->phys_addr, e->len, true, &data,
			    "coalesced write");
		head++;
	}
	__atomic_store_n(&ring->head, head, __ATOMIC_RELEASE);
}

/*
 * Every VCPU's ring: by a VCPU's thread before it looks at any exit, so
 * that the exit sees every earlier store of its VCPU (the ABI's promise)
 * and of the others as far as they have reached their rings, and by the
 * main thread while the VCPUs run on.  Called with m->lock held.
 */
static void drain_all(struct machine *m)
{
	int i;

	for (i = 0; i < m->nvcpus; i++)
		drain_coalesced(&m->vcpus[i]);
}

static void *vcpu_thread(void *arg)
{
	struct vcpu *v = arg;
	struct machine *m = v->m;
	struct mipsvcpu_run *run = v->run;

	while (!m->stop) {
		if (m->gdb && !gdb_vcpu_gate(v))
			break;
		if (ioctl(v->fd, MIPSVCPU_RUN, 0) < 0) {
			if (errno == EINTR) {
				pthread_mutex_lock(&m->lock);
				drain_all(m);
				check_signals(m);
				uart_poll(m);
				pthread_mutex_unlock(&m->lock);
				continue;
			}
			if (errno != EIO) {
				perror("vcpuctl: MIPSVCPU_RUN");
				pthread_mutex_lock(&m->lock);
				machine_stop(m, VCPUCTL_EXIT_OSERR);
				pthread_mutex_unlock(&m->lock);
				break;
			}
		}
		pthread_mutex_lock(&m->lock);
		drain_all(m);
		if (m->trace && run->exit_reason != MIPSVCPU_EXIT_MMIO)
			fprintf(stderr, "vcpuctl: vcpu %u exit %u\n", v->id,
				run->exit_reason);
		switch (run->exit_reason) {
		case MIPSVCPU_EXIT_MMIO:
			handle_mmio(v);
			uart_poll(m);
			break;
		case MIPSVCPU_EXIT_DEBUG:
			if (m->gdb)
				gdb_vcpu_debug_exit(v);
			break;
		case MIPSVCPU_EXIT_INTERNAL_ERROR:
			if (m->gdb && m->gdb_died[v - m->vcpus]) {
				gdb_vcpu_died(v);
				break;
			}
			terminal_restore();
			fprintf(stderr, "\nvcpuctl: VCPU %u stopped: %s (pc %#x, instruction %#010x, cause %#x)\n",
				v->id, run->internal.message, run->internal.pc,
				run->internal.insn, run->internal.cause);
			dump_state(v);
			if (m->gdb) {
				/* Drop into the debugger instead. */
				m->gdb_died[v - m->vcpus] = true;
				gdb_vcpu_died(v);
				break;
			}
			machine_stop(m, VCPUCTL_EXIT_SOFTWARE);
			break;
		}
		pthread_mutex_unlock(&m->lock);
	}
	return NULL;
}

/* Runs every VCPU until one stops the machine; returns its exit code. */
int machine_run(struct machine *m, unsigned int timeout_s)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block, old;
	int i, stopped;

	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* Only the VCPU threads take signals; this one waits. */
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigaddset(&block, SIGUSR1);
	for (i = 0; i < m->nvcpus; i++)
		pthread_create(&m->vcpus[i].thread, NULL, vcpu_thread,
			       &m->vcpus[i]);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	if (m->gdb)
		gdb_start(m);
	if (timeout_s)
		alarm(timeout_s);
	/*
	 * Poll the terminal every 20 ms while the guests compute, and apply
	 * what they stored to coalesced zones meanwhile: a guest that prints
	 * and then computes or waits does not exit to vcpuctl.
	 */
	for (;;) {
		usleep(20000);
		pthread_mutex_lock(&m->lock);
		drain_all(m);
		stopped = m->stop;
		if (!stopped)
			uart_poll(m);
		pthread_mutex_unlock(&m->lock);
		if (stopped)
			break;
		if (timed_out || stop_signal) {
			pthread_mutex_lock(&m->lock);
			check_signals(m);
			pthread_mutex_unlock(&m->lock);
		}
	}
	for (i = 0; i < m->nvcpus; i++)
		pthread_kill(m->vcpus[i].thread, SIGUSR1);
	for (i = 0; i < m->nvcpus; i++)
		pthread_join(m->vcpus[i].thread, NULL);
	gdb_close(m);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (m->exit_code == VCPUCTL_EXIT_TIMEOUT)
		fprintf(stderr, "\nvcpuctl: timeout after %u s\n", timeout_s);
	else if (stop_signal && m->exit_code == 128 + stop_signal)
		fprintf(stderr, "\nvcpuctl: stopped by signal %d\n", stop_signal);
	return m->exit_code;
}

int load_file(const char *path, void *dst, size_t max, size_t *len)
{
	struct stat st;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "vcpuctl: cannot read image %s: %s\n", path,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return -VCPUCTL_EXIT_NOINPUT;
	}
	if ((size_t)st.st_size > max) {
		fprintf(stderr, "vcpuctl: image %s is %lld bytes, larger than its region (%zu bytes)\n",
			path, (long long)st.st_size, max);
		close(fd);
		return -VCPUCTL_EXIT_DATAERR;
	}
	n = read(fd, dst, st.st_size);
	close(fd);
	if (n != st.st_size) {
		fprintf(stderr, "vcpuctl: short read of %s\n", path);
		return -VCPUCTL_EXIT_NOINPUT;
	}
	*len = n;
	return 0;
}
