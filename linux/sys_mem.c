/* Memory-map syscalls: brk, mmap2, munmap, mprotect, mremap, madvise, msync.
 * All map changes go through linux/guest_mem.h so the page table stays the
 * source of truth. Stale translations: guest_mem.c itself calls
 * guest_proc.invalidate_code for every range whose mapping or protection
 * changes (mmap over mapped pages, munmap, mprotect, mremap), so these
 * handlers do not repeat it; only cacheflush (sys_thread.c) calls it here. */
#include <sys/mman.h>

#include "linux/syscall_impl.h"

static uint32_t page_up(uint32_t v) { return (v + GUEST_PAGE_MASK) & ~GUEST_PAGE_MASK; }

static bool range_unmapped(uint32_t start, uint32_t end)
{
    for (uint64_t pg = start; pg < end; pg += GUEST_PAGE_SIZE)
        if (guest_page_flags((uint32_t)pg) & GUEST_PAGE_MAPPED)
            return false;
    return true;
}

/* brk(addr), as mm/mmap.c does it: below the start of the heap, or on any
 * failure, the current break is returned unchanged; shrinking unmaps the
 * whole pages above the new break; growing maps anonymous zeroed pages, but
 * only over pages that are free. The page holding brk_start belongs to the
 * data/bss mapping the loader made. */
int64_t sys_brk(struct linux_proc *p, const uint32_t a[7])
{
    uint32_t newbrk = a[0], oldbrk = p->brk_cur;
    if (newbrk < p->brk_start)
        return oldbrk;
    uint32_t new_end = page_up(newbrk), old_end = page_up(oldbrk);
    if ((newbrk > 0xffffffffu - GUEST_PAGE_MASK))
        return oldbrk;
    if (new_end == old_end) {
        p->brk_cur = newbrk;
        return newbrk;
    }
    if (new_end < old_end) {
        if (guest_munmap(new_end, old_end - new_end) < 0)
            return oldbrk;
        p->brk_cur = newbrk;
        return newbrk;
    }
    if (!range_unmapped(old_end, new_end))
        return oldbrk;
    int64_t r = guest_mmap(old_end, new_end - old_end, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r < 0)
        return oldbrk;
    p->brk_cur = newbrk;
    return newbrk;
}

/* MAP_* bits the guest may pass (ARM uses the asm-generic values, which are
 * x86-64's too); anything else, e.g. x86's MAP_32BIT (0x40), is dropped. */
#define GUEST_MAP_FLAGS                                                                                              \
    (MAP_SHARED | MAP_PRIVATE | MAP_SHARED_VALIDATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_DENYWRITE |   \
     MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB |         \
     MAP_FIXED_NOREPLACE)

static int64_t do_mmap(struct linux_proc *p, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int fd,
                       uint64_t off)
{
    if (len == 0)
        return -EINVAL;
    (void)p;
    if (flags & MAP_FIXED)
        syscall_note_write(addr, len); /* bytes already mapped there are replaced */
    return guest_mmap(addr, len, (int)prot, (int)(flags & GUEST_MAP_FLAGS), fd, off);
}

/* mmap2(addr, len, prot, flags, fd, pgoff): the offset counts 4096-byte
 * units on ARM whatever the page size (arch/arm/kernel/entry-common.S). */
int64_t sys_mmap2(struct linux_proc *p, const uint32_t a[7])
{
    return do_mmap(p, a[0], a[1], a[2], a[3], sarg(a[4]), (uint64_t)a[5] * 4096u);
}

int64_t sys_munmap(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return guest_munmap(a[0], a[1]);
}

int64_t sys_mprotect(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return guest_mprotect(a[0], a[1], (int)a[2]);
}

/* mremap(old, old_len, new_len, flags, new_addr) */
int64_t sys_mremap(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return guest_mremap(a[0], a[1], a[2], (int)a[3], a[4]);
}

/* madvise(addr, len, advice). Only MADV_DONTNEED changes guest-visible
 * bytes (private anonymous pages read back as zero), so it is passed through
 * and reported as a write; MADV_FREE may zero pages at a time the guest
 * cannot predict, which replay could not reproduce, so like every other
 * advice it is accepted and ignored (advice never changes correctness). */
int64_t sys_madvise(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[0] & GUEST_PAGE_MASK)
        return -EINVAL;
    uint64_t len = ((uint64_t)a[1] + GUEST_PAGE_MASK) & ~(uint64_t)GUEST_PAGE_MASK;
    if (len == 0)
        return 0;
    if (len > UINT32_MAX || !guest_range_ok(a[0], (uint32_t)len, 0))
        return -ENOMEM;
    if (a[2] != MADV_DONTNEED)
        return 0;
    syscall_note_write(a[0], (uint32_t)len);
    return host_ret(madvise(g2h(a[0]), len, MADV_DONTNEED));
}

int64_t sys_msync(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[0] & GUEST_PAGE_MASK)
        return -EINVAL;
    if (!guest_range_ok(a[0], a[1], 0))
        return -ENOMEM;
    return host_ret(msync(g2h(a[0]), a[1], (int)a[2]));
}
