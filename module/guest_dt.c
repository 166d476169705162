// SPDX-License-Identifier: GPL-2.0
/*
 * guest_dt.c - parse a guest device tree blob into a struct mvc_guest_desc.
 *
 * The guest is described the way Xvisor describes its guests: somewhere in
 * the tree a node with device_type = "guest" holds a "vcpus" node (one
 * child per VCPU) and an "aspace" node (one child per region of guest
 * physical memory: "real" RAM or ROM backed by host memory, or "virtual"
 * emulated devices).  mipsvcpu adds a few properties of its own (an image
 * file to load, read_only, a UART's interrupt line, tlb_size, the user
 * window);
 * docs/guest-dts.md is the reference for all of them.
 *
 * The blob is untrusted.  After libfdt's header check, scan_struct() walks
 * the whole structure block once with its own bounds checks (tags, names,
 * property lengths and name offsets, nesting depth, node count) before any
 * other libfdt call sees it, and finds the guest node on the way.  Every
 * loop is bounded by the blob's size or by one of the MVC_DT_MAX_* limits.
 * The first problem found ends the parse with a message naming the node
 * and the property.
 *
 * Pure: besides mvc_types.h this needs only libfdt, which the module
 * compiles from the kernel tree's scripts/dtc/libfdt and the host tests
 * take from the system's libfdt; nothing is allocated.
 */
#include "mvc_types.h"
#ifdef __KERNEL__
/* The kernel's libfdt environment; it hides scripts/dtc's libfdt_env.h. */
#include <linux/libfdt_env.h>
#endif
#include <libfdt.h>
#include "guest_dt.h"
#include "addrmap.h"

#define DT_PATH_SHOW	120	/* longer paths show only their end */
#define DT_PATH_MAX	(MVC_DT_MAX_DEPTH + 2)	/* components of a path */
#define DT_HEADER_SIZE	40	/* struct fdt_header, version 17 */
#define DT_VERSION	17	/* the blob format we read (dtc's default) */
#define DT_SHOW_LEN	40	/* characters of a blob string in a message */
#define DT_PROP_NAME_MAX 255	/* longer property names are rejected */
#define DT_COUNT(a)	(sizeof(a) / sizeof((a)[0]))

/* A message being written into the caller's buffer, always terminated. */
struct dt_msg {
	char *buf;
	u32 size;
	u32 pos;
};

/* A node's path: the names (in the blob) of the nodes below the root. */
struct dt_path {
	const char *name[DT_PATH_MAX];
	u32 len[DT_PATH_MAX];
	u32 n;
};

/* Where the parse is, and what it has found. */
struct dt_ctx {
	const void *fdt;
	struct mvc_guest_desc *out;
	struct dt_msg msg;
	struct dt_path path;		/* of the node being parsed */
};

/* The properties the parser knows; any others are ignored. */
enum dt_prop {
	P_DEVICE_TYPE,
	P_MODEL,
	P_START_PC,
	P_TLB_SIZE,
	P_MANIFEST_TYPE,
	P_ADDRESS_TYPE,
	P_GPA,
	P_SIZE,
	P_IMAGE,
	P_IMAGE_OFFSET,
	P_READ_ONLY,
	P_COMPATIBLE,
	P_INTERRUPTS,
	P_USER_WINDOW,
	P_COUNT
};

static const char * const dt_prop_names[P_COUNT] = {
	[P_DEVICE_TYPE]		= "device_type",
	[P_MODEL]		= "model",
	[P_START_PC]		= "start_pc",
	[P_TLB_SIZE]		= "tlb_size",
	[P_MANIFEST_TYPE]	= "manifest_type",
	[P_ADDRESS_TYPE]	= "address_type",
	[P_GPA]			= "guest_physical_addr",
	[P_SIZE]		= "physical_size",
	[P_IMAGE]		= "image",
	[P_IMAGE_OFFSET]	= "image_offset",
	[P_READ_ONLY]		= "read_only",
	[P_COMPATIBLE]		= "compatible",
	[P_INTERRUPTS]		= "interrupts",
	[P_USER_WINDOW]		= "user_window",
};

/* The known properties of one node: value and length of each present. */
struct dt_props {
	const u8 *val[P_COUNT];
	int len[P_COUNT];
	bool has[P_COUNT];
};

/* What each device_type of a region means. */
struct dt_type {
	const char *name;
	u8 kind;		/* enum mvc_region_kind */
	u8 device;		/* enum mvc_device */
	const char *compatible;	/* devices: the one they must match */
	u32 min_size;		/* devices: bytes of registers */
	bool irq;		/* takes an "interrupts" property */
};

static const struct dt_type dt_types[] = {
	{ "ram", MVC_REGION_RAM, MVC_DEV_NONE, NULL, 0, false },
	{ "rom", MVC_REGION_ROM, MVC_DEV_NONE, NULL, 0, false },
	/* Xvisor's names for memory it allocates itself, as vcpuctl does */
	{ "alloced_ram", MVC_REGION_RAM, MVC_DEV_NONE, NULL, 0, false },
	{ "alloced_rom", MVC_REGION_ROM, MVC_DEV_NONE, NULL, 0, false },
	{ "serial", MVC_REGION_DEVICE, MVC_DEV_SERIAL, "ns16550a", 8, true },
	{ "power", MVC_REGION_DEVICE, MVC_DEV_POWER, "mipsvcpu,power", 8,
	  false },
	{ "testdev", MVC_REGION_DEVICE, MVC_DEV_TESTDEV, "mipsvcpu,testdev",
	  0x18, false },
};

/* The VCPU models mipsvcpu emulates. */
static const char * const dt_models[] = { "MIPS,24Kc" };

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/* Both strings are NUL-terminated; b is one of ours. */
static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Does a @len-byte name (not terminated) equal the string @b? */
static bool name_eq(const char *a, u32 len, const char *b)
{
	u32 i;

	for (i = 0; i < len; i++)
		if (!b[i] || a[i] != b[i])
			return false;
	return !b[len];
}

static void str_copy(char *dst, const char *src, u32 len)
{
	u32 i;

	for (i = 0; i < len; i++)
		dst[i] = src[i];
	dst[len] = '\0';
}

/* ---- messages ---- */

static void msg_reset(struct dt_msg *m)
{
	m->pos = 0;
	if (m->size)
		m->buf[0] = '\0';
}

static void msg_putc(struct dt_msg *m, char ch)
{
	if (m->pos + 1 >= m->size)
		return;
	m->buf[m->pos++] = ch;
	m->buf[m->pos] = '\0';
}

static void msg_str(struct dt_msg *m, const char *s)
{
	while (*s && m->pos + 1 < m->size)
		msg_putc(m, *s++);
}

/* Up to @len bytes from the blob, stopping at a NUL, made printable. */
static void msg_blob(struct dt_msg *m, const char *s, u32 len)
{
	u32 i;

	for (i = 0; i < len && s[i]; i++)
		msg_putc(m, s[i] < 0x20 || s[i] > 0x7e ? '?' : s[i]);
}

/* A string value from the blob, cut after DT_SHOW_LEN characters. */
static void msg_show(struct dt_msg *m, const char *s, u32 len)
{
	u32 n;

	for (n = 0; n < len && s[n]; n++)
		;
	msg_blob(m, s, n < DT_SHOW_LEN ? n : DT_SHOW_LEN);
	if (n > DT_SHOW_LEN)
		msg_str(m, "...");
}

static void msg_dec(struct dt_msg *m, u32 v)
{
	char d[10];
	int n = 0;

	do {
		d[n++] = '0' + v % 10;
		v /= 10;
	} while (v && n < 10);
	while (n)
		msg_putc(m, d[--n]);
}

static void msg_hex(struct dt_msg *m, u32 v)
{
	static const char digits[] = "0123456789abcdef";
	int shift = 28;

	msg_str(m, "0x");
	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		msg_putc(m, digits[(v >> shift) & 0xf]);
}

/* ---- node paths ---- */

static void path_push(struct dt_path *p, const char *name, u32 len)
{
	if (p->n < DT_PATH_MAX) {
		p->name[p->n] = name;
		p->len[p->n++] = len;
	}
}

static void path_pop(struct dt_path *p)
{
	if (p->n)
		p->n--;
}

/* Append @p to a message; of a long path, "..." and its last characters. */
static void msg_path(struct dt_msg *m, const struct dt_path *p)
{
	u32 total = 0, skip, at = 0, i, j;
	char ch;

	if (!p->n) {
		msg_putc(m, '/');
		return;
	}
	for (i = 0; i < p->n; i++)
		total += 1 + p->len[i];
	skip = total > DT_PATH_SHOW ? total - DT_PATH_SHOW : 0;
	if (skip)
		msg_str(m, "...");
	for (i = 0; i < p->n; i++) {
		if (at + 1 + p->len[i] <= skip) {
			at += 1 + p->len[i];
			continue;
		}
		for (j = 0; j <= p->len[i]; j++, at++) {
			ch = j ? p->name[i][j - 1] : '/';
			if (at >= skip)
				msg_putc(m, ch < 0x20 || ch > 0x7e ? '?' : ch);
		}
	}
}

/* Start a message about the blob as a whole. */
static struct dt_msg *blob_err(struct dt_ctx *c)
{
	msg_reset(&c->msg);
	msg_str(&c->msg, "dtb: ");
	return &c->msg;
}

/* Start a message about the node being parsed. */
static struct dt_msg *node_err(struct dt_ctx *c)
{
	msg_reset(&c->msg);
	msg_path(&c->msg, &c->path);
	msg_str(&c->msg, ": ");
	return &c->msg;
}

/* Start a message about property @p of the node being parsed. */
static struct dt_msg *prop_err(struct dt_ctx *c, enum dt_prop p)
{
	struct dt_msg *m = node_err(c);

	msg_str(m, "property \"");
	msg_str(m, dt_prop_names[p]);
	msg_str(m, "\" ");
	return m;
}

static int bad_prop(struct dt_ctx *c, enum dt_prop p, const char *what)
{
	msg_str(prop_err(c, p), what);
	return -MVC_DT_EINVAL;
}

static int lib_err(struct dt_ctx *c, int err)
{
	struct dt_msg *m = node_err(c);

	msg_str(m, "malformed tree (libfdt: ");
	msg_str(m, fdt_strerror(err));
	msg_str(m, ")");
	return -MVC_DT_EINVAL;
}

/* ---- the header and the structure block ---- */

static int check_header(struct dt_ctx *c, u32 blob_size)
{
	const void *fdt = c->fdt;
	struct dt_msg *m;
	int err;

	if (blob_size < DT_HEADER_SIZE) {
		m = blob_err(c);
		msg_str(m, "truncated: ");
		msg_dec(m, blob_size);
		msg_str(m, " bytes, less than the 40-byte header");
		return -MVC_DT_EINVAL;
	}
	if (blob_size > MVC_DT_MAX_BLOB) {
		m = blob_err(c);
		msg_dec(m, blob_size);
		msg_str(m, " bytes, larger than the limit of 65536");
		return -MVC_DT_E2BIG;
	}
	if (fdt_magic(fdt) != FDT_MAGIC) {
		m = blob_err(c);
		msg_str(m, "bad magic ");
		msg_hex(m, fdt_magic(fdt));
		msg_str(m, " (a DTB starts with 0xd00dfeed)");
		return -MVC_DT_EINVAL;
	}
	if (fdt_version(fdt) < DT_VERSION ||
	    fdt_last_comp_version(fdt) > DT_VERSION) {
		m = blob_err(c);
		msg_str(m, "unsupported version ");
		msg_dec(m, fdt_version(fdt));
		msg_str(m, " (last compatible ");
		msg_dec(m, fdt_last_comp_version(fdt));
		msg_str(m, "): needs version 17, as dtc writes");
		return -MVC_DT_EINVAL;
	}
	if (fdt_totalsize(fdt) > blob_size) {
		m = blob_err(c);
		msg_str(m, "truncated: the header says ");
		msg_dec(m, fdt_totalsize(fdt));
		msg_str(m, " bytes, the blob has ");
		msg_dec(m, blob_size);
		return -MVC_DT_EINVAL;
	}
	err = fdt_check_header(fdt);
	if (err == -FDT_ERR_ALIGNMENT) {
		msg_str(blob_err(c), "not 8-byte aligned in memory");
		return -MVC_DT_EINVAL;
	}
	if (err) {
		m = blob_err(c);
		msg_str(m, "bad header: blocks outside the blob (libfdt: ");
		msg_str(m, fdt_strerror(err));
		msg_str(m, ")");
		return -MVC_DT_EINVAL;
	}
	if (fdt_off_dt_struct(fdt) & 3) {
		m = blob_err(c);
		msg_str(m, "structure block at ");
		msg_hex(m, fdt_off_dt_struct(fdt));
		msg_str(m, " is not 4-byte aligned");
		return -MVC_DT_EINVAL;
	}
	return 0;
}

/* The walk of scan_struct(): the open nodes. */
struct dt_scan {
	struct dt_path path;		/* of the innermost, root excluded */
	int node[MVC_DT_MAX_DEPTH + 1];	/* their offsets, root first */
	u32 depth;			/* open nodes; the root is 1 */
};

static int scan_err(struct dt_ctx *c, const char *what, u32 pos)
{
	struct dt_msg *m = blob_err(c);

	msg_str(m, what);
	msg_str(m, " at structure offset ");
	msg_hex(m, pos);
	return -MVC_DT_EINVAL;
}

/* A property named device_type = "guest" was found in the open node. */
static int found_guest(struct dt_ctx *c, const struct dt_scan *s, int *guest)
{
	int node = s->node[s->depth - 1];
	struct dt_msg *m;

	if (*guest == node)
		return 0;	/* a duplicate property: reported later */
	if (*guest >= 0) {
		m = blob_err(c);
		msg_path(m, &s->path);
		msg_str(m, ": a second node with device_type = \"guest\" (the first is ");
		msg_path(m, &c->path);
		msg_str(m, "); one guest per DTB");
		return -MVC_DT_EINVAL;
	}
	*guest = node;
	c->path = s->path;
	return 0;
}

/*
 * Check every tag of the structure block, with our own bounds checks, so
 * that later libfdt calls only ever see a well-formed block, and find the
 * guest node.  Each step consumes at least 4 bytes, so the loop ends.
 */
static int scan_struct(struct dt_ctx *c, int *guest)
{
	const u8 *blob = c->fdt;
	const u8 *st = blob + fdt_off_dt_struct(c->fdt);
	const u8 *strs = blob + fdt_off_dt_strings(c->fdt);
	u32 size = fdt_size_dt_struct(c->fdt);
	u32 strsize = fdt_size_dt_strings(c->fdt);
	u32 pos = 0, start, iter, nodes = 0, len, len2, nameoff, strend = 0;
	bool closed = false;
	struct dt_scan s;
	struct dt_msg *m;

	s.depth = 0;
	s.path.n = 0;
	*guest = -1;
	/* A name at nameoff is terminated iff nameoff < strend. */
	for (len = strsize; len > 0; len--) {
		if (!strs[len - 1]) {
			strend = len;
			break;
		}
	}
	for (iter = 0; iter <= size / 4; iter++) {
		if (size - pos < 4)
			return scan_err(c, "structure block ends without FDT_END",
					pos);
		start = pos;
		pos += 4;
		if (!start && be32(st) != FDT_BEGIN_NODE)
			return scan_err(c, "no root node", start);
		switch (be32(st + start)) {
		case FDT_BEGIN_NODE:
			if (closed)
				return scan_err(c, "a second root node", start);
			for (len = 0; pos + len < size && st[pos + len]; len++)
				;
			if (pos + len >= size)
				return scan_err(c, "node name runs past the structure block",
						start);
			if (s.depth > MVC_DT_MAX_DEPTH) {
				path_push(&s.path, (const char *)st + pos, len);
				m = blob_err(c);
				msg_path(m, &s.path);
				msg_str(m, ": nested deeper than 16 levels");
				return -MVC_DT_EINVAL;
			}
			if (++nodes > MVC_DT_MAX_NODES) {
				msg_str(blob_err(c), "more than 256 nodes");
				return -MVC_DT_EINVAL;
			}
			if (s.depth)
				path_push(&s.path, (const char *)st + pos, len);
			s.node[s.depth++] = start;
			pos = (pos + len + 1 + 3) & ~3u;
			break;
		case FDT_END_NODE:
			if (!s.depth)
				return scan_err(c, "unbalanced FDT_END_NODE",
						start);
			if (--s.depth)
				path_pop(&s.path);
			else
				closed = true;
			break;
		case FDT_PROP:
			if (!s.depth)
				return scan_err(c, "property outside any node",
						start);
			if (size - pos < 8)
				return scan_err(c, "property runs past the structure block",
						start);
			len = be32(st + pos);
			nameoff = be32(st + pos + 4);
			pos += 8;
			if (len > size - pos)
				return scan_err(c, "property runs past the structure block",
						start);
			if (nameoff >= strend)
				return scan_err(c, "property name outside the strings block",
						start);
			/* libfdt scans a name on each lookup: keep that short */
			for (len2 = 0; len2 <= DT_PROP_NAME_MAX &&
			     strs[nameoff + len2]; len2++)
				;
			if (len2 > DT_PROP_NAME_MAX)
				return scan_err(c, "property name longer than 255 characters",
						start);
			if (len == 6 && !st[pos + 5] &&
			    name_eq((const char *)st + pos, 5, "guest") &&
			    str_eq((const char *)strs + nameoff, "device_type") &&
			    found_guest(c, &s, guest))
				return -MVC_DT_EINVAL;
			pos = (pos + len + 3) & ~3u;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			if (s.depth || !closed)
				return scan_err(c, "FDT_END inside a node",
						start);
			if (*guest < 0) {
				msg_str(blob_err(c), "no node with device_type = \"guest\"");
				return -MVC_DT_EINVAL;
			}
			return 0;
		default:
			m = blob_err(c);
			msg_str(m, "unknown tag ");
			msg_hex(m, be32(st + start));
			msg_str(m, " at structure offset ");
			msg_hex(m, start);
			return -MVC_DT_EINVAL;
		}
		if (pos > size)
			return scan_err(c, "structure block ends without FDT_END",
					start);
	}
	return scan_err(c, "structure block ends without FDT_END", pos);
}

/* ---- properties ---- */

/* Gather the known properties of @node; reject duplicates. */
static int collect(struct dt_ctx *c, int node, struct dt_props *p)
{
	struct dt_msg *m;
	const char *name;
	const void *val;
	int off, len, i, n = 0;

	for (i = 0; i < P_COUNT; i++) {
		p->val[i] = NULL;
		p->len[i] = 0;
		p->has[i] = false;
	}
	for (off = fdt_first_property_offset(c->fdt, node); off >= 0;
	     off = fdt_next_property_offset(c->fdt, off)) {
		if (++n > MVC_DT_MAX_PROPS) {
			m = node_err(c);
			msg_str(m, "more than ");
			msg_dec(m, MVC_DT_MAX_PROPS);
			msg_str(m, " properties");
			return -MVC_DT_EINVAL;
		}
		name = NULL;
		val = fdt_getprop_by_offset(c->fdt, off, &name, &len);
		if (!val || !name)
			return lib_err(c, len < 0 ? len : -FDT_ERR_BADSTRUCTURE);
		if (len < 0)
			return lib_err(c, -FDT_ERR_BADSTRUCTURE);
		for (i = 0; i < P_COUNT; i++)
			if (str_eq(name, dt_prop_names[i]))
				break;
		if (i == P_COUNT)
			continue;	/* not ours: Xvisor's or the user's */
		if (p->has[i])
			return bad_prop(c, i, "appears twice");
		p->has[i] = true;
		p->val[i] = val;
		p->len[i] = len;
	}
	if (off != -FDT_ERR_NOTFOUND)
		return lib_err(c, off);
	return 0;
}

static int need(struct dt_ctx *c, const struct dt_props *p, enum dt_prop i)
{
	if (!p->has[i])
		return bad_prop(c, i, "missing");
	return 0;
}

static int get_u32(struct dt_ctx *c, const struct dt_props *p,
		   enum dt_prop i, u32 *v)
{
	struct dt_msg *m;

	if (p->len[i] != 4) {
		m = prop_err(c, i);
		msg_str(m, "must be one 32-bit cell, <n> (it is ");
		msg_dec(m, p->len[i]);
		msg_str(m, " bytes long)");
		return -MVC_DT_EINVAL;
	}
	*v = be32(p->val[i]);
	return 0;
}

/* A single NUL-terminated, non-empty string of fewer than @size bytes. */
static int get_str(struct dt_ctx *c, const struct dt_props *p,
		   enum dt_prop i, char *dst, u32 size)
{
	const char *s = (const char *)p->val[i];
	u32 len = p->len[i], n;
	struct dt_msg *m;

	if (!len || s[len - 1])
		return bad_prop(c, i, "is not a NUL-terminated string");
	for (n = 0; s[n]; n++)
		;
	if (n != len - 1)
		return bad_prop(c, i, "must be a single string, not a list");
	if (!n)
		return bad_prop(c, i, "is an empty string");
	if (n >= size) {
		m = prop_err(c, i);
		msg_str(m, "is longer than ");
		msg_dec(m, size - 1);
		msg_str(m, " characters");
		return -MVC_DT_EINVAL;
	}
	str_copy(dst, s, n);
	return 0;
}

/* The property is "@got"; say what was expected instead. */
static int bad_value(struct dt_ctx *c, enum dt_prop i, const char *got,
		     const char *expected)
{
	struct dt_msg *m = prop_err(c, i);

	msg_str(m, "is \"");
	msg_show(m, got, MVC_DT_NAME_LEN);
	msg_str(m, "\": ");
	msg_str(m, expected);
	return -MVC_DT_EINVAL;
}

/* Read a string property that must be present. */
static int need_str(struct dt_ctx *c, const struct dt_props *p,
		    enum dt_prop i, char *dst, u32 size)
{
	return need(c, p, i) ?: get_str(c, p, i, dst, size);
}

static int need_u32(struct dt_ctx *c, const struct dt_props *p,
		    enum dt_prop i, u32 *v)
{
	return need(c, p, i) ?: get_u32(c, p, i, v);
}

/* ---- the guest ---- */

/* Enter child @node of the current node: check and copy its name. */
static int enter(struct dt_ctx *c, int node, char *name)
{
	const char *s;
	int len;

	s = fdt_get_name(c->fdt, node, &len);
	if (!s)
		return lib_err(c, len);
	path_push(&c->path, s, len);
	if (!len) {
		msg_str(node_err(c), "node without a name");
		return -MVC_DT_EINVAL;
	}
	if (len >= MVC_DT_NAME_LEN) {
		msg_str(node_err(c), "node name longer than 31 characters");
		return -MVC_DT_EINVAL;
	}
	str_copy(name, s, len);
	return 0;
}

static int dup_name(struct dt_ctx *c)
{
	msg_str(node_err(c), "a sibling has the same name");
	return -MVC_DT_EINVAL;
}

static int parse_vcpu(struct dt_ctx *c, int node, struct mvc_vcpu_desc *v)
{
	char type[MVC_DT_NAME_LEN];
	struct dt_props p;
	struct dt_msg *m;
	u32 i;
	int err;

	err = collect(c, node, &p) ?:
	      need_str(c, &p, P_DEVICE_TYPE, type, sizeof(type));
	if (err)
		return err;
	if (!str_eq(type, "vcpu"))
		return bad_value(c, P_DEVICE_TYPE, type, "expected \"vcpu\"");
	err = need_str(c, &p, P_MODEL, v->model, sizeof(v->model));
	if (err)
		return err;
	for (i = 0; i < DT_COUNT(dt_models); i++)
		if (str_eq(v->model, dt_models[i]))
			break;
	if (i == DT_COUNT(dt_models))
		return bad_value(c, P_MODEL, v->model,
				 "not emulated (only \"MIPS,24Kc\")");
	err = need_u32(c, &p, P_START_PC, &v->start_pc);
	if (err)
		return err;
	if (v->start_pc != MVC_DT_RESET_PC) {
		m = prop_err(c, P_START_PC);
		msg_str(m, "is ");
		msg_hex(m, v->start_pc);
		msg_str(m, ": the VCPU can only start at its reset address ");
		msg_hex(m, MVC_DT_RESET_PC);
		return -MVC_DT_EINVAL;
	}
	v->tlb_size = MVC_DT_TLB_DEFAULT;
	if (p.has[P_TLB_SIZE]) {
		err = get_u32(c, &p, P_TLB_SIZE, &v->tlb_size);
		if (err)
			return err;
		if (v->tlb_size < 1 || v->tlb_size > MVC_DT_TLB_MAX) {
			m = prop_err(c, P_TLB_SIZE);
			msg_str(m, "is ");
			msg_dec(m, v->tlb_size);
			msg_str(m, ": must be 1..");
			msg_dec(m, MVC_DT_TLB_MAX);
			return -MVC_DT_EINVAL;
		}
	}
	return 0;
}

static int parse_vcpus(struct dt_ctx *c, int vcpus)
{
	struct mvc_guest_desc *out = c->out;
	struct mvc_vcpu_desc *v;
	struct dt_msg *m;
	u32 i;
	int node, n = 0, err;

	for (node = fdt_first_subnode(c->fdt, vcpus); node >= 0;
	     node = fdt_next_subnode(c->fdt, node)) {
		if (++n > MVC_DT_MAX_VCPUS) {
			m = node_err(c);
			msg_str(m, "more than ");
			msg_dec(m, MVC_DT_MAX_VCPUS);
			msg_str(m, " VCPUs");
			return -MVC_DT_EINVAL;
		}
		v = &out->vcpu[out->nvcpus];
		err = enter(c, node, v->name);
		for (i = 0; !err && i < out->nvcpus; i++)
			if (str_eq(v->name, out->vcpu[i].name))
				err = dup_name(c);
		err = err ?: parse_vcpu(c, node, v);
		if (err)
			return err;
		path_pop(&c->path);
		out->nvcpus++;
	}
	if (node != -FDT_ERR_NOTFOUND)
		return lib_err(c, node);
	if (!out->nvcpus) {
		m = node_err(c);
		msg_str(m, "no VCPU (needs 1 to ");
		msg_dec(m, MVC_DT_MAX_VCPUS);
		msg_str(m, " child nodes with ");
		msg_str(m, "device_type = \"vcpu\")");
		return -MVC_DT_EINVAL;
	}
	return 0;
}

static int region_type(struct dt_ctx *c, const struct dt_props *p,
		       const struct dt_type **t)
{
	char buf[MVC_DT_NAME_LEN];
	bool real;
	u32 i;
	int err;

	err = need_str(c, p, P_MANIFEST_TYPE, buf, sizeof(buf));
	if (err)
		return err;
	real = str_eq(buf, "real");
	if (!real && !str_eq(buf, "virtual"))
		return bad_value(c, P_MANIFEST_TYPE, buf,
				 "expected \"real\" or \"virtual\"");
	err = need_str(c, p, P_ADDRESS_TYPE, buf, sizeof(buf));
	if (err)
		return err;
	if (!str_eq(buf, "memory"))
		return bad_value(c, P_ADDRESS_TYPE, buf,
				 "only \"memory\" is supported");
	err = need_str(c, p, P_DEVICE_TYPE, buf, sizeof(buf));
	if (err)
		return err;
	for (i = 0; i < DT_COUNT(dt_types); i++)
		if (str_eq(buf, dt_types[i].name))
			break;
	if (i == DT_COUNT(dt_types))
		return bad_value(c, P_DEVICE_TYPE, buf,
				 "expected ram, rom, serial, power or testdev");
	*t = &dt_types[i];
	if (real && (*t)->kind == MVC_REGION_DEVICE)
		return bad_value(c, P_DEVICE_TYPE, buf,
				 "an emulated device needs manifest_type = \"virtual\"");
	if (!real && (*t)->kind != MVC_REGION_DEVICE)
		return bad_value(c, P_DEVICE_TYPE, buf,
				 "memory needs manifest_type = \"real\"");
	return 0;
}

/* The place of a region: gpa and size, alignment and bounds. */
static int region_place(struct dt_ctx *c, const struct dt_props *p,
			const struct dt_type *t, struct mvc_region_desc *r)
{
	u32 align = t->kind == MVC_REGION_DEVICE ? 4 : MVC_DT_PAGE_SIZE;
	struct dt_msg *m;
	int err;

	err = need_u32(c, p, P_GPA, &r->gpa) ?:
	      need_u32(c, p, P_SIZE, &r->size);
	if (err)
		return err;
	if (!r->size)
		return bad_prop(c, P_SIZE, "is 0");
	if (r->gpa & (align - 1) || r->size & (align - 1)) {
		m = prop_err(c, r->gpa & (align - 1) ? P_GPA : P_SIZE);
		msg_str(m, "is ");
		msg_hex(m, r->gpa & (align - 1) ? r->gpa : r->size);
		msg_str(m, align == 4 ? ": must be a multiple of 4" :
			", not a multiple of 4 KiB (0x1000)");
		return -MVC_DT_EINVAL;
	}
	if ((u64)r->gpa + r->size > 0x100000000ull) {
		m = node_err(c);
		msg_str(m, "region ");
		msg_hex(m, r->gpa);
		msg_str(m, " + ");
		msg_hex(m, r->size);
		msg_str(m, " wraps around the 32-bit address space");
		return -MVC_DT_EINVAL;
	}
	if ((u64)r->gpa + r->size > MVC_DT_PHYS_LIMIT) {
		m = node_err(c);
		msg_str(m, "region ");
		msg_hex(m, r->gpa);
		msg_str(m, "-");
		msg_hex(m, r->gpa + r->size - 1);
		msg_str(m, " reaches past guest physical ");
		msg_hex(m, MVC_DT_PHYS_LIMIT);
		msg_str(m, " (");
		msg_dec(m, MVC_DT_PHYS_LIMIT >> 20);
		msg_str(m, " MiB, all the guest can address)");
		return -MVC_DT_EINVAL;
	}
	if (r->size < t->min_size) {
		m = prop_err(c, P_SIZE);
		msg_str(m, "is ");
		msg_hex(m, r->size);
		msg_str(m, ", smaller than the ");
		msg_hex(m, t->min_size);
		msg_str(m, " bytes of registers of a \"");
		msg_str(m, t->name);
		msg_str(m, "\" device");
		return -MVC_DT_EINVAL;
	}
	return 0;
}

/* compatible: a string list that must hold the device's one. */
static int region_compatible(struct dt_ctx *c, const struct dt_props *p,
			     const struct dt_type *t)
{
	const char *s = (const char *)p->val[P_COMPATIBLE];
	u32 len = p->len[P_COMPATIBLE], i, start = 0;
	struct dt_msg *m;

	if (!len || s[len - 1])
		return bad_prop(c, P_COMPATIBLE,
				"is not a NUL-terminated string");
	for (i = 0; i < len; i++) {
		if (s[i])
			continue;
		if (name_eq(s + start, i - start, t->compatible))
			return 0;
		start = i + 1;
	}
	m = prop_err(c, P_COMPATIBLE);
	msg_str(m, "is \"");
	msg_show(m, s, len);
	msg_str(m, "\": a \"");
	msg_str(m, t->name);
	msg_str(m, "\" device must be compatible with \"");
	msg_str(m, t->compatible);
	msg_str(m, "\"");
	return -MVC_DT_EINVAL;
}

/* Properties of real regions (memory). */
static int region_real(struct dt_ctx *c, const struct dt_props *p,
		       struct mvc_region_desc *r)
{
	struct dt_msg *m;
	int err;

	if (p->has[P_COMPATIBLE])
		return bad_prop(c, P_COMPATIBLE,
				"is only for manifest_type = \"virtual\" regions");
	if (p->has[P_INTERRUPTS])
		return bad_prop(c, P_INTERRUPTS,
				"is only for \"serial\" devices");
	r->read_only = r->kind == MVC_REGION_ROM;
	if (p->has[P_READ_ONLY]) {
		if (p->len[P_READ_ONLY])
			return bad_prop(c, P_READ_ONLY,
					"must be empty (it is a flag)");
		r->read_only = true;
	}
	if (p->has[P_IMAGE]) {
		err = get_str(c, p, P_IMAGE, r->image, sizeof(r->image));
		if (err)
			return err;
	}
	if (p->has[P_IMAGE_OFFSET]) {
		if (!p->has[P_IMAGE])
			return bad_prop(c, P_IMAGE_OFFSET,
					"needs property \"image\"");
		err = get_u32(c, p, P_IMAGE_OFFSET, &r->image_offset);
		if (err)
			return err;
		if (r->image_offset >= r->size) {
			m = prop_err(c, P_IMAGE_OFFSET);
			msg_str(m, "is ");
			msg_hex(m, r->image_offset);
			msg_str(m, ", not inside the region's ");
			msg_hex(m, r->size);
			msg_str(m, " bytes");
			return -MVC_DT_EINVAL;
		}
	}
	return 0;
}

/* Properties of virtual regions (emulated devices). */
static int region_device(struct dt_ctx *c, const struct dt_props *p,
			 const struct dt_type *t, struct mvc_region_desc *r)
{
	static const enum dt_prop real_only[] = {
		P_IMAGE, P_IMAGE_OFFSET, P_READ_ONLY
	};
	struct dt_msg *m;
	u32 i, n;
	int err;

	for (i = 0; i < DT_COUNT(real_only); i++)
		if (p->has[real_only[i]])
			return bad_prop(c, real_only[i],
					"is only for manifest_type = \"real\" regions");
	if (p->has[P_COMPATIBLE]) {
		err = region_compatible(c, p, t);
		if (err)
			return err;
	}
	for (n = 0; t->compatible[n]; n++)
		;
	str_copy(r->compatible, t->compatible, n);
	if (!p->has[P_INTERRUPTS])
		return 0;
	if (!t->irq) {
		m = prop_err(c, P_INTERRUPTS);
		msg_str(m, "is not supported by a \"");
		msg_str(m, t->name);
		msg_str(m, "\" device");
		return -MVC_DT_EINVAL;
	}
	err = get_u32(c, p, P_INTERRUPTS, &r->irq);
	if (err)
		return err;
	if (r->irq < MVC_DT_IRQ_MIN || r->irq > MVC_DT_IRQ_MAX) {
		m = prop_err(c, P_INTERRUPTS);
		msg_str(m, "is ");
		msg_dec(m, r->irq);
		msg_str(m, ": must be a guest CPU interrupt line 2..6 (7 is the timer)");
		return -MVC_DT_EINVAL;
	}
	return 0;
}

static int parse_region(struct dt_ctx *c, int node,
			struct mvc_region_desc *r)
{
	const struct dt_type *t = NULL;
	struct dt_props p;
	u32 n;
	int err;

	err = collect(c, node, &p) ?:
	      region_type(c, &p, &t) ?:
	      region_place(c, &p, t, r);
	if (err)
		return err;
	/* the description says "ram" and "rom" for Xvisor's aliases too */
	if (t->kind != MVC_REGION_DEVICE)
		t = &dt_types[t->kind == MVC_REGION_RAM ? 0 : 1];
	for (n = 0; t->name[n]; n++)
		;
	str_copy(r->device_type, t->name, n);
	r->kind = t->kind;
	r->device = t->device;
	if (t->kind == MVC_REGION_DEVICE)
		return region_device(c, &p, t, r);
	return region_real(c, &p, r);
}

/* Region @j overlaps an earlier one? The path names region @j. */
static int check_overlap(struct dt_ctx *c, u32 j)
{
	const struct mvc_region_desc *a, *b = &c->out->region[j];
	struct dt_msg *m;
	u32 i;

	for (i = 0; i < j; i++) {
		a = &c->out->region[i];
		if (a->gpa >= b->gpa + b->size || b->gpa >= a->gpa + a->size)
			continue;
		m = node_err(c);
		msg_hex(m, b->gpa);
		msg_str(m, "-");
		msg_hex(m, b->gpa + b->size - 1);
		msg_str(m, " overlaps region \"");
		msg_str(m, a->name);
		msg_str(m, "\" at ");
		msg_hex(m, a->gpa);
		msg_str(m, "-");
		msg_hex(m, a->gpa + a->size - 1);
		return -MVC_DT_EINVAL;
	}
	return 0;
}

static int parse_aspace(struct dt_ctx *c, int aspace)
{
	const u32 boot = MVC_DT_RESET_PC - MVC_DT_GKSEG1;
	struct mvc_guest_desc *out = c->out;
	struct mvc_region_desc *r;
	bool ram = false, booted = false;
	struct dt_msg *m;
	u32 i;
	int node, n = 0, err;

	for (node = fdt_first_subnode(c->fdt, aspace); node >= 0;
	     node = fdt_next_subnode(c->fdt, node)) {
		if (++n > MVC_DT_MAX_REGIONS) {
			msg_str(node_err(c), "more than 16 regions");
			return -MVC_DT_EINVAL;
		}
		r = &out->region[out->nregions];
		err = enter(c, node, r->name);
		for (i = 0; !err && i < out->nregions; i++)
			if (str_eq(r->name, out->region[i].name))
				err = dup_name(c);
		err = err ?: parse_region(c, node, r) ?:
		      check_overlap(c, out->nregions);
		if (err)
			return err;
		path_pop(&c->path);
		if (r->kind == MVC_REGION_RAM &&
		    (!ram || r->gpa < out->region[out->ram_region].gpa)) {
			out->ram_region = out->nregions;
			ram = true;
		}
		if (r->kind != MVC_REGION_DEVICE &&
		    boot >= r->gpa && boot - r->gpa < r->size) {
			out->boot_region = out->nregions;
			booted = true;
		}
		out->nregions++;
	}
	if (node != -FDT_ERR_NOTFOUND)
		return lib_err(c, node);
	if (!ram) {
		msg_str(node_err(c), "no region with device_type = \"ram\"");
		return -MVC_DT_EINVAL;
	}
	if (!booted) {
		m = node_err(c);
		msg_str(m, "start_pc ");
		msg_hex(m, MVC_DT_RESET_PC);
		msg_str(m, " is guest physical ");
		msg_hex(m, MVC_DT_RESET_PC - MVC_DT_GKSEG1);
		msg_str(m, ", ");
		msg_str(m, "which no \"real\" region (ram or rom) holds");
		return -MVC_DT_EINVAL;
	}
	return 0;
}

/* user_window = <base end>: what guest user mode may touch. */
static int parse_user_window(struct dt_ctx *c, const struct dt_props *p)
{
	struct mvc_guest_desc *out = c->out;
	struct dt_msg *m;
	const char *why;

	out->user_base = 0;
	out->user_end = MVC_GUEST_VA_LIMIT;
	if (!p->has[P_USER_WINDOW])
		return 0;
	if (p->len[P_USER_WINDOW] != 8) {
		m = prop_err(c, P_USER_WINDOW);
		msg_str(m, "must be two 32-bit cells, <base end> (it is ");
		msg_dec(m, p->len[P_USER_WINDOW]);
		msg_str(m, " bytes long)");
		return -MVC_DT_EINVAL;
	}
	out->user_window = true;
	out->user_base = be32(p->val[P_USER_WINDOW]);
	out->user_end = be32(p->val[P_USER_WINDOW] + 4);
	switch (mvc_uwin_check(out->user_base, out->user_end)) {
	case MVC_UWIN_OK:
		return 0;
	case MVC_UWIN_UNALIGNED:
		why = "base and end must be multiples of 4 KiB (0x1000)";
		break;
	case MVC_UWIN_BEYOND:
		why = "end must not be past 0x80000000, the top of the user view";
		break;
	default:
		why = "base must be below end";
		break;
	}
	m = prop_err(c, P_USER_WINDOW);
	msg_str(m, "is <");
	msg_hex(m, out->user_base);
	msg_str(m, " ");
	msg_hex(m, out->user_end);
	msg_str(m, ">: ");
	msg_str(m, why);
	return -MVC_DT_EINVAL;
}

static int parse_guest(struct dt_ctx *c, int guest)
{
	int node, vcpus = -1, aspace = -1, *which, n = 0, len, err;
	struct dt_props p;
	const char *name;

	err = collect(c, guest, &p) ?:
	      need_str(c, &p, P_MODEL, c->out->model, sizeof(c->out->model)) ?:
	      parse_user_window(c, &p);
	if (err)
		return err;
	for (node = fdt_first_subnode(c->fdt, guest); node >= 0;
	     node = fdt_next_subnode(c->fdt, node)) {
		if (++n > MVC_DT_MAX_NODES)
			return lib_err(c, -FDT_ERR_BADSTRUCTURE);
		name = fdt_get_name(c->fdt, node, &len);
		if (!name)
			return lib_err(c, len);
		if (name_eq(name, len, "vcpus"))
			which = &vcpus;
		else if (name_eq(name, len, "aspace"))
			which = &aspace;
		else
			continue;
		if (*which >= 0) {
			path_push(&c->path, name, len);
			return dup_name(c);
		}
		*which = node;
	}
	if (node != -FDT_ERR_NOTFOUND)
		return lib_err(c, node);
	if (vcpus < 0 || aspace < 0) {
		msg_str(node_err(c), vcpus < 0 ? "node \"vcpus\" missing" :
			"node \"aspace\" missing");
		return -MVC_DT_EINVAL;
	}
	path_push(&c->path, "vcpus", 5);
	err = parse_vcpus(c, vcpus);
	if (err)
		return err;
	path_pop(&c->path);
	path_push(&c->path, "aspace", 6);
	return parse_aspace(c, aspace);
}

/**
 * mvc_parse_guest_dt() - describe the guest of a device tree blob
 * @blob: the DTB, 8-byte aligned; untrusted
 * @blob_size: bytes at @blob (at most MVC_DT_MAX_BLOB)
 * @out: the description, filled on success and cleared on error
 * @err: buffer for a message on error, or NULL
 * @errlen: its size; the message is cut to fit and always terminated
 *
 * The schema, its limits and the messages are in docs/guest-dts.md.
 * Messages name the node path and the property, e.g.
 * "/guest0/aspace/mem0: property "physical_size" missing"; problems of the
 * blob itself start with "dtb: ".
 *
 * Return: 0, -MVC_DT_E2BIG for a blob over MVC_DT_MAX_BLOB, or
 * -MVC_DT_EINVAL for anything else wrong.
 */
int mvc_parse_guest_dt(const void *blob, u32 blob_size,
		       struct mvc_guest_desc *out, char *err, u32 errlen)
{
	struct dt_ctx c;
	int guest, ret;

	c.fdt = blob;
	c.out = out;
	c.msg.buf = err;
	c.msg.size = err ? errlen : 0;
	msg_reset(&c.msg);
	c.path.n = 0;
	if (!out) {
		msg_str(&c.msg, "no output description");
		return -MVC_DT_EINVAL;
	}
	memset(out, 0, sizeof(*out));
	if (!blob) {
		msg_str(blob_err(&c), "no blob");
		return -MVC_DT_EINVAL;
	}
	ret = check_header(&c, blob_size) ?:
	      scan_struct(&c, &guest) ?:
	      parse_guest(&c, guest);
	if (ret)
		memset(out, 0, sizeof(*out));
	return ret;
}
