/* Parking a syscall that would block: with several guest threads on one
 * host thread, a read on an empty pipe must not stop the others. The
 * syscall is not run; the thread waits in the table for its fd, a deadline
 * or a signal, and the scheduler serves the syscall again when it can run
 * at once (or ends the wait with its result: a sleep that is over, a
 * timeout). Syscalls not listed here block the host as before (connect,
 * flock ...; rt_sigsuspend parks in sys_signal). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"
#include "linux/xlat.h"

static bool fd_ready(int fd, short events)
{
    struct pollfd pf = {.fd = fd, .events = events};
    return poll(&pf, 1, 0) != 0; /* ready, or an error the syscall reports */
}

static uint64_t mono_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool park(int32_t fd, uint32_t events, uint64_t deadline)
{
    struct guest_thread_sched *t = &guest_threads.t[guest_threads.current];
    t->state = GTS_SYSCALL;
    t->wait_fd = fd;
    t->wait_events = events;
    t->deadline_ns = deadline;
    return true;
}

/* A guest timespec (32-bit or 64-bit), valid (0 <= tv_nsec < 10^9, tv_sec
 * >= 0); false if it cannot be read or is not (the syscall reports it). */
static bool read_guest_timespec(uint32_t addr, bool time64, struct timespec *ts)
{
    if (time64) {
        struct guest_timespec64 g;
        if (copy_from_guest(&g, addr, sizeof g))
            return false;
        xlat_timespec64_to_host(ts, &g);
    } else {
        struct guest_timespec32 g;
        if (copy_from_guest(&g, addr, sizeof g))
            return false;
        xlat_timespec32_to_host(ts, &g);
    }
    return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000;
}

/* A relative guest timespec as a deadline; false if it is zero or cannot
 * be read (the syscall answers at once). */
static bool rel_deadline(uint32_t addr, bool time64, uint64_t *deadline)
{
    struct timespec ts;
    if (!read_guest_timespec(addr, time64, &ts))
        return false;
    uint64_t ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    *deadline = mono_now() + (ns ? ns : 1);
    return ns != 0;
}

/* An absolute guest timespec on clock as a monotonic deadline (Python's
 * time.sleep sleeps with TIMER_ABSTIME on CLOCK_MONOTONIC); false if the
 * time is already past, unreadable or on a clock the syscall must judge.
 * A REALTIME clock set while the thread waits does not move the deadline. */
static bool abs_deadline(uint32_t clock, uint32_t addr, bool time64, uint64_t *deadline)
{
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME && clock != CLOCK_TAI)
        return false;
    struct timespec ts, now;
    if (!read_guest_timespec(addr, time64, &ts) || clock_gettime((clockid_t)clock, &now))
        return false;
    int64_t left = ((int64_t)ts.tv_sec - (int64_t)now.tv_sec) * 1000000000 + (ts.tv_nsec - now.tv_nsec);
    if (left <= 0)
        return false;
    *deadline = mono_now() + (uint64_t)left;
    return true;
}

static bool any_poll_ready(uint32_t fds, uint32_t n)
{
    if (n > 256 || !guest_readable(fds, n * 8))
        return true; /* let the syscall report it */
    struct pollfd pf[256];
    for (uint32_t i = 0; i < n; i++) {
        int32_t fd;
        int16_t ev;
        memcpy(&fd, g2h(fds + 8 * i), 4);
        memcpy(&ev, g2h(fds + 8 * i + 4), 2);
        pf[i] = (struct pollfd){.fd = fd, .events = ev};
    }
    return poll(pf, n, 0) != 0;
}

bool thread_poll_array_ready(uint32_t fds, uint32_t n) { return any_poll_ready(fds, n); }

/* Whether select(n, in, out, ex) would return at once (an fd ready, or an
 * error the syscall reports), asked of the host without waiting and without
 * touching the guest's sets. */
bool thread_select_ready(uint32_t n, uint32_t in, uint32_t out, uint32_t ex)
{
    if ((int32_t)n < 0)
        return true;
    if (n > GUEST_FD_SETSIZE)
        n = GUEST_FD_SETSIZE;
    uint32_t bytes = guest_fdset_bytes(n);
    const uint32_t g[3] = {in, out, ex};
    fd_set sets[3];
    fd_set *hs[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        if (!g[i])
            continue;
        FD_ZERO(&sets[i]);
        if (copy_from_guest(&sets[i], g[i], bytes))
            return true;
        hs[i] = &sets[i];
    }
    struct timeval zero = {0, 0};
    return select((int)n, hs[0], hs[1], hs[2], &zero) != 0;
}

/* A select/pselect6/ppoll timeout as a deadline: *deadline 0 for none (a
 * NULL pointer); false if the call returns at once anyway (a zero or bad
 * timeout). kind: 0 timeval (select), 1 timespec32, 2 timespec64. */
static bool poll_deadline(uint32_t addr, int kind, uint64_t *deadline)
{
    *deadline = 0;
    if (!addr)
        return true;
    if (kind == 0) {
        struct guest_timeval32 tv;
        if (copy_from_guest(&tv, addr, sizeof tv) || tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return false;
        uint64_t ns = (uint64_t)tv.tv_sec * 1000000000u + (uint64_t)tv.tv_usec * 1000u;
        *deadline = mono_now() + ns;
        return ns != 0;
    }
    return rel_deadline(addr, kind == 2, deadline);
}

bool thread_child_ready(uint32_t idtype, uint32_t id)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid((idtype_t)idtype, (id_t)id, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT) < 0)
        return true; /* ECHILD and the like: the syscall says so at once */
    return si.si_pid != 0;
}

/* A ppoll/pselect6 that will park waits with its signal mask, if any
 * (sys_signal.h); false if the call is to run now instead (a bad mask, or a
 * signal the mask lets in is pending: the call says so). */
static bool wait_with_mask(struct linux_proc *p, uint32_t mask, uint32_t size)
{
    return !mask || (size == GUEST_SIGSET_SIZE && guest_wait_mask_at(p, mask) == 0);
}

bool thread_would_block(struct linux_proc *p, uint32_t nr, const uint32_t a[7])
{
    if (!guest_threads_multi() || guest_threads_live() < 2 || thread_sched_frozen || thread_serving_timed_out)
        return false; /* (a timed-out poll or select is served without waiting) */
    switch (nr) {
    case 3: case 145: case 291: case 292: case 297: case 285: case 366: /* read readv recv recvfrom recvmsg accept accept4 */
        return !fd_ready((int)a[0], POLLIN) && park((int32_t)a[0], POLLIN, 0);
    case 4: case 146: case 289: case 290: case 296: /* write writev send sendto sendmsg */
        return !fd_ready((int)a[0], POLLOUT) && park((int32_t)a[0], POLLOUT, 0);
    case 252: case 346: { /* epoll_wait, epoll_pwait: the epoll fd is readable when events are */
        int32_t ms = (int32_t)a[3];
        if (ms == 0 || fd_ready((int)a[0], POLLIN))
            return false;
        return park((int32_t)a[0], POLLIN, ms > 0 ? mono_now() + (uint64_t)ms * 1000000u : 0);
    }
    case 168: { /* poll(fds, n, ms) */
        int32_t ms = (int32_t)a[2];
        if (ms == 0 || any_poll_ready(a[0], a[1]))
            return false;
        park(WAIT_POLL, 0, ms > 0 ? mono_now() + (uint64_t)ms * 1000000u : 0);
        guest_threads.t[guest_threads.current].wait_ptr = a[0];
        guest_threads.t[guest_threads.current].wait_n = a[1];
        return true;
    }
    case 142: case 335: case 413: { /* _newselect, pselect6(n, in, out, ex, timeout, {sigmask, size}), _time64 */
        uint32_t ss[2] = {0, 0};
        if (nr != 142 && a[5] && copy_from_guest(ss, a[5], sizeof ss))
            return false; /* the syscall says EFAULT */
        uint64_t d;
        if (!poll_deadline(a[4], nr == 142 ? 0 : nr == 335 ? 1 : 2, &d) ||
            thread_select_ready(a[0], a[1], a[2], a[3]) || !wait_with_mask(p, ss[0], ss[1]))
            return false;
        return park(WAIT_SELECT, 0, d);
    }
    case 336: case 414: { /* ppoll(fds, n, timeout, sigmask, size), _time64 */
        uint64_t d;
        if (!poll_deadline(a[2], nr == 336 ? 1 : 2, &d) || any_poll_ready(a[0], a[1]) ||
            !wait_with_mask(p, a[3], a[4]))
            return false;
        park(WAIT_POLL, 0, d);
        guest_threads.t[guest_threads.current].wait_ptr = a[0];
        guest_threads.t[guest_threads.current].wait_n = a[1];
        return true;
    }
    case 162: { /* nanosleep(req, rem) */
        uint64_t d;
        return rel_deadline(a[0], false, &d) && park(WAIT_NONE, 0, d);
    }
    case 265: case 407: { /* clock_nanosleep(clock, flags, req, rem) */
        uint64_t d;
        if (a[1] & 1u) /* TIMER_ABSTIME */
            return abs_deadline(a[0], a[2], nr == 407, &d) && park(WAIT_NONE, 0, d);
        return rel_deadline(a[2], nr == 407, &d) && park(WAIT_NONE, 0, d);
    }
    case 29: /* pause: only a signal ends it */
        return park(WAIT_NONE, 0, 0);
    case 177: case 421: { /* rt_sigtimedwait(set, info, timeout, size): park unless one is pending */
        uint32_t w[2];
        if (a[3] != 8 || copy_from_guest(w, a[0], sizeof w))
            return false;
        uint64_t set = (uint64_t)w[0] | (uint64_t)w[1] << 32;
        if (p->sig.pending & set)
            return false;
        uint64_t d = 0;
        if (a[2] && !rel_deadline(a[2], nr == 421, &d))
            return false; /* zero or bad timeout: the syscall answers at once */
        park(WAIT_SIGSET, 0, d);
        guest_threads.t[guest_threads.current].wait_ptr = a[0];
        return true;
    }
    case 114: { /* wait4(pid, status, options, rusage) without WNOHANG */
        int32_t pid = (int32_t)a[0];
        if (a[2] & WNOHANG)
            return false;
        uint32_t idtype = pid < -1 ? P_PGID : pid == -1 ? P_ALL : pid == 0 ? P_PGID : P_PID;
        uint32_t id = pid < -1 ? (uint32_t)-pid : pid > 0 ? (uint32_t)pid : 0;
        if (pid == 0)
            id = (uint32_t)getpgrp();
        if (thread_child_ready(idtype, id))
            return false;
        park(WAIT_CHILD, 0, 0);
        guest_threads.t[guest_threads.current].wait_ptr = idtype;
        guest_threads.t[guest_threads.current].wait_n = id;
        return true;
    }
    default:
        return false;
    }
}
