/* epoll (with the epoll_event layout conversion of linux/guest_structs.h),
 * eventfd2 and memfd_create. The flag bits these take (EPOLL_CLOEXEC,
 * EFD_CLOEXEC/EFD_NONBLOCK, MFD_*) equal O_CLOEXEC/O_NONBLOCK or are
 * arch-independent. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/syscall_impl.h"

#define EPOLL_BATCH 256

int64_t sys_epoll_create(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return sarg(a[0]) <= 0 ? -EINVAL : host_ret(epoll_create1(0));
}

int64_t sys_epoll_create1(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(epoll_create1((int)a[0])); }

/* epoll_ctl(epfd, op, fd, event); event is ignored for EPOLL_CTL_DEL. */
int64_t sys_epoll_ctl(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct epoll_event h = {0, {0}}, *hp = NULL;
    if (a[1] != EPOLL_CTL_DEL) {
        struct guest_epoll_event g;
        if (copy_from_guest(&g, a[3], sizeof(g)))
            return -EFAULT;
        h.events = g.events;
        h.data.u64 = g.data;
        hp = &h;
    }
    return host_ret(epoll_ctl(sarg(a[0]), (int)a[1], sarg(a[2]), hp));
}

/* Waits for at most EPOLL_BATCH events per call (the kernel may always
 * return fewer than maxevents). */
static int64_t do_epoll_wait(const uint32_t a[7])
{
    int max = sarg(a[2]);
    if (max <= 0 || max > (int)(0x7fffffff / sizeof(struct guest_epoll_event)))
        return -EINVAL;
    if (!guest_writable(a[1], (uint32_t)max * (uint32_t)sizeof(struct guest_epoll_event)))
        return -EFAULT;
    struct epoll_event ev[EPOLL_BATCH];
    int n = max < EPOLL_BATCH ? max : EPOLL_BATCH;
    int64_t r = host_ret(epoll_wait(sarg(a[0]), ev, n, sarg(a[3])));
    for (int64_t i = 0; i < r; i++) {
        struct guest_epoll_event g = {ev[i].events, {0}, ev[i].data.u64};
        copy_to_guest(a[1] + (uint32_t)i * (uint32_t)sizeof(g), &g, sizeof(g));
    }
    return r;
}

int64_t sys_epoll_wait(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_epoll_wait(a); }

/* epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize): the
 * mask is validated and ignored (no asynchronous guest signals yet). */
int64_t sys_epoll_pwait(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[4] && a[5] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    return do_epoll_wait(a);
}

int64_t sys_eventfd2(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(eventfd(a[0], (int)a[1])); }

int64_t sys_memfd_create(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    const char *name;
    int e = guest_path(a[0], &name);
    if (e)
        return e;
    return host_ret(syscall(SYS_memfd_create, name, a[1]));
}
