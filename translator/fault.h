/* Host SIGSEGV/SIGBUS caused by a guest access become the guest's fatal
 * SIGSEGV/SIGBUS; anything else is a bug of backstep and crashes as such.
 *
 * While recording (under the debugger) a guest fault must instead stop the
 * guest with its state intact: the dispatcher arms a recovery point around
 * translated code, and a fault there copies the guest registers that live in
 * host registers into the cpu and jumps back to it; the dispatcher then pops
 * the undo log to the faulting block's start. */
#pragma once
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"

void fault_init(void);
void fault_arm(sigjmp_buf *env, struct arm_cpu *cpu);
void fault_disarm(void);
/* A guest fault detected in C (a helper called from translated code, with
 * the cpu synced): recovers if armed, else the guest dies of sig. */
_Noreturn void fault_raise(int sig);
/* Called first for a fault on a guest address: true if it was a write to a
 * page write-protected for a snapshot (snapshots/), now made writable: the
 * access is retried. */
typedef bool fault_write_protect_fn(uint32_t guest_addr);
void fault_set_write_protect_handler(fault_write_protect_fn *fn);
/* The signal of the fault that last jumped to the recovery point. */
int fault_last_signal(void);

/* A guest fault as the kernel reports it in siginfo: signal, si_code
 * (SEGV_MAPERR / SEGV_ACCERR / BUS_ADRALN) and si_addr (a guest address).
 * fault_note() records the one about to be raised; fault_last() is the
 * latest (a recovered fault in translated code notes itself). */
struct guest_fault {
    int sig, code;
    uint32_t addr;
};
void fault_note(int sig, int code, uint32_t addr);
/* SIGSEGV at a guest address: SEGV_ACCERR on a mapped page, else SEGV_MAPERR. */
void fault_note_segv(uint32_t addr);
struct guest_fault fault_last(void);
