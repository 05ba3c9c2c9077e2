/* File data and path syscalls: read/write and their vector and positioned
 * forms, open/close/lseek, sendfile, and the path-only operations (mkdir,
 * unlink, rename, link, chmod, chown, utimensat, truncate, ...). Each guest
 * buffer, iovec element and path is validated before the host call. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "linux/host_fds.h"
#include "linux/syscall_impl.h"
#include "linux/sys_signalfd.h"
#include "linux/proc_self.h"
#include "linux/xlat.h"

/* Copies a guest iovec array into host form, checking every element for
 * prot (PROT_WRITE when the kernel will write into the buffers). The kernel
 * also fails with -EINVAL beyond UIO_MAXIOV (lib/iov_iter.c). Unlike the
 * kernel, which reports a partial transfer when a later buffer is unmapped,
 * any invalid element makes the whole call -EFAULT. */
int load_iov(uint32_t addr, uint32_t cnt, int prot, struct iovec *out)
{
    if (cnt > GUEST_UIO_MAXIOV)
        return -EINVAL;
    if (!guest_readable(addr, cnt * (uint32_t)sizeof(struct guest_iovec)))
        return -EFAULT;
    const struct guest_iovec *g = g2h(addr);
    for (uint32_t i = 0; i < cnt; i++) {
        struct guest_iovec e;
        memcpy(&e, &g[i], sizeof(e));
        if ((int32_t)e.iov_len < 0)
            return -EINVAL;
        if (!guest_range_ok(e.iov_base, e.iov_len, prot))
            return -EFAULT;
        out[i].iov_base = g2h(e.iov_base);
        out[i].iov_len = e.iov_len;
    }
    return 0;
}

/* Reports every buffer of a scatter read as about to be written. */
void note_iov_write(const struct iovec *iov, uint32_t cnt)
{
    for (uint32_t i = 0; i < cnt; i++)
        syscall_note_write((uint32_t)((uintptr_t)iov[i].iov_base - guest_base), (uint32_t)iov[i].iov_len);
}

int64_t sys_read(struct linux_proc *p, const uint32_t a[7])
{
    if (guest_signalfd_is(sarg(a[0])))
        return guest_signalfd_read(p, sarg(a[0]), a[1], a[2]);
    if (!guest_writable(a[1], a[2]))
        return -EFAULT;
    syscall_note_write(a[1], a[2]);
    return host_ret(read(sarg(a[0]), g2h(a[1]), a[2]));
}

int64_t sys_write(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_readable(a[1], a[2]))
        return -EFAULT;
    return host_ret(write(sarg(a[0]), g2h(a[1]), a[2]));
}

/* pread64(fd, buf, count, pad, pos_lo, pos_hi): the 64-bit offset starts at
 * the even register r4. */
int64_t sys_pread64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], a[2]))
        return -EFAULT;
    syscall_note_write(a[1], a[2]);
    return host_ret(pread(sarg(a[0]), g2h(a[1]), a[2], arg_pair(a, 4)));
}

int64_t sys_pwrite64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_readable(a[1], a[2]))
        return -EFAULT;
    return host_ret(pwrite(sarg(a[0]), g2h(a[1]), a[2], arg_pair(a, 4)));
}

static int64_t do_readv(const uint32_t a[7], bool positioned)
{
    struct iovec iov[GUEST_UIO_MAXIOV];
    int e = load_iov(a[1], a[2], PROT_WRITE, iov);
    if (e)
        return e;
    /* preadv(fd, iov, cnt, pos_l, pos_h): no pair alignment here, the kernel
     * takes the two halves as separate arguments (fs/read_write.c). */
    note_iov_write(iov, a[2]);
    return positioned ? host_ret(preadv(sarg(a[0]), iov, (int)a[2], arg_pair(a, 3)))
                      : host_ret(readv(sarg(a[0]), iov, (int)a[2]));
}

static int64_t do_writev(const uint32_t a[7], bool positioned)
{
    struct iovec iov[GUEST_UIO_MAXIOV];
    int e = load_iov(a[1], a[2], PROT_READ, iov);
    if (e)
        return e;
    return positioned ? host_ret(pwritev(sarg(a[0]), iov, (int)a[2], arg_pair(a, 3)))
                      : host_ret(writev(sarg(a[0]), iov, (int)a[2]));
}

int64_t sys_readv(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_readv(a, false); }
int64_t sys_writev(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_writev(a, false); }
int64_t sys_preadv(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_readv(a, true); }
int64_t sys_pwritev(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_writev(a, true); }

static int64_t do_openat(struct linux_proc *p, int dfd, uint32_t path_addr, uint32_t flags, uint32_t mode)
{
    const char *path;
    int e = guest_path(path_addr, &path);
    if (e)
        return e;
    int host_flags = (int)xlat_open_flags_to_host(flags);
    int fd;
    if (proc_self_open(p, path, host_flags, &fd))
        return fd;
    char buf[HOST_PATH_BUF];
    path = guest_host_path(p, path, buf, sizeof buf);
    return host_ret(openat(dfd, path, host_flags, (mode_t)mode));
}

int64_t sys_open(struct linux_proc *p, const uint32_t a[7]) { return do_openat(p, AT_FDCWD, a[0], a[1], a[2]); }
int64_t sys_openat(struct linux_proc *p, const uint32_t a[7]) { return do_openat(p, sarg(a[0]), a[1], a[2], a[3]); }
int64_t sys_creat(struct linux_proc *p, const uint32_t a[7])
{
    return do_openat(p, AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC, a[1]);
}

/* openat2(dfd, path, struct open_how *how, size): open_how is three u64
 * (flags, mode, resolve) on every architecture; a larger size is accepted
 * when the extra bytes are zero (copy_struct_from_user: -E2BIG). */
int64_t sys_openat2(struct linux_proc *p, const uint32_t a[7])
{
    uint64_t how[3];
    uint32_t size = a[3];
    if (size < sizeof(how))
        return -EINVAL;
    if (size > GUEST_PAGE_SIZE)
        return -E2BIG;
    if (!guest_readable(a[2], size))
        return -EFAULT;
    memcpy(how, g2h(a[2]), sizeof(how));
    for (uint32_t i = sizeof(how); i < size; i++)
        if (((const uint8_t *)g2h(a[2]))[i])
            return -E2BIG;
    const char *path;
    int e = guest_path(a[1], &path);
    if (e)
        return e;
    if (how[0] >> 32)
        return -EINVAL;
    uint64_t host_how[3] = {xlat_open_flags_to_host((uint32_t)how[0]), how[1], how[2]};
    int fd;
    if (proc_self_open(p, path, (int)host_how[0], &fd))
        return fd;
    char buf[HOST_PATH_BUF];
    path = guest_host_path(p, path, buf, sizeof buf);
    return host_ret(syscall(SYS_openat2, sarg(a[0]), path, host_how, sizeof(host_how)));
}

int64_t sys_close(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (host_fd_reserved(sarg(a[0])))
        return -EBADF; /* backstep's own (the gdb connection) */
    int64_t r = host_ret(close(sarg(a[0])));
    if (r == 0)
        guest_signalfd_closed(sarg(a[0]));
    return r;
}

/* lseek with the 32-bit off_t: a result that does not fit is -EOVERFLOW
 * (fs/read_write.c ksys_lseek), the file position has moved anyway. */
int64_t sys_lseek(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int64_t r = host_ret(lseek(sarg(a[0]), sarg(a[1]), (int)a[2]));
    if (r > INT32_MAX)
        return -EOVERFLOW;
    return r;
}

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence). */
int64_t sys__llseek(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int64_t off = (int64_t)(((uint64_t)a[1] << 32) | a[2]);
    if (!guest_writable(a[3], 8))
        return -EFAULT;
    int64_t r = host_ret(lseek(sarg(a[0]), off, (int)a[4]));
    if (r < 0)
        return r;
    copy_to_guest(a[3], &r, 8);
    return 0;
}

/* sendfile(out, in, off_t *offset, count) with a 32-bit offset. */
int64_t sys_sendfile(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!a[2])
        return host_ret(sendfile(sarg(a[0]), sarg(a[1]), NULL, a[3]));
    int32_t off32;
    if (copy_from_guest(&off32, a[2], 4) || !guest_writable(a[2], 4))
        return -EFAULT;
    off_t off = off32;
    int64_t r = host_ret(sendfile(sarg(a[0]), sarg(a[1]), &off, a[3]));
    if (r >= 0) {
        if (off > INT32_MAX)
            return -EOVERFLOW;
        off32 = (int32_t)off;
        copy_to_guest(a[2], &off32, 4);
    }
    return r;
}

/* sendfile64(out, in, loff_t *offset, count). */
int64_t sys_sendfile64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!a[2])
        return host_ret(sendfile(sarg(a[0]), sarg(a[1]), NULL, a[3]));
    int64_t off;
    if (copy_from_guest(&off, a[2], 8) || !guest_writable(a[2], 8))
        return -EFAULT;
    off_t hoff = off;
    int64_t r = host_ret(sendfile(sarg(a[0]), sarg(a[1]), &hoff, a[3]));
    if (r >= 0) {
        off = hoff;
        copy_to_guest(a[2], &off, 8);
    }
    return r;
}

/* --- one-path and two-path operations --- */

#define PATH1(idx, var)                                                                                              \
    const char *var;                                                                                                 \
    do {                                                                                                             \
        int e_ = guest_path(a[idx], &var);                                                                           \
        if (e_)                                                                                                      \
            return e_;                                                                                               \
    } while (0)

int64_t sys_chdir(struct linux_proc *p, const uint32_t a[7]) { (void)p; PATH1(0, path); return host_ret(chdir(path)); }
int64_t sys_fchdir(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(fchdir(sarg(a[0]))); }
int64_t sys_mkdir(struct linux_proc *p, const uint32_t a[7]) { (void)p; PATH1(0, path); return host_ret(mkdir(path, a[1])); }
int64_t sys_mkdirat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, path);
    return host_ret(mkdirat(sarg(a[0]), path, a[2]));
}
int64_t sys_unlink(struct linux_proc *p, const uint32_t a[7]) { (void)p; PATH1(0, path); return host_ret(unlink(path)); }
int64_t sys_unlinkat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, path);
    return host_ret(unlinkat(sarg(a[0]), path, (int)a[2]));
}
int64_t sys_rmdir(struct linux_proc *p, const uint32_t a[7]) { (void)p; PATH1(0, path); return host_ret(rmdir(path)); }
int64_t sys_rename(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, from);
    PATH1(1, to);
    return host_ret(rename(from, to));
}
int64_t sys_renameat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, from);
    PATH1(3, to);
    return host_ret(renameat(sarg(a[0]), from, sarg(a[2]), to));
}
int64_t sys_renameat2(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, from);
    PATH1(3, to);
    return host_ret(syscall(SYS_renameat2, sarg(a[0]), from, sarg(a[2]), to, a[4]));
}
int64_t sys_link(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, from);
    PATH1(1, to);
    return host_ret(link(from, to));
}
int64_t sys_linkat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, from);
    PATH1(3, to);
    return host_ret(linkat(sarg(a[0]), from, sarg(a[2]), to, (int)a[4]));
}
int64_t sys_symlink(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, target);
    PATH1(1, path);
    return host_ret(symlink(target, path));
}
int64_t sys_symlinkat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, target);
    PATH1(2, path);
    return host_ret(symlinkat(target, sarg(a[1]), path));
}
int64_t sys_chmod(struct linux_proc *p, const uint32_t a[7]) { (void)p; PATH1(0, path); return host_ret(chmod(path, a[1])); }
int64_t sys_fchmod(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(fchmod(sarg(a[0]), a[1])); }
int64_t sys_fchmodat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, path);
    return host_ret(syscall(SYS_fchmodat, sarg(a[0]), path, a[2]));
}
int64_t sys_chown32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, path);
    return host_ret(chown(path, a[1], a[2]));
}
int64_t sys_lchown32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, path);
    return host_ret(lchown(path, a[1], a[2]));
}
int64_t sys_fchown32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(fchown(sarg(a[0]), a[1], a[2])); }
int64_t sys_fchownat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, path);
    return host_ret(fchownat(sarg(a[0]), path, a[2], a[3], (int)a[4]));
}
int64_t sys_mknod(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, path);
    return host_ret(syscall(SYS_mknodat, AT_FDCWD, path, a[1], a[2]));
}
int64_t sys_mknodat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(1, path);
    return host_ret(syscall(SYS_mknodat, sarg(a[0]), path, a[2], a[3]));
}

/* utimensat(dfd, path or NULL, times[2] or NULL, flags); a NULL path means
 * "the file dfd" (how glibc's futimens works). */
static int64_t do_utimensat(struct linux_proc *p, const uint32_t a[7], bool time64)
{
    const char *path = NULL;
    char buf[HOST_PATH_BUF];
    if (a[1]) {
        int e = guest_lookup_path(p, a[1], buf, sizeof buf, &path);
        if (e)
            return e;
    }
    struct timespec ts[2], *tsp = NULL;
    if (a[2]) {
        if (time64) {
            struct guest_timespec64 g[2];
            if (copy_from_guest(g, a[2], sizeof(g)))
                return -EFAULT;
            xlat_timespec64_to_host(&ts[0], &g[0]);
            xlat_timespec64_to_host(&ts[1], &g[1]);
        } else {
            struct guest_timespec32 g[2];
            if (copy_from_guest(g, a[2], sizeof(g)))
                return -EFAULT;
            xlat_timespec32_to_host(&ts[0], &g[0]);
            xlat_timespec32_to_host(&ts[1], &g[1]);
        }
        tsp = ts;
    }
    return host_ret(syscall(SYS_utimensat, sarg(a[0]), path, tsp, (int)a[3]));
}
int64_t sys_utimensat(struct linux_proc *p, const uint32_t a[7]) { return do_utimensat(p, a, false); }
int64_t sys_utimensat_time64(struct linux_proc *p, const uint32_t a[7]) { return do_utimensat(p, a, true); }

int64_t sys_truncate(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, path);
    return host_ret(truncate(path, sarg(a[1])));
}
int64_t sys_ftruncate(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(ftruncate(sarg(a[0]), sarg(a[1]))); }
/* truncate64(path, pad, len_lo, len_hi) and ftruncate64(fd, pad, len_lo, len_hi). */
int64_t sys_truncate64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    PATH1(0, path);
    return host_ret(truncate(path, arg_pair(a, 2)));
}
int64_t sys_ftruncate64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(ftruncate(sarg(a[0]), arg_pair(a, 2)));
}
/* fallocate(fd, mode, offset in r2/r3, len in r4/r5). */
int64_t sys_fallocate(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(fallocate(sarg(a[0]), (int)a[1], arg_pair(a, 2), arg_pair(a, 4)));
}
/* arm_fadvise64_64(fd, advice, offset in r2/r3, len in r4/r5): ARM moves
 * advice to r1 so both 64-bit values land in register pairs. */
int64_t sys_arm_fadvise64_64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(syscall(SYS_fadvise64, sarg(a[0]), arg_pair(a, 2), arg_pair(a, 4), sarg(a[1])));
}

int64_t sys_fsync(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(fsync(sarg(a[0]))); }
int64_t sys_fdatasync(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(fdatasync(sarg(a[0]))); }
int64_t sys_sync(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    (void)a;
    sync();
    return 0;
}
int64_t sys_syncfs(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(syncfs(sarg(a[0]))); }
int64_t sys_umask(struct linux_proc *p, const uint32_t a[7]) { (void)p; return umask(a[0] & 0777); }
int64_t sys_flock(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(flock(sarg(a[0]), (int)a[1])); }
