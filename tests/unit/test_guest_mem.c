/* Unit tests of the guest memory window (linux/guest_mem.c): mmap/munmap/
 * mprotect/mremap results and errno values, the page table, the host mappings
 * behind it (checked with mincore and /proc/self/maps), the qemu-like free-range
 * search, file-backed mappings and range checks at the 4 GiB edge.
 * guest_mem_init can run once per process: the group setup does it, and every
 * test starts from guest_mem_unmap_all(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "linux/guest_mem.h"
#include "linux/loader.h"
#include "linux/process.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof err)) {
        fprintf(stderr, "guest_mem_init: %s\n", err);
        return -1;
    }
    return 0;
}

static int reset(void **state)
{
    (void)state;
    guest_mem_unmap_all();
    guest_proc.invalidate_code = NULL;
    return 0;
}

/* The host's permission string ("rw-p", "---p") of the mapping holding host
 * address h, or "" when none does. */
static const char *host_perms(uintptr_t h)
{
    static char perms[8];
    perms[0] = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return perms;
    unsigned long lo, hi;
    char p[8];
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, p) == 3 && h >= lo && h < hi) {
            memcpy(perms, p, 5);
            break;
        }
    }
    fclose(f);
    return perms;
}

static bool host_mapped(uint32_t guest_addr)
{
    unsigned char v;
    return mincore(g2h(guest_addr), GUEST_PAGE_SIZE, &v) == 0;
}

static void test_init_reserves_window(void **state)
{
    (void)state;
    char err[256];
    assert_true(guest_mem_init(err, sizeof err)); /* second call: no-op */
    /* The whole window is reserved PROT_NONE on the host, nothing mapped for the guest. */
    assert_true(host_mapped(GUEST_RESERVE_START));
    assert_true(host_mapped(0x80000000u));
    assert_true(host_mapped(0xfffff000u));
    assert_string_equal(host_perms((uintptr_t)g2h(0x80000000u)), "---p");
    assert_int_equal(guest_page_flags(0x80000000u), 0);
    assert_false(guest_range_ok(0x80000000u, 1, 0));
    /* Identity mapping unless something (ASan's shadow) sits in the low 4 GiB. */
    if (guest_base != 0)
        assert_int_equal(guest_base & 0xfff, 0);
}

static void test_fixed_anon_map(void **state)
{
    (void)state;
    assert_int_equal(guest_mmap(0x100000, 0x2000, RW, ANON | MAP_FIXED, -1, 0), 0x100000);
    assert_int_equal(guest_page_flags(0x100000), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(guest_page_flags(0x101fff), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(guest_page_flags(0x102000), 0);
    uint8_t *h = g2h(0x100000);
    assert_int_equal(h[0], 0);
    h[0x1fff] = 0x5a;
    assert_int_equal(((uint8_t *)g2h(0x101fff))[0], 0x5a);
    assert_string_equal(host_perms((uintptr_t)h), "rw-p");
    assert_true(guest_range_ok(0x100000, 0x2000, PROT_WRITE));
    assert_true(guest_range_ok(0x100000, 0x2000, RW));
    assert_false(guest_range_ok(0x100000, 0x2000, PROT_EXEC));
    assert_false(guest_range_ok(0x100000, 0x2001, 0));
    assert_false(guest_range_ok(0xff000, 0x1001, 0));
    /* A length that is not a multiple of the page size maps whole pages. */
    assert_int_equal(guest_mmap(0x200000, 1, PROT_READ, ANON | MAP_FIXED, -1, 0), 0x200000);
    assert_true(guest_range_ok(0x200000, 0x1000, PROT_READ));
    assert_false(guest_range_ok(0x200000, 0x1000, PROT_WRITE));
    assert_string_equal(host_perms((uintptr_t)g2h(0x200000)), "r--p");
    /* MAP_FIXED over an existing mapping replaces it (contents zero again). */
    assert_int_equal(guest_mmap(0x101000, 0x1000, PROT_READ | PROT_EXEC, ANON | MAP_FIXED, -1, 0), 0x101000);
    assert_int_equal(((uint8_t *)g2h(0x101fff))[0], 0);
    assert_int_equal(guest_page_flags(0x101000), GUEST_PAGE_MAPPED | PROT_READ | PROT_EXEC);
    /* The translator must read guest code: exec-only pages are host-readable. */
    assert_int_equal(guest_mmap(0x300000, 0x1000, PROT_EXEC, ANON | MAP_FIXED, -1, 0), 0x300000);
    assert_string_equal(host_perms((uintptr_t)g2h(0x300000)), "r--p");
    assert_int_equal(guest_page_flags(0x300000), GUEST_PAGE_MAPPED | PROT_EXEC);
}

/* guest_write_force writes through the guest's protection (as a debugger
 * and stepping back must) and leaves that protection as it was, host side
 * included; unmapped pages are skipped and reported. */
static void test_write_force(void **state)
{
    (void)state;
    assert_int_equal(guest_mmap(0x400000, 0x2000, PROT_READ, ANON | MAP_FIXED, -1, 0), 0x400000);
    assert_int_equal(guest_mmap(0x402000, 0x1000, PROT_EXEC, ANON | MAP_FIXED, -1, 0), 0x402000);
    static const uint8_t bytes[6] = {1, 2, 3, 4, 5, 6};
    /* Across the page boundary of two read-only pages. */
    assert_true(guest_write_force(0x400ffd, bytes, 6));
    assert_memory_equal(g2h(0x400ffd), bytes, 6);
    assert_int_equal(guest_page_flags(0x400000), GUEST_PAGE_MAPPED | PROT_READ);
    assert_string_equal(host_perms((uintptr_t)g2h(0x400000)), "r--p");
    assert_string_equal(host_perms((uintptr_t)g2h(0x401000)), "r--p");
    /* Exec-only: host-readable as before (the translator reads it). */
    assert_true(guest_write_force(0x402000, bytes, 2));
    assert_string_equal(host_perms((uintptr_t)g2h(0x402000)), "r--p");
    /* Running into an unmapped page: the mapped part is written. */
    assert_false(guest_write_force(0x402ffe, bytes, 4));
    assert_int_equal(((uint8_t *)g2h(0x402ffe))[0], 1);
    assert_int_equal(((uint8_t *)g2h(0x402fff))[0], 2);
}

static void test_mmap_errors(void **state)
{
    (void)state;
    assert_int_equal(guest_mmap(0x100800, 0x1000, RW, ANON | MAP_FIXED, -1, 0), -EINVAL); /* unaligned */
    assert_int_equal(guest_mmap(0x100000, 0, RW, ANON | MAP_FIXED, -1, 0), -EINVAL);      /* length 0 */
    assert_int_equal(guest_mmap(0, 0x1000, RW, MAP_ANONYMOUS, -1, 0), -EINVAL);           /* no type */
    assert_int_equal(guest_mmap(0, 0x1000, RW, ANON, -1, 0x800), -EINVAL);                /* offset */
    assert_int_equal(guest_mmap(0xfffe0000u, 0x20000, RW, ANON | MAP_FIXED, -1, 0), -ENOMEM);
    assert_int_equal(guest_mmap(0xffff0000u, 0x1000, RW, ANON | MAP_FIXED, -1, 0), -ENOMEM);
    assert_int_equal(guest_mmap(0, 0x1000, RW, ANON | MAP_FIXED, -1, 0), -EPERM); /* page 0 */
    assert_int_equal(guest_mmap(0, 0xffff1000u, RW, ANON, -1, 0), -ENOMEM);      /* bigger than the space */
    assert_int_equal(guest_mmap(0, 0x1000, PROT_READ, MAP_PRIVATE, 12345, 0), -EBADF);
    assert_int_equal(guest_mmap(0x400000, 0x2000, RW, ANON | MAP_FIXED, -1, 0), 0x400000);
    assert_int_equal(guest_mmap(0x401000, 0x2000, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
    assert_int_equal(guest_page_flags(0x402000), 0); /* nothing of the refused map stays */
    assert_int_equal(guest_mmap(0x402000, 0x1000, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), 0x402000);
    /* Every failure above leaves the window reserved. */
    assert_true(host_mapped(0x403000));
    assert_true(host_mapped(0x40000000u));
}

static void test_search_like_qemu(void **state)
{
    (void)state;
    /* qemu-arm 7.2 gives the first free range at 0x40000000 and then goes down. */
    assert_int_equal(guest_mmap(0, 0x3000, RW, ANON, -1, 0), 0x40000000);
    assert_int_equal(guest_mmap(0, 0x1000, RW, ANON, -1, 0), 0x3ffff000);
    assert_int_equal(guest_mmap(0, 0x100000, RW, ANON, -1, 0), 0x3feff000);
    assert_int_equal(guest_page_flags(0x3feff000), GUEST_PAGE_MAPPED | RW);
    /* A free hint is honoured. */
    assert_int_equal(guest_mmap(0x50000000, 0x1000, RW, ANON, -1, 0), 0x50000000);
    /* A used hint is not: the search goes on where it was. */
    assert_int_equal(guest_mmap(0x40000000, 0x1000, RW, ANON, -1, 0), 0x3fefe000);
    /* A hole left by munmap below the search start is not reused before lower space. */
    assert_int_equal(guest_munmap(0x3ffff000, 0x1000), 0);
    assert_int_equal(guest_mmap(0, 0x1000, RW, ANON, -1, 0), 0x3fefd000);
}

static void test_search_wraps_to_top_and_enomem(void **state)
{
    (void)state;
    /* Fill everything below the search start: the next range comes from the top. */
    uint32_t low = GUEST_RESERVE_START, len = GUEST_MMAP_START - GUEST_RESERVE_START;
    assert_int_equal(guest_mmap(low, len, PROT_NONE, ANON | MAP_FIXED | MAP_NORESERVE, -1, 0), low);
    assert_int_equal(guest_mmap(0, 0x1000, RW, ANON, -1, 0), 0x40000000);
    assert_int_equal(guest_mmap(0, 0x2000, RW, ANON, -1, 0), GUEST_MMAP_TOP - 0x2000);
    /* No room for 3 GiB any more. */
    assert_int_equal(guest_mmap(0, 0xc0000000u, RW, ANON | MAP_NORESERVE, -1, 0), -ENOMEM);
    assert_int_equal(guest_munmap(low, len), 0);
}

static uint32_t inval_start, inval_len;
static int inval_calls;
static void record_invalidate(void *ctx, uint32_t start, uint32_t len)
{
    (void)ctx;
    inval_start = start;
    inval_len = len;
    inval_calls++;
}

static void test_munmap(void **state)
{
    (void)state;
    assert_int_equal(guest_mmap(0x500000, 0x4000, RW, ANON | MAP_FIXED, -1, 0), 0x500000);
    guest_proc.invalidate_code = record_invalidate;
    inval_calls = 0;
    assert_int_equal(guest_munmap(0x501000, 0x1001), 0); /* rounds up to 2 pages */
    assert_int_equal(inval_calls, 1);
    assert_int_equal(inval_start, 0x501000);
    assert_int_equal(inval_len, 0x2000);
    assert_int_equal(guest_page_flags(0x500000), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(guest_page_flags(0x501000), 0);
    assert_int_equal(guest_page_flags(0x502000), 0);
    assert_int_equal(guest_page_flags(0x503000), GUEST_PAGE_MAPPED | RW);
    /* Re-reserved, never a hole. */
    assert_true(host_mapped(0x501000));
    assert_string_equal(host_perms((uintptr_t)g2h(0x501000)), "---p");
    /* Unmapping what is not mapped is fine; bad arguments are not. */
    assert_int_equal(guest_munmap(0x600000, 0x1000), 0);
    assert_int_equal(guest_munmap(0x500800, 0x1000), -EINVAL);
    assert_int_equal(guest_munmap(0x500000, 0), -EINVAL);
    assert_int_equal(guest_munmap(0xfffff000u, 0x2000), -EINVAL);
    assert_int_equal(guest_munmap(0xffff0000u, 0x1000), -EINVAL);
}

static void test_mprotect(void **state)
{
    (void)state;
    assert_int_equal(guest_mmap(0x700000, 0x3000, RW, ANON | MAP_FIXED, -1, 0), 0x700000);
    assert_int_equal(guest_mprotect(0x701000, 0x1000, PROT_READ), 0);
    assert_int_equal(guest_page_flags(0x701000), GUEST_PAGE_MAPPED | PROT_READ);
    assert_int_equal(guest_page_flags(0x702000), GUEST_PAGE_MAPPED | RW);
    assert_string_equal(host_perms((uintptr_t)g2h(0x701000)), "r--p");
    assert_false(guest_range_ok(0x700000, 0x3000, PROT_WRITE));
    assert_true(guest_range_ok(0x700000, 0x3000, PROT_READ));
    assert_int_equal(guest_mprotect(0x700000, 0x1000, PROT_NONE), 0);
    assert_int_equal(guest_page_flags(0x700000), GUEST_PAGE_MAPPED);
    assert_true(guest_range_ok(0x700000, 0x1000, 0));
    assert_false(guest_range_ok(0x700000, 0x1000, PROT_READ));
    assert_string_equal(host_perms((uintptr_t)g2h(0x700000)), "---p");
    assert_int_equal(guest_mprotect(0x700000, 0, PROT_READ), 0);
    assert_int_equal(guest_mprotect(0x700800, 0x1000, PROT_READ), -EINVAL);
    assert_int_equal(guest_mprotect(0x700000, 0x1000, 0x100), -EINVAL);
    assert_int_equal(guest_mprotect(0x702000, 0x2000, PROT_READ), -ENOMEM); /* runs past the mapping */
    assert_int_equal(guest_page_flags(0x702000), GUEST_PAGE_MAPPED | RW);    /* untouched */
    assert_int_equal(guest_mprotect(0xffff0000u, 0x1000, PROT_READ), -ENOMEM);
}

static void fill(uint32_t addr, uint32_t len, uint8_t seed)
{
    uint8_t *h = g2h(addr);
    for (uint32_t i = 0; i < len; i++)
        h[i] = (uint8_t)(seed + i * 7);
}

static bool check(uint32_t addr, uint32_t len, uint8_t seed)
{
    const uint8_t *h = g2h(addr);
    for (uint32_t i = 0; i < len; i++)
        if (h[i] != (uint8_t)(seed + i * 7))
            return false;
    return true;
}

static void test_mremap(void **state)
{
    (void)state;
    /* Grow in place when the pages after it are free. */
    assert_int_equal(guest_mmap(0x800000, 0x2000, RW, ANON | MAP_FIXED, -1, 0), 0x800000);
    fill(0x800000, 0x2000, 1);
    assert_int_equal(guest_mremap(0x800000, 0x2000, 0x4000, 0, 0), 0x800000);
    assert_true(check(0x800000, 0x2000, 1));
    assert_int_equal(guest_page_flags(0x803000), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(((uint8_t *)g2h(0x803fff))[0], 0);
    /* Blocked growth: ENOMEM without MREMAP_MAYMOVE, a move with it. */
    assert_int_equal(guest_mmap(0x804000, 0x1000, PROT_READ, ANON | MAP_FIXED, -1, 0), 0x804000);
    assert_int_equal(guest_mremap(0x800000, 0x4000, 0x8000, 0, 0), -ENOMEM);
    int64_t moved = guest_mremap(0x800000, 0x4000, 0x8000, MREMAP_MAYMOVE, 0);
    assert_true(moved > 0);
    assert_int_not_equal(moved, 0x800000);
    assert_true(check((uint32_t)moved, 0x2000, 1));
    assert_true(guest_range_ok((uint32_t)moved, 0x8000, RW));
    assert_int_equal(guest_page_flags(0x800000), 0);
    assert_true(host_mapped(0x800000)); /* old place re-reserved */
    assert_string_equal(host_perms((uintptr_t)g2h(0x800000)), "---p");
    /* Shrink. */
    assert_int_equal(guest_mremap((uint32_t)moved, 0x8000, 0x1000, 0, 0), moved);
    assert_int_equal(guest_page_flags((uint32_t)moved + 0x1000), 0);
    assert_true(check((uint32_t)moved, 0x1000, 1));
    /* MREMAP_FIXED to a chosen address. */
    assert_int_equal(guest_mremap((uint32_t)moved, 0x1000, 0x2000, MREMAP_MAYMOVE | MREMAP_FIXED, 0x900000),
                     0x900000);
    assert_true(check(0x900000, 0x1000, 1));
    assert_int_equal(guest_page_flags((uint32_t)moved), 0);
    assert_int_equal(guest_page_flags(0x901000), GUEST_PAGE_MAPPED | RW);
    /* Errors. */
    assert_int_equal(guest_mremap(0x900800, 0x1000, 0x2000, MREMAP_MAYMOVE, 0), -EINVAL);
    assert_int_equal(guest_mremap(0x900000, 0x1000, 0, MREMAP_MAYMOVE, 0), -EINVAL);
    assert_int_equal(guest_mremap(0x900000, 0x1000, 0x2000, MREMAP_FIXED, 0xa00000), -EINVAL);
    assert_int_equal(guest_mremap(0x900000, 0x1000, 0x2000, 0x40, 0), -EINVAL);
    assert_int_equal(guest_mremap(0xa00000, 0x1000, 0x2000, MREMAP_MAYMOVE, 0), -EFAULT);
    assert_int_equal(guest_mremap(0x900000, 0x2000, 0x2000, MREMAP_MAYMOVE | MREMAP_FIXED, 0x901000), -EINVAL);
}

static void test_range_ok_edges(void **state)
{
    (void)state;
    assert_int_equal(linux_map_kuser_page(), 0);
    assert_true(guest_range_ok(0xffff0000u, 0x1000, PROT_READ | PROT_EXEC));
    assert_false(guest_range_ok(0xffff0000u, 0x1000, PROT_WRITE));
    assert_true(guest_range_ok(0xffff0ffcu, 4, PROT_READ));
    assert_false(guest_range_ok(0xffff0ffcu, 0x1005, PROT_READ));
    assert_false(guest_range_ok(0xfffffffcu, 8, 0));             /* wraps past 2^32 */
    assert_false(guest_range_ok(0xffffffffu, 0xffffffffu, 0));   /* wraps */
    assert_false(guest_range_ok(1, 0xffffffffu, 0));             /* exactly 2^32: past the end */
    assert_true(guest_range_ok(0xffffffffu, 0, PROT_WRITE));     /* length 0 is valid anywhere */
    assert_int_equal(*(uint32_t *)g2h(0xffff0ffcu), 5);
    assert_int_equal(guest_page_flags(0xffff0000u), GUEST_PAGE_MAPPED | PROT_READ | PROT_EXEC);
    assert_string_equal(host_perms((uintptr_t)g2h(0xffff0000u)), "r--p");
    /* The page just below the top can be mapped, not across it. */
    assert_int_equal(guest_mmap(0xfffef000u, 0x1000, RW, ANON | MAP_FIXED, -1, 0), 0xfffef000u);
    assert_true(guest_range_ok(0xfffef000u, 0x1000, RW));
    assert_false(guest_range_ok(0xfffef000u, 0x1001, RW));
    assert_true(guest_range_ok(0xfffef000u, 0x2000, PROT_READ));
}

static void test_file_backed(void **state)
{
    (void)state;
    char path[] = "/tmp/test_guest_mem_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    uint8_t buf[0x2000];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i ^ (i >> 8));
    assert_int_equal(write(fd, buf, sizeof buf), (ssize_t)sizeof buf);
    /* Private, at an offset, anywhere. */
    int64_t a = guest_mmap(0, 0x1000, PROT_READ, MAP_PRIVATE, fd, 0x1000);
    assert_true(a > 0);
    assert_memory_equal(g2h((uint32_t)a), buf + 0x1000, 0x1000);
    assert_int_equal(guest_page_flags((uint32_t)a), GUEST_PAGE_MAPPED | PROT_READ);
    /* Shared and writable: stores reach the file. */
    int64_t s = guest_mmap(0xb00000, 0x2000, RW, MAP_SHARED | MAP_FIXED, fd, 0);
    assert_int_equal(s, 0xb00000);
    ((uint8_t *)g2h(0xb00010))[0] = 0xee;
    uint8_t b = 0;
    assert_int_equal(pread(fd, &b, 1, 0x10), 1);
    assert_int_equal(b, 0xee);
    /* mremap moves a file mapping with its contents. */
    assert_int_equal(guest_mmap(0xb02000, 0x1000, PROT_READ, ANON | MAP_FIXED, -1, 0), 0xb02000);
    int64_t m = guest_mremap(0xb00000, 0x2000, 0x2000, MREMAP_MAYMOVE | MREMAP_FIXED, 0xc00000);
    assert_int_equal(m, 0xc00000);
    assert_int_equal(((uint8_t *)g2h(0xc00010))[0], 0xee);
    assert_memory_equal(g2h(0xc01000), buf + 0x1000, 0x1000);
    /* Read-only file mapped shared and writable: the host's EACCES comes back. */
    int rofd = open("/proc/self/exe", O_RDONLY);
    assert_true(rofd >= 0);
    assert_int_equal(guest_mmap(0xd00000, 0x1000, RW, MAP_SHARED | MAP_FIXED, rofd, 0), -EACCES);
    assert_int_equal(guest_page_flags(0xd00000), 0);
    assert_true(host_mapped(0xd00000));
    close(rofd);
    close(fd);
}

/* A private mapping longer than its file (what ld.so makes of every
 * library): the pages wholly past the end read as zeros instead of raising
 * SIGBUS on the host (the replay log, undo and snapshots read them); the
 * last partial page holds the file's tail and zeros, as the kernel gives. */
static void test_file_shorter_than_mapping(void **state)
{
    (void)state;
    char path[] = "/tmp/test_guest_mem_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    uint8_t buf[0x1100];
    memset(buf, 0x5a, sizeof buf);
    assert_int_equal(write(fd, buf, sizeof buf), (ssize_t)sizeof buf);
    int64_t a = guest_mmap(0xe00000, 0x4000, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, 0);
    assert_int_equal(a, 0xe00000);
    const uint8_t *p = g2h(0xe00000);
    assert_memory_equal(p, buf, sizeof buf);
    for (uint32_t i = sizeof buf; i < 0x4000; i++)
        if (p[i] != 0)
            fail_msg("byte %#x past the end of the file is %#x, not 0", i, p[i]);
    for (uint32_t pg = 0; pg < 4; pg++)
        assert_int_equal(guest_page_flags(0xe00000 + pg * 0x1000), GUEST_PAGE_MAPPED | PROT_READ | PROT_EXEC);
    /* At an offset: the file ends in the mapping's first page. */
    a = guest_mmap(0xe10000, 0x2000, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0x1000);
    assert_int_equal(a, 0xe10000);
    assert_memory_equal(g2h(0xe10000), buf, 0x100);
    assert_int_equal(((const uint8_t *)g2h(0xe11fff))[0], 0);
    close(fd);
}

static void test_low_pages(void **state)
{
    (void)state;
    /* Below GUEST_RESERVE_START (binaries linked at 0x8000) MAP_FIXED works
     * when the host allows it (vm.mmap_min_addr), and unmapping keeps it reserved. */
    int64_t r = guest_mmap(0x8000, 0x1000, RW, ANON | MAP_FIXED, -1, 0);
    if (r == -EPERM)
        skip();
    assert_int_equal(r, 0x8000);
    assert_int_equal(guest_page_flags(0x8000), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(guest_munmap(0x8000, 0x1000), 0);
    assert_int_equal(guest_page_flags(0x8000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_init_reserves_window, reset),
        cmocka_unit_test_setup(test_fixed_anon_map, reset),
        cmocka_unit_test_setup(test_write_force, reset),
        cmocka_unit_test_setup(test_mmap_errors, reset),
        cmocka_unit_test_setup(test_search_like_qemu, reset),
        cmocka_unit_test_setup(test_search_wraps_to_top_and_enomem, reset),
        cmocka_unit_test_setup(test_munmap, reset),
        cmocka_unit_test_setup(test_mprotect, reset),
        cmocka_unit_test_setup(test_mremap, reset),
        cmocka_unit_test_setup(test_range_ok_edges, reset),
        cmocka_unit_test_setup(test_file_backed, reset),
        cmocka_unit_test_setup(test_file_shorter_than_mapping, reset),
        cmocka_unit_test_setup(test_low_pages, reset),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
