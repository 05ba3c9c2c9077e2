/* Serving guest syscalls while recording: live at the end of history,
 * replayed from timeline/replay_log in the recorded past. */
#pragma once
#include "linux/process.h"
#include "arm/cpu.h"

/* Makes the runtime send every SVC through the recorder. */
void syscall_replay_install(void);
/* Called in a guest fork/vfork/clone child (a new host process): it must
 * stop recording and leave the debugger alone. */
typedef void syscall_replay_child_fn(struct arm_cpu *cpu, struct linux_proc *p);
void syscall_replay_on_child(syscall_replay_child_fn *fn);

/* Ctrl-C while the guest blocks in a syscall: SIGIO from the debugger's
 * connection fd (O_ASYNC) interrupts live syscalls, and only them (SIGIO is
 * blocked at all other times); an interrupted syscall is undone and the
 * runtime stops with RUN_SYSCALL_INTERRUPTED. */
void syscall_replay_interrupt_on(int fd);
/* Forgets a SIGIO that arrived while the guest was stopped. */
void syscall_replay_interrupt_clear(void);

/* While watchpoints are set at the end of history, every live syscall is
 * checked twice by fn: before it runs (true: a watched access happened since
 * the last check, so the syscall must not run; it is abandoned as an
 * interrupted one is and the runtime stops with RUN_SYSCALL_INTERRUPTED) and
 * after it (true: the kernel wrote a watched range; the runtime stops with
 * RUN_SYSCALL_STOP). So a forward run never passes a watched access with a
 * syscall. NULL: no checks. */
typedef bool syscall_replay_watch_fn(void);
void syscall_replay_set_watch(syscall_replay_watch_fn *fn);

/* In a diversion (timeline/diversion.h) syscalls run for real, unlogged,
 * their guest effects undoable; some are refused with EPERM. */
void syscall_replay_set_diverted(bool on);
