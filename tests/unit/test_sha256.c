/* base/sha256 against coreutils' sha256sum (the reference): files of the
 * sizes around the padding boundaries (55, 56, 63, 64, 65 bytes) and larger
 * ones, hashed whole (sha256_file) and fed in uneven pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/sha256.h"

static void reference(const char *path, char out[65])
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", path);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    assert_int_equal(fscanf(f, "%64s", out), 1);
    pclose(f);
}

static void test_sizes(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4096, 100003};
    uint8_t *data = malloc(100003);
    assert_non_null(data);
    uint32_t x = 12345;
    for (size_t i = 0; i < 100003; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (uint8_t)(x >> 16);
    }
    char path[] = "/tmp/bs_sha256_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        assert_int_equal(ftruncate(fd, 0), 0);
        assert_int_equal(pwrite(fd, data, n, 0), (ssize_t)n);
        char want[65], got[65], pieces[65];
        reference(path, want);
        assert_int_equal(sha256_file(path, got), 0);
        if (strcmp(want, got))
            fail_msg("%zu bytes: sha256_file %s, sha256sum %s", n, got, want);
        struct sha256 s;
        sha256_init(&s);
        for (size_t at = 0, step = 1; at < n; at += step, step = step * 3 % 97 + 1)
            sha256_update(&s, data + at, step < n - at ? step : n - at);
        uint8_t d[32];
        sha256_final(&s, d);
        sha256_hex(d, pieces);
        if (strcmp(want, pieces))
            fail_msg("%zu bytes in pieces: %s, sha256sum %s", n, pieces, want);
    }
    close(fd);
    unlink(path);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_sizes)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
