/* Struct conversions of linux/xlat_*.c: each host structure is filled with
 * distinct values, converted, and the guest bytes are read back at the
 * offsets and widths the ARM EABI kernel uses (arch/arm/include/uapi/asm/
 * stat.h, statfs.h; include/uapi/linux/sysinfo.h; compat structures), so a
 * wrong layout or a wrong field fails here even if the C struct looks fine.
 * The offsets were also printed by an arm-linux-gnueabi-gcc program under
 * qemu-arm (stat64 104 bytes, st_size@48, st_blocks@64, st_ino@96;
 * statfs64 84 bytes, f_fsid@48; sysinfo 64 bytes, procs@40, mem_unit@52;
 * flock64 32 bytes, l_start@8, l_pid@24; O_DIRECTORY 040000, O_NOFOLLOW
 * 0100000, O_DIRECT 0200000, O_LARGEFILE 0400000). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "linux/xlat.h"

static uint16_t rd16(const void *b, size_t off) { uint16_t v; memcpy(&v, (const char *)b + off, 2); return v; }
static uint32_t rd32(const void *b, size_t off) { uint32_t v; memcpy(&v, (const char *)b + off, 4); return v; }
static uint64_t rd64(const void *b, size_t off) { uint64_t v; memcpy(&v, (const char *)b + off, 8); return v; }

static void test_stat64(void **state)
{
    (void)state;
    struct stat h;
    memset(&h, 0, sizeof(h));
    h.st_dev = 0x0000000000000801ull;
    h.st_ino = 0x123456789abcdef0ull; /* does not fit 32 bits */
    h.st_mode = 0100644;
    h.st_nlink = 3;
    h.st_uid = 1000;
    h.st_gid = 1001;
    h.st_rdev = 0x0000000000000503ull;
    h.st_size = 0x0000000123456789ll; /* above 4 GiB */
    h.st_blksize = 4096;
    h.st_blocks = 0x0000000200000001ll;
    h.st_atim.tv_sec = 1700000001;
    h.st_atim.tv_nsec = 111;
    h.st_mtim.tv_sec = 1700000002;
    h.st_mtim.tv_nsec = 222;
    h.st_ctim.tv_sec = 1700000003;
    h.st_ctim.tv_nsec = 333;
    struct guest_stat64 g;
    memset(&g, 0xee, sizeof(g));
    xlat_stat64(&g, &h);
    assert_int_equal(sizeof(g), 104);
    assert_int_equal(rd64(&g, 0), 0x801);       /* st_dev */
    assert_int_equal(rd32(&g, 8), 0);           /* __pad0 */
    assert_int_equal(rd32(&g, 12), 0x9abcdef0); /* __st_ino, truncated */
    assert_int_equal(rd32(&g, 16), 0100644);    /* st_mode */
    assert_int_equal(rd32(&g, 20), 3);          /* st_nlink */
    assert_int_equal(rd32(&g, 24), 1000);       /* st_uid */
    assert_int_equal(rd32(&g, 28), 1001);       /* st_gid */
    assert_int_equal(rd64(&g, 32), 0x503);      /* st_rdev */
    assert_int_equal(rd64(&g, 40), 0);          /* __pad3 + EABI hole */
    assert_int_equal(rd64(&g, 48), 0x123456789ull);   /* st_size */
    assert_int_equal(rd32(&g, 56), 4096);             /* st_blksize */
    assert_int_equal(rd32(&g, 60), 0);                /* hole */
    assert_int_equal(rd64(&g, 64), 0x200000001ull);   /* st_blocks */
    assert_int_equal(rd32(&g, 72), 1700000001);
    assert_int_equal(rd32(&g, 76), 111);
    assert_int_equal(rd32(&g, 80), 1700000002);
    assert_int_equal(rd32(&g, 84), 222);
    assert_int_equal(rd32(&g, 88), 1700000003);
    assert_int_equal(rd32(&g, 92), 333);
    assert_int_equal(rd64(&g, 96), 0x123456789abcdef0ull); /* st_ino */
}

static void test_statfs64(void **state)
{
    (void)state;
    struct statfs h;
    memset(&h, 0, sizeof(h));
    h.f_type = 0xef53;
    h.f_bsize = 4096;
    h.f_blocks = 0x100000001ull;
    h.f_bfree = 0x200000002ull;
    h.f_bavail = 0x300000003ull;
    h.f_files = 0x400000004ull;
    h.f_ffree = 0x500000005ull;
    int fsid[2] = {0x11223344, 0x55667788};
    memcpy(&h.f_fsid, fsid, sizeof(fsid));
    h.f_namelen = 255;
    h.f_frsize = 1024;
    h.f_flags = 0x1020;
    struct guest_statfs64 g;
    memset(&g, 0xee, sizeof(g));
    xlat_statfs64(&g, &h);
    assert_int_equal(sizeof(g), 84);
    assert_int_equal(rd32(&g, 0), 0xef53);
    assert_int_equal(rd32(&g, 4), 4096);
    assert_int_equal(rd64(&g, 8), 0x100000001ull);
    assert_int_equal(rd64(&g, 16), 0x200000002ull);
    assert_int_equal(rd64(&g, 24), 0x300000003ull);
    assert_int_equal(rd64(&g, 32), 0x400000004ull);
    assert_int_equal(rd64(&g, 40), 0x500000005ull);
    assert_int_equal(rd32(&g, 48), 0x11223344);
    assert_int_equal(rd32(&g, 52), 0x55667788);
    assert_int_equal(rd32(&g, 56), 255);
    assert_int_equal(rd32(&g, 60), 1024);
    assert_int_equal(rd32(&g, 64), 0x1020);
    for (size_t off = 68; off < 84; off += 4)
        assert_int_equal(rd32(&g, off), 0); /* f_spare */
}

static void test_sysinfo_fits(void **state)
{
    (void)state;
    struct sysinfo h;
    memset(&h, 0, sizeof(h));
    h.uptime = 12345;
    h.loads[0] = 1;
    h.loads[1] = 2;
    h.loads[2] = 3;
    h.totalram = 1000000;
    h.freeram = 500000;
    h.sharedram = 4000;
    h.bufferram = 5000;
    h.totalswap = 6000;
    h.freeswap = 7000;
    h.procs = 321;
    h.totalhigh = 8;
    h.freehigh = 9;
    h.mem_unit = 1;
    struct guest_sysinfo g;
    memset(&g, 0xee, sizeof(g));
    xlat_sysinfo(&g, &h);
    assert_int_equal(sizeof(g), 64);
    assert_int_equal(rd32(&g, 0), 12345);
    assert_int_equal(rd32(&g, 4), 1);
    assert_int_equal(rd32(&g, 8), 2);
    assert_int_equal(rd32(&g, 12), 3);
    assert_int_equal(rd32(&g, 16), 1000000);
    assert_int_equal(rd32(&g, 20), 500000);
    assert_int_equal(rd32(&g, 24), 4000);
    assert_int_equal(rd32(&g, 28), 5000);
    assert_int_equal(rd32(&g, 32), 6000);
    assert_int_equal(rd32(&g, 36), 7000);
    assert_int_equal(rd16(&g, 40), 321);
    assert_int_equal(rd32(&g, 44), 8);
    assert_int_equal(rd32(&g, 48), 9);
    assert_int_equal(rd32(&g, 52), 1); /* mem_unit unchanged */
    assert_int_equal(rd64(&g, 56), 0);
}

/* compat_sys_sysinfo: sizes above 32 bits make mem_unit grow to the page
 * size and every size shift right by the same count (here 12). */
static void test_sysinfo_scaled(void **state)
{
    (void)state;
    struct sysinfo h;
    memset(&h, 0, sizeof(h));
    h.totalram = 16ull << 30; /* 16 GiB in bytes */
    h.freeram = 8ull << 30;
    h.totalswap = 4096 * 3;
    h.mem_unit = 1;
    struct guest_sysinfo g;
    xlat_sysinfo(&g, &h);
    assert_int_equal(g.mem_unit, 4096);
    assert_int_equal(g.totalram, (16ull << 30) >> 12);
    assert_int_equal(g.freeram, (8ull << 30) >> 12);
    assert_int_equal(g.totalswap, 3);
}

static void test_rlimit(void **state)
{
    (void)state;
    struct rlimit h = {8u << 20, RLIM_INFINITY};
    struct guest_rlimit g;
    xlat_rlimit_from_host(&g, &h);
    assert_int_equal(rd32(&g, 0), 8u << 20);
    assert_int_equal(rd32(&g, 4), 0xffffffffu);
    h.rlim_cur = 0x100000000ull; /* finite but too big: reads as infinity */
    xlat_rlimit_from_host(&g, &h);
    assert_int_equal(g.rlim_cur, 0xffffffffu);
    struct guest_rlimit in = {1024, 0xffffffffu};
    xlat_rlimit_to_host(&h, &in);
    assert_int_equal(h.rlim_cur, 1024);
    assert_true(h.rlim_max == RLIM_INFINITY);
    assert_int_equal(sizeof(struct guest_rlimit64), 16);
}

static void test_time_structs(void **state)
{
    (void)state;
    struct timespec ts = {0x12345678, 987654321};
    struct guest_timespec32 g32;
    xlat_timespec32_from_host(&g32, &ts);
    assert_int_equal(rd32(&g32, 0), 0x12345678);
    assert_int_equal(rd32(&g32, 4), 987654321);
    struct guest_timespec32 neg = {-5, 7};
    xlat_timespec32_to_host(&ts, &neg);
    assert_int_equal(ts.tv_sec, -5); /* sign-extended */
    assert_int_equal(ts.tv_nsec, 7);

    struct timespec big = {0x100000005ll, 42};
    struct guest_timespec64 g64;
    xlat_timespec64_from_host(&g64, &big);
    assert_int_equal(rd64(&g64, 0), 0x100000005ull);
    assert_int_equal(rd64(&g64, 8), 42);
    /* a 32-bit task's upper nsec half is ignored by get_timespec64 */
    struct guest_timespec64 in64 = {7, (int64_t)0xdead000000000010ull};
    xlat_timespec64_to_host(&ts, &in64);
    assert_int_equal(ts.tv_sec, 7);
    assert_int_equal(ts.tv_nsec, 16);

    struct timeval tv = {1700000000, 999999};
    struct guest_timeval32 gtv;
    xlat_timeval32_from_host(&gtv, &tv);
    assert_int_equal(rd32(&gtv, 0), 1700000000);
    assert_int_equal(rd32(&gtv, 4), 999999);

    struct tms t = {11, 22, 33, 44};
    struct guest_tms gt;
    xlat_tms(&gt, &t);
    assert_int_equal(rd32(&gt, 0), 11);
    assert_int_equal(rd32(&gt, 4), 22);
    assert_int_equal(rd32(&gt, 8), 33);
    assert_int_equal(rd32(&gt, 12), 44);
}

static void test_rusage(void **state)
{
    (void)state;
    struct rusage h;
    memset(&h, 0, sizeof(h));
    h.ru_utime.tv_sec = 1;
    h.ru_utime.tv_usec = 2;
    h.ru_stime.tv_sec = 3;
    h.ru_stime.tv_usec = 4;
    long *fields = &h.ru_maxrss;
    for (int i = 0; i < 14; i++)
        fields[i] = 100 + i; /* ru_maxrss .. ru_nivcsw are consecutive longs */
    struct guest_rusage g;
    xlat_rusage(&g, &h);
    assert_int_equal(sizeof(g), 72);
    assert_int_equal(rd32(&g, 0), 1);
    assert_int_equal(rd32(&g, 4), 2);
    assert_int_equal(rd32(&g, 8), 3);
    assert_int_equal(rd32(&g, 12), 4);
    for (int i = 0; i < 14; i++)
        assert_int_equal(rd32(&g, 16 + 4 * (size_t)i), 100 + i);
}

static void test_open_flags(void **state)
{
    (void)state;
    /* The four bits ARM moves (arch/arm/include/uapi/asm/fcntl.h). */
    assert_int_equal(xlat_open_flags_to_host(040000), O_DIRECTORY);
    assert_int_equal(xlat_open_flags_to_host(0100000), O_NOFOLLOW);
    assert_int_equal(xlat_open_flags_to_host(0200000), O_DIRECT);
    assert_int_equal(xlat_open_flags_to_host(0400000), 0100000); /* x86-64 O_LARGEFILE */
    assert_int_equal(xlat_open_flags_from_host(O_DIRECTORY), 040000);
    assert_int_equal(xlat_open_flags_from_host(O_NOFOLLOW), 0100000);
    assert_int_equal(xlat_open_flags_from_host(O_DIRECT), 0200000);
    assert_int_equal(xlat_open_flags_from_host(0100000), 0400000);
    /* The shared bits go through untouched. */
    uint32_t same = O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC | O_CLOEXEC |
                    O_NOATIME | O_PATH;
    assert_int_equal(xlat_open_flags_to_host(same), same);
    assert_int_equal(xlat_open_flags_from_host(same), same);
    for (uint32_t bit = 1; bit; bit <<= 1)
        assert_int_equal(xlat_open_flags_from_host(xlat_open_flags_to_host(bit)), bit);
}

static void test_flock(void **state)
{
    (void)state;
    struct guest_flock64 g64 = {F_WRLCK, SEEK_SET, {0}, 0x100000000ll, 77, 0, {0}};
    g64.l_pid = 1234;
    struct flock h;
    xlat_flock64_to_host(&h, &g64);
    assert_int_equal(h.l_type, F_WRLCK);
    assert_int_equal(h.l_start, 0x100000000ll);
    assert_int_equal(h.l_len, 77);
    h.l_pid = 4321;
    struct guest_flock64 out;
    memset(&out, 0xee, sizeof(out));
    xlat_flock64_from_host(&out, &h);
    assert_int_equal(rd16(&out, 0), F_WRLCK);
    assert_int_equal(rd16(&out, 2), SEEK_SET);
    assert_int_equal(rd64(&out, 8), 0x100000000ull);
    assert_int_equal(rd64(&out, 16), 77);
    assert_int_equal(rd32(&out, 24), 4321);

    struct guest_flock g32;
    assert_int_equal(xlat_flock_from_host(&g32, &h), -EOVERFLOW); /* start above 2^31 */
    h.l_start = 10;
    h.l_len = 20;
    assert_int_equal(xlat_flock_from_host(&g32, &h), 0);
    assert_int_equal(sizeof(g32), 16);
    assert_int_equal(rd16(&g32, 0), F_WRLCK);
    assert_int_equal(rd32(&g32, 4), 10);
    assert_int_equal(rd32(&g32, 8), 20);
    assert_int_equal(rd32(&g32, 12), 4321);
}

/* The old struct stat (arch/arm/include/uapi/asm/stat.h, 64 bytes) and the
 * -EOVERFLOW cases of cp_new_stat. */
static void test_stat_old(void **state)
{
    (void)state;
    struct stat h;
    memset(&h, 0, sizeof(h));
    h.st_dev = 0x801;
    h.st_ino = 0x89abcdef;
    h.st_mode = 040755;
    h.st_nlink = 7;
    h.st_uid = 100000; /* above 16 bits: overflow id */
    h.st_gid = 1234;
    h.st_rdev = 0x503;
    h.st_size = 0x7fffffff;
    h.st_blksize = 4096;
    h.st_blocks = 16;
    h.st_atim.tv_sec = 11;
    h.st_atim.tv_nsec = 12;
    h.st_mtim.tv_sec = 13;
    h.st_mtim.tv_nsec = 14;
    h.st_ctim.tv_sec = 15;
    h.st_ctim.tv_nsec = 16;
    struct guest_stat g;
    memset(&g, 0xee, sizeof(g));
    assert_int_equal(xlat_stat_old(&g, &h), 0);
    assert_int_equal(sizeof(g), 64);
    assert_int_equal(rd32(&g, 0), 0x801);
    assert_int_equal(rd32(&g, 4), 0x89abcdef);
    assert_int_equal(rd16(&g, 8), 040755);
    assert_int_equal(rd16(&g, 10), 7);
    assert_int_equal(rd16(&g, 12), 65534);
    assert_int_equal(rd16(&g, 14), 1234);
    assert_int_equal(rd32(&g, 16), 0x503);
    assert_int_equal(rd32(&g, 20), 0x7fffffff);
    assert_int_equal(rd32(&g, 24), 4096);
    assert_int_equal(rd32(&g, 28), 16);
    for (int i = 0; i < 6; i++)
        assert_int_equal(rd32(&g, 32 + 4 * (size_t)i), 11 + i);
    assert_int_equal(rd64(&g, 56), 0);
    h.st_size = 0x80000000ll;
    assert_int_equal(xlat_stat_old(&g, &h), -EOVERFLOW);
    h.st_size = 0;
    h.st_ino = 0x100000000ull;
    assert_int_equal(xlat_stat_old(&g, &h), -EOVERFLOW);
    h.st_ino = 1;
    h.st_nlink = 70000;
    assert_int_equal(xlat_stat_old(&g, &h), -EOVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stat64),        cmocka_unit_test(test_statfs64),   cmocka_unit_test(test_sysinfo_fits),
        cmocka_unit_test(test_sysinfo_scaled), cmocka_unit_test(test_rlimit),    cmocka_unit_test(test_time_structs),
        cmocka_unit_test(test_rusage),        cmocka_unit_test(test_open_flags), cmocka_unit_test(test_flock), cmocka_unit_test(test_stat_old),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
