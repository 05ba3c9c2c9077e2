/* POSIX timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun, timer_delete (and the time64 settime/gettime) on host
 * timers of the same clock. A guest timer that signals has a host timer
 * raising the same signal, whose sival_ptr carries the guest's timer id
 * (high half) and sigev_value (low half): the host handler that notes
 * signals for the guest (linux/sys_signal.c) rebuilds si_timerid,
 * si_overrun and si_value from it, and an expiry while the guest's
 * instance is still pending counts as its overrun (linux/sig_queue.h).
 * Guest timer ids are 0, 1, ... as Linux gives them (qemu-arm 7.2 returns
 * 0x0caf0000 + n and delivers the host's id in si_timerid).
 * The table is host state like a file descriptor: replay never runs these
 * calls again, it feeds back their logged results.
 * SIGEV_THREAD_ID (what glibc's SIGEV_THREAD timers use: its helper thread
 * waits for signal 32): the note of each expiry names the thread, which
 * gets the signal as from tgkill. A guest signal the host keeps for itself
 * (glibc's 32 and 33, the faults) is raised as a host signal kept for
 * timers instead and noted as the guest's (guest_timer_target). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "linux/sig_queue.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

#define GUEST_SIGEV_SIGNAL 0
#define GUEST_SIGEV_NONE 1
#define GUEST_SIGEV_THREAD_ID 4

static struct {
    bool used;
    timer_t host;
    int32_t signo, thread; /* the guest's signal; SIGEV_THREAD_ID: its thread */
} timers[GUEST_NTIMERS];

bool guest_timer_target(int32_t id, int *sig, int32_t *thread)
{
    if (id < 0 || id >= GUEST_NTIMERS || !timers[id].used)
        return false;
    *sig = timers[id].signo;
    *thread = timers[id].thread;
    return true;
}

/* struct sigevent with 32-bit pointers: sigev_value, sigev_signo,
 * sigev_notify, then the union (_tid) padded to 64 bytes; Linux reads the
 * first 16. */
struct guest_sigevent_head {
    int32_t value, signo, notify, tid;
};

/* timer_create(clockid, sevp, timerid) */
int64_t sys_timer_create(struct linux_proc *p, const uint32_t a[7])
{
    int slot = 0;
    while (slot < GUEST_NTIMERS && timers[slot].used)
        slot++;
    struct guest_sigevent_head ev = {.value = slot, .signo = SIGALRM, .notify = GUEST_SIGEV_SIGNAL};
    if (a[1] && copy_from_guest(&ev, a[1], sizeof ev))
        return -EFAULT;
    if (!guest_writable(a[2], 4))
        return -EFAULT;
    /* SIGEV_THREAD is glibc's (SIGEV_THREAD_ID underneath); Linux takes
     * SIGEV_THREAD_ID only with a thread of this process (good_sigevent). */
    bool signals = ev.notify == GUEST_SIGEV_SIGNAL || ev.notify == GUEST_SIGEV_THREAD_ID;
    if (!signals && ev.notify != GUEST_SIGEV_NONE)
        return -EINVAL;
    if (signals && (ev.signo < 1 || ev.signo > GUEST_NSIG))
        return -EINVAL;
    if (ev.notify == GUEST_SIGEV_THREAD_ID && (ev.tid <= 0 || thread_slot_of_tid(ev.tid) < 0))
        return -EINVAL;
    if (slot == GUEST_NTIMERS)
        return -EAGAIN;
    struct sigevent hev;
    memset(&hev, 0, sizeof hev);
    hev.sigev_notify = signals ? SIGEV_SIGNAL : SIGEV_NONE;
    hev.sigev_signo = guest_signals_host_reserved(ev.signo) ? guest_signals_timer_host_signal() : ev.signo;
    timers[slot].signo = ev.signo;
    timers[slot].thread = ev.notify == GUEST_SIGEV_THREAD_ID ? ev.tid : 0;
    hev.sigev_value.sival_ptr = (void *)(((uintptr_t)(uint32_t)slot << 32) | (uint32_t)ev.value);
    if (timer_create((clockid_t)sarg(a[0]), &hev, &timers[slot].host) != 0)
        return -errno;
    timers[slot].used = true;
    p->sig.timer_overrun[slot] = 0;
    int32_t id = slot;
    return copy_to_guest(a[2], &id, 4);
}

static timer_t *host_timer(uint32_t id) { return id < GUEST_NTIMERS && timers[id].used ? &timers[id].host : NULL; }

/* timer_settime(timerid, flags, new, old) */
static int64_t do_settime(const uint32_t a[7], bool time64)
{
    timer_t *t = host_timer(a[0]);
    struct itimerspec nv, ov;
    if (guest_get_itimerspec(&nv, a[2], time64))
        return -EFAULT;
    if (a[3] && !guest_writable(a[3], time64 ? 32u : 16u))
        return -EFAULT;
    if (!t)
        return -EINVAL;
    if (timer_settime(*t, (int)a[1], &nv, &ov) != 0)
        return -errno;
    return a[3] ? guest_put_itimerspec(a[3], &ov, time64) : 0;
}

static int64_t do_gettime(const uint32_t a[7], bool time64)
{
    timer_t *t = host_timer(a[0]);
    struct itimerspec cur;
    if (!t)
        return -EINVAL;
    if (timer_gettime(*t, &cur) != 0)
        return -errno;
    return guest_put_itimerspec(a[1], &cur, time64);
}

int64_t sys_timer_settime(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_settime(a, false); }
int64_t sys_timer_settime64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_settime(a, true); }
int64_t sys_timer_gettime(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_gettime(a, false); }
int64_t sys_timer_gettime64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_gettime(a, true); }

/* timer_getoverrun(timerid): the overrun of its last delivered signal. */
int64_t sys_timer_getoverrun(struct linux_proc *p, const uint32_t a[7])
{
    if (!host_timer(a[0]))
        return -EINVAL;
    return p->sig.timer_overrun[a[0]];
}

/* timer_delete(timerid): a signal of it still pending stays pending. */
int64_t sys_timer_delete(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    timer_t *t = host_timer(a[0]);
    if (!t)
        return -EINVAL;
    timer_delete(*t);
    timers[a[0]].used = false;
    return 0;
}
