/* Runs the guest: the dispatcher loop that finds or translates the block for
 * the current PC, enters it, and handles what comes back (syscalls, kernel
 * helper calls, undefined instructions, faults, chaining). */
#pragma once
#include "linux/process.h"
#include "translator/cpu.h"

/* A CPU at the loaded program's entry, registers as qemu-arm sets them. */
struct arm_cpu *runtime_new_cpu(struct linux_proc *p);
/* Runs until the guest exits or is killed (see p->exited, p->fatal_signal). */
void runtime_run(struct arm_cpu *cpu);
/* Prints qemu-arm's "uncaught target signal" line and dies of sig. */
_Noreturn void runtime_die_of_signal(int sig);
