/* Syscall dispatch: looks the ARM EABI number up in the table, runs the
 * handler, turns the result into the guest's r0, writes the -d unimp line and
 * hands each call to the -strace formatter (linux/strace.c). Also the small
 * validation helpers every handler shares.
 * Never executes a guest syscall without a table entry: unknown numbers get
 * -ENOSYS. */
#include "linux/syscall.h"

#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/strace.h"
#include "linux/syscall_impl.h"
#include "linux/sys_signal.h"
#include "linux/sys_signalfd.h"
#include "linux/proc_self.h"
#include "linux/sysroot_path.h"
#include "linux/thread_sched.h"

/* A host syscall ended with EINTR because a signal arrived that the guest
 * blocks: on Linux that interrupts nothing (a poll on a signalfd waits on
 * and sees it readable), so the call runs again here -- once printed,
 * from its full timeout, which is longer than Linux's remaining one (the
 * sleeps sleep on for what is left themselves, linux/sys_time.c). Not the
 * calls that wait for signals and return EINTR on purpose, nor an EINTR
 * that no guest signal caused (the debugger's interrupt). */
static bool interrupted_by_blocked_only(struct linux_proc *p, uint32_t nr)
{
    if (nr == 29 || nr == 72 || nr == 179 || nr == 177 || nr == 421 || !guest_signals_arrived())
        return false;
    guest_signals_collect(p);
    return !p->exited && !guest_signal_next(p);
}

uint32_t linux_syscall(struct linux_proc *p, uint32_t nr, const uint32_t a[7])
{
    const struct syscall_desc *d = syscall_lookup(nr);
    /* With several threads, a call that would block waits in the table
     * instead (served again when it can run; traced then). */
    guest_signalfd_sync(p); /* their readiness as poll, select, epoll see it */
    if (thread_would_block(p, nr, a))
        return (uint32_t)GUEST_SYSCALL_PARKED;
    bool trace = log_enabled(LOG_STRACE);
    if (trace)
        strace_enter(nr, a); /* before: a blocking call shows while it blocks */
    int64_t r;
    if (d && d->handler) {
        while ((r = d->handler(p, a)) == -EINTR && interrupted_by_blocked_only(p, nr))
            guest_signalfd_sync(p);
    } else {
        if (log_enabled(LOG_UNIMP)) {
            if (d)
                log_printf("Unsupported syscall: %u (%s)\n", nr, d->name);
            else
                log_printf("Unsupported syscall: %u\n", nr);
        }
        r = -ENOSYS;
    }
    if (trace) {
        strace_exit(nr, a, r);
        strace_signal_flush_later();
    }
    return (uint32_t)r;
}

int guest_path(uint32_t addr, const char **out)
{
    uint64_t a = addr;
    uint64_t n = 0;
    for (;;) {
        if (a > UINT32_MAX || !guest_readable((uint32_t)a, 1))
            return -EFAULT;
        uint32_t in_page = GUEST_PAGE_SIZE - ((uint32_t)a & GUEST_PAGE_MASK);
        const char *s = g2h((uint32_t)a);
        const char *z = memchr(s, 0, in_page);
        if (z) {
            n += (uint64_t)(z - s);
            break;
        }
        n += in_page;
        a += in_page;
        /* The kernel copies at most PATH_MAX bytes including the NUL
         * (getname -> strncpy_from_user) and fails with ENAMETOOLONG. */
        if (n >= PATH_MAX)
            return -ENAMETOOLONG;
    }
    if (n >= PATH_MAX)
        return -ENAMETOOLONG;
    *out = g2h(addr);
    return 0;
}

const char *guest_host_path(struct linux_proc *p, const char *guest, char *buf, size_t len)
{
    const char *exe = proc_self_exe(p, guest);
    return exe != guest ? exe : sysroot_path(guest, buf, len);
}

int guest_lookup_path(struct linux_proc *p, uint32_t addr, char *buf, size_t len, const char **out)
{
    const char *g;
    int e = guest_path(addr, &g);
    if (e)
        return e;
    *out = guest_host_path(p, g, buf, len);
    return 0;
}

int copy_to_guest(uint32_t addr, const void *src, uint32_t len)
{
    if (!guest_writable(addr, len))
        return -EFAULT;
    syscall_note_write(addr, len);
    memcpy(g2h(addr), src, len);
    return 0;
}

int copy_from_guest(void *dst, uint32_t addr, uint32_t len)
{
    if (!guest_readable(addr, len))
        return -EFAULT;
    memcpy(dst, g2h(addr), len);
    return 0;
}
