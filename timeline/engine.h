/* Moving one recorded guest through its history, inside this process:
 * forward (live at the end of history, replayed before it), and backward by
 * popping the undo log and re-running the last part of a block. Stops at
 * breakpoints (translator/breakpoints.h) and watchpoints. Every state the
 * engine stops in is exactly the state the guest had at that instruction
 * count when it first got there. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/guest_sigstate.h"

#include "linux/process.h"
#include "arm/cpu.h"
#include "undo/undo_ring.h"

enum watch_kind { WATCH_WRITE = 2, WATCH_READ = 3, WATCH_ACCESS = 4 }; /* RSP Z types */

enum engine_stop_kind {
    ES_REACHED,       /* the requested count */
    ES_BREAKPOINT,    /* before the instruction at a breakpoint */
    ES_WATCH,         /* forward: before the writing instruction; backward: just after it */
    ES_SIGNAL,        /* .signal is about to hit the guest */
    ES_EXITED,        /* the guest called exit (p->exit_status) */
    ES_INTERRUPTED,   /* the client asked to stop */
    ES_HISTORY_BEGIN, /* backward: the earliest reachable point */
    ES_HISTORY_END,   /* forward, replaying a saved recording: its end (it never goes live) */
};

struct engine_stop {
    enum engine_stop_kind kind;
    int signal;
    uint32_t watch_addr;
    enum watch_kind watch_kind;
};

typedef bool engine_interrupt_fn(void *ctx);

void engine_init(struct arm_cpu *cpu, struct linux_proc *p, uint64_t undo_bytes);
/* Copy-on-write snapshots (snapshots/) every interval instructions, at
 * most max_count: history reaches back to the start, not just as far as
 * the undo log. */
void engine_enable_snapshots(uint64_t interval, unsigned max_count);
struct arm_cpu *engine_cpu(void);
struct linux_proc *engine_proc(void);

/* A saved recording is loaded (timeline/recording.h): the replay log is
 * read-only and history ends at count end; forward runs stop there
 * (ES_HISTORY_END) instead of going live. Snapshots are taken as the replay
 * first reaches each count, as at the end of a live history. */
void engine_replay_only(uint64_t end);
/* The furthest instruction count ever reached (the end of history; for a
 * saved recording, its recorded end). */
uint64_t engine_history_end(void);
/* The earliest count that can be reached. */
uint64_t engine_history_start(void);

bool engine_watch_insert(enum watch_kind kind, uint32_t addr, uint32_t len);
bool engine_watch_remove(enum watch_kind kind, uint32_t addr, uint32_t len);

/* While on, forward runs ignore the debugger's watchpoints (history
 * queries move through history with them set). */
void engine_watch_suspend(bool on);

/* Runs forward until stop_at (UINT64_MAX: no limit) or a stop condition. */
void engine_forward(uint64_t stop_at, bool stop_at_breakpoints, engine_interrupt_fn *intr, void *ctx,
                    struct engine_stop *out);
/* One instruction back (ES_REACHED, or ES_HISTORY_BEGIN without moving). */
void engine_step_back(struct engine_stop *out);
/* Back to the most recent breakpoint or write-watchpoint hit before now. */
void engine_continue_back(engine_interrupt_fn *intr, void *ctx, struct engine_stop *out);
/* To count n, either way (no breakpoints). False if n cannot be reached. */
bool engine_seek(uint64_t n, struct engine_stop *out);
/* To count n from the snapshot at or before it, whatever the state now (a
 * history query's replay without records left it unusable). */
bool engine_reseek(uint64_t n, struct engine_stop *out);

/* The debugger changes state: only at the end of history (returns false
 * elsewhere); recorded so that replaying reproduces it. */
bool engine_at_end(void);
bool engine_write_cpu(const struct arm_cpu *newstate);
bool engine_write_mem(uint32_t addr, const uint8_t *data, uint32_t len);
/* The debugger lets signal sig reach the guest here (fault: the fault it
 * stopped at, sent as the kernel's force_sig; else as kill() would): at the
 * end of history it is logged as an input and made pending (the next run
 * forward delivers it, one step); in the recorded past it is accepted only
 * if it is what the recording did here (true), else refused (false). */
bool engine_signal(int sig, const struct guest_signote *n, bool fault);
/* The debugger drops the pending signal sig it stopped at (continue without
 * it): logged like engine_signal. */
bool engine_discard_signal(int sig);
/* A diversion is open (timeline/diversion.h): forward runs leave history
 * alone (no log, no snapshots, syscalls unlogged, one thread). */
void engine_set_diverted(bool on);
/* Pops the undo log back to mark; false if it no longer reaches. */
bool engine_pop_to_mark(struct undo_mark m);
/* Forward runs stop before delivering a signal the guest will take (as
 * gdbserver reports them); off for internal seeks. */
void engine_set_signal_stops(bool on);
