// SPDX-License-Identifier: GPL-2.0
/*
 * rsp.c - the GDB remote serial protocol, pure: packets are framed as
 * "$payload#cs" (cs: the payload's bytes summed modulo 256, two hex
 * digits), '}' escapes the next byte (XOR 0x20), 0x03 between packets is
 * an interrupt, '+' and '-' acknowledge.  Commands are parsed into a
 * struct rsp_cmd; anything malformed becomes RSP_BAD, which the stub
 * answers with an error reply, and anything unknown RSP_UNKNOWN, which it
 * answers with an empty one, as the protocol asks.  No I/O here:
 * gdbstub.c feeds bytes in and sends what these functions build.
 */
#include <string.h>

#include "rsp.h"

/*
 * The target description gdb's MIPS port requires (mips-tdep.c looks for
 * these features and names): the CPU registers, the three CP0 registers
 * it knows, and an FPU, which the guest has not (vcpuctl reports those
 * registers unavailable).  Numbers are gdb's for 32-bit MIPS, as in g.
 */
const char rsp_target_xml[] =
	"<?xml version=\"1.0\"?>\n"
	"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	"<target version=\"1.0\">\n"
	"<architecture>mips</architecture>\n"
	"<feature name=\"org.gnu.gdb.mips.cpu\">\n"
	"<reg name=\"r0\" bitsize=\"32\" regnum=\"0\"/>\n"
	"<reg name=\"r1\" bitsize=\"32\"/><reg name=\"r2\" bitsize=\"32\"/>\n"
	"<reg name=\"r3\" bitsize=\"32\"/><reg name=\"r4\" bitsize=\"32\"/>\n"
	"<reg name=\"r5\" bitsize=\"32\"/><reg name=\"r6\" bitsize=\"32\"/>\n"
	"<reg name=\"r7\" bitsize=\"32\"/><reg name=\"r8\" bitsize=\"32\"/>\n"
	"<reg name=\"r9\" bitsize=\"32\"/><reg name=\"r10\" bitsize=\"32\"/>\n"
	"<reg name=\"r11\" bitsize=\"32\"/><reg name=\"r12\" bitsize=\"32\"/>\n"
	"<reg name=\"r13\" bitsize=\"32\"/><reg name=\"r14\" bitsize=\"32\"/>\n"
	"<reg name=\"r15\" bitsize=\"32\"/><reg name=\"r16\" bitsize=\"32\"/>\n"
	"<reg name=\"r17\" bitsize=\"32\"/><reg name=\"r18\" bitsize=\"32\"/>\n"
	"<reg name=\"r19\" bitsize=\"32\"/><reg name=\"r20\" bitsize=\"32\"/>\n"
	"<reg name=\"r21\" bitsize=\"32\"/><reg name=\"r22\" bitsize=\"32\"/>\n"
	"<reg name=\"r23\" bitsize=\"32\"/><reg name=\"r24\" bitsize=\"32\"/>\n"
	"<reg name=\"r25\" bitsize=\"32\"/><reg name=\"r26\" bitsize=\"32\"/>\n"
	"<reg name=\"r27\" bitsize=\"32\"/><reg name=\"r28\" bitsize=\"32\"/>\n"
	"<reg name=\"r29\" bitsize=\"32\"/><reg name=\"r30\" bitsize=\"32\"/>\n"
	"<reg name=\"r31\" bitsize=\"32\"/>\n"
	"<reg name=\"lo\" bitsize=\"32\" regnum=\"33\"/>\n"
	"<reg name=\"hi\" bitsize=\"32\" regnum=\"34\"/>\n"
	"<reg name=\"pc\" bitsize=\"32\" regnum=\"37\"/>\n"
	"</feature>\n"
	"<feature name=\"org.gnu.gdb.mips.cp0\">\n"
	"<reg name=\"status\" bitsize=\"32\" regnum=\"32\"/>\n"
	"<reg name=\"badvaddr\" bitsize=\"32\" regnum=\"35\"/>\n"
	"<reg name=\"cause\" bitsize=\"32\" regnum=\"36\"/>\n"
	"</feature>\n"
	"<feature name=\"org.gnu.gdb.mips.fpu\">\n"
	"<reg name=\"f0\" bitsize=\"32\" type=\"ieee_single\" regnum=\"38\"/>\n"
	"<reg name=\"f1\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f2\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f3\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f4\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f5\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f6\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f7\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f8\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f9\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f10\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f11\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f12\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f13\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f14\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f15\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f16\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f17\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f18\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f19\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f20\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f21\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f22\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f23\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f24\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f25\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f26\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f27\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f28\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f29\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f30\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"f31\" bitsize=\"32\" type=\"ieee_single\"/>\n"
	"<reg name=\"fcsr\" bitsize=\"32\" group=\"float\"/>\n"
	"<reg name=\"fir\" bitsize=\"32\" group=\"float\"/>\n"
	"</feature>\n"
	"</target>\n";

static const char hexchars[] = "0123456789abcdef";

enum { RX_IDLE, RX_BODY, RX_SUM_HI, RX_SUM_LO };

uint8_t rsp_checksum(const char *buf, size_t len)
{
	uint8_t sum = 0;

	while (len--)
		sum += (uint8_t)*buf++;
	return sum;
}

int rsp_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void rsp_rx_init(struct rsp_rx *rx)
{
	memset(rx, 0, sizeof(*rx));
	rx->state = RX_IDLE;
}

/* Feed one received byte; see enum rsp_rx_event. */
enum rsp_rx_event rsp_rx_byte(struct rsp_rx *rx, uint8_t c)
{
	int d;

	switch (rx->state) {
	case RX_IDLE:
		if (c == '$') {
			rx->state = RX_BODY;
			rx->len = 0;
			rx->sum = 0;
			rx->escape = false;
			rx->overflow = false;
			return RSP_RX_NONE;
		}
		if (c == 0x03)
			return RSP_RX_INTERRUPT;
		if (c == '+')
			return RSP_RX_ACK;
		if (c == '-')
			return RSP_RX_NAK;
		return RSP_RX_NONE;	/* line noise between packets */
	case RX_BODY:
		if (c == '$') {		/* a new start: gdb gave up on the last */
			rx->state = RX_IDLE;
			return rsp_rx_byte(rx, c);
		}
		if (c == '#' && !rx->escape) {
			rx->state = RX_SUM_HI;
			return RSP_RX_NONE;
		}
		rx->sum += c;
		if (c == '}' && !rx->escape) {
			rx->escape = true;
			return RSP_RX_NONE;
		}
		if (rx->escape)
			c ^= 0x20;
		rx->escape = false;
		if (rx->len >= RSP_MAX_PACKET)
			rx->overflow = true;
		else
			rx->buf[rx->len++] = (char)c;
		return RSP_RX_NONE;
	case RX_SUM_HI:
		d = rsp_hex_digit((char)c);
		if (d < 0) {
			rx->state = RX_IDLE;
			return RSP_RX_BAD;
		}
		rx->want = (uint8_t)(d << 4);
		rx->state = RX_SUM_LO;
		return RSP_RX_NONE;
	default:
		d = rsp_hex_digit((char)c);
		rx->state = RX_IDLE;
		if (d < 0 || (uint8_t)(rx->want | d) != rx->sum)
			return RSP_RX_BAD;
		if (rx->overflow)
			rx->len = 0;
		rx->buf[rx->len] = '\0';
		return RSP_RX_PACKET;
	}
}

/*
 * "$payload#cs" into @out, escaping what the protocol reserves.  Returns
 * the framed length, or 0 when it does not fit in @size bytes (with a NUL).
 */
size_t rsp_frame(char *out, size_t size, const char *payload, size_t len)
{
	size_t n = 0, i;
	uint8_t sum = 0;
	char c;

	if (size < 5)
		return 0;
	out[n++] = '$';
	for (i = 0; i < len; i++) {
		c = payload[i];
		if (n + 2 + 3 > size)
			return 0;
		if (c == '$' || c == '#' || c == '}' || c == '*') {
			out[n++] = '}';
			sum += '}';
			c ^= 0x20;
		}
		out[n++] = c;
		sum += (uint8_t)c;
	}
	if (n + 4 > size)
		return 0;
	out[n++] = '#';
	out[n++] = hexchars[sum >> 4];
	out[n++] = hexchars[sum & 15];
	out[n] = '\0';
	return n;
}

size_t rsp_hex_encode(char *out, const uint8_t *in, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hexchars[in[i] >> 4];
		out[2 * i + 1] = hexchars[in[i] & 15];
	}
	out[2 * len] = '\0';
	return 2 * len;
}

/* @len bytes from 2 * @len hex digits; -1 if one is not a hex digit. */
int rsp_hex_decode(uint8_t *out, const char *in, size_t len)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < len; i++) {
		hi = rsp_hex_digit(in[2 * i]);
		lo = rsp_hex_digit(in[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

/* A 32-bit register as gdb wants it: target (little-endian) byte order. */
void rsp_put_reg(char *out, uint32_t val)
{
	uint8_t b[4] = { val, val >> 8, val >> 16, val >> 24 };

	rsp_hex_encode(out, b, 4);
}

int rsp_get_reg(const char *in, uint32_t *val)
{
	uint8_t b[4];

	if (rsp_hex_decode(b, in, 4))
		return -1;
	*val = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
	return 0;
}

/*
 * A hex number at *p, advanced past it.  gdb sign-extends MIPS addresses
 * to 64 bits, so ffffffff8xxxxxxx is accepted as 8xxxxxxx.
 */
static int parse_hex(const char **p, const char *end, uint32_t *val)
{
	uint64_t v = 0;
	int n = 0, d;

	while (*p < end && (d = rsp_hex_digit(**p)) >= 0) {
		if (++n > 16)
			return -1;
		v = v << 4 | (uint64_t)d;
		(*p)++;
	}
	if (!n)
		return -1;
	if (v >> 32 && (v >> 32 != 0xffffffffu || !(v & 0x80000000u)))
		return -1;
	*val = (uint32_t)v;
	return 0;
}

/* A thread id: "-1" (all), or hex (0: any). */
static int parse_tid(const char **p, const char *end, int *tid)
{
	uint32_t v;

	if (*p + 1 < end && (*p)[0] == '-' && (*p)[1] == '1') {
		*p += 2;
		*tid = -1;
		return 0;
	}
	if (parse_hex(p, end, &v) || v > 0x7fffffff)
		return -1;
	*tid = (int)v;
	return 0;
}

static bool expect(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return false;
	(*p)++;
	return true;
}

static bool starts(const char *pkt, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len >= n && !memcmp(pkt, word, n);
}

static int parse_vcont(const char *p, const char *end, struct rsp_cmd *cmd)
{
	struct rsp_vcont_action *a;
	uint32_t sig;

	cmd->kind = RSP_VCONT;
	while (p < end) {
		if (!expect(&p, end, ';') || p >= end ||
		    cmd->nactions >= RSP_MAX_VCONT)
			return -1;
		a = &cmd->actions[cmd->nactions++];
		a->action = *p++;
		a->tid = -1;
		if (a->action == 'C' || a->action == 'S') {
			if (parse_hex(&p, end, &sig))
				return -1;
			a->action += 'a' - 'A';
		} else if (a->action != 'c' && a->action != 's') {
			return -1;
		}
		if (p < end && *p == ':') {
			p++;
			if (parse_tid(&p, end, &a->tid))
				return -1;
		}
	}
	return cmd->nactions ? 0 : -1;
}

/* m, M: addr,len[:data] */
static int parse_mem(const char *p, const char *end, struct rsp_cmd *cmd,
		     bool write)
{
	if (parse_hex(&p, end, &cmd->addr) || !expect(&p, end, ',') ||
	    parse_hex(&p, end, &cmd->len) || cmd->len > RSP_MAX_PACKET / 2 - 1)
		return -1;
	if (!write)
		return p == end ? 0 : -1;
	if (!expect(&p, end, ':') || (size_t)(end - p) != 2 * (size_t)cmd->len)
		return -1;
	cmd->data_len = cmd->len;
	return rsp_hex_decode(cmd->data, p, cmd->len);
}

/* Z, z: type,addr,kind[;conditions] (the conditions are ignored). */
static int parse_bp(const char *p, const char *end, struct rsp_cmd *cmd)
{
	uint32_t type;

	if (parse_hex(&p, end, &type) || type > 4 || !expect(&p, end, ',') ||
	    parse_hex(&p, end, &cmd->addr) || !expect(&p, end, ',') ||
	    parse_hex(&p, end, &cmd->len))
		return -1;
	cmd->type = (int)type;
	return p == end || *p == ';' ? 0 : -1;
}

/* c, s [addr]; C, S sig[;addr] */
static int parse_resume(const char *p, const char *end, struct rsp_cmd *cmd,
			bool with_signal)
{
	uint32_t sig;

	if (with_signal) {
		if (parse_hex(&p, end, &sig))
			return -1;
		if (p == end)
			return 0;
		if (!expect(&p, end, ';'))
			return -1;
	}
	if (p == end)
		return 0;
	cmd->has_addr = true;
	if (parse_hex(&p, end, &cmd->addr))
		return -1;
	return p == end ? 0 : -1;
}

static int parse_query(const char *pkt, size_t len, struct rsp_cmd *cmd)
{
	const char *end = pkt + len, *p;
	static const char xfer[] = "qXfer:features:read:";

	if (starts(pkt, len, "qSupported")) {
		cmd->kind = RSP_SUPPORTED;
	} else if (starts(pkt, len, xfer)) {
		cmd->kind = RSP_XFER_FEATURES;
		cmd->annex = pkt + sizeof(xfer) - 1;
		p = memchr(cmd->annex, ':', end - cmd->annex);
		if (!p)
			return -1;
		cmd->annex_len = p - cmd->annex;
		p++;
		if (parse_hex(&p, end, &cmd->offset) || !expect(&p, end, ',') ||
		    parse_hex(&p, end, &cmd->len) || p != end)
			return -1;
	} else if (len == 12 && starts(pkt, len, "qfThreadInfo")) {
		cmd->kind = RSP_FIRST_THREAD;
	} else if (len == 12 && starts(pkt, len, "qsThreadInfo")) {
		cmd->kind = RSP_NEXT_THREAD;
	} else if (len == 2 && pkt[1] == 'C') {
		cmd->kind = RSP_CURRENT_THREAD;
	} else if (starts(pkt, len, "qAttached")) {
		cmd->kind = RSP_ATTACHED;
	} else if (starts(pkt, len, "qRcmd,")) {
		cmd->kind = RSP_MONITOR;
		p = pkt + 6;
		if ((end - p) % 2 || (size_t)(end - p) / 2 >= sizeof(cmd->data))
			return -1;
		cmd->data_len = (end - p) / 2;
		if (rsp_hex_decode(cmd->data, p, cmd->data_len))
			return -1;
		cmd->data[cmd->data_len] = '\0';
	}
	return 0;
}

/**
 * rsp_parse() - what a packet asks for
 * @pkt: the payload (rsp_rx.buf)
 * @len: its length
 * @cmd: filled in; kind RSP_BAD for a malformed packet, RSP_UNKNOWN for
 *       one this stub does not implement
 *
 * Return: 0, or -1 when the packet is malformed (kind RSP_BAD).
 */
int rsp_parse(const char *pkt, size_t len, struct rsp_cmd *cmd)
{
	const char *end = pkt + len, *p = pkt + 1;
	int ret = 0;

	memset(cmd, 0, sizeof(*cmd));
	cmd->kind = RSP_UNKNOWN;
	if (!len)
		return 0;
	switch (pkt[0]) {
	case '?':
		cmd->kind = RSP_HALT_REASON;
		break;
	case 'g':
		cmd->kind = RSP_READ_REGS;
		ret = len == 1 ? 0 : -1;
		break;
	case 'G':
		cmd->kind = RSP_WRITE_REGS;
		if ((len - 1) % 2 || (len - 1) / 2 > sizeof(cmd->data)) {
			ret = -1;
			break;
		}
		cmd->data_len = (len - 1) / 2;
		ret = rsp_hex_decode(cmd->data, p, cmd->data_len);
		break;
	case 'p':
		cmd->kind = RSP_READ_REG;
		ret = parse_hex(&p, end, &cmd->addr) || p != end ? -1 : 0;
		break;
	case 'P':
		cmd->kind = RSP_WRITE_REG;
		if (parse_hex(&p, end, &cmd->addr) || !expect(&p, end, '=') ||
		    end - p != 8 || rsp_get_reg(p, &cmd->value))
			ret = -1;
		break;
	case 'm':
	case 'M':
		cmd->kind = pkt[0] == 'm' ? RSP_READ_MEM : RSP_WRITE_MEM;
		ret = parse_mem(p, end, cmd, pkt[0] == 'M');
		break;
	case 'Z':
	case 'z':
		cmd->kind = pkt[0] == 'Z' ? RSP_INSERT_BP : RSP_REMOVE_BP;
		ret = parse_bp(p, end, cmd);
		break;
	case 'c':
	case 'C':
	case 's':
	case 'S':
		cmd->kind = pkt[0] == 'c' || pkt[0] == 'C' ? RSP_CONTINUE :
							     RSP_STEP;
		ret = parse_resume(p, end, cmd, pkt[0] == 'C' || pkt[0] == 'S');
		break;
	case 'H':
		cmd->kind = RSP_SET_THREAD;
		if (p >= end || (*p != 'g' && *p != 'c')) {
			ret = -1;
			break;
		}
		cmd->op = *p++;
		ret = parse_tid(&p, end, &cmd->tid) || p != end ? -1 : 0;
		break;
	case 'T':
		cmd->kind = RSP_THREAD_ALIVE;
		ret = parse_tid(&p, end, &cmd->tid) || p != end ? -1 : 0;
		break;
	case 'D':
		cmd->kind = RSP_DETACH;
		break;
	case 'k':
		cmd->kind = RSP_KILL;
		break;
	case 'v':
		if (len == 6 && starts(pkt, len, "vCont?"))
			cmd->kind = RSP_VCONT_QUERY;
		else if (starts(pkt, len, "vCont;"))
			ret = parse_vcont(pkt + 5, end, cmd);
		break;
	case 'q':
		ret = parse_query(pkt, len, cmd);
		break;
	case 'Q':
		if (len == 15 && starts(pkt, len, "QStartNoAckMode"))
			cmd->kind = RSP_START_NOACK;
		break;
	}
	if (ret)
		cmd->kind = RSP_BAD;
	return ret ? -1 : 0;
}

/*
 * A qXfer reply: 'm' and a chunk when more follows, 'l' and the last one.
 * Returns its length (at most @size - 1, NUL-terminated).
 */
size_t rsp_xfer_reply(char *out, size_t size, const char *doc,
		      uint32_t offset, uint32_t length)
{
	size_t total = strlen(doc), n;

	if (size < 2)
		return 0;
	if (offset >= total) {
		out[0] = 'l';
		out[1] = '\0';
		return 1;
	}
	n = total - offset;
	if (n > length)
		n = length;
	if (n > size - 2)
		n = size - 2;
	out[0] = offset + n < total ? 'm' : 'l';
	memcpy(out + 1, doc + offset, n);
	out[n + 1] = '\0';
	return n + 1;
}
