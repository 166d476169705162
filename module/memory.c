// SPDX-License-Identifier: GPL-2.0
/*
 * memory.c - guest physical memory: slots of pinned userspace pages, and
 * the coalesced MMIO zones, which may not overlap them.
 *
 * Userspace backs each slot with its own memory (vcpuctl mmaps it).  A
 * page is pinned (FOLL_LONGTERM) when the guest first touches it, and
 * stays pinned until the slot is deleted or the VM dies, so a later
 * munmap() or fork() in userspace cannot change or free a page the guest
 * has used: after munmap() the guest keeps those pages until the slot is
 * deleted, and a first touch of a page whose memory is gone makes RUN
 * fail with EFAULT.  Creating a slot only checks that its memory is mapped
 * with the access it needs; a 64 MiB guest that uses 10 MiB never has the
 * other 54 zeroed (docs/security.md).
 *
 * Pins are charged as the kernel's other long-term pinners charge them
 * (RDMA, io_uring), for the whole slot when it is created: to the
 * creating process's mm->pinned_vm (VmPin in /proc/PID/status) and to a
 * per-user total that the creator's RLIMIT_MEMLOCK bounds unless it has
 * CAP_IPC_LOCK.  A read-only page over memory nobody touched is the
 * shared zero page: it is not kept pinned (it never goes away), so that
 * it cannot be pinned once per guest page by any number of VMs.
 *
 * A slot is created before vm->slots_lock is taken, and pages are pinned
 * with it dropped (mvc_fault_in()): pinning can wait for as long as the
 * pages take to come (a FUSE server that never answers keeps its pinner
 * waiting for ever), and VCPUs hold the lock for reading while they run.
 * The swap itself happens under the lock held for writing and bumps
 * vm->slots_gen, which makes every VCPU drop its shadow TLB entries before
 * it runs again; a fault-in under way drops what it pinned if its slot was
 * replaced (each slot has its own id); the slot
 * swapped out is released after the lock is dropped (no VCPU can reach it
 * by then).  Fault-ins of several VCPUs store their pages with cmpxchg().
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/mipsregs.h>

#include "mipsvcpu.h"
#include "guest_tlb.h"

/*
 * Pinned pages per user, over all of the user's VMs and processes.  Linux
 * keeps such a total in struct user_struct (io_uring's user->locked_vm),
 * but a module cannot hold a user_struct: free_uid() is not exported.
 */
struct mvc_user {
	struct list_head node;
	kuid_t uid;
	unsigned long pinned;	/* pages */
	unsigned int slots;	/* slots charged to this user */
};

static LIST_HEAD(mvc_users);
static DEFINE_MUTEX(mvc_users_lock);

static struct mvc_user *mvc_find_user(kuid_t uid)
{
	struct mvc_user *u;

	list_for_each_entry(u, &mvc_users, node)
		if (uid_eq(u->uid, uid))
			return u;
	return NULL;
}

/*
 * Charge a new slot's pages to the calling task: its user's total against
 * RLIMIT_MEMLOCK (CAP_IPC_LOCK exempt) and its mm's pinned_vm.  The whole
 * size is charged, zero pages included: the limit is on what slots map.
 */
static int mvc_charge(struct mvc_slot *slot)
{
	unsigned long limit = rlimit(RLIMIT_MEMLOCK);
	struct mvc_user *u, *fresh;
	int ret = 0;

	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL_ACCOUNT);
	mutex_lock(&mvc_users_lock);
	u = mvc_find_user(current_uid());
	if (!u) {
		ret = -ENOMEM;
		if (!fresh)
			goto out_unlock;
		u = fresh;
		fresh = NULL;
		u->uid = current_uid();
		list_add(&u->node, &mvc_users);
	}
	ret = -ENOMEM;
	if (limit != RLIM_INFINITY &&
	    u->pinned + slot->npages > limit >> PAGE_SHIFT &&
	    !capable(CAP_IPC_LOCK)) {
		if (!u->slots) {
			list_del(&u->node);
			kfree(u);
		}
		goto out_unlock;
	}
	u->pinned += slot->npages;
	u->slots++;
	slot->user = u;
	ret = 0;
out_unlock:
	mutex_unlock(&mvc_users_lock);
	kfree(fresh);
	if (ret)
		return ret;
	slot->mm = current->mm;
	mmgrab(slot->mm);
	atomic64_add(slot->npages, &slot->mm->pinned_vm);
	return 0;
}

static void mvc_uncharge(struct mvc_slot *slot)
{
	struct mvc_user *u = slot->user;

	if (!u)
		return;
	atomic64_sub(slot->npages, &slot->mm->pinned_vm);
	mmdrop(slot->mm);
	mutex_lock(&mvc_users_lock);
	u->pinned -= slot->npages;
	if (!--u->slots) {
		list_del(&u->node);
		kfree(u);
	}
	mutex_unlock(&mvc_users_lock);
	slot->user = NULL;
	slot->mm = NULL;
}

static bool mvc_is_zero_page(struct page *page)
{
	return is_zero_pfn(page_to_pfn(page));
}

/*
 * Release the pins a slot holds, compacting its page array in place (it
 * is freed next).  The guest writes a writable slot through shadow
 * entries with D set, which the kernel never sees: a page it wrote after
 * writeback cleaned it must be marked dirty again here, or a file behind
 * the slot loses the write.  Pages never touched and the zero page hold
 * no pin.
 */
static void mvc_unpin(struct mvc_slot *slot)
{
	unsigned long i, n = 0;

	for (i = 0; i < slot->npages; i++)
		if (slot->pages[i] && !mvc_is_zero_page(slot->pages[i]))
			slot->pages[n++] = slot->pages[i];
	unpin_user_pages_dirty_lock(slot->pages, n,
				    !(slot->flags & MIPSVCPU_MEM_READONLY));
	atomic_long_sub(n, &mvc_live.pinned_pages);
}

static void mvc_slot_free(struct mvc_slot *slot)
{
	if (!slot->pages)
		return;
	mvc_unpin(slot);
	mvc_uncharge(slot);
	kvfree(slot->pages);
	kfree(slot->fast_lo);
	memset(slot, 0, sizeof(*slot));
}

/**
 * mvc_free_slots() - unpin and forget every slot of a dying VM
 * @vm: the VM, no longer reachable by anyone else
 */
void mvc_free_slots(struct mvc_vm *vm)
{
	int i;

	for (i = 0; i < MIPSVCPU_MAX_MEMORY_SLOTS; i++)
		mvc_slot_free(&vm->slots[i]);
}

/*
 * The table the refill vector reads (entry.S): for each page, its EntryLo
 * without the cache attribute, 0 until the page is pinned (page frame 0
 * holds the host's exception vectors, never a user page), and one 0 past
 * the end so that the odd half of a pair is always readable.  A 0 makes
 * an invalid shadow entry, whose access traps to C, which pins the page.
 * It must be lowmem (KSEG0): the vector cannot take a TLB miss.  Without
 * it the slot is only served by the slow path, and the vector leaves
 * every access it cannot place to C (world.c, fast_slots_all).
 */
static void mvc_alloc_fast_table(struct mvc_slot *slot)
{
	slot->fast_lo = kcalloc(slot->npages + 1, sizeof(u32),
				GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
}

static u32 mvc_fast_entrylo(const struct mvc_slot *slot, struct page *page)
{
	u32 d = slot->flags & MIPSVCPU_MEM_READONLY ? 0 : ENTRYLO_D;

	return (u32)page_to_pfn(page) << MVC_ENTRYLO_PFN_SHIFT | d | ENTRYLO_V;
}

/* What can be checked of a request without looking at the VM. */
static int mvc_check_request(const struct mipsvcpu_memory_region *r)
{
	u64 end = r->guest_phys_addr + r->size;

	if (r->slot >= MIPSVCPU_MAX_MEMORY_SLOTS)
		return -EINVAL;
	if (r->flags & ~MIPSVCPU_MEM_VALID_FLAGS)
		return -EINVAL;
	if (memchr_inv(r->reserved, 0, sizeof(r->reserved)))
		return -EINVAL;
	if (!r->size)
		return 0;
	if (!PAGE_ALIGNED(r->guest_phys_addr) || !PAGE_ALIGNED(r->size) ||
	    !PAGE_ALIGNED(r->userspace_addr))
		return -EINVAL;
	/* No wrap, and inside what gKSEG0/gKSEG1 can reach. */
	if (end < r->guest_phys_addr || end > MIPSVCPU_GUEST_PHYS_LIMIT)
		return -EINVAL;
	if (r->userspace_addr + r->size < r->userspace_addr ||
	    r->userspace_addr + r->size > TASK_SIZE)
		return -EINVAL;
	return 0;
}

/* Does a slot other than @except share a byte with the range? */
static bool mvc_slots_overlap(struct mvc_vm *vm, u64 gpa, u64 size,
			      u32 except)
{
	u32 i;

	for (i = 0; i < MIPSVCPU_MAX_MEMORY_SLOTS; i++) {
		const struct mvc_slot *s = &vm->slots[i];

		if (i != except && s->npages && gpa < s->gpa + s->size &&
		    s->gpa < gpa + size)
			return true;
	}
	return false;
}

/* What depends on the VM's other slots and description; slots_lock held. */
static int mvc_check_region(struct mvc_vm *vm,
			    const struct mipsvcpu_memory_region *r)
{
	if (!r->size)
		return 0;
	if (!mvc_dt_allows_region(vm, r))
		return -EINVAL;
	if (mvc_slots_overlap(vm, r->guest_phys_addr, r->size, r->slot) ||
	    mvc_cmmio_overlaps(&vm->cmmio, r->guest_phys_addr, r->size))
		return -EEXIST;
	return 0;
}

/*
 * Is [start, start + size) mapped with the access a slot needs, in memory
 * pin_user_pages() can pin?  Checked at creation so that a VMM learns of a
 * wrong address there and not at the guest's first touch.
 */
static int mvc_check_mapped(unsigned long start, unsigned long size,
			    bool write)
{
	unsigned long need = VM_READ | (write ? VM_WRITE : 0);
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long addr;
	int ret = 0;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	for (addr = start; addr < start + size; addr = vma->vm_end) {
		vma = vma_lookup(mm, addr);
		if (!vma || (vma->vm_flags & need) != need ||
		    vma->vm_flags & (VM_IO | VM_PFNMAP)) {
			ret = -EFAULT;
			break;
		}
	}
	mmap_read_unlock(mm);
	return ret;
}

/* Charge a new slot and build its empty tables; no lock held. */
static int mvc_new_slot(struct mvc_slot *slot,
			const struct mipsvcpu_memory_region *r)
{
	int ret;

	ret = mvc_check_mapped(r->userspace_addr, r->size,
			       !(r->flags & MIPSVCPU_MEM_READONLY));
	if (ret)
		return ret;
	slot->gpa = r->guest_phys_addr;
	slot->size = r->size;
	slot->flags = r->flags;
	slot->uaddr = r->userspace_addr;
	slot->npages = r->size >> PAGE_SHIFT;
	ret = mvc_charge(slot);
	if (ret)
		goto out_clear;
	ret = -ENOMEM;
	slot->pages = kvcalloc(slot->npages, sizeof(*slot->pages),
			       GFP_KERNEL_ACCOUNT);
	if (!slot->pages)
		goto out_uncharge;
	mvc_alloc_fast_table(slot);
	return 0;

out_uncharge:
	mvc_uncharge(slot);
out_clear:
	memset(slot, 0, sizeof(*slot));
	return ret;
}

/**
 * mvc_set_memory_region() - create, replace or delete a memory slot
 * @vm: the VM
 * @r: the request, copied from userspace but not yet validated
 *
 * Return: 0, -EINVAL for a malformed request, -EEXIST for an overlap,
 * -ENOMEM (also past RLIMIT_MEMLOCK), -EINTR for a fatal signal, or
 * -EFAULT when the memory is not mapped with the access the slot needs.
 */
int mvc_set_memory_region(struct mvc_vm *vm,
			  const struct mipsvcpu_memory_region *r)
{
	struct mvc_slot new = { 0 }, old;
	int ret;

	ret = mvc_check_request(r);
	if (ret)
		return ret;
	if (r->size) {
		ret = mvc_new_slot(&new, r);
		if (ret)
			return ret;
	}

	ret = down_write_killable(&vm->slots_lock);
	if (ret)
		goto out_free_new;
	ret = mvc_check_region(vm, r);
	if (ret)
		goto out_unlock;
	old = vm->slots[r->slot];
	new.id = ++vm->slot_ids;
	vm->slots[r->slot] = new;
	mvc_index_slots(vm);
	WRITE_ONCE(vm->slots_gen, vm->slots_gen + 1);
	up_write(&vm->slots_lock);
	mvc_slot_free(&old);
	return 0;

out_unlock:
	up_write(&vm->slots_lock);
out_free_new:
	mvc_slot_free(&new);
	return ret;
}

/**
 * mvc_index_slots() - what the VM derives from its slots
 * @vm: the VM; the caller holds slots_lock for writing
 *
 * The slots in use (mvc_gpa_to_page() scans only those: an MMIO access
 * misses every one), and the slot the boot convention calls RAM: the
 * lowest-addressed writable one, or -1.
 */
void mvc_index_slots(struct mvc_vm *vm)
{
	int i, best = -1;

	BUILD_BUG_ON(MIPSVCPU_MAX_MEMORY_SLOTS > U8_MAX);
	lockdep_assert_held_write(&vm->slots_lock);
	vm->nlive = 0;
	for (i = 0; i < MIPSVCPU_MAX_MEMORY_SLOTS; i++) {
		const struct mvc_slot *s = &vm->slots[i];

		if (!s->npages)
			continue;
		vm->live_slot[vm->nlive++] = i;
		if (s->flags & MIPSVCPU_MEM_READONLY)
			continue;
		if (best < 0 || s->gpa < vm->slots[best].gpa)
			best = i;
	}
	vm->ram_slot = best;
}

/* The slot backing @gpa, or NULL; slots_lock held. */
static struct mvc_slot *mvc_gpa_slot(struct mvc_vm *vm, u32 gpa)
{
	u32 i;

	for (i = 0; i < vm->nlive; i++) {
		struct mvc_slot *s = &vm->slots[vm->live_slot[i]];

		if (gpa - s->gpa < s->size)
			return s;
	}
	return NULL;
}

/**
 * mvc_gpa_to_page() - find the host page behind a guest physical address
 * @vm: the VM; the caller holds vm->slots_lock
 * @gpa: the guest physical address
 * @writable: set to whether the guest may write it
 *
 * Return: the page; NULL when no slot backs @gpa (it is MMIO);
 * ERR_PTR(-EAGAIN) when a slot does but the page is not pinned yet:
 * mvc_fault_in() pins it, with slots_lock dropped.
 */
struct page *mvc_gpa_to_page(struct mvc_vm *vm, u32 gpa, bool *writable)
{
	struct mvc_slot *s = mvc_gpa_slot(vm, gpa);
	struct page *page;

	if (!s)
		return NULL;
	*writable = !(s->flags & MIPSVCPU_MEM_READONLY);
	page = READ_ONCE(s->pages[(gpa - s->gpa) >> PAGE_SHIFT]);
	return page ?: ERR_PTR(-EAGAIN);
}

/*
 * Pin @n pages of @mm from @uaddr into @pages, or fewer: the pages from
 * the first one that cannot be pinned on are left out.  Return: how many
 * were, or an error.
 */
static long mvc_pin_range(struct mm_struct *mm, unsigned long uaddr,
			  unsigned long n, bool write, struct page **pages)
{
	unsigned int gup_flags = FOLL_LONGTERM | (write ? FOLL_WRITE : 0);
	long pinned;

	if (!mmget_not_zero(mm))
		return -EFAULT;	/* the VMM is gone; its fds are not */
	if (mmap_read_lock_killable(mm)) {
		mmput(mm);
		return -EINTR;
	}
	pinned = pin_user_pages_remote(mm, uaddr, n, gup_flags, pages, NULL,
				       NULL);
	mmap_read_unlock(mm);
	mmput(mm);
	return pinned;
}

/* Keep @page as page @i of @s unless another fault-in was first. */
static void mvc_slot_store(struct mvc_slot *s, unsigned long i,
			   struct page *page)
{
	bool zero = mvc_is_zero_page(page);

	/* The zero page is not kept pinned (see the top of this file). */
	if (zero)
		unpin_user_page(page);
	if (cmpxchg(&s->pages[i], NULL, page)) {
		if (!zero)
			unpin_user_page(page);
		return;
	}
	if (!zero)
		atomic_long_inc(&mvc_live.pinned_pages);
	/* The vector reads the table without a lock: the page comes first. */
	if (s->fast_lo)
		WRITE_ONCE(s->fast_lo[i], mvc_fast_entrylo(s, page));
}

/**
 * mvc_fault_in() - pin the RAM page the guest touched first, and its
 *                  neighbours
 * @vm: the VM; the caller holds no lock
 * @gpa: the guest physical address, in a slot when it was looked up
 *
 * Pins the MVC_FAULT_PAGES-aligned group of pages around @gpa that its
 * slot backs, or as much of the group as is mapped from its start and
 * @gpa's page besides, with slots_lock dropped while pinning, and keeps
 * those no other fault-in kept first.  The guest may have executed what
 * userspace wrote through its own alias: the caches are written back and
 * invalidated before the pages are seen.  Nothing is kept if the slot was
 * replaced or deleted meanwhile; the caller just runs the guest again,
 * which faults again.
 *
 * Return: 0, -EINTR for a fatal signal, -EFAULT when the memory behind
 * @gpa is not mapped with the access the slot needs or the process that
 * created the slot is gone, or -ENOMEM.
 */
int mvc_fault_in(struct mvc_vm *vm, u32 gpa)
{
	struct page *pages[MVC_FAULT_PAGES], *alone = NULL;
	unsigned long idx, first, n, uaddr, i;
	struct mm_struct *mm;
	struct mvc_slot *s;
	long pinned, ret;
	bool write;
	u64 id;

	if (down_read_killable(&vm->slots_lock))
		return -EINTR;
	s = mvc_gpa_slot(vm, gpa);
	idx = s ? (gpa - s->gpa) >> PAGE_SHIFT : 0;
	if (!s || READ_ONCE(s->pages[idx])) {
		up_read(&vm->slots_lock);
		return 0;
	}
	first = round_down(idx, MVC_FAULT_PAGES);
	n = min_t(unsigned long, MVC_FAULT_PAGES, s->npages - first);
	uaddr = s->uaddr + (first << PAGE_SHIFT);
	write = !(s->flags & MIPSVCPU_MEM_READONLY);
	mm = s->mm;
	mmgrab(mm);
	id = s->id;
	up_read(&vm->slots_lock);

	pinned = mvc_pin_range(mm, uaddr, n, write, pages);
	if (pinned == -EINTR) {
		mmdrop(mm);
		return -EINTR;
	}
	pinned = max(pinned, 0L);
	if (pinned <= idx - first) {
		/* A hole at or before the page: take the page alone too. */
		ret = mvc_pin_range(mm, uaddr + ((idx - first) << PAGE_SHIFT),
				    1, write, &alone);
		if (ret <= 0) {
			mmdrop(mm);
			unpin_user_pages(pages, pinned);
			return ret ?: -EFAULT;
		}
	}
	mmdrop(mm);
	__flush_cache_all();

	ret = down_read_killable(&vm->slots_lock);
	if (!ret && mvc_gpa_slot(vm, gpa) == s && s->id == id) {
		for (i = 0; i < pinned; i++)
			mvc_slot_store(s, first + i, pages[i]);
		if (alone)
			mvc_slot_store(s, idx, alone);
		up_read(&vm->slots_lock);
		return 0;
	}
	if (!ret)
		up_read(&vm->slots_lock);
	unpin_user_pages(pages, pinned);
	if (alone)
		unpin_user_page(alone);
	return ret;
}

/**
 * mvc_vm_coalesced_zone() - MIPSVCPU_(UN)REGISTER_COALESCED_MMIO
 * @vm: the VM
 * @argp: the struct mipsvcpu_coalesced_zone in userspace
 * @add: register (true) or unregister
 *
 * Zones live under slots_lock with the slots they may not overlap; a VCPU
 * holds it for reading while it runs, so a change waits for the inner
 * loops and every later store sees it.
 *
 * Return: 0, -EFAULT, -EINVAL for a malformed zone, -EEXIST for an overlap
 * with a zone or a slot, -ENOSPC past MIPSVCPU_MAX_COALESCED_ZONES,
 * -ENOENT for no such zone to unregister, -EINTR for a fatal signal.
 */
long mvc_vm_coalesced_zone(struct mvc_vm *vm, void __user *argp, bool add)
{
	struct mipsvcpu_coalesced_zone r;
	enum mvc_cmmio_fault fault;

	if (copy_from_user(&r, argp, sizeof(r)))
		return -EFAULT;
	if (r.flags || memchr_inv(r.reserved, 0, sizeof(r.reserved)) ||
	    mvc_cmmio_check(r.guest_phys_addr, r.size) != MVC_CMMIO_OK)
		return -EINVAL;
	if (down_write_killable(&vm->slots_lock))
		return -EINTR;
	if (!add) {
		fault = mvc_cmmio_del(&vm->cmmio, r.guest_phys_addr, r.size);
		goto out_unlock;
	}
	fault = MVC_CMMIO_OVERLAP;
	if (!mvc_slots_overlap(vm, r.guest_phys_addr, r.size,
			       MIPSVCPU_MAX_MEMORY_SLOTS))
		fault = mvc_cmmio_add(&vm->cmmio, r.guest_phys_addr, r.size);
out_unlock:
	up_write(&vm->slots_lock);
	switch (fault) {
	case MVC_CMMIO_OK:
		return 0;
	case MVC_CMMIO_OVERLAP:
		return -EEXIST;
	case MVC_CMMIO_FULL:
		return -ENOSPC;
	case MVC_CMMIO_NOT_FOUND:
		return -ENOENT;
	default:
		return -EINVAL;
	}
}
