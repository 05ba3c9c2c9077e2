/* The syscall table (linux/syscall_list.h): every number and name agrees
 * with the ARM EABI headers of the installed cross toolchain
 * (/usr/arm-linux-gnueabi/include/asm/unistd-eabi.h, skipped if absent),
 * entries are sorted and unique, the syscalls backstep must support have
 * handlers, and unknown numbers give -ENOSYS with a -d unimp line. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/log.h"
#include "linux/syscall.h"
#include "linux/syscall_table.h"

#define EABI_HEADER "/usr/arm-linux-gnueabi/include/asm/unistd-eabi.h"

static void test_sorted_unique(void **state)
{
    (void)state;
    unsigned n;
    const struct syscall_desc *t = syscall_table_entries(&n);
    assert_true(n > 400);
    for (unsigned i = 1; i < n; i++)
        assert_true(t[i - 1].nr < t[i].nr);
    for (unsigned i = 0; i < n; i++)
        assert_ptr_equal(syscall_lookup(t[i].nr), &t[i]);
}

static void test_matches_eabi_header(void **state)
{
    (void)state;
    FILE *f = fopen(EABI_HEADER, "r");
    if (!f)
        skip();
    char line[256];
    unsigned checked = 0;
    while (fgets(line, sizeof(line), f)) {
        char name[64];
        unsigned nr;
        if (sscanf(line, "#define __NR_%63s (__NR_SYSCALL_BASE + %u)", name, &nr) != 2)
            continue;
        const struct syscall_desc *d = syscall_lookup(nr);
        if (!d)
            fail_msg("EABI syscall %u (%s) missing from the table", nr, name);
        if (strcmp(d->name, name) != 0)
            fail_msg("EABI syscall %u is %s, table says %s", nr, name, d->name);
        checked++;
    }
    fclose(f);
    assert_true(checked > 390);
    /* and the table has nothing the header lacks, apart from ARM privates */
    unsigned n;
    const struct syscall_desc *t = syscall_table_entries(&n);
    unsigned privates = 0;
    for (unsigned i = 0; i < n; i++)
        if (t[i].nr >= 0xf0000)
            privates++;
    assert_int_equal(n - privates, checked);
}

static void test_required_have_handlers(void **state)
{
    (void)state;
    static const char *const required[] = {
        "exit", "exit_group", "read", "write", "readv", "writev", "pread64", "pwrite64", "open", "openat", "close",
        "lseek", "_llseek", "fstat64", "stat64", "lstat64", "fstatat64", "statx", "access", "faccessat", "readlink",
        "readlinkat", "getcwd", "chdir", "mkdir", "unlink", "rename", "renameat", "brk", "mmap2", "munmap",
        "mprotect", "mremap", "madvise", "uname", "getpid", "getppid", "gettid", "getuid32", "geteuid32",
        "getgid32", "getegid32", "getgroups32", "getresuid32", "getresgid32", "set_tid_address", "set_robust_list",
        "rt_sigaction", "rt_sigprocmask", "sigaltstack", "ioctl", "fcntl64", "dup", "dup2", "dup3", "pipe", "pipe2",
        "clock_gettime", "clock_gettime64", "clock_getres", "clock_getres_time64", "gettimeofday", "nanosleep",
        "clock_nanosleep", "clock_nanosleep_time64", "getrandom", "prlimit64", "ugetrlimit", "setrlimit", "sysinfo",
        "getdents64", "poll", "ppoll", "ppoll_time64", "_newselect", "pselect6", "pselect6_time64", "umask",
        "fsync", "fdatasync", "ftruncate64", "truncate64", "sched_yield", "kill", "tgkill", "tkill", "statfs64",
        "fchmod", "chmod", "fchown32", "utimensat", "link", "symlink", "rmdir", "mknod", "getpgrp", "setpgid",
        "getsid", "setsid", "wait4", "sched_getaffinity", "futex", "prctl", "times", "sendfile64",
        "ARM_set_tls", "ARM_cacheflush",
    };
    unsigned n;
    const struct syscall_desc *t = syscall_table_entries(&n);
    for (size_t r = 0; r < sizeof(required) / sizeof(required[0]); r++) {
        bool found = false;
        for (unsigned i = 0; i < n; i++) {
            if (strcmp(t[i].name, required[r]) == 0) {
                if (!t[i].handler)
                    fail_msg("%s has no handler", required[r]);
                found = true;
            }
        }
        if (!found)
            fail_msg("%s not in the table", required[r]);
    }
    assert_int_equal(syscall_lookup(0xf0005)->nr, 0xf0005u);
    /* ARM EABI has no time(2) (13 is OABI only) and no old getrlimit (76). */
    assert_null(syscall_lookup(13));
    assert_null(syscall_lookup(76));
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void test_unknown_is_enosys_and_logged(void **state)
{
    (void)state;
    char path[] = "/tmp/bs_sys_logXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char err[128];
    assert_true(log_open_file(path, err, sizeof(err)));
    unsigned saved = log_mask;
    log_mask = LOG_UNIMP;
    struct linux_proc p = {0};
    const uint32_t a[7] = {0};
    assert_int_equal((int32_t)linux_syscall(&p, 128, a), -ENOSYS); /* init_module: known, unsupported */
    assert_int_equal((int32_t)linux_syscall(&p, 13, a), -ENOSYS);      /* OABI time */
    assert_int_equal((int32_t)linux_syscall(&p, 0x7777, a), -ENOSYS);  /* nothing */
    assert_int_equal((int32_t)linux_syscall(&p, 0xf0001, a), -ENOSYS); /* ARM breakpoint */
    log_mask = LOG_STRACE;
    assert_int_equal((int32_t)linux_syscall(&p, 20, a), getpid()); /* getpid */
    log_mask = saved;
    fflush(log_file());
    const char *log = slurp(path);
    assert_non_null(strstr(log, "Unsupported syscall: 128 (init_module)\n"));
    assert_non_null(strstr(log, "Unsupported syscall: 13\n"));
    assert_non_null(strstr(log, "Unsupported syscall: 30583\n"));
    assert_non_null(strstr(log, " getpid("));
    unlink(path);
}

static void test_arm_private(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint32_t a[7] = {0x12345678};
    assert_int_equal(linux_syscall(&p, 0xf0005, a), 0);
    assert_int_equal(p.tls, 0x12345678);
    assert_int_equal(linux_syscall(&p, 0xf0006, a), 0x12345678);
}

static uint32_t inv_start, inv_len;
static int inv_calls;
static void on_invalidate(void *ctx, uint32_t start, uint32_t len)
{
    (void)ctx;
    inv_start = start;
    inv_len = len;
    inv_calls++;
}

static void test_cacheflush(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    p.invalidate_code = on_invalidate;
    uint32_t a[7] = {0x10000, 0x10100, 0};
    assert_int_equal(linux_syscall(&p, 0xf0002, a), 0);
    assert_int_equal(inv_calls, 1);
    assert_int_equal(inv_start, 0x10000);
    assert_int_equal(inv_len, 0x100);
    uint32_t bad[7] = {0x10100, 0x10000, 0};
    assert_int_equal((int32_t)linux_syscall(&p, 0xf0002, bad), -EINVAL);
    assert_int_equal(inv_calls, 1);
}

static void test_exit(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint32_t a[7] = {0x1234};
    linux_syscall(&p, 248, a); /* exit_group */
    assert_true(p.exited);
    assert_int_equal(p.exit_status, 0x34);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_unique),
        cmocka_unit_test(test_matches_eabi_header),
        cmocka_unit_test(test_required_have_handlers),
        cmocka_unit_test(test_unknown_is_enosys_and_logged),
        cmocka_unit_test(test_arm_private),
        cmocka_unit_test(test_cacheflush),
        cmocka_unit_test(test_exit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
