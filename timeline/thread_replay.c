/* The scheduler's inputs under recording (linux/thread_sched.h hooks): its
 * changes are undo records; at the end of history the waits that time ends
 * are logged as WAKE entries; in the recorded past they come from the log,
 * as do parked syscalls served again (their own SYSCALL entries, by thread). */
#include "timeline/thread_replay.h"

#include <string.h>

#include "linux/thread_sched.h"
#include "timeline/replay_log.h"
#include "undo/undo_ring.h"

static void changed(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx_pre, const struct guest_threads *pre,
                    uint64_t cursor_pre)
{
    undo_push_threads(cpu, ctx_pre, pre, cursor_pre);
}

static void sig_changed(struct arm_cpu *cpu, const struct guest_sigstate *sig_pre) { undo_push_sigstate(cpu, sig_pre); }

static uint64_t cursor(void) { return replay_log_cursor(); }

static bool replaying(void) { return !replay_log_live(); }

static bool logged_wake(uint64_t icount, uint32_t *slot, bool *rerun, uint32_t *result)
{
    const struct replay_entry *e = replay_log_peek();
    if (!e || e->icount != icount || e->tid >= guest_threads.nslots)
        return false;
    if (e->kind == REPLAY_WAKE) {
        *slot = e->tid;
        *rerun = false;
        *result = e->result;
        replay_log_advance();
        return true;
    }
    if (e->kind == REPLAY_SYSCALL && guest_threads.t[e->tid].state == GTS_SYSCALL) {
        *slot = e->tid;
        *rerun = true;
        return true;
    }
    return false;
}

static void log_wake(uint64_t icount, uint32_t slot, uint32_t nr, uint32_t result)
{
    replay_log_begin_for(REPLAY_WAKE, icount, nr, slot);
    replay_log_commit(result);
}

void thread_replay_install(void)
{
    struct thread_sched_hooks h = {
        .changed = changed,
        .sig_changed = sig_changed,
        .cursor = cursor,
        .logged_wake = logged_wake,
        .log_wake = log_wake,
        .replaying = replaying,
    };
    thread_sched_set_hooks(&h);
}

void thread_replay_log_park(const struct arm_cpu *cpu)
{
    const struct guest_thread_sched *t = &guest_threads.t[guest_threads.current];
    replay_log_begin(REPLAY_PARK, cpu->icount, cpu->r[7]);
    replay_log_add_bytes(0, t, sizeof *t);
    replay_log_commit(0);
}

void thread_replay_apply_park(const struct arm_cpu *cpu)
{
    const struct replay_entry *e = replay_log_peek();
    if (!e || e->kind != REPLAY_PARK || e->icount != cpu->icount || e->tid != guest_threads.current)
        return;
    struct replay_range r;
    const uint8_t *bytes = replay_range_at(e, 0, &r);
    if (e->nranges == 1 && r.len == sizeof(struct guest_thread_sched))
        memcpy(&guest_threads.t[guest_threads.current], bytes, r.len);
    replay_log_advance();
}
