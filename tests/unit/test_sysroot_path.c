/* linux/sysroot_path: the -L lookup rule, pinned to what qemu-arm 7.2 does on
 * this machine (a probe program run as `qemu-arm -L S probe PATH...`):
 * absolute paths come from S when S+path exists (symlinks in S followed by the
 * host, so a dangling one falls back to the host path), relative paths and
 * missing files keep the guest path, ".." is not normalised. */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/sysroot_path.h"

static char top[PATH_MAX];  /* mkdtemp directory */
static char root[PATH_MAX + 8]; /* top/sys: the sysroot */

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(top, sizeof top, "/tmp/bs_sysroot_XXXXXX");
    if (!mkdtemp(top))
        return -1;
    char p[PATH_MAX + 64];
    snprintf(root, sizeof root, "%s/sys", top);
    mkdir(root, 0755);
    snprintf(p, sizeof p, "%s/etc", root);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/etc/only", root);
    put(p, "sys\n");
    snprintf(p, sizeof p, "%s/etc/rel", root);
    if (symlink("only", p) != 0)
        return -1;
    snprintf(p, sizeof p, "%s/etc/dangling", root);
    if (symlink("/nonexistent_bs_sysroot_target", p) != 0)
        return -1;
    snprintf(p, sizeof p, "%s/marker", top);
    put(p, "beside the sysroot\n");
    snprintf(p, sizeof p, "%s/relfile", root);
    put(p, "x\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    return system(cmd) == 0 ? 0 : -1;
}

static void expect_mapped(const char *guest, const char *rest)
{
    char buf[PATH_MAX], want[PATH_MAX + 64];
    snprintf(want, sizeof want, "%s%s", root, rest);
    const char *r = sysroot_path(guest, buf, sizeof buf);
    assert_ptr_equal(r, buf);
    assert_string_equal(r, want);
}

static void expect_unmapped(const char *guest)
{
    char buf[PATH_MAX];
    assert_ptr_equal(sysroot_path(guest, buf, sizeof buf), guest);
}

static void test_no_sysroot_maps_nothing(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(sysroot_set(NULL, err, sizeof err), 0);
    assert_null(sysroot_get());
    expect_unmapped("/etc/passwd");
    assert_int_equal(sysroot_set("/", err, sizeof err), 0);
    assert_null(sysroot_get());
    expect_unmapped("/etc/passwd");
    assert_int_equal(sysroot_set("", err, sizeof err), 0);
    assert_null(sysroot_get());
}

static void test_absolute_paths(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(sysroot_set(root, err, sizeof err), 0);
    assert_string_equal(sysroot_get(), root);
    expect_mapped("/etc/only", "/etc/only");
    expect_mapped("/etc/rel", "/etc/rel");                 /* relative link inside S */
    expect_mapped("//etc/only", "//etc/only");             /* as given: the kernel folds "//" */
    expect_mapped("/etc/../etc/only", "/etc/../etc/only"); /* ".." left to the kernel */
    expect_mapped("/../marker", "/../marker");             /* qemu-arm too: S/../marker */
    expect_mapped("/", "/");
    expect_unmapped("/nonexistent_bs_sysroot_file");       /* not in S: the host path */
    expect_unmapped("/etc/dangling");                      /* dangling link in S: host path */
    expect_unmapped("/etc/only/");                         /* S/etc/only/ is ENOTDIR */
    expect_unmapped("relfile");                            /* relative: never mapped */
    expect_unmapped("etc/only");
    expect_unmapped("");
    assert_null(sysroot_path(NULL, NULL, 0));
    char small[8];
    assert_string_equal(sysroot_path("/etc/only", small, sizeof small), "/etc/only");
    assert_int_equal(sysroot_set(NULL, err, sizeof err), 0);
}

static void test_set_normalises_and_checks(void **state)
{
    (void)state;
    char err[256], withslash[PATH_MAX + 16];
    snprintf(withslash, sizeof withslash, "%s//", root);
    assert_int_equal(sysroot_set(withslash, err, sizeof err), 0);
    assert_string_equal(sysroot_get(), root);
    expect_mapped("/etc/only", "/etc/only");

    /* Relative: made absolute against the cwd at the time of the call. */
    char cwd[PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(top), 0);
    assert_int_equal(sysroot_set("sys", err, sizeof err), 0);
    char want[PATH_MAX + 32];
    snprintf(want, sizeof want, "%s/sys", top);
    assert_string_equal(sysroot_get(), want);
    assert_int_equal(chdir("/"), 0);
    char buf[PATH_MAX];
    snprintf(want, sizeof want, "%s/sys/etc/only", top);
    assert_string_equal(sysroot_path("/etc/only", buf, sizeof buf), want);
    assert_int_equal(chdir(cwd), 0);

    char bad[PATH_MAX + 16];
    snprintf(bad, sizeof bad, "%s/missing", top);
    assert_int_equal(sysroot_set(bad, err, sizeof err), -1);
    assert_non_null(strstr(err, bad));
    assert_non_null(strstr(err, "No such file or directory"));
    assert_null(sysroot_get());
    snprintf(bad, sizeof bad, "%s/marker", top);
    assert_int_equal(sysroot_set(bad, err, sizeof err), -1);
    assert_non_null(strstr(err, bad));
    assert_non_null(strstr(err, "not a directory"));
    assert_null(sysroot_get());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_sysroot_maps_nothing),
        cmocka_unit_test(test_absolute_paths),
        cmocka_unit_test(test_set_normalises_and_checks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
