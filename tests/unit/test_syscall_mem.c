/* Guest pointer validation (ARCHITECTURE.md rule 7), brk, mmap2 and the
 * write-report hook, through linux_syscall on real guest memory
 * (guest_mem_init once for this process, in the group setup). */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/guest_mem.h"
#include "linux/syscall.h"
#include "linux/syscall_table.h"

enum { NR_read = 3, NR_write = 4, NR_open = 5, NR_close = 6, NR_brk = 45, NR_readv = 145, NR_writev = 146,
       NR_mmap2 = 192, NR_munmap = 91, NR_stat64 = 195, NR_getcwd = 183 };

static int32_t sc(struct linux_proc *p, uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
                  uint32_t a5)
{
    const uint32_t a[7] = {a0, a1, a2, a3, a4, a5, 0};
    return (int32_t)linux_syscall(p, nr, a);
}

static uint32_t map(uint32_t len, int prot)
{
    int64_t r = guest_mmap(0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(r > 0);
    return (uint32_t)r;
}

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof(err))) {
        fprintf(stderr, "guest_mem_init: %s\n", err);
        return -1;
    }
    return 0;
}

static int devzero(void) { return open("/dev/zero", O_RDONLY); }

static void test_read_efault(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    int fd = devzero();
    assert_true(fd >= 0);
    /* The brief's example: a buffer that runs off the end of the 4 GiB space. */
    assert_int_equal(sc(&p, NR_read, fd, 0xfffff000u, 1u << 20, 0, 0, 0), -EFAULT);
    /* unmapped; NULL */
    uint32_t g = map(2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    assert_int_equal(guest_munmap(g + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE), 0);
    assert_int_equal(sc(&p, NR_read, fd, 0, 16, 0, 0, 0), -EFAULT);
    /* crosses from a mapped page into the unmapped one */
    assert_int_equal(sc(&p, NR_read, fd, g + GUEST_PAGE_SIZE - 8, 16, 0, 0, 0), -EFAULT);
    /* fits: reads 16 zero bytes */
    memset(g2h(g), 0xaa, 32);
    assert_int_equal(sc(&p, NR_read, fd, g + GUEST_PAGE_SIZE - 16, 16, 0, 0, 0), 16);
    assert_int_equal(((uint8_t *)g2h(g))[GUEST_PAGE_SIZE - 1], 0);
    /* a read-only page cannot be read into */
    uint32_t ro = map(GUEST_PAGE_SIZE, PROT_READ);
    assert_int_equal(sc(&p, NR_read, fd, ro, 4, 0, 0, 0), -EFAULT);
    /* zero length at any address is fine, as in the kernel */
    assert_int_equal(sc(&p, NR_read, fd, 0xfffff000u, 0, 0, 0, 0), 0);
    close(fd);
    guest_munmap(g, GUEST_PAGE_SIZE);
    guest_munmap(ro, GUEST_PAGE_SIZE);
}

static void test_write_efault(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    int fd = open("/dev/null", O_WRONLY);
    uint32_t g = map(GUEST_PAGE_SIZE, PROT_READ);
    assert_int_equal(sc(&p, NR_write, fd, g, 100, 0, 0, 0), 100);
    assert_int_equal(sc(&p, NR_write, fd, g + 100, GUEST_PAGE_SIZE, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(&p, NR_write, fd, 0xffffff00u, 0x200, 0, 0, 0), -EFAULT);
    close(fd);
    guest_munmap(g, GUEST_PAGE_SIZE);
}

/* Each iovec element is validated; one bad element fails the call. */
static void test_iovec_checked_per_element(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    int fd = devzero();
    uint32_t g = map(GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    uint32_t *iov = g2h(g);
    iov[0] = g + 512; /* good */
    iov[1] = 8;
    iov[2] = 0xfffffff0u; /* bad */
    iov[3] = 0x100;
    assert_int_equal(sc(&p, NR_readv, fd, g, 2, 0, 0, 0), -EFAULT);
    iov[2] = g + 1024;
    iov[3] = 16;
    memset(g2h(g + 512), 0xaa, 1024);
    assert_int_equal(sc(&p, NR_readv, fd, g, 2, 0, 0, 0), 24);
    assert_int_equal(((uint8_t *)g2h(g + 1024))[15], 0);
    assert_int_equal(((uint8_t *)g2h(g + 1024))[16], 0xaa);
    /* the array itself must be readable */
    assert_int_equal(sc(&p, NR_readv, fd, 0xfffffff8u, 2, 0, 0, 0), -EFAULT);
    /* more than UIO_MAXIOV elements */
    assert_int_equal(sc(&p, NR_readv, fd, g, 1025, 0, 0, 0), -EINVAL);
    int null = open("/dev/null", O_WRONLY);
    assert_int_equal(sc(&p, NR_writev, null, g, 2, 0, 0, 0), 24);
    close(null);
    close(fd);
    guest_munmap(g, GUEST_PAGE_SIZE);
}

/* Paths are checked page by page up to the NUL. */
static void test_path_validation(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint32_t g = map(2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    /* "/" placed so that its NUL is the first byte of the second page */
    char *h = g2h(g);
    uint32_t s = g + GUEST_PAGE_SIZE - 1;
    h[GUEST_PAGE_SIZE - 1] = '/';
    h[GUEST_PAGE_SIZE] = 0;
    uint32_t buf = g + 64;
    assert_int_equal(sc(&p, NR_stat64, s, buf, 0, 0, 0, 0), 0);
    /* the same string with the second page gone: the NUL is unreadable */
    assert_int_equal(guest_munmap(g + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE), 0);
    assert_int_equal(sc(&p, NR_stat64, s, buf, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(&p, NR_open, s, 0, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(&p, NR_open, 0, 0, 0, 0, 0, 0), -EFAULT);
    /* a path with no NUL within PATH_MAX bytes */
    uint32_t big = map(2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    memset(g2h(big), 'a', 2 * GUEST_PAGE_SIZE);
    assert_int_equal(sc(&p, NR_open, big, 0, 0, 0, 0, 0), -ENAMETOOLONG);
    /* result buffer for stat64 must be writable */
    h[0] = '/';
    h[1] = 0;
    assert_int_equal(sc(&p, NR_stat64, g, 0xfffffff0u, 0, 0, 0, 0), -EFAULT);
    guest_munmap(g, GUEST_PAGE_SIZE);
    guest_munmap(big, 2 * GUEST_PAGE_SIZE);
}

struct range {
    uint32_t addr, len;
};
static struct range writes[16];
static int nwrites;
static void on_write(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx;
    if (nwrites < 16)
        writes[nwrites++] = (struct range){addr, len};
}

/* Handlers report what they may write, before it is written. */
static void test_write_hook(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint32_t g = map(GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    int fd = devzero();
    syscall_set_write_hook(on_write, NULL);
    nwrites = 0;
    assert_int_equal(sc(&p, NR_read, fd, g + 8, 100, 0, 0, 0), 100);
    assert_int_equal(nwrites, 1);
    assert_int_equal(writes[0].addr, g + 8);
    assert_int_equal(writes[0].len, 100);
    nwrites = 0;
    assert_int_equal(sc(&p, NR_getcwd, g + 200, 1000, 0, 0, 0, 0) > 0, 1);
    assert_int_equal(nwrites, 1);
    assert_int_equal(writes[0].addr, g + 200);
    nwrites = 0;
    ((char *)g2h(g))[0] = '/';
    ((char *)g2h(g))[1] = 0;
    assert_int_equal(sc(&p, NR_stat64, g, g + 1024, 0, 0, 0, 0), 0);
    assert_int_equal(nwrites, 1);
    assert_int_equal(writes[0].addr, g + 1024);
    assert_int_equal(writes[0].len, 104);
    /* a failing call reports nothing */
    nwrites = 0;
    assert_int_equal(sc(&p, NR_read, fd, 0xfffff000u, 0x2000, 0, 0, 0), -EFAULT);
    assert_int_equal(nwrites, 0);
    syscall_set_write_hook(NULL, NULL);
    close(fd);
    guest_munmap(g, GUEST_PAGE_SIZE);
}

/* brk as mm/mmap.c: query, grow (zeroed, writable), shrink (pages gone),
 * refuse to grow over a mapping (old break returned), below start. */
static void test_brk(void **state)
{
    (void)state;
    const uint32_t start = 0x00500000u + 0x123; /* not page aligned, as after bss */
    assert_true(guest_mmap(0x00500000u, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == 0x00500000);
    struct linux_proc p = {0};
    p.brk_start = p.brk_cur = start;
    assert_int_equal((uint32_t)sc(&p, NR_brk, 0, 0, 0, 0, 0, 0), start);
    /* within the page already mapped by "bss" */
    assert_int_equal((uint32_t)sc(&p, NR_brk, start + 0x100, 0, 0, 0, 0, 0), start + 0x100);
    /* grow by 3 pages */
    uint32_t nb = start + 3 * GUEST_PAGE_SIZE;
    assert_int_equal((uint32_t)sc(&p, NR_brk, nb, 0, 0, 0, 0, 0), nb);
    assert_int_equal(p.brk_cur, nb);
    assert_true(guest_range_ok(0x00501000u, 3 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE));
    assert_int_equal(((uint8_t *)g2h(nb - 1))[0], 0);
    memset(g2h(0x00501000u), 0x5a, 3 * GUEST_PAGE_SIZE);
    /* shrink back by two pages: the pages above the new break go away */
    uint32_t sb = start + GUEST_PAGE_SIZE;
    assert_int_equal((uint32_t)sc(&p, NR_brk, sb, 0, 0, 0, 0, 0), sb);
    assert_true(guest_range_ok(0x00501000u, GUEST_PAGE_SIZE, PROT_WRITE));
    assert_false(guest_page_flags(0x00502000u) & GUEST_PAGE_MAPPED);
    assert_false(guest_page_flags(0x00503000u) & GUEST_PAGE_MAPPED);
    /* growing again yields zeroed pages */
    assert_int_equal((uint32_t)sc(&p, NR_brk, nb, 0, 0, 0, 0, 0), nb);
    assert_int_equal(((uint8_t *)g2h(0x00502000u))[0], 0);
    assert_int_equal(((uint8_t *)g2h(0x00501000u))[0], 0x5a);
    /* a mapping in the way: brk fails and returns the old break */
    assert_true(guest_mmap(0x00510000u, GUEST_PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                           0) == 0x00510000);
    assert_int_equal((uint32_t)sc(&p, NR_brk, 0x00520000u, 0, 0, 0, 0, 0), nb);
    assert_int_equal(p.brk_cur, nb);
    assert_true(guest_page_flags(0x00510000u) & GUEST_PAGE_MAPPED);
    assert_int_equal(guest_page_flags(0x00510000u) & PROT_WRITE, 0); /* untouched */
    /* below the start of the heap: unchanged */
    assert_int_equal((uint32_t)sc(&p, NR_brk, start - 0x1000, 0, 0, 0, 0, 0), nb);
    /* beyond the 32-bit space */
    assert_int_equal((uint32_t)sc(&p, NR_brk, 0xfffffff0u, 0, 0, 0, 0, 0), nb);
    guest_munmap(0x00500000u, 0x20000);
}

/* mmap2's last argument counts 4096-byte units. */
static void test_mmap2_offset_units(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    char path[] = "/tmp/bs_mmap2XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static uint8_t data[3 * 4096];
    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)(i / 4096 + 1);
    assert_int_equal(write(fd, data, sizeof(data)), (ssize_t)sizeof(data));
    int32_t r = sc(&p, NR_mmap2, 0, 4096, PROT_READ, MAP_PRIVATE, (uint32_t)fd, 2);
    assert_true(r > 0 || (uint32_t)r >= 0x80000000u);
    assert_int_equal(((uint8_t *)g2h((uint32_t)r))[0], 3); /* third page of the file */
    assert_int_equal(sc(&p, NR_munmap, (uint32_t)r, 4096, 0, 0, 0, 0), 0);
    assert_false(guest_page_flags((uint32_t)r) & GUEST_PAGE_MAPPED);
    /* zero length */
    assert_int_equal(sc(&p, NR_mmap2, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0xffffffffu, 0), -EINVAL);
    close(fd);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_efault),
        cmocka_unit_test(test_write_efault),
        cmocka_unit_test(test_iovec_checked_per_element),
        cmocka_unit_test(test_path_validation),
        cmocka_unit_test(test_write_hook),
        cmocka_unit_test(test_brk),
        cmocka_unit_test(test_mmap2_offset_units),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
