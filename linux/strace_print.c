/* Argument printers and flag tables for -strace; see strace_print.h. The
 * tables and their order are qemu-arm 7.2's (ARM values), checked against its
 * output by tests/strace: the first matching entry wins and its bits are
 * taken out, what is left is printed in hex, as qemu's print_flags does. */
#include "linux/strace_print.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "base/log.h"
#include "linux/guest_mem.h"

static _Thread_local struct {
    char buf[16384];
    size_t len;
} out;

void strace_flush(void)
{
    FILE *f = log_file();
    if (out.len) {
        fwrite(out.buf, 1, out.len, f);
        out.len = 0;
    }
    fflush(f);
}

void strace_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out.buf + out.len, sizeof out.buf - out.len, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof out.buf - out.len) {
        out.len += (size_t)n;
        return;
    }
    /* Does not fit: write what is buffered, then this piece on its own. */
    strace_flush();
    va_start(ap, fmt);
    vfprintf(log_file(), fmt, ap);
    va_end(ap);
}

bool strace_readable(uint32_t addr, uint32_t len) { return guest_range_ok(addr, len, PROT_READ); }

bool strace_read(void *dst, uint32_t addr, uint32_t len)
{
    if (!guest_range_ok(addr, len, PROT_READ))
        return false;
    memcpy(dst, g2h(addr), len);
    return true;
}

const char *strace_guest_string(uint32_t addr, size_t *len)
{
    uint64_t a = addr;
    size_t n = 0;
    for (;;) {
        if (a > UINT32_MAX || !guest_range_ok((uint32_t)a, 1, PROT_READ))
            return NULL;
        uint32_t in_page = GUEST_PAGE_SIZE - ((uint32_t)a & GUEST_PAGE_MASK);
        const char *s = g2h((uint32_t)a);
        const char *z = memchr(s, 0, in_page);
        if (z) {
            *len = n + (size_t)(z - s);
            return g2h(addr);
        }
        n += in_page;
        a += in_page;
    }
}

void strace_pointer(uint32_t v, int last)
{
    if (v == 0)
        strace_printf("NULL%s", strace_comma(last));
    else
        strace_printf("0x%08x%s", v, strace_comma(last));
}

void strace_int(uint32_t v, int last) { strace_printf("%d%s", (int32_t)v, strace_comma(last)); }

void strace_uint(uint32_t v, int last) { strace_printf("%u%s", v, strace_comma(last)); }

void strace_string(uint32_t addr, int last)
{
    size_t n;
    const char *s = strace_guest_string(addr, &n);
    if (!s) {
        strace_pointer(addr, last);
        return;
    }
    /* qemu prints the bytes as they are, without escaping. */
    strace_printf("\"%.*s\"%s", (int)n, s, strace_comma(last));
}

void strace_flags(const struct strace_flag *f, uint32_t v, int last)
{
    if (v == 0 && f->value == 0) {
        strace_printf("%s%s", f->name, strace_comma(last));
        return;
    }
    const char *sep = "";
    int n = 0;
    for (; f->name; f++) {
        if (f->value != 0 && (v & f->value) == f->value) {
            strace_printf("%s%s", sep, f->name);
            v &= ~f->value;
            sep = "|";
            n++;
        }
    }
    if (n == 0)
        strace_printf("%#x%s", v, strace_comma(last));
    else if (v != 0)
        strace_printf("%s%#x%s", sep, v, strace_comma(last));
    else
        strace_printf("%s", strace_comma(last));
}

void strace_enums(const struct strace_enum *e, uint32_t v, int last)
{
    for (; e->name; e++) {
        if ((uint32_t)e->value == v) {
            strace_printf("%s%s", e->name, strace_comma(last));
            return;
        }
    }
    strace_printf("%#x%s", v, strace_comma(last));
}

void strace_at_dirfd(uint32_t v, int last)
{
    if ((int32_t)v == -100)
        strace_printf("AT_FDCWD%s", strace_comma(last));
    else
        strace_printf("%d%s", (int32_t)v, strace_comma(last));
}

void strace_file_mode(uint32_t mode, int last)
{
    static const struct strace_flag types[] = {
        {0140000, "S_IFSOCK"}, {0120000, "S_IFLNK"}, {0100000, "S_IFREG"}, {0060000, "S_IFBLK"},
        {0040000, "S_IFDIR"},  {0020000, "S_IFCHR"}, {0010000, "S_IFIFO"}, {0, NULL},
    };
    if (mode == 0) {
        strace_printf("000%s", strace_comma(last));
        return;
    }
    const char *sep = "";
    /* The first type whose bits are all set names it (S_IFSOCK wins over
     * S_IFREG for 0140000, as in qemu). */
    for (const struct strace_flag *m = types; m->name; m++) {
        if ((mode & m->value) == m->value) {
            strace_printf("%s", m->name);
            sep = "|";
            mode &= ~m->value;
            break;
        }
    }
    mode &= ~0170000u;
    if (mode != 0)
        strace_printf("%s%#o", sep, mode);
    strace_printf("%s", strace_comma(last));
}

void strace_open_flags(uint32_t v, int last)
{
    static const struct strace_flag access_modes[] = {
        {0, "O_RDONLY"}, {1, "O_WRONLY"}, {2, "O_RDWR"}, {0, NULL},
    };
    /* ARM's values (arch/arm/include/uapi/asm/fcntl.h): O_DIRECTORY,
     * O_NOFOLLOW, O_DIRECT and O_LARGEFILE differ from x86's. */
    static const struct strace_flag open_flags[] = {
        {02000, "O_APPEND"},      {0100, "O_CREAT"},       {040000, "O_DIRECTORY"}, {0200, "O_EXCL"},
        {0400000, "O_LARGEFILE"}, {0400, "O_NOCTTY"},      {0100000, "O_NOFOLLOW"}, {04000, "O_NONBLOCK"},
        {010000, "O_DSYNC"},      {04000000, "__O_SYNC"},  {01000, "O_TRUNC"},      {0200000, "O_DIRECT"},
        {01000000, "O_NOATIME"},  {02000000, "O_CLOEXEC"}, {010000000, "O_PATH"},
        {020040000, "O_TMPFILE"}, {020000000, "__O_TMPFILE"}, {0, NULL},
    };
    strace_flags(access_modes, v & 3, 1);
    v &= ~3u;
    if (v == 0) {
        strace_printf("%s", strace_comma(last));
        return;
    }
    strace_printf("|");
    strace_flags(open_flags, v, last);
}

/* qemu-arm 7.2 names the signals 1..31; others print as numbers. */
static const char *const signal_names[32] = {
    NULL,       "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGIOT",  "SIGBUS",
    "SIGFPE",   "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",   "SIGPIPE", "SIGALRM", "SIGTERM",
    "SIGSTKFLT", "SIGCHLD", "SIGCONT",  "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU", "SIGURG",
    "SIGXCPU",  "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",   "SIGPWR",  "SIGSYS",
};

void strace_signal(uint32_t v, int last)
{
    if (v < 32 && signal_names[v])
        strace_printf("%s%s", signal_names[v], strace_comma(last));
    else
        strace_printf("%u%s", v, strace_comma(last));
}

void strace_timespec(uint32_t addr, int last)
{
    int32_t ts[2];
    if (addr == 0)
        strace_printf("NULL%s", strace_comma(last));
    else if (!strace_read(ts, addr, sizeof ts))
        strace_pointer(addr, last);
    else
        strace_printf("{tv_sec = %d,tv_nsec = %d}%s", ts[0], ts[1], strace_comma(last));
}

void strace_timespec64(uint32_t addr, int last)
{
    int64_t ts[2];
    if (addr == 0)
        strace_printf("NULL%s", strace_comma(last));
    else if (!strace_read(ts, addr, sizeof ts))
        strace_pointer(addr, last);
    else
        strace_printf("{tv_sec = %" PRId64 ",tv_nsec = %" PRId64 "}%s", ts[0], ts[1], strace_comma(last));
}

void strace_timeval(uint32_t addr, int last)
{
    int32_t tv[2];
    if (addr == 0)
        strace_printf("NULL%s", strace_comma(last));
    else if (!strace_read(tv, addr, sizeof tv))
        strace_pointer(addr, last);
    else
        strace_printf("{tv_sec = %d,tv_usec = %d}%s", tv[0], tv[1], strace_comma(last));
}

void strace_timezone(uint32_t addr, int last)
{
    int32_t tz[2];
    if (addr == 0)
        strace_printf("NULL%s", strace_comma(last));
    else if (!strace_read(tz, addr, sizeof tz))
        strace_pointer(addr, last);
    else
        strace_printf("{%d,%d}%s", tz[0], tz[1], strace_comma(last));
}

void strace_number(uint32_t addr, int last)
{
    int32_t v = 0;
    if (addr == 0) {
        strace_printf("NULL%s", strace_comma(last));
        return;
    }
    /* qemu prints what get_user_s32 left in its variable, 0 on a fault. */
    (void)strace_read(&v, addr, sizeof v);
    strace_printf("[%d]%s", v, strace_comma(last));
}

const struct strace_flag strace_access_flags[] = {
    {0, "F_OK"}, {4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}, {0, NULL},
};

const struct strace_flag strace_at_file_flags[] = {
    {0x200, "AT_EACCESS"}, {0x100, "AT_SYMLINK_NOFOLLOW"}, {0, NULL},
};

const struct strace_flag strace_unlinkat_flags[] = {
    {0x200, "AT_REMOVEDIR"}, {0, NULL},
};

const struct strace_flag strace_mmap_prot_flags[] = {
    {0, "PROT_NONE"},    {4, "PROT_EXEC"},     {1, "PROT_READ"},    {2, "PROT_WRITE"},
    {8, "PROT_SEM"},     {0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"}, {0, NULL},
};

const struct strace_flag strace_mmap_flags[] = {
    {0x01, "MAP_SHARED"},      {0x02, "MAP_PRIVATE"},       {0x20, "MAP_ANONYMOUS"},
    {0x0800, "MAP_DENYWRITE"}, {0x10, "MAP_FIXED"},         {0x0100, "MAP_GROWSDOWN"},
    {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"},     {0x10000, "MAP_NONBLOCK"},
    {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"},    {0x4000000, "MAP_UNINITIALIZED"},
    {0, NULL},
};

const struct strace_flag strace_clone_flags[] = {
    {0x00000100, "CLONE_VM"},           {0x00000200, "CLONE_FS"},
    {0x00000400, "CLONE_FILES"},        {0x00000800, "CLONE_SIGHAND"},
    {0x00002000, "CLONE_PTRACE"},       {0x00004000, "CLONE_VFORK"},
    {0x00008000, "CLONE_PARENT"},       {0x00010000, "CLONE_THREAD"},
    {0x00020000, "CLONE_NEWNS"},        {0x00040000, "CLONE_SYSVSEM"},
    {0x00080000, "CLONE_SETTLS"},       {0x00100000, "CLONE_PARENT_SETTID"},
    {0x00200000, "CLONE_CHILD_CLEARTID"}, {0x00400000, "CLONE_DETACHED"},
    {0x00800000, "CLONE_UNTRACED"},     {0x01000000, "CLONE_CHILD_SETTID"},
    {0x04000000, "CLONE_NEWUTS"},       {0x08000000, "CLONE_NEWIPC"},
    {0x10000000, "CLONE_NEWUSER"},      {0x20000000, "CLONE_NEWPID"},
    {0x40000000, "CLONE_NEWNET"},       {0x02000000, "CLONE_NEWCGROUP"},
    {0x00000080, "CLONE_NEWTIME"},      {0x80000000, "CLONE_IO"},
    {0, NULL},
};

const struct strace_flag strace_statx_flags[] = {
    {0x1000, "AT_EMPTY_PATH"},       {0x800, "AT_NO_AUTOMOUNT"},     {0x100, "AT_SYMLINK_NOFOLLOW"},
    {0, "AT_STATX_SYNC_AS_STAT"},    {0x2000, "AT_STATX_FORCE_SYNC"}, {0x4000, "AT_STATX_DONT_SYNC"},
    {0, NULL},
};

const struct strace_flag strace_statx_mask[] = {
    {0xfff, "STATX_ALL"},   {0x7ff, "STATX_BASIC_STATS"}, {0x1, "STATX_TYPE"},    {0x2, "STATX_MODE"},
    {0x4, "STATX_NLINK"},   {0x8, "STATX_UID"},           {0x10, "STATX_GID"},    {0x20, "STATX_ATIME"},
    {0x40, "STATX_MTIME"},  {0x80, "STATX_CTIME"},        {0x100, "STATX_INO"},   {0x200, "STATX_SIZE"},
    {0x400, "STATX_BLOCKS"}, {0x800, "STATX_BTIME"},      {0, NULL},
};

const struct strace_flag strace_mount_flags[] = {
    {4096, "MS_BIND"},    {128, "MS_DIRSYNC"},  {64, "MS_MANDLOCK"}, {8192, "MS_MOVE"},
    {1024, "MS_NOATIME"}, {4, "MS_NODEV"},      {2048, "MS_NODIRATIME"}, {8, "MS_NOEXEC"},
    {2, "MS_NOSUID"},     {1, "MS_RDONLY"},     {1 << 21, "MS_RELATIME"}, {32, "MS_REMOUNT"},
    {16, "MS_SYNCHRONOUS"}, {0, NULL},
};

const struct strace_flag strace_umount2_flags[] = {
    {1, "MNT_FORCE"}, {2, "MNT_DETACH"}, {4, "MNT_EXPIRE"}, {0, NULL},
};

const struct strace_flag strace_falloc_flags[] = {
    {0x01, "FALLOC_FL_KEEP_SIZE"},      {0x02, "FALLOC_FL_PUNCH_HOLE"},   {0x04, "FALLOC_FL_NO_HIDE_STALE"},
    {0x08, "FALLOC_FL_COLLAPSE_RANGE"}, {0x10, "FALLOC_FL_ZERO_RANGE"},   {0x20, "FALLOC_FL_INSERT_RANGE"},
    {0x40, "FALLOC_FL_UNSHARE_RANGE"},  {0, NULL},
};

const struct strace_flag strace_mlockall_flags[] = {
    {1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}, {0, NULL},
};

const struct strace_enum strace_clockids[] = {
    {0, "CLOCK_REALTIME"},         {1, "CLOCK_MONOTONIC"},        {2, "CLOCK_PROCESS_CPUTIME_ID"},
    {3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"},   {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"},         {8, "CLOCK_REALTIME_ALARM"},
    {9, "CLOCK_BOOTTIME_ALARM"},   {10, "CLOCK_SGI_CYCLE"},       {11, "CLOCK_TAI"},
    {0, NULL},
};

const struct strace_enum strace_itimer_types[] = {
    {0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}, {0, NULL},
};

const struct strace_enum strace_madvise_advice[] = {
    {0, "MADV_NORMAL"},        {1, "MADV_RANDOM"},          {2, "MADV_SEQUENTIAL"},
    {3, "MADV_WILLNEED"},      {4, "MADV_DONTNEED"},        {8, "MADV_FREE"},
    {9, "MADV_REMOVE"},        {10, "MADV_DONTFORK"},       {11, "MADV_DOFORK"},
    {12, "MADV_MERGEABLE"},    {13, "MADV_UNMERGEABLE"},    {14, "MADV_HUGEPAGE"},
    {15, "MADV_NOHUGEPAGE"},   {16, "MADV_DONTDUMP"},       {17, "MADV_DODUMP"},
    {18, "MADV_WIPEONFORK"},   {19, "MADV_KEEPONFORK"},     {20, "MADV_COLD"},
    {21, "MADV_PAGEOUT"},      {22, "MADV_POPULATE_READ"},  {23, "MADV_POPULATE_WRITE"},
    {24, "MADV_DONTNEED_LOCKED"}, {0, NULL},
};
