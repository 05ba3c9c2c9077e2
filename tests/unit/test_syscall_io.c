/* File syscalls through linux_syscall on real files: the ARM EABI 64-bit
 * register-pair arguments (pread64/pwrite64, ftruncate64/truncate64,
 * fallocate: pad to an even register, low word first; _llseek: high word
 * first, no pad), ARM O_* bits, fcntl64 locks in the flock64 layout,
 * fstat64/statfs64 against the host's own answers, pipe, dup3, uname. */
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
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/guest_mem.h"
#include "linux/syscall.h"

enum { NR_open = 5, NR_close = 6, NR_pipe = 42, NR_pread64 = 180, NR_pwrite64 = 181, NR_llseek = 140,
       NR_truncate64 = 193, NR_ftruncate64 = 194, NR_fstat64 = 197, NR_fcntl64 = 221, NR_fallocate = 352,
       NR_statfs64 = 266, NR_dup3 = 358, NR_uname = 122, NR_lseek = 19, NR_getdents64 = 217, NR_openat = 322 };

#define ARM_O_DIRECTORY 040000u
#define ARM_O_LARGEFILE 0400000u

static int32_t sc(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5)
{
    static struct linux_proc p;
    const uint32_t a[7] = {a0, a1, a2, a3, a4, a5, 0};
    return (int32_t)linux_syscall(&p, nr, a);
}

static uint32_t G; /* one guest page of scratch memory */
static char tmp_path[64];
static int fd;

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof(err)))
        return -1;
    int64_t r = guest_mmap(0, 4 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (r <= 0)
        return -1;
    G = (uint32_t)r;
    return 0;
}

static int setup(void **state)
{
    (void)state;
    strcpy(tmp_path, "/tmp/bs_sysioXXXXXX");
    fd = mkstemp(tmp_path);
    return fd < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    close(fd);
    unlink(tmp_path);
    return 0;
}

static void test_pread_pwrite_pairs(void **state)
{
    (void)state;
    /* offset 0x1_0000_0010 (above 4 GiB, sparse): lo=0x10, hi=1 in r4/r5 */
    memcpy(g2h(G), "ARMEABI!", 8);
    assert_int_equal(sc(NR_pwrite64, fd, G, 8, 0xdeadbeef /* pad */, 0x10, 1), 8);
    char back[8];
    assert_int_equal(pread(fd, back, 8, 0x100000010ll), 8);
    assert_memory_equal(back, "ARMEABI!", 8);
    memset(g2h(G + 100), 0, 8);
    assert_int_equal(sc(NR_pread64, fd, G + 100, 8, 0xdeadbeef, 0x10, 1), 8);
    assert_memory_equal(g2h(G + 100), "ARMEABI!", 8);
    /* the pad register is ignored, r3 never read as part of the offset */
    assert_int_equal(sc(NR_pread64, fd, G + 100, 4, 0, 0x14, 1), 4);
    assert_memory_equal(g2h(G + 100), "ABI!", 4);
}

static void test_ftruncate64_truncate64(void **state)
{
    (void)state;
    struct stat st;
    assert_int_equal(sc(NR_ftruncate64, fd, 0xffffffff /* pad */, 0x1000, 2, 0, 0), 0);
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(st.st_size, 0x200001000ll);
    strcpy(g2h(G), tmp_path);
    assert_int_equal(sc(NR_truncate64, G, 0, 0x1234, 0, 0, 0), 0);
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(st.st_size, 0x1234);
}

static void test_fallocate_pairs(void **state)
{
    (void)state;
    /* fallocate(fd, mode, offset r2/r3, len r4/r5) */
    int32_t r = sc(NR_fallocate, fd, 0, 0x100, 0, 0x300, 0);
    if (r == -EOPNOTSUPP)
        skip();
    assert_int_equal(r, 0);
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(st.st_size, 0x400);
}

static void test_llseek(void **state)
{
    (void)state;
    /* _llseek(fd, offset_high, offset_low, result, whence) */
    assert_int_equal(sc(NR_llseek, fd, 1, 0x20, G, SEEK_SET, 0), 0);
    uint64_t res;
    memcpy(&res, g2h(G), 8);
    assert_int_equal(res, 0x100000020ull);
    assert_int_equal(lseek(fd, 0, SEEK_CUR), 0x100000020ll);
    /* plain lseek cannot report that position in a 32-bit off_t */
    assert_int_equal(sc(NR_lseek, fd, 0, SEEK_CUR, 0, 0, 0), -EOVERFLOW);
    assert_int_equal(sc(NR_llseek, fd, 0, 0, 0xfffffff8u, SEEK_SET, 0), -EFAULT);
}

static void test_fstat64_matches_host(void **state)
{
    (void)state;
    assert_int_equal(write(fd, "12345", 5), 5);
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(sc(NR_fstat64, fd, G, 0, 0, 0, 0), 0);
    const uint8_t *g = g2h(G);
    uint64_t ino, size;
    uint32_t mode;
    memcpy(&size, g + 48, 8);
    memcpy(&ino, g + 96, 8);
    memcpy(&mode, g + 16, 4);
    assert_int_equal(size, 5);
    assert_int_equal(ino, st.st_ino);
    assert_int_equal(mode, st.st_mode);
    assert_int_equal(sc(NR_fstat64, 9999, G, 0, 0, 0, 0), -EBADF);
}

static void test_statfs64_size(void **state)
{
    (void)state;
    strcpy(g2h(G), "/");
    assert_int_equal(sc(NR_statfs64, G, 84, G + 256, 0, 0, 0), 0);
    assert_int_equal(sc(NR_statfs64, G, 88, G + 256, 0, 0, 0), 0); /* ARM wrapper fixes 88 to 84 */
    assert_int_equal(sc(NR_statfs64, G, 120, G + 256, 0, 0, 0), -EINVAL);
}

static void test_open_arm_flags(void **state)
{
    (void)state;
    /* ARM O_DIRECTORY (040000) is x86-64's O_DIRECT: a wrong translation
     * would open the file instead of failing with ENOTDIR. */
    strcpy(g2h(G), tmp_path);
    assert_int_equal(sc(NR_open, G, O_RDONLY | ARM_O_DIRECTORY, 0, 0, 0, 0), -ENOTDIR);
    strcpy(g2h(G), "/tmp");
    int32_t d = sc(NR_open, G, O_RDONLY | ARM_O_DIRECTORY | ARM_O_LARGEFILE, 0, 0, 0, 0);
    assert_true(d >= 0);
    /* F_GETFL answers with ARM bits; O_LARGEFILE, which the host forces on
     * every open, is reported clear (as qemu-arm does) */
    uint32_t fl = (uint32_t)sc(NR_fcntl64, d, F_GETFL, 0, 0, 0, 0);
    assert_true(fl & ARM_O_DIRECTORY);
    assert_int_equal(fl & ARM_O_LARGEFILE, 0);
    assert_int_equal(fl & 0200000u, 0); /* no ARM O_DIRECT */
    assert_true(sc(NR_getdents64, d, G + 1024, 2048, 0, 0, 0) > 0);
    assert_int_equal(sc(NR_close, d, 0, 0, 0, 0, 0), 0);
    /* openat with AT_FDCWD (-100) */
    strcpy(g2h(G), tmp_path);
    d = sc(NR_openat, (uint32_t)AT_FDCWD, G, O_RDONLY, 0, 0, 0);
    assert_true(d >= 0);
    close(d);
}

/* F_SETLK64/F_GETLK64 are 13/12 on ARM and take the 32-byte EABI flock64. */
static void test_fcntl64_locks(void **state)
{
    (void)state;
    uint8_t *g = g2h(G);
    memset(g, 0, 32);
    int16_t type = F_WRLCK, whence = SEEK_SET;
    int64_t start = 0x100000000ll, len = 10;
    memcpy(g + 0, &type, 2);
    memcpy(g + 2, &whence, 2);
    memcpy(g + 8, &start, 8);
    memcpy(g + 16, &len, 8);
    assert_int_equal(sc(NR_fcntl64, fd, 13 /* F_SETLK64 */, G, 0, 0, 0), 0);
    /* OFD GETLK from another open file description sees the lock */
    int fd2 = open(tmp_path, O_RDWR);
    assert_true(fd2 >= 0);
    memset(g + 64, 0, 32);
    memcpy(g + 64, &type, 2);
    memcpy(g + 64 + 8, &start, 8);
    memcpy(g + 64 + 16, &len, 8);
    assert_int_equal(sc(NR_fcntl64, fd2, 36 /* F_OFD_GETLK */, G + 64, 0, 0, 0), 0);
    int16_t got_type;
    int32_t pid;
    int64_t got_start;
    memcpy(&got_type, g + 64, 2);
    memcpy(&got_start, g + 64 + 8, 8);
    memcpy(&pid, g + 64 + 24, 4);
    assert_int_equal(got_type, F_WRLCK);
    assert_int_equal(got_start, 0x100000000ll);
    assert_int_equal(pid, getpid());
    close(fd2);
    /* F_GETLK (5, 32-bit struct flock) with a pointer off the end */
    assert_int_equal(sc(NR_fcntl64, fd, 5 /* F_GETLK */, 0xfffffff0u, 0, 0, 0), -EFAULT);
    /* unknown command */
    assert_int_equal(sc(NR_fcntl64, fd, 9999, 0, 0, 0, 0), -EINVAL);
    /* fcntl (55) rejects the *64 commands like the 32-bit kernel */
    assert_int_equal(sc(55, fd, 12, G, 0, 0, 0), -EINVAL);
}

static void test_pipe_dup3(void **state)
{
    (void)state;
    assert_int_equal(sc(NR_pipe, G, 0, 0, 0, 0, 0), 0);
    int fds[2];
    memcpy(fds, g2h(G), 8);
    assert_int_equal(write(fds[1], "x", 1), 1);
    int32_t d = sc(NR_dup3, fds[0], 200, O_CLOEXEC, 0, 0, 0);
    assert_int_equal(d, 200);
    assert_true(fcntl(200, F_GETFD) & FD_CLOEXEC);
    char c;
    assert_int_equal(read(200, &c, 1), 1);
    assert_int_equal(c, 'x');
    close(200);
    close(fds[0]);
    close(fds[1]);
    assert_int_equal(sc(NR_pipe, 0xfffffffcu, 0, 0, 0, 0, 0), -EFAULT);
}

static void test_uname(void **state)
{
    (void)state;
    assert_int_equal(sc(NR_uname, G, 0, 0, 0, 0, 0), 0);
    assert_string_equal((char *)g2h(G) + 4 * 65, "armv7l");
    assert_string_equal((char *)g2h(G), "Linux");
}

/* epoll_event is 16 bytes on ARM EABI (data at offset 8), 12 on x86-64. */
static void test_epoll_layout(void **state)
{
    (void)state;
    int32_t ep = sc(357 /* epoll_create1 */, O_CLOEXEC, 0, 0, 0, 0, 0);
    assert_true(ep >= 0);
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    uint8_t *g = g2h(G);
    uint32_t events = 1 /* EPOLLIN */;
    uint64_t data = 0x1122334455667788ull;
    memset(g, 0, 16);
    memcpy(g, &events, 4);
    memcpy(g + 8, &data, 8);
    assert_int_equal(sc(251 /* epoll_ctl */, ep, 1 /* ADD */, pfd[0], G, 0, 0), 0);
    assert_int_equal(write(pfd[1], "x", 1), 1);
    memset(g + 64, 0xee, 32);
    assert_int_equal(sc(252 /* epoll_wait */, ep, G + 64, 2, 100, 0, 0), 1);
    uint32_t got_events;
    uint64_t got_data;
    memcpy(&got_events, g + 64, 4);
    memcpy(&got_data, g + 72, 8);
    assert_int_equal(got_events, 1);
    assert_int_equal(got_data, 0x1122334455667788ull);
    assert_int_equal(sc(252, ep, G + 64, 0, 0, 0, 0), -EINVAL);
    assert_int_equal(sc(252, ep, 0xfffffff0u, 2, 0, 0, 0), -EFAULT);
    close(pfd[0]);
    close(pfd[1]);
    close(ep);
}

/* openat2's struct open_how: u64 flags with ARM O_* bits, mode, resolve. */
static void test_openat2(void **state)
{
    (void)state;
    strcpy(g2h(G), tmp_path);
    uint64_t how[4] = {O_RDONLY | ARM_O_DIRECTORY, 0, 0, 0};
    memcpy(g2h(G + 256), how, sizeof(how));
    int32_t r = sc(437, (uint32_t)AT_FDCWD, G, G + 256, 24, 0, 0);
    if (r == -ENOSYS)
        skip();
    assert_int_equal(r, -ENOTDIR); /* a file with O_DIRECTORY */
    how[0] = O_RDONLY;
    memcpy(g2h(G + 256), how, sizeof(how));
    r = sc(437, (uint32_t)AT_FDCWD, G, G + 256, 32, 0, 0); /* larger, zero tail */
    assert_true(r >= 0);
    close(r);
    how[3] = 1;
    memcpy(g2h(G + 256), how, sizeof(how));
    assert_int_equal(sc(437, (uint32_t)AT_FDCWD, G, G + 256, 32, 0, 0), -E2BIG);
    assert_int_equal(sc(437, (uint32_t)AT_FDCWD, G, G + 256, 16, 0, 0), -EINVAL);
}

/* ioctl: table entries pass validated pointers (FIONREAD writes 4 bytes,
 * TCGETS on a pipe is the host's -ENOTTY); unknown commands are -ENOTTY. */
static void test_ioctl(void **state)
{
    (void)state;
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    assert_int_equal(write(pfd[1], "abc", 3), 3);
    memset(g2h(G), 0xee, 8);
    assert_int_equal(sc(54, pfd[0], 0x541B /* FIONREAD */, G, 0, 0, 0), 0);
    uint32_t n;
    memcpy(&n, g2h(G), 4);
    assert_int_equal(n, 3);
    assert_int_equal(((uint8_t *)g2h(G))[4], 0xee);
    assert_int_equal(sc(54, pfd[0], 0x541B, 0xfffffffeu, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(54, pfd[0], 0x5401 /* TCGETS */, G, 0, 0, 0), -ENOTTY);
    assert_int_equal(sc(54, pfd[0], 0x5413 /* TIOCGWINSZ */, 0xfffffffcu, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(54, pfd[0], 0x12345678, G, 0, 0, 0), -ENOTTY);
    assert_int_equal(sc(54, pfd[0], 0x5451 /* FIOCLEX */, 0, 0, 0, 0), 0);
    assert_true(fcntl(pfd[0], F_GETFD) & FD_CLOEXEC);
    close(pfd[0]);
    close(pfd[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pread_pwrite_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ftruncate64_truncate64, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fallocate_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_llseek, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fstat64_matches_host, setup, teardown),
        cmocka_unit_test_setup_teardown(test_statfs64_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_arm_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fcntl64_locks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipe_dup3, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uname, setup, teardown),
        cmocka_unit_test_setup_teardown(test_epoll_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_openat2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ioctl, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
