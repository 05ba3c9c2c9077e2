/* poll, ppoll, select and pselect6, with 32-bit or 64-bit timeouts. pollfd
 * has the same layout on both sides; fd_set bytes are the same but the guest
 * kernel reads them in 32-bit words (guest_fdset_bytes). A signal mask
 * given to ppoll/pselect6 is the blocked set while the call waits
 * (guest_wait_mask_begin: the wait on the host is interrupted by every
 * signal the guest handles, and one the mask blocks makes it run again). The
 * remaining time is written back, as the kernel does (poll_select_finish).
 * A parked call whose timeout passed while other threads ran is served
 * again without waiting (thread_serving_timed_out). */
#include <poll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"
#include "linux/xlat.h"

enum tkind { T_NONE, T_SPEC32, T_SPEC64, T_VAL32 };

static int read_timeout(uint32_t addr, enum tkind kind, struct timespec *ts)
{
    if (kind == T_SPEC32) {
        struct guest_timespec32 g;
        if (copy_from_guest(&g, addr, sizeof(g)) || !guest_writable(addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec32_to_host(ts, &g);
    } else if (kind == T_SPEC64) {
        struct guest_timespec64 g;
        if (copy_from_guest(&g, addr, sizeof(g)) || !guest_writable(addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec64_to_host(ts, &g);
    } else {
        struct guest_timeval32 g;
        if (copy_from_guest(&g, addr, sizeof(g)) || !guest_writable(addr, sizeof(g)))
            return -EFAULT;
        if (g.tv_sec < 0 || g.tv_usec < 0 || g.tv_usec >= 1000000)
            return -EINVAL;
        ts->tv_sec = g.tv_sec;
        ts->tv_nsec = (long)g.tv_usec * 1000;
    }
    return 0;
}

static void write_timeout(uint32_t addr, enum tkind kind, const struct timespec *ts)
{
    if (kind == T_SPEC32) {
        struct guest_timespec32 g;
        xlat_timespec32_from_host(&g, ts);
        copy_to_guest(addr, &g, sizeof(g));
    } else if (kind == T_SPEC64) {
        struct guest_timespec64 g;
        xlat_timespec64_from_host(&g, ts);
        copy_to_guest(addr, &g, sizeof(g));
    } else {
        struct guest_timeval32 g = {(int32_t)ts->tv_sec, (int32_t)(ts->tv_nsec / 1000)};
        copy_to_guest(addr, &g, sizeof(g));
    }
}

/* The {sigset pointer, size} pair of pselect6 and the sigset of ppoll: a
 * given mask must have the guest sigset size (kernel: -EINVAL). */
static int check_sigmask(uint32_t mask, uint32_t size)
{
    if (!mask)
        return 0;
    if (size != GUEST_SIGSET_SIZE)
        return -EINVAL;
    return guest_readable(mask, GUEST_SIGSET_SIZE) ? 0 : -EFAULT;
}

static int64_t do_poll(uint32_t fds, uint32_t nfds, uint32_t taddr, enum tkind kind, int timeout_ms)
{
    uint64_t bytes = (uint64_t)nfds * sizeof(struct guest_pollfd);
    if (nfds > (1u << 20))
        return -EINVAL; /* above any RLIMIT_NOFILE the kernel allows */
    if (!guest_writable(fds, (uint32_t)bytes))
        return -EFAULT;
    int64_t r;
    syscall_note_write(fds, (uint32_t)bytes); /* revents */
    if (kind == T_NONE) {
        r = host_ret(poll(g2h(fds), nfds, thread_serving_timed_out ? 0 : timeout_ms));
    } else {
        struct timespec ts, *tsp = NULL;
        if (taddr) {
            int e = read_timeout(taddr, kind, &ts);
            if (e)
                return e;
            if (thread_serving_timed_out)
                ts = (struct timespec){0, 0};
            tsp = &ts;
        }
        r = host_ret(syscall(SYS_ppoll, g2h(fds), (unsigned long)nfds, tsp, NULL, (size_t)8));
        if (tsp && (r >= 0 || r == -EINTR))
            write_timeout(taddr, kind, tsp);
    }
    return r;
}

int64_t sys_poll(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return do_poll(a[0], a[1], 0, T_NONE, sarg(a[2]));
}

/* ppoll(fds, nfds, tsp, sigmask, sigsetsize) */
static int64_t do_ppoll(struct linux_proc *p, const uint32_t a[7], enum tkind kind)
{
    int e = check_sigmask(a[3], a[4]);
    if (!e)
        e = a[3] ? guest_wait_mask_at(p, a[3]) : 0; /* -EINTR: the mask stays for the handler */
    if (e)
        return e;
    int64_t r = do_poll(a[0], a[1], a[2], kind, 0);
    return a[3] ? guest_wait_mask_end(p, r) : r;
}

int64_t sys_ppoll(struct linux_proc *p, const uint32_t a[7]) { return do_ppoll(p, a, T_SPEC32); }
int64_t sys_ppoll_time64(struct linux_proc *p, const uint32_t a[7]) { return do_ppoll(p, a, T_SPEC64); }

/* select(n, in, out, ex, timeout). n above FD_SETSIZE is clamped (the
 * kernel clamps to the size of the descriptor table). */
static int64_t do_select(const uint32_t a[7], enum tkind kind)
{
    if (sarg(a[0]) < 0)
        return -EINVAL;
    uint32_t n = a[0] > GUEST_FD_SETSIZE ? GUEST_FD_SETSIZE : a[0];
    uint32_t bytes = guest_fdset_bytes(n);
    fd_set sets[3];
    fd_set *hs[3];
    for (int i = 0; i < 3; i++) {
        uint32_t g = a[1 + i];
        hs[i] = NULL;
        if (!g)
            continue;
        FD_ZERO(&sets[i]);
        if (copy_from_guest(&sets[i], g, bytes) || !guest_writable(g, bytes))
            return -EFAULT;
        hs[i] = &sets[i];
    }
    struct timespec ts, *tsp = NULL;
    if (a[4]) {
        int e = read_timeout(a[4], kind, &ts);
        if (e)
            return e;
        if (thread_serving_timed_out)
            ts = (struct timespec){0, 0};
        tsp = &ts;
    }
    int64_t r = host_ret(syscall(SYS_pselect6, (int)n, hs[0], hs[1], hs[2], tsp, NULL));
    if (tsp && (r >= 0 || r == -EINTR))
        write_timeout(a[4], kind, tsp);
    if (r >= 0)
        for (int i = 0; i < 3; i++)
            if (hs[i])
                copy_to_guest(a[1 + i], hs[i], bytes);
    return r;
}

int64_t sys__newselect(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_select(a, T_VAL32); }

/* pselect6(n, in, out, ex, tsp, {const sigset_t *ss; size_t ss_len} *) */
static int64_t do_pselect6(struct linux_proc *p, const uint32_t a[7], enum tkind kind)
{
    uint32_t ss[2] = {0, 0};
    if (a[5]) {
        if (copy_from_guest(ss, a[5], sizeof(ss)))
            return -EFAULT;
        int e = check_sigmask(ss[0], ss[1]);
        if (!e)
            e = ss[0] ? guest_wait_mask_at(p, ss[0]) : 0;
        if (e)
            return e;
    }
    int64_t r = do_select(a, kind);
    return ss[0] ? guest_wait_mask_end(p, r) : r;
}

int64_t sys_pselect6(struct linux_proc *p, const uint32_t a[7]) { return do_pselect6(p, a, T_SPEC32); }
int64_t sys_pselect6_time64(struct linux_proc *p, const uint32_t a[7]) { return do_pselect6(p, a, T_SPEC64); }
