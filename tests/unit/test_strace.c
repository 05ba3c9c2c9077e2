/* Unit tests of the -strace formatter (linux/strace*.c) on edge cases a real
 * program rarely reaches: strings that run into an unmapped page, NULL and
 * bad pointers, exit/exit_group and unknown numbers (no result), ARM private
 * calls (no line at all), qemu's own error codes. The expected texts are what
 * qemu-arm 7.2 -strace printed for the same calls (tests/strace/probe.c runs
 * most of them against qemu-arm itself); the comparisons with qemu on whole
 * programs are in tests/strace. Also checks that every name in qemu's strace
 * list (linux/strace_list.h) is the syscall table's name for that number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "linux/strace.h"
#include "linux/syscall_table.h"

static char log_path[] = "/tmp/bs_strace_logXXXXXX";
static uint32_t page; /* a mapped read/write guest page */

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof err)) {
        fprintf(stderr, "guest_mem_init: %s\n", err);
        return -1;
    }
    int fd = mkstemp(log_path);
    if (fd < 0)
        return -1;
    close(fd);
    if (!log_open_file(log_path, err, sizeof err))
        return -1;
    /* two pages; the second is unmapped again so that the first ends at a hole */
    int64_t a = guest_mmap(0, 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a < 0 || guest_munmap((uint32_t)a + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE) != 0)
        return -1;
    page = (uint32_t)a;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    unlink(log_path);
    return 0;
}

/* Runs one traced call (enter, then exit with result r) and returns what it
 * logged, without the "PID " prefix. */
static const char *trace(uint32_t nr, const uint32_t a[7], int64_t r)
{
    static char buf[4096];
    FILE *f = log_file();
    fflush(f);
    if (ftruncate(fileno(f), 0) != 0)
        return "ftruncate failed";
    rewind(f);
    strace_enter(nr, a);
    strace_exit(nr, a, r);
    fflush(f);
    FILE *in = fopen(log_path, "r");
    assert_non_null(in);
    size_t n = fread(buf, 1, sizeof buf - 1, in);
    fclose(in);
    buf[n] = 0;
    char prefix[32];
    int len = snprintf(prefix, sizeof prefix, "%d ", (int)getpid());
    if (n == 0)
        return buf;
    assert_memory_equal(buf, prefix, (size_t)len);
    return buf + len;
}

static void put(uint32_t addr, const char *s) { memcpy(g2h(addr), s, strlen(s) + 1); }

static void test_strings_and_pointers(void **state)
{
    (void)state;
    put(page, "/nonexistent/file");
    uint32_t a[7] = {page, 0};
    assert_string_equal(trace(5, a, -2),
                        "open(\"/nonexistent/file\",O_RDONLY)"
                        " = -1 errno=2 (No such file or directory)\n");
    a[0] = 0x10; /* unmapped */
    assert_string_equal(trace(5, a, -14), "open(0x00000010,O_RDONLY) = -1 errno=14 (Bad address)\n");
    a[0] = 0;
    assert_string_equal(trace(5, a, -14), "open(NULL,O_RDONLY) = -1 errno=14 (Bad address)\n");
    /* a string whose NUL would lie in the unmapped page after it */
    memset(g2h(page), 'x', GUEST_PAGE_SIZE);
    a[0] = page + GUEST_PAGE_SIZE - 4;
    char want[128];
    snprintf(want, sizeof want, "open(0x%08x,O_RDONLY) = -1 errno=14 (Bad address)\n", a[0]);
    assert_string_equal(trace(5, a, -14), want);
    /* one that ends exactly on the last byte of the page */
    ((char *)g2h(page))[GUEST_PAGE_SIZE - 1] = 0;
    assert_string_equal(trace(5, a, 3), "open(\"xxx\",O_RDONLY) = 3\n");
}

static void test_execve_stops_at_unreadable(void **state)
{
    (void)state;
    put(page, "/bin/x");
    put(page + 16, "a1");
    uint32_t argv[3] = {page, page + 16, 0};
    memcpy(g2h(page + 64), argv, sizeof argv);
    uint32_t a[7] = {page, page + 64, 0};
    assert_string_equal(trace(11, a, -2),
                        "execve(\"/bin/x\",{\"/bin/x\",\"a1\",NULL})"
                        " = -1 errno=2 (No such file or directory)\n");
    a[1] = 0; /* qemu stops printing at the unreadable argv and closes nothing */
    assert_string_equal(trace(11, a, -14), "execve(\"/bin/x\",{ = -1 errno=14 (Bad address)\n");
    a[0] = 0x10;
    assert_string_equal(trace(11, a, -14), " = -1 errno=14 (Bad address)\n");
}

static void test_no_result_lines(void **state)
{
    (void)state;
    uint32_t a[7] = {3};
    assert_string_equal(trace(248, a, 0), "exit_group(3)\n"); /* never returns in qemu */
    assert_string_equal(trace(1, a, 0), "exit(3)\n");
    assert_string_equal(trace(398, a, -38), "Unknown syscall 398\n"); /* rseq: not in qemu's list */
    assert_string_equal(trace(0x7777, a, -38), "Unknown syscall 30583\n");
    FILE *f = log_file();
    fflush(f);
    if (ftruncate(fileno(f), 0) != 0)
        fail();
    rewind(f);
    strace_enter(0xf0005, a); /* ARM set_tls: qemu handles it outside do_syscall */
    strace_exit(0xf0005, a, 0);
    fflush(f);
    assert_int_equal(ftell(f), 0);
}

static void test_results(void **state)
{
    (void)state;
    uint32_t a[7] = {0};
    assert_string_equal(trace(45, a, 0x1d9000), "brk(NULL) = 0x001d9000\n");
    uint32_t m[7] = {0, 8192, 3, 0x22, (uint32_t)-1, 0};
    assert_string_equal(trace(192, m, 0xb6ff0000),
                        "mmap2(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0)"
                        " = 0xb6ff0000\n");
    assert_string_equal(trace(192, m, -12),
                        "mmap2(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0)"
                        " = -1 errno=12 (Cannot allocate memory)\n");
    uint32_t r[7] = {7, page, 8};
    char want[64];
    snprintf(want, sizeof want, "read(7,%#x,8) = 8\n", page); /* qemu's "%s(%d,%#x,%d)" */
    assert_string_equal(trace(3, r, 8), want);
}

static void test_results_qemu_codes(void **state)
{
    (void)state;
    uint32_t r[7] = {7, 0, 8};
    /* qemu's own restart code, and sigreturn's */
    assert_string_equal(trace(3, r, -512), "read(7,0,8) = -1 errno=512 (To be restarted)\n");
    assert_string_equal(trace(119, r, -513),
                        "sigreturn(7,0,8,0,0,0) = -1 errno=513 (Successful exit from sigreturn)\n");
    /* a value that is not an error prints signed, as TARGET_ABI_FMT_ld */
    assert_string_equal(trace(3, r, 0x80000000u), "read(7,0,8) = -2147483648\n");
}

/* Calls backstep does not implement (so tests/strace cannot compare them
 * with qemu on a real run); the expected lines are the ones qemu-arm 7.2
 * printed for the same arguments. */
static void test_printers_of_unimplemented_calls(void **state)
{
    (void)state;
    memset(g2h(page), 0, 64); /* a zero struct itimerval at page */
    uint32_t gi[7] = {0, page};
    char want[512];
    snprintf(want, sizeof want, "getitimer(ITIMER_REAL,0x%08x) = 0 ({it_interval={tv_sec = 0,tv_usec = 0},"
             "it_value={tv_sec = 0,tv_usec = 0},})\n", page);
    assert_string_equal(trace(105, gi, 0), want);
    uint32_t si[7] = {0, page, page + 32};
    snprintf(want, sizeof want, "setitimer(ITIMER_REAL,{it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 0,"
             "tv_usec = 0},},0x%08x) = 0 (old_value = {it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 0,"
             "tv_usec = 0},})\n", page + 32);
    assert_string_equal(trace(104, si, 0), want);
    uint32_t si2[7] = {7, 0, 0};
    assert_string_equal(trace(104, si2, -22), "setitimer(0x7,NULL,NULL) = -1 errno=22 (Invalid argument)\n");
    int32_t ts[2] = {0, 1000};
    memcpy(g2h(page + 48), ts, sizeof ts);
    uint32_t cs[7] = {99, page + 48};
    assert_string_equal(trace(262, cs, -22),
                        "clock_settime(0x63,{tv_sec"
                        " = 0,tv_nsec = 1000}) = -1 errno=22 (Invalid argument)\n");
    uint32_t ca[7] = {0, 0};
    assert_string_equal(trace(372, ca, -14), "clock_adjtime(CLOCK_REALTIME,NULL) = -1 errno=14 (Bad address)\n");
    assert_string_equal(trace(124, ca, -14), "adjtimex((nil)) = -1 errno=14 (Bad address)\n");
    put(page + 64, "none");
    put(page + 80, "/nonexistent");
    put(page + 96, "tmpfs");
    put(page + 112, "f1");
    uint32_t mo[7] = {page + 64, page + 80, page + 96, 1 | 2, 0};
    assert_string_equal(trace(21, mo, -2), "mount(\"none\",\"/nonexistent\",\"tmpfs\",MS_NOSUID|MS_RDONLY,NULL) = "
                                          "-1 errno=2 (No such file or directory)\n");
    uint32_t um[7] = {page + 80, 2};
    assert_string_equal(trace(52, um, -2),
                        "umount2(\"/nonexistent\",MNT_DETACH)"
                        " = -1 errno=2 (No such file or directory)\n");
    uint32_t un[7] = {0};
    assert_string_equal(trace(337, un, 0), "unshare(0) = 0\n");
    uint32_t ut[7] = {page + 112, 0};
    assert_string_equal(trace(269, ut, 0), "utimes(\"f1\",NULL) = 0\n");
    uint32_t fu[7] = {(uint32_t)-100, page + 112, 0};
    assert_string_equal(trace(326, fu, 0), "futimesat(AT_FDCWD,\"f1\",NULL,0x00000008) = 0\n");
}

/* siginfo and SysV IPC printers, for calls backstep does not implement;
 * the expected lines are qemu-arm 7.2's for the same arguments. */
static void test_siginfo_and_ipc(void **state)
{
    (void)state;
    int32_t si[32] = {10 /* SIGUSR1 */, 0, -1 /* SI_QUEUE */, 123, 0, 0};
    memcpy(g2h(page), si, sizeof si);
    uint32_t q[7] = {999999, 10, page};
    assert_string_equal(trace(178, q, -3), "rt_sigqueueinfo(999999,SIGUSR1,{si_signo=SIGUSR1, si_code=SI_QUEUE, "
                                           "si_pid=123, si_uid=0, si_sigval=0}) = -1 errno=3 (No such process)\n");
    uint32_t tq[7] = {999999, 999999, 10, page};
    assert_string_equal(trace(363, tq, -3), "rt_tgsigqueueinfo(999999,999999,SIGUSR1,{si_signo=SIGUSR1, "
                                            "si_code=SI_QUEUE, si_pid=123, si_uid=0, si_sigval=0}) = "
                                            "-1 errno=3 (No such process)\n");
    uint32_t bq[7] = {999999, 10, 0x10};
    assert_string_equal(trace(178, bq, -14),
                        "rt_sigqueueinfo(999999,SIGUSR1,0x00000010) = -1 errno=14 (Bad address)\n");
    uint32_t ps[7] = {99, 0, 0, 0};
    assert_string_equal(trace(424, ps, -9), "pidfd_send_signal(99,0,NULL,0) = -1 errno=9 (Bad file descriptor)\n");
    uint32_t sc[7] = {0, 0, 0 /* IPC_RMID */, 0};
    assert_string_equal(trace(300, sc, -22), "semctl(0,0,IPC_RMID,0x00000000) = -1 errno=22 (Invalid argument)\n");
    uint32_t sv[7] = {99999, 0, 12 /* GETVAL, printed as MSG_INFO by qemu */, 0};
    assert_string_equal(trace(300, sv, -22), "semctl(99999,0,MSG_INFO,0x00000000) = -1 errno=22 (Invalid argument)\n");
}

static void test_names_match_syscall_table(void **state)
{
    (void)state;
    static const struct {
        uint32_t nr;
        const char *name;
    } list[] = {
#define STRACE(nr, name, format, call, ret) {nr, #name},
#include "linux/strace_list.h"
#undef STRACE
    };
    unsigned checked = 0;
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        const struct syscall_desc *d = syscall_lookup(list[i].nr);
        if (!d)
            continue; /* OABI-only numbers: qemu's name is used */
        if (strcmp(d->name, list[i].name) != 0)
            fail_msg("syscall %u: qemu calls it %s, the syscall table %s", list[i].nr, list[i].name, d->name);
        checked++;
    }
    assert_true(checked > 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_and_pointers),
        cmocka_unit_test(test_execve_stops_at_unreadable),
        cmocka_unit_test(test_no_result_lines),
        cmocka_unit_test(test_results),
        cmocka_unit_test(test_results_qemu_codes),
        cmocka_unit_test(test_printers_of_unimplemented_calls),
        cmocka_unit_test(test_siginfo_and_ipc),
        cmocka_unit_test(test_names_match_syscall_table),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
