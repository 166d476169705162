// SPDX-License-Identifier: GPL-2.0
/*
 * guestcheck - probes of the user/kernel boundary of the low-KSEG guest
 * map, run inside the Linux guest by selftests/mipsvcpu/linux_guest_test.c.
 * Built as a PIE against Debian's glibc, like the rest of the userland.
 *
 *   guestcheck kwrite ADDR   write(2) 16 bytes from ADDR to /dev/null
 *   guestcheck kread ADDR    read(2) 16 bytes of /proc/version into ADDR
 *   guestcheck peek ADDR     load a word from ADDR in user mode
 *   guestcheck jump ADDR     jump to ADDR in user mode
 *   guestcheck mmap ADDR     mmap(2) a page at ADDR, MAP_FIXED, then a hint
 *   guestcheck exec PATH     execve(2) PATH, report the error
 *   guestcheck maps          check every line of /proc/self/maps against
 *                            the user window
 *
 * Each prints one line saying what happened; a fault is caught and
 * reported by signal name, so the caller reads results, not crashes.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define USER_WINDOW_BASE	0x40000000ul
#define USER_WINDOW_END		0x70000000ul

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	printf("%s at %#lx\n", sig == SIGBUS ? "SIGBUS" : "SIGSEGV",
	       (unsigned long)si->si_addr);
	fflush(stdout);
	_exit(0);
}

static int result(const char *what, long rc)
{
	if (rc < 0)
		printf("%s: %s\n", what, errno == EFAULT ? "EFAULT" : strerror(errno));
	else
		printf("%s: %ld bytes\n", what, rc);
	return 0;
}

static int check_maps(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long lo, hi;
	char line[256];
	int n = 0, bad = 0;

	if (!f)
		return perror("maps"), 1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx", &lo, &hi) != 2)
			continue;
		n++;
		if (lo < USER_WINDOW_BASE || hi > USER_WINDOW_END) {
			printf("outside the window: %s", line);
			bad++;
		}
	}
	fclose(f);
	printf("maps: %d lines, %d outside 0x%08lx-0x%08lx\n", n, bad,
	       USER_WINDOW_BASE, USER_WINDOW_END);
	return bad != 0;
}

static int check_mmap(unsigned long addr)
{
	void *p = mmap((void *)addr, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (p == MAP_FAILED)
		printf("mmap fixed %#lx: %s\n", addr, strerror(errno));
	else
		printf("mmap fixed %#lx: mapped at %p\n", addr, p);
	p = mmap((void *)addr, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		printf("mmap hint %#lx: %s\n", addr, strerror(errno));
	else
		printf("mmap hint %#lx: %s\n", addr,
		       (unsigned long)p >= USER_WINDOW_BASE &&
		       (unsigned long)p < USER_WINDOW_END ?
		       "inside the window" : "OUTSIDE the window");
	return 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
	unsigned long addr;
	int fd;

	if (argc == 2 && !strcmp(argv[1], "maps"))
		return check_maps();
	if (argc != 3) {
		fprintf(stderr, "usage: guestcheck kwrite|kread|peek|jump|mmap ADDR | exec PATH | maps\n");
		return 2;
	}
	if (!strcmp(argv[1], "exec")) {
		execl(argv[2], argv[2], "true", (char *)NULL);
		printf("exec %s: %s\n", argv[2], strerror(errno));
		return 0;
	}
	addr = strtoul(argv[2], NULL, 0);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);

	if (!strcmp(argv[1], "kwrite")) {
		fd = open("/dev/null", O_WRONLY);
		return result("write", write(fd, (void *)addr, 16));
	}
	if (!strcmp(argv[1], "kread")) {
		fd = open("/proc/version", O_RDONLY);
		return result("read", read(fd, (void *)addr, 16));
	}
	if (!strcmp(argv[1], "peek")) {
		printf("peek %#lx: %#x\n", addr, *(volatile unsigned int *)addr);
		return 0;
	}
	if (!strcmp(argv[1], "jump")) {
		((void (*)(void))addr)();
		printf("jump %#lx: returned\n", addr);
		return 0;
	}
	if (!strcmp(argv[1], "mmap"))
		return check_mmap(addr);
	fprintf(stderr, "guestcheck: unknown command %s\n", argv[1]);
	return 2;
}
