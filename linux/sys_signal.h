/* The guest's signal state as the kernel would keep it for the one guest
 * process: the action table set by rt_sigaction (guest handler addresses,
 * never installed on the host), the blocked mask, pending signals raised on
 * itself while blocked, and the alternate stack. Signal delivery to guest
 * handlers is not implemented yet: a signal that would run a guest handler
 * ends the guest as if it were fatal, with a LOG_UNIMP line. */
#pragma once
#include <stdint.h>

#include "linux/guest_structs.h"
#include "linux/process.h"

#define GUEST_SIG_DFL 0u
#define GUEST_SIG_IGN 1u

struct guest_sigstate {
    struct guest_sigaction action[GUEST_NSIG + 1]; /* [sig], 1..64 */
    uint64_t blocked;                              /* bit sig-1 */
    uint64_t pending;                              /* raised while blocked */
    struct guest_stack altstack;
};

extern struct guest_sigstate guest_signals;

/* Back to the state at exec: all default, nothing blocked or pending. */
void guest_signals_reset(void);

/* The guest sends sig to itself (kill/tkill/tgkill on its own ids): pending
 * if blocked, else acted on now. Returns 0 or -EINVAL. */
int guest_signal_self(struct linux_proc *p, int sig);
