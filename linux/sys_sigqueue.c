/* rt_sigqueueinfo / rt_tgsigqueueinfo: a signal with a siginfo the sender
 * chose (sigqueue's SI_QUEUE and si_value). To the guest itself it joins
 * the emulated state, one queued instance per send for real-time signals
 * (linux/sig_queue.h); to another process it goes to the host kernel.
 * Rules from kernel/signal.c do_rt_sigqueueinfo: the signo in the siginfo
 * is replaced by sig, and a si_code >= 0 or SI_TKILL may only be claimed
 * when sending to oneself (EPERM). */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/guest_ident.h"
#include "linux/sig_queue.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

#define GUEST_SI_TKILL (-6)

/* Reads the guest's siginfo at addr: 0 or -EFAULT. */
static int load_info(uint32_t addr, struct guest_signote *n)
{
    int32_t w[6];
    if (copy_from_guest(w, addr, sizeof w))
        return -EFAULT;
    memset(n, 0, sizeof *n);
    n->code = w[2];
    n->pid = w[3];
    n->uid = (uint32_t)w[4];
    n->value = w[5];
    return 0;
}

/* RLIMIT_SIGPENDING counts every pending instance (kernel/signal.c
 * __sigqueue_alloc); a real-time one beyond it fails with EAGAIN. */
static bool over_limit(const struct linux_proc *p)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_SIGPENDING, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return false;
    uint64_t n = (uint64_t)__builtin_popcountll(p->sig.pending) + p->sig.nqueued;
    return n >= rl.rlim_cur;
}

static int64_t to_self(struct linux_proc *p, int sig, const struct guest_signote *n)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    if (sig >= GUEST_SIGRTMIN && over_limit(p))
        return -EAGAIN;
    return guest_signal_post(p, sig, n);
}

static int64_t to_host(int nr, pid_t tgid, pid_t tid, int sig, const struct guest_signote *n)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = sig;
    si.si_code = n->code;
    si.si_pid = n->pid;
    si.si_uid = n->uid;
    si.si_value.sival_int = n->value;
    if (nr == SYS_rt_sigqueueinfo)
        return host_ret(syscall(SYS_rt_sigqueueinfo, tgid, sig, &si));
    return host_ret(syscall(SYS_rt_tgsigqueueinfo, tgid, tid, sig, &si));
}

static bool claims_kernel(const struct guest_signote *n) { return n->code >= 0 || n->code == GUEST_SI_TKILL; }

/* rt_sigqueueinfo(tgid, sig, uinfo) */
int64_t sys_rt_sigqueueinfo(struct linux_proc *p, const uint32_t a[7])
{
    struct guest_signote n;
    if (load_info(a[2], &n))
        return -EFAULT;
    int sig = sarg(a[1]);
    if (sarg(a[0]) == guest_pid())
        return to_self(p, sig, &n);
    if (claims_kernel(&n))
        return -EPERM;
    return to_host(SYS_rt_sigqueueinfo, sarg(a[0]), 0, sig, &n);
}

/* rt_tgsigqueueinfo(tgid, tid, sig, uinfo) */
int64_t sys_rt_tgsigqueueinfo(struct linux_proc *p, const uint32_t a[7])
{
    struct guest_signote n;
    if (sarg(a[0]) <= 0 || sarg(a[1]) <= 0)
        return -EINVAL;
    if (load_info(a[3], &n))
        return -EFAULT;
    int sig = sarg(a[2]);
    int slot = thread_slot_of_tid(sarg(a[1]));
    if (sarg(a[0]) == guest_pid()) {
        if (slot < 0)
            return -ESRCH;
        if (sig >= GUEST_SIGRTMIN && sig <= GUEST_NSIG && over_limit(p))
            return -EAGAIN;
        return guest_signal_to_thread(p, slot, sig, &n);
    }
    if (claims_kernel(&n))
        return -EPERM;
    return to_host(SYS_rt_tgsigqueueinfo, sarg(a[0]), sarg(a[1]), sig, &n);
}
