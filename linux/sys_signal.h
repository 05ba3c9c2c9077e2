/* The guest's signals as the kernel would handle them for the one guest
 * process, on the state in p->sig (linux/guest_sigstate.h): the signal
 * syscalls, sending a signal to the guest, what is deliverable now, and the
 * host's dispositions mirroring the guest's (an asynchronous signal from
 * outside is caught by a host handler that notes it; the runtime moves it
 * into p->sig with guest_signals_collect and delivers it). Building the
 * frame and running the handler is the runtime's (translator/signal_deliver.c):
 * it needs the CPU. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/guest_structs.h"
#include "linux/process.h"

#define GUEST_SIG_DFL 0u
#define GUEST_SIG_IGN 1u
/* sa_flags (arch/arm/include/uapi/asm/signal.h) */
#define GUEST_SA_SIGINFO 0x00000004u
#define GUEST_SA_RESTORER 0x04000000u
#define GUEST_SA_ONSTACK 0x08000000u
#define GUEST_SA_RESTART 0x10000000u
#define GUEST_SA_NODEFER 0x40000000u
#define GUEST_SA_RESETHAND 0x80000000u
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31) /* include/uapi/linux/signal.h */

#define GUEST_SIGBIT(sig) (1ull << ((sig) - 1))

/* Back to the state at exec: all default, nothing blocked or pending. */
void guest_signals_reset(struct linux_proc *p);

/* The state a program starts with after execve: the dispositions the host
 * process ignores stay ignored, its blocked mask stays blocked (execve
 * keeps both; handlers become SIG_DFL). Called once by the loader. */
void guest_signals_inherit_host(struct linux_proc *p);

/* Default actions, signal(7). */
enum guest_sigdefault { SIGDFL_TERM, SIGDFL_CORE, SIGDFL_IGNORE, SIGDFL_STOP };
enum guest_sigdefault guest_signal_default(int sig);

/* The guest sends sig to itself (kill/tkill/tgkill on its own ids; code is
 * SI_USER or SI_TKILL). Returns 0 or -EINVAL. */
int guest_signal_self(struct linux_proc *p, int sig, int code);
/* The kernel sends sig to the guest with this siginfo: discarded if the
 * guest ignores it and does not block it, ends the guest if its default is
 * fatal and it is not blocked, else pending until delivered. 0, or -EAGAIN
 * when a real-time instance finds the queue full (linux/sig_queue.h). */
int guest_signal_post(struct linux_proc *p, int sig, const struct guest_signote *n);
/* sig sent to the guest thread in slot (tkill/tgkill, rt_tgsigqueueinfo)
 * with this siginfo: the running thread gets it as guest_signal_post gives
 * it (marked as its own); another keeps it pending in its table entry until
 * it runs -- a signal it ignores is dropped, a fatal default not blocked by
 * that thread ends the process at once (the kernel's complete_signal). One
 * instance per thread (no per-thread queue). 0, -EINVAL or -EAGAIN. */
int64_t guest_signal_to_thread(struct linux_proc *p, int slot, int sig, const struct guest_signote *n);
/* A signal noted on the host (n from guest_signals_take): to the process,
 * or to the thread a SIGEV_THREAD_ID timer's expiry names. */
int guest_signal_post_noted(struct linux_proc *p, int sig, const struct guest_signote *n);
/* The host keeps sig for itself (faults, glibc's 32 and 33, SIGKILL/STOP). */
bool guest_signals_host_reserved(int sig);
/* The host signal guest timers raise for a signal the host keeps. */
int guest_signals_timer_host_signal(void);
/* The guest's signal and thread (0: the process) of guest timer id
 * (linux/sys_timer.c); false if there is no such timer. Async-signal-safe. */
bool guest_timer_target(int32_t id, int *sig, int32_t *thread);
/* A synchronous fault signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP): as the
 * kernel's force_sig, a blocked or ignored one is unblocked and reset to
 * SIG_DFL (it kills). */
void guest_signal_force(struct linux_proc *p, int sig, const struct guest_signote *n);

/* The signal to deliver now (synchronous ones first, then the lowest
 * number), 0 if none: pending and not blocked. */
int guest_signal_next(const struct linux_proc *p);
/* Takes the signals the host handlers noted (bit sig-1) and their siginfo,
 * without giving them to the guest (the recorder logs them first). */
uint64_t guest_signals_take(struct guest_signote notes[GUEST_NSIG + 1]);
/* Moves signals the host handlers noted into p->sig. True if any arrived. */
bool guest_signals_collect(struct linux_proc *p);
/* Called by the host handler after noting a signal (async-signal context):
 * the runtime uses it to bring the guest back to its dispatcher. */
void guest_signals_on_arrival(void (*fn)(void));
/* True if a host handler noted a signal not collected yet. */
bool guest_signals_arrived(void);

/* Makes the host's dispositions follow the guest's: a guest handler, or a
 * blocked signal whose default is not "ignore", gets the noting host
 * handler (no SA_RESTART: the runtime restarts syscalls as the guest asked);
 * SIG_IGN and SIG_DFL are the host's own. Cheap when nothing changed; call
 * after anything that changed p->sig. */
void guest_signals_host_sync(const struct linux_proc *p);
/* While on (recording): a signal whose default action kills is noted too
 * when the guest leaves it at SIG_DFL (the faults excepted: SYNCHRONOUS),
 * so that a `kill` from outside reaches the guest at a logged count -- a
 * debugger sees it, a saved recording ends with it -- instead of killing
 * the host process at once; and guest_signals_collect leaves a timer's
 * signal for one thread to the recorder, which takes it where it logs it
 * (the signal state after a syscall, which collect's changes join, does
 * not hold the threads' own pending sets). */
void guest_signals_recorded(const struct linux_proc *p, bool on);

/* ppoll and pselect6's signal mask for the wait (kernel: set_user_sigmask):
 * begin makes mask the blocked set, keeping the old one to come back
 * (has_saved_mask, as sigsuspend), and returns -EINTR if a signal it lets
 * in is pending already. end puts the old mask back when the call returns
 * anything but -EINTR; after -EINTR the mask stays: the signal that ended
 * the wait is handled with it and the frame restores the old one, or one
 * it still blocks made the host wait stop and the call runs again. */
int guest_wait_mask_begin(struct linux_proc *p, uint64_t mask);
/* begin with the guest's sigset at addr (-EFAULT if unreadable). */
int guest_wait_mask_at(struct linux_proc *p, uint32_t addr);
int64_t guest_wait_mask_end(struct linux_proc *p, int64_t r);
/* A host signal backstep uses itself (the debugger's SIGIO): never mirrored. */
void guest_signals_host_reserve(int sig);

/* The common parts of the rt_ and the old signal syscalls: the action of
 * sig set (in NULL: only read) with the old one in *old (0 or -EINVAL);
 * the blocked mask changed by how (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK;
 * newset NULL: unchanged), acting on what it unblocks; sigsuspend with
 * mask (always -EINTR). */
int guest_sigaction_set(struct linux_proc *p, int sig, const struct guest_sigaction *in, struct guest_sigaction *old);
void guest_sigmask_change(struct linux_proc *p, uint32_t how, const uint64_t *newset);
int64_t guest_sigsuspend(struct linux_proc *p, uint64_t mask);

/* Sleeps on the host until a signal of wanted is pending in p->sig (or the
 * host was interrupted for another reason: the debugger's SIGIO), at most
 * until *timeout (NULL: no limit). 0 on a signal or interrupt, -EAGAIN on
 * the timeout. */
struct timespec;
int guest_signals_wait(struct linux_proc *p, uint64_t wanted, const struct timespec *timeout);

/* The alternate stack as the kernel judges it at sp: on it, and the
 * ss_flags sigaltstack would report. */
bool guest_on_altstack(const struct linux_proc *p, uint32_t sp);
int32_t guest_altstack_flags(const struct linux_proc *p, uint32_t sp);
/* sigaltstack's set half (also used by sigreturn): 0 or -errno. */
int guest_altstack_set(struct linux_proc *p, const struct guest_stack *ss, uint32_t sp);

/* Syscalls that end with EINTR when a handler interrupts them, whatever
 * SA_RESTART says (ERESTARTNOHAND, ERESTART_RESTARTBLOCK and EINTR
 * classes: pause, sigsuspend, sleeps, waits for events). */
bool guest_syscall_never_restarted(uint32_t nr);
