/* Less common pass-through syscalls: memory locking and residency,
 * readahead and sync_file_range (64-bit register pairs), inotify,
 * copy_file_range/splice/tee (64-bit offsets through pointers), and timerfd
 * (32-bit or 64-bit struct itimerspec). */
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "linux/syscall_impl.h"
#include "linux/xlat.h"

static int64_t locked_range(uint32_t addr, uint32_t len)
{
    /* mlock/munlock of unmapped memory is -ENOMEM (mm/mlock.c) */
    return guest_range_ok(addr & ~GUEST_PAGE_MASK, len + (addr & GUEST_PAGE_MASK), 0) ? 0 : -ENOMEM;
}

int64_t sys_mlock(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int64_t e = locked_range(a[0], a[1]);
    return e ? e : host_ret(mlock(g2h(a[0]), a[1]));
}
int64_t sys_munlock(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int64_t e = locked_range(a[0], a[1]);
    return e ? e : host_ret(munlock(g2h(a[0]), a[1]));
}
/* mlockall would also pin backstep's own memory (code cache, history);
 * accept it for the guest without applying it, like a hint. */
int64_t sys_mlockall(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return (a[0] & ~7u) || !a[0] ? -EINVAL : 0;
}
int64_t sys_munlockall(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return 0; }

/* mincore(addr, len, vec): one byte per page. */
int64_t sys_mincore(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[0] & GUEST_PAGE_MASK)
        return -EINVAL;
    uint64_t pages = ((uint64_t)a[1] + GUEST_PAGE_MASK) / GUEST_PAGE_SIZE;
    if (pages * GUEST_PAGE_SIZE > UINT32_MAX || !guest_range_ok(a[0], (uint32_t)(pages * GUEST_PAGE_SIZE), 0))
        return -ENOMEM;
    if (!guest_writable(a[2], (uint32_t)pages))
        return -EFAULT;
    syscall_note_write(a[2], (uint32_t)pages);
    return host_ret(mincore(g2h(a[0]), a[1], g2h(a[2])));
}

/* readahead(fd, pad, offset r2/r3, count) */
int64_t sys_readahead(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(readahead(sarg(a[0]), arg_pair(a, 2), a[4]));
}

/* arm_sync_file_range(fd, flags, offset r2/r3, nbytes r4/r5): ARM's
 * sync_file_range2 argument order keeps the pairs aligned. */
int64_t sys_arm_sync_file_range(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(sync_file_range(sarg(a[0]), arg_pair(a, 2), arg_pair(a, 4), a[1]));
}

int64_t sys_inotify_init(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return host_ret(inotify_init()); }
int64_t sys_inotify_init1(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(inotify_init1((int)a[0])); }
int64_t sys_inotify_add_watch(struct linux_proc *p, const uint32_t a[7])
{
    const char *path;
    char name[HOST_PATH_BUF];
    int e = guest_lookup_path(p, a[1], name, sizeof name, &path);
    return e ? e : host_ret(inotify_add_watch(sarg(a[0]), path, a[2]));
}
int64_t sys_inotify_rm_watch(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(inotify_rm_watch(sarg(a[0]), sarg(a[1])));
}

/* An optional off64_t * argument, read before and written back after. */
static int64_t off_ptr(uint32_t addr, off64_t *v, off64_t **out)
{
    *out = NULL;
    if (!addr)
        return 0;
    if (copy_from_guest(v, addr, 8) || !guest_writable(addr, 8))
        return -EFAULT;
    *out = v;
    return 0;
}

/* copy_file_range(fd_in, off_in *, fd_out, off_out *, len, flags) and
 * splice with the same argument order. */
static int64_t do_copy(const uint32_t a[7], bool is_splice)
{
    off64_t in, out, *inp, *outp;
    int64_t e = off_ptr(a[1], &in, &inp);
    if (!e)
        e = off_ptr(a[3], &out, &outp);
    if (e)
        return e;
    int64_t r = is_splice ? host_ret(splice(sarg(a[0]), inp, sarg(a[2]), outp, a[4], a[5]))
                          : host_ret(copy_file_range(sarg(a[0]), inp, sarg(a[2]), outp, a[4], a[5]));
    if (r >= 0) {
        if (inp)
            copy_to_guest(a[1], &in, 8);
        if (outp)
            copy_to_guest(a[3], &out, 8);
    }
    return r;
}

int64_t sys_copy_file_range(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_copy(a, false); }
int64_t sys_splice(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_copy(a, true); }
int64_t sys_tee(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(tee(sarg(a[0]), sarg(a[1]), a[2], a[3])); }

int64_t sys_timerfd_create(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(timerfd_create(sarg(a[0]), (int)a[1]));
}

int guest_get_itimerspec(struct itimerspec *h, uint32_t addr, bool time64)
{
    if (time64) {
        struct guest_timespec64 g[2];
        if (copy_from_guest(g, addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec64_to_host(&h->it_interval, &g[0]);
        xlat_timespec64_to_host(&h->it_value, &g[1]);
        return 0;
    }
    struct guest_timespec32 g[2];
    if (copy_from_guest(g, addr, sizeof(g)))
        return -EFAULT;
    xlat_timespec32_to_host(&h->it_interval, &g[0]);
    xlat_timespec32_to_host(&h->it_value, &g[1]);
    return 0;
}

int guest_put_itimerspec(uint32_t addr, const struct itimerspec *h, bool time64)
{
    if (time64) {
        struct guest_timespec64 g[2];
        xlat_timespec64_from_host(&g[0], &h->it_interval);
        xlat_timespec64_from_host(&g[1], &h->it_value);
        return copy_to_guest(addr, g, sizeof(g));
    }
    struct guest_timespec32 g[2];
    xlat_timespec32_from_host(&g[0], &h->it_interval);
    xlat_timespec32_from_host(&g[1], &h->it_value);
    return copy_to_guest(addr, g, sizeof(g));
}

/* timerfd_settime(fd, flags, new, old) */
static int64_t do_settime(const uint32_t a[7], bool time64)
{
    struct itimerspec nv, ov;
    if (guest_get_itimerspec(&nv, a[2], time64))
        return -EFAULT;
    if (a[3] && !guest_writable(a[3], time64 ? 32u : 16u))
        return -EFAULT;
    int64_t r = host_ret(timerfd_settime(sarg(a[0]), (int)a[1], &nv, &ov));
    if (r >= 0 && a[3])
        guest_put_itimerspec(a[3], &ov, time64);
    return r;
}

static int64_t do_gettime(const uint32_t a[7], bool time64)
{
    struct itimerspec cur;
    if (!guest_writable(a[1], time64 ? 32u : 16u))
        return -EFAULT;
    int64_t r = host_ret(timerfd_gettime(sarg(a[0]), &cur));
    return r < 0 ? r : guest_put_itimerspec(a[1], &cur, time64);
}

int64_t sys_timerfd_settime(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_settime(a, false); }
int64_t sys_timerfd_settime64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_settime(a, true); }
int64_t sys_timerfd_gettime(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_gettime(a, false); }
int64_t sys_timerfd_gettime64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_gettime(a, true); }
