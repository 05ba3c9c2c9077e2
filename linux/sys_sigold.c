/* The old ARM signal syscalls with one-word signal sets (signals 1-32):
 * sigaction (67, struct old_sigaction), sigsuspend (72, the three-argument
 * form ARM has: the mask is the third), sigpending (73), sigprocmask (126).
 * Rules from kernel/signal.c (CONFIG_OLD_SIGACTION, OLD_SIGSUSPEND3): the
 * old calls see and set only the low word; sigprocmask's SIG_SETMASK keeps
 * the high word, sigsuspend's mask has an empty one. */
#include <signal.h>

#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"

/* include/linux/signal_types.h with __ARCH_HAS_SA_RESTORER. */
struct guest_old_sigaction {
    uint32_t handler, mask, flags, restorer;
};

/* sigaction(sig, act, oact) */
int64_t sys_sigaction(struct linux_proc *p, const uint32_t a[7])
{
    struct guest_old_sigaction o;
    struct guest_sigaction act, old;
    if (a[1]) {
        if (copy_from_guest(&o, a[1], sizeof o))
            return -EFAULT;
        act = (struct guest_sigaction){.handler = o.handler, .flags = o.flags, .restorer = o.restorer,
                                       .mask = {o.mask, 0}};
    }
    if (a[2] && !guest_writable(a[2], sizeof o))
        return -EFAULT;
    int r = guest_sigaction_set(p, sarg(a[0]), a[1] ? &act : NULL, &old);
    if (r == 0 && a[2]) {
        o = (struct guest_old_sigaction){.handler = old.handler, .mask = old.mask[0], .flags = old.flags,
                                         .restorer = old.restorer};
        copy_to_guest(a[2], &o, sizeof o);
    }
    return r;
}

/* sigprocmask(how, set, oset) */
int64_t sys_sigprocmask(struct linux_proc *p, const uint32_t a[7])
{
    uint32_t old = (uint32_t)p->sig.blocked, w;
    uint64_t set;
    if (a[1]) {
        if (copy_from_guest(&w, a[1], 4))
            return -EFAULT;
        if (a[0] > 2)
            return -EINVAL;
        set = w;
        if (a[0] == 2) /* SIG_SETMASK: the high word stays */
            set |= p->sig.blocked & 0xffffffff00000000ull;
    }
    if (a[2] && !guest_writable(a[2], 4))
        return -EFAULT;
    guest_sigmask_change(p, a[0], a[1] ? &set : NULL);
    return a[2] ? copy_to_guest(a[2], &old, 4) : 0;
}

/* sigpending(set) */
int64_t sys_sigpending(struct linux_proc *p, const uint32_t a[7])
{
    guest_signals_collect(p);
    uint32_t v = (uint32_t)(p->sig.pending & p->sig.blocked);
    return copy_to_guest(a[0], &v, 4);
}

/* sigsuspend(unused, unused, mask) */
int64_t sys_sigsuspend(struct linux_proc *p, const uint32_t a[7]) { return guest_sigsuspend(p, a[2]); }
