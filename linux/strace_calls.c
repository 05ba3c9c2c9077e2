/* The -strace call printers, one per argument layout of qemu-arm 7.2's
 * strace (see linux/strace_calls.h). Quirks of qemu's output are reproduced
 * on purpose, because the point of the format is that a trace can be diffed
 * against qemu-arm's: rmdir's trailing comma, futex printing uaddr2 twice,
 * execve stopping at the first unreadable pointer, fcntl F_SETOWN's extra
 * comma. Guest memory is only read through linux/strace_print.h. */
#include "linux/strace_calls.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "linux/strace_print.h"

void p_str(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 1);
    strace_printf(")");
}

/* qemu's rmdir printer passes last=0: "rmdir("d",)". */
void p_rmdir(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_printf(")");
}

void p_str_str(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_string(a[1], 1);
    strace_printf(")");
}

void p_str_ptr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_pointer(a[1], 1);
    strace_printf(")");
}

void p_str_mode(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_file_mode(a[1], 1);
    strace_printf(")");
}

void p_fd_str(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_string(a[1], 1);
    strace_printf(")");
}

void p_fd_ptr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_pointer(a[1], 1);
    strace_printf(")");
}

void p_ptr_ptr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_pointer(a[0], 0);
    strace_pointer(a[1], 1);
    strace_printf(")");
}

void p_accept(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_pointer(a[1], 0);
    strace_number(a[2], 1);
    strace_printf(")");
}

void p_access(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_flags(strace_access_flags, a[1], 1);
    strace_printf(")");
}

void p_faccessat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_flags(strace_access_flags, a[2], 0);
    strace_flags(strace_at_file_flags, a[3], 1);
    strace_printf(")");
}

void p_brk(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_pointer(a[0], 1);
    strace_printf(")");
}

void p_chown(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_int(a[1], 0);
    strace_int(a[2], 1);
    strace_printf(")");
}

void p_clock_ptr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_enums(strace_clockids, a[0], 0);
    strace_pointer(a[1], 1);
    strace_printf(")");
}

void p_clock_settime(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_enums(strace_clockids, a[0], 0);
    strace_timespec(a[1], 1);
    strace_printf(")");
}

void p_clock_nanosleep(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_enums(strace_clockids, a[0], 0);
    strace_int(a[1], 0);
    strace_timespec(a[2], 0);
    strace_timespec(a[3], 1);
    strace_printf(")");
}

/* ARM passes clone(flags, stack, parent_tid, tls, child_tid). */
void p_clone(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_flags(strace_clone_flags, a[0], 0);
    strace_printf("child_stack=0x%08x,parent_tidptr=0x%08x,tls=0x%08x,child_tidptr=0x%08x)", a[1], a[2], a[3], a[4]);
}

/* qemu 7.2 prints the path and argv (not envp), and stops printing (without
 * closing the line) at the first pointer it cannot read. */
void p_execve(const char *n, const uint32_t a[7])
{
    size_t len;
    const char *s = strace_guest_string(a[0], &len);
    if (!s)
        return;
    strace_printf("%s(\"%.*s\",{", n, (int)len, s);
    for (uint64_t p = a[1]; p <= UINT32_MAX - 3; p += 4) {
        uint32_t arg;
        if (!strace_read(&arg, (uint32_t)p, 4))
            return;
        if (arg == 0)
            break;
        if ((s = strace_guest_string(arg, &len)))
            strace_printf("\"%.*s\",", (int)len, s);
    }
    strace_printf("NULL})");
}

void p_fallocate(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_flags(strace_falloc_flags, a[1], 0);
    strace_printf("%" PRIu64 ",%" PRIu64 ")", (uint64_t)a[2] | (uint64_t)a[3] << 32,
               (uint64_t)a[4] | (uint64_t)a[5] << 32);
}

void p_fchmodat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_file_mode(a[2], 0);
    strace_flags(strace_at_file_flags, a[3], 1);
    strace_printf(")");
}

void p_fchownat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_int(a[2], 0);
    strace_int(a[3], 0);
    strace_flags(strace_at_file_flags, a[4], 1);
    strace_printf(")");
}

void p_fcntl(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    switch (a[1]) {
    case 0: strace_printf("F_DUPFD,"); strace_int(a[2], 1); break;
    case 1: strace_printf("F_GETFD"); break;
    case 2: strace_printf("F_SETFD,"); strace_int(a[2], 1); break;
    case 3: strace_printf("F_GETFL"); break;
    case 4: strace_printf("F_SETFL,"); strace_open_flags(a[2], 1); break;
    case 5: strace_printf("F_GETLK,"); strace_pointer(a[2], 1); break;
    case 6: strace_printf("F_SETLK,"); strace_pointer(a[2], 1); break;
    case 7: strace_printf("F_SETLKW,"); strace_pointer(a[2], 1); break;
    case 8: strace_printf("F_SETOWN,"); strace_int(a[2], 0); break;
    case 9: strace_printf("F_GETOWN"); break;
    case 10: strace_printf("F_SETSIG,"); strace_int(a[2], 0); break;
    case 11: strace_printf("F_GETSIG"); break;
    case 12: strace_printf("F_GETLK64,"); strace_pointer(a[2], 1); break;
    case 13: strace_printf("F_SETLK64,"); strace_pointer(a[2], 1); break;
    case 14: strace_printf("F_SETLKW64,"); strace_pointer(a[2], 1); break;
    case 15: strace_printf("F_SETOWN_EX,"); strace_pointer(a[2], 1); break;
    case 16: strace_printf("F_GETOWN_EX,"); strace_pointer(a[2], 1); break;
    case 1024: strace_printf("F_SETLEASE,"); strace_int(a[2], 1); break;
    case 1025: strace_printf("F_GETLEASE"); break;
    case 1026: strace_printf("F_NOTIFY,"); strace_int(a[2], 1); break;
    case 1030: strace_printf("F_DUPFD_CLOEXEC,"); strace_int(a[2], 1); break;
    case 1031: strace_printf("F_SETPIPE_SZ,"); strace_int(a[2], 1); break;
    case 1032: strace_printf("F_GETPIPE_SZ"); break;
    case 1033: strace_printf("F_ADD_SEALS,0x%08x", a[2]); break;
    case 1034: strace_printf("F_GET_SEALS"); break;
    default:
        strace_int(a[1], 0);
        strace_pointer(a[2], 1);
        break;
    }
    strace_printf(")");
}

void p_fgetxattr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_string(a[1], 0);
    strace_pointer(a[2], 0);
    strace_uint(a[3], 1);
    strace_printf(")");
}

void p_flistxattr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_pointer(a[1], 0);
    strace_uint(a[2], 1);
    strace_printf(")");
}

void p_getxattr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_string(a[1], 0);
    strace_pointer(a[2], 0);
    strace_uint(a[3], 1);
    strace_printf(")");
}

void p_listxattr(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_pointer(a[1], 0);
    strace_uint(a[2], 1);
    strace_printf(")");
}

/* 64-bit lengths come in an aligned register pair (a[2], a[3]) on ARM EABI. */
void p_ftruncate64(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_printf("%" PRIu64 ")", (uint64_t)a[2] | (uint64_t)a[3] << 32);
}

void p_truncate64(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_printf("%" PRIu64 ")", (uint64_t)a[2] | (uint64_t)a[3] << 32);
}

void p_truncate(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_int(a[1], 1);
    strace_printf(")");
}

void p_futex(const char *n, const uint32_t a[7])
{
    static const char *const ops[] = {
        "FUTEX_WAIT",        "FUTEX_WAKE",           "FUTEX_FD",            "FUTEX_REQUEUE",
        "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP",        "FUTEX_LOCK_PI",       "FUTEX_UNLOCK_PI",
        "FUTEX_TRYLOCK_PI",  "FUTEX_WAIT_BITSET",    "FUTEX_WAKE_BITSET",   "FUTEX_WAIT_REQUEUE_PI",
        "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2",
    };
    uint32_t cmd = a[1], base = cmd & ~(128u | 256u);
    strace_printf("%s(", n);
    strace_pointer(a[0], 0);
    if (base < sizeof ops / sizeof ops[0])
        strace_printf("%s%s%s", cmd & 128 ? "FUTEX_PRIVATE_FLAG|" : "", cmd & 256 ? "FUTEX_CLOCK_REALTIME|" : "",
                   ops[base]);
    else
        strace_printf("0x%x", cmd);
    strace_printf(",%d,", (int32_t)a[2]);
    switch (base) {
    case 0:  /* FUTEX_WAIT */
    case 6:  /* FUTEX_LOCK_PI */
    case 9:  /* FUTEX_WAIT_BITSET */
    case 11: /* FUTEX_WAIT_REQUEUE_PI */
    case 13: /* FUTEX_LOCK_PI2 */
        strace_timespec(a[3], 0);
        break;
    default: strace_pointer(a[3], 0); break;
    }
    /* qemu prints uaddr2 twice (as a pointer, then as a number) and never val3. */
    strace_pointer(a[4], 0);
    strace_int(a[4], 1);
    strace_printf(")");
}

void p_futimesat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_timeval(a[2], 0);
    strace_timeval(a[2] + 8, 1);
    strace_printf(")");
}

void strace_itimerval(uint32_t addr, int last)
{
    if (addr == 0) {
        strace_printf("NULL%s", strace_comma(last));
        return;
    }
    strace_printf("{it_interval=");
    strace_timeval(addr, 0);
    strace_printf("it_value=");
    strace_timeval(addr + 8, 0);
    strace_printf("}%s", strace_comma(last));
}

void p_getitimer(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_enums(strace_itimer_types, a[0], 0);
    strace_pointer(a[1], 1);
    strace_printf(")");
}

void p_setitimer(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_enums(strace_itimer_types, a[0], 0);
    strace_itimerval(a[1], 0);
    strace_pointer(a[2], 1);
    strace_printf(")");
}

void p_settimeofday(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_timeval(a[0], 0);
    strace_timezone(a[1], 1);
    strace_printf(")");
}

void p_ioctl(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_ioctl_args(a);
    strace_printf(")");
}

void p_kill(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_signal(a[1], 1);
    strace_printf(")");
}

void p_tgkill(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_int(a[1], 0);
    strace_signal(a[2], 1);
    strace_printf(")");
}

void p_linkat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_at_dirfd(a[2], 0);
    strace_string(a[3], 0);
    strace_flags(strace_at_file_flags, a[4], 1);
    strace_printf(")");
}

static const char *whence_name(uint32_t w)
{
    switch (w) {
    case 0: return "SEEK_SET";
    case 1: return "SEEK_CUR";
    case 2: return "SEEK_END";
    case 3: return "SEEK_DATA";
    case 4: return "SEEK_HOLE";
    default: return NULL;
    }
}

void p__llseek(const char *n, const uint32_t a[7])
{
    const char *w = a[4] <= 2 ? whence_name(a[4]) : NULL;
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    /* qemu prints the two halves with "%ld" of 32-bit values that reach
     * printf zero-extended: unsigned, in effect. */
    strace_printf("%u,%u,", a[1], a[2]);
    strace_pointer(a[3], 0);
    strace_printf("%s)", w ? w : "UNKNOWN");
}

void p_lseek(const char *n, const uint32_t a[7])
{
    const char *w = whence_name(a[2]);
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_int(a[1], 0);
    if (w)
        strace_printf("%s)", w);
    else
        strace_printf("%#x)", a[2]);
}

void p_madvise(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_pointer(a[0], 0);
    strace_int(a[1], 0);
    strace_enums(strace_madvise_advice, a[2], 1);
    strace_printf(")");
}

void p_mkdirat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_file_mode(a[2], 1);
    strace_printf(")");
}

/* makedev(major, minor) as glibc's macros split the (sign-extended) dev_t. */
static void print_makedev(uint32_t dev)
{
    uint64_t d = (uint64_t)(int64_t)(int32_t)dev;
    unsigned maj = (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffu));
    unsigned min = (unsigned)((d & 0xff) | ((d >> 12) & ~0xffu));
    strace_printf(",makedev(%d,%d)", (int)maj, (int)min);
}

void p_mknod(const char *n, const uint32_t a[7])
{
    bool dev = (a[1] & (0020000 | 0060000)) != 0;
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_file_mode(a[1], 1);
    if (dev)
        print_makedev(a[2]);
    strace_printf(")");
}

void p_mknodat(const char *n, const uint32_t a[7])
{
    bool dev = (a[2] & (0020000 | 0060000)) != 0;
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_file_mode(a[2], 1);
    if (dev)
        print_makedev(a[3]);
    strace_printf(")");
}

void p_mlockall(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_flags(strace_mlockall_flags, a[0], 1);
    strace_printf(")");
}

static void print_mmap_args(const char *n, const uint32_t v[6])
{
    strace_printf("%s(", n);
    strace_pointer(v[0], 0);
    strace_int(v[1], 0);
    strace_flags(strace_mmap_prot_flags, v[2], 0);
    strace_flags(strace_mmap_flags, v[3], 0);
    strace_int(v[4], 0);
    strace_printf("%#x)", v[5]);
}

void p_mmap(const char *n, const uint32_t a[7]) { print_mmap_args(n, a); }

/* The old mmap (90) takes a pointer to its six arguments; qemu prints
 * nothing at all when it cannot read them. */
void p_old_mmap(const char *n, const uint32_t a[7])
{
    uint32_t v[6];
    if (strace_read(v, a[0], sizeof v))
        print_mmap_args(n, v);
}

void p_mount(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_string(a[1], 0);
    strace_string(a[2], 0);
    strace_flags(strace_mount_flags, a[3], 0);
    strace_pointer(a[4], 1);
    strace_printf(")");
}

void p_mprotect(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_pointer(a[0], 0);
    strace_int(a[1], 0);
    strace_flags(strace_mmap_prot_flags, a[2], 1);
    strace_printf(")");
}

void p_munmap(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_pointer(a[0], 0);
    strace_int(a[1], 1);
    strace_printf(")");
}

void p_mq_open(const char *n, const uint32_t a[7])
{
    bool creat = (a[1] & 0100) != 0;
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_open_flags(a[1], !creat);
    if (creat) {
        strace_file_mode(a[2], 0);
        strace_pointer(a[3], 1);
    }
    strace_printf(")");
}

void p_fstatat64(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_pointer(a[2], 0);
    strace_flags(strace_at_file_flags, a[3], 1);
    strace_printf(")");
}

void p_open(const char *n, const uint32_t a[7])
{
    bool creat = (a[1] & 0100) != 0;
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_open_flags(a[1], !creat);
    if (creat)
        strace_file_mode(a[2], 1);
    strace_printf(")");
}

void p_openat(const char *n, const uint32_t a[7])
{
    bool creat = (a[2] & 0100) != 0;
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_open_flags(a[2], !creat);
    if (creat)
        strace_file_mode(a[3], 1);
    strace_printf(")");
}

void p_readlink(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_pointer(a[1], 0);
    strace_uint(a[2], 1);
    strace_printf(")");
}

void p_readlinkat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_pointer(a[2], 0);
    strace_uint(a[3], 1);
    strace_printf(")");
}

void p_renameat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_at_dirfd(a[2], 0);
    strace_string(a[3], 1);
    strace_printf(")");
}

void p_rt_sigaction(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_signal(a[0], 0);
    strace_pointer(a[1], 0);
    strace_pointer(a[2], 1);
    strace_printf(")");
}

/* qemu 7.2 prints both sets as pointers and not the size. */
void p_rt_sigprocmask(const char *n, const uint32_t a[7])
{
    const char *how = a[0] == 0 ? "SIG_BLOCK" : a[0] == 1 ? "SIG_UNBLOCK" : a[0] == 2 ? "SIG_SETMASK" : "UNKNOWN";
    strace_printf("%s(%s,", n, how);
    strace_pointer(a[1], 0);
    strace_pointer(a[2], 1);
    strace_printf(")");
}

static void print_socket_type(uint32_t type)
{
    static const char *const types[16] = {
        [1] = "SOCK_STREAM", [2] = "SOCK_DGRAM", [3] = "SOCK_RAW", [4] = "SOCK_RDM",
        [5] = "SOCK_SEQPACKET", [10] = "SOCK_PACKET",
    };
    if (types[type & 0xf])
        strace_printf("%s", types[type & 0xf]);
    if (type & 02000000)
        strace_printf("|SOCK_CLOEXEC");
    if (type & 04000)
        strace_printf("|SOCK_NONBLOCK");
}

void p_socket(const char *n, const uint32_t a[7])
{
    int32_t domain = (int32_t)a[0], type = (int32_t)a[1], proto = (int32_t)a[2];
    strace_printf("%s(", n);
    switch (domain) {
    case 1: strace_printf("PF_UNIX"); break;
    case 2: strace_printf("PF_INET"); break;
    case 16: strace_printf("PF_NETLINK"); break;
    case 17: strace_printf("PF_PACKET"); break;
    default: strace_printf("%d", domain); break;
    }
    strace_printf(",");
    print_socket_type((uint32_t)type);
    strace_printf(",");
    const char *name = NULL;
    if (domain == 17 || (domain == 2 && type == 10)) {
        if (proto == 3)
            name = "ETH_P_ALL";
    } else if (domain == 16) {
        /* the netlink protocols qemu-arm 7.2 names */
        switch (proto) {
        case 0: name = "NETLINK_ROUTE"; break;
        case 9: name = "NETLINK_AUDIT"; break;
        case 12: name = "NETLINK_NETFILTER"; break;
        case 15: name = "NETLINK_KOBJECT_UEVENT"; break;
        case 20: name = "NETLINK_RDMA"; break;
        case 21: name = "NETLINK_CRYPTO"; break;
        }
    } else {
        switch (proto) {
        case 0: name = "IPPROTO_IP"; break;
        case 6: name = "IPPROTO_TCP"; break;
        case 17: name = "IPPROTO_UDP"; break;
        case 255: name = "IPPROTO_RAW"; break;
        }
    }
    if (name)
        strace_printf("%s)", name);
    else
        strace_printf("%d)", proto);
}

void p_symlinkat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_at_dirfd(a[1], 0);
    strace_string(a[2], 1);
    strace_printf(")");
}

void p_syslog(const char *n, const uint32_t a[7])
{
    static const char *const actions[] = {
        "SYSLOG_ACTION_CLOSE",       "SYSLOG_ACTION_OPEN",        "SYSLOG_ACTION_READ",
        "SYSLOG_ACTION_READ_ALL",    "SYSLOG_ACTION_READ_CLEAR",  "SYSLOG_ACTION_CLEAR",
        "SYSLOG_ACTION_CONSOLE_OFF", "SYSLOG_ACTION_CONSOLE_ON",  "SYSLOG_ACTION_CONSOLE_LEVEL",
        "SYSLOG_ACTION_SIZE_UNREAD", "SYSLOG_ACTION_SIZE_BUFFER",
    };
    strace_printf("%s(", n);
    if (a[0] < sizeof actions / sizeof actions[0])
        strace_printf("%s,", actions[a[0]]);
    else
        strace_printf("%u,", a[0]); /* "%ld" of a zero-extended value, as in _llseek */
    strace_pointer(a[1], 0);
    strace_int(a[2], 1);
    strace_printf(")");
}

void p_umount2(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_string(a[0], 0);
    strace_flags(strace_umount2_flags, a[1], 1);
    strace_printf(")");
}

void p_unlinkat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_flags(strace_unlinkat_flags, a[2], 1);
    strace_printf(")");
}

void p_unshare(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_flags(strace_clone_flags, a[0], 1);
    strace_printf(")");
}

void p_utimensat(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_pointer(a[2], 0);
    strace_flags(strace_at_file_flags, a[3], 1);
    strace_printf(")");
}

void p_statx(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_at_dirfd(a[0], 0);
    strace_string(a[1], 0);
    strace_flags(strace_statx_flags, a[2], 0);
    strace_flags(strace_statx_mask, a[3], 0);
    strace_pointer(a[4], 1);
    strace_printf(")");
}

/* qemu 7.2 prints an fd set from bit n down to bit 0, and stops without the
 * closing bracket if it cannot read the set. */
void strace_fdset(int32_t n, uint32_t addr)
{
    strace_printf("[");
    if (addr) {
        uint32_t words = (uint32_t)(n / 32 + 1);
        uint32_t bits[64];
        if (n < 0 || words > 64 || !strace_read(bits, addr, words * 4))
            return;
        bool first = true;
        for (int32_t i = n; i >= 0; i--) {
            if ((bits[i / 32] >> (i & 31)) & 1) {
                strace_printf("%s%d", first ? "" : ",", i);
                first = false;
            }
        }
    }
    strace_printf("]");
}

void strace_select_sets(const uint32_t a[7])
{
    strace_fdset((int32_t)a[0], a[1]);
    strace_printf(",");
    strace_fdset((int32_t)a[0], a[2]);
    strace_printf(",");
    strace_fdset((int32_t)a[0], a[3]);
    strace_printf(",");
    strace_timeval(a[4], 1);
}

/* qemu prints no nfds, only the three sets and the timeout. */
void p_newselect(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_select_sets(a);
    strace_printf(")");
}

static void print_si_code(int32_t code)
{
    switch (code) {
    case 0: strace_printf("SI_USER"); break;
    case 0x80: strace_printf("SI_KERNEL"); break;
    case -1: strace_printf("SI_QUEUE"); break;
    case -2: strace_printf("SI_TIMER"); break;
    case -3: strace_printf("SI_MESGQ"); break;
    case -4: strace_printf("SI_ASYNCIO"); break;
    case -5: strace_printf("SI_SIGIO"); break;
    case -6: strace_printf("SI_TKILL"); break;
    default: strace_printf("%d", code); break;
    }
}

/* A guest siginfo_t at addr, classified as qemu does: kill-like codes carry
 * pid and uid; otherwise SIGCHLD, SIGIO and everything else (a queued signal)
 * have their own fields. The pointer if unreadable. */
static void print_siginfo(uint32_t addr, int last)
{
    int32_t f[8];
    if (!strace_read(f, addr, sizeof f)) {
        strace_pointer(addr, last);
        return;
    }
    int32_t sig = f[0], code = f[2];
    strace_printf("{si_signo=");
    strace_signal((uint32_t)sig, 1);
    strace_printf(", si_code=");
    print_si_code((int16_t)code);
    if (code == 0 || code == -6 || code == 0x80)
        strace_printf(", si_pid=%u, si_uid=%u", (uint32_t)f[3], (uint32_t)f[4]);
    else if (sig == 17)
        strace_printf(", si_pid=%u, si_uid=%u, si_status=%d, si_utime=%d, si_stime=%d", (uint32_t)f[3],
                      (uint32_t)f[4], f[5], f[6], f[7]);
    else if (sig == 29)
        strace_printf(", si_band=%d, si_fd=%d", f[3], f[4]);
    else
        strace_printf(", si_pid=%u, si_uid=%u, si_sigval=%d", (uint32_t)f[3], (uint32_t)f[4], f[5]);
    strace_printf("}");
}

void p_rt_sigqueueinfo(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_signal(a[1], 0);
    print_siginfo(a[2], 1);
    strace_printf(")");
}

void p_rt_tgsigqueueinfo(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_int(a[1], 0);
    strace_signal(a[2], 0);
    print_siginfo(a[3], 1);
    strace_printf(")");
}

void p_pidfd_send_signal(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    strace_signal(a[1], 0);
    print_siginfo(a[2], 0);
    strace_uint(a[3], 1);
    strace_printf(")");
}

/* qemu 7.2's print_sockaddr: the address, then ", LEN" (after a pointer too,
 * which keeps its own comma: "0x00000010,, 16"). */
static void print_sockaddr(uint32_t addr, uint32_t len, int last)
{
    uint8_t sa[128];
    uint32_t n = len < sizeof sa ? len : sizeof sa;
    /* qemu reads the whole length (and the first 16 bytes whatever it is) */
    memset(sa, 0, sizeof sa);
    if (len == 0 || !strace_readable(addr, len) || !strace_read(sa, addr, n)) {
        strace_pointer(addr, 0);
    } else {
        uint16_t family = (uint16_t)(sa[0] | sa[1] << 8);
        switch (family) {
        case 1: /* AF_UNIX */
            strace_printf("{sun_family=AF_UNIX,sun_path=\"");
            for (uint32_t i = 2; i < n && sa[i]; i++)
                strace_printf("%c", sa[i]);
            strace_printf("\"}");
            break;
        case 2: /* AF_INET: port in network order */
            strace_printf("{sin_family=AF_INET,sin_port=htons(%d),sin_addr=inet_addr(\"%d.%d.%d.%d\")}",
                          sa[2] << 8 | sa[3], sa[4], sa[5], sa[6], sa[7]);
            break;
        case 16: { /* AF_NETLINK */
            uint32_t pid, groups;
            memcpy(&pid, sa + 4, 4);
            memcpy(&groups, sa + 8, 4);
            strace_printf("{nl_family=AF_NETLINK,nl_pid=%u,nl_groups=%u}", pid, groups);
            break;
        }
        default:
            strace_printf("{sa_family=%d, sa_data={", family);
            for (int i = 0; i < 13; i++)
                strace_printf("%02x, ", sa[2 + i]);
            strace_printf("%02x}}", sa[15]);
            break;
        }
    }
    strace_printf(", %d%s", (int32_t)len, strace_comma(last));
}

void p_bind(const char *n, const uint32_t a[7])
{
    strace_printf("%s(", n);
    strace_int(a[0], 0);
    print_sockaddr(a[1], a[2], 1);
    strace_printf(")");
}

/* The SysV IPC command names in qemu's order: a number that two names share
 * (MSG_INFO and GETVAL are both 12) prints as the first. */
static void print_ipc_cmd(uint32_t cmd)
{
    static const char *const names[20] = {
        [0] = "IPC_RMID",  [1] = "IPC_SET",   [2] = "IPC_STAT",  [3] = "IPC_INFO",  [11] = "MSG_STAT",
        [12] = "MSG_INFO", [13] = "SHM_STAT", [14] = "SHM_INFO", [15] = "GETZCNT",  [16] = "SETVAL",
        [17] = "SETALL",   [18] = "SEM_STAT", [19] = "SEM_INFO",
    };
    cmd &= 0xff;
    if (cmd < 20 && names[cmd])
        strace_printf("%s", names[cmd]);
    else
        strace_printf("%d", (int)cmd);
}

void p_semctl(const char *n, const uint32_t a[7])
{
    strace_printf("%s(%d,%d,", n, (int32_t)a[0], (int32_t)a[1]);
    print_ipc_cmd(a[2]);
    strace_printf(",0x%08x)", a[3]);
}
