/* The guest address space: reserves the 4 GiB window at start-up, keeps the
 * per-page protection table, and implements the guest's mmap, munmap, mprotect
 * and mremap on top of host mappings inside the window (see guest_mem.h for the
 * contract the syscall layer relies on). */
#include "linux/guest_mem.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "base/log.h"
#include "linux/process.h"

#define WINDOW_SIZE (1ull << 32)
#define GUEST_PROT_SEM 0x8 /* asm-generic/mman-common.h; glibc does not define it */
#define PAGE_IDX(a) ((uint32_t)(a) >> 12)

uintptr_t guest_base;

static uint8_t page_flags[GUEST_NUM_PAGES];
static bool initialised;
static uint32_t mmap_next_start = GUEST_MMAP_START;
static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;

static const int reserve_flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;

static uint64_t page_round_up(uint64_t len) { return (len + GUEST_PAGE_MASK) & ~(uint64_t)GUEST_PAGE_MASK; }

/* The guest's PROT_EXEC pages must be readable by the translator on the host. */
static int host_prot(int prot)
{
    int h = prot & (PROT_READ | PROT_WRITE);
    if (prot & PROT_EXEC)
        h |= PROT_READ;
    return h;
}

static void set_flags(uint32_t addr, uint64_t len, uint8_t value)
{
    memset(&page_flags[PAGE_IDX(addr)], value, (size_t)(len / GUEST_PAGE_SIZE));
}

static bool range_all(uint32_t addr, uint64_t len, bool mapped)
{
    for (uint64_t a = addr; a < (uint64_t)addr + len; a += GUEST_PAGE_SIZE) {
        bool m = (page_flags[PAGE_IDX(a)] & GUEST_PAGE_MAPPED) != 0;
        if (m != mapped)
            return false;
    }
    return true;
}

static bool range_any_mapped(uint32_t addr, uint64_t len) { return !range_all(addr, len, false); }

/* Puts the PROT_NONE reservation back over [addr, addr+len). */
static int reserve(uint32_t addr, uint64_t len)
{
    void *want = g2h(addr);
    void *r = mmap(want, (size_t)len, PROT_NONE, reserve_flags | MAP_FIXED, -1, 0);
    set_flags(addr, len, 0);
    if (r == MAP_FAILED)
        return -errno;
    return 0;
}

/* After a failed host call that may have unmapped part of [addr, addr+len)
 * (a failed MAP_FIXED mmap or mremap may drop the old mapping, see mmap(2)),
 * re-reserve every page the host no longer has. mincore() fails with ENOMEM
 * exactly on unmapped pages. */
static void repair_holes(uint32_t addr, uint64_t len)
{
    unsigned char vec;
    for (uint64_t a = addr; a < (uint64_t)addr + len; a += GUEST_PAGE_SIZE) {
        if (mincore(g2h((uint32_t)a), GUEST_PAGE_SIZE, &vec) != 0 && errno == ENOMEM)
            reserve((uint32_t)a, GUEST_PAGE_SIZE);
    }
}

bool guest_write_force(uint32_t addr, const void *src, uint32_t len)
{
    const uint8_t *from = src;
    bool all = true;
    while (len > 0) {
        uint32_t in_page = GUEST_PAGE_SIZE - (addr & GUEST_PAGE_MASK);
        uint32_t n = len < in_page ? len : in_page;
        uint8_t f = guest_page_flags(addr);
        if (!(f & GUEST_PAGE_MAPPED)) {
            all = false;
        } else if (f & PROT_WRITE) {
            memcpy(g2h(addr), from, n);
        } else {
            void *pg = g2h(addr & ~GUEST_PAGE_MASK);
            mprotect(pg, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
            memcpy(g2h(addr), from, n);
            mprotect(pg, GUEST_PAGE_SIZE, host_prot(f & 7));
        }
        addr += n;
        from += n;
        len -= n;
    }
    return all;
}

uint32_t guest_mmap_next_start(void) { return mmap_next_start; }
void guest_mmap_set_next_start(uint32_t v) { mmap_next_start = v; }

static void invalidate(uint32_t addr, uint64_t len)
{
    if (guest_proc.invalidate_code && len)
        guest_proc.invalidate_code(guest_proc.invalidate_ctx, addr, (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len));
}

bool guest_mem_init(char *err, size_t errlen)
{
    if (initialised)
        return true;
    size_t len = (size_t)(WINDOW_SIZE - GUEST_RESERVE_START);
    void *want = (void *)(uintptr_t)GUEST_RESERVE_START;
    void *r = mmap(want, len, PROT_NONE, reserve_flags | MAP_FIXED_NOREPLACE, -1, 0);
    if (r == want) {
        guest_base = 0;
    } else {
        /* Kernels before 4.17 treat MAP_FIXED_NOREPLACE as a hint: give back
         * whatever they chose and fall back to a window anywhere. */
        if (r != MAP_FAILED)
            munmap(r, len);
        r = mmap(NULL, (size_t)WINDOW_SIZE, PROT_NONE, reserve_flags, -1, 0);
        if (r == MAP_FAILED) {
            snprintf(err, errlen, "cannot reserve 4 GiB of address space for the guest: %s", strerror(errno));
            return false;
        }
        guest_base = (uintptr_t)r;
    }
    memset(page_flags, 0, sizeof page_flags);
    mmap_next_start = GUEST_MMAP_START;
    initialised = true;
    if (log_enabled(LOG_PAGE))
        log_printf("guest window at host %#lx (%s)\n", (unsigned long)guest_base,
                   guest_base ? "offset" : "identity");
    return true;
}

uint8_t guest_page_flags(uint32_t addr) { return page_flags[PAGE_IDX(addr)]; }
const uint8_t *guest_page_flags_table(void) { return page_flags; }

bool guest_range_ok(uint32_t addr, uint32_t len, int prot)
{
    if (len == 0)
        return true;
    if ((uint64_t)addr + len > WINDOW_SIZE)
        return false;
    uint8_t need = (uint8_t)(GUEST_PAGE_MAPPED | (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)));
    uint32_t last = PAGE_IDX((uint64_t)addr + len - 1);
    for (uint32_t i = PAGE_IDX(addr); i <= last; i++) {
        if ((page_flags[i] & need) != need)
            return false;
    }
    return true;
}

/* Highest page-aligned a with a >= low, a + len <= end and all pages of
 * [a, a+len) free; each page is looked at about once. */
static bool find_down(uint64_t end, uint64_t len, uint64_t low, uint32_t *out)
{
    end &= ~(uint64_t)GUEST_PAGE_MASK;
    while (end >= low + len) {
        uint64_t a = end - len;
        uint64_t p = end;
        bool clash = false;
        while (p > a) {
            p -= GUEST_PAGE_SIZE;
            if (page_flags[PAGE_IDX(p)]) {
                clash = true;
                break;
            }
        }
        if (!clash) {
            *out = (uint32_t)a;
            return true;
        }
        end = p; /* the range must end at or below the used page */
    }
    return false;
}

/* Picks a free range like qemu-arm 7.2's mmap_find_vma_reserved: the hint if it
 * is free, else downward from mmap_next_start, else downward from the top. */
static bool find_free(uint32_t hint, uint64_t len, uint32_t *out)
{
    if (hint >= GUEST_RESERVE_START && (uint64_t)hint + len <= GUEST_MMAP_TOP && range_all(hint, len, false)) {
        *out = hint;
        return true;
    }
    uint64_t end = (uint64_t)mmap_next_start + len;
    if (end > GUEST_MMAP_TOP)
        end = GUEST_MMAP_TOP;
    if (find_down(end, len, GUEST_RESERVE_START, out)) {
        mmap_next_start = *out;
        return true;
    }
    return find_down(GUEST_MMAP_TOP, len, GUEST_RESERVE_START, out);
}

/* Host flags for a guest mmap: always MAP_FIXED at the chosen place; flags
 * meaningless or harmful for the host mapping are dropped (hugetlb page sizes,
 * MAP_GROWSDOWN: the guest stack does not grow by faulting here). */
static int host_map_flags(int flags)
{
    int drop = MAP_FIXED_NOREPLACE | MAP_GROWSDOWN | MAP_HUGETLB | MAP_32BIT | (int)(~0u << MAP_HUGE_SHIFT);
    return (flags & ~drop) | MAP_FIXED;
}

/* A private file mapping longer than its file: the kernel gives SIGBUS on
 * every page wholly past the end of the file, and so would any host-side
 * read of them (the replay log copying the new mapping, undo pre-images,
 * snapshots, the state hash, a debugger's memory read). ld.so maps every
 * library that way (the whole extent, bss included, then maps over it), so
 * those pages become anonymous zero pages here: host reads are safe, and a
 * replayed mapping (anonymous, from the log) is the same. The one
 * difference from the kernel: a guest load there reads 0 instead of dying of
 * SIGBUS, which only a program reading past its own file could see. */
static void zero_past_eof(uint32_t addr, uint64_t alen, int prot, int flags, int fd, uint64_t offset)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    uint64_t file_end = page_round_up((uint64_t)st.st_size);
    uint64_t from = file_end > offset ? file_end - offset : 0;
    if (from >= alen)
        return;
    int keep = flags & (MAP_NORESERVE | MAP_LOCKED | MAP_POPULATE);
    mmap(g2h(addr + (uint32_t)from), (size_t)(alen - from), host_prot(prot),
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | keep, -1, 0);
}

static int64_t mmap_locked(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint64_t offset,
                           bool *changed_code)
{
    int type = flags & MAP_TYPE;
    if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (len == 0 || (offset & GUEST_PAGE_MASK))
        return -EINVAL;
    uint64_t alen = page_round_up(len);
    if (alen > GUEST_MMAP_TOP)
        return -ENOMEM;
    bool fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
    if (fixed) {
        if (addr & GUEST_PAGE_MASK)
            return -EINVAL;
        if ((uint64_t)addr + alen > GUEST_MMAP_TOP)
            return -ENOMEM;
        if (addr < GUEST_PAGE_SIZE)
            return -EPERM; /* below mmap_min_addr, as the kernel answers */
        if ((flags & MAP_FIXED_NOREPLACE) && range_any_mapped(addr, alen))
            return -EEXIST;
        *changed_code = range_any_mapped(addr, alen);
    } else {
        uint32_t hint = (uint32_t)page_round_up(addr);
        if (!find_free(hint, alen, &addr))
            return -ENOMEM;
    }
    bool anon = (flags & MAP_ANONYMOUS) != 0;
    void *r = mmap(g2h(addr), (size_t)alen, host_prot(prot), host_map_flags(flags), anon ? -1 : fd,
                   anon ? 0 : (off_t)offset);
    if (r == MAP_FAILED) {
        int e = errno;
        repair_holes(addr, alen);
        return -e;
    }
    if (!anon && type == MAP_PRIVATE)
        zero_past_eof(addr, alen, prot, flags, fd, offset);
    set_flags(addr, alen, (uint8_t)(GUEST_PAGE_MAPPED | (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))));
    return addr;
}

int64_t guest_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint64_t offset)
{
    bool changed = false;
    pthread_mutex_lock(&mem_lock);
    int64_t r = mmap_locked(addr, len, prot, flags, fd, offset, &changed);
    pthread_mutex_unlock(&mem_lock);
    if (log_enabled(LOG_PAGE))
        log_printf("mmap(%#x, %#x, prot %#x, flags %#x, fd %d, off %#llx) = %#llx\n", addr, len, prot, flags, fd,
                   (unsigned long long)offset, (long long)r);
    if (changed)
        invalidate((uint32_t)r, page_round_up(len));
    return r;
}

int guest_map_fixed_anywhere(uint32_t addr, uint32_t len, int prot, const void *init, size_t init_len)
{
    uint64_t alen = page_round_up(len);
    if ((addr & GUEST_PAGE_MASK) || len == 0 || (uint64_t)addr + alen > WINDOW_SIZE || addr < GUEST_PAGE_SIZE ||
        init_len > alen)
        return -EINVAL;
    pthread_mutex_lock(&mem_lock);
    int rc = 0;
    void *r = mmap(g2h(addr), (size_t)alen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r == MAP_FAILED) {
        rc = -errno;
        repair_holes(addr, alen);
    } else {
        if (init_len)
            memcpy(r, init, init_len);
        if (mprotect(r, (size_t)alen, host_prot(prot)) != 0)
            rc = -errno;
        set_flags(addr, alen, (uint8_t)(GUEST_PAGE_MAPPED | (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))));
    }
    pthread_mutex_unlock(&mem_lock);
    return rc;
}

int guest_munmap(uint32_t addr, uint32_t len)
{
    if ((addr & GUEST_PAGE_MASK) || len == 0)
        return -EINVAL;
    uint64_t alen = page_round_up(len);
    if ((uint64_t)addr + alen > GUEST_MMAP_TOP)
        return -EINVAL; /* the kernel: len > TASK_SIZE - start */
    pthread_mutex_lock(&mem_lock);
    bool had = range_any_mapped(addr, alen);
    int rc = had ? reserve(addr, alen) : 0;
    pthread_mutex_unlock(&mem_lock);
    if (log_enabled(LOG_PAGE))
        log_printf("munmap(%#x, %#x) = %d\n", addr, len, rc);
    if (had)
        invalidate(addr, alen);
    return rc;
}

int guest_mprotect(uint32_t addr, uint32_t len, int prot)
{
    if (addr & GUEST_PAGE_MASK)
        return -EINVAL;
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | GUEST_PROT_SEM | PROT_GROWSDOWN | PROT_GROWSUP))
        return -EINVAL;
    uint64_t alen = page_round_up(len);
    if (alen == 0)
        return 0;
    if ((uint64_t)addr + alen > GUEST_MMAP_TOP)
        return -ENOMEM;
    pthread_mutex_lock(&mem_lock);
    int rc = 0;
    if (!range_all(addr, alen, true)) {
        rc = -ENOMEM; /* the kernel: part of the range is not mapped */
    } else if (mprotect(g2h(addr), (size_t)alen, host_prot(prot)) != 0) {
        rc = -errno;
    } else {
        set_flags(addr, alen, (uint8_t)(GUEST_PAGE_MAPPED | (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))));
    }
    pthread_mutex_unlock(&mem_lock);
    if (log_enabled(LOG_PAGE))
        log_printf("mprotect(%#x, %#x, %#x) = %d\n", addr, len, prot, rc);
    if (rc == 0)
        invalidate(addr, alen);
    return rc;
}

/* Moves [old, old+olen) to [new, new+nlen) (nlen >= olen) with the host's
 * mremap, which works for anonymous, private-file and shared mappings alike. */
static int64_t move_locked(uint32_t old_addr, uint64_t olen, uint32_t new_addr, uint64_t nlen, bool dontunmap)
{
    int mflags = MREMAP_MAYMOVE | MREMAP_FIXED | (dontunmap ? MREMAP_DONTUNMAP : 0);
    uint8_t ext = page_flags[PAGE_IDX(old_addr)];
    void *r = mremap(g2h(old_addr), (size_t)olen, (size_t)nlen, mflags, g2h(new_addr));
    if (r == MAP_FAILED) {
        int e = errno;
        repair_holes(new_addr, nlen);
        repair_holes(old_addr, olen);
        return -e;
    }
    memmove(&page_flags[PAGE_IDX(new_addr)], &page_flags[PAGE_IDX(old_addr)], (size_t)(olen / GUEST_PAGE_SIZE));
    if (nlen > olen)
        set_flags(new_addr + (uint32_t)olen, nlen - olen, ext);
    if (!dontunmap)
        reserve(old_addr, olen); /* mremap left a hole there */
    return new_addr;
}

static int64_t mremap_locked(uint32_t old_addr, uint32_t old_len, uint32_t new_len, int flags, uint32_t new_addr)
{
    if (old_addr & GUEST_PAGE_MASK)
        return -EINVAL;
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
        return -EINVAL;
    if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE))
        return -EINVAL;
    if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
        return -EINVAL;
    /* old_len 0 (duplicate a shared mapping) is not supported: EINVAL. */
    if (new_len == 0 || old_len == 0)
        return -EINVAL;
    uint64_t olen = page_round_up(old_len), nlen = page_round_up(new_len);
    if (nlen > GUEST_MMAP_TOP)
        return -ENOMEM;
    if ((uint64_t)old_addr + olen > GUEST_MMAP_TOP || !range_all(old_addr, olen, true))
        return -EFAULT; /* the kernel: no vma covers the old range */
    bool dontunmap = (flags & MREMAP_DONTUNMAP) != 0;
    if (flags & MREMAP_FIXED) {
        if (new_addr & GUEST_PAGE_MASK)
            return -EINVAL;
        if ((uint64_t)new_addr + nlen > GUEST_MMAP_TOP)
            return -EINVAL;
        if ((uint64_t)new_addr < (uint64_t)old_addr + olen && (uint64_t)old_addr < (uint64_t)new_addr + nlen)
            return -EINVAL; /* overlapping ranges */
        if (nlen < olen) {
            reserve(old_addr + (uint32_t)nlen, olen - nlen);
            olen = nlen;
        }
        return move_locked(old_addr, olen, new_addr, nlen, dontunmap);
    }
    if (nlen <= olen && !dontunmap) {
        if (nlen < olen)
            reserve(old_addr + (uint32_t)nlen, olen - nlen);
        return old_addr;
    }
    uint32_t tail = old_addr + (uint32_t)olen;
    if (!dontunmap && (uint64_t)old_addr + nlen <= GUEST_MMAP_TOP && range_all(tail, nlen - olen, false)) {
        /* Grow in place: give the reserved pages after it back to the host
         * for an instant so that the host mremap can extend into them. */
        munmap(g2h(tail), (size_t)(nlen - olen));
        void *r = mremap(g2h(old_addr), (size_t)olen, (size_t)nlen, 0);
        if (r != MAP_FAILED) {
            set_flags(tail, nlen - olen, page_flags[PAGE_IDX(old_addr)]);
            return old_addr;
        }
        int e = errno;
        reserve(tail, nlen - olen);
        if (!(flags & MREMAP_MAYMOVE))
            return -e;
    }
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    uint32_t dest;
    if (!find_free(0, nlen, &dest))
        return -ENOMEM;
    return move_locked(old_addr, olen, dest, nlen, dontunmap);
}

int64_t guest_mremap(uint32_t old_addr, uint32_t old_len, uint32_t new_len, int flags, uint32_t new_addr)
{
    pthread_mutex_lock(&mem_lock);
    int64_t r = mremap_locked(old_addr, old_len, new_len, flags, new_addr);
    pthread_mutex_unlock(&mem_lock);
    if (log_enabled(LOG_PAGE))
        log_printf("mremap(%#x, %#x, %#x, %#x, %#x) = %#llx\n", old_addr, old_len, new_len, flags, new_addr,
                   (long long)r);
    if (r >= 0) {
        invalidate(old_addr, page_round_up(old_len));
        if ((uint32_t)r != old_addr)
            invalidate((uint32_t)r, page_round_up(new_len));
    }
    return r;
}

void guest_mem_unmap_all(void)
{
    pthread_mutex_lock(&mem_lock);
    for (uint32_t i = 0; i < GUEST_NUM_PAGES;) {
        if (!page_flags[i]) {
            uint64_t word;
            if (i % 8 == 0 && (memcpy(&word, &page_flags[i], 8), word == 0))
                i += 8; /* skip 8 free pages at once */
            else
                i++;
            continue;
        }
        uint32_t j = i;
        while (j < GUEST_NUM_PAGES && page_flags[j])
            j++;
        reserve(i * GUEST_PAGE_SIZE, (uint64_t)(j - i) * GUEST_PAGE_SIZE);
        i = j;
    }
    mmap_next_start = GUEST_MMAP_START;
    pthread_mutex_unlock(&mem_lock);
    invalidate(0, WINDOW_SIZE - 1);
}
