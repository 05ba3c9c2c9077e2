/* Recording and replaying the thread scheduler's inputs (see
 * timeline/thread_replay.c). */
#pragma once
#include "arm/cpu.h"

/* Plugs the recorder into the scheduler's hooks. */
void thread_replay_install(void);
/* Live: logs the running thread's table entry after a syscall made it wait
 * (its deadline, its fd), so replay waits on exactly the same. */
void thread_replay_log_park(const struct arm_cpu *cpu);
/* Replayed: puts that entry back (if the log has one here). */
void thread_replay_apply_park(const struct arm_cpu *cpu);
