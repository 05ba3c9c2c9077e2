/* Time structures: 32-bit timespec/timeval (old_timespec32/old_timeval32 in the
 * kernel), the 64-bit __kernel_timespec of the *_time64 calls, tms, rusage.
 * Host-to-guest narrows by truncation, as the kernel's put_old_timespec32 and
 * put_compat_rusage do (no EOVERFLOW there). */
#include <string.h>

#include "linux/xlat.h"

void xlat_timespec32_to_host(struct timespec *h, const struct guest_timespec32 *g)
{
    h->tv_sec = g->tv_sec;
    h->tv_nsec = g->tv_nsec;
}

void xlat_timespec32_from_host(struct guest_timespec32 *g, const struct timespec *h)
{
    g->tv_sec = (int32_t)h->tv_sec;
    g->tv_nsec = (int32_t)h->tv_nsec;
}

void xlat_timespec64_to_host(struct timespec *h, const struct guest_timespec64 *g)
{
    h->tv_sec = g->tv_sec;
    /* get_timespec64: a 32-bit task's tv_nsec upper half is ignored. */
    h->tv_nsec = (int32_t)g->tv_nsec;
}

void xlat_timespec64_from_host(struct guest_timespec64 *g, const struct timespec *h)
{
    g->tv_sec = h->tv_sec;
    g->tv_nsec = h->tv_nsec;
}

void xlat_timeval32_to_host(struct timeval *h, const struct guest_timeval32 *g)
{
    h->tv_sec = g->tv_sec;
    h->tv_usec = g->tv_usec;
}

void xlat_timeval32_from_host(struct guest_timeval32 *g, const struct timeval *h)
{
    g->tv_sec = (int32_t)h->tv_sec;
    g->tv_usec = (int32_t)h->tv_usec;
}

void xlat_tms(struct guest_tms *g, const struct tms *h)
{
    g->tms_utime = (int32_t)h->tms_utime;
    g->tms_stime = (int32_t)h->tms_stime;
    g->tms_cutime = (int32_t)h->tms_cutime;
    g->tms_cstime = (int32_t)h->tms_cstime;
}

void xlat_rusage(struct guest_rusage *g, const struct rusage *h)
{
    memset(g, 0, sizeof(*g));
    xlat_timeval32_from_host(&g->ru_utime, &h->ru_utime);
    xlat_timeval32_from_host(&g->ru_stime, &h->ru_stime);
    g->ru_maxrss = (int32_t)h->ru_maxrss;
    g->ru_ixrss = (int32_t)h->ru_ixrss;
    g->ru_idrss = (int32_t)h->ru_idrss;
    g->ru_isrss = (int32_t)h->ru_isrss;
    g->ru_minflt = (int32_t)h->ru_minflt;
    g->ru_majflt = (int32_t)h->ru_majflt;
    g->ru_nswap = (int32_t)h->ru_nswap;
    g->ru_inblock = (int32_t)h->ru_inblock;
    g->ru_oublock = (int32_t)h->ru_oublock;
    g->ru_msgsnd = (int32_t)h->ru_msgsnd;
    g->ru_msgrcv = (int32_t)h->ru_msgrcv;
    g->ru_nsignals = (int32_t)h->ru_nsignals;
    g->ru_nvcsw = (int32_t)h->ru_nvcsw;
    g->ru_nivcsw = (int32_t)h->ru_nivcsw;
}
