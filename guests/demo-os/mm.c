// SPDX-License-Identifier: GPL-2.0
/*
 * mm.c - physical pages and the tasks' page tables.
 *
 * Pages come from a bump allocator over the RAM after the kernel image;
 * nothing is ever freed.  A task's page table has two levels, as the
 * refill handler in vectors.S walks it: a directory page of 1024 words,
 * each the KSEG0 address of a page-table page covering 4 MiB, and
 * page-table pages of 1024 EntryLo words, one per 4 KiB page, so that
 * even/odd pages sit side by side as the TLB wants them.  Directory slots
 * with nothing mapped share one page of invalid entries.
 *
 * The kernel reads user memory the same way the TLB would find it:
 * user_to_phys() walks the running task's table and the bytes are read
 * through KSEG0, which works in both address maps and never faults.
 */
#include "os.h"

#define PTRS_PER_PAGE	(PAGE_SIZE / sizeof(u32))
#define PGD_SHIFT	22		/* one directory slot: 4 MiB */
#define PAGE_OFFSET_MASK (PAGE_SIZE - 1)

u32 *pgd_current;		/* the refill handler's directory */
static u32 *invalid_ptes;	/* shared by every empty directory slot */
static u32 next_free_pa, ram_end_pa;

static void *phys_to_virt(u32 pa)
{
	return (void *)KSEG0(pa);
}

u32 page_alloc(void)
{
	u32 pa = next_free_pa;

	if (pa >= ram_end_pa) {
		kprintf("demo-os: out of memory\n");
		board_power_off(OS_EXIT_NO_MEMORY);
	}
	next_free_pa += PAGE_SIZE;
	memset(phys_to_virt(pa), 0, PAGE_SIZE);
	return pa;
}

void mm_init(u32 ram_base, u32 ram_size)
{
	next_free_pa = KSEG_TO_PHYS((u32)_end);
	ram_end_pa = ram_base + ram_size;
	invalid_ptes = phys_to_virt(page_alloc());
	kprintf("demo-os: free pages 0x%08x-0x%08x\n", next_free_pa,
		ram_end_pa);
}

u32 *pgd_alloc(void)
{
	u32 *pgd = phys_to_virt(page_alloc());
	u32 i;

	for (i = 0; i < PTRS_PER_PAGE; i++)
		pgd[i] = (u32)invalid_ptes;
	return pgd;
}

static u32 *pgd_slot(struct task *t, u32 va)
{
	return &t->pgd[va >> PGD_SHIFT];
}

static u32 *pte_of(u32 *ptes, u32 va)
{
	return &ptes[(va >> PAGE_SHIFT) % PTRS_PER_PAGE];
}

static u32 make_pte(u32 pa, int writable)
{
	return (pa >> PAGE_SHIFT) << ENTRYLO_PFN_SHIFT |
	       CCA_CACHABLE_NONCOHERENT << ENTRYLO_C_SHIFT | ENTRYLO_V |
	       (writable ? ENTRYLO_D : 0);
}

void map_user_page(struct task *t, u32 va, u32 pa, int writable)
{
	u32 *slot = pgd_slot(t, va);

	if (*slot == (u32)invalid_ptes)
		*slot = (u32)phys_to_virt(page_alloc());
	*pte_of((u32 *)*slot, va) = make_pte(pa, writable);
}

int user_to_phys(struct task *t, u32 va, u32 *pa)
{
	u32 pte;

	if (va >= USER_TOP)
		return -EFAULT;
	pte = *pte_of((u32 *)*pgd_slot(t, va), va);
	if (!(pte & ENTRYLO_V))
		return -EFAULT;
	*pa = (pte >> ENTRYLO_PFN_SHIFT) << PAGE_SHIFT |
	      (va & PAGE_OFFSET_MASK);
	return 0;
}

int copy_from_user(struct task *t, void *dst, u32 uva, u32 len)
{
	u8 *d = dst;
	u32 pa, n;

	if (uva >= USER_TOP || len > USER_TOP - uva)
		return -EFAULT;
	for (; len; len -= n, uva += n, d += n) {
		n = PAGE_SIZE - (uva & PAGE_OFFSET_MASK);
		if (n > len)
			n = len;
		if (user_to_phys(t, uva, &pa))
			return -EFAULT;
		memcpy(d, phys_to_virt(pa), n);
	}
	return 0;
}
