/* The guest's (32-bit ARM EABI Linux) structure layouts, declared with explicit
 * widths and padding so they compile to the same bytes on the x86-64 host.
 * Offsets follow the ARM kernel's uapi headers (arch/arm/include/uapi/asm/,
 * include/uapi/asm-generic/ and the compat_* structures of a 64-bit kernel).
 * Only layouts live here; conversions are in linux/xlat_*.c. Never include host
 * struct definitions in this file. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define GSA(cond, msg) _Static_assert(cond, msg)

/* struct stat64, arch/arm/include/uapi/asm/stat.h. EABI aligns the long longs
 * to 8 bytes, which opens the holes at 44 and 60. */
struct guest_stat64 {
    uint64_t st_dev;     /* 0 */
    uint8_t pad0[4];     /* 8 */
    uint32_t st_ino_lo;  /* 12: "__st_ino", truncated inode (STAT64_HAS_BROKEN_ST_INO) */
    uint32_t st_mode;    /* 16 */
    uint32_t st_nlink;   /* 20 */
    uint32_t st_uid;     /* 24 */
    uint32_t st_gid;     /* 28 */
    uint64_t st_rdev;    /* 32 */
    uint8_t pad3[4];     /* 40 */
    uint8_t pad_eabi[4]; /* 44 */
    int64_t st_size;     /* 48 */
    uint32_t st_blksize; /* 56 */
    uint8_t pad4[4];     /* 60 */
    uint64_t st_blocks;  /* 64 */
    uint32_t st_atime_;  /* 72 */
    uint32_t st_atime_nsec;
    uint32_t st_mtime_; /* 80 */
    uint32_t st_mtime_nsec;
    uint32_t st_ctime_; /* 88 */
    uint32_t st_ctime_nsec;
    uint64_t st_ino; /* 96 */
};
GSA(sizeof(struct guest_stat64) == 104, "ARM EABI stat64 is 104 bytes");
GSA(offsetof(struct guest_stat64, st_size) == 48, "stat64.st_size");
GSA(offsetof(struct guest_stat64, st_blocks) == 64, "stat64.st_blocks");
GSA(offsetof(struct guest_stat64, st_ino) == 96, "stat64.st_ino");

/* struct statfs64 (asm-generic/statfs.h); ARM EABI packs it to 84 bytes
 * (ARCH_PACK_STATFS64 in arch/arm/include/uapi/asm/statfs.h). */
struct guest_statfs64 {
    uint32_t f_type;
    uint32_t f_bsize;
    uint64_t f_blocks __attribute__((aligned(4)));
    uint64_t f_bfree __attribute__((aligned(4)));
    uint64_t f_bavail __attribute__((aligned(4)));
    uint64_t f_files __attribute__((aligned(4)));
    uint64_t f_ffree __attribute__((aligned(4)));
    int32_t f_fsid[2]; /* 48 */
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;
    uint32_t f_spare[4];
} __attribute__((packed, aligned(4)));
GSA(sizeof(struct guest_statfs64) == 84, "ARM EABI statfs64 is 84 bytes");
GSA(offsetof(struct guest_statfs64, f_fsid) == 48, "statfs64.f_fsid");

/* struct statx (include/uapi/linux/stat.h) has the same 256 bytes everywhere. */
#define GUEST_STATX_SIZE 256u

struct guest_timespec32 {
    int32_t tv_sec;
    int32_t tv_nsec;
};
GSA(sizeof(struct guest_timespec32) == 8, "old_timespec32");

/* __kernel_timespec: 64-bit seconds and nanoseconds, used by the *_time64 calls. */
struct guest_timespec64 {
    int64_t tv_sec;
    int64_t tv_nsec;
};
GSA(sizeof(struct guest_timespec64) == 16, "__kernel_timespec");

struct guest_timeval32 {
    int32_t tv_sec;
    int32_t tv_usec;
};
GSA(sizeof(struct guest_timeval32) == 8, "old_timeval32");

struct guest_timezone {
    int32_t tz_minuteswest;
    int32_t tz_dsttime;
};

/* struct tms with 32-bit clock_t. */
struct guest_tms {
    int32_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};
GSA(sizeof(struct guest_tms) == 16, "tms");

/* struct rusage with 32-bit longs (compat_rusage). */
struct guest_rusage {
    struct guest_timeval32 ru_utime;
    struct guest_timeval32 ru_stime;
    int32_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap, ru_inblock,
        ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};
GSA(sizeof(struct guest_rusage) == 72, "rusage");

/* struct rlimit with 32-bit rlim_t; RLIM_INFINITY is ~0UL = 0xffffffff. */
#define GUEST_RLIM_INFINITY 0xffffffffu
struct guest_rlimit {
    uint32_t rlim_cur;
    uint32_t rlim_max;
};
GSA(sizeof(struct guest_rlimit) == 8, "rlimit");

struct guest_rlimit64 {
    uint64_t rlim_cur;
    uint64_t rlim_max;
};
GSA(sizeof(struct guest_rlimit64) == 16, "rlimit64");

struct guest_iovec {
    uint32_t iov_base;
    uint32_t iov_len;
};
GSA(sizeof(struct guest_iovec) == 8, "compat_iovec");

/* struct sysinfo (include/uapi/linux/sysinfo.h) with 32-bit longs. */
struct guest_sysinfo {
    int32_t uptime;       /* 0 */
    uint32_t loads[3];    /* 4 */
    uint32_t totalram;    /* 16 */
    uint32_t freeram;     /* 20 */
    uint32_t sharedram;   /* 24 */
    uint32_t bufferram;   /* 28 */
    uint32_t totalswap;   /* 32 */
    uint32_t freeswap;    /* 36 */
    uint16_t procs;       /* 40 */
    uint16_t pad;         /* 42 */
    uint32_t totalhigh;   /* 44 */
    uint32_t freehigh;    /* 48 */
    uint32_t mem_unit;    /* 52 */
    uint8_t f[8];         /* 56: 20 - 2*sizeof(long) - sizeof(int) */
};
GSA(sizeof(struct guest_sysinfo) == 64, "sysinfo");
GSA(offsetof(struct guest_sysinfo, procs) == 40, "sysinfo.procs");
GSA(offsetof(struct guest_sysinfo, mem_unit) == 52, "sysinfo.mem_unit");

/* struct new_utsname: six 65-byte strings, same as the host. */
struct guest_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};
GSA(sizeof(struct guest_utsname) == 390, "new_utsname");

/* The kernel's struct termios (asm-generic/termbits.h, used by ARM): NCCS 19.
 * Not glibc's struct termios. Flag bits are the asm-generic ones on both sides. */
struct guest_termios {
    uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
    uint8_t c_line;
    uint8_t c_cc[19];
};
GSA(sizeof(struct guest_termios) == 36, "kernel termios");

/* struct termios2: termios plus input and output speed. */
struct guest_termios2 {
    struct guest_termios t;
    uint32_t c_ispeed, c_ospeed;
};
GSA(sizeof(struct guest_termios2) == 44, "kernel termios2");

struct guest_winsize {
    uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};
GSA(sizeof(struct guest_winsize) == 8, "winsize");

/* struct linux_dirent64: identical on both sides (u64 ino, s64 off, u16 reclen,
 * u8 type, name). getdents64 output is passed through unchanged. */
#define GUEST_DIRENT64_NAME_OFFSET 19u

struct guest_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};
GSA(sizeof(struct guest_pollfd) == 8, "pollfd");

/* fd_set for select: an array of 32-bit longs, bit n at word n/32, bit n%32.
 * On a little-endian machine that is byte n/8, bit n%8, the same bytes as the
 * host's 64-bit words; only the size the kernel reads differs (compat: rounded
 * up to 32 fds, host: to 64). */
#define GUEST_FD_SETSIZE 1024u
static inline uint32_t guest_fdset_bytes(uint32_t nfds) { return ((nfds + 31u) / 32u) * 4u; }

/* struct sigaction as the ARM kernel reads it for rt_sigaction
 * (arch/arm/include/asm/signal.h: handler, flags, restorer, mask). */
struct guest_sigaction {
    uint32_t handler;
    uint32_t flags;
    uint32_t restorer;
    uint32_t mask[2];
};
GSA(sizeof(struct guest_sigaction) == 20, "ARM struct sigaction");
#define GUEST_SIGSET_SIZE 8u
#define GUEST_NSIG 64

/* stack_t for sigaltstack (include/uapi/asm-generic/signal.h with 32-bit ptrs). */
struct guest_stack {
    uint32_t ss_sp;
    int32_t ss_flags;
    uint32_t ss_size;
};
GSA(sizeof(struct guest_stack) == 12, "stack_t");
#define GUEST_MINSIGSTKSZ 2048u /* arch/arm/include/uapi/asm/signal.h */

/* struct flock with 32-bit off_t (F_GETLK/F_SETLK/F_SETLKW). */
struct guest_flock {
    int16_t l_type;
    int16_t l_whence;
    int32_t l_start;
    int32_t l_len;
    int32_t l_pid;
};
GSA(sizeof(struct guest_flock) == 16, "flock");

/* struct flock64 (F_GETLK64/F_SETLK64/F_SETLKW64, F_OFD_*). EABI aligns l_start
 * to 8 (OABI packed it to 28 bytes); the result matches x86-64's struct flock. */
struct guest_flock64 {
    int16_t l_type;
    int16_t l_whence;
    uint8_t pad[4];
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    uint8_t pad2[4];
};
GSA(sizeof(struct guest_flock64) == 32, "EABI flock64");
GSA(offsetof(struct guest_flock64, l_start) == 8, "EABI flock64.l_start");
GSA(offsetof(struct guest_flock64, l_pid) == 24, "EABI flock64.l_pid");

/* The robust_list_head set_robust_list checks the size of (3 pointers). */
#define GUEST_ROBUST_LIST_HEAD_SIZE 12u

/* struct epoll_event: ARM EABI aligns the 64-bit data to 8 (16 bytes); the
 * x86-64 kernel packs it to 12 (__EPOLL_PACKED), so it is converted. */
struct guest_epoll_event {
    uint32_t events;
    uint8_t pad[4];
    uint64_t data;
};
GSA(sizeof(struct guest_epoll_event) == 16, "ARM EABI epoll_event");

/* The old struct stat of arch/arm/include/uapi/asm/stat.h (stat, lstat,
 * fstat: 106-108), with 16-bit mode, nlink, uid and gid. */
struct guest_stat {
    uint32_t st_dev;
    uint32_t st_ino;
    uint16_t st_mode;
    uint16_t st_nlink;
    uint16_t st_uid;
    uint16_t st_gid;
    uint32_t st_rdev;
    uint32_t st_size;
    uint32_t st_blksize;
    uint32_t st_blocks;
    uint32_t st_atime_, st_atime_nsec;
    uint32_t st_mtime_, st_mtime_nsec;
    uint32_t st_ctime_, st_ctime_nsec;
    uint32_t unused4, unused5;
};
GSA(sizeof(struct guest_stat) == 64, "ARM struct stat");
GSA(offsetof(struct guest_stat, st_size) == 20, "stat.st_size");

/* struct msghdr with 32-bit pointers and lengths (compat_msghdr). */
struct guest_msghdr {
    uint32_t msg_name;
    uint32_t msg_namelen;
    uint32_t msg_iov;
    uint32_t msg_iovlen;
    uint32_t msg_control;
    uint32_t msg_controllen;
    uint32_t msg_flags;
};
GSA(sizeof(struct guest_msghdr) == 28, "compat_msghdr");

/* struct cmsghdr with a 32-bit cmsg_len; payloads are 4-byte aligned
 * (compat_cmsghdr, CMSG_COMPAT_ALIGN). */
struct guest_cmsghdr {
    uint32_t cmsg_len;
    int32_t cmsg_level;
    int32_t cmsg_type;
};
GSA(sizeof(struct guest_cmsghdr) == 12, "compat_cmsghdr");
static inline uint32_t guest_cmsg_align(uint32_t len) { return (len + 3u) & ~3u; }

/* siginfo_t is 128 bytes; for SIGCHLD (waitid) the ARM kernel lays out the
 * three header ints and then _sigchld directly at offset 12, with 32-bit
 * clock_t (x86-64 puts the union at 16 with 64-bit clock_t). */
#define GUEST_SIGINFO_SIZE 128u
struct guest_siginfo_chld {
    int32_t signo, err, code;
    int32_t pid;    /* 12 */
    uint32_t uid;   /* 16 */
    int32_t status; /* 20 */
    int32_t utime;  /* 24 */
    int32_t stime;  /* 28 */
};
GSA(sizeof(struct guest_siginfo_chld) == 32, "siginfo _sigchld prefix");
