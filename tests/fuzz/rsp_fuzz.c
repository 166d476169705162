// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_fuzz.c - libFuzzer target for tools/vcpuctl/rsp.c: the bytes a gdb
 * (or anything else on the serial line) sends, through the receiver, every
 * packet it delivers through the parser, and replies framed back.  Checks
 * the invariants the stub relies on: a delivered packet fits its buffer
 * and is NUL-terminated, a parse that fails says RSP_BAD, decoded data and
 * vCont actions stay within their arrays, a framed reply fits and comes
 * back unchanged through a fresh receiver.
 */
#include <stdlib.h>
#include <string.h>

#include "../../tools/vcpuctl/rsp.h"

static char framed[2 * RSP_MAX_PACKET + 8];

static void check(int ok)
{
	if (!ok)
		abort();
}

static void round_trip(const char *payload, size_t len)
{
	struct rsp_rx rx;
	size_t n, i;
	enum rsp_rx_event ev = RSP_RX_NONE;

	n = rsp_frame(framed, sizeof(framed), payload, len);
	check(n > 0 && n < sizeof(framed));
	rsp_rx_init(&rx);
	for (i = 0; i < n; i++)
		ev = rsp_rx_byte(&rx, (uint8_t)framed[i]);
	check(ev == RSP_RX_PACKET && rx.len == len &&
	      !memcmp(rx.buf, payload, len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rsp_rx rx;
	static struct rsp_cmd cmd;
	static char reply[RSP_MAX_PACKET + 1];
	size_t i;

	rsp_rx_init(&rx);
	for (i = 0; i < size; i++) {
		if (rsp_rx_byte(&rx, data[i]) != RSP_RX_PACKET)
			continue;
		check(rx.len <= RSP_MAX_PACKET && rx.buf[rx.len] == '\0');
		if (rsp_parse(rx.buf, rx.len, &cmd))
			check(cmd.kind == RSP_BAD);
		check(cmd.data_len <= sizeof(cmd.data));
		check(cmd.nactions >= 0 && cmd.nactions <= RSP_MAX_VCONT);
		if (cmd.kind == RSP_XFER_FEATURES)
			check(rsp_xfer_reply(reply, sizeof(reply), rsp_target_xml,
					     cmd.offset, cmd.len) < sizeof(reply));
		round_trip(rx.buf, rx.len);
	}
	return 0;
}
