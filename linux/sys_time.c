/* Clocks and sleeping: clock_gettime/getres/nanosleep in their 32-bit and
 * _time64 forms, gettimeofday, nanosleep and times. Host results are narrowed
 * into the guest's 32-bit structures by linux/xlat_time.c. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/xlat.h"

static int put_ts(uint32_t addr, const struct timespec *ts, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        xlat_timespec64_from_host(&g, ts);
        return copy_to_guest(addr, &g, sizeof(g));
    }
    struct guest_timespec32 g;
    xlat_timespec32_from_host(&g, ts);
    return copy_to_guest(addr, &g, sizeof(g));
}

static int get_ts(struct timespec *ts, uint32_t addr, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        if (copy_from_guest(&g, addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec64_to_host(ts, &g);
        return 0;
    }
    struct guest_timespec32 g;
    if (copy_from_guest(&g, addr, sizeof(g)))
        return -EFAULT;
    xlat_timespec32_to_host(ts, &g);
    return 0;
}

static uint32_t ts_size(bool time64) { return time64 ? 16u : 8u; }

/* clock_gettime / clock_getres (clk, ts); clock ids are the same numbers. */
static int64_t do_clock(const uint32_t a[7], bool time64, bool res)
{
    struct timespec ts;
    if (res && !a[1])
        return host_ret(clock_getres((clockid_t)sarg(a[0]), NULL));
    if (!guest_writable(a[1], ts_size(time64)))
        return -EFAULT;
    int64_t r = host_ret(res ? clock_getres((clockid_t)sarg(a[0]), &ts) : clock_gettime((clockid_t)sarg(a[0]), &ts));
    return r < 0 ? r : put_ts(a[1], &ts, time64);
}

int64_t sys_clock_gettime(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_clock(a, false, false); }
int64_t sys_clock_gettime64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_clock(a, true, false); }
int64_t sys_clock_getres(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_clock(a, false, true); }
int64_t sys_clock_getres_time64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_clock(a, true, true); }

/* gettimeofday(tv, tz); either may be NULL. */
int64_t sys_gettimeofday(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct timeval tv;
    struct timezone tz;
    if ((a[0] && !guest_writable(a[0], sizeof(struct guest_timeval32))) ||
        (a[1] && !guest_writable(a[1], sizeof(struct guest_timezone))))
        return -EFAULT;
    int64_t r = host_ret(syscall(SYS_gettimeofday, &tv, &tz));
    if (r < 0)
        return r;
    if (a[0]) {
        struct guest_timeval32 g;
        xlat_timeval32_from_host(&g, &tv);
        copy_to_guest(a[0], &g, sizeof(g));
    }
    if (a[1]) {
        struct guest_timezone g = {tz.tz_minuteswest, tz.tz_dsttime};
        copy_to_guest(a[1], &g, sizeof(g));
    }
    return 0;
}

/* nanosleep(req, rem) and clock_nanosleep(clk, flags, req, rem): the
 * remaining time is written only when the sleep is interrupted (and, for
 * clock_nanosleep, only for relative sleeps: kernel/time/hrtimer.c). */
static int64_t do_sleep(struct linux_proc *p, clockid_t clk, int flags, uint32_t req, uint32_t rem, bool time64)
{
    struct timespec in, out = {0, 0};
    if (get_ts(&in, req, time64))
        return -EFAULT;
    if (rem && !guest_writable(rem, ts_size(time64)))
        return -EFAULT;
    int64_t r;
    for (;;) {
        r = host_ret(syscall(SYS_clock_nanosleep, clk, flags, &in, &out));
        /* A signal the guest blocks interrupts nothing on Linux: sleep on
         * for what is left (the kernel's restart_block does the same). */
        if (r != -EINTR || !guest_signals_arrived())
            break;
        guest_signals_collect(p);
        if (p->exited || guest_signal_next(p))
            break;
        if (!(flags & TIMER_ABSTIME))
            in = out;
    }
    if (r == -EINTR && rem && !(flags & TIMER_ABSTIME))
        put_ts(rem, &out, time64);
    return r;
}

int64_t sys_nanosleep(struct linux_proc *p, const uint32_t a[7])
{
    return do_sleep(p, CLOCK_MONOTONIC, 0, a[0], a[1], false);
}
int64_t sys_clock_nanosleep(struct linux_proc *p, const uint32_t a[7])
{
    return do_sleep(p, (clockid_t)sarg(a[0]), (int)a[1], a[2], a[3], false);
}
int64_t sys_clock_nanosleep_time64(struct linux_proc *p, const uint32_t a[7])
{
    return do_sleep(p, (clockid_t)sarg(a[0]), (int)a[1], a[2], a[3], true);
}

/* times(buf): buf may be NULL; the result is the clock_t tick count,
 * truncated to 32 bits as compat_sys_times does. */
int64_t sys_times(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct tms t;
    if (a[0] && !guest_writable(a[0], sizeof(struct guest_tms)))
        return -EFAULT;
    int64_t r = host_ret(syscall(SYS_times, &t));
    if (r < 0)
        return r;
    if (a[0]) {
        struct guest_tms g;
        xlat_tms(&g, &t);
        copy_to_guest(a[0], &g, sizeof(g));
    }
    return (uint32_t)r;
}
