// SPDX-License-Identifier: GPL-2.0
/*
 * guest_dt_test.c - host unit tests of module/guest_dt.c.
 *
 * Test blobs are built at run time from DTS text with dtc (as a user
 * would build them), then some are damaged byte by byte where dtc cannot
 * express the damage (bad header fields, broken structure blocks,
 * duplicate names).  The good cases check every field of the description;
 * the "bad" fixture's variants each check that one specific mistake is
 * rejected with the message that names it.  Then the parser is fed every
 * bit flip and every truncation of the demo blob, random damage, the seed
 * corpus and every fuzzer regression input, and each result is checked
 * against tests/fuzz/guest_dt_invariants.h.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kselftest_harness.h"
#include "../fuzz/guest_dt_invariants.h"

#ifndef MVC_SRCDIR
#define MVC_SRCDIR "."
#endif

#define BUF_CAP		(160 * 1024)	/* room for any test blob + shifts */
#define EINVAL_RET	(-MVC_DT_EINVAL)

/* ---- building blobs ---- */

/* Compile @dts with dtc into an 8-byte aligned buffer of BUF_CAP bytes. */
static unsigned char *dtc(struct __test_metadata *_metadata, const char *dts,
			  const char *flags, unsigned int *size)
{
	char in[] = "/tmp/guest_dt_test-XXXXXX.dts", out[64], cmd[256];
	char log[1024] = "";
	unsigned char *buf;
	size_t n, got;
	FILE *f;
	int fd, rc;

	fd = mkstemps(in, 4);
	if (fd < 0)
		return NULL;
	n = strlen(dts);
	got = write(fd, dts, n);
	close(fd);
	snprintf(out, sizeof(out), "%.*s.dtb", (int)strlen(in) - 4, in);
	snprintf(cmd, sizeof(cmd), "dtc -q %s -I dts -O dtb -o %s %s 2>&1",
		 flags, out, in);
	f = popen(cmd, "r");
	if (f) {
		n = fread(log, 1, sizeof(log) - 1, f);
		log[n] = '\0';
		rc = pclose(f);
	} else {
		rc = -1;
	}
	unlink(in);
	if (got != strlen(dts) || rc) {
		unlink(out);
		TH_LOG("dtc failed (is device-tree-compiler installed?): %s",
		       log);
		return NULL;
	}
	buf = aligned_alloc(8, BUF_CAP);
	f = fopen(out, "rb");
	if (!buf || !f) {
		free(buf);
		if (f)
			fclose(f);
		unlink(out);
		return NULL;
	}
	memset(buf, 0, BUF_CAP);
	*size = fread(buf, 1, BUF_CAP, f);
	fclose(f);
	unlink(out);
	return buf;
}

static unsigned char *read_file(const char *path, unsigned int *size)
{
	unsigned char *buf = aligned_alloc(8, BUF_CAP);
	FILE *f = fopen(path, "rb");

	if (!buf || !f) {
		free(buf);
		if (f)
			fclose(f);
		return NULL;
	}
	*size = fread(buf, 1, BUF_CAP, f);
	fclose(f);
	return buf;
}

static char *slurp_text(const char *path)
{
	unsigned int size;
	unsigned char *buf = read_file(path, &size);

	if (buf)
		buf[size < BUF_CAP ? size : BUF_CAP - 1] = '\0';
	return (char *)buf;
}

/* ---- DTS pieces ---- */

#define VCPU(name, extra)						\
	name " { device_type = \"vcpu\"; model = \"MIPS,24Kc\";"	\
	" start_pc = <0x3fc00000>; " extra " };"
#define VCPUS		"vcpus { " VCPU("vcpu0", "") " };"
#define REGION(name, manifest, type, gpa, size, extra)			\
	name " { manifest_type = \"" manifest "\";"			\
	" address_type = \"memory\"; device_type = \"" type "\";"	\
	" guest_physical_addr = <" gpa ">; physical_size = <" size ">; "	\
	extra " };"
#define RAM		REGION("mem0", "real", "ram", "0", "0x1000000", "")
#define ROM		REGION("rom0", "real", "rom", "0x1fc00000", "0x400000", "")
#define UART(extra)	REGION("uart0", "virtual", "serial", "0x180003f8", \
			       "0x8", extra)
#define POWER(extra)	REGION("power", "virtual", "power", "0x1f000500", \
			       "0x8", extra)
#define ASPACE(body)	"aspace { " body " };"
#define GUEST_AT(name, body)						\
	name " { device_type = \"guest\"; model = \"test\"; " body " };"
#define DTS(body)	"/dts-v1/; / { " body " };"
#define GUEST(body)	DTS(GUEST_AT("guest0", body))
#define OK_WITH(more)	GUEST(VCPUS ASPACE(RAM ROM more))
#define GOOD		OK_WITH("")

/* The example of SPEC.md, "The guest device tree", as written there. */
static const char xvisor_dts[] =
	"/dts-v1/;\n"
	"/ {\n"
	"guest0 {\n"
	"    model = \"vqemu-mips\"; device_type = \"guest\";\n"
	"    vcpus { vcpu0 { device_type = \"vcpu\"; model = \"MIPS,24Kc\"; start_pc = <0x3FC00000>; }; };\n"
	"    aspace {\n"
	"        nor_flash { manifest_type = \"real\"; address_type = \"memory\"; device_type = \"rom\";\n"
	"                    guest_physical_addr = <0x1FC00000>; physical_size = <0x400000>; };\n"
	"        mem0      { manifest_type = \"real\"; address_type = \"memory\"; device_type = \"ram\";\n"
	"                    guest_physical_addr = <0x00000000>; physical_size = <0x1000000>; };\n"
	"    };\n"
	"};\n"
	"};\n";

/* ---- checking results ---- */

static int parse(const void *blob, unsigned int size,
		 struct mvc_guest_desc *d, char *err, unsigned int errlen)
{
	char why[128];
	int ret;

	memset(d, 0xa5, sizeof(*d));
	ret = mvc_parse_guest_dt(blob, size, d, err, errlen);
	if (ret == 0 && gdt_check_desc(d, why, sizeof(why)))
		fprintf(stderr, "# invariant broken: %s\n", why);
	if (ret && gdt_check_error(d, err, errlen, why, sizeof(why)))
		fprintf(stderr, "# invariant broken: %s\n", why);
	return ret;
}

/* Parse and check the invariants; 0 when they hold. */
static int parse_checked(const void *blob, unsigned int size, char *why,
			 size_t n)
{
	static struct mvc_guest_desc d;
	char err[256];
	int ret;

	memset(&d, 0x5a, sizeof(d));
	ret = mvc_parse_guest_dt(blob, size, &d, err, sizeof(err));
	if (ret == 0)
		return gdt_check_desc(&d, why, n);
	if (ret != EINVAL_RET && ret != -MVC_DT_E2BIG) {
		snprintf(why, n, "return value %d", ret);
		return -1;
	}
	return gdt_check_error(&d, err, sizeof(err), why, n);
}

/* ---- the good cases ---- */

TEST(demo_guest)
{
	struct mvc_guest_desc d;
	const struct mvc_region_desc *r;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "", *dts;

	dts = slurp_text(MVC_SRCDIR "/examples/demo/guest.dts");
	ASSERT_TRUE(dts != NULL) TH_LOG("examples/demo/guest.dts unreadable");
	blob = dtc(_metadata, dts, "", &size);
	free(dts);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_STREQ("mipsvcpu-demo", d.model);
	ASSERT_EQ(1, d.nvcpus);
	EXPECT_STREQ("vcpu0", d.vcpu[0].name);
	EXPECT_STREQ("MIPS,24Kc", d.vcpu[0].model);
	EXPECT_EQ(0x3fc00000u, d.vcpu[0].start_pc);
	EXPECT_EQ(16, d.vcpu[0].tlb_size);
	ASSERT_EQ(4, d.nregions);
	EXPECT_EQ(0, d.ram_region);
	EXPECT_EQ(1, d.boot_region);

	r = &d.region[0];
	EXPECT_STREQ("mem0", r->name);
	EXPECT_STREQ("ram", r->device_type);
	EXPECT_EQ(MVC_REGION_RAM, r->kind);
	EXPECT_EQ(MVC_DEV_NONE, r->device);
	EXPECT_EQ(0, r->gpa);
	EXPECT_EQ(0x4000000u, r->size);
	EXPECT_FALSE(r->read_only);
	EXPECT_STREQ("", r->image);

	r = &d.region[1];
	EXPECT_STREQ("nor_flash", r->name);
	EXPECT_EQ(MVC_REGION_ROM, r->kind);
	EXPECT_EQ(0x1fc00000u, r->gpa);
	EXPECT_EQ(0x400000u, r->size);
	EXPECT_TRUE(r->read_only);
	EXPECT_NE(0, r->image[0]);	/* the file name is the demo's choice */
	EXPECT_EQ(0, r->image_offset);

	r = &d.region[2];
	EXPECT_STREQ("uart0", r->name);
	EXPECT_STREQ("serial", r->device_type);
	EXPECT_STREQ("ns16550a", r->compatible);
	EXPECT_EQ(MVC_REGION_DEVICE, r->kind);
	EXPECT_EQ(MVC_DEV_SERIAL, r->device);
	EXPECT_EQ(0x180003f8u, r->gpa);
	EXPECT_EQ(8, r->size);
	EXPECT_EQ(2, r->irq);

	r = &d.region[3];
	EXPECT_STREQ("power", r->name);
	EXPECT_STREQ("mipsvcpu,power", r->compatible);
	EXPECT_EQ(MVC_DEV_POWER, r->device);
	EXPECT_EQ(0x1f000500u, r->gpa);
	EXPECT_EQ(8, r->size);
	EXPECT_EQ(0, r->irq);
	free(blob);
}

TEST(spec_xvisor_example)
{
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "";

	blob = dtc(_metadata, xvisor_dts, "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_STREQ("vqemu-mips", d.model);
	ASSERT_EQ(1, d.nvcpus);
	ASSERT_EQ(2, d.nregions);
	EXPECT_STREQ("nor_flash", d.region[0].name);
	EXPECT_EQ(MVC_REGION_ROM, d.region[0].kind);
	EXPECT_TRUE(d.region[0].read_only);
	EXPECT_EQ(0x1fc00000u, d.region[0].gpa);
	EXPECT_EQ(0x400000u, d.region[0].size);
	EXPECT_STREQ("mem0", d.region[1].name);
	EXPECT_EQ(MVC_REGION_RAM, d.region[1].kind);
	EXPECT_FALSE(d.region[1].read_only);
	EXPECT_EQ(0x1000000u, d.region[1].size);
	EXPECT_EQ(1, d.ram_region);
	EXPECT_EQ(0, d.boot_region);
	free(blob);
}

/* Xvisor's host trees keep guests under /guests; any depth is found. */
TEST(guest_under_guests_node)
{
	static const char dts[] = DTS("model = \"host\"; cpus { cpu0 { }; }; "
		"guests { " GUEST_AT("guest1", VCPUS ASPACE(RAM ROM)) " };");
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "";

	blob = dtc(_metadata, dts, "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(2, d.nregions);
	free(blob);
}

/*
 * Xvisor's own guest trees put device_type = "guest" on the root and call
 * memory it allocates "alloced_ram" and "alloced_rom".
 */
TEST(xvisor_guest_tree_at_root)
{
	static const char dts[] = DTS("model = \"virt\"; device_type = \"guest\"; "
		VCPUS ASPACE(REGION("flash", "real", "alloced_rom", "0x1fc00000",
				    "0x400000", "")
			     REGION("mem", "real", "alloced_ram", "0", "0x1000",
				    "")));
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "";

	blob = dtc(_metadata, dts, "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_STREQ("virt", d.model);
	ASSERT_EQ(2, d.nregions);
	EXPECT_STREQ("rom", d.region[0].device_type);
	EXPECT_EQ(MVC_REGION_ROM, d.region[0].kind);
	EXPECT_TRUE(d.region[0].read_only);
	EXPECT_STREQ("ram", d.region[1].device_type);
	EXPECT_EQ(MVC_REGION_RAM, d.region[1].kind);
	/* and messages about it start at the root */
	free(blob);
	blob = dtc(_metadata, DTS("model = \"virt\"; device_type = \"guest\"; "
				  ASPACE(RAM ROM)), "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(EINVAL_RET, parse(blob, size, &d, err, sizeof(err)));
	EXPECT_STREQ("/: node \"vcpus\" missing", err);
	free(blob);
}

/* Every optional property and extension, at its limits. */
TEST(extensions_and_limits)
{
	static const char dts[] = GUEST(
		"host_physical_addr = <0x1234>; chosen_thing = \"ignored\"; "
		"vcpus { " VCPU("cpu@0", "tlb_size = <64>; priority = <1>;")
		VCPU("cpu@1", "tlb_size = <1>;") " }; "
		ASPACE(REGION("hi", "real", "ram", "0x1ff00000", "0x100000",
			      "read_only; image = \"os.bin\"; "
			      "image_offset = <0xff000>;")
		       REGION("boot", "real", "ram", "0x1fc00000", "0x1000",
			      "image = \"/abs/boot.bin\";")
		       REGION("lo", "real", "ram", "0x1000", "0x1000", "")
		       REGION("uart", "virtual", "serial", "0x1f000000",
			      "0x100", "compatible = \"acme,uart\", "
			      "\"ns16550a\"; interrupts = <6>;")
		       REGION("uart2", "virtual", "serial", "0x1f000100",
			      "0x8", "")
		       REGION("t", "virtual", "testdev", "0x1f200000", "0x20",
			      "")));
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "";

	blob = dtc(_metadata, dts, "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	ASSERT_EQ(2, d.nvcpus);
	EXPECT_STREQ("cpu@0", d.vcpu[0].name);
	EXPECT_EQ(64, d.vcpu[0].tlb_size);
	EXPECT_EQ(1, d.vcpu[1].tlb_size);
	ASSERT_EQ(6, d.nregions);
	EXPECT_TRUE(d.region[0].read_only);
	EXPECT_STREQ("os.bin", d.region[0].image);
	EXPECT_EQ(0xff000u, d.region[0].image_offset);
	EXPECT_FALSE(d.region[1].read_only);
	EXPECT_STREQ("/abs/boot.bin", d.region[1].image);
	EXPECT_EQ(2, d.ram_region);	/* "lo", the lowest RAM */
	EXPECT_EQ(1, d.boot_region);	/* "boot" holds 0x1fc00000 */
	EXPECT_STREQ("ns16550a", d.region[3].compatible);
	EXPECT_EQ(6, d.region[3].irq);
	EXPECT_EQ(0, d.region[4].irq);
	EXPECT_STREQ("ns16550a", d.region[4].compatible);
	EXPECT_EQ(MVC_DEV_TESTDEV, d.region[5].device);
	EXPECT_STREQ("mipsvcpu,testdev", d.region[5].compatible);
	free(blob);
}

static char *xmalloc(size_t n)
{
	char *p = malloc(n);

	if (!p)
		abort();
	return p;
}

static char *gen_vcpus(int n)
{
	char *s = xmalloc(16384), *p = s;
	int i;

	p += sprintf(p, "/dts-v1/; / { guest0 { device_type = \"guest\"; "
		     "model = \"t\"; vcpus { ");
	for (i = 0; i < n; i++)
		p += sprintf(p, VCPU("vcpu%d", ""), i);
	sprintf(p, " }; " ASPACE(RAM ROM) " }; };");
	return s;
}

static char *gen_regions(int n)
{
	char *s = xmalloc(16384), *p = s;
	int i;

	p += sprintf(p, "/dts-v1/; / { guest0 { device_type = \"guest\"; "
		     "model = \"t\"; " VCPUS " aspace { " RAM ROM);
	for (i = 2; i < n; i++)
		p += sprintf(p, REGION("r%d", "real", "ram", "0x%x", "0x1000",
				       ""), i, 0x2000000 + i * 0x1000);
	sprintf(p, " }; }; };");
	return s;
}

/* Nodes nested @levels deep below the root, the guest beside them. */
static char *gen_deep(int levels)
{
	char *s = xmalloc(16384), *p = s;
	int i;

	p += sprintf(p, "/dts-v1/; / { " GUEST_AT("guest0", VCPUS
		     ASPACE(RAM ROM)));
	for (i = 1; i <= levels; i++)
		p += sprintf(p, " n%d {", i);
	for (i = 1; i <= levels; i++)
		p += sprintf(p, " };");
	sprintf(p, " };");
	return s;
}

/* @total nodes in the tree, root included. */
static char *gen_nodes(int total)
{
	char *s = xmalloc(65536), *p = s;
	int i;

	/* root, guest0, vcpus, vcpu0, aspace, mem0, rom0: 7 nodes */
	p += sprintf(p, "/dts-v1/; / { " GUEST_AT("guest0", VCPUS
		     ASPACE(RAM ROM)));
	for (i = 7; i < total; i++)
		p += sprintf(p, " x%d { };", i);
	sprintf(p, " };");
	return s;
}

static char *gen_props(int n)
{
	char *s = xmalloc(16384), *p = s;
	int i;

	p += sprintf(p, "/dts-v1/; / { guest0 { device_type = \"guest\"; "
		     "model = \"t\"; " VCPUS " aspace { " RAM
		     " rom0 { manifest_type = \"real\"; address_type = "
		     "\"memory\"; device_type = \"rom\"; guest_physical_addr "
		     "= <0x1fc00000>; physical_size = <0x1000>;");
	for (i = 5; i < n; i++)
		p += sprintf(p, " x%d;", i);
	sprintf(p, " }; }; }; };");
	return s;
}

/* A guest whose node has a property with an @n-character name. */
static char *gen_prop_name(int n)
{
	char *s = xmalloc(16384), *p = s;

	p += sprintf(p, "/dts-v1/; / { guest0 { device_type = \"guest\"; "
		     "model = \"t\"; ");
	memset(p, 'p', n);
	p += n;
	sprintf(p, "; " VCPUS ASPACE(RAM ROM) " }; };");
	return s;
}

static int parse_generated(struct __test_metadata *_metadata, char *dts,
			   char *err)
{
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	int ret;

	blob = dtc(_metadata, dts, "", &size);
	free(dts);
	if (!blob)
		return 1;
	ret = parse(blob, size, &d, err, 256);
	free(blob);
	return ret;
}

/* Exactly at each limit is accepted; one more is the "bad" fixture's. */
TEST(at_the_limits)
{
	char err[256] = "";

	EXPECT_EQ(0, parse_generated(_metadata, gen_vcpus(8), err))
		TH_LOG("%s", err);
	EXPECT_EQ(0, parse_generated(_metadata, gen_regions(16), err))
		TH_LOG("%s", err);
	EXPECT_EQ(0, parse_generated(_metadata, gen_deep(16), err))
		TH_LOG("%s", err);
	EXPECT_EQ(0, parse_generated(_metadata, gen_nodes(256), err))
		TH_LOG("%s", err);
	EXPECT_EQ(0, parse_generated(_metadata, gen_props(64), err))
		TH_LOG("%s", err);
	EXPECT_EQ(0, parse_generated(_metadata, gen_prop_name(255), err))
		TH_LOG("%s", err);
}

/* A region may end exactly at 512 MiB; a 64 KiB blob is accepted. */
TEST(region_to_512m_and_64k_blob)
{
	static const char dts[] = GUEST(VCPUS ASPACE(RAM
		REGION("top", "real", "rom", "0x1fc00000", "0x400000", "")));
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size;
	char err[256] = "";

	blob = dtc(_metadata, dts, "-S 65536", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(65536, size);
	ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err))) TH_LOG("%s", err);
	EXPECT_EQ(0x20000000u, d.region[1].gpa + d.region[1].size);
	free(blob);
}

/* The user window: absent, Linux's shape, and at its bounds. */
TEST(user_window)
{
	static const struct {
		const char *prop;
		bool set;
		unsigned int base, end;
	} cases[] = {
		{ "", false, 0, 0x80000000u },
		{ "user_window = <0x40000000 0x70000000>;", true, 0x40000000u,
		  0x70000000u },
		{ "user_window = <0 0x80000000>;", true, 0, 0x80000000u },
		{ "user_window = <0x7ffff000 0x80000000>;", true, 0x7ffff000u,
		  0x80000000u },
		{ "user_window = <0 0x1000>;", true, 0, 0x1000 },
	};
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size, i;
	char err[256] = "", dts[1024];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(dts, sizeof(dts), DTS(GUEST_AT("guest0", "%s "
			 VCPUS ASPACE(RAM ROM))), cases[i].prop);
		blob = dtc(_metadata, dts, "", &size);
		ASSERT_TRUE(blob != NULL);
		ASSERT_EQ(0, parse(blob, size, &d, err, sizeof(err)))
			TH_LOG("%s: %s", cases[i].prop, err);
		EXPECT_EQ(cases[i].set, d.user_window) TH_LOG("%s", cases[i].prop);
		EXPECT_EQ(cases[i].base, d.user_base) TH_LOG("%s", cases[i].prop);
		EXPECT_EQ(cases[i].end, d.user_end) TH_LOG("%s", cases[i].prop);
		free(blob);
	}
}

/* Messages are cut to the buffer, always terminated; NULL is allowed. */
TEST(message_buffer)
{
	static const char dts[] = GUEST(VCPUS ASPACE(ROM));
	static const char full[] =
		"/guest0/aspace: no region with device_type = \"ram\"";
	struct mvc_guest_desc d;
	unsigned char *blob;
	unsigned int size, n;
	char err[256];

	blob = dtc(_metadata, dts, "", &size);
	ASSERT_TRUE(blob != NULL);
	ASSERT_EQ(EINVAL_RET, parse(blob, size, &d, err, sizeof(err)));
	EXPECT_STREQ(full, err);
	for (n = 1; n < sizeof(full) + 2; n++) {
		memset(err, 'x', sizeof(err));
		ASSERT_EQ(EINVAL_RET, mvc_parse_guest_dt(blob, size, &d, err, n));
		EXPECT_EQ(n - 1 < strlen(full) ? n - 1 : strlen(full),
			  strlen(err));
		EXPECT_EQ(0, strncmp(err, full, strlen(err)));
		EXPECT_EQ('x', err[n]);
	}
	memset(err, 'x', sizeof(err));
	EXPECT_EQ(EINVAL_RET, mvc_parse_guest_dt(blob, size, &d, err, 0));
	EXPECT_EQ('x', err[0]);
	EXPECT_EQ(EINVAL_RET, mvc_parse_guest_dt(blob, size, &d, NULL, 64));
	EXPECT_EQ(EINVAL_RET, mvc_parse_guest_dt(NULL, 64, &d, err, 64));
	EXPECT_STREQ("dtb: no blob", err);
	EXPECT_EQ(EINVAL_RET, mvc_parse_guest_dt(blob, size, NULL, err, 64));
	free(blob);
}

/* ---- the bad cases ---- */

typedef void (*mutate_fn)(unsigned char **blob, unsigned int *size);

static void put32(unsigned char *p, unsigned int v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static unsigned int get32(const unsigned char *p)
{
	return (unsigned int)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* Header fields, by byte offset. */
#define H_MAGIC		0
#define H_TOTALSIZE	4
#define H_OFF_STRUCT	8
#define H_OFF_STRINGS	12
#define H_VERSION	20
#define H_LAST_COMP	24
#define H_SIZE_STRINGS	32
#define H_SIZE_STRUCT	36

/* Overwrite the first occurrence of @from (same length) with @to. */
static void replace(unsigned char *blob, unsigned int size, const char *from,
		    const char *to)
{
	unsigned char *p = memmem(blob, size, from, strlen(from) + 1);

	if (p)
		memcpy(p, to, strlen(to));
}

/* The property whose value is the unique string "MARK". */
static unsigned char *mark_prop(unsigned char *blob, unsigned int size)
{
	unsigned char *p = memmem(blob, size, "MARK", 5);

	return p ? p - 12 : blob;	/* tag, len, nameoff, value */
}

/* The last tags of the structure block: ..., END_NODE (root), END. */
static unsigned char *struct_end(unsigned char *blob)
{
	return blob + get32(blob + H_OFF_STRUCT) + get32(blob + H_SIZE_STRUCT);
}

static void m_truncate(unsigned char **b, unsigned int *size)
{
	*size = get32(*b + H_TOTALSIZE) - 1;
}

static void m_tiny(unsigned char **b, unsigned int *size)
{
	*size = 39;
}

static void m_huge(unsigned char **b, unsigned int *size)
{
	*size = 65537;
}

static void m_magic(unsigned char **b, unsigned int *size)
{
	put32(*b + H_MAGIC, 0xfeedd00d);
}

static void m_version16(unsigned char **b, unsigned int *size)
{
	put32(*b + H_VERSION, 16);
	put32(*b + H_LAST_COMP, 16);
}

static void m_version_future(unsigned char **b, unsigned int *size)
{
	put32(*b + H_VERSION, 20);
	put32(*b + H_LAST_COMP, 18);
}

static void m_misaligned(unsigned char **b, unsigned int *size)
{
	memmove(*b + 4, *b, *size);
	*b += 4;
}

static void m_strings_outside(unsigned char **b, unsigned int *size)
{
	put32(*b + H_OFF_STRINGS, get32(*b + H_TOTALSIZE) - 4);
}

static void m_struct_misaligned(unsigned char **b, unsigned int *size)
{
	put32(*b + H_OFF_STRUCT, get32(*b + H_OFF_STRUCT) + 2);
	put32(*b + H_SIZE_STRUCT, get32(*b + H_SIZE_STRUCT) - 4);
}

static void m_no_end(unsigned char **b, unsigned int *size)
{
	put32(*b + H_SIZE_STRUCT, get32(*b + H_SIZE_STRUCT) - 4);
}

static void m_unknown_tag(unsigned char **b, unsigned int *size)
{
	put32(struct_end(*b) - 8, 0x10);
}

static void m_unclosed(unsigned char **b, unsigned int *size)
{
	put32(struct_end(*b) - 8, 4);	/* root's END_NODE -> NOP */
}

/* Insert an FDT_END_NODE before FDT_END; dtc -p left room at the end. */
static void m_extra_end_node(unsigned char **b, unsigned int *size)
{
	unsigned char *end = struct_end(*b);
	unsigned int strings = get32(*b + H_OFF_STRINGS);

	memmove(*b + strings + 4, *b + strings, get32(*b + H_SIZE_STRINGS));
	put32(*b + H_OFF_STRINGS, strings + 4);
	put32(end - 4, 2);
	put32(end, 9);
	put32(*b + H_SIZE_STRUCT, get32(*b + H_SIZE_STRUCT) + 4);
}

static void m_no_root(unsigned char **b, unsigned int *size)
{
	put32(*b + get32(*b + H_OFF_STRUCT), 4);	/* BEGIN -> NOP */
}

static void m_prop_len(unsigned char **b, unsigned int *size)
{
	put32(mark_prop(*b, *size) + 4, 0x7ffffff0);
}

static void m_prop_name(unsigned char **b, unsigned int *size)
{
	put32(mark_prop(*b, *size) + 8, 0x00ffff00);
}

static void m_dup_prop(unsigned char **b, unsigned int *size)
{
	replace(*b, *size, "physical_sizX", "physical_size");
}

static void m_dup_type(unsigned char **b, unsigned int *size)
{
	replace(*b, *size, "device_typX", "device_type");
}

static void m_dup_region(unsigned char **b, unsigned int *size)
{
	replace(*b, *size, "memX", "mem0");
}

static void m_dup_vcpus(unsigned char **b, unsigned int *size)
{
	replace(*b, *size, "vcpuZ", "vcpus");
}

static void m_prop_after_root(unsigned char **b, unsigned int *size)
{
	put32(struct_end(*b) - 4, 3);	/* END -> PROP */
}

/* End the structure block in the middle of the name "mem0". */
static void m_cut_in_name(unsigned char **b, unsigned int *size)
{
	unsigned char *p = memmem(*b, *size, "mem0", 5);

	if (p)
		put32(*b + H_SIZE_STRUCT,
		      p + 2 - (*b + get32(*b + H_OFF_STRUCT)));
}

/* A 3-character name takes 4 bytes, like "" with its padding. */
static void m_empty_name(unsigned char **b, unsigned int *size)
{
	unsigned char *p = memmem(*b, *size, "zzz", 4);

	if (p)
		memset(p, 0, 3);
}

FIXTURE(bad) {
	unsigned char *buf;
	unsigned char *blob;
	unsigned int size;
};

FIXTURE_VARIANT(bad) {
	const char *dts;
	char *(*gen)(void);
	mutate_fn mutate;
	int ret;
	const char *expect;
};

static char *gen_9_vcpus(void) { return gen_vcpus(9); }
static char *gen_17_regions(void) { return gen_regions(17); }
static char *gen_17_levels(void) { return gen_deep(17); }
static char *gen_257_nodes(void) { return gen_nodes(257); }
static char *gen_65_props(void) { return gen_props(65); }
static char *gen_name_256(void) { return gen_prop_name(256); }

FIXTURE_SETUP(bad)
{
	char *dts = variant->gen ? variant->gen() : NULL;

	self->buf = dtc(_metadata, dts ? dts : variant->dts, "-p 64",
			&self->size);
	free(dts);
	ASSERT_TRUE(self->buf != NULL);
	/* dtc -p pads the blob; the parser gets the header's size */
	self->size = get32(self->buf + H_TOTALSIZE);
	self->blob = self->buf;
	if (variant->mutate)
		variant->mutate(&self->blob, &self->size);
}

FIXTURE_TEARDOWN(bad)
{
	free(self->buf);
}

TEST_F(bad, rejected)
{
	struct mvc_guest_desc d;
	char err[512] = "";

	EXPECT_EQ(variant->ret ? variant->ret : EINVAL_RET,
		  parse(self->blob, self->size, &d, err, sizeof(err)))
		TH_LOG("message: %s", err);
	EXPECT_TRUE(strstr(err, variant->expect) != NULL)
		TH_LOG("expected \"%s\" in \"%s\"", variant->expect, err);
}

#define BAD(name, ...) FIXTURE_VARIANT_ADD(bad, name) { __VA_ARGS__ }

/* The blob and its header. */
BAD(truncated, .dts = GOOD, .mutate = m_truncate,
    .expect = "dtb: truncated: the header says");
BAD(shorter_than_header, .dts = GOOD, .mutate = m_tiny,
    .expect = "dtb: truncated: 39 bytes, less than the 40-byte header");
BAD(larger_than_64k, .dts = GOOD, .mutate = m_huge, .ret = -MVC_DT_E2BIG,
    .expect = "dtb: 65537 bytes, larger than the limit of 65536");
BAD(bad_magic, .dts = GOOD, .mutate = m_magic,
    .expect = "dtb: bad magic 0xfeedd00d");
BAD(version_16, .dts = GOOD, .mutate = m_version16,
    .expect = "dtb: unsupported version 16");
BAD(version_incompatible, .dts = GOOD, .mutate = m_version_future,
    .expect = "unsupported version 20 (last compatible 18)");
BAD(misaligned_buffer, .dts = GOOD, .mutate = m_misaligned,
    .expect = "dtb: not 8-byte aligned in memory");
BAD(strings_outside_blob, .dts = GOOD, .mutate = m_strings_outside,
    .expect = "dtb: bad header: blocks outside the blob");
BAD(struct_misaligned, .dts = GOOD, .mutate = m_struct_misaligned,
    .expect = "is not 4-byte aligned");
/* The structure block. */
BAD(no_fdt_end, .dts = GOOD, .mutate = m_no_end,
    .expect = "dtb: structure block ends without FDT_END");
BAD(unknown_tag, .dts = GOOD, .mutate = m_unknown_tag,
    .expect = "dtb: unknown tag 0x10");
BAD(property_after_root, .dts = GOOD, .mutate = m_prop_after_root,
    .expect = "dtb: property outside any node at structure offset");
BAD(node_name_cut, .dts = GOOD, .mutate = m_cut_in_name,
    .expect = "dtb: node name runs past the structure block");
BAD(unclosed_root, .dts = GOOD, .mutate = m_unclosed,
    .expect = "dtb: FDT_END inside a node");
BAD(unbalanced_end_node, .dts = GOOD, .mutate = m_extra_end_node,
    .expect = "dtb: unbalanced FDT_END_NODE");
BAD(no_root, .dts = GOOD, .mutate = m_no_root,
    .expect = "dtb: no root node");
BAD(property_length_absurd,
    .dts = GUEST("x = \"MARK\"; " VCPUS ASPACE(RAM ROM)),
    .mutate = m_prop_len, .expect = "property runs past the structure block");
BAD(property_name_offset_absurd,
    .dts = GUEST("x = \"MARK\"; " VCPUS ASPACE(RAM ROM)),
    .mutate = m_prop_name, .expect = "property name outside the strings block");
BAD(property_name_256, .gen = gen_name_256,
    .expect = "property name longer than 255 characters");
BAD(nested_17_levels, .gen = gen_17_levels,
    .expect = "/n17: nested deeper than 16 levels");
BAD(nodes_257, .gen = gen_257_nodes, .expect = "dtb: more than 256 nodes");
/* Finding the guest. */
BAD(no_guest, .dts = DTS("guest0 { device_type = \"gust\"; };"),
    .expect = "dtb: no node with device_type = \"guest\"");
BAD(guest_type_not_terminated,
    .dts = DTS("guest0 { device_type = [67 75 65 73 74]; };"),
    .expect = "dtb: no node with device_type = \"guest\"");
BAD(two_guests, .dts = DTS(GUEST_AT("guest0", VCPUS ASPACE(RAM ROM))
			    "guests { " GUEST_AT("g1", VCPUS ASPACE(RAM ROM))
			    " };"),
    .expect = "dtb: /guests/g1: a second node with device_type = \"guest\" (the first is /guest0)");
BAD(path_cut_in_messages,
    .dts = DTS("a_rather_long_node_name_number_1 { "
	       "a_rather_long_node_name_number_2 { "
	       "a_rather_long_node_name_number_3 { "
	       "a_rather_long_node_name_number_4 { "
	       "a_rather_long_node_name_number_5 { "
	       GUEST_AT("guest0", VCPUS ASPACE(RAM ROM
			REGION("z", "real", "ram", "0x2000000", "0", "")))
	       " }; }; }; }; };"),
    .expect = "...ber_2/a_rather_long_node_name_number_3/"
	      "a_rather_long_node_name_number_4/a_rather_long_node_name_number_5/"
	      "guest0/aspace/z: property \"physical_size\" is 0");
BAD(guest_model_missing,
    .dts = DTS("guest0 { device_type = \"guest\"; " VCPUS ASPACE(RAM ROM)
	       " };"),
    .expect = "/guest0: property \"model\" missing");
BAD(guest_model_not_terminated,
    .dts = DTS("guest0 { device_type = \"guest\"; model = [41 42]; "
	       VCPUS ASPACE(RAM ROM) " };"),
    .expect = "/guest0: property \"model\" is not a NUL-terminated string");
BAD(guest_model_empty_property,
    .dts = DTS("guest0 { device_type = \"guest\"; model; "
	       VCPUS ASPACE(RAM ROM) " };"),
    .expect = "/guest0: property \"model\" is not a NUL-terminated string");
BAD(guest_model_empty_string,
    .dts = DTS("guest0 { device_type = \"guest\"; model = \"\"; "
	       VCPUS ASPACE(RAM ROM) " };"),
    .expect = "/guest0: property \"model\" is an empty string");
BAD(guest_model_list,
    .dts = DTS("guest0 { device_type = \"guest\"; model = \"a\", \"b\"; "
	       VCPUS ASPACE(RAM ROM) " };"),
    .expect = "property \"model\" must be a single string, not a list");
BAD(guest_model_too_long,
    .dts = DTS("guest0 { device_type = \"guest\"; "
	       "model = \"0123456789abcdef0123456789abcdef\"; "
	       VCPUS ASPACE(RAM ROM) " };"),
    .expect = "property \"model\" is longer than 31 characters");
BAD(guest_device_type_twice,
    .dts = DTS("guest0 { device_type = \"guest\"; model = \"t\"; "
	       "device_typX = \"guest\"; " VCPUS ASPACE(RAM ROM) " };"),
    .mutate = m_dup_type,
    .expect = "/guest0: property \"device_type\" appears twice");
BAD(vcpus_missing, .dts = GUEST(ASPACE(RAM ROM)),
    .expect = "/guest0: node \"vcpus\" missing");
BAD(aspace_missing, .dts = GUEST(VCPUS),
    .expect = "/guest0: node \"aspace\" missing");
BAD(two_vcpus_nodes,
    .dts = GUEST(VCPUS "vcpuZ { }; " ASPACE(RAM ROM)),
    .mutate = m_dup_vcpus, .expect = "/guest0/vcpus: a sibling has the same name");
/* VCPUs. */
BAD(zero_vcpus, .dts = GUEST("vcpus { }; " ASPACE(RAM ROM)),
    .expect = "/guest0/vcpus: no VCPU");
BAD(nine_vcpus, .gen = gen_9_vcpus,
    .expect = "/guest0/vcpus: more than 8 VCPUs");
BAD(vcpu_wrong_type,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"cpu\"; }; }; "
		 ASPACE(RAM ROM)),
    .expect = "/guest0/vcpus/vcpu0: property \"device_type\" is \"cpu\": expected \"vcpu\"");
BAD(vcpu_model_missing,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"vcpu\"; "
		 "start_pc = <0x3fc00000>; }; }; " ASPACE(RAM ROM)),
    .expect = "/guest0/vcpus/vcpu0: property \"model\" missing");
BAD(vcpu_model_unknown,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"vcpu\"; "
		 "model = \"MIPS,74Kf\"; start_pc = <0x3fc00000>; }; }; "
		 ASPACE(RAM ROM)),
    .expect = "property \"model\" is \"MIPS,74Kf\": not emulated");
BAD(start_pc_missing,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"vcpu\"; "
		 "model = \"MIPS,24Kc\"; }; }; " ASPACE(RAM ROM)),
    .expect = "/guest0/vcpus/vcpu0: property \"start_pc\" missing");
BAD(start_pc_kseg1,
    .dts = GUEST("vcpus { " VCPU("vcpu0", "") VCPU("vcpu1", "")
		 "vcpu2 { device_type = \"vcpu\"; model = \"MIPS,24Kc\"; "
		 "start_pc = <0xbfc00000>; }; }; " ASPACE(RAM ROM)),
    .expect = "/guest0/vcpus/vcpu2: property \"start_pc\" is 0xbfc00000: the VCPU can only start at its reset address 0x3fc00000");
BAD(start_pc_64bit,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"vcpu\"; "
		 "model = \"MIPS,24Kc\"; start_pc = /bits/ 64 <0x3fc00000>; "
		 "}; }; " ASPACE(RAM ROM)),
    .expect = "property \"start_pc\" must be one 32-bit cell, <n> (it is 8 bytes long)");
BAD(start_pc_short,
    .dts = GUEST("vcpus { vcpu0 { device_type = \"vcpu\"; "
		 "model = \"MIPS,24Kc\"; start_pc = [3f c0 00]; "
		 "}; }; " ASPACE(RAM ROM)),
    .expect = "(it is 3 bytes long)");
BAD(tlb_size_zero,
    .dts = GUEST("vcpus { " VCPU("vcpu0", "tlb_size = <0>;") " }; "
		 ASPACE(RAM ROM)),
    .expect = "property \"tlb_size\" is 0: must be 1..64");
BAD(tlb_size_65,
    .dts = GUEST("vcpus { " VCPU("vcpu0", "tlb_size = <65>;") " }; "
		 ASPACE(RAM ROM)),
    .expect = "property \"tlb_size\" is 65: must be 1..64");
BAD(vcpu_name_duplicate,
    .dts = GUEST("vcpus { " VCPU("vcpu0", "") VCPU("memX", "")
		 VCPU("mem0", "") " }; " ASPACE(RAM ROM)),
    .mutate = m_dup_region, .expect = "/guest0/vcpus/mem0: a sibling has the same name");
/* Regions: types. */
BAD(physical_size_missing,
    .dts = GUEST(VCPUS ASPACE(ROM "mem0 { manifest_type = \"real\"; "
			      "address_type = \"memory\"; device_type = "
			      "\"ram\"; guest_physical_addr = <0>; };")),
    .expect = "/guest0/aspace/mem0: property \"physical_size\" missing");
BAD(gpa_missing,
    .dts = GUEST(VCPUS ASPACE(ROM "mem0 { manifest_type = \"real\"; "
			      "address_type = \"memory\"; device_type = "
			      "\"ram\"; physical_size = <0x1000>; };")),
    .expect = "/guest0/aspace/mem0: property \"guest_physical_addr\" missing");
BAD(manifest_type_missing,
    .dts = GUEST(VCPUS ASPACE(ROM "mem0 { address_type = \"memory\"; };")),
    .expect = "/guest0/aspace/mem0: property \"manifest_type\" missing");
BAD(manifest_type_alias,
    .dts = OK_WITH(REGION("a", "alias", "ram", "0x2000000", "0x1000", "")),
    .expect = "/guest0/aspace/a: property \"manifest_type\" is \"alias\": expected \"real\" or \"virtual\"");
BAD(address_type_io,
    .dts = OK_WITH("a { manifest_type = \"real\"; address_type = \"io\"; };"),
    .expect = "property \"address_type\" is \"io\": only \"memory\" is supported");
BAD(device_type_unknown,
    .dts = OK_WITH(REGION("gpu", "virtual", "gpu", "0x2000000", "0x1000", "")),
    .expect = "/guest0/aspace/gpu: property \"device_type\" is \"gpu\": expected ram, rom, serial, power or testdev");
BAD(device_type_too_long_shown_cut,
    .dts = OK_WITH(REGION("x", "virtual",
			  "0123456789012345678901234567890123456789abcdef",
			  "0x2000000", "0x1000", "")),
    .expect = "property \"device_type\" is longer than 31 characters");
BAD(real_serial,
    .dts = OK_WITH(REGION("u", "real", "serial", "0x2000000", "0x1000", "")),
    .expect = "property \"device_type\" is \"serial\": an emulated device needs manifest_type = \"virtual\"");
BAD(virtual_ram,
    .dts = OK_WITH(REGION("m", "virtual", "ram", "0x2000000", "0x1000", "")),
    .expect = "property \"device_type\" is \"ram\": memory needs manifest_type = \"real\"");
/* Regions: placement. */
BAD(size_zero,
    .dts = OK_WITH(REGION("z", "real", "ram", "0x2000000", "0", "")),
    .expect = "/guest0/aspace/z: property \"physical_size\" is 0");
BAD(device_size_zero,
    .dts = OK_WITH(UART("") REGION("p", "virtual", "power", "0x1f000500",
				   "0", "")),
    .expect = "/guest0/aspace/p: property \"physical_size\" is 0");
BAD(size_not_page_multiple,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1800", "")),
    .expect = "property \"physical_size\" is 0x1800, not a multiple of 4 KiB");
BAD(gpa_not_page_aligned,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000800", "0x1000", "")),
    .expect = "property \"guest_physical_addr\" is 0x2000800, not a multiple of 4 KiB");
BAD(device_gpa_misaligned,
    .dts = OK_WITH(REGION("u", "virtual", "serial", "0x180003f9", "0x8", "")),
    .expect = "property \"guest_physical_addr\" is 0x180003f9: must be a multiple of 4");
BAD(region_wraps,
    .dts = OK_WITH(REGION("w", "real", "ram", "0xfffff000", "0x2000", "")),
    .expect = "/guest0/aspace/w: region 0xfffff000 + 0x2000 wraps around");
BAD(region_past_512m,
    .dts = OK_WITH(REGION("hi", "real", "ram", "0x1ff00000", "0x200000", "")),
    .expect = "/guest0/aspace/hi: region 0x1ff00000-0x200fffff reaches past guest physical 0x20000000");
BAD(region_absurd_size,
    .dts = OK_WITH(REGION("big", "real", "ram", "0x1000", "0xfffff000", "")),
    .expect = "region 0x1000-0xffffffff reaches past guest physical 0x20000000");
BAD(region_in_host_space,
    .dts = OK_WITH(REGION("k", "virtual", "power", "0xbf000500", "0x8", "")),
    .expect = "region 0xbf000500-0xbf000507 reaches past");
BAD(device_too_small,
    .dts = OK_WITH(REGION("p", "virtual", "power", "0x1f000500", "0x4", "")),
    .expect = "property \"physical_size\" is 0x4, smaller than the 0x8 bytes of registers of a \"power\" device");
BAD(overlap_ram_rom,
    .dts = GUEST(VCPUS ASPACE(REGION("big", "real", "ram", "0", "0x1fc01000",
				     "") ROM)),
    .expect = "/guest0/aspace/rom0: 0x1fc00000-0x1fffffff overlaps region \"big\" at 0x0-0x1fc00fff");
BAD(overlap_device_in_ram,
    .dts = OK_WITH(REGION("u", "virtual", "serial", "0xff8", "0x10", "")),
    .expect = "/guest0/aspace/u: 0xff8-0x1007 overlaps region \"mem0\"");
BAD(overlap_two_devices,
    .dts = OK_WITH(UART("") REGION("u2", "virtual", "serial", "0x180003fc",
				   "0x8", "")),
    .expect = "/guest0/aspace/u2: 0x180003fc-0x18000403 overlaps region \"uart0\"");
BAD(seventeen_regions, .gen = gen_17_regions,
    .expect = "/guest0/aspace: more than 16 regions");
BAD(no_ram, .dts = GUEST(VCPUS ASPACE(ROM)),
    .expect = "/guest0/aspace: no region with device_type = \"ram\"");
BAD(start_pc_outside_regions, .dts = GUEST(VCPUS ASPACE(RAM)),
    .expect = "/guest0/aspace: start_pc 0x3fc00000 is guest physical 0x1fc00000, which no \"real\" region (ram or rom) holds");
BAD(start_pc_on_a_device,
    .dts = GUEST(VCPUS ASPACE(RAM REGION("t", "virtual", "testdev",
					 "0x1fc00000", "0x20", ""))),
    .expect = "which no \"real\" region (ram or rom) holds");
BAD(region_name_duplicate,
    .dts = GUEST(VCPUS ASPACE(RAM ROM
		 REGION("memX", "real", "ram", "0x2000000", "0x1000", ""))),
    .mutate = m_dup_region, .expect = "/guest0/aspace/mem0: a sibling has the same name");
BAD(region_name_empty,
    .dts = OK_WITH(REGION("zzz", "real", "ram", "0x2000000", "0x1000", "")),
    .mutate = m_empty_name, .expect = "/guest0/aspace/: node without a name");
BAD(region_name_too_long,
    .dts = OK_WITH(REGION("a_region_name_of_32_characters__", "real", "ram",
			  "0x2000000", "0x1000", "")),
    .expect = "/guest0/aspace/a_region_name_of_32_characters__: node name longer than 31 characters");
BAD(region_property_twice,
    .dts = GUEST(VCPUS ASPACE(ROM
		 REGION("mem0", "real", "ram", "0", "0x1000",
			"physical_sizX = <0x1000>;"))),
    .mutate = m_dup_prop, .expect = "/guest0/aspace/mem0: property \"physical_size\" appears twice");
BAD(too_many_properties, .gen = gen_65_props,
    .expect = "/guest0/aspace/rom0: more than 64 properties");
/* Regions: extensions. */
BAD(image_on_device, .dts = OK_WITH(UART("image = \"x.bin\";")),
    .expect = "/guest0/aspace/uart0: property \"image\" is only for manifest_type = \"real\" regions");
BAD(image_not_terminated,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "image = [61 62];")),
    .expect = "property \"image\" is not a NUL-terminated string");
BAD(image_too_long,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "image = \"0123456789012345678901234567890123456789"
			  "0123456789012345678901234567890123456789"
			  "01234567890123456789012345678901234567890123456789\";")),
    .expect = "property \"image\" is longer than 127 characters");
BAD(image_offset_without_image,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "image_offset = <0>;")),
    .expect = "property \"image_offset\" needs property \"image\"");
BAD(image_offset_outside,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "image = \"a\"; image_offset = <0x1000>;")),
    .expect = "property \"image_offset\" is 0x1000, not inside the region's 0x1000 bytes");
BAD(read_only_with_value,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "read_only = <1>;")),
    .expect = "property \"read_only\" must be empty (it is a flag)");
BAD(read_only_on_device, .dts = OK_WITH(POWER("read_only;")),
    .expect = "property \"read_only\" is only for manifest_type = \"real\" regions");
BAD(compatible_mismatch, .dts = OK_WITH(UART("compatible = \"ns8250\";")),
    .expect = "/guest0/aspace/uart0: property \"compatible\" is \"ns8250\": a \"serial\" device must be compatible with \"ns16550a\"");
BAD(compatible_long_shown_cut,
    .dts = OK_WITH(UART("compatible = \"0123456789012345678901234567890123456789"
			"0123456789\";")),
    .expect = "is \"0123456789012345678901234567890123456789...\": a");
BAD(compatible_not_terminated,
    .dts = OK_WITH(POWER("compatible = [6d 69 70 73];")),
    .expect = "property \"compatible\" is not a NUL-terminated string");
BAD(compatible_on_memory,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "compatible = \"mtd-ram\";")),
    .expect = "property \"compatible\" is only for manifest_type = \"virtual\" regions");
BAD(interrupts_on_power, .dts = OK_WITH(POWER("interrupts = <3>;")),
    .expect = "property \"interrupts\" is not supported by a \"power\" device");
BAD(interrupts_on_memory,
    .dts = OK_WITH(REGION("m", "real", "ram", "0x2000000", "0x1000",
			  "interrupts = <3>;")),
    .expect = "property \"interrupts\" is only for \"serial\" devices");
BAD(interrupt_timer_line, .dts = OK_WITH(UART("interrupts = <7>;")),
    .expect = "property \"interrupts\" is 7: must be a guest CPU interrupt line 2..6");
BAD(interrupt_line_1, .dts = OK_WITH(UART("interrupts = <1>;")),
    .expect = "property \"interrupts\" is 1:");
BAD(interrupts_two_cells, .dts = OK_WITH(UART("interrupts = <2 4>;")),
    .expect = "property \"interrupts\" must be one 32-bit cell, <n> (it is 8 bytes long)");
/* The user window. */
#define WINDOW(cells)	GUEST("user_window = " cells "; " VCPUS ASPACE(RAM ROM))
BAD(user_window_one_cell, .dts = WINDOW("<0x40000000>"),
    .expect = "/guest0: property \"user_window\" must be two 32-bit cells, <base end> (it is 4 bytes long)");
BAD(user_window_three_cells, .dts = WINDOW("<0 0x1000 0x2000>"),
    .expect = "(it is 12 bytes long)");
BAD(user_window_empty_property, .dts = WINDOW("[]"),
    .expect = "(it is 0 bytes long)");
BAD(user_window_base_unaligned, .dts = WINDOW("<0x40000800 0x70000000>"),
    .expect = "/guest0: property \"user_window\" is <0x40000800 0x70000000>: base and end must be multiples of 4 KiB (0x1000)");
BAD(user_window_end_unaligned, .dts = WINDOW("<0x40000000 0x7fffffff>"),
    .expect = "is <0x40000000 0x7fffffff>: base and end must be multiples of 4 KiB (0x1000)");
BAD(user_window_past_2g, .dts = WINDOW("<0x40000000 0x80001000>"),
    .expect = "/guest0: property \"user_window\" is <0x40000000 0x80001000>: end must not be past 0x80000000, the top of the user view");
BAD(user_window_in_host_space, .dts = WINDOW("<0x80000000 0xc0000000>"),
    .expect = "end must not be past 0x80000000");
BAD(user_window_empty, .dts = WINDOW("<0x40000000 0x40000000>"),
    .expect = "/guest0: property \"user_window\" is <0x40000000 0x40000000>: base must be below end");
BAD(user_window_reversed, .dts = WINDOW("<0x70000000 0x40000000>"),
    .expect = "is <0x70000000 0x40000000>: base must be below end");

/* ---- robustness: damaged blobs, corpus, regressions ---- */

static unsigned char *demo_blob(struct __test_metadata *_metadata,
				unsigned int *size)
{
	char *dts = slurp_text(MVC_SRCDIR "/examples/demo/guest.dts");
	unsigned char *blob;

	if (!dts)
		return NULL;
	blob = dtc(_metadata, dts, "", size);
	free(dts);
	return blob;
}

TEST(every_bit_flip_and_truncation)
{
	unsigned char *blob;
	unsigned int size, i, bit, ok = 0;
	char why[128];

	blob = demo_blob(_metadata, &size);
	ASSERT_TRUE(blob != NULL);
	for (i = 0; i < size; i++) {
		for (bit = 0; bit < 8; bit++) {
			blob[i] ^= 1u << bit;
			ASSERT_EQ(0, parse_checked(blob, size, why, sizeof(why)))
				TH_LOG("byte %u bit %u: %s", i, bit, why);
			blob[i] ^= 1u << bit;
			ok++;
		}
	}
	for (i = 0; i <= size; i++)
		ASSERT_EQ(0, parse_checked(blob, i, why, sizeof(why)))
			TH_LOG("truncated to %u: %s", i, why);
	TH_LOG("%u bit flips, %u truncations checked", ok, size + 1);
	free(blob);
}

TEST(random_damage)
{
	unsigned char *blob, *work;
	unsigned int size, i, k, n;
	unsigned long long x = 0x9e3779b97f4a7c15ull;
	char why[128];

	blob = demo_blob(_metadata, &size);
	ASSERT_TRUE(blob != NULL);
	work = aligned_alloc(8, BUF_CAP);
	ASSERT_TRUE(work != NULL);
	for (i = 0; i < 20000; i++) {
		memcpy(work, blob, size);
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = 1 + x % 4;
		for (k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* whole-word damage, aligned: tags, lengths, offsets */
			if (x & 1)
				put32(work + ((x >> 8) % (size / 4)) * 4,
				      (unsigned int)(x >> 32));
			else
				work[(x >> 8) % size] = x >> 40;
		}
		ASSERT_EQ(0, parse_checked(work, size, why, sizeof(why)))
			TH_LOG("iteration %u: %s", i, why);
	}
	free(work);
	free(blob);
}

/* Parse every file of @dir; ok-* files must parse, bad-* must not. */
static int replay_dir(struct __test_metadata *_metadata, const char *dir,
		      unsigned int *count)
{
	char path[512], why[128], err[256];
	struct mvc_guest_desc d;
	unsigned char *blob;
	struct dirent *e;
	unsigned int size;
	DIR *dp = opendir(dir);
	int ret, fails = 0;

	if (!dp)
		return -1;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		blob = read_file(path, &size);
		if (!blob)
			continue;
		(*count)++;
		if (parse_checked(blob, size, why, sizeof(why))) {
			TH_LOG("%s: %s", e->d_name, why);
			fails++;
		}
		ret = mvc_parse_guest_dt(blob, size, &d, err, sizeof(err));
		if (!strncmp(e->d_name, "ok-", 3) && ret) {
			TH_LOG("%s: %s", e->d_name, err);
			fails++;
		}
		if (!strncmp(e->d_name, "bad-", 4) && !ret) {
			TH_LOG("%s: parsed", e->d_name);
			fails++;
		}
		free(blob);
	}
	closedir(dp);
	return fails;
}

TEST(seed_corpus)
{
	unsigned int n = 0;

	EXPECT_EQ(0, replay_dir(_metadata,
				MVC_SRCDIR "/tests/fuzz/corpus/guest_dt", &n));
	EXPECT_LT(0, n) TH_LOG("no seed corpus found");
	TH_LOG("%u corpus files", n);
}

TEST(fuzz_regressions)
{
	unsigned int n = 0;

	EXPECT_EQ(0, replay_dir(_metadata,
				MVC_SRCDIR "/tests/fuzz/regressions/guest_dt",
				&n));
	TH_LOG("%u regression inputs", n);
}

TEST_HARNESS_MAIN
