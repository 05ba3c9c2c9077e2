/* base/size_arg: what -undo-limit and `monitor undo-limit` accept. Values
 * are the binary multiples the suffixes stand for (K = 2^10, M = 2^20,
 * G = 2^30). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/size_arg.h"

static void expect_size(const char *s, uint64_t want)
{
    uint64_t got = 0;
    if (!parse_size_arg(s, &got))
        fail_msg("'%s' refused", s);
    if (got != want)
        fail_msg("'%s': got %llu, want %llu", s, (unsigned long long)got, (unsigned long long)want);
}

static void expect_refused(const char *s)
{
    uint64_t got = 77;
    if (parse_size_arg(s, &got))
        fail_msg("'%s' accepted as %llu", s, (unsigned long long)got);
    assert_int_equal(got, 77); /* untouched */
}

static void test_accepted(void **state)
{
    (void)state;
    expect_size("4096", 4096);
    expect_size("64M", 64ull << 20);
    expect_size("64m", 64ull << 20);
    expect_size("64MiB", 64ull << 20);
    expect_size("64MB", 64ull << 20);
    expect_size("2G", 2ull << 30);
    expect_size("16K", 16ull << 10);
    expect_size("512M  ", 512ull << 20);
    expect_size("1024G", 1ull << 40); /* the largest */
}

static void test_refused(void **state)
{
    (void)state;
    const char *bad[] = {"", "M", "-1", "+5", " 5", "1.5G", "5X", "5Mi", "5MiBB", "5 M", "0x10", "1025G",
                         "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_refused(bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_accepted), cmocka_unit_test(test_refused)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
