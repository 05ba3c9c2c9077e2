/* Shared by the syscall handlers (linux/sys_*.c) only: handler prototypes,
 * the one errno conversion, guest pointer validation and copy helpers.
 * Rule (ARCHITECTURE.md rule 7): no guest pointer reaches the host kernel or
 * memcpy before guest_range_ok has accepted the whole range it covers. */
#pragma once
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/guest_structs.h"
#include "linux/syscall_table.h"

#define SYS(nr, name, handler, flags) sys_handler_fn handler;
#define NOSYS(nr, name)
#include "linux/syscall_list.h"
#undef SYS
#undef NOSYS

/* The one place a host error becomes a guest error: host libc calls and raw
 * syscall() return -1 with errno set. ARM and x86-64 Linux use the same errno
 * numbers (both take include/uapi/asm-generic/errno*.h), so no table. */
static inline int64_t host_ret(int64_t r) { return r < 0 ? -(int64_t)errno : r; }

static inline bool guest_readable(uint32_t addr, uint32_t len) { return guest_range_ok(addr, len, PROT_READ); }
static inline bool guest_writable(uint32_t addr, uint32_t len) { return guest_range_ok(addr, len, PROT_WRITE); }

/* A signed 32-bit argument (fds, AT_FDCWD, pids, offsets). */
static inline int32_t sarg(uint32_t v) { return (int32_t)v; }

/* A 64-bit argument split over a[lo] (low word) and a[lo+1] (high word). ARM
 * EABI passes 64-bit arguments in an even/odd register pair, so syscalls such
 * as pread64 insert a padding argument to reach an even register (AAPCS 5.5,
 * and the "pad" arguments in arch/arm/tools/syscall.tbl's wrappers). */
static inline int64_t arg_pair(const uint32_t a[7], int lo)
{
    return (int64_t)((uint64_t)a[lo] | ((uint64_t)a[lo + 1] << 32));
}

/* Validates a NUL-terminated guest string page by page (readable up to and
 * including its NUL, shorter than PATH_MAX) and returns its host address in
 * *out. Returns 0, -EFAULT or -ENAMETOOLONG. NULL (guest 0) is -EFAULT unless
 * page 0 is mapped. */
int guest_path(uint32_t addr, const char **out);

/* A guest path the kernel looks a file up by (open, the stat family, access,
 * readlink, statfs, utimensat, inotify_add_watch, execve): guest_path's
 * checks, then the name to hand the host: /proc/self/exe names the guest
 * program (linux/proc_self.h), else the -L mapping of linux/sysroot_path.h,
 * written into buf when it applies. The calls that create, remove or rename
 * names (mkdir, unlink, rename, link, chdir, chmod, ...) use guest_path
 * alone, as qemu-arm 7.2 does: they act on the host path. */
#define HOST_PATH_BUF (PATH_MAX + 4096)
int guest_lookup_path(struct linux_proc *p, uint32_t addr, char *buf, size_t len, const char **out);
/* The same mapping for a guest path already copied out. */
const char *guest_host_path(struct linux_proc *p, const char *guest, char *buf, size_t len);

/* Copies to/from guest memory after validating the range; copy_to_guest also
 * reports the write (syscall_note_write before the memcpy). Return 0 or
 * -EFAULT. */
int copy_to_guest(uint32_t addr, const void *src, uint32_t len);
int copy_from_guest(void *dst, uint32_t addr, uint32_t len);

/* struct itimerspec with 32-bit or (time64) 64-bit timespecs at addr
 * (linux/sys_misc.c; timerfd and POSIX timers): 0 or -EFAULT. */
struct itimerspec;
int guest_get_itimerspec(struct itimerspec *h, uint32_t addr, bool time64);
int guest_put_itimerspec(uint32_t addr, const struct itimerspec *h, bool time64);


/* Guest iovec arrays (linux/sys_file.c): load_iov converts cnt elements at
 * addr into host iovecs, checking each buffer for prot; -EINVAL above
 * GUEST_UIO_MAXIOV, -EFAULT for any bad element. note_iov_write reports all
 * buffers as about to be written. */
#define GUEST_UIO_MAXIOV 1024u
struct iovec;
int load_iov(uint32_t addr, uint32_t cnt, int prot, struct iovec *out);
void note_iov_write(const struct iovec *iov, uint32_t cnt);
