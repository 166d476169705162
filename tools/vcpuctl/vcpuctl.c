// SPDX-License-Identifier: GPL-2.0
/*
 * vcpuctl - the command-line front end of /dev/mipsvcpu.
 *
 *   vcpuctl run [--image NAME=FILE]... [--timeout S] [--trace]
 *               [--gdb PORT|PATH [--gdb-wait]] guest.dtb
 *   vcpuctl run --rom IMAGE [--ram SIZE] [--timeout S] [--trace]
 *               [--gdb PORT|PATH [--gdb-wait]]
 *   vcpuctl info guest.dtb
 *   vcpuctl stats [--json]
 *   vcpuctl version
 *   vcpuctl --help
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vcpuctl.h"

#define DEV_PATH "/dev/mipsvcpu"
#define SYSFS_DIR "/sys/class/misc/mipsvcpu/"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vcpuctl COMMAND [ARGS]\n"
		"\n"
		"commands:\n"
		"  run       boot a guest and connect its UART to this terminal\n"
		"  info      show the guest a DTB describes, as the module parsed it\n"
		"  stats     exit counters of every VCPU alive (--json for JSON)\n"
		"  version   print the API version of vcpuctl and of the loaded module\n"
		"\n"
		"vcpuctl COMMAND --help describes a command.\n");
}

static void usage_run(FILE *f)
{
	fprintf(f,
		"usage: vcpuctl run [--image NAME=FILE]... [--timeout SECONDS] [--trace]\n"
		"                   [--gdb PORT|PATH [--gdb-wait]] guest.dtb\n"
		"       vcpuctl run --rom IMAGE [--ram SIZE] [--timeout SECONDS] [--trace]\n"
		"                   [--gdb PORT|PATH [--gdb-wait]]\n"
		"\n"
		"Boots the guest guest.dtb describes (docs/guest-dts.md): its memory regions\n"
		"backed by vcpuctl, their images loaded from files named relative to the .dtb\n"
		"(--image NAME=FILE replaces the image of region NAME), the DTB itself copied\n"
		"into the end of the boot region (a2 points at it), its UART on this terminal.\n"
		"With --rom: one VCPU, IMAGE in a read-only 4 MiB flash at guest physical\n"
		"0x1fc00000, SIZE bytes of RAM at 0 (default 64M; K and M suffixes), a 16550\n"
		"at 0x180003f8 and a power register at 0x1f000500.\n"
		"\n"
		"--gdb serves the GDB remote protocol on a TCP PORT, a serial line (a character\n"
		"device such as /dev/ttyS1) or a Unix socket PATH, one thread per VCPU;\n"
		"--gdb-wait holds the guest before its first instruction until gdb resumes it.\n"
		"With --gdb a guest that dies is held for the debugger (docs/debugging.md).\n"
		"On a terminal, Ctrl-A x quits.  --trace prints a line per exit to vcpuctl\n"
		"and per store the module coalesced (the UART's transmit register).\n"
		"SIGINT, SIGTERM and SIGHUP stop the guest (exit status 128 + the signal).\n"
		"Exit status: the guest's power-off value; 64 usage, 65 bad image or DTB,\n"
		"66 unreadable file, 69 no /dev/mipsvcpu, 70 the guest died, 71 system error,\n"
		"124 timeout, 130 SIGINT, 143 SIGTERM, 129 SIGHUP.\n");
}

static int parse_size(const char *s, uint32_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (end == s)
		return -1;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	if (*end || !v || v > MIPSVCPU_GUEST_PHYS_LIMIT)
		return -1;
	*out = v;
	return 0;
}

static int cmd_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rom", required_argument, NULL, 'r' },
		{ "ram", required_argument, NULL, 'm' },
		{ "timeout", required_argument, NULL, 't' },
		{ "trace", no_argument, NULL, 'T' },
		{ "image", required_argument, NULL, 'i' },
		{ "gdb", required_argument, NULL, 'g' },
		{ "gdb-wait", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *images[16];
	int nimages = 0;
	struct run_options o = { 0 };
	uint32_t ram_size = DEFAULT_RAM_SIZE;
	const char *rom = NULL;
	struct machine m = { 0 };
	void *ram_mem, *rom_mem;
	size_t len;
	int c, ret;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			rom = optarg;
			break;
		case 'm':
			if (parse_size(optarg, &ram_size) ||
			    ram_size > DEFAULT_ROM_GPA || ram_size & 0xfff) {
				fprintf(stderr, "vcpuctl: bad RAM size '%s'\n", optarg);
				return VCPUCTL_EXIT_USAGE;
			}
			break;
		case 't':
			o.timeout = strtoul(optarg, NULL, 0);
			break;
		case 'T':
			o.trace = true;
			break;
		case 'g':
			o.gdb = optarg;
			break;
		case 'w':
			o.gdb_wait = true;
			break;
		case 'i':
			if (nimages == 16 || !strchr(optarg, '=')) {
				fprintf(stderr, "vcpuctl: --image NAME=FILE, at most 16\n");
				return VCPUCTL_EXIT_USAGE;
			}
			images[nimages++] = optarg;
			break;
		case 'h':
			usage_run(stdout);
			return 0;
		default:
			usage_run(stderr);
			return VCPUCTL_EXIT_USAGE;
		}
	}
	if (o.gdb_wait && !o.gdb) {
		fprintf(stderr, "vcpuctl: --gdb-wait needs --gdb\n");
		return VCPUCTL_EXIT_USAGE;
	}
	if (!rom && optind == argc - 1)
		return cmd_run_dtb(argv[optind], images, nimages, &o);
	if (!rom || optind != argc) {
		usage_run(stderr);
		return VCPUCTL_EXIT_USAGE;
	}

	m.trace = o.trace;
	ret = machine_open(&m);
	if (ret)
		return -ret;
	ret = machine_add_memory(&m, 0, DEFAULT_RAM_GPA, ram_size, false,
				 &ram_mem);
	if (ret)
		return -ret;
	/* Load before the slot exists, so the module sees the final bytes. */
	rom_mem = mmap(NULL, DEFAULT_ROM_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (rom_mem == MAP_FAILED)
		return VCPUCTL_EXIT_OSERR;
	ret = load_file(rom, rom_mem, DEFAULT_ROM_SIZE, &len);
	if (ret)
		return -ret;
	ret = machine_map_memory(&m, 1, DEFAULT_ROM_GPA, DEFAULT_ROM_SIZE,
				 true, rom_mem);
	if (ret)
		return -ret;
	ret = uart_add(&m, DEFAULT_UART_GPA, 0);
	if (ret)
		return -ret;
	power_add(&m, DEFAULT_POWER_GPA);
	ret = machine_create_vcpu(&m, 0);
	if (!ret && o.gdb)
		ret = gdb_open(&m, o.gdb, o.gdb_wait);
	if (ret)
		return -ret;
	if (terminal_raw())
		perror("vcpuctl: raw terminal");
	ret = machine_run(&m, o.timeout);
	terminal_restore();
	return ret;
}

static int open_device(void)
{
	int fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT)
		fprintf(stderr, "vcpuctl: %s does not exist: is the mipsvcpu module loaded? (insmod mipsvcpu.ko)\n",
			DEV_PATH);
	else if (errno == EACCES || errno == EPERM)
		fprintf(stderr, "vcpuctl: no permission to open %s: ask for access to it (see README)\n",
			DEV_PATH);
	else
		fprintf(stderr, "vcpuctl: cannot open %s: %s\n", DEV_PATH,
			strerror(errno));
	return -1;
}

static long read_counter(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), SYSFS_DIR "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

static int cmd_version(void)
{
	int fd = open_device();
	int version;

	if (fd < 0)
		return VCPUCTL_EXIT_NODEV;
	version = ioctl(fd, MIPSVCPU_GET_API_VERSION, 0);
	close(fd);
	if (version < 0) {
		perror("vcpuctl: MIPSVCPU_GET_API_VERSION");
		return VCPUCTL_EXIT_NODEV;
	}
	printf("vcpuctl API version %d, module API version %d\n",
	       MIPSVCPU_API_VERSION, version);
	printf("live: %ld VMs, %ld VCPUs, %ld pinned pages\n",
	       read_counter("live_vms"), read_counter("live_vcpus"),
	       read_counter("pinned_pages"));
	return version == MIPSVCPU_API_VERSION ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return VCPUCTL_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "version"))
		return cmd_version();
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "info")) {
		if (argc != 3 || !strcmp(argv[2], "--help")) {
			printf("usage: vcpuctl info guest.dtb\n\nShows the VCPUs, regions and devices of the guest guest.dtb describes,\nas the module parsed it, and what backs each region.\n");
			return argc == 3 ? 0 : VCPUCTL_EXIT_USAGE;
		}
		return cmd_info(argv[2]);
	}
	if (!strcmp(argv[1], "stats")) {
		if (argc > 2 && !strcmp(argv[2], "--help")) {
			printf("usage: vcpuctl stats [--json]\n\nPrints the exit counters of every VCPU alive, from debugfs.\n");
			return 0;
		}
		if (argc > 3 || (argc == 3 && strcmp(argv[2], "--json"))) {
			fprintf(stderr, "usage: vcpuctl stats [--json]\n");
			return VCPUCTL_EXIT_USAGE;
		}
		return cmd_stats(argc == 3);
	}
	fprintf(stderr, "vcpuctl: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return VCPUCTL_EXIT_USAGE;
}
