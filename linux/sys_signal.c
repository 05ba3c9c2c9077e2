/* Signal syscalls on the emulated signal state (linux/sys_signal.h):
 * rt_sigaction, rt_sigprocmask, rt_sigpending, sigaltstack, and kill/tkill/
 * tgkill. Signals the guest sends to itself are handled here without the
 * host: default-fatal ones set p->fatal_signal (the runtime then kills
 * itself with it), ignored ones vanish, stop signals stop the host process.
 * Signals for other processes go to the host kernel. */
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"

struct guest_sigstate guest_signals;

#define BIT(sig) (1ull << ((sig) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define GUEST_SS_AUTODISARM (1u << 31) /* include/uapi/linux/signal.h */

void guest_signals_reset(void) { memset(&guest_signals, 0, sizeof(guest_signals)); }

enum dfl { DFL_TERM, DFL_IGNORE, DFL_STOP };

/* Default actions, signal(7); ARM and x86-64 share the signal numbers. */
static enum dfl default_action(int sig)
{
    switch (sig) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
    case SIGCONT:
        return DFL_IGNORE;
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
        return DFL_STOP;
    default:
        return DFL_TERM;
    }
}

static bool ignored_now(int sig)
{
    uint32_t h = guest_signals.action[sig].handler;
    return sig != SIGKILL && sig != SIGSTOP &&
           (h == GUEST_SIG_IGN || (h == GUEST_SIG_DFL && default_action(sig) == DFL_IGNORE));
}

static void act_on(struct linux_proc *p, int sig)
{
    uint32_t h = guest_signals.action[sig].handler;
    if (sig == SIGKILL)
        h = GUEST_SIG_DFL;
    if (h == GUEST_SIG_IGN && sig != SIGSTOP)
        return;
    if (h != GUEST_SIG_DFL && sig != SIGSTOP) {
        if (log_enabled(LOG_UNIMP))
            log_printf("Signal %d has a guest handler at 0x%08x; delivery is not implemented, treating it as fatal\n",
                       sig, h);
        p->fatal_signal = sig;
        p->exited = true;
        return;
    }
    switch (default_action(sig)) {
    case DFL_IGNORE:
        return;
    case DFL_STOP:
        /* Job control: the host process is the guest process. */
        kill(getpid(), sig);
        return;
    case DFL_TERM:
        p->fatal_signal = sig;
        p->exited = true;
        return;
    }
}

/* Acts on pending signals that are no longer blocked, lowest number first,
 * until one ends the guest. */
static void run_pending(struct linux_proc *p)
{
    for (int sig = 1; sig <= GUEST_NSIG && !p->exited; sig++) {
        if ((guest_signals.pending & BIT(sig)) && !(guest_signals.blocked & BIT(sig))) {
            guest_signals.pending &= ~BIT(sig);
            act_on(p, sig);
        }
    }
}

int guest_signal_self(struct linux_proc *p, int sig)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    /* Blocked signals are queued even if ignored: the action may change
     * before they are unblocked (kernel/signal.c, sig_ignored). */
    if (guest_signals.blocked & BIT(sig)) {
        guest_signals.pending |= BIT(sig);
        return 0;
    }
    act_on(p, sig);
    return 0;
}

static uint64_t load_set(const uint32_t w[2]) { return (uint64_t)w[0] | ((uint64_t)w[1] << 32); }

/* rt_sigaction(sig, act, oact, sigsetsize) */
int64_t sys_rt_sigaction(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int sig = sarg(a[0]);
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    if (sig < 1 || sig > GUEST_NSIG || (a[1] && (sig == SIGKILL || sig == SIGSTOP)))
        return -EINVAL;
    struct guest_sigaction act;
    if (a[1] && copy_from_guest(&act, a[1], sizeof(act)))
        return -EFAULT;
    if (a[2] && !guest_writable(a[2], sizeof(act)))
        return -EFAULT;
    struct guest_sigaction old = guest_signals.action[sig];
    if (a[1]) {
        uint64_t mask = load_set(act.mask) & ~UNBLOCKABLE;
        act.mask[0] = (uint32_t)mask;
        act.mask[1] = (uint32_t)(mask >> 32);
        guest_signals.action[sig] = act;
        /* POSIX: setting SIG_IGN (or a default of "ignore") discards a
         * pending instance (kernel/signal.c do_sigaction). */
        if (ignored_now(sig))
            guest_signals.pending &= ~BIT(sig);
    }
    if (a[2])
        copy_to_guest(a[2], &old, sizeof(old));
    return 0;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize). Unblocking a pending signal
 * acts on it before the syscall returns, which is how glibc's raise() and
 * abort() (block all, tgkill, restore) end the process. */
int64_t sys_rt_sigprocmask(struct linux_proc *p, const uint32_t a[7])
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t old = guest_signals.blocked, set = 0;
    if (a[1]) {
        uint32_t w[2];
        if (copy_from_guest(w, a[1], sizeof(w)))
            return -EFAULT;
        set = load_set(w) & ~UNBLOCKABLE;
        if (a[0] > 2)
            return -EINVAL;
    }
    if (a[2] && !guest_writable(a[2], 8))
        return -EFAULT;
    if (a[1]) {
        switch (a[0]) {
        case 0: /* SIG_BLOCK */
            guest_signals.blocked |= set;
            break;
        case 1: /* SIG_UNBLOCK */
            guest_signals.blocked &= ~set;
            break;
        default: /* SIG_SETMASK */
            guest_signals.blocked = set;
            break;
        }
    }
    if (a[2]) {
        uint32_t w[2] = {(uint32_t)old, (uint32_t)(old >> 32)};
        copy_to_guest(a[2], w, sizeof(w));
    }
    run_pending(p);
    return 0;
}

/* rt_sigpending(set, sigsetsize): pending and blocked. */
int64_t sys_rt_sigpending(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[1] > GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t v = guest_signals.pending & guest_signals.blocked;
    uint32_t w[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
    return copy_to_guest(a[0], w, a[1]);
}

/* sigaltstack(ss, old_ss): kernel/signal.c do_sigaltstack. The guest is
 * never on the alternate stack yet (no delivery), so no -EPERM. */
int64_t sys_sigaltstack(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct guest_stack *cur = &guest_signals.altstack;
    struct guest_stack old = *cur;
    old.ss_flags = (int32_t)((cur->ss_size == 0 ? (uint32_t)SS_DISABLE : 0u) | (uint32_t)cur->ss_flags);
    if (a[1] && !guest_writable(a[1], sizeof(old)))
        return -EFAULT;
    if (a[0]) {
        struct guest_stack ss;
        if (copy_from_guest(&ss, a[0], sizeof(ss)))
            return -EFAULT;
        uint32_t mode = (uint32_t)ss.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
            return -EINVAL;
        if (mode == SS_DISABLE) {
            ss.ss_sp = 0;
            ss.ss_size = 0;
        } else if (ss.ss_size < GUEST_MINSIGSTKSZ) {
            return -ENOMEM;
        }
        cur->ss_sp = ss.ss_sp;
        cur->ss_size = ss.ss_size;
        cur->ss_flags = (int32_t)((uint32_t)ss.ss_flags & GUEST_SS_AUTODISARM);
    }
    if (a[1])
        copy_to_guest(a[1], &old, sizeof(old));
    return 0;
}

/* kill(pid, sig): to itself it is emulated; pid 0 and -1 (the process
 * group, everyone) and other pids go to the host, which for the group
 * includes the backstep process itself. */
int64_t sys_kill(struct linux_proc *p, const uint32_t a[7])
{
    if (sarg(a[0]) == getpid())
        return guest_signal_self(p, sarg(a[1]));
    return host_ret(kill(sarg(a[0]), sarg(a[1])));
}

int64_t sys_tgkill(struct linux_proc *p, const uint32_t a[7])
{
    if (sarg(a[0]) == getpid() && sarg(a[1]) == gettid())
        return guest_signal_self(p, sarg(a[2]));
    return host_ret(syscall(SYS_tgkill, sarg(a[0]), sarg(a[1]), sarg(a[2])));
}

int64_t sys_tkill(struct linux_proc *p, const uint32_t a[7])
{
    if (sarg(a[0]) == gettid())
        return guest_signal_self(p, sarg(a[1]));
    return host_ret(syscall(SYS_tkill, sarg(a[0]), sarg(a[1])));
}
