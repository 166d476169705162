// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_test.c - host tests of tools/vcpuctl/rsp.c, the GDB remote serial
 * protocol: framing and checksums, escapes, interrupts and acks between
 * packets, hex, every command vcpuctl's stub answers, and bad input of
 * every kind (a clear RSP_BAD or a '-', never a crash), including random
 * bytes through the receiver and the parser.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../../tools/vcpuctl/rsp.h"

/* Feed a string; returns the last event that was not RSP_RX_NONE. */
static enum rsp_rx_event feed(struct rsp_rx *rx, const char *s, size_t len)
{
	enum rsp_rx_event ev, last = RSP_RX_NONE;
	size_t i;

	for (i = 0; i < len; i++) {
		ev = rsp_rx_byte(rx, (uint8_t)s[i]);
		if (ev != RSP_RX_NONE)
			last = ev;
	}
	return last;
}

static enum rsp_rx_event feeds(struct rsp_rx *rx, const char *s)
{
	return feed(rx, s, strlen(s));
}

static int parse(const char *s, struct rsp_cmd *cmd)
{
	return rsp_parse(s, strlen(s), cmd);
}

TEST(checksum_and_framing)
{
	char out[64];

	EXPECT_EQ(0, rsp_checksum("", 0));
	EXPECT_EQ(0x3f, rsp_checksum("?", 1));
	EXPECT_EQ(6u, rsp_frame(out, sizeof(out), "OK", 2));
	EXPECT_STREQ("$OK#9a", out);
	EXPECT_EQ(4u, rsp_frame(out, sizeof(out), "", 0));
	EXPECT_STREQ("$#00", out);
	/* The four reserved characters go out escaped, summed as sent. */
	EXPECT_EQ(13u, rsp_frame(out, sizeof(out), "a$#}*", 5));
	EXPECT_EQ(0, memcmp(out, "$a}\x04}\x03}]}\x0a#", 11));
	EXPECT_EQ(rsp_checksum(out + 1, 9), (uint8_t)strtoul(out + 11, NULL, 16));
	/* Too small a buffer: nothing, never an overrun. */
	EXPECT_EQ(0u, rsp_frame(out, 5, "OK", 2));
	EXPECT_EQ(0u, rsp_frame(out, 4, "", 0));
}

TEST(receive_a_packet)
{
	struct rsp_rx rx;

	rsp_rx_init(&rx);
	EXPECT_EQ(RSP_RX_PACKET, feeds(&rx, "$g#67"));
	EXPECT_EQ(1u, rx.len);
	EXPECT_STREQ("g", rx.buf);
	/* Noise, acks and an interrupt between packets. */
	EXPECT_EQ(RSP_RX_ACK, feeds(&rx, "+"));
	EXPECT_EQ(RSP_RX_NAK, feeds(&rx, "-"));
	EXPECT_EQ(RSP_RX_INTERRUPT, feeds(&rx, "\x03"));
	EXPECT_EQ(RSP_RX_NONE, feeds(&rx, "xyz\r\n"));
	/* Upper-case checksum digits are fine. */
	EXPECT_EQ(RSP_RX_PACKET, feeds(&rx, "$OK#9A"));
	EXPECT_STREQ("OK", rx.buf);
}

TEST(escapes_are_undone)
{
	struct rsp_rx rx;
	char framed[64];
	size_t n;

	rsp_rx_init(&rx);
	n = rsp_frame(framed, sizeof(framed), "X1,2:}#$*", 9);
	EXPECT_EQ(RSP_RX_PACKET, feed(&rx, framed, n));
	EXPECT_EQ(9u, rx.len);
	EXPECT_EQ(0, memcmp(rx.buf, "X1,2:}#$*", 9));
	/* 0x03 inside a packet is data, not an interrupt. */
	n = rsp_frame(framed, sizeof(framed), "a\x03", 2);
	EXPECT_EQ(RSP_RX_PACKET, feed(&rx, framed, n));
	EXPECT_EQ(2u, rx.len);
}

TEST(bad_checksums_are_refused)
{
	struct rsp_rx rx;

	rsp_rx_init(&rx);
	EXPECT_EQ(RSP_RX_BAD, feeds(&rx, "$g#68"));
	EXPECT_EQ(RSP_RX_BAD, feeds(&rx, "$g#6z"));
	EXPECT_EQ(RSP_RX_BAD, feeds(&rx, "$g#z7"));
	/* And the receiver is ready for the retransmission. */
	EXPECT_EQ(RSP_RX_PACKET, feeds(&rx, "$g#67"));
	/* A '$' inside a packet restarts it (gdb resynchronising). */
	EXPECT_EQ(RSP_RX_PACKET, feeds(&rx, "$garbage$g#67"));
	EXPECT_STREQ("g", rx.buf);
}

TEST(oversized_packets_become_empty_not_overruns)
{
	struct rsp_rx rx;
	char *big = malloc(RSP_MAX_PACKET * 2);
	char *framed = malloc(RSP_MAX_PACKET * 2 + 16);
	size_t n;

	ASSERT_TRUE(big != NULL);
	ASSERT_TRUE(framed != NULL);
	memset(big, 'm', RSP_MAX_PACKET * 2);
	rsp_rx_init(&rx);
	n = rsp_frame(framed, RSP_MAX_PACKET * 2 + 16, big, RSP_MAX_PACKET * 2);
	ASSERT_NE(0u, n);
	EXPECT_EQ(RSP_RX_PACKET, feed(&rx, framed, n));
	EXPECT_TRUE(rx.overflow);
	EXPECT_EQ(0u, rx.len);
	/* The next packet is whole again. */
	EXPECT_EQ(RSP_RX_PACKET, feeds(&rx, "$g#67"));
	EXPECT_FALSE(rx.overflow);
	free(framed);
	free(big);
}

TEST(hex_and_registers)
{
	uint8_t b[4];
	char out[16];
	uint32_t v;

	rsp_put_reg(out, 0x3fc00000u);
	EXPECT_STREQ("0000c03f", out);	/* little-endian target order */
	EXPECT_EQ(0, rsp_get_reg("0000c03f", &v));
	EXPECT_EQ(0x3fc00000u, v);
	EXPECT_EQ(-1, rsp_get_reg("0000c03g", &v));
	EXPECT_EQ(0, rsp_hex_decode(b, "DeadBEEF", 4));
	EXPECT_EQ(0xde, b[0]);
	EXPECT_EQ(0xef, b[3]);
	EXPECT_EQ(-1, rsp_hex_decode(b, "12 4", 2));
	EXPECT_EQ(-1, rsp_hex_digit('g'));
}

TEST(memory_and_registers_commands)
{
	struct rsp_cmd c;

	EXPECT_EQ(0, parse("m3fc00000,4", &c));
	EXPECT_EQ(RSP_READ_MEM, c.kind);
	EXPECT_EQ(0x3fc00000u, c.addr);
	EXPECT_EQ(4u, c.len);
	/* gdb sign-extends MIPS addresses. */
	EXPECT_EQ(0, parse("mffffffff80000000,2", &c));
	EXPECT_EQ(0x80000000u, c.addr);
	EXPECT_EQ(-1, parse("m123456789,2", &c));
	EXPECT_EQ(RSP_BAD, c.kind);
	EXPECT_EQ(0, parse("M10,2:abcd", &c));
	EXPECT_EQ(RSP_WRITE_MEM, c.kind);
	EXPECT_EQ(2u, c.data_len);
	EXPECT_EQ(0xcd, c.data[1]);
	EXPECT_EQ(-1, parse("M10,2:abc", &c));
	EXPECT_EQ(-1, parse("M10,2:abcdef", &c));
	EXPECT_EQ(-1, parse("M10,2abcd", &c));
	EXPECT_EQ(-1, parse("m10", &c));
	EXPECT_EQ(-1, parse("m,4", &c));
	EXPECT_EQ(-1, parse("m10,99999", &c));
	EXPECT_EQ(0, parse("g", &c));
	EXPECT_EQ(RSP_READ_REGS, c.kind);
	EXPECT_EQ(0, parse("G0102", &c));
	EXPECT_EQ(RSP_WRITE_REGS, c.kind);
	EXPECT_EQ(2u, c.data_len);
	EXPECT_EQ(-1, parse("G010", &c));
	EXPECT_EQ(0, parse("p25", &c));
	EXPECT_EQ(RSP_READ_REG, c.kind);
	EXPECT_EQ(0x25u, c.addr);
	EXPECT_EQ(0, parse("P1f=0000c03f", &c));
	EXPECT_EQ(RSP_WRITE_REG, c.kind);
	EXPECT_EQ(31u, c.addr);
	EXPECT_EQ(0x3fc00000u, c.value);
	EXPECT_EQ(-1, parse("P1f=00", &c));
	EXPECT_EQ(-1, parse("P1f", &c));
	EXPECT_EQ(-1, parse("p", &c));
}

TEST(breakpoints_and_resuming)
{
	struct rsp_cmd c;

	EXPECT_EQ(0, parse("Z0,3fc00100,4", &c));
	EXPECT_EQ(RSP_INSERT_BP, c.kind);
	EXPECT_EQ(0, c.type);
	EXPECT_EQ(0x3fc00100u, c.addr);
	EXPECT_EQ(4u, c.len);
	EXPECT_EQ(0, parse("z0,3fc00100,4;X1,0", &c));
	EXPECT_EQ(RSP_REMOVE_BP, c.kind);
	EXPECT_EQ(0, parse("Z1,100,4", &c));
	EXPECT_EQ(1, c.type);
	EXPECT_EQ(-1, parse("Z9,100,4", &c));
	EXPECT_EQ(-1, parse("Z0,100", &c));
	EXPECT_EQ(0, parse("c", &c));
	EXPECT_EQ(RSP_CONTINUE, c.kind);
	EXPECT_FALSE(c.has_addr);
	EXPECT_EQ(0, parse("s3fc00010", &c));
	EXPECT_EQ(RSP_STEP, c.kind);
	EXPECT_TRUE(c.has_addr);
	EXPECT_EQ(0x3fc00010u, c.addr);
	EXPECT_EQ(0, parse("C05", &c));
	EXPECT_EQ(RSP_CONTINUE, c.kind);
	EXPECT_EQ(0, parse("S05;10", &c));
	EXPECT_EQ(0x10u, c.addr);
	EXPECT_EQ(-1, parse("cxyz", &c));
	EXPECT_EQ(-1, parse("C", &c));
}

TEST(vcont_and_threads)
{
	struct rsp_cmd c;

	EXPECT_EQ(0, parse("vCont?", &c));
	EXPECT_EQ(RSP_VCONT_QUERY, c.kind);
	EXPECT_EQ(0, parse("vCont;s:1;c", &c));
	EXPECT_EQ(RSP_VCONT, c.kind);
	EXPECT_EQ(2, c.nactions);
	EXPECT_EQ('s', c.actions[0].action);
	EXPECT_EQ(1, c.actions[0].tid);
	EXPECT_EQ('c', c.actions[1].action);
	EXPECT_EQ(-1, c.actions[1].tid);
	EXPECT_EQ(0, parse("vCont;C05:2", &c));
	EXPECT_EQ('c', c.actions[0].action);
	EXPECT_EQ(2, c.actions[0].tid);
	EXPECT_EQ(-1, parse("vCont;", &c));
	EXPECT_EQ(-1, parse("vCont;x", &c));
	EXPECT_EQ(-1, parse("vCont;c:", &c));
	EXPECT_EQ(-1, parse("vCont;c;c;c;c;c;c;c;c;c", &c));
	EXPECT_EQ(0, parse("vMustReplyEmpty", &c));
	EXPECT_EQ(RSP_UNKNOWN, c.kind);
	EXPECT_EQ(0, parse("Hg1", &c));
	EXPECT_EQ(RSP_SET_THREAD, c.kind);
	EXPECT_EQ('g', c.op);
	EXPECT_EQ(1, c.tid);
	EXPECT_EQ(0, parse("Hc-1", &c));
	EXPECT_EQ(-1, c.tid);
	EXPECT_EQ(0, parse("Hg0", &c));
	EXPECT_EQ(0, c.tid);
	EXPECT_EQ(-1, parse("Hx1", &c));
	EXPECT_EQ(-1, parse("Hg", &c));
	EXPECT_EQ(0, parse("T2", &c));
	EXPECT_EQ(RSP_THREAD_ALIVE, c.kind);
	EXPECT_EQ(2, c.tid);
	EXPECT_EQ(0, parse("qfThreadInfo", &c));
	EXPECT_EQ(RSP_FIRST_THREAD, c.kind);
	EXPECT_EQ(0, parse("qsThreadInfo", &c));
	EXPECT_EQ(RSP_NEXT_THREAD, c.kind);
	EXPECT_EQ(0, parse("qC", &c));
	EXPECT_EQ(RSP_CURRENT_THREAD, c.kind);
}

TEST(queries)
{
	struct rsp_cmd c;

	EXPECT_EQ(0, parse("qSupported:multiprocess+;swbreak+;xmlRegisters=i386", &c));
	EXPECT_EQ(RSP_SUPPORTED, c.kind);
	EXPECT_EQ(0, parse("qXfer:features:read:target.xml:0,ffb", &c));
	EXPECT_EQ(RSP_XFER_FEATURES, c.kind);
	EXPECT_EQ(10u, c.annex_len);
	EXPECT_EQ(0, strncmp(c.annex, "target.xml", 10));
	EXPECT_EQ(0xffbu, c.len);
	EXPECT_EQ(-1, parse("qXfer:features:read:target.xml", &c));
	EXPECT_EQ(-1, parse("qXfer:features:read:target.xml:0", &c));
	EXPECT_EQ(0, parse("qRcmd,7669657720757365", &c));
	EXPECT_EQ(RSP_MONITOR, c.kind);
	EXPECT_STREQ("view use", (char *)c.data);
	EXPECT_EQ(-1, parse("qRcmd,766", &c));
	EXPECT_EQ(-1, parse("qRcmd,zz", &c));
	EXPECT_EQ(0, parse("qAttached:1", &c));
	EXPECT_EQ(RSP_ATTACHED, c.kind);
	EXPECT_EQ(0, parse("QStartNoAckMode", &c));
	EXPECT_EQ(RSP_START_NOACK, c.kind);
	EXPECT_EQ(0, parse("qTStatus", &c));
	EXPECT_EQ(RSP_UNKNOWN, c.kind);
	EXPECT_EQ(0, parse("?", &c));
	EXPECT_EQ(RSP_HALT_REASON, c.kind);
	EXPECT_EQ(0, parse("D", &c));
	EXPECT_EQ(RSP_DETACH, c.kind);
	EXPECT_EQ(0, parse("k", &c));
	EXPECT_EQ(RSP_KILL, c.kind);
	EXPECT_EQ(0, parse("", &c));
	EXPECT_EQ(RSP_UNKNOWN, c.kind);
}

TEST(target_description_in_chunks)
{
	size_t total = strlen(rsp_target_xml), got = 0, n;
	char out[300], *doc = calloc(1, total + 1);

	ASSERT_TRUE(doc != NULL);
	/* gdb's MIPS port insists on these three features. */
	EXPECT_TRUE(strstr(rsp_target_xml, "org.gnu.gdb.mips.cpu") != NULL);
	EXPECT_TRUE(strstr(rsp_target_xml, "org.gnu.gdb.mips.cp0") != NULL);
	EXPECT_TRUE(strstr(rsp_target_xml, "org.gnu.gdb.mips.fpu") != NULL);
	for (;;) {
		n = rsp_xfer_reply(out, sizeof(out), rsp_target_xml, got, 1000);
		ASSERT_GT(n, 0u);
		memcpy(doc + got, out + 1, n - 1);
		got += n - 1;
		if (out[0] == 'l')
			break;
		ASSERT_EQ('m', out[0]);
	}
	EXPECT_EQ(total, got);
	EXPECT_STREQ(rsp_target_xml, doc);
	n = rsp_xfer_reply(out, sizeof(out), rsp_target_xml, total + 5, 10);
	EXPECT_STREQ("l", out);
	n = rsp_xfer_reply(out, sizeof(out), rsp_target_xml, 0, 0);
	EXPECT_STREQ("m", out);
	free(doc);
}

/* Random bytes through the receiver, every packet through the parser. */
TEST(random_input_never_crashes)
{
	struct rsp_rx rx;
	struct rsp_cmd c;
	static const char alphabet[] = "$#}*+-\x03gGpPmMzZcCsSvHTqQDk?:;,=0123456789abcdefxX";
	char pkt[64], framed[160];
	int i, j, n, packets = 0, events[RSP_RX_NAK + 1] = { 0 };
	size_t len;

	srand(17);
	rsp_rx_init(&rx);
	/*
	 * Random bytes: every event names the byte that caused it, the
	 * buffer never overruns, a packet that happens to frame parses or is
	 * RSP_BAD, and the receiver recovers: "$$" starts a packet from any
	 * state ('$' ends a checksum as bad, or restarts a body).
	 */
	for (i = 0; i < 200000; i++) {
		uint8_t b = (uint8_t)rand();
		enum rsp_rx_event ev = rsp_rx_byte(&rx, b);

		ASSERT_LE(rx.len, (size_t)RSP_MAX_PACKET);
		ASSERT_LE(ev, RSP_RX_NAK);
		if (ev == RSP_RX_INTERRUPT)
			ASSERT_EQ(0x03, b);
		if (ev == RSP_RX_ACK)
			ASSERT_EQ('+', b);
		if (ev == RSP_RX_NAK)
			ASSERT_EQ('-', b);
		if (ev != RSP_RX_NONE)
			events[ev]++;
		if (ev == RSP_RX_PACKET && rsp_parse(rx.buf, rx.len, &c))
			ASSERT_EQ(RSP_BAD, c.kind);
	}
	/* About 1 in 256 bytes each, between packets. */
	EXPECT_GT(events[RSP_RX_INTERRUPT], 0);
	EXPECT_GT(events[RSP_RX_ACK], 0);
	EXPECT_GT(events[RSP_RX_NAK], 0);
	EXPECT_GT(events[RSP_RX_BAD], 0);
	ASSERT_EQ(RSP_RX_PACKET, feeds(&rx, "$$?#3f"));
	EXPECT_STREQ("?", rx.buf);
	for (i = 0; i < 50000; i++) {
		n = 1 + rand() % 40;
		for (j = 0; j < n; j++)
			pkt[j] = alphabet[rand() % (sizeof(alphabet) - 1)];
		len = rsp_frame(framed, sizeof(framed), pkt, n);
		ASSERT_NE(0u, len);
		if (feed(&rx, framed, len) == RSP_RX_PACKET) {
			packets++;
			if (rsp_parse(rx.buf, rx.len, &c))
				ASSERT_EQ(RSP_BAD, c.kind);
			ASSERT_LE(c.data_len, sizeof(c.data));
			ASSERT_LE(c.nactions, RSP_MAX_VCONT);
		}
	}
	EXPECT_GT(packets, 1000);
}

TEST_HARNESS_MAIN
