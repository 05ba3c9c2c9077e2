/* linux/host_fds: backstep's own descriptors move out of the guest's way
 * (the guest's first open() gets the number it would get alone) and the
 * guest's close/dup2/dup3 cannot take them away. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/host_fds.h"
#include "linux/process.h"
#include "linux/syscall_table.h"

static int64_t call(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
    const uint32_t a[7] = {a0, a1, a2, 0, 0, 0, 0};
    return syscall_lookup(nr)->handler(&guest_proc, a);
}

static void test_reserved_fd_is_high_and_kept(void **state)
{
    (void)state;
    int fd = open("/dev/null", O_RDONLY);
    assert_true(fd >= 0);
    int low = fd;
    int hi = host_fd_reserve(fd);
    assert_true(hi >= 900);
    assert_true(host_fd_reserved(hi));
    assert_int_equal(fcntl(low, F_GETFD), -1); /* the low number is free again */
    assert_true(fcntl(hi, F_GETFD) & FD_CLOEXEC);

    assert_int_equal(call(6 /* close */, (uint32_t)hi, 0, 0), -EBADF);
    assert_int_equal(call(63 /* dup2 */, 0, (uint32_t)hi, 0), -EBADF);
    assert_int_equal(call(358 /* dup3 */, 0, (uint32_t)hi, 0), -EBADF);
    assert_int_equal(call(63 /* dup2 */, (uint32_t)hi, 0, 0), -EBADF);
    assert_true(fcntl(hi, F_GETFD) >= 0); /* still open */

    host_fd_release(hi);
    assert_false(host_fd_reserved(hi));
    assert_int_equal(call(6 /* close */, (uint32_t)hi, 0, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_reserved_fd_is_high_and_kept)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
