// SPDX-License-Identifier: GPL-2.0
/*
 * concurrency_test.c - N VMs x M VCPUs, a thread each, with MMIO traffic
 * and interrupts injected from other threads: no MMIO exit lost or
 * duplicated (sequence numbers), every interrupt raised taken exactly once
 * (the guest acknowledges each by asking for the line to be lowered).
 */
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "mvc_util.h"

#define MIB		(1u << 20)
#define MAX_VMS		4
#define MAX_VCPUS	4
#define WRITES		20000
#define MIN_IRQS	11	/* the guest waits for them after its writes */

static int env_int(const char *name, int def)
{
	const char *v = getenv(name);

	return v ? atoi(v) : def;
}

struct worker {
	struct mvc_guest g;	/* this VCPU's view; RAM of the VM's first */
	pthread_t vcpu_thread, irq_thread;
	volatile int finished;
	uint32_t raised;
	int exit;
};

static void *run_vcpu(void *arg)
{
	struct worker *w = arg;

	w->exit = mvc_guest_run(&w->g, 120000);
	w->finished = 1;
	return NULL;
}

/* Raise IP2 whenever the guest has acknowledged the previous one. */
static void *raise_irqs(void *arg)
{
	struct worker *w = arg;
	struct mipsvcpu_irq_line irq = { .line = 2, .level = 1 };

	if (getenv("MVC_CONC_NOIRQ") ||
	    (getenv("MVC_CONC_IRQ0") && w->g.testdev_data != 0))
		return NULL;
	while (!w->finished) {
		if (w->raised == w->g.irq_acks) {
			w->raised++;
			if (ioctl(w->g.vcpu_fd, MIPSVCPU_IRQ_LINE, &irq))
				break;
		}
		usleep(500);
	}
	return NULL;
}

FIXTURE(traffic) {
	int unused;
};

FIXTURE_SETUP(traffic)
{
}

FIXTURE_TEARDOWN(traffic)
{
}

TEST_F_TIMEOUT(traffic, vms_by_vcpus_with_mmio_and_interrupts, 300)
{
	int NVMS = env_int("MVC_CONC_VMS", 2), NVCPUS = env_int("MVC_CONC_VCPUS", 2);
	static struct worker w[MAX_VMS][MAX_VCPUS];
	struct mvc_guest *vms[MAX_VMS];
	int v, c;

	for (v = 0; v < NVMS; v++) {
		vms[v] = mvc_guest_create("traffic", 4 * MIB);
		for (c = 0; c < NVCPUS; c++) {
			struct mvc_guest *g = &w[v][c].g;

			memset(&w[v][c], 0, sizeof(w[v][c]));
			if (!c) {
				*g = *vms[v];
			} else {
				struct mipsvcpu_create_vcpu cv = { .id = c };

				g->vcpu_fd = mvc_ioctl(vms[v]->vm_fd,
						       MIPSVCPU_CREATE_VCPU, &cv);
				g->run = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					      MAP_SHARED, g->vcpu_fd, 0);
				ASSERT_TRUE(g->run != MAP_FAILED);
			}
			g->testdev_data2 = WRITES;
			if (!getenv("MVC_CONC_NOIRQ") &&
			    (!getenv("MVC_CONC_IRQ0") || !c))
				g->testdev_data2 |= MIN_IRQS << 16;
			g->testdev_data = c;
		}
	}
	for (v = 0; v < NVMS; v++)
		for (c = 0; c < NVCPUS; c++) {
			ASSERT_EQ(0, pthread_create(&w[v][c].vcpu_thread, NULL,
						    run_vcpu, &w[v][c]));
			ASSERT_EQ(0, pthread_create(&w[v][c].irq_thread, NULL,
						    raise_irqs, &w[v][c]));
		}
	for (v = 0; v < NVMS; v++)
		for (c = 0; c < NVCPUS; c++) {
			struct worker *x = &w[v][c];

			pthread_join(x->vcpu_thread, NULL);
			pthread_join(x->irq_thread, NULL);
			EXPECT_EQ(MIPSVCPU_EXIT_MMIO, x->exit);
			EXPECT_TRUE(x->g.finished);
			EXPECT_EQ(0, x->g.result) TH_LOG("VCPU %d reports %#x %#x %#x", c,
						      x->g.reports[0], x->g.reports[1],
						      x->g.reports[2]);
			EXPECT_EQ(WRITES, x->g.seq_next) TH_LOG("VM %d VCPU %d", v, c);
			EXPECT_EQ(0, x->g.seq_errors);
			ASSERT_EQ(3, x->g.nreports);
			EXPECT_EQ(c, x->g.reports[1]);		/* a3 */
			EXPECT_EQ(c, x->g.reports[2] & 0x3ff);	/* CPUNum */
			/* Every interrupt taken was acknowledged once... */
			EXPECT_EQ(x->g.irq_acks, x->g.reports[0]);
			/* ...and every one raised was taken, but the last. */
			if (!getenv("MVC_CONC_NOIRQ")) {
				EXPECT_LE(x->raised - 1, x->g.irq_acks);
				EXPECT_GE(x->raised, x->g.irq_acks);
				EXPECT_LE(MIN_IRQS, x->g.irq_acks);
			}
			ksft_print_msg("VM %d VCPU %d: %u MMIO writes in order, %u interrupts raised, %u taken\n",
				       v, c, x->g.seq_next, x->raised,
				       x->g.reports[0]);
			if (c) {
				munmap(x->g.run, 4096);
				close(x->g.vcpu_fd);
			}
		}
	for (v = 0; v < NVMS; v++)
		mvc_guest_destroy(vms[v]);
}

TEST_HARNESS_MAIN
