/* setitimer / getitimer on the host's timers (the host process is the guest
 * process): struct itimerval with 32-bit timevals on ARM. The signals they
 * raise (SIGALRM, SIGVTALRM, SIGPROF) reach the guest through the host
 * handlers that mirror its dispositions (linux/sys_signal.h). */
#include <sys/time.h>

#include "linux/syscall_impl.h"
#include "linux/xlat.h"

struct guest_itimerval {
    struct guest_timeval32 interval, value;
};

static void to_host(struct itimerval *h, const struct guest_itimerval *g)
{
    xlat_timeval32_to_host(&h->it_interval, &g->interval);
    xlat_timeval32_to_host(&h->it_value, &g->value);
}

static void from_host(struct guest_itimerval *g, const struct itimerval *h)
{
    xlat_timeval32_from_host(&g->interval, &h->it_interval);
    xlat_timeval32_from_host(&g->value, &h->it_value);
}

/* setitimer(which, new, old) */
int64_t sys_setitimer(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct guest_itimerval gn, go;
    struct itimerval hn, ho;
    if (a[1]) {
        if (copy_from_guest(&gn, a[1], sizeof gn))
            return -EFAULT;
        to_host(&hn, &gn);
    } else {
        memset(&hn, 0, sizeof hn); /* Linux: a NULL new value disarms */
    }
    if (a[2] && !guest_writable(a[2], sizeof go))
        return -EFAULT;
    if (setitimer((int)a[0], &hn, &ho) != 0)
        return -errno;
    if (a[2]) {
        from_host(&go, &ho);
        copy_to_guest(a[2], &go, sizeof go);
    }
    return 0;
}

/* getitimer(which, cur) */
int64_t sys_getitimer(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct itimerval h;
    if (getitimer((int)a[0], &h) != 0)
        return -errno;
    struct guest_itimerval g;
    from_host(&g, &h);
    return copy_to_guest(a[1], &g, sizeof g);
}
