/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp.h - the GDB remote serial protocol as pure logic (rsp.c): packet
 * framing and checksums, escapes, hex, parsing commands, the MIPS32 target
 * description.  No I/O and no VCPU: gdbstub.c does those.  Compiled
 * unchanged into the host unit test tests/host/rsp_test.c.
 */
#ifndef RSP_H
#define RSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest packet payload accepted, and announced in qSupported. */
#define RSP_MAX_PACKET		4096
/* Registers in g/G, in gdb's MIPS numbering (rsp_target_xml). */
#define RSP_NR_REGS		72
#define RSP_REG_STATUS		32
#define RSP_REG_LO		33
#define RSP_REG_HI		34
#define RSP_REG_BADVADDR	35
#define RSP_REG_CAUSE		36
#define RSP_REG_PC		37
#define RSP_REG_F0		38	/* f0..f31, fcsr, fir: no FPU */
#define RSP_MAX_VCONT		8

/* What the receiver made of the bytes so far (rsp_rx_byte()). */
enum rsp_rx_event {
	RSP_RX_NONE,		/* keep feeding */
	RSP_RX_PACKET,		/* rx.buf/rx.len: a packet, unescaped */
	RSP_RX_BAD,		/* checksum or framing wrong: answer '-' */
	RSP_RX_INTERRUPT,	/* Ctrl-C (0x03) between packets */
	RSP_RX_ACK,		/* '+' */
	RSP_RX_NAK,		/* '-': resend the last reply */
};

struct rsp_rx {
	int state;
	uint8_t sum;
	uint8_t want;
	bool escape;
	bool overflow;
	size_t len;
	char buf[RSP_MAX_PACKET + 1];	/* NUL-terminated for the parser */
};

enum rsp_kind {
	RSP_BAD,		/* malformed: reply RSP_ERR_SYNTAX */
	RSP_UNKNOWN,		/* reply empty: not supported */
	RSP_HALT_REASON,	/* ? */
	RSP_READ_REGS,		/* g */
	RSP_WRITE_REGS,		/* G data */
	RSP_READ_REG,		/* p reg */
	RSP_WRITE_REG,		/* P reg=value */
	RSP_READ_MEM,		/* m addr,len */
	RSP_WRITE_MEM,		/* M addr,len:data */
	RSP_INSERT_BP,		/* Z type,addr,kind */
	RSP_REMOVE_BP,		/* z type,addr,kind */
	RSP_CONTINUE,		/* c [addr] */
	RSP_STEP,		/* s [addr] */
	RSP_VCONT,		/* vCont;action[:tid]... */
	RSP_VCONT_QUERY,	/* vCont? */
	RSP_SET_THREAD,		/* H op tid */
	RSP_THREAD_ALIVE,	/* T tid */
	RSP_SUPPORTED,		/* qSupported[:features] */
	RSP_XFER_FEATURES,	/* qXfer:features:read:annex:offset,length */
	RSP_FIRST_THREAD,	/* qfThreadInfo */
	RSP_NEXT_THREAD,	/* qsThreadInfo */
	RSP_CURRENT_THREAD,	/* qC */
	RSP_ATTACHED,		/* qAttached */
	RSP_MONITOR,		/* qRcmd,hex: text in data */
	RSP_DETACH,		/* D */
	RSP_KILL,		/* k */
	RSP_START_NOACK,	/* QStartNoAckMode */
};

/* Thread ids: -1 all, 0 any, else VCPU index + 1. */
struct rsp_vcont_action {
	char action;		/* 'c' or 's' (C/S: the signal is dropped) */
	int tid;
};

struct rsp_cmd {
	enum rsp_kind kind;
	uint32_t addr;		/* m M Z z c s; register number for p P */
	uint32_t len;		/* m M; kind of Z z; length of qXfer */
	uint32_t offset;	/* qXfer */
	uint32_t value;		/* P */
	int type;		/* Z z: 0 software breakpoint */
	bool has_addr;		/* c s: an address was given */
	char op;		/* H: 'g' or 'c' */
	int tid;		/* H T */
	const char *annex;	/* qXfer (points into the packet) */
	size_t annex_len;
	uint8_t data[RSP_MAX_PACKET / 2];	/* M G (decoded), qRcmd text */
	size_t data_len;
	int nactions;		/* vCont */
	struct rsp_vcont_action actions[RSP_MAX_VCONT];
};

/* Error replies: "E" and two hex digits. */
#define RSP_ERR_SYNTAX		"E01"	/* the packet did not parse */
#define RSP_ERR_MEMORY		"E14"	/* EFAULT: memory not accessible */
#define RSP_ERR_THREAD		"E16"	/* no such thread */
#define RSP_ERR_INVAL		"E22"	/* EINVAL: a value out of range */

extern const char rsp_target_xml[];

uint8_t rsp_checksum(const char *buf, size_t len);
void rsp_rx_init(struct rsp_rx *rx);
enum rsp_rx_event rsp_rx_byte(struct rsp_rx *rx, uint8_t c);
size_t rsp_frame(char *out, size_t size, const char *payload, size_t len);
int rsp_hex_digit(char c);
size_t rsp_hex_encode(char *out, const uint8_t *in, size_t len);
int rsp_hex_decode(uint8_t *out, const char *in, size_t len);
void rsp_put_reg(char *out, uint32_t val);
int rsp_get_reg(const char *in, uint32_t *val);
int rsp_parse(const char *pkt, size_t len, struct rsp_cmd *cmd);
size_t rsp_xfer_reply(char *out, size_t size, const char *doc,
		      uint32_t offset, uint32_t length);

#endif /* RSP_H */
