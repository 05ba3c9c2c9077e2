/* Signal syscalls on the emulated signal state (linux/sys_signal.h):
 * rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend, pause,
 * rt_sigtimedwait, sigaltstack, and kill/tkill/tgkill. Signals the guest
 * sends to itself are handled here without the host: default-fatal ones set
 * p->fatal_signal (the runtime then kills itself with it), ignored ones
 * vanish, stop signals stop the host process, and the others stay pending
 * until the runtime delivers them to the guest's handler. Signals for other
 * processes go to the host kernel. */
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_ident.h"
#include "linux/sig_queue.h"
#include "linux/strace.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

#define BIT(sig) GUEST_SIGBIT(sig)
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define SYNCHRONOUS (BIT(SIGSEGV) | BIT(SIGBUS) | BIT(SIGILL) | BIT(SIGTRAP) | BIT(SIGFPE))

void guest_signals_reset(struct linux_proc *p) { memset(&p->sig, 0, sizeof(p->sig)); }

/* Default actions, signal(7); ARM and x86-64 share the signal numbers. */
enum guest_sigdefault guest_signal_default(int sig)
{
    switch (sig) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
    case SIGCONT:
        return SIGDFL_IGNORE;
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
        return SIGDFL_STOP;
    case SIGQUIT:
    case SIGILL:
    case SIGTRAP:
    case SIGABRT:
    case SIGBUS:
    case SIGFPE:
    case SIGSEGV:
    case SIGXCPU:
    case SIGXFSZ:
    case SIGSYS:
        return SIGDFL_CORE;
    default:
        return SIGDFL_TERM;
    }
}

static bool ignored_now(const struct linux_proc *p, int sig)
{
    uint32_t h = p->sig.action[sig].handler;
    return sig != SIGKILL && sig != SIGSTOP &&
           (h == GUEST_SIG_IGN || (h == GUEST_SIG_DFL && guest_signal_default(sig) == SIGDFL_IGNORE));
}

/* A default action that happens at once (the kernel does it while sending
 * for fatal signals, complete_signal): true if it did (or there is none). */
static bool act_on_default(struct linux_proc *p, int sig)
{
    uint32_t h = sig == SIGKILL || sig == SIGSTOP ? GUEST_SIG_DFL : p->sig.action[sig].handler;
    if (h == GUEST_SIG_IGN)
        return true;
    if (h != GUEST_SIG_DFL)
        return false;
    switch (guest_signal_default(sig)) {
    case SIGDFL_IGNORE:
        return true;
    case SIGDFL_STOP:
        /* Job control: the host process is the guest process. */
        kill(getpid(), sig);
        return true;
    case SIGDFL_TERM:
    case SIGDFL_CORE:
        p->fatal_signal = sig;
        p->exited = true;
        return true;
    }
    return true;
}

int guest_signal_post(struct linux_proc *p, int sig, const struct guest_signote *n)
{
    /* Blocked signals are queued even if ignored: the action may change
     * before they are unblocked (kernel/signal.c, sig_ignored). */
    if (!(p->sig.blocked & BIT(sig))) {
        if (ignored_now(p, sig))
            return 0;
        uint32_t h = sig == SIGKILL || sig == SIGSTOP ? GUEST_SIG_DFL : p->sig.action[sig].handler;
        if (h == GUEST_SIG_DFL && guest_signal_default(sig) != SIGDFL_IGNORE)
            strace_signal_taken_later(sig, n); /* taken at once: a fatal or stop default */
        if (act_on_default(p, sig))
            return 0;
    }
    /* One instance of a standard signal (a second one while pending is
     * merged), one per send of a real-time one (linux/sig_queue.h). */
    return guest_sigqueue_add(&p->sig, sig, n);
}

void guest_signal_force(struct linux_proc *p, int sig, const struct guest_signote *n)
{
    struct guest_sigaction *a = &p->sig.action[sig];
    if ((p->sig.blocked & BIT(sig)) || a->handler == GUEST_SIG_IGN) {
        a->handler = GUEST_SIG_DFL;
        p->sig.blocked &= ~BIT(sig);
    }
    p->sig.note[sig] = *n;
    p->sig.pending |= BIT(sig);
}

int guest_signal_next(const struct linux_proc *p)
{
    uint64_t ready = p->sig.pending & ~p->sig.blocked;
    if (!ready)
        return 0;
    if (ready & SYNCHRONOUS)
        ready &= SYNCHRONOUS;
    return __builtin_ctzll(ready) + 1;
}

int guest_signal_self(struct linux_proc *p, int sig, int code)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    struct guest_signote n = {.code = code, .pid = guest_pid(), .uid = guest_ident()->uid};
    guest_signal_post(p, sig, &n);
    return 0;
}

/* Acts on the pending signals that are no longer blocked and whose action
 * is a default one (the runtime delivers those with handlers). */
static void run_pending_defaults(struct linux_proc *p)
{
    for (int sig = 1; sig <= GUEST_NSIG && !p->exited; sig++) {
        if ((p->sig.pending & BIT(sig)) && !(p->sig.blocked & BIT(sig)) && act_on_default(p, sig)) {
            if (p->sig.action[sig].handler == GUEST_SIG_DFL && guest_signal_default(sig) != SIGDFL_IGNORE)
                strace_signal_taken_later(sig, &p->sig.note[sig]);
            guest_sigqueue_flush(&p->sig, sig);
        }
    }
}

/* --- the host side: noting asynchronous signals ---------------------------- */

static volatile uint64_t host_arrived; /* bit sig-1, set by the host handler */
static struct guest_signote host_note[GUEST_NSIG + 1];
/* Further real-time instances that arrived before the first was taken. */
#define HOST_EXTRA_MAX 32
static struct guest_sigqueued host_extra[HOST_EXTRA_MAX];
static volatile uint32_t host_nextra;
static uint64_t host_reserved = SYNCHRONOUS | UNBLOCKABLE; /* never mirrored */
static uint8_t host_mode[GUEST_NSIG + 1]; /* what is installed: 0 default, 1 ignore, 2 noting */

static void (*arrival_hook)(void);
static bool recorded; /* guest_signals_recorded */

void guest_signals_on_arrival(void (*fn)(void)) { arrival_hook = fn; }

/* The guest's siginfo from the host's. A guest POSIX timer's host timer
 * carries the guest timer id in the high half of its sival_ptr and the
 * guest's sigev_value in the low half (linux/sys_timer.c). */
static struct guest_signote note_of(int *sig, const siginfo_t *si)
{
    struct guest_signote n = {.code = si->si_code};
    if (si->si_code == SI_TIMER) {
        uint64_t v = (uint64_t)(uintptr_t)si->si_value.sival_ptr;
        n.timerid = (int32_t)(v >> 32);
        n.value = (int32_t)v;
        n.overrun = si->si_overrun;
        int gsig;
        int32_t thread;
        if (guest_timer_target(n.timerid, &gsig, &thread)) {
            *sig = gsig; /* the guest's, whatever the host raised */
            n.thread = thread;
        }
        return n;
    }
    n.pid = si->si_pid;
    n.uid = si->si_uid;
    if (*sig == SIGCHLD)
        n.status = si->si_status;
    else if (si->si_code == SI_QUEUE || si->si_code == SI_MESGQ)
        n.value = si->si_value.sival_int;
    return n;
}

/* A second arrival before the first was taken: a timer's expiry is an
 * overrun of its noted instance, a real-time signal waits in host_extra,
 * a standard one is merged. Runs with every signal blocked (sa_mask). */
static void note_again(int sig, const struct guest_signote *n)
{
    if (n->code == SI_TIMER && host_note[sig].code == SI_TIMER && host_note[sig].timerid == n->timerid) {
        host_note[sig].overrun += 1 + n->overrun;
        return;
    }
    for (uint32_t i = 0; i < host_nextra && n->code == SI_TIMER; i++) {
        if (host_extra[i].sig == sig && host_extra[i].n.code == SI_TIMER && host_extra[i].n.timerid == n->timerid) {
            host_extra[i].n.overrun += 1 + n->overrun;
            return;
        }
    }
    if (sig >= 32 && host_nextra < HOST_EXTRA_MAX) {
        host_extra[host_nextra].sig = sig;
        host_extra[host_nextra].n = *n;
        host_nextra++;
    }
}

static void on_host_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (sig < 1 || sig > GUEST_NSIG)
        return;
    struct guest_signote n = note_of(&sig, si);
    if (!(host_arrived & BIT(sig)))
        host_note[sig] = n;
    else
        note_again(sig, &n);
    __atomic_fetch_or(&host_arrived, BIT(sig), __ATOMIC_SEQ_CST);
    if (arrival_hook)
        arrival_hook();
}

bool guest_signals_arrived(void) { return __atomic_load_n(&host_arrived, __ATOMIC_RELAXED) != 0; }

/* One instance of each noted signal; the next instance of a real-time
 * signal becomes its note and stays arrived for the next call. The host
 * handler is kept out meanwhile. */
uint64_t guest_signals_take(struct guest_signote notes[GUEST_NSIG + 1])
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    uint64_t got = __atomic_exchange_n(&host_arrived, 0, __ATOMIC_SEQ_CST);
    uint64_t again = 0;
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (!(got & BIT(sig)))
            continue;
        notes[sig] = host_note[sig];
        for (uint32_t i = 0; i < host_nextra; i++) {
            if (host_extra[i].sig == sig) {
                host_note[sig] = host_extra[i].n;
                memmove(&host_extra[i], &host_extra[i + 1], (host_nextra - i - 1) * sizeof host_extra[0]);
                host_nextra--;
                again |= BIT(sig);
                break;
            }
        }
    }
    if (again)
        __atomic_fetch_or(&host_arrived, again, __ATOMIC_SEQ_CST);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return got;
}

/* Notes given back to be taken again later (the recorder's). */
static void note_later(uint64_t sigs, const struct guest_signote notes[GUEST_NSIG + 1])
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (!(sigs & BIT(sig)))
            continue;
        if (host_arrived & BIT(sig))
            note_again(sig, &notes[sig]);
        else
            host_note[sig] = notes[sig];
        __atomic_fetch_or(&host_arrived, BIT(sig), __ATOMIC_SEQ_CST);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

bool guest_signals_collect(struct linux_proc *p)
{
    bool any = false;
    uint64_t later = 0;
    struct guest_signote kept[GUEST_NSIG + 1];
    while (guest_signals_arrived()) {
        struct guest_signote notes[GUEST_NSIG + 1];
        uint64_t got = guest_signals_take(notes);
        for (int sig = 1; sig <= GUEST_NSIG; sig++) {
            if (!(got & BIT(sig)))
                continue;
            if (recorded && notes[sig].code == SI_TIMER && notes[sig].thread) {
                /* For one thread: the recorder takes it (it logs where). */
                if (later & BIT(sig))
                    kept[sig].overrun += 1 + notes[sig].overrun;
                else
                    kept[sig] = notes[sig];
                later |= BIT(sig);
                continue;
            }
            guest_signal_post_noted(p, sig, &notes[sig]);
            any = true;
        }
    }
    if (later)
        note_later(later, kept);
    return any || p->exited;
}

void guest_signals_recorded(const struct linux_proc *p, bool on)
{
    recorded = on;
    guest_signals_host_sync(p);
}

bool guest_signals_host_reserved(int sig) { return sig >= 1 && sig <= GUEST_NSIG && (host_reserved & BIT(sig)); }

/* The host signal raised by guest timers whose own signal the host keeps
 * (the last real-time one), noting from its first use on. */
int guest_signals_timer_host_signal(void)
{
    int sig = SIGRTMAX;
    if (!(host_reserved & BIT(sig))) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sigfillset(&sa.sa_mask);
        sa.sa_sigaction = on_host_signal;
        sa.sa_flags = SA_SIGINFO;
        sigaction(sig, &sa, NULL);
        host_reserved |= BIT(sig);
    }
    return sig;
}

int guest_signal_post_noted(struct linux_proc *p, int sig, const struct guest_signote *n)
{
    if (n->code != SI_TIMER || !n->thread)
        return guest_signal_post(p, sig, n);
    int slot = thread_slot_of_tid(n->thread);
    return slot < 0 ? 0 : (int)guest_signal_to_thread(p, slot, sig, n); /* (a thread gone: nobody gets it) */
}

void guest_signals_host_reserve(int sig)
{
    if (sig >= 1 && sig <= GUEST_NSIG)
        host_reserved |= BIT(sig);
}

void guest_signals_inherit_host(struct linux_proc *p)
{
    guest_signals_reset(p);
    sigset_t blocked;
    if (sigprocmask(SIG_BLOCK, NULL, &blocked) != 0)
        sigemptyset(&blocked);
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (host_reserved & BIT(sig))
            continue;
        struct sigaction old;
        if (sigaction(sig, NULL, &old) != 0)
            continue;
        if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN) {
            p->sig.action[sig].handler = GUEST_SIG_IGN;
            host_mode[sig] = 1;
        }
        if (sigismember(&blocked, sig) == 1)
            p->sig.blocked |= BIT(sig);
    }
    /* The guest's mask is emulated: the host blocks nothing of it. */
    sigprocmask(SIG_SETMASK, &(sigset_t){0}, NULL);
    guest_signals_host_sync(p);
}

void guest_signals_host_sync(const struct linux_proc *p)
{
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (host_reserved & BIT(sig))
            continue;
        uint32_t h = p->sig.action[sig].handler;
        uint8_t want = h == GUEST_SIG_IGN ? 1 : h == GUEST_SIG_DFL ? 0 : 2;
        /* A blocked signal must not act on the host: it waits, noted. */
        if (want == 0 && (p->sig.blocked & BIT(sig)) && guest_signal_default(sig) != SIGDFL_IGNORE)
            want = 2;
        /* Recording: one that kills is noted too, so that the guest dies of
         * it at a logged count and the recording holds its end. */
        enum guest_sigdefault d = guest_signal_default(sig);
        if (want == 0 && recorded && (d == SIGDFL_TERM || d == SIGDFL_CORE))
            want = 2;
        if (want == host_mode[sig])
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sigfillset(&sa.sa_mask);
        if (want == 2) {
            sa.sa_sigaction = on_host_signal;
            sa.sa_flags = SA_SIGINFO; /* no SA_RESTART: a blocking syscall returns EINTR */
        } else {
            sa.sa_handler = want == 1 ? SIG_IGN : SIG_DFL;
        }
        if (sigaction(sig, &sa, NULL) == 0)
            host_mode[sig] = want;
        else
            host_reserved |= BIT(sig); /* the C library's own (32, 33) */
    }
}

/* --- syscalls --------------------------------------------------------------- */

static uint64_t load_set(const uint32_t w[2]) { return (uint64_t)w[0] | ((uint64_t)w[1] << 32); }

int guest_sigaction_set(struct linux_proc *p, int sig, const struct guest_sigaction *in, struct guest_sigaction *old)
{
    if (sig < 1 || sig > GUEST_NSIG || (in && (sig == SIGKILL || sig == SIGSTOP)))
        return -EINVAL;
    *old = p->sig.action[sig];
    if (in) {
        struct guest_sigaction act = *in;
        uint64_t mask = load_set(act.mask) & ~UNBLOCKABLE;
        act.mask[0] = (uint32_t)mask;
        act.mask[1] = (uint32_t)(mask >> 32);
        p->sig.action[sig] = act;
        /* POSIX: setting SIG_IGN (or a default of "ignore") discards a
         * pending instance (kernel/signal.c do_sigaction). */
        if (ignored_now(p, sig))
            guest_sigqueue_flush(&p->sig, sig);
        guest_signals_host_sync(p);
    }
    return 0;
}

/* rt_sigaction(sig, act, oact, sigsetsize) */
int64_t sys_rt_sigaction(struct linux_proc *p, const uint32_t a[7])
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    struct guest_sigaction act, old;
    if (a[1] && copy_from_guest(&act, a[1], sizeof(act)))
        return -EFAULT;
    if (a[2] && !guest_writable(a[2], sizeof(act)))
        return -EFAULT;
    int r = guest_sigaction_set(p, sarg(a[0]), a[1] ? &act : NULL, &old);
    if (r == 0 && a[2])
        copy_to_guest(a[2], &old, sizeof(old));
    return r;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize). Unblocking a pending signal
 * acts on it before the syscall returns (a default action here, a handler
 * by the runtime right after), which is how glibc's raise() and abort()
 * (block all, tgkill, restore) end the process or run the handler. */
void guest_sigmask_change(struct linux_proc *p, uint32_t how, const uint64_t *newset)
{
    if (newset) {
        uint64_t set = *newset & ~UNBLOCKABLE;
        switch (how) {
        case 0: /* SIG_BLOCK */
            p->sig.blocked |= set;
            break;
        case 1: /* SIG_UNBLOCK */
            p->sig.blocked &= ~set;
            break;
        default: /* SIG_SETMASK */
            p->sig.blocked = set;
            break;
        }
    }
    guest_signals_collect(p);
    run_pending_defaults(p);
    guest_signals_host_sync(p);
}

int64_t sys_rt_sigprocmask(struct linux_proc *p, const uint32_t a[7])
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t old = p->sig.blocked, set = 0;
    if (a[1]) {
        uint32_t w[2];
        if (copy_from_guest(w, a[1], sizeof(w)))
            return -EFAULT;
        set = load_set(w);
        if (a[0] > 2)
            return -EINVAL;
    }
    if (a[2] && !guest_writable(a[2], 8))
        return -EFAULT;
    guest_sigmask_change(p, a[0], a[1] ? &set : NULL);
    if (a[2]) {
        uint32_t w[2] = {(uint32_t)old, (uint32_t)(old >> 32)};
        copy_to_guest(a[2], w, sizeof(w));
    }
    return 0;
}

/* rt_sigpending(set, sigsetsize): pending and blocked. */
int64_t sys_rt_sigpending(struct linux_proc *p, const uint32_t a[7])
{
    if (a[1] > GUEST_SIGSET_SIZE)
        return -EINVAL;
    guest_signals_collect(p);
    uint64_t v = p->sig.pending & p->sig.blocked;
    uint32_t w[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
    return copy_to_guest(a[0], w, a[1]);
}

int guest_signals_wait(struct linux_proc *p, uint64_t wanted, const struct timespec *timeout)
{
    struct timespec end = {0, 0};
    if (timeout) {
        clock_gettime(CLOCK_MONOTONIC, &end);
        end.tv_sec += timeout->tv_sec;
        end.tv_nsec += timeout->tv_nsec;
        if (end.tv_nsec >= 1000000000) {
            end.tv_sec++;
            end.tv_nsec -= 1000000000;
        }
    }
    for (;;) {
        guest_signals_collect(p);
        if ((p->sig.pending & wanted) || p->exited)
            return 0;
        struct timespec left, *lp = NULL;
        if (timeout) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            left.tv_sec = end.tv_sec - now.tv_sec;
            left.tv_nsec = end.tv_nsec - now.tv_nsec;
            if (left.tv_nsec < 0) {
                left.tv_sec--;
                left.tv_nsec += 1000000000;
            }
            if (left.tv_sec < 0)
                return -EAGAIN;
            lp = &left;
        }
        /* Signals are held from the last look at host_arrived until ppoll
         * lets them in atomically: one that arrives in between would
         * otherwise leave ppoll waiting for the next. */
        sigset_t all, old;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &old);
        int r = guest_signals_arrived() ? -1 : ppoll(NULL, 0, lp, &old);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (r == 0)
            return -EAGAIN;
        if (!guest_signals_arrived())
            return 0; /* woken by something that is not the guest's */
    }
}

/* rt_sigsuspend(mask, sigsetsize): waits with the given mask; the old mask
 * comes back after the handler (the frame carries it). Always -EINTR. */
int64_t sys_rt_sigsuspend(struct linux_proc *p, const uint32_t a[7])
{
    if (a[1] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint32_t w[2];
    if (copy_from_guest(w, a[0], sizeof(w)))
        return -EFAULT;
    return guest_sigsuspend(p, load_set(w));
}

int64_t guest_sigsuspend(struct linux_proc *p, uint64_t mask)
{
    p->sig.saved_mask = p->sig.blocked;
    p->sig.has_saved_mask = 1;
    p->sig.blocked = mask & ~UNBLOCKABLE;
    guest_signals_host_sync(p);
    run_pending_defaults(p);
    /* With several threads the wait is the scheduler's: the thread parks
     * with its temporary mask until a signal it takes (-EINTR then). */
    if (guest_threads_multi() && !(p->sig.pending & ~p->sig.blocked) && !p->exited) {
        struct guest_thread_sched *t = &guest_threads.t[guest_threads.current];
        t->state = GTS_SYSCALL;
        t->wait_fd = WAIT_NONE;
        t->deadline_ns = 0;
        return GUEST_SYSCALL_PARKED;
    }
    guest_signals_wait(p, ~p->sig.blocked, NULL);
    return -EINTR;
}

int guest_wait_mask_begin(struct linux_proc *p, uint64_t mask)
{
    if (!p->sig.has_saved_mask) { /* (not when the call runs again) */
        p->sig.saved_mask = p->sig.blocked;
        p->sig.has_saved_mask = 1;
    }
    p->sig.blocked = mask & ~UNBLOCKABLE;
    guest_signals_host_sync(p);
    guest_signals_collect(p);
    return guest_signal_next(p) ? -EINTR : 0;
}

int guest_wait_mask_at(struct linux_proc *p, uint32_t addr)
{
    uint32_t w[2];
    if (copy_from_guest(w, addr, sizeof w))
        return -EFAULT;
    return guest_wait_mask_begin(p, load_set(w));
}

int64_t guest_wait_mask_end(struct linux_proc *p, int64_t r)
{
    if (r == -EINTR || !p->sig.has_saved_mask)
        return r;
    p->sig.blocked = p->sig.saved_mask;
    p->sig.has_saved_mask = 0;
    guest_signals_host_sync(p);
    return r;
}

/* pause(): until a signal is delivered. */
int64_t sys_pause(struct linux_proc *p, const uint32_t a[7])
{
    (void)a;
    guest_signals_wait(p, ~p->sig.blocked, NULL);
    return -EINTR;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of
 * set without running its handler. */
int64_t sys_rt_sigtimedwait(struct linux_proc *p, const uint32_t a[7])
{
    if (a[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint32_t w[2];
    if (copy_from_guest(w, a[0], sizeof(w)))
        return -EFAULT;
    uint64_t set = load_set(w) & ~UNBLOCKABLE;
    struct timespec ts, *tp = NULL;
    if (a[2]) {
        int32_t t[2];
        if (copy_from_guest(t, a[2], sizeof(t)))
            return -EFAULT;
        if (t[1] < 0 || t[1] >= 1000000000)
            return -EINVAL;
        ts.tv_sec = t[0];
        ts.tv_nsec = t[1];
        tp = &ts;
    }
    if (a[1] && !guest_writable(a[1], GUEST_SIGINFO_SIZE))
        return -EFAULT;
    /* The signals waited for are unblocked for the wait (the kernel's
     * rule): the host must note them, not act. */
    int r = guest_signals_wait(p, set, tp);
    uint64_t ready = p->sig.pending & set;
    if (!ready)
        return r == -EAGAIN ? -EAGAIN : -EINTR;
    int sig = __builtin_ctzll(ready) + 1;
    struct guest_signote n = guest_sigqueue_take(&p->sig, sig);
    if (a[1]) {
        uint8_t info[GUEST_SIGINFO_SIZE];
        guest_siginfo_fill(info, sig, &n);
        copy_to_guest(a[1], info, sizeof info);
    }
    return sig;
}

bool guest_on_altstack(const struct linux_proc *p, uint32_t sp)
{
    const struct guest_stack *s = &p->sig.altstack;
    return s->ss_size && sp > s->ss_sp && sp - s->ss_sp <= s->ss_size;
}

int32_t guest_altstack_flags(const struct linux_proc *p, uint32_t sp)
{
    const struct guest_stack *s = &p->sig.altstack;
    if (!s->ss_size)
        return GUEST_SS_DISABLE;
    return (int32_t)((guest_on_altstack(p, sp) ? GUEST_SS_ONSTACK : 0) | ((uint32_t)s->ss_flags & GUEST_SS_AUTODISARM));
}

int guest_altstack_set(struct linux_proc *p, const struct guest_stack *in, uint32_t sp)
{
    struct guest_stack ss = *in;
    if (guest_on_altstack(p, sp))
        return -EPERM;
    uint32_t mode = (uint32_t)ss.ss_flags & ~GUEST_SS_AUTODISARM;
    if (mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK && mode != 0)
        return -EINVAL;
    if (mode == GUEST_SS_DISABLE) {
        ss.ss_sp = 0;
        ss.ss_size = 0;
    } else if (ss.ss_size < GUEST_MINSIGSTKSZ) {
        return -ENOMEM;
    }
    p->sig.altstack.ss_sp = ss.ss_sp;
    p->sig.altstack.ss_size = ss.ss_size;
    p->sig.altstack.ss_flags = (int32_t)((uint32_t)ss.ss_flags & GUEST_SS_AUTODISARM);
    return 0;
}

/* sigaltstack(ss, old_ss): kernel/signal.c do_sigaltstack. */
int64_t sys_sigaltstack(struct linux_proc *p, const uint32_t a[7])
{
    struct guest_stack old = p->sig.altstack;
    old.ss_flags = guest_altstack_flags(p, p->syscall_sp);
    if (a[1] && !guest_writable(a[1], sizeof(old)))
        return -EFAULT;
    if (a[0]) {
        struct guest_stack ss;
        if (copy_from_guest(&ss, a[0], sizeof(ss)))
            return -EFAULT;
        int r = guest_altstack_set(p, &ss, p->syscall_sp);
        if (r)
            return r;
    }
    if (a[1])
        copy_to_guest(a[1], &old, sizeof(old));
    return 0;
}

bool guest_syscall_never_restarted(uint32_t nr)
{
    switch (nr) {
    case 29:  /* pause */
    case 72:  /* sigsuspend */
    case 82:  /* select */
    case 142: /* _newselect */
    case 162: /* nanosleep */
    case 168: /* poll */
    case 177: /* rt_sigtimedwait */
    case 179: /* rt_sigsuspend */
    case 252: /* epoll_wait */
    case 265: /* clock_nanosleep */
    case 335: /* pselect6 */
    case 336: /* ppoll */
    case 346: /* epoll_pwait */
        return true;
    default:
        return false;
    }
}

/* kill(pid, sig): to itself it is emulated; pid 0 and -1 (the process
 * group, everyone) and other pids go to the host, which for the group
 * includes the backstep process itself. */
int64_t sys_kill(struct linux_proc *p, const uint32_t a[7])
{
    if (sarg(a[0]) == guest_pid())
        return guest_signal_self(p, sarg(a[1]), SI_USER);
    return host_ret(kill(sarg(a[0]), sarg(a[1])));
}

int64_t guest_signal_to_thread(struct linux_proc *p, int slot, int sig, const struct guest_signote *n)
{
    if (sig == 0)
        return 0;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    if ((uint32_t)slot == guest_threads.current) {
        int r = guest_signal_post(p, sig, n);
        if (guest_threads_multi() && (p->sig.pending & BIT(sig)))
            guest_threads.cur_thread_pending |= BIT(sig); /* this thread's alone */
        return r;
    }
    uint32_t h = p->sig.action[sig].handler;
    enum guest_sigdefault d = guest_signal_default(sig);
    if (h == GUEST_SIG_IGN || (h == GUEST_SIG_DFL && d == SIGDFL_IGNORE))
        return 0;
    if (h == GUEST_SIG_DFL && (d == SIGDFL_TERM || d == SIGDFL_CORE) && !(guest_thread_ctx[slot].blocked & BIT(sig)))
        return guest_signal_post(p, sig, n);
    p->sig.note[sig] = *n;
    guest_threads.t[slot].pending |= BIT(sig);
    return 0;
}

static int64_t signal_thread(struct linux_proc *p, int slot, int sig)
{
    struct guest_signote n = {.code = SI_TKILL, .pid = guest_pid(), .uid = guest_ident()->uid};
    return guest_signal_to_thread(p, slot, sig, &n);
}

int64_t sys_tgkill(struct linux_proc *p, const uint32_t a[7])
{
    int slot = thread_slot_of_tid(sarg(a[1]));
    if (sarg(a[0]) == guest_pid() && slot >= 0)
        return signal_thread(p, slot, sarg(a[2]));
    if (sarg(a[0]) == guest_pid())
        return -ESRCH;
    return host_ret(syscall(SYS_tgkill, sarg(a[0]), sarg(a[1]), sarg(a[2])));
}

int64_t sys_tkill(struct linux_proc *p, const uint32_t a[7])
{
    int slot = thread_slot_of_tid(sarg(a[0]));
    if (slot >= 0)
        return signal_thread(p, slot, sarg(a[1]));
    return host_ret(syscall(SYS_tkill, sarg(a[0]), sarg(a[1])));
}
