// SPDX-License-Identifier: GPL-2.0
/*
 * gdbstub.c - "vcpuctl run --gdb PORT|PATH": a GDB remote stub for the
 * guest, all-stop, one thread per VCPU (thread id = VCPU index + 1).
 *
 * The connection is a TCP port (a number), a serial line (a character
 * device such as /dev/ttyS1, put in raw mode) or a Unix socket (any other
 * path).  Its own thread reads packets (rsp.c parses them) and answers.
 * While gdb holds the guest, every VCPU thread is parked in
 * gdb_vcpu_gate() before its next RUN; a stop (a breakpoint, a finished
 * step, Ctrl-C, a VCPU that died) halts them all: immediate_exit and
 * SIGUSR1 make RUN return at once.  With --gdb-wait the guest is held
 * before its first instruction; otherwise gdb's first packet halts it.
 *
 * Breakpoints are break instructions vcpuctl writes into its own memory
 * behind the guest (also into read-only flash: the guest still cannot
 * write there), at the guest physical address the guest virtual one
 * translates to (MIPSVCPU_TRANSLATE) each time gdb inserts it, in the
 * view the VCPU was in when gdb first inserted it (or the one "monitor
 * view" named then) and with the VCPU's ASID then; gdb removes and
 * re-inserts breakpoints at every stop, and a removed one is forgotten
 * (bptable.c), its view and last good translation kept in a small
 * round-robin cache.  Memory reads show the
 * original instructions, and writes over a break change the instruction
 * it hides.  A break the guest executes that is not one of ours goes
 * back to the guest (MIPSVCPU_GUESTDBG_INJECT_BP).  Single steps are the
 * module's (MIPSVCPU_GUESTDBG_SINGLESTEP).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "bptable.h"
#include "rsp.h"
#include "vcpuctl.h"

#define GDB_SIGINT		2
#define GDB_SIGTRAP		5
#define GDB_SIGSEGV		11
#define GDB_PAGE		0x1000u

enum gdb_action { ACT_STOP, ACT_CONT, ACT_STEP };

/*
 * The view and ASID a breakpoint address was first inserted in, and its
 * last good translation: gdb re-inserts every breakpoint at each resume,
 * also while the VCPU is in another view or task.
 */
#define GDB_XLATE	256
struct gdb_xlate {
	uint32_t addr;
	uint32_t view;		/* MIPSVCPU_VIEW_KERNEL or _USER; 0: unused */
	uint32_t asid;
	uint32_t gpa;
};

struct gdbstub {
	struct machine *m;
	int listen_fd;		/* a socket to accept() on, or -1 */
	int fd;			/* the connection, or -1 */
	pthread_t thread;
	pthread_cond_t cond;	/* with m->lock: parked, halted, actions */
	int event[2];		/* a VCPU stopped the guest (a pipe) */
	bool halted;		/* every VCPU must park */
	int parked;
	bool waiting;		/* gdb waits for a stop reply */
	int stop_tid, stop_sig;
	enum gdb_action act[MIPSVCPU_MAX_VCPUS];
	bool reinject[MIPSVCPU_MAX_VCPUS];
	bool parked_v[MIPSVCPU_MAX_VCPUS];
	bool dead[MIPSVCPU_MAX_VCPUS];
	uint32_t control[MIPSVCPU_MAX_VCPUS];	/* as last set */
	int gtid;		/* Hg: registers and memory */
	int ctid;		/* Hc: s and c */
	uint32_t view;		/* MIPSVCPU_VIEW_* for new translations */
	bool noack;
	struct bp_table bps;	/* the inserted breakpoints (bptable.c) */
	struct gdb_xlate xl[GDB_XLATE];	/* round robin */
	unsigned int xl_next;
	struct rsp_rx rx;
	struct rsp_cmd cmd;
	char reply[RSP_MAX_PACKET + 1];
	char out[2 * RSP_MAX_PACKET + 8];
	size_t out_len;
};

/* ------------------------------------------------------------------
 * The connection
 */

static int open_tty(const char *path)
{
	struct termios t;
	int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);

	if (fd < 0 || tcgetattr(fd, &t)) {
		fprintf(stderr, "vcpuctl: --gdb %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	cfmakeraw(&t);
	cfsetispeed(&t, B115200);
	cfsetospeed(&t, B115200);
	if (tcsetattr(fd, TCSANOW, &t)) {
		perror("vcpuctl: --gdb: raw mode");
		close(fd);
		return -1;
	}
	tcflush(fd, TCIOFLUSH);
	return fd;
}

static int listen_on(const char *where)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	char *end;
	long port = strtol(where, &end, 10);
	int fd, one = 1, ret;

	if (!*end) {
		if (port <= 0 || port > 65535) {
			fprintf(stderr, "vcpuctl: --gdb: bad port '%s'\n", where);
			return -1;
		}
		fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		in.sin_port = htons(port);
		in.sin_addr.s_addr = htonl(INADDR_ANY);
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		ret = bind(fd, (struct sockaddr *)&in, sizeof(in));
	} else {
		if (strlen(where) >= sizeof(un.sun_path)) {
			fprintf(stderr, "vcpuctl: --gdb: path too long\n");
			return -1;
		}
		strcpy(un.sun_path, where);
		unlink(where);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		ret = bind(fd, (struct sockaddr *)&un, sizeof(un));
	}
	if (fd < 0 || ret || listen(fd, 1)) {
		fprintf(stderr, "vcpuctl: --gdb %s: %s\n", where, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

static void send_raw(struct gdbstub *g, const char *buf, size_t len)
{
	ssize_t n;

	while (len && g->fd >= 0) {
		n = write(g->fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= n;
	}
}

static void send_packet(struct gdbstub *g, const char *payload)
{
	g->out_len = rsp_frame(g->out, sizeof(g->out), payload, strlen(payload));
	send_raw(g, g->out, g->out_len);
}

/* ------------------------------------------------------------------
 * Halting and resuming the VCPUs (m->lock held)
 */

static void kick_all(struct gdbstub *g)
{
	struct machine *m = g->m;
	int i;

	for (i = 0; i < m->nvcpus; i++) {
		m->vcpus[i].run->immediate_exit = 1;
		if (m->vcpus[i].thread)
			pthread_kill(m->vcpus[i].thread, SIGUSR1);
	}
}

/* Stop the guest for VCPU @tid's reason; the first stop wins. */
static void report_stop(struct gdbstub *g, int tid, int sig)
{
	char c = 0;

	if (g->halted)
		return;
	g->halted = true;
	g->stop_tid = tid;
	g->stop_sig = sig;
	kick_all(g);
	if (write(g->event[1], &c, 1) < 0)
		perror("vcpuctl: gdb event");
}

static void wait_parked(struct gdbstub *g)
{
	while (!g->m->stop && g->parked < g->m->nvcpus)
		pthread_cond_wait(&g->cond, &g->m->lock);
}

static void halt_all(struct gdbstub *g, int sig)
{
	report_stop(g, g->gtid, sig);
	wait_parked(g);
}

static void resume(struct gdbstub *g)
{
	g->halted = false;
	g->waiting = true;
	pthread_cond_broadcast(&g->cond);
}

/**
 * gdb_vcpu_gate() - before each RUN of a VCPU: park while gdb holds it
 * @v: the VCPU, from its own thread
 *
 * Return: false when the machine is stopping.
 */
bool gdb_vcpu_gate(struct vcpu *v)
{
	struct machine *m = v->m;
	struct gdbstub *g = m->gdb;
	struct mipsvcpu_guest_debug dbg = { 0 };
	int i = v - m->vcpus;

	pthread_mutex_lock(&m->lock);
	while (!m->stop && (g->halted || g->act[i] == ACT_STOP)) {
		if (!g->parked_v[i]) {
			g->parked_v[i] = true;
			g->parked++;
			pthread_cond_broadcast(&g->cond);
		}
		pthread_cond_wait(&g->cond, &m->lock);
	}
	if (g->parked_v[i]) {
		g->parked_v[i] = false;
		g->parked--;
	}
	v->run->immediate_exit = 0;
	dbg.control = MIPSVCPU_GUESTDBG_ENABLE | MIPSVCPU_GUESTDBG_USE_SW_BP;
	if (g->act[i] == ACT_STEP)
		dbg.control |= MIPSVCPU_GUESTDBG_SINGLESTEP;
	if (g->reinject[i])
		dbg.control |= MIPSVCPU_GUESTDBG_INJECT_BP;
	g->reinject[i] = false;
	pthread_mutex_unlock(&m->lock);
	if (dbg.control != g->control[i] &&
	    ioctl(v->fd, MIPSVCPU_SET_GUEST_DEBUG, &dbg) < 0)
		perror("vcpuctl: MIPSVCPU_SET_GUEST_DEBUG");
	g->control[i] = dbg.control & ~MIPSVCPU_GUESTDBG_INJECT_BP;
	return !m->stop;
}

/**
 * gdb_vcpu_debug_exit() - a VCPU exited with MIPSVCPU_EXIT_DEBUG
 * @v: the VCPU; m->lock held
 *
 * Ours (a breakpoint gdb inserted, or a step): the guest stops.  The
 * guest's own break goes back to it at the next RUN.
 */
void gdb_vcpu_debug_exit(struct vcpu *v)
{
	struct gdbstub *g = v->m->gdb;
	struct bp *bp = bp_find(&g->bps, v->run->debug.pc);
	int i = v - v->m->vcpus;

	if (v->run->debug.reason == MIPSVCPU_DEBUG_BREAK && !bp) {
		g->reinject[i] = true;
		return;
	}
	report_stop(g, i + 1, GDB_SIGTRAP);
}

/**
 * gdb_vcpu_died() - a VCPU died (internal error): hand it to gdb
 * @v: the VCPU; m->lock held
 */
void gdb_vcpu_died(struct vcpu *v)
{
	struct gdbstub *g = v->m->gdb;
	int i = v - v->m->vcpus;

	if (!g->dead[i])
		fprintf(stderr, "vcpuctl: VCPU %u is held for the debugger\n",
			v->id);
	g->dead[i] = true;
	report_stop(g, i + 1, GDB_SIGSEGV);
}

/* ------------------------------------------------------------------
 * Guest memory and registers (the guest is halted)
 */

static struct vcpu *thread_vcpu(struct gdbstub *g, int tid)
{
	if (tid <= 0)
		tid = 1;
	if (tid > g->m->nvcpus)
		return NULL;
	return &g->m->vcpus[tid - 1];
}

static uint32_t get_cp0(struct vcpu *v, uint32_t rd)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, 0) };

	return ioctl(v->fd, MIPSVCPU_GET_CP0, &r) < 0 ? 0 : r.value;
}

static int set_cp0(struct vcpu *v, uint32_t rd, uint32_t val)
{
	struct mipsvcpu_cp0_reg r = { .id = MIPSVCPU_CP0_ID(rd, 0), .value = val };

	if (get_cp0(v, rd) == val)
		return 0;
	return ioctl(v->fd, MIPSVCPU_SET_CP0, &r);
}

static int translate(struct vcpu *v, uint32_t view, int asid, uint32_t gva,
		     struct mipsvcpu_translation *x)
{
	memset(x, 0, sizeof(*x));
	x->gva = gva;
	x->view = view;
	if (asid >= 0) {
		x->flags = MIPSVCPU_XLATE_ASID;
		x->asid = asid;
	}
	if (ioctl(v->fd, MIPSVCPU_TRANSLATE, x) < 0)
		return -1;
	return x->valid ? 0 : -1;
}

/* vcpuctl's bytes behind [gpa, gpa + len) within one slot, or NULL. */
static uint8_t *host_ptr(struct machine *m, uint32_t gpa, uint32_t len)
{
	int i;

	for (i = 0; i < m->nmem; i++) {
		const struct mem_region *r = &m->mem[i];

		if (gpa - r->gpa < r->size && len <= r->size - (gpa - r->gpa))
			return (uint8_t *)r->host + (gpa - r->gpa);
	}
	return NULL;
}

/* Copy guest virtual memory in or out, page by page. */
static int access_mem(struct gdbstub *g, uint32_t gva, uint8_t *buf,
		      uint32_t len, bool write)
{
	struct vcpu *v = thread_vcpu(g, g->gtid);
	struct mipsvcpu_translation x;
	uint32_t n;
	uint8_t *p;

	while (v && len) {
		n = GDB_PAGE - (gva & (GDB_PAGE - 1));
		if (n > len)
			n = len;
		if (translate(v, g->view, -1, gva, &x))
			return -1;
		p = host_ptr(g->m, x.gpa, n);
		if (!p)
			return -1;
		/* Our breaks stay hidden, and survive gdb's writes. */
		if (write) {
			bp_write(&g->bps, x.gpa, p, buf, n);
		} else {
			memcpy(buf, p, n);
			bp_hide(&g->bps, x.gpa, buf, n);
		}
		gva += n;
		buf += n;
		len -= n;
	}
	return v ? 0 : -1;
}

/*
 * Translated at every insert (the guest may have remapped @addr), in the
 * view and with the ASID of the first insert; when that fails now (its
 * TLB entry is gone meanwhile), the last good translation.
 */
static int insert_bp(struct gdbstub *g, uint32_t addr)
{
	struct vcpu *v = thread_vcpu(g, g->gtid);
	struct mipsvcpu_translation x;
	struct gdb_xlate *xl = NULL;
	uint8_t *host;
	int i;

	if (!v || addr & 3)
		return -1;
	for (i = 0; i < GDB_XLATE; i++)
		if (g->xl[i].view && g->xl[i].addr == addr)
			xl = &g->xl[i];
	if (xl) {
		if (!translate(v, xl->view, xl->asid, addr, &x))
			xl->gpa = x.gpa;
	} else {
		if (translate(v, g->view, -1, addr, &x))
			return -1;
		xl = &g->xl[g->xl_next++ % GDB_XLATE];
		xl->addr = addr;
		xl->view = x.view_used;
		xl->asid = get_cp0(v, 10) & 0xff;	/* EntryHi.ASID */
		xl->gpa = x.gpa;
	}
	host = host_ptr(g->m, xl->gpa, 4);
	if (!host)
		return -1;
	return bp_insert(&g->bps, addr, xl->gpa, host);
}

static int read_regs(struct vcpu *v, uint32_t *r)
{
	struct mipsvcpu_regs regs;

	if (ioctl(v->fd, MIPSVCPU_GET_REGS, &regs) < 0)
		return -1;
	memcpy(r, regs.gpr, sizeof(regs.gpr));
	r[RSP_REG_STATUS] = get_cp0(v, 12);
	r[RSP_REG_LO] = regs.lo;
	r[RSP_REG_HI] = regs.hi;
	r[RSP_REG_BADVADDR] = get_cp0(v, 8);
	r[RSP_REG_CAUSE] = get_cp0(v, 13);
	r[RSP_REG_PC] = regs.pc;
	return 0;
}

/* Registers 0..RSP_REG_PC; the FPU's (the guest has none) are ignored. */
static int write_regs(struct vcpu *v, const uint32_t *r, int first, int n)
{
	struct mipsvcpu_regs regs;
	int i;

	if (ioctl(v->fd, MIPSVCPU_GET_REGS, &regs) < 0)
		return -1;
	memset(regs.reserved, 0, sizeof(regs.reserved));
	for (i = first; i < first + n && i <= RSP_REG_PC; i++) {
		if (i < 32)
			regs.gpr[i] = r[i];
		else if (i == RSP_REG_LO)
			regs.lo = r[i];
		else if (i == RSP_REG_HI)
			regs.hi = r[i];
		else if (i == RSP_REG_PC)
			regs.pc = r[i];
		else if (set_cp0(v, i == RSP_REG_STATUS ? 12 :
				 i == RSP_REG_CAUSE ? 13 : 8, r[i]))
			return -1;
	}
	return ioctl(v->fd, MIPSVCPU_SET_REGS, &regs);
}

/* ------------------------------------------------------------------
 * Commands
 */

static void stop_reply(struct gdbstub *g)
{
	snprintf(g->reply, sizeof(g->reply), "T%02xthread:%x;", g->stop_sig,
		 g->stop_tid > 0 ? g->stop_tid : 1);
}

/* "monitor view auto|kernel|user", "monitor cp0 RD [SEL]" */
static void monitor(struct gdbstub *g, const char *text)
{
	static const char *const names[] = { "auto", "kernel", "user" };
	struct mipsvcpu_cp0_reg r = { 0 };
	struct vcpu *v = thread_vcpu(g, g->gtid);
	unsigned int rd, sel = 0;
	char msg[256];
	uint32_t i;

	msg[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (!strncmp(text, "view ", 5) && !strcmp(text + 5, names[i])) {
			g->view = i;
			snprintf(msg, sizeof(msg), "new breakpoints and memory: %s view\n",
				 names[i]);
		}
	}
	if (!msg[0] && v && sscanf(text, "cp0 %u %u", &rd, &sel) >= 1) {
		r.id = MIPSVCPU_CP0_ID(rd, sel);
		if (rd < 32 && sel < 8 && !ioctl(v->fd, MIPSVCPU_GET_CP0, &r))
			snprintf(msg, sizeof(msg), "cp0 %u, %u = 0x%08x\n", rd, sel,
				 r.value);
		else
			snprintf(msg, sizeof(msg), "cp0 %u, %u: not implemented\n",
				 rd, sel);
	}
	if (!msg[0])
		snprintf(msg, sizeof(msg),
			 "monitor view auto|kernel|user: the guest view addresses are translated in\n"
			 "  (auto: the one the VCPU is in); now %s\n"
			 "monitor cp0 RD [SEL]: read a CP0 register (EPC: cp0 14, EntryHi: cp0 10)\n",
			 names[g->view]);
	rsp_hex_encode(g->reply, (const uint8_t *)msg, strlen(msg));
}

static void set_actions(struct gdbstub *g, const struct rsp_cmd *c)
{
	int i, a, tid;

	for (i = 0; i < g->m->nvcpus; i++) {
		g->act[i] = ACT_STOP;
		for (a = c->nactions - 1; a >= 0; a--) {
			tid = c->actions[a].tid;
			if (tid == -1 || tid == 0 || tid == i + 1)
				g->act[i] = c->actions[a].action == 's' ?
					    ACT_STEP : ACT_CONT;
		}
	}
}

/*
 * Ask the module for the steps now, while gdb can still be told: it
 * refuses one (EBUSY) while the VM has more than one VCPU.  A refused
 * step is an error reply, and the guest stays halted.
 */
static bool set_step(struct gdbstub *g)
{
	struct mipsvcpu_guest_debug dbg = {
		.control = MIPSVCPU_GUESTDBG_ENABLE | MIPSVCPU_GUESTDBG_USE_SW_BP |
			   MIPSVCPU_GUESTDBG_SINGLESTEP,
	};
	int i, err;

	for (i = 0; i < g->m->nvcpus; i++) {
		if (g->act[i] != ACT_STEP || g->control[i] == dbg.control)
			continue;
		if (!ioctl(g->m->vcpus[i].fd, MIPSVCPU_SET_GUEST_DEBUG, &dbg)) {
			g->control[i] = dbg.control;
			continue;
		}
		err = errno;
		fprintf(stderr, "vcpuctl: gdb: VCPU %d cannot step: %s\n", i,
			strerror(err));
		for (i = 0; i < g->m->nvcpus; i++)
			g->act[i] = ACT_STOP;
		snprintf(g->reply, sizeof(g->reply), "E%02x", err & 0xff);
		send_packet(g, g->reply);
		return false;
	}
	return true;
}

static bool resume_cmd(struct gdbstub *g, struct rsp_cmd *c)
{
	struct vcpu *v = thread_vcpu(g, g->ctid);
	uint32_t regs[RSP_NR_REGS];
	int i;

	if (c->kind == RSP_VCONT) {
		set_actions(g, c);
	} else {
		if (!v)
			return false;
		regs[RSP_REG_PC] = c->addr;	/* c ADDR, s ADDR: resume there */
		if (c->has_addr && write_regs(v, regs, RSP_REG_PC, 1))
			return false;
		for (i = 0; i < g->m->nvcpus; i++)
			g->act[i] = c->kind == RSP_CONTINUE ? ACT_CONT : ACT_STOP;
		if (c->kind == RSP_STEP)
			g->act[v - g->m->vcpus] = ACT_STEP;
	}
	for (i = 0; i < g->m->nvcpus; i++)
		if (g->dead[i] && g->act[i] != ACT_STOP) {
			/* A dead VCPU stops again at once. */
			g->waiting = true;
			g->halted = true;
			g->stop_tid = i + 1;
			g->stop_sig = GDB_SIGSEGV;
			stop_reply(g);
			send_packet(g, g->reply);
			g->waiting = false;
			return true;
		}
	if (!set_step(g))
		return true;
	resume(g);
	return true;
}

/* Handle one packet with the guest halted; m->lock held. */
static void handle(struct gdbstub *g, struct rsp_cmd *c)
{
	uint32_t regs[RSP_NR_REGS];
	struct vcpu *v = thread_vcpu(g, g->gtid);
	char *r = g->reply;
	int i;

	r[0] = '\0';
	switch (c->kind) {
	case RSP_BAD:
		strcpy(r, RSP_ERR_SYNTAX);
		break;
	case RSP_UNKNOWN:
		break;
	case RSP_HALT_REASON:
		stop_reply(g);
		break;
	case RSP_READ_REGS:
		if (!v || read_regs(v, regs)) {
			strcpy(r, RSP_ERR_THREAD);
			break;
		}
		for (i = 0; i <= RSP_REG_PC; i++)
			rsp_put_reg(r + 8 * i, regs[i]);
		for (; i < RSP_NR_REGS; i++)
			memcpy(r + 8 * i, "xxxxxxxx", 9);
		break;
	case RSP_WRITE_REGS:
		for (i = 0; i <= RSP_REG_PC && 4 * (size_t)i + 4 <= c->data_len; i++)
			regs[i] = c->data[4 * i] | c->data[4 * i + 1] << 8 |
				  c->data[4 * i + 2] << 16 |
				  (uint32_t)c->data[4 * i + 3] << 24;
		strcpy(r, v && i > RSP_REG_PC && !write_regs(v, regs, 0, i) ?
		       "OK" : RSP_ERR_INVAL);
		break;
	case RSP_READ_REG:
		if (!v || c->addr >= RSP_NR_REGS || read_regs(v, regs))
			strcpy(r, RSP_ERR_INVAL);
		else if (c->addr > RSP_REG_PC)
			strcpy(r, "xxxxxxxx");
		else
			rsp_put_reg(r, regs[c->addr]);
		break;
	case RSP_WRITE_REG:
		if (!v || c->addr >= RSP_NR_REGS) {
			strcpy(r, RSP_ERR_INVAL);
			break;
		}
		regs[c->addr] = c->value;
		strcpy(r, c->addr > RSP_REG_PC ||
		       !write_regs(v, regs, c->addr, 1) ? "OK" : RSP_ERR_INVAL);
		break;
	case RSP_READ_MEM:
		if (access_mem(g, c->addr, c->data, c->len, false))
			strcpy(r, RSP_ERR_MEMORY);
		else
			rsp_hex_encode(r, c->data, c->len);
		break;
	case RSP_WRITE_MEM:
		strcpy(r, access_mem(g, c->addr, c->data, c->len, true) ?
		       RSP_ERR_MEMORY : "OK");
		break;
	case RSP_INSERT_BP:
	case RSP_REMOVE_BP:
		if (c->type != 0)
			break;	/* only software breakpoints */
		if (c->kind == RSP_INSERT_BP)
			strcpy(r, insert_bp(g, c->addr) ? RSP_ERR_MEMORY : "OK");
		else
			strcpy(r, bp_remove(&g->bps, c->addr) ? RSP_ERR_MEMORY : "OK");
		break;
	case RSP_CONTINUE:
	case RSP_STEP:
	case RSP_VCONT:
		if (!resume_cmd(g, c))
			strcpy(r, RSP_ERR_INVAL);
		return;
	case RSP_VCONT_QUERY:
		strcpy(r, "vCont;c;C;s;S");
		break;
	case RSP_SET_THREAD:
		if (c->tid > g->m->nvcpus) {
			strcpy(r, RSP_ERR_THREAD);
			break;
		}
		if (c->op == 'g')
			g->gtid = c->tid > 0 ? c->tid : 1;
		else
			g->ctid = c->tid;
		strcpy(r, "OK");
		break;
	case RSP_THREAD_ALIVE:
		strcpy(r, c->tid >= 1 && c->tid <= g->m->nvcpus ? "OK" :
		       RSP_ERR_THREAD);
		break;
	case RSP_SUPPORTED:
		snprintf(r, RSP_MAX_PACKET, "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+",
			 RSP_MAX_PACKET);
		break;
	case RSP_XFER_FEATURES:
		if (c->annex_len != 10 || strncmp(c->annex, "target.xml", 10))
			strcpy(r, RSP_ERR_INVAL);
		else
			rsp_xfer_reply(r, RSP_MAX_PACKET, rsp_target_xml,
				       c->offset, c->len);
		break;
	case RSP_FIRST_THREAD:
		r += sprintf(r, "m");
		for (i = 0; i < g->m->nvcpus; i++)
			r += sprintf(r, "%s%x", i ? "," : "", i + 1);
		break;
	case RSP_NEXT_THREAD:
		strcpy(r, "l");
		break;
	case RSP_CURRENT_THREAD:
		sprintf(r, "QC%x", g->stop_tid > 0 ? g->stop_tid : 1);
		break;
	case RSP_ATTACHED:
		strcpy(r, "1");
		break;
	case RSP_MONITOR:
		monitor(g, (const char *)c->data);
		break;
	case RSP_DETACH:
		bp_remove_all(&g->bps);
		send_packet(g, "OK");
		g->noack = false;
		for (i = 0; i < g->m->nvcpus; i++)
			g->act[i] = ACT_CONT;
		g->halted = false;
		g->waiting = false;
		pthread_cond_broadcast(&g->cond);
		fprintf(stderr, "vcpuctl: gdb detached, the guest runs on\n");
		return;
	case RSP_KILL:
		bp_remove_all(&g->bps);
		machine_stop(g->m, 128 + SIGKILL);
		return;
	case RSP_START_NOACK:
		send_packet(g, "OK");
		g->noack = true;
		return;
	}
	send_packet(g, g->reply);
}

static void on_packet(struct gdbstub *g)
{
	struct machine *m = g->m;

	if (!g->noack)
		send_raw(g, "+", 1);
	rsp_parse(g->rx.buf, g->rx.len, &g->cmd);
	if (g->rx.overflow)
		g->cmd.kind = RSP_BAD;
	pthread_mutex_lock(&m->lock);
	/* gdb's first packet, or one while running: hold the guest first. */
	if (!g->halted) {
		halt_all(g, GDB_SIGINT);
		g->waiting = false;
	}
	if (!m->stop)
		handle(g, &g->cmd);
	pthread_mutex_unlock(&m->lock);
}

/* Bytes from gdb; false at the end of the connection. */
static bool on_input(struct gdbstub *g)
{
	uint8_t buf[512];
	ssize_t n = read(g->fd, buf, sizeof(buf));
	ssize_t i;

	if (n < 0 && errno == EINTR)
		return true;
	if (n <= 0)
		return false;
	for (i = 0; i < n; i++) {
		switch (rsp_rx_byte(&g->rx, buf[i])) {
		case RSP_RX_PACKET:
			on_packet(g);
			break;
		case RSP_RX_BAD:
			send_raw(g, "-", 1);
			break;
		case RSP_RX_NAK:
			send_raw(g, g->out, g->out_len);
			break;
		case RSP_RX_INTERRUPT:
			pthread_mutex_lock(&g->m->lock);
			if (!g->halted)
				report_stop(g, g->gtid, GDB_SIGINT);
			pthread_mutex_unlock(&g->m->lock);
			break;
		default:
			break;
		}
	}
	return true;
}

/* A VCPU stopped the guest: tell gdb once all VCPUs are parked. */
static void on_event(struct gdbstub *g)
{
	struct machine *m = g->m;
	char c[16];

	if (read(g->event[0], c, sizeof(c)) < 0 && errno != EINTR)
		return;
	pthread_mutex_lock(&m->lock);
	if (!m->stop && g->halted && g->waiting) {
		wait_parked(g);
		g->waiting = false;
		if (!m->stop) {
			stop_reply(g);
			send_packet(g, g->reply);
		}
	}
	pthread_mutex_unlock(&m->lock);
}

static void *gdb_thread(void *arg)
{
	struct gdbstub *g = arg;
	struct pollfd p[2];

	while (!g->m->stop) {
		if (g->fd < 0) {
			g->fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
			if (g->fd < 0)
				continue;
			rsp_rx_init(&g->rx);
			g->noack = false;
		}
		p[0] = (struct pollfd){ .fd = g->event[0], .events = POLLIN };
		p[1] = (struct pollfd){ .fd = g->fd, .events = POLLIN };
		if (poll(p, 2, -1) < 0)
			continue;
		if (p[0].revents)
			on_event(g);
		if (p[1].revents && !on_input(g) && g->listen_fd >= 0) {
			/*
			 * gdb went away: as if it had detached, with no
			 * "OK" to a closed socket.  Halt first, so that no
			 * VCPU meets a breakpoint that is being removed.
			 */
			close(g->fd);
			g->fd = -1;
			pthread_mutex_lock(&g->m->lock);
			if (!g->halted)
				halt_all(g, GDB_SIGINT);
			if (!g->m->stop) {
				g->cmd.kind = RSP_DETACH;
				handle(g, &g->cmd);
			}
			pthread_mutex_unlock(&g->m->lock);
		}
	}
	return NULL;
}

/**
 * gdb_open() - prepare the stub before the VCPUs exist
 * @m: the machine
 * @where: a TCP port, a serial device or a Unix socket path
 * @wait: hold the guest before its first instruction until gdb resumes it
 *
 * Return: 0, or a negative vcpuctl exit code.
 */
int gdb_open(struct machine *m, const char *where, bool wait)
{
	static struct gdbstub stub;
	struct gdbstub *g = &stub;
	struct stat st;
	int i;

	g->m = m;
	g->fd = -1;
	g->listen_fd = -1;
	if (!stat(where, &st) && S_ISCHR(st.st_mode))
		g->fd = open_tty(where);
	else
		g->listen_fd = listen_on(where);
	if (g->fd < 0 && g->listen_fd < 0)
		return -VCPUCTL_EXIT_OSERR;
	if (pipe2(g->event, O_CLOEXEC))
		return -VCPUCTL_EXIT_OSERR;
	/* A write to a connection gdb closed fails with EPIPE instead. */
	signal(SIGPIPE, SIG_IGN);
	pthread_cond_init(&g->cond, NULL);
	rsp_rx_init(&g->rx);
	g->gtid = 1;
	g->ctid = 1;
	g->halted = wait;
	g->stop_tid = 1;
	g->stop_sig = GDB_SIGTRAP;
	for (i = 0; i < MIPSVCPU_MAX_VCPUS; i++)
		g->act[i] = wait ? ACT_STOP : ACT_CONT;
	m->gdb = g;
	fprintf(stderr, "vcpuctl: gdb stub on %s%s\n", where,
		wait ? ", the guest waits for gdb" : "");
	return 0;
}

/* Start the stub's thread; the VCPU threads exist. */
void gdb_start(struct machine *m)
{
	pthread_create(&m->gdb->thread, NULL, gdb_thread, m->gdb);
}

/* The machine stopped (m->lock held): wake the parked VCPU threads. */
void gdb_machine_stopping(struct machine *m)
{
	if (m->gdb)
		pthread_cond_broadcast(&m->gdb->cond);
}

/*
 * After the VCPU threads ended: end the stub's thread and, if gdb waits
 * for the guest, tell it the guest exited (W and the exit status).
 */
void gdb_close(struct machine *m)
{
	struct gdbstub *g = m->gdb;

	if (!g)
		return;
	pthread_cancel(g->thread);
	pthread_join(g->thread, NULL);
	if (g->fd >= 0 && g->waiting) {
		snprintf(g->reply, sizeof(g->reply), "W%02x", m->exit_code & 0xff);
		send_packet(g, g->reply);
	}
}
