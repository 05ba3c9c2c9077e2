/* Runs the guest: the dispatcher loop that finds or translates the block for
 * the current PC, enters it, and handles what comes back (syscalls, kernel
 * helper calls, undefined instructions, faults, chaining, budgets and
 * breakpoints). */
#pragma once
#include <stdint.h>

#include "linux/process.h"
#include "arm/cpu.h"

/* A CPU at the loaded program's entry, registers as qemu-arm sets them. */
struct arm_cpu *runtime_new_cpu(struct linux_proc *p);
/* Runs until the guest exits or is killed (see p->exited, p->fatal_signal);
 * a guest fault kills the process as the signal would. */
void runtime_run(struct arm_cpu *cpu);
/* Prints qemu-arm's "uncaught target signal" line and dies of sig. */
_Noreturn void runtime_die_of_signal(int sig);

/* Why runtime_run_until returned. The state is always exact at a named
 * instruction count: */
enum run_stop {
    RUN_REACHED,    /* icount == stop_at */
    RUN_BREAKPOINT, /* before the instruction at a breakpoint (RUN_STOP_AT_BREAKPOINTS) */
    RUN_SIGNAL,     /* *sig is about to hit the guest: before a faulting or
                     * undefined instruction or BKPT, or after a syscall that
                     * raised it (p->fatal_signal) */
    RUN_EXITED,     /* the guest called exit/exit_group (p->exited) */
    RUN_SYSCALL_INTERRUPTED, /* the debugger interrupted a blocking syscall: it did
                              * not happen, but its SVC is counted (the caller
                              * steps back one instruction; see p->syscall_interrupted) */
    RUN_SYSCALL_STOP, /* right after a syscall the recorder asked to stop after
                       * (p->syscall_stop: the kernel wrote a watched range) */
    RUN_IDLE,         /* every guest thread waits (recording): nothing ran for a
                       * few milliseconds; call again to go on waiting */
    RUN_ABANDONED,    /* a guest fault in blocks without undo records (a history
                       * query's replay, translate_set_query): the state is not
                       * exact at any count; the caller restores an earlier one */
};
#define RUN_STOP_AT_BREAKPOINTS 1u
/* Stop with RUN_SIGNAL before delivering a pending signal the guest will
 * take (a handler, or a fatal default), as gdbserver reports one before
 * the kernel delivers it; runtime_pass_signal lets the one at a count go. */
#define RUN_STOP_AT_SIGNALS 2u
/* The signal pending at count icount is to be delivered, not stopped at
 * again (the debugger passed it on). */
void runtime_pass_signal(uint64_t icount);

/* Runs at most until icount == stop_at (budgets are checked only in blocks
 * translated while recording: plain runs use UINT64_MAX). A breakpoint is passed, not
 * stopped at, when icount == cpu->bp_pass (set it to the resume point: a
 * resume does not stop where it starts) or without RUN_STOP_AT_BREAKPOINTS.
 * Faults are precise only while recording (translate_set_recording). */
enum run_stop runtime_run_until(struct arm_cpu *cpu, uint64_t stop_at, unsigned flags, int *sig);

/* Replaces how an SVC is served (the timeline's record/replay); fn must set
 * cpu->r[0] and may set p->exited / p->fatal_signal. NULL: run it live. */
typedef void runtime_syscall_fn(struct arm_cpu *cpu, struct linux_proc *p);
void runtime_set_syscall_fn(runtime_syscall_fn *fn);
/* Serves an SVC live (what the default does). */
void runtime_syscall_live(struct arm_cpu *cpu, struct linux_proc *p);
