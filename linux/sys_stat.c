/* File metadata syscalls: the stat64 family (converted to the ARM EABI
 * layout), statx (same layout as the host, written in place), statfs64,
 * access, readlink, getcwd and getdents64. */
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/syscall_impl.h"
#include "linux/proc_self.h"
#include "linux/sysroot_path.h"
#include "linux/xlat.h"

static int64_t put_stat64(uint32_t addr, int64_t r, const struct stat *st)
{
    if (r < 0)
        return r;
    struct guest_stat64 g;
    xlat_stat64(&g, st);
    return copy_to_guest(addr, &g, sizeof(g));
}

static int64_t do_fstatat(struct linux_proc *p, int dfd, uint32_t path_addr, uint32_t buf, int flags)
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, path_addr, name, sizeof name, &path);
    if (e)
        return e;
    if (!guest_writable(buf, sizeof(struct guest_stat64)))
        return -EFAULT;
    struct stat st;
    return put_stat64(buf, host_ret(fstatat(dfd, path, &st, flags)), &st);
}

int64_t sys_stat64(struct linux_proc *p, const uint32_t a[7]) { return do_fstatat(p, AT_FDCWD, a[0], a[1], 0); }
int64_t sys_lstat64(struct linux_proc *p, const uint32_t a[7])
{
    return do_fstatat(p, AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
}
/* fstatat64(dfd, path, buf, flags); AT_* flag values are the same on ARM. */
int64_t sys_fstatat64(struct linux_proc *p, const uint32_t a[7])
{
    return do_fstatat(p, sarg(a[0]), a[1], a[2], (int)a[3]);
}
int64_t sys_fstat64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], sizeof(struct guest_stat64)))
        return -EFAULT;
    struct stat st;
    return put_stat64(a[1], host_ret(fstat(sarg(a[0]), &st)), &st);
}

/* The old stat/lstat/fstat (106-108) with the 64-byte struct stat. */
static int64_t put_stat_old(uint32_t addr, int64_t r, const struct stat *st)
{
    if (r < 0)
        return r;
    struct guest_stat g;
    int e = xlat_stat_old(&g, st);
    return e ? e : copy_to_guest(addr, &g, sizeof(g));
}

static int64_t do_stat_old(struct linux_proc *p, uint32_t path_addr, uint32_t buf, int flags)
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, path_addr, name, sizeof name, &path);
    if (e)
        return e;
    if (!guest_writable(buf, sizeof(struct guest_stat)))
        return -EFAULT;
    struct stat st;
    return put_stat_old(buf, host_ret(fstatat(AT_FDCWD, path, &st, flags)), &st);
}

int64_t sys_stat(struct linux_proc *p, const uint32_t a[7]) { return do_stat_old(p, a[0], a[1], 0); }
int64_t sys_lstat(struct linux_proc *p, const uint32_t a[7]) { return do_stat_old(p, a[0], a[1], AT_SYMLINK_NOFOLLOW); }
int64_t sys_fstat(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], sizeof(struct guest_stat)))
        return -EFAULT;
    struct stat st;
    return put_stat_old(a[1], host_ret(fstat(sarg(a[0]), &st)), &st);
}

/* statx(dfd, path, flags, mask, buf): struct statx has fixed-width fields, so
 * the host kernel writes the guest buffer directly. */
int64_t sys_statx(struct linux_proc *p, const uint32_t a[7])
{
    const char *path = NULL;
    char name[HOST_PATH_BUF];
    if (a[1]) {
        int e = guest_lookup_path(p, a[1], name, sizeof name, &path);
        if (e)
            return e;
    }
    if (!guest_writable(a[4], GUEST_STATX_SIZE))
        return -EFAULT;
    syscall_note_write(a[4], GUEST_STATX_SIZE);
    return host_ret(syscall(SYS_statx, sarg(a[0]), path, (int)a[2], a[3], g2h(a[4])));
}

/* statfs64(path, size, buf) / fstatfs64(fd, size, buf): the size must be that
 * of the packed EABI struct; ARM's sys_statfs64_wrapper also accepts 88, the
 * size an unpacked EABI struct would have (arch/arm/kernel/entry-common.S). */
static int64_t put_statfs64(uint32_t buf, int64_t r, const struct statfs *st)
{
    if (r < 0)
        return r;
    struct guest_statfs64 g;
    xlat_statfs64(&g, st);
    return copy_to_guest(buf, &g, sizeof(g));
}

static bool statfs_size_ok(uint32_t size) { return size == sizeof(struct guest_statfs64) || size == 88; }

int64_t sys_statfs64(struct linux_proc *p, const uint32_t a[7])
{
    if (!statfs_size_ok(a[1]))
        return -EINVAL;
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, a[0], name, sizeof name, &path);
    if (e)
        return e;
    if (!guest_writable(a[2], sizeof(struct guest_statfs64)))
        return -EFAULT;
    struct statfs st;
    return put_statfs64(a[2], host_ret(statfs(path, &st)), &st);
}

int64_t sys_fstatfs64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!statfs_size_ok(a[1]))
        return -EINVAL;
    if (!guest_writable(a[2], sizeof(struct guest_statfs64)))
        return -EFAULT;
    struct statfs st;
    return put_statfs64(a[2], host_ret(fstatfs(sarg(a[0]), &st)), &st);
}

int64_t sys_access(struct linux_proc *p, const uint32_t a[7])
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, a[0], name, sizeof name, &path);
    if (e)
        return e;
    return host_ret(syscall(SYS_faccessat, AT_FDCWD, path, (int)a[1]));
}

int64_t sys_faccessat(struct linux_proc *p, const uint32_t a[7])
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, a[1], name, sizeof name, &path);
    if (e)
        return e;
    return host_ret(syscall(SYS_faccessat, sarg(a[0]), path, (int)a[2]));
}

int64_t sys_faccessat2(struct linux_proc *p, const uint32_t a[7])
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, a[1], name, sizeof name, &path);
    if (e)
        return e;
    return host_ret(syscall(SYS_faccessat2, sarg(a[0]), path, (int)a[2], (int)a[3]));
}

/* readlinkat(dfd, path, buf, size); "/proc/self/exe" reads as the guest
 * executable. The kernel rejects size <= 0 with EINVAL (fs/stat.c). */
static int64_t do_readlinkat(struct linux_proc *p, int dfd, uint32_t path_addr, uint32_t buf, uint32_t size)
{
    const char *path;
    int e = guest_path(path_addr, &path);
    if (e)
        return e;
    if (sarg(size) <= 0)
        return -EINVAL;
    if (!guest_writable(buf, size))
        return -EFAULT;
    const char *exe = proc_self_exe(p, path);
    if (exe != path) {
        size_t n = strlen(exe);
        if (n > size)
            n = size;
        return copy_to_guest(buf, exe, (uint32_t)n) ?: (int64_t)n;
    }
    char name[HOST_PATH_BUF];
    path = sysroot_path(path, name, sizeof name);
    syscall_note_write(buf, size);
    return host_ret(readlinkat(dfd, path, g2h(buf), size));
}

int64_t sys_readlink(struct linux_proc *p, const uint32_t a[7]) { return do_readlinkat(p, AT_FDCWD, a[0], a[1], a[2]); }
int64_t sys_readlinkat(struct linux_proc *p, const uint32_t a[7]) { return do_readlinkat(p, sarg(a[0]), a[1], a[2], a[3]); }

/* getcwd(buf, size): the raw syscall returns the length including the NUL. */
int64_t sys_getcwd(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[0], a[1]))
        return -EFAULT;
    syscall_note_write(a[0], a[1]);
    return host_ret(syscall(SYS_getcwd, g2h(a[0]), (size_t)a[1]));
}

/* getdents64(fd, dirp, count): struct linux_dirent64 is the same on both. */
int64_t sys_getdents64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], a[2]))
        return -EFAULT;
    syscall_note_write(a[1], a[2]);
    return host_ret(syscall(SYS_getdents64, sarg(a[0]), g2h(a[1]), (size_t)a[2]));
}
