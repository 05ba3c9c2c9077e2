/* The guest's signal state as the kernel keeps it for the one guest process:
 * the action table set by rt_sigaction (guest handler addresses), the
 * blocked mask, the pending set with what siginfo each pending signal will
 * carry, the alternate stack, and the mask sigsuspend saved. One plain
 * struct without padding, so history can save and compare it whole (the
 * undo log's SIGSTATE record, snapshots, the state hash). */
#pragma once
#include <stdint.h>

#include "linux/guest_structs.h"

/* What the kernel will write into the siginfo of a pending standard signal
 * (one instance per signal, as for non-real-time signals). */
struct guest_signote {
    int32_t code;   /* si_code: SI_USER, SI_TKILL, SI_KERNEL, SEGV_MAPERR ... */
    int32_t pid;    /* sender (kill), or the child (SIGCHLD) */
    uint32_t uid;
    uint32_t addr;  /* si_addr of a fault */
    int32_t status; /* SIGCHLD: si_status */
};

struct guest_sigstate {
    uint64_t blocked;    /* bit sig-1 */
    uint64_t pending;    /* bit sig-1 */
    uint64_t saved_mask; /* sigsuspend's: restored after the handler */
    struct guest_sigaction action[GUEST_NSIG + 1]; /* [sig], 1..64 */
    struct guest_stack altstack;
    uint32_t has_saved_mask;
    struct guest_signote note[GUEST_NSIG + 1];
};
_Static_assert(sizeof(struct guest_sigstate) ==
                   3 * 8 + (GUEST_NSIG + 1) * (sizeof(struct guest_sigaction) + sizeof(struct guest_signote)) +
                       12 + 4,
               "no padding: the struct is hashed and compared as bytes");
