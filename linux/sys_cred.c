/* Credentials, priorities and scheduling parameters. The host process is the
 * guest process, so these pass through: uid_t/gid_t are 32 bits on both
 * sides for the *32 calls; struct sched_param is one int. */
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

/* glibc's set*id wrappers apply the change to every host thread (the
 * translator's too), which is right for a one-process guest. setfsuid and
 * setfsgid go raw: they return the previous id and never an error. */
int64_t sys_setuid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(setuid(a[0])); }
int64_t sys_setgid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(setgid(a[0])); }
int64_t sys_setreuid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(setreuid(a[0], a[1])); }
int64_t sys_setregid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(setregid(a[0], a[1])); }
int64_t sys_setresuid32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(setresuid(a[0], a[1], a[2]));
}
int64_t sys_setresgid32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(setresgid(a[0], a[1], a[2]));
}
int64_t sys_setfsuid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return syscall(SYS_setfsuid, a[0]); }
int64_t sys_setfsgid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; return syscall(SYS_setfsgid, a[0]); }

/* setgroups32(size, list) */
int64_t sys_setgroups32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (sarg(a[0]) < 0 || a[0] > 65536)
        return -EINVAL; /* NGROUPS_MAX */
    if (!guest_readable(a[1], a[0] * 4u))
        return -EFAULT;
    return host_ret(syscall(SYS_setgroups, (size_t)a[0], a[0] ? g2h(a[1]) : NULL));
}

/* getpriority returns 20 - nice (never negative) from the raw syscall. */
int64_t sys_getpriority(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(syscall(SYS_getpriority, sarg(a[0]), sarg(a[1])));
}
int64_t sys_setpriority(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(setpriority((int)a[0], (id_t)a[1], sarg(a[2])));
}
/* nice(inc): the ARM kernel keeps this old call; it returns 0 or an error. */
int64_t sys_nice(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    /* the raw getpriority answers 20 - nice, never negative on success */
    int64_t cur = host_ret(syscall(SYS_getpriority, PRIO_PROCESS, 0));
    if (cur < 0)
        return cur;
    return host_ret(setpriority(PRIO_PROCESS, 0, (int)(20 - cur) + sarg(a[0])));
}

int64_t sys_sched_getparam(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], 4))
        return -EFAULT;
    syscall_note_write(a[1], 4);
    return host_ret(syscall(SYS_sched_getparam, thread_host_tid(sarg(a[0])), g2h(a[1])));
}
int64_t sys_sched_setparam(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_readable(a[1], 4))
        return -EFAULT;
    return host_ret(syscall(SYS_sched_setparam, thread_host_tid(sarg(a[0])), g2h(a[1])));
}
int64_t sys_sched_getscheduler(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(syscall(SYS_sched_getscheduler, thread_host_tid(sarg(a[0]))));
}
int64_t sys_sched_setscheduler(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_readable(a[2], 4))
        return -EFAULT;
    return host_ret(syscall(SYS_sched_setscheduler, thread_host_tid(sarg(a[0])), sarg(a[1]), g2h(a[2])));
}
int64_t sys_sched_get_priority_max(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(sched_get_priority_max(sarg(a[0])));
}
int64_t sys_sched_get_priority_min(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(sched_get_priority_min(sarg(a[0])));
}

/* getcpu(cpu, node, cache): either pointer may be NULL. */
int64_t sys_getcpu(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    unsigned cpu, node;
    if ((a[0] && !guest_writable(a[0], 4)) || (a[1] && !guest_writable(a[1], 4)))
        return -EFAULT;
    int64_t r = host_ret(syscall(SYS_getcpu, &cpu, &node, NULL));
    if (r < 0)
        return r;
    if (a[0])
        copy_to_guest(a[0], &cpu, 4);
    if (a[1])
        copy_to_guest(a[1], &node, 4);
    return 0;
}
