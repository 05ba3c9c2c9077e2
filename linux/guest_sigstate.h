/* The guest's signal state as the kernel keeps it for the one guest process:
 * the action table set by rt_sigaction (guest handler addresses), the
 * blocked mask, the pending set with what siginfo each pending signal will
 * carry, the alternate stack, and the mask sigsuspend saved. One plain
 * struct without padding, so history can save and compare it whole (the
 * undo log's SIGSTATE record, snapshots, the state hash). */
#pragma once
#include <stdint.h>

#include "linux/guest_structs.h"

/* What the kernel will write into the siginfo of a pending signal. */
struct guest_signote {
    int32_t code;    /* si_code: SI_USER, SI_TKILL, SI_QUEUE, SI_TIMER, SI_KERNEL, SEGV_MAPERR ... */
    int32_t pid;     /* sender (kill, sigqueue), or the child (SIGCHLD) */
    uint32_t uid;
    uint32_t addr;   /* si_addr of a fault */
    int32_t status;  /* SIGCHLD: si_status */
    int32_t value;   /* si_value (SI_QUEUE, SI_TIMER, SI_MESGQ) */
    int32_t timerid; /* SI_TIMER: si_timerid (the guest's timer id) */
    int32_t overrun; /* SI_TIMER: si_overrun */
    int32_t thread;  /* SI_TIMER of a SIGEV_THREAD_ID timer: the guest thread it is for (0: the process) */
    int32_t pad;
};

/* Further instances of pending real-time signals (linux/sig_queue.h): the
 * first instance of each pending signal is note[sig], the later ones wait
 * here in arrival order. Linux bounds the queue by RLIMIT_SIGPENDING
 * (thousands); this one holds GUEST_SIGQUEUE_MAX entries, and sigqueue
 * fails with EAGAIN beyond that, as Linux does beyond its limit. */
#define GUEST_SIGQUEUE_MAX 32
struct guest_sigqueued {
    int32_t sig;
    struct guest_signote n;
};
/* POSIX timers (linux/sys_timer.c): timer ids 0..GUEST_NTIMERS-1. */
#define GUEST_NTIMERS 32

struct guest_sigstate {
    uint64_t blocked;    /* bit sig-1 */
    uint64_t pending;    /* bit sig-1 */
    uint64_t saved_mask; /* sigsuspend's: restored after the handler */
    struct guest_sigaction action[GUEST_NSIG + 1]; /* [sig], 1..64 */
    struct guest_stack altstack;
    uint32_t has_saved_mask;
    struct guest_signote note[GUEST_NSIG + 1];
    uint32_t nqueued;
    struct guest_sigqueued queue[GUEST_SIGQUEUE_MAX];
    /* timer_getoverrun: the overrun of each timer's last delivered signal. */
    int32_t timer_overrun[GUEST_NTIMERS];
};
_Static_assert(sizeof(struct guest_signote) == 40 && sizeof(struct guest_sigqueued) == 44, "no padding");
_Static_assert(sizeof(struct guest_sigstate) ==
                   3 * 8 + (GUEST_NSIG + 1) * (sizeof(struct guest_sigaction) + sizeof(struct guest_signote)) +
                       12 + 4 + 4 + GUEST_SIGQUEUE_MAX * sizeof(struct guest_sigqueued) + GUEST_NTIMERS * 4,
               "no padding: the struct is hashed and compared as bytes");
