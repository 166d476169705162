/* SPDX-License-Identifier: GPL-2.0 */
/*
 * workloads.h - CPU-bound benchmark kernels, compiled both into the bench
 * guest and into the host-side bench tool, so that the guest/native ratio
 * compares the same machine code.
 */
#ifndef MVC_WORKLOADS_H
#define MVC_WORKLOADS_H

enum {
	WL_EMPTY = 1,
	WL_MFC0,
	WL_KSEG0_SAME,
	WL_KSEG0_PAGES,
	WL_USER_SAME,
	WL_USER_PAGES,
	WL_MMIO,
	WL_CRC32,
	WL_MATMUL,
	WL_TLB_HEAVY,
	WL_UART,
	WL_KSEG0_PAGES2,	/* WL_KSEG0_PAGES's pass, twice */
	WL_USER_PAGES2,		/* WL_USER_PAGES's pass, twice */
	WL_CRC32_2,		/* WL_CRC32 over the same buffer, twice */
	/* WL_KSEG0_PAGES2, its second pass in a profile window (below) */
	WL_KSEG0_PAGES2_MARKED,
};

/*
 * tools/qemu-profile's marker, sll $zero, $zero, 31: a nop that opens or
 * closes a window of the instruction profile, wherever it runs.
 */
#define WL_PROFILE_MARK	".word 0x000007c0"


#define WL_MATRIX_N	48

/* Bitwise CRC-32 (IEEE) of @len bytes: no table, so no data dependence
 * on memory other than the buffer itself. */
static inline unsigned int wl_crc32(const unsigned char *p, unsigned int len)
{
	unsigned int crc = 0xffffffffu, i, k;

	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

/* @rounds products of two WL_MATRIX_N square matrices in @m (3 * N * N
 * words of scratch). */
static inline unsigned int wl_matmul(unsigned int *m, unsigned int rounds)
{
	unsigned int *a = m, *b = m + WL_MATRIX_N * WL_MATRIX_N;
	unsigned int *c = b + WL_MATRIX_N * WL_MATRIX_N;
	unsigned int i, j, k, r, sum = 0;

	for (i = 0; i < WL_MATRIX_N * WL_MATRIX_N; i++) {
		a[i] = i * 7 + 1;
		b[i] = i * 13 + 5;
	}
	for (r = 0; r < rounds; r++)
		for (i = 0; i < WL_MATRIX_N; i++)
			for (j = 0; j < WL_MATRIX_N; j++) {
				unsigned int s = 0;

				for (k = 0; k < WL_MATRIX_N; k++)
					s += a[i * WL_MATRIX_N + k] *
					     b[k * WL_MATRIX_N + j];
				c[i * WL_MATRIX_N + j] = s + r;
				sum += s;
			}
	return sum;
}

#endif /* MVC_WORKLOADS_H */
