/* The recorded guest as the RSP server's target (gdbstub/rsp_target.h):
 * registers and memory of the current point in history, breakpoints and
 * watchpoints, forward and reverse resumption, monitor commands. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "gdbstub/rsp_target.h"
#include "linux/process.h"
#include "arm/cpu.h"

extern const struct rsp_target_ops timeline_target_ops;

/* What the session ended with, for main to act on after the server returns. */
enum target_outcome {
    TARGET_RUNNING,   /* still stopped in the debugger's hands (disconnect) */
    TARGET_EXITED,    /* the guest exited: proc->exit_status */
    TARGET_SIGNALLED, /* the guest died of target_final_signal() */
    TARGET_KILLED,    /* gdb killed it */
    TARGET_DETACHED,  /* gdb detached: run it to its end without debugging */
};

struct timeline_target;
struct timeline_target *timeline_target_create(struct arm_cpu *cpu, struct linux_proc *p, uint64_t undo_bytes);
void timeline_target_destroy(struct timeline_target *t);
enum target_outcome timeline_target_outcome(const struct timeline_target *t);
int timeline_target_final_signal(const struct timeline_target *t);

/* An instruction count typed by the user (`monitor seek N`, `starti N`):
 * decimal digits, nothing else. False for anything else (a sign, letters). */
bool timeline_parse_icount(const char *s, uint64_t *out);

/* Monitor commands (timeline_monitor.c), called by the target's monitor op. */
typedef void monitor_print_fn(void *ctx, const char *text);
int timeline_monitor(struct timeline_target *t, const char *cmd, monitor_print_fn *print, void *ctx);
