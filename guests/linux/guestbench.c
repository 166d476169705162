// SPDX-License-Identifier: GPL-2.0
/*
 * guestbench - the Linux guest's workloads for make bench (bench/README.md).
 * The same file, a PIE on Debian's glibc, runs in the guest's initramfs
 * (/bin/guestbench) and, for the anchor, in a host process chrooted into a
 * copy of the guest's userland in the MIPS host's initramfs.
 *
 *   guestbench cpu N        N rounds of an integer loop in registers
 *   guestbench getppid N    N getppid() system calls
 *   guestbench forkexec N   N times fork, exec /bin/true, wait
 *   guestbench pages N      mmap N fresh pages, store to each, munmap
 *   guestbench tlbmiss N    N loads, each from the next of 256 pairs of
 *                           pages (2 MiB, stored to before the clock
 *                           starts): more than a 64-entry TLB maps, so
 *                           nearly every load is a TLB miss served by the
 *                           kernel's refill handler
 *   guestbench seq N        busybox seq 1 N into a pipe: its doubles go
 *                           through the FPU emulator of a kernel whose CPU
 *                           has no FPU (the guest's, and the 24Kc host's)
 *   guestbench clock NS     the clock check, below
 *
 * A workload prints "guestbench NAME ready", waits for a line on stdin
 * (so that the caller can read the VCPU's exit counters just before the
 * loop), runs the loop between two CLOCK_MONOTONIC readings and prints
 * "guestbench NAME N NS" with the elapsed nanoseconds.  The clock check
 * prints "guestbench clock mark", spins until NS nanoseconds of its own
 * clock have passed since just before that line, prints the same line
 * again and then "guestbench clock NS ELAPSED": the caller times the two
 * identical lines with its own clock.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static volatile uint32_t sink;

/* An xorshift generator: registers only, no memory, no system calls. */
static void cpu_loop(unsigned long n)
{
	uint32_t x = 2463534242u;
	unsigned long i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
	}
	sink = x;
}

static int getppid_loop(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}

static int forkexec_loop(unsigned long n)
{
	unsigned long i;
	int status;
	pid_t pid;

	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			return perror("fork"), 1;
		if (pid == 0) {
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid || status)
			return fprintf(stderr, "/bin/true: status %#x\n", status), 1;
	}
	return 0;
}

static int pages_loop(unsigned long n)
{
	long page = sysconf(_SC_PAGESIZE);
	volatile char *p = mmap(NULL, n * page, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED)
		return perror("mmap"), 1;
	for (i = 0; i < n; i++)
		p[i * page] = 1;
	munmap((void *)p, n * page);
	return 0;
}

#define TLBMISS_PAIRS	256

static volatile char *tlbmiss_setup(void)
{
	long page = sysconf(_SC_PAGESIZE);
	volatile char *p = mmap(NULL, TLBMISS_PAIRS * 2 * page,
				PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED)
		return perror("mmap"), NULL;
	for (i = 0; i < TLBMISS_PAIRS * 2; i++)
		p[i * page] = 1;
	return p;
}

static void tlbmiss_loop(volatile char *p, unsigned long n)
{
	long pair = 2 * sysconf(_SC_PAGESIZE);
	unsigned long i, k = 0;
	uint32_t s = 0;

	for (i = 0; i < n; i++) {
		s += p[k * pair];
		k = (k + 1) % TLBMISS_PAIRS;
	}
	sink = s;
}

/* Its output through a pipe, read and dropped: no /dev in the chroot. */
static int seq_run(unsigned long n)
{
	char arg[24], buf[4096];
	int status, fd[2];
	pid_t pid;

	snprintf(arg, sizeof(arg), "%lu", n);
	if (pipe(fd))
		return perror("pipe"), 1;
	pid = fork();
	if (pid < 0)
		return perror("fork"), 1;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execl("/bin/busybox", "seq", "1", arg, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while (read(fd[0], buf, sizeof(buf)) > 0)
		;
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || status)
		return fprintf(stderr, "seq: status %#x\n", status), 1;
	return 0;
}

static void clock_check(uint64_t ns)
{
	uint64_t t0, t;

	/* Both readings just before a mark: the same path after each. */
	t0 = now_ns();
	printf("guestbench clock mark\n");
	fflush(stdout);
	do {
		cpu_loop(1000);
		t = now_ns();
	} while (t - t0 < ns);
	printf("guestbench clock mark\n");
	fflush(stdout);
	printf("guestbench clock %llu %llu\n", (unsigned long long)ns,
	       (unsigned long long)(t - t0));
}

int main(int argc, char **argv)
{
	volatile char *area = NULL;
	unsigned long n;
	uint64_t t0, t1;
	char line[16];
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: guestbench cpu|getppid|forkexec|pages|tlbmiss|seq N\n"
			"       guestbench clock NS\n");
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
	if (!strcmp(argv[1], "clock")) {
		clock_check(n);
		return 0;
	}
	if (strcmp(argv[1], "cpu") && strcmp(argv[1], "getppid") &&
	    strcmp(argv[1], "forkexec") && strcmp(argv[1], "pages") &&
	    strcmp(argv[1], "tlbmiss") && strcmp(argv[1], "seq")) {
		fprintf(stderr, "guestbench: unknown workload %s\n", argv[1]);
		return 2;
	}
	if (!strcmp(argv[1], "tlbmiss")) {
		area = tlbmiss_setup();
		if (!area)
			return 1;
	}
	printf("guestbench %s ready\n", argv[1]);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 1;
	t0 = now_ns();
	if (!strcmp(argv[1], "cpu"))
		cpu_loop(n);
	else if (!strcmp(argv[1], "getppid"))
		rc = getppid_loop(n);
	else if (!strcmp(argv[1], "forkexec"))
		rc = forkexec_loop(n);
	else if (!strcmp(argv[1], "pages"))
		rc = pages_loop(n);
	else if (area)
		tlbmiss_loop(area, n);
	else
		rc = seq_run(n);
	t1 = now_ns();
	if (rc)
		return rc;
	printf("guestbench %s %lu %llu\n", argv[1], n,
	       (unsigned long long)(t1 - t0));
	return 0;
}
