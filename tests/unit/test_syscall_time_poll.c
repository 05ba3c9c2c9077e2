/* Time and readiness syscalls through linux_syscall: the 32-bit and 64-bit
 * timespec forms write exactly 8 or 16 bytes; select reads and writes fd
 * sets in 32-bit words (an fd_set ending 4 bytes before unmapped memory is
 * fine for nfds <= 32, as on a 32-bit kernel); ppoll writes back the time
 * left; gettimeofday and times accept NULL. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/guest_mem.h"
#include "linux/syscall.h"

enum { NR_clock_gettime = 263, NR_clock_gettime64 = 403, NR_clock_getres = 264, NR_gettimeofday = 78,
       NR_nanosleep = 162, NR_newselect = 142, NR_ppoll = 336, NR_ppoll_time64 = 414, NR_times = 43,
       NR_pselect6 = 335 };

static uint32_t G; /* two pages, the second one unmapped */

static int32_t sc(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5)
{
    static struct linux_proc p;
    const uint32_t a[7] = {a0, a1, a2, a3, a4, a5, 0};
    return (int32_t)linux_syscall(&p, nr, a);
}

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof(err)))
        return -1;
    int64_t r = guest_mmap(0, 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (r <= 0 || guest_munmap((uint32_t)r + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE) != 0)
        return -1;
    G = (uint32_t)r;
    return 0;
}

static uint32_t get32(uint32_t at) { uint32_t v; memcpy(&v, g2h(at), 4); return v; }
static void put32(uint32_t at, uint32_t v) { memcpy(g2h(at), &v, 4); }

static void test_clock_sizes(void **state)
{
    (void)state;
    memset(g2h(G), 0xee, 64);
    assert_int_equal(sc(NR_clock_gettime, CLOCK_REALTIME, G, 0, 0, 0, 0), 0);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    assert_true((int32_t)get32(G) <= (int32_t)now.tv_sec && (int32_t)get32(G) > (int32_t)now.tv_sec - 5);
    assert_true(get32(G + 4) < 1000000000u);
    assert_int_equal(get32(G + 8), 0xeeeeeeeeu); /* exactly 8 bytes */
    memset(g2h(G), 0xee, 64);
    assert_int_equal(sc(NR_clock_gettime64, CLOCK_MONOTONIC, G, 0, 0, 0, 0), 0);
    assert_int_equal(get32(G + 4), 0); /* high half of a 64-bit tv_sec */
    assert_true(get32(G + 8) < 1000000000u);
    assert_int_equal(get32(G + 12), 0);
    assert_int_equal(get32(G + 16), 0xeeeeeeeeu);
    /* the last 8 bytes of the mapping hold a 32-bit timespec but not a 64-bit one */
    uint32_t end = G + GUEST_PAGE_SIZE - 8;
    assert_int_equal(sc(NR_clock_gettime, CLOCK_REALTIME, end, 0, 0, 0, 0), 0);
    assert_int_equal(sc(NR_clock_gettime64, CLOCK_REALTIME, end, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(NR_clock_gettime, 12345, G, 0, 0, 0, 0), -EINVAL);
    assert_int_equal(sc(NR_clock_getres, CLOCK_MONOTONIC, 0, 0, 0, 0, 0), 0);
}

static void test_gettimeofday_times_null(void **state)
{
    (void)state;
    assert_int_equal(sc(NR_gettimeofday, 0, 0, 0, 0, 0, 0), 0);
    assert_int_equal(sc(NR_gettimeofday, G, 0, 0, 0, 0, 0), 0);
    assert_true(get32(G + 4) < 1000000u);
    assert_int_equal(sc(NR_gettimeofday, 0xfffffffcu, 0, 0, 0, 0, 0), -EFAULT);
    assert_true(sc(NR_times, 0, 0, 0, 0, 0, 0) != -EFAULT);
    assert_int_equal(sc(NR_times, G + GUEST_PAGE_SIZE - 8, 0, 0, 0, 0, 0), -EFAULT); /* needs 16 */
}

static void test_nanosleep(void **state)
{
    (void)state;
    put32(G, 0);
    put32(G + 4, 1000);
    assert_int_equal(sc(NR_nanosleep, G, 0, 0, 0, 0, 0), 0);
    put32(G + 4, 1000000000); /* tv_nsec out of range */
    assert_int_equal(sc(NR_nanosleep, G, 0, 0, 0, 0, 0), -EINVAL);
    assert_int_equal(sc(NR_nanosleep, 0, 0, 0, 0, 0, 0), -EFAULT);
}

static void test_select_fdset_words(void **state)
{
    (void)state;
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    assert_true(pfd[1] < 32);
    assert_int_equal(write(pfd[1], "x", 1), 1);
    /* a 4-byte fd_set in the last word of the mapping */
    uint32_t set = G + GUEST_PAGE_SIZE - 4;
    put32(set, (1u << pfd[0]) | (1u << pfd[1]));
    put32(G + 64, 0); /* timeout {0, 0} */
    put32(G + 68, 0);
    assert_int_equal(sc(NR_newselect, (uint32_t)pfd[1] + 1, set, 0, 0, G + 64, 0), 1);
    assert_int_equal(get32(set), 1u << pfd[0]); /* only the readable one left */
    /* nfds 33 needs two words: the set runs off the mapping */
    assert_int_equal(sc(NR_newselect, 33, set, 0, 0, G + 64, 0), -EFAULT);
    /* pselect6 with a sigset of the wrong size */
    put32(set, 1u << pfd[0]);
    put32(G + 80, G + 96); /* {sigset *, size} */
    put32(G + 84, 4);
    assert_int_equal(sc(NR_pselect6, (uint32_t)pfd[0] + 1, set, 0, 0, G + 64, G + 80), -EINVAL);
    put32(G + 84, 8);
    assert_int_equal(sc(NR_pselect6, (uint32_t)pfd[0] + 1, set, 0, 0, G + 64, G + 80), 1);
    close(pfd[0]);
    close(pfd[1]);
}

static void test_ppoll_timeout_writeback(void **state)
{
    (void)state;
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    /* pollfd {fd, events POLLIN, revents} */
    put32(G, (uint32_t)pfd[0]);
    put32(G + 4, 1);
    /* 32-bit timeout of 20 ms: nothing readable, it times out and the time
     * left written back is zero */
    put32(G + 32, 0);
    put32(G + 36, 20000000);
    assert_int_equal(sc(NR_ppoll, G, 1, G + 32, 0, 0, 0), 0);
    assert_int_equal(get32(G + 32), 0);
    assert_int_equal(get32(G + 36), 0);
    /* readable: returns at once with most of a 64-bit 5 s timeout left */
    assert_int_equal(write(pfd[1], "x", 1), 1);
    memset(g2h(G + 32), 0, 16);
    put32(G + 32, 5);
    assert_int_equal(sc(NR_ppoll_time64, G, 1, G + 32, 0, 0, 0), 1);
    assert_int_equal(get32(G + 4) >> 16, 1); /* revents POLLIN */
    uint32_t left = get32(G + 32);
    assert_true(left == 4 || left == 5);
    close(pfd[0]);
    close(pfd[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clock_sizes),
        cmocka_unit_test(test_gettimeofday_times_null),
        cmocka_unit_test(test_nanosleep),
        cmocka_unit_test(test_select_fdset_words),
        cmocka_unit_test(test_ppoll_timeout_writeback),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
