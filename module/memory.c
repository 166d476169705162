// SPDX-License-Identifier: GPL-2.0
/*
 * memory.c - guest physical memory: slots of pinned userspace pages, and
 * the coalesced MMIO zones, which may not overlap them.
 *
 * Userspace backs each slot with its own memory (vcpuctl mmaps it).  The
 * pages are pinned (FOLL_LONGTERM) when the slot is created and unpinned
 * when it is deleted or the VM dies, so a later munmap() or fork() in
 * userspace cannot change or free what the guest sees: after munmap() the
 * guest keeps the old pages until the slot is deleted.
 *
 * Pins are charged as the kernel's other long-term pinners charge them
 * (RDMA, io_uring): to the pinning process's mm->pinned_vm (VmPin in
 * /proc/PID/status) and to a per-user total that the pinner's
 * RLIMIT_MEMLOCK bounds unless it has CAP_IPC_LOCK.  A read-only slot over
 * memory nobody touched is backed by the shared zero page: it is not kept
 * pinned (it never goes away), so that it cannot be pinned once per guest
 * page by any number of VMs.
 *
 * A new slot is pinned before vm->slots_lock is taken: pinning can wait
 * for as long as the pages take to come (a FUSE server that never answers
 * keeps its pinner waiting for ever), and VCPUs hold the lock for reading
 * while they run.  The swap itself happens under the lock held for writing
 * and bumps vm->slots_gen, which makes every VCPU drop its shadow TLB
 * entries before it runs again; the slot swapped out is released after
 * the lock is dropped (no VCPU can reach it by then).
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
 * Release the pins a slot holds.  The guest writes a writable slot through
 * shadow entries with D set, which the kernel never sees: a page it wrote
 * after writeback cleaned it must be marked dirty again here, or a file
 * behind the slot loses the write.  A read-only slot holds no pin on the
 * zero page.
 */
static void mvc_unpin(struct mvc_slot *slot)
{
	unsigned long i;

	if (!(slot->flags & MIPSVCPU_MEM_READONLY)) {
		unpin_user_pages_dirty_lock(slot->pages, slot->npages, true);
		return;
	}
	for (i = 0; i < slot->npages; i++)
		if (!mvc_is_zero_page(slot->pages[i]))
			unpin_user_page(slot->pages[i]);
}

static void mvc_slot_free(struct mvc_slot *slot)
{
	if (!slot->pages)
		return;
	mvc_unpin(slot);
	atomic_long_sub(slot->npages - slot->nzero, &mvc_live.pinned_pages);
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
 * without the cache attribute, and one invalid entry past the end so that
 * the odd half of a pair is always readable.  It must be lowmem (KSEG0):
 * the vector cannot take a TLB miss.  Without it the slot is only served
 * by the slow path.
 */
static void mvc_fill_fast_table(struct mvc_slot *slot)
{
	u32 d = slot->flags & MIPSVCPU_MEM_READONLY ? 0 : ENTRYLO_D;
	unsigned long i;

	slot->fast_lo = kmalloc_array(slot->npages + 1, sizeof(u32),
				      GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!slot->fast_lo)
		return;
	for (i = 0; i < slot->npages; i++)
		slot->fast_lo[i] = (u32)page_to_pfn(slot->pages[i]) <<
				   MVC_ENTRYLO_PFN_SHIFT | d | ENTRYLO_V;
	slot->fast_lo[slot->npages] = 0;
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

/* Charge and pin the pages of a new slot, build its tables; no lock held. */
static int mvc_pin_slot(struct mvc_slot *slot,
			const struct mipsvcpu_memory_region *r)
{
	unsigned int gup_flags = FOLL_LONGTERM;
	unsigned long i;
	long pinned;
	int ret;

	slot->gpa = r->guest_phys_addr;
	slot->size = r->size;
	slot->flags = r->flags;
	slot->npages = r->size >> PAGE_SHIFT;
	ret = mvc_charge(slot);
	if (ret)
		goto out_clear;
	ret = -ENOMEM;
	slot->pages = kvcalloc(slot->npages, sizeof(*slot->pages),
			       GFP_KERNEL_ACCOUNT);
	if (!slot->pages)
		goto out_uncharge;
	if (!(r->flags & MIPSVCPU_MEM_READONLY))
		gup_flags |= FOLL_WRITE;
	pinned = pin_user_pages_fast(r->userspace_addr, slot->npages, gup_flags,
				     slot->pages);
	if (pinned != slot->npages) {
		if (pinned > 0)
			unpin_user_pages(slot->pages, pinned);
		ret = pinned < 0 ? pinned : -EFAULT;
		goto out_free_pages;
	}
	/* Only read-only pins of untouched anonymous memory can be these. */
	for (i = 0; i < slot->npages; i++) {
		if (mvc_is_zero_page(slot->pages[i])) {
			unpin_user_page(slot->pages[i]);
			slot->nzero++;
		}
	}
	atomic_long_add(slot->npages - slot->nzero, &mvc_live.pinned_pages);
	mvc_fill_fast_table(slot);
	/*
	 * The guest will execute what userspace wrote through another
	 * virtual alias: write back and invalidate the caches once here.
	 */
	__flush_cache_all();
	return 0;

out_free_pages:
	kvfree(slot->pages);
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
 * -ENOMEM (also past RLIMIT_MEMLOCK), -EINTR for a fatal signal, or the
 * error of pinning the pages (-EFAULT for unmapped memory).
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
		ret = mvc_pin_slot(&new, r);
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

/**
 * mvc_gpa_to_page() - find the host page behind a guest physical address
 * @vm: the VM; the caller holds vm->slots_lock
 * @gpa: the guest physical address
 * @writable: set to whether the guest may write it
 *
 * Return: the page, or NULL when no slot backs @gpa (it is MMIO).
 */
struct page *mvc_gpa_to_page(struct mvc_vm *vm, u32 gpa, bool *writable)
{
	u32 i;

	for (i = 0; i < vm->nlive; i++) {
		const struct mvc_slot *s = &vm->slots[vm->live_slot[i]];

		if (gpa - s->gpa < s->size) {
			*writable = !(s->flags & MIPSVCPU_MEM_READONLY);
			return s->pages[(gpa - s->gpa) >> PAGE_SHIFT];
		}
	}
	return NULL;
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
