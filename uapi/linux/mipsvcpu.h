/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * mipsvcpu.h - the userspace ABI of /dev/mipsvcpu.
 *
 * mipsvcpu runs MIPS32 guests on a MIPS32 Linux host by trap-and-emulate.
 * The conventions follow KVM's:
 *
 *   /dev/mipsvcpu          MIPSVCPU_GET_API_VERSION, MIPSVCPU_CREATE_VM
 *     VM fd (anon inode)   MIPSVCPU_SET_MEMORY_REGION, MIPSVCPU_CREATE_VCPU,
 *                          coalesced MMIO zones
 *       VCPU fd            MIPSVCPU_RUN, register access, interrupt lines,
 *                          and mmap() of a struct mipsvcpu_run
 *
 * Every ioctl argument has explicit-width fields, explicit padding and
 * reserved space.  Reserved fields and padding must be zero and flags
 * outside the documented mask are rejected with EINVAL, so that later
 * versions can give them meaning.  Unknown ioctls fail with ENOTTY.
 * Ioctl numbers are never reused: 0x00-0x1f on /dev/mipsvcpu, 0x20-0x3f on
 * a VM fd, 0x40-0x5f on a VCPU fd.
 *
 * The guest address map (see docs/address-map.md): the guest sees only the
 * low 2 GiB.  In its kernel view (Status.KSU = kernel, or EXL or ERL set)
 * 0x00000000-0x1fffffff stands for KSEG0 (guest physical = virtual),
 * 0x20000000-0x3fffffff for KSEG1 (guest physical = virtual - 0x20000000,
 * uncached) and 0x40000000-0x7fffffff for KSEG2/KSEG3 (through the guest
 * TLB).  In its user view all of 0x00000000-0x7fffffff goes through the
 * guest TLB, unless the VM narrows it to a user window (below).  Guest
 * physical addresses therefore span 0 - 512 MiB.
 *
 * Boot convention: a VCPU starts at PC 0x3fc00000 (guest physical
 * 0x1fc00000) with Status.BEV and Status.EXL set, and
 *   a0 = guest physical base of RAM (the lowest writable memory region)
 *   a1 = size of that region in bytes
 *   a2 = guest physical address of the guest device tree, or 0
 *   a3 = the VCPU number
 */
#ifndef _UAPI_LINUX_MIPSVCPU_H
#define _UAPI_LINUX_MIPSVCPU_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * 1: the first ABI.
 * 2: the user-view window: MIPSVCPU_VM_USER_WINDOW, the DTB's user_window
 *    property, user_base and user_end in struct mipsvcpu_guest_desc.  A
 *    version 1 module would ignore that property: check the version.
 * 3: guest debugging: MIPSVCPU_SET_GUEST_DEBUG, MIPSVCPU_EXIT_DEBUG and
 *    run.debug, MIPSVCPU_TRANSLATE.
 * 4: coalesced MMIO: MIPSVCPU_REGISTER_COALESCED_MMIO and
 *    MIPSVCPU_UNREGISTER_COALESCED_MMIO, run.coalesced (the ring), the
 *    mmio_coalesced counter.  SET_MEMORY_REGION refuses a slot over a
 *    zone (EEXIST).
 * 5: a slot's pages are pinned at the guest's first touch, not when the
 *    slot is created: until then munmap() changes what the guest will
 *    see, and RUN fails with EFAULT if the memory is gone by then.  The
 *    fault_in counter counts those first touches.
 * 6: the fast_traced counter: guest TLB refill handlers the vector ran
 *    from their translation (module parameter fast_trace).
 */
#define MIPSVCPU_API_VERSION		6

/* The ioctl magic.  0xb7 is not used by any in-tree driver. */
#define MIPSVCPU_IO			0xb7

/* Limits the module enforces; see docs/security.md. */
#define MIPSVCPU_MAX_MEMORY_SLOTS	16
#define MIPSVCPU_MAX_VCPUS		8
#define MIPSVCPU_GUEST_PHYS_LIMIT	0x20000000u	/* 512 MiB */
#define MIPSVCPU_RESET_PC		0x3fc00000u

/* ---------------------------------------------------------------------
 * /dev/mipsvcpu
 */

/* Returns MIPSVCPU_API_VERSION. */
#define MIPSVCPU_GET_API_VERSION	_IO(MIPSVCPU_IO, 0x00)

/*
 * Creates a VM and returns its fd (O_CLOEXEC).  The VM and everything in it
 * is freed when the last fd referring to it is closed.
 *
 * The user window: guest user mode (Status.KSU user or supervisor, EXL and
 * ERL clear) may touch only guest virtual [user_base, user_end); a load,
 * store or instruction fetch outside it raises an address error in the
 * guest (AdEL/AdES, BadVAddr the address), exactly as an access to
 * 0x80000000 and up does.  The guest kernel's view is not affected.  One
 * guest TLB serves both views, so without a window a guest kernel's global
 * mappings at 0x40000000-0x7fffffff (Linux's vmalloc) are readable from its
 * user mode.  With MIPSVCPU_VM_USER_WINDOW, both bounds must be multiples
 * of MIPSVCPU_USER_WINDOW_ALIGN, user_base < user_end <=
 * MIPSVCPU_USER_VA_LIMIT; without it both must be 0 and the window is all
 * of 0 - MIPSVCPU_USER_VA_LIMIT (the DTB may still set it, see
 * MIPSVCPU_SET_GUEST_DT).  The window never changes once set.
 */
struct mipsvcpu_create_vm {
	__u32 flags;		/* MIPSVCPU_VM_* */
	__u32 user_base;	/* first guest virtual byte of the window */
	__u32 user_end;		/* the byte after its last */
	__u32 reserved[5];	/* must be 0 */
};

#define MIPSVCPU_VM_USER_WINDOW		0x00000001u
#define MIPSVCPU_CREATE_VM_VALID_FLAGS	MIPSVCPU_VM_USER_WINDOW
#define MIPSVCPU_USER_WINDOW_ALIGN	0x1000u
#define MIPSVCPU_USER_VA_LIMIT		0x80000000u
#define MIPSVCPU_CREATE_VM		_IOW(MIPSVCPU_IO, 0x01, struct mipsvcpu_create_vm)

/* Returns the size to mmap() on a VCPU fd for its struct mipsvcpu_run. */
#define MIPSVCPU_GET_VCPU_MMAP_SIZE	_IO(MIPSVCPU_IO, 0x02)

/* ---------------------------------------------------------------------
 * VM fd
 */

/*
 * Backs guest physical memory [guest_phys_addr, guest_phys_addr + size)
 * with the caller's memory at userspace_addr.  All three must be 4 KiB
 * aligned, the range must lie below MIPSVCPU_GUEST_PHYS_LIMIT and must not
 * overlap another slot or a coalesced MMIO zone (EEXIST), and the memory
 * must be mapped, writable unless the slot is read-only (EFAULT).  Pages
 * are pinned, in the memory of the process that created the slot, when
 * the guest first touches them (with the rest of their aligned group of 16
 * pages, 64 KiB), for the rest of the slot's life: munmap() or fork() in
 * userspace does not change a pinned page.  A page not pinned yet is
 * whatever the memory at its address is when it is pinned; once the
 * creating process has exited none can be.  The slot's whole size counts
 * against RLIMIT_MEMLOCK when it is created.
 * A size of 0 deletes the slot.  Guest stores to a MIPSVCPU_MEM_READONLY
 * slot leave memory unchanged and exit to userspace as MMIO writes.
 */
struct mipsvcpu_memory_region {
	__u32 slot;		/* 0 .. MIPSVCPU_MAX_MEMORY_SLOTS - 1 */
	__u32 flags;		/* MIPSVCPU_MEM_* */
	__u64 guest_phys_addr;
	__u64 size;
	__u64 userspace_addr;
	__u64 reserved[4];	/* must be 0 */
};

#define MIPSVCPU_MEM_READONLY		0x00000001u
#define MIPSVCPU_MEM_VALID_FLAGS	MIPSVCPU_MEM_READONLY
#define MIPSVCPU_SET_MEMORY_REGION	_IOW(MIPSVCPU_IO, 0x20, struct mipsvcpu_memory_region)

/*
 * Creates VCPU number @id and returns its fd (O_CLOEXEC).  Its reset state
 * (the boot convention above) is taken from the memory slots present now,
 * so create memory first.
 */
struct mipsvcpu_create_vcpu {
	__u32 id;		/* 0 .. MIPSVCPU_MAX_VCPUS - 1, unique per VM */
	__u32 flags;		/* none defined: must be 0 */
	__u32 tlb_size;		/* guest TLB entries, 1..64; 0 means 16 */
	__u32 reserved[5];	/* must be 0 */
};

#define MIPSVCPU_MAX_GUEST_TLB		64
#define MIPSVCPU_DEFAULT_GUEST_TLB	16

#define MIPSVCPU_CREATE_VCPU_VALID_FLAGS 0u
#define MIPSVCPU_CREATE_VCPU		_IOW(MIPSVCPU_IO, 0x21, struct mipsvcpu_create_vcpu)

/*
 * Describes the guest with a device tree blob (docs/guest-dts.md: Xvisor's
 * guest node plus mipsvcpu's extensions).  The module parses and validates
 * it fully; on EINVAL a message naming the node and property is written to
 * @error.  On success the VM follows the description: memory slots must
 * then be exactly its "real" regions, VCPU ids must be below its VCPU
 * count and take their TLB size from it, and every VCPU starts with a2 =
 * @dtb_gpa (where userspace placed a copy of the blob in guest memory, or
 * 0).  The guest node's user_window = <base end> sets the VM's user window
 * (see MIPSVCPU_CREATE_VM; EINVAL if MIPSVCPU_CREATE_VM already set one).
 * The parsed description is written to @desc, with the window the VM has
 * now.  Only once per VM, and before the first VCPU (else EBUSY).
 */
#define MIPSVCPU_MAX_DTB_SIZE		0x10000u
#define MIPSVCPU_DT_NAME_LEN		32
#define MIPSVCPU_DT_TYPE_LEN		16
#define MIPSVCPU_DT_IMAGE_LEN		128
#define MIPSVCPU_DT_MAX_REGIONS		16

/* struct mipsvcpu_region_desc.kind */
#define MIPSVCPU_REGION_RAM		1
#define MIPSVCPU_REGION_ROM		2
#define MIPSVCPU_REGION_DEVICE		3
/* struct mipsvcpu_region_desc.device */
#define MIPSVCPU_DEVICE_NONE		0
#define MIPSVCPU_DEVICE_SERIAL		1	/* ns16550a */
#define MIPSVCPU_DEVICE_POWER		2	/* mipsvcpu,power */
#define MIPSVCPU_DEVICE_TESTDEV		3	/* mipsvcpu,testdev */

struct mipsvcpu_vcpu_desc {
	char name[MIPSVCPU_DT_NAME_LEN];
	char model[MIPSVCPU_DT_NAME_LEN];
	__u32 start_pc;
	__u32 tlb_size;
	__u32 reserved[2];
};

struct mipsvcpu_region_desc {
	char name[MIPSVCPU_DT_NAME_LEN];
	char device_type[MIPSVCPU_DT_TYPE_LEN];
	char compatible[MIPSVCPU_DT_NAME_LEN];
	char image[MIPSVCPU_DT_IMAGE_LEN];	/* relative to the .dtb */
	__u32 gpa;
	__u32 size;
	__u32 image_offset;
	__u32 irq;		/* serial: IP line 2..6, 0 when polled */
	__u8 kind;		/* MIPSVCPU_REGION_* */
	__u8 device;		/* MIPSVCPU_DEVICE_* */
	__u8 read_only;
	__u8 padding;
	__u32 reserved[3];
};

struct mipsvcpu_guest_desc {
	char model[MIPSVCPU_DT_NAME_LEN];
	__u32 nvcpus;
	__u32 nregions;
	__u32 ram_region;	/* index of the RAM a0/a1 describe */
	__u32 boot_region;	/* index of the region holding 0x3fc00000 */
	struct mipsvcpu_vcpu_desc vcpu[MIPSVCPU_MAX_VCPUS];
	struct mipsvcpu_region_desc region[MIPSVCPU_DT_MAX_REGIONS];
	__u32 user_base;	/* the VM's user window, from the DTB, */
	__u32 user_end;		/* MIPSVCPU_CREATE_VM, or 0 - 2 GiB */
	__u32 reserved[6];
};

struct mipsvcpu_guest_dt {
	__u64 blob;		/* userspace address of the DTB */
	__u32 blob_size;	/* bytes, at most MIPSVCPU_MAX_DTB_SIZE */
	__u32 flags;		/* none defined: must be 0 */
	__u64 error;		/* buffer for the reason on EINVAL, or 0 */
	__u32 error_size;
	__u32 dtb_gpa;		/* a2 at reset, or 0 */
	__u64 desc;		/* buffer for struct mipsvcpu_guest_desc, or 0 */
	__u32 desc_size;	/* sizeof(struct mipsvcpu_guest_desc) if desc */
	__u32 reserved[5];	/* must be 0 */
};

#define MIPSVCPU_SET_GUEST_DT		_IOW(MIPSVCPU_IO, 0x22, struct mipsvcpu_guest_dt)

/*
 * Coalesced MMIO, after KVM's KVM_REGISTER_COALESCED_MMIO: a guest store
 * to a registered zone (a register userspace only collects, such as a
 * UART's transmit register) does not exit.  The module appends it to the
 * ring in the VCPU's run structure (run.coalesced, below) and resumes the
 * guest; userspace drains the ring and applies the writes in order.
 *
 * A zone is [guest_phys_addr, guest_phys_addr + size): size a power of
 * two from 1 to MIPSVCPU_COALESCED_MAX_ZONE_SIZE, guest_phys_addr a
 * multiple of size, the zone below MIPSVCPU_GUEST_PHYS_LIMIT, flags and
 * reserved 0 (else EINVAL).  It may not overlap another zone or a memory
 * slot (EEXIST; SET_MEMORY_REGION likewise refuses a slot over a zone), and
 * a VM has at most MIPSVCPU_MAX_COALESCED_ZONES (ENOSPC).  UNREGISTER
 * takes the same argument and removes the zone with exactly that address
 * and size (ENOENT if there is none); writes already in a ring stay there.
 * Zones may change while VCPUs run: a store sees the zones of the moment.
 *
 * Only stores of 1, 2 or 4 bytes wholly inside a zone are coalesced.  A
 * load from a zone, and a store while the ring is full, is an ordinary
 * MIPSVCPU_EXIT_MMIO, after the writes already in the ring.
 */
struct mipsvcpu_coalesced_zone {
	__u64 guest_phys_addr;
	__u32 size;
	__u32 flags;		/* none defined: must be 0 */
	__u32 reserved[4];	/* must be 0 */
};

#define MIPSVCPU_MAX_COALESCED_ZONES	8
#define MIPSVCPU_COALESCED_MAX_ZONE_SIZE 0x1000u
#define MIPSVCPU_REGISTER_COALESCED_MMIO   _IOW(MIPSVCPU_IO, 0x23, struct mipsvcpu_coalesced_zone)
#define MIPSVCPU_UNREGISTER_COALESCED_MMIO _IOW(MIPSVCPU_IO, 0x24, struct mipsvcpu_coalesced_zone)

/* ---------------------------------------------------------------------
 * VCPU fd
 */

/* Exit reasons, in struct mipsvcpu_run.exit_reason. */
#define MIPSVCPU_EXIT_NONE		0
#define MIPSVCPU_EXIT_MMIO		1	/* complete it and RUN again */
#define MIPSVCPU_EXIT_WAIT		2	/* only with MIPSVCPU_RUN_EXIT_ON_WAIT */
#define MIPSVCPU_EXIT_INTR		3	/* immediate_exit was set */
#define MIPSVCPU_EXIT_INTERNAL_ERROR	4	/* the VM is dead: see .internal */
#define MIPSVCPU_EXIT_DEBUG		5	/* MIPSVCPU_SET_GUEST_DEBUG: see .debug */

/* Why the module gave up on a guest (internal.suberror). */
#define MIPSVCPU_INTERNAL_UNHANDLED_INSN 1	/* an instruction it cannot emulate */
#define MIPSVCPU_INTERNAL_MMIO_INSN	2	/* an access form MMIO cannot take */
#define MIPSVCPU_INTERNAL_FETCH		3	/* the faulting instruction is unreadable */
#define MIPSVCPU_INTERNAL_HOST		4	/* a host-side failure */

/* struct mipsvcpu_run.request flags, set by userspace before RUN. */
#define MIPSVCPU_RUN_EXIT_ON_WAIT	0x00000001u
#define MIPSVCPU_RUN_VALID_REQUESTS	MIPSVCPU_RUN_EXIT_ON_WAIT

/* One coalesced store: the fields of run.mmio for a write. */
struct mipsvcpu_coalesced_entry {
	__u64 phys_addr;
	__u32 data;		/* the low len bytes count */
	__u32 len;		/* 1, 2 or 4 */
};

#define MIPSVCPU_COALESCED_RING_SIZE	128	/* entries, a power of two */

/*
 * The ring of coalesced stores of one VCPU, empty (head = tail = 0) when
 * the VCPU is created.  @head and @tail count entries from 0 and wrap at
 * 2^32 (not at the ring's size): the entries not yet drained are
 * entry[i % MIPSVCPU_COALESCED_RING_SIZE] for i from head up to tail,
 * oldest first; the ring is full when tail - head equals
 * MIPSVCPU_COALESCED_RING_SIZE.  The module writes an entry, then @tail
 * (a store-release); userspace reads @tail (a load-acquire), the entries,
 * then writes @head (a store-release).  The module may append while
 * another thread of userspace drains: they only need those orders.
 *
 * Userspace must drain the ring before it handles any exit (of every
 * reason, also after RUN failed with EINTR), so that the exit sees every
 * earlier store of the VCPU applied; it may also drain at any other time,
 * e.g. from a thread that polls while the VCPU computes or waits.  Order
 * is kept per VCPU: each VCPU has its own ring.
 *
 * The module keeps its own copy of @tail and never reads @tail back; it
 * reads @head at every store and coalesces only while 0 <= tail - head <
 * MIPSVCPU_COALESCED_RING_SIZE: a @head userspace corrupted makes every
 * store to a zone an ordinary exit, nothing worse.
 */
struct mipsvcpu_coalesced_ring {
	__u32 head;		/* written by userspace */
	__u32 tail;		/* written by the module */
	__u32 reserved[2];	/* neither side uses them */
	struct mipsvcpu_coalesced_entry entry[MIPSVCPU_COALESCED_RING_SIZE];
};

/*
 * Shared with userspace by mmap() of a VCPU fd at offset 0, length
 * MIPSVCPU_GET_VCPU_MMAP_SIZE.  Userspace writes request, immediate_exit
 * and coalesced.head; the module writes everything else on each exit, and
 * the ring as the guest stores to a coalesced zone.
 */
struct mipsvcpu_run {
	/* in */
	__u32 request;		/* MIPSVCPU_RUN_* */
	__u8 immediate_exit;	/* non-zero: RUN returns EINTR at once */
	__u8 padding1[3];
	/* out */
	__u32 exit_reason;	/* MIPSVCPU_EXIT_* */
	__u32 padding2;
	union {
		/*
		 * A guest load or store to a guest physical address that no
		 * memory slot backs (or a store to a read-only slot).  For a
		 * read, userspace fills data (the low len bytes count) before
		 * the next RUN; the module sign- or zero-extends it into the
		 * destination register as the instruction requires.
		 */
		struct {
			__u64 phys_addr;
			__u32 data;
			__u32 len;	/* 1, 2 or 4 */
			__u8 is_write;
			__u8 padding[7];
		} mmio;
		/*
		 * MIPSVCPU_EXIT_DEBUG: a break instruction (reason
		 * MIPSVCPU_DEBUG_BREAK) or a finished single step
		 * (MIPSVCPU_DEBUG_STEP).  The guest has seen nothing: for a
		 * break the PC is still the break's (its branch, with
		 * Cause.BD in @cause, if it sat in a delay slot).
		 */
		struct {
			__u32 reason;	/* MIPSVCPU_DEBUG_* */
			__u32 pc;	/* the break's address; the new PC */
			__u32 insn;	/* the break's encoding, or 0 */
			__u32 cause;	/* Cause.BD: the break is in a delay slot */
			__u32 reserved[4];
		} debug;
		/* MIPSVCPU_EXIT_INTERNAL_ERROR */
		struct {
			__u32 suberror;	/* MIPSVCPU_INTERNAL_* */
			__u32 pc;	/* guest virtual PC of the instruction */
			__u32 insn;	/* its encoding, if it could be read */
			__u32 cause;	/* guest-side Cause of the trap */
			char message[64];	/* NUL-terminated */
		} internal;
		__u8 padding3[256];
	};
	/* Stores to coalesced MMIO zones (version 4). */
	struct mipsvcpu_coalesced_ring coalesced;
};

/*
 * Runs the VCPU until an exit userspace must see.  Returns 0 with
 * exit_reason set, or -1 with errno EINTR when a signal is pending (RUN may
 * be called again), EBUSY when another thread is already running this VCPU,
 * EIO when the VM has died (exit_reason is MIPSVCPU_EXIT_INTERNAL_ERROR),
 * EFAULT when the guest touched a page of a slot for the first time and
 * its memory is not mapped with the slot's access (the VCPU repeats the
 * access at the next RUN) or the slot's creator has exited, ENOMEM when
 * it could not be pinned; exit_reason is MIPSVCPU_EXIT_NONE then.
 */
#define MIPSVCPU_RUN			_IO(MIPSVCPU_IO, 0x40)

/* General-purpose state.  gpr[0] reads as 0 and writes to it are ignored. */
struct mipsvcpu_regs {
	__u32 gpr[32];
	__u32 hi;
	__u32 lo;
	__u32 pc;
	__u32 reserved[5];	/* must be 0 on SET */
};

#define MIPSVCPU_GET_REGS		_IOR(MIPSVCPU_IO, 0x41, struct mipsvcpu_regs)
#define MIPSVCPU_SET_REGS		_IOW(MIPSVCPU_IO, 0x42, struct mipsvcpu_regs)

/*
 * One CP0 register, named as KVM named them: id = 8 * rd + sel.  SET
 * applies the same write masks as a guest mtc0.
 */
struct mipsvcpu_cp0_reg {
	__u32 id;
	__u32 value;
	__u32 reserved[2];	/* must be 0 */
};

#define MIPSVCPU_CP0_ID(rd, sel)	((rd) * 8 + (sel))
#define MIPSVCPU_GET_CP0		_IOWR(MIPSVCPU_IO, 0x43, struct mipsvcpu_cp0_reg)
#define MIPSVCPU_SET_CP0		_IOW(MIPSVCPU_IO, 0x44, struct mipsvcpu_cp0_reg)

/*
 * Drives one of the guest's hardware interrupt lines IP2..IP6 (level
 * triggered, as a device's interrupt pin).  IP7 is the guest's own timer.
 * May be called from any thread, also while another thread is in RUN; a
 * VCPU sleeping in WAIT wakes up.
 */
struct mipsvcpu_irq_line {
	__u32 line;		/* 2 .. 6 */
	__u32 level;		/* 0 or 1 */
	__u32 reserved[2];	/* must be 0 */
};

#define MIPSVCPU_IRQ_LINE		_IOW(MIPSVCPU_IO, 0x45, struct mipsvcpu_irq_line)

/* Exit counters of one VCPU since it was created. */
struct mipsvcpu_vcpu_stats {
	__u64 exits;		/* every return from the guest to the module */
	__u64 host_irq;		/* a host interrupt arrived */
	__u64 shadow_refill;	/* a shadow TLB entry was installed */
	__u64 guest_tlb_fault;	/* TLB refill/invalid/modified for the guest */
	__u64 mmio;		/* MMIO exits to userspace */
	__u64 emulated;		/* privileged instructions emulated, fast or not */
	__u64 guest_exception;	/* exceptions delivered to the guest */
	__u64 wait;		/* WAIT instructions that slept */
	__u64 guest_irq;	/* interrupts delivered to the guest */
	__u64 fast_refill;	/* refills served in the vector (not in exits) */
	__u64 fast_emulated;	/* of emulated, done in the vector (not in exits) */
	__u64 mmio_coalesced;	/* stores put in the ring (exits, not to userspace) */
	__u64 fault_in;		/* of exits, first touches that pinned pages (v5) */
	__u64 fast_traced;	/* guest refill handlers run translated (v6) */
	__u64 reserved[2];
};

#define MIPSVCPU_GET_STATS		_IOR(MIPSVCPU_IO, 0x46, struct mipsvcpu_vcpu_stats)

/*
 * Guest debugging, in KVM_SET_GUEST_DEBUG's shape.  With
 * MIPSVCPU_GUESTDBG_ENABLE:
 *
 *  - MIPSVCPU_GUESTDBG_USE_SW_BP: every break instruction the guest
 *    executes exits with MIPSVCPU_EXIT_DEBUG, reason MIPSVCPU_DEBUG_BREAK,
 *    instead of reaching the guest.  Userspace plants its own breaks in
 *    guest memory (it owns that memory, also a read-only slot's); for one
 *    it did not plant, it hands the exception to the guest with
 *    MIPSVCPU_GUESTDBG_INJECT_BP, so the guest still gets its own breaks.
 *  - MIPSVCPU_GUESTDBG_SINGLESTEP: each RUN executes one instruction (a
 *    branch or jump together with its delay slot) and exits with reason
 *    MIPSVCPU_DEBUG_STEP; an exception the guest takes ends the step at
 *    its vector.  The module plants a break at the next PC for the step
 *    and removes it before RUN returns; guest interrupts are held back
 *    meanwhile (as QEMU's gdbstub does).  An exit that is not the step's
 *    (MMIO, a break, a signal) ends RUN as usual; the step ends at the
 *    next RUN if the instruction finished.  The next instruction's page
 *    must be RAM or a read-only slot over the caller's private anonymous
 *    memory; else RUN fails with EFAULT.  The break is in memory all
 *    VCPUs share: while the VM has more than one VCPU, setting
 *    SINGLESTEP fails with EBUSY, and so does RUN with it set.  A step
 *    ends when RUN returns, except after an MMIO exit or before the
 *    instruction ran, and at MIPSVCPU_SET_REGS or MIPSVCPU_SET_CP0.
 *  - MIPSVCPU_GUESTDBG_INJECT_BP (once, not remembered): deliver a
 *    Breakpoint exception to the guest at its PC now, as if the break
 *    there had run without a debugger.  Only right after a
 *    MIPSVCPU_DEBUG_BREAK exit, else EINVAL.
 *
 * Without MIPSVCPU_GUESTDBG_ENABLE, control must be 0 (debugging off).
 */
struct mipsvcpu_guest_debug {
	__u32 control;		/* MIPSVCPU_GUESTDBG_* */
	__u32 reserved[7];	/* must be 0 */
};

#define MIPSVCPU_GUESTDBG_ENABLE	0x00000001u
#define MIPSVCPU_GUESTDBG_SINGLESTEP	0x00000002u
#define MIPSVCPU_GUESTDBG_USE_SW_BP	0x00000004u
#define MIPSVCPU_GUESTDBG_INJECT_BP	0x00000008u
#define MIPSVCPU_GUESTDBG_VALID		0x0000000fu

/* run.debug.reason */
#define MIPSVCPU_DEBUG_BREAK		1
#define MIPSVCPU_DEBUG_STEP		2

#define MIPSVCPU_SET_GUEST_DEBUG	_IOW(MIPSVCPU_IO, 0x47, struct mipsvcpu_guest_debug)

/*
 * Guest virtual -> guest physical, as the guest would translate a fetch or
 * load now: through the fixed segments of its kernel view or through the
 * guest TLB (the lowest matching entry, global or of @asid), the user
 * window applying in the user view.  @view: MIPSVCPU_VIEW_CURRENT (the
 * guest's Status decides), _KERNEL or _USER.  With MIPSVCPU_XLATE_ASID,
 * @asid replaces EntryHi.ASID.  Out: @valid (0: an address error, a TLB
 * miss or an invalid entry), @gpa, @writable (a store would not fault:
 * EntryLo.D or an unmapped segment; the slot may still be read-only),
 * @mapped (it went through the guest TLB), @view_used.
 */
struct mipsvcpu_translation {
	__u32 gva;		/* in */
	__u32 view;		/* in: MIPSVCPU_VIEW_* */
	__u32 flags;		/* in: MIPSVCPU_XLATE_* */
	__u32 asid;		/* in, with MIPSVCPU_XLATE_ASID: 0..255 */
	__u32 gpa;		/* out */
	__u8 valid;		/* out */
	__u8 writable;		/* out */
	__u8 mapped;		/* out */
	__u8 view_used;		/* out: MIPSVCPU_VIEW_KERNEL or _USER */
	__u32 reserved[4];	/* must be 0 */
};

#define MIPSVCPU_VIEW_CURRENT		0
#define MIPSVCPU_VIEW_KERNEL		1
#define MIPSVCPU_VIEW_USER		2
#define MIPSVCPU_XLATE_ASID		0x00000001u
#define MIPSVCPU_XLATE_VALID_FLAGS	MIPSVCPU_XLATE_ASID

#define MIPSVCPU_TRANSLATE		_IOWR(MIPSVCPU_IO, 0x48, struct mipsvcpu_translation)

#endif /* _UAPI_LINUX_MIPSVCPU_H */
