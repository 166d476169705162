// SPDX-License-Identifier: GPL-2.0
/*
 * guest_dt_fuzz.c - libFuzzer target for module/guest_dt.c.
 *
 * The input is a DTB.  It is copied into an 8-byte aligned buffer of
 * exactly its size (so ASan sees any read past the end) and parsed; the
 * result must satisfy tests/fuzz/guest_dt_invariants.h, or the target
 * aborts.  A failed parse is repeated with a 16-byte and with no message
 * buffer: the return value must not change and the short message must be
 * the start of the long one.
 *
 * mk/guest_dt.mk links it with the kernel tree's libfdt sources, built
 * with the same sanitizers, so the fuzzer covers the very libfdt the
 * module compiles.  Inputs that ever crashed it live in
 * tests/fuzz/regressions/guest_dt/ and are replayed by `make fuzz`,
 * `make check-fuzz` and the host unit test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guest_dt_invariants.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *why)
{
	fprintf(stderr, "guest_dt_fuzz: %s: %s\n", what, why);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mvc_guest_desc d;
	char err[256], shorter[16], why[128];
	void *blob;
	int ret, again;

	/* aligned_alloc needs a multiple of the alignment; malloc is 16 */
	blob = malloc(size ? size : 1);
	if (!blob)
		return 0;
	memcpy(blob, data, size);
	memset(&d, 0x5a, sizeof(d));
	ret = mvc_parse_guest_dt(blob, size, &d, err, sizeof(err));
	if (ret == 0) {
		if (gdt_check_desc(&d, why, sizeof(why)))
			fail("accepted an invalid guest", why);
	} else {
		if (ret != -MVC_DT_EINVAL && ret != -MVC_DT_E2BIG)
			fail("unexpected return value", err);
		if (gdt_check_error(&d, err, sizeof(err), why, sizeof(why)))
			fail("bad error result", why);
		again = mvc_parse_guest_dt(blob, size, &d, shorter,
					   sizeof(shorter));
		if (again != ret || strncmp(err, shorter, strlen(shorter)) ||
		    strlen(shorter) != (strlen(err) < sizeof(shorter) ?
					strlen(err) : sizeof(shorter) - 1))
			fail("short message differs", shorter);
		if (mvc_parse_guest_dt(blob, size, &d, NULL, 0) != ret)
			fail("result depends on the message buffer", err);
	}
	free(blob);
	return 0;
}
