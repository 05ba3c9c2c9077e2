/* See engine.h.
 *
 * Forward: the runtime runs to a budget; at the end of history syscalls are
 * live, before it they are replayed (timeline/syscall_replay.c), and
 * debugger writes logged at a count are applied again when that count is
 * reached. Write watchpoints going forward: execution runs in slices; the
 * undo records of each slice are scanned for stores into a watched range,
 * and a slice with a hit is undone and stepped through one instruction at a
 * time, stopping before the instruction that writes (what gdb expects of a
 * target whose watchpoints are not "steppable", like ARM). At the end of
 * history every live syscall of a slice is checked before it runs, so the
 * run past the access that is undone never includes a syscall (nothing
 * outside the guest sees it) and the stop is at the end of history again; a
 * syscall whose kernel write hits a watched range stops the slice right
 * after it, and the stop is before its SVC.
 *
 * Backward: pop the undo log down to the BLOCK record at or before the
 * target and run forward the rest of the way. Reverse-continue pops record
 * by record, checking each block's instruction range against the
 * breakpoints and each store against the write watchpoints. */
#include "timeline/engine.h"

#include "linux/thread_sched.h"

#include "arm/decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "snapshots/forward_image.h"
#include "snapshots/snapshots.h"
#include "timeline/replay_log.h"
#include "timeline/syscall_replay.h"
#include "translator/breakpoints.h"
#include "translator/runtime.h"
#include "translator/translate.h"
#include "undo/undo_ring.h"

/* Instructions per run between checks for an interrupt from the client. */
#define POLL_SLICE 20000000ull
/* Instructions per slice while write watchpoints are set. */
#define WATCH_SLICE 20000ull

static struct arm_cpu *cpu;
static struct linux_proc *proc;
static uint64_t history_end; /* furthest count reached in this process */
static uint64_t recorded_end = UINT64_MAX; /* engine_replay_only */
static bool signal_stops; /* engine_set_signal_stops */

#define MAX_WATCH 256
static struct watch {
    enum watch_kind kind;
    uint32_t addr, len;
} watches[MAX_WATCH];
static unsigned nwatches;

void engine_init(struct arm_cpu *c, struct linux_proc *p, uint64_t undo_bytes)
{
    cpu = c;
    proc = p;
    char err[256];
    if (!replay_log_init(err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        exit(1);
    }
    undo_ring_init(cpu, undo_bytes);
    guest_signals_recorded(proc, true);
    undo_set_change_hook(fwd_image_before_change);
    translate_set_recording(true);
    syscall_replay_install();
    history_end = cpu->icount;
}

void engine_enable_snapshots(uint64_t interval, unsigned max_count)
{
    snapshots_init(cpu, proc, interval, max_count, replay_log_cursor());
}

struct arm_cpu *engine_cpu(void) { return cpu; }
struct linux_proc *engine_proc(void) { return proc; }
uint64_t engine_history_end(void) { return recorded_end != UINT64_MAX ? recorded_end : history_end; }
void engine_replay_only(uint64_t end) { recorded_end = end; }

/* The furthest point this process has reached: snapshots are taken there.
 * Live at the end of history; for a saved recording, replayed. */
static bool at_frontier(void)
{
    return (replay_log_live() || replay_log_read_only()) && cpu->icount >= history_end;
}
/* In a diversion (timeline/diversion.c): forward runs leave history alone. */
static bool diverted;

/* Before the first change that moves back from the end of history: the
 * forward image of the end is taken (snapshots/forward_image.h). */
static void leaving_frontier(void)
{
    if (diverted || !snapshots_enabled() || !at_frontier())
        return;
    if (fwd_image_icount() == cpu->icount && fwd_image_cookie() == replay_log_cursor())
        return; /* the image is of this very state */
    fwd_image_begin(cpu, proc, replay_log_cursor());
}

uint64_t engine_history_start(void)
{
    if (snapshots_enabled()) {
        struct snapshot_stats st;
        snapshots_stats(&st);
        return st.first_icount;
    }
    return undo_floor();
}


void engine_set_diverted(bool on)
{
    diverted = on;
    fwd_image_pause(on);
    syscall_replay_set_diverted(on);
    thread_sched_freeze(on);
}

static void pop_to_mark(struct undo_mark m);

bool engine_pop_to_mark(struct undo_mark m)
{
    pop_to_mark(m);
    struct undo_mark now = undo_mark_now(cpu);
    return now.p == m.p && now.chunk == m.chunk;
}

static void note_progress(void)
{
    if (!diverted && cpu->icount > history_end)
        history_end = cpu->icount;
}

static bool reads_watched(void);

bool engine_watch_insert(enum watch_kind kind, uint32_t addr, uint32_t len)
{
    if (nwatches == MAX_WATCH || len == 0)
        return false;
    watches[nwatches++] = (struct watch){kind, addr, len};
    translate_set_load_records(reads_watched());
    return true;
}

bool engine_watch_remove(enum watch_kind kind, uint32_t addr, uint32_t len)
{
    for (unsigned i = 0; i < nwatches; i++) {
        if (watches[i].kind == kind && watches[i].addr == addr && watches[i].len == len) {
            watches[i] = watches[--nwatches];
            translate_set_load_records(reads_watched());
            return true;
        }
    }
    return false;
}

/* History queries (timeline/history_query.c) run with the debugger's
 * watchpoints out of the way: engine_watch_suspend. */
static bool watch_suspended;

void engine_watch_suspend(bool on) { watch_suspended = on; }

/* Any watchpoint at all: forward runs go in slices that are scanned. */
static bool any_watch(void) { return nwatches > 0 && !watch_suspended; }

static bool reads_watched(void)
{
    for (unsigned i = 0; i < nwatches; i++)
        if (watches[i].kind != WATCH_WRITE)
            return true;
    return false;
}

/* The watchpoint an access of [addr, +len) triggers, if any: writes hit
 * write and access watchpoints, reads hit read and access watchpoints. */
static bool access_hits(uint32_t addr, uint32_t len, bool write, uint32_t *hit, enum watch_kind *kind)
{
    for (unsigned i = 0; i < nwatches; i++) {
        const struct watch *w = &watches[i];
        if (w->kind == (write ? WATCH_READ : WATCH_WRITE))
            continue;
        uint64_t lo = addr > w->addr ? addr : w->addr;
        uint64_t hi = (uint64_t)addr + len < (uint64_t)w->addr + w->len ? (uint64_t)addr + len
                                                                         : (uint64_t)w->addr + w->len;
        if (lo < hi) {
            *hit = w->addr;
            *kind = w->kind;
            return true;
        }
    }
    return false;
}

/* An access record (STORE, STOREM, MEM, LOAD) that touches a watched range. */
static bool record_hits(uint32_t type, const uint8_t *rec, uint32_t len, uint32_t *hit, enum watch_kind *kind)
{
    struct undo_access a;
    return undo_record_access(type, rec, len, &a) && access_hits(a.addr, a.len, a.write, hit, kind);
}

struct scan {
    bool hit;
    uint32_t addr;
    enum watch_kind kind;
};

static bool scan_visit(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len)
{
    struct scan *s = ctx;
    if (record_hits(type, rec, len, &s->addr, &s->kind))
        s->hit = true;
    return true; /* the oldest hit of the range wins: keep going */
}

static struct scan scan_since(struct undo_mark m)
{
    struct scan s = {0};
    undo_scan_since(cpu, m, scan_visit, &s);
    return s;
}

/* Pops one undo record, with what the undo log itself does not know: the
 * replay-log cursor a CPU record saved, and that before an exit or a fatal
 * signal the guest is alive again. Every backward move goes through here.
 * Returns the record's type, 0 at the floor. */
static void leaving_frontier(void);

static uint32_t pop_one(void)
{
    leaving_frontier();
    uint64_t cursor = UINT64_MAX;
    uint32_t t = undo_pop(cpu, &cursor);
    if (cursor != UINT64_MAX)
        replay_log_set_cursor(cursor);
    if (t) {
        proc->exited = false;
        proc->fatal_signal = 0;
    }
    return t;
}

/* Pops records until the log's top is back at mark. */
static void pop_to_mark(struct undo_mark m)
{
    while (!(undo_mark_now(cpu).p == m.p && undo_mark_now(cpu).chunk == m.chunk))
        if (!pop_one())
            break;
}

/* A signal the debugger lets through, as the kernel sends it (force: a
 * fault, as force_sig). */
#define USER_SIGNAL_FAULT 0x100u
#define USER_SIGNAL_DISCARD 0x200u

static void send_signal(int sig, const struct guest_signote *n, unsigned how)
{
    struct guest_sigstate before = proc->sig;
    undo_push_sigstate(cpu, &before);
    bool force = how & USER_SIGNAL_FAULT;
    if (how & USER_SIGNAL_DISCARD)
        proc->sig.pending &= ~GUEST_SIGBIT(sig);
    else if (force)
        guest_signal_force(proc, sig, n);
    else if (n->thread) { /* a timer's, for one thread: its pending set is the table's */
        thread_change_begin(cpu, proc);
        guest_signal_post_noted(proc, sig, n);
        thread_change_end(cpu);
    } else
        guest_signal_post_noted(proc, sig, n);
    guest_signals_host_sync(proc);
}

/* Applies the debugger's writes logged at the current count. */
static void apply_user_events(void)
{
    for (;;) {
        const struct replay_entry *e = replay_log_peek();
        if (!e || (e->kind != REPLAY_USER_REGS && e->kind != REPLAY_USER_MEM && e->kind != REPLAY_USER_SIGNAL) ||
            e->icount != cpu->icount)
            return;
        undo_push_cpu(cpu, replay_log_cursor());
        if (e->kind == REPLAY_USER_SIGNAL) {
            struct replay_range rr;
            struct guest_signote n = {0};
            const uint8_t *bytes = replay_range_at(e, 0, &rr);
            memcpy(&n, bytes, rr.len < sizeof n ? rr.len : sizeof n);
            send_signal(e->nr & 0xff, &n, e->nr & (USER_SIGNAL_FAULT | USER_SIGNAL_DISCARD));
            replay_log_advance();
            continue;
        }
        for (uint32_t i = 0; i < e->nranges; i++) {
            struct replay_range rr;
            const uint8_t *bytes = replay_range_at(e, i, &rr);
            if (e->kind == REPLAY_USER_REGS) {
                memcpy(cpu, bytes, offsetof(struct arm_cpu, icount));
            } else {
                undo_push_mem(cpu, rr.addr, rr.len);
                if (guest_range_ok(rr.addr, rr.len, 0))
                    memcpy(g2h(rr.addr), bytes, rr.len);
            }
        }
        replay_log_advance();
    }
}

static void from_run(enum run_stop r, int sig, struct engine_stop *out)
{
    memset(out, 0, sizeof *out);
    switch (r) {
    case RUN_SYSCALL_INTERRUPTED:
    case RUN_IDLE:
    case RUN_ABANDONED: out->kind = ES_INTERRUPTED; break;
    case RUN_REACHED:
    case RUN_SYSCALL_STOP: out->kind = ES_REACHED; break;
    case RUN_BREAKPOINT: out->kind = ES_BREAKPOINT; break;
    case RUN_SIGNAL: out->kind = ES_SIGNAL; out->signal = sig; break;
    case RUN_EXITED: out->kind = ES_EXITED; break;
    }
}

/* One instruction forward (debugger writes due first): *s says whether it
 * touched a watched range, *m where its records start. */
static enum run_stop step_scanned(struct undo_mark *m, struct scan *s)
{
    apply_user_events();
    *m = undo_mark_now(cpu);
    int sig = 0;
    enum run_stop r = runtime_run_until(cpu, cpu->icount + 1, 0, &sig);
    *s = scan_since(*m);
    return r;
}

/* Steps one instruction at a time from the state at mark's slice start,
 * stopping before the first instruction that touches a watched range. */
static bool find_watch_forward(uint64_t until, struct engine_stop *out)
{
    while (cpu->icount < until) {
        struct undo_mark m;
        struct scan s;
        enum run_stop r = step_scanned(&m, &s);
        if (s.hit) {
            pop_to_mark(m);
            memset(out, 0, sizeof *out);
            out->kind = ES_WATCH;
            out->watch_addr = s.addr;
            out->watch_kind = s.kind;
            return true;
        }
        if (r != RUN_REACHED && r != RUN_SYSCALL_STOP)
            return false;
    }
    return false;
}

/* Undo records up to here were checked for watched accesses (live runs
 * check at every syscall, see syscall_watch_check). */
static struct undo_mark watch_checked;

/* Before and after each live syscall of a forward run while watchpoints are
 * set (timeline/syscall_replay.h): a hit since the last check stops the run
 * there, so no syscall runs after a watched access. */
static bool syscall_watch_check(void)
{
    struct scan s = scan_since(watch_checked);
    if (!s.hit)
        watch_checked = undo_mark_now(cpu);
    return s.hit;
}

/* A forward watch stop at the end of history is found by running a little
 * past the access and coming back: what ran after it made no syscall (each
 * live syscall is checked first), so nothing outside the guest saw it, and
 * history ends at the stop again. The stop is live, as gdbserver's is: the
 * debugger can write registers and memory there. */
static void forget_unseen_future(void)
{
    if (!diverted && replay_log_live() && cpu->icount < history_end)
        history_end = cpu->icount;
}

/* Signals from outside that arrived while the guest computed (those that
 * arrive during a live syscall are taken by the syscall server): at the end
 * of history they reach the guest here, at a slice boundary, each logged at
 * its count like a signal the debugger passes, so replay delivers it at the
 * same count. */
static void take_async_signals(void)
{
    struct guest_signote notes[GUEST_NSIG + 1];
    uint64_t got = guest_signals_take(notes);
    for (int sig = 1; sig <= GUEST_NSIG; sig++)
        if ((got & GUEST_SIGBIT(sig)) && !engine_signal(sig, &notes[sig], false))
            fprintf(stderr, "backstep: the replay log has no room for signal %d: dropped\n", sig);
}

void engine_forward(uint64_t stop_at, bool stop_at_breakpoints, engine_interrupt_fn *intr, void *ctx,
                    struct engine_stop *out)
{
    cpu->bp_pass = cpu->icount; /* a resume does not stop where it starts */
    syscall_replay_interrupt_clear();
    bool ran = false;
    for (;;) {
        if (!diverted)
            apply_user_events();
        /* Not before this call has run anything: the state where the last
         * stop was is what the debugger saw there (a signal that came while
         * it looked arrives at the end of this run instead). */
        if (!diverted && ran && engine_at_end() && guest_signals_arrived())
            take_async_signals();
        if (cpu->icount >= stop_at) {
            from_run(RUN_REACHED, 0, out);
            return;
        }
        if (!diverted && cpu->icount >= recorded_end) {
            memset(out, 0, sizeof *out);
            out->kind = ES_HISTORY_END;
            return;
        }
        uint64_t limit = stop_at < recorded_end || diverted ? stop_at : recorded_end;
        uint64_t ev = diverted ? UINT64_MAX : replay_log_next_user_event();
        if (ev > cpu->icount && ev < limit)
            limit = ev;
        if (diverted) {
            /* Nothing of history: no snapshots, no end to reach. */
        } else if (at_frontier()) {
            /* The end of history: live (or a saved recording replayed for
             * the first time here); snapshots are taken here. */
            fwd_image_drop(); /* the end of history moves */
            snapshots_going_live();
            if (cpu->icount >= snapshots_next_due())
                snapshots_take(replay_log_cursor());
            if (snapshots_next_due() < limit)
                limit = snapshots_next_due();
        } else if (history_end > cpu->icount && history_end < limit) {
            limit = history_end; /* replay up to the end, then go live */
        }
        bool watching = any_watch();
        uint64_t slice = watching ? WATCH_SLICE : POLL_SLICE;
        if (limit - cpu->icount > slice)
            limit = cpu->icount + slice;
        struct undo_mark m = undo_mark_now(cpu);
        uint64_t start = cpu->icount;
        int sig = 0;
        watch_checked = m;
        if (watching)
            syscall_replay_set_watch(syscall_watch_check);
        unsigned flags = (stop_at_breakpoints ? RUN_STOP_AT_BREAKPOINTS : 0) | (signal_stops ? RUN_STOP_AT_SIGNALS : 0);
        enum run_stop r = runtime_run_until(cpu, limit, flags, &sig);
        ran = true;
        syscall_replay_set_watch(NULL);
        note_progress();
        if (watching && scan_since(watch_checked).hit) {
            /* Back to the slice's start and through it step by step. */
            uint64_t end = cpu->icount;
            pop_to_mark(m);
            if (cpu->icount != start) {
                fprintf(stderr, "backstep: internal error: watch slice did not rewind to %llu\n",
                        (unsigned long long)start);
                exit(1);
            }
            if (find_watch_forward(end, out)) {
                forget_unseen_future();
                return;
            }
            /* The second run stopped where the first did. */
        }
        if (r == RUN_IDLE) {
            /* Every thread waits: look at the debugger, then wait on. */
            if (intr && intr(ctx)) {
                from_run(r, sig, out);
                return;
            }
            continue;
        }
        if (r == RUN_SYSCALL_INTERRUPTED && diverted) {
            from_run(r, sig, out);
            return;
        }
        if (r == RUN_SYSCALL_INTERRUPTED) {
            /* The SVC is counted but its syscall did not run: back before
             * it. A poke that was not a Ctrl-C just runs it again. */
            struct engine_stop es;
            engine_seek(cpu->icount - 1, &es);
            if (intr && intr(ctx)) {
                from_run(r, sig, out);
                return;
            }
            continue;
        }
        if (r != RUN_REACHED && r != RUN_SYSCALL_STOP) {
            from_run(r, sig, out);
            return;
        }
        if (intr && cpu->icount < stop_at && intr(ctx)) {
            memset(out, 0, sizeof *out);
            out->kind = ES_INTERRUPTED;
            return;
        }
    }
}

/* Pops to the last restore point at or before n; false at the floor. */
static bool pop_to(uint64_t n)
{
    if (n < undo_floor())
        return false;
    for (;;) {
        uint32_t t = pop_one();
        if (!t)
            return false;
        if (t == UNDO_BLOCK && cpu->icount <= n)
            return true;
    }
}

/* The latest snapshot at or before n, with the replay log where it was. */
static uint64_t restore_snapshot_before(uint64_t n)
{
    leaving_frontier();
    uint64_t cursor;
    uint64_t at = snapshots_restore_before(n, &cursor);
    if (at != UINT64_MAX)
        replay_log_set_cursor(cursor);
    return at;
}

/* Back to a state at or before n: the undo log if it reaches, else the
 * last snapshot before n. */
static bool go_back_to(uint64_t n)
{
    if (n < snapshots_open_icount())
        snapshots_leave_live(); /* pages of older intervals get written back */
    if (n >= undo_floor())
        return pop_to(n);
    return restore_snapshot_before(n) != UINT64_MAX;
}

/* A forward seek past a snapshot: to the end of history through the
 * forward image, then back to n as a backward seek goes (a snapshot and at
 * most one interval of replay) instead of replaying the whole distance; to
 * the end itself, the image alone (a history query that found nothing
 * comes back to the end that way).
 * Taken whenever a snapshot lies between here and n (two restores cost
 * less than the replay of even a short interval on a small working set,
 * and every round trip with snapshots then exercises it). */

static void jump_forward(uint64_t n)
{
    uint64_t f = fwd_image_icount();
    if (diverted || f == UINT64_MAX || f != engine_history_end() || n > f)
        return;
    uint64_t k = snapshots_before(n + 1);
    if (k == UINT64_MAX || k <= cpu->icount)
        return;
    if (!fwd_image_restore(cpu, proc))
        return;
    replay_log_set_cursor(fwd_image_cookie());
    go_back_to(n);
}

bool engine_seek(uint64_t n, struct engine_stop *out)
{
    memset(out, 0, sizeof *out);
    if (n > cpu->icount)
        jump_forward(n);
    if (n < cpu->icount && !go_back_to(n)) {
        out->kind = ES_HISTORY_BEGIN;
        return false;
    }
    engine_forward(n, false, NULL, NULL, out);
    return out->kind == ES_REACHED;
}

bool engine_reseek(uint64_t n, struct engine_stop *out)
{
    memset(out, 0, sizeof *out);
    if (n < snapshots_open_icount())
        snapshots_leave_live();
    if (restore_snapshot_before(n) == UINT64_MAX) {
        out->kind = ES_HISTORY_BEGIN;
        return false;
    }
    engine_forward(n, false, NULL, NULL, out);
    return out->kind == ES_REACHED;
}

void engine_step_back(struct engine_stop *out)
{
    memset(out, 0, sizeof *out);
    if (cpu->icount == 0 || cpu->icount - 1 < engine_history_start()) {
        out->kind = ES_HISTORY_BEGIN;
        return;
    }
    engine_seek(cpu->icount - 1, out);
}

/* Index of the instruction at addr in the block of n instructions from pc
 * (Thumb: 2- and 4-byte instructions, read back from guest memory; A32:
 * 4 bytes each); n if addr is not at an instruction boundary of the block. */
static uint64_t insn_index(uint32_t pc, bool thumb, uint64_t n, uint32_t addr)
{
    if (addr < pc)
        return n;
    if (!thumb)
        return (addr - pc) & 3 ? n : (addr - pc) / 4;
    uint32_t at = pc;
    for (uint64_t k = 0; k < n; k++) {
        if (at == addr)
            return k;
        uint16_t hw;
        if (at > addr || !guest_range_ok(at, 2, 0))
            return n;
        memcpy(&hw, g2h(at), 2);
        at += thumb_is_32bit(hw) ? 4 : 2;
    }
    return n;
}

/* The latest breakpoint hit inside the block [pc, +n instructions) that ran
 * from count b, before count limit; UINT64_MAX if none. Blocks are
 * straight-line, so instruction k ran at count b + k. tail_pc is the BLOCK
 * record's pc (bit 0: Thumb). */
static uint64_t block_bp_hit(uint32_t tail_pc, uint64_t b, uint64_t n, uint64_t limit)
{
    const uint32_t *bps;
    unsigned nb = tr_breakpoint_list(&bps);
    uint64_t best = UINT64_MAX;
    for (unsigned i = 0; i < nb; i++) {
        uint64_t k = insn_index(tail_pc & ~1u, tail_pc & 1, n, bps[i]);
        if (k < n && b + k < limit && (best == UINT64_MAX || b + k > best))
            best = b + k;
    }
    return best;
}

/* From the state at the start of a block that wrote a watched range, finds
 * the last instruction before end that did; returns the count just after it. */
static uint64_t last_write_in(uint64_t end, struct scan *found)
{
    uint64_t after = UINT64_MAX;
    while (cpu->icount < end) {
        struct undo_mark m;
        struct scan s;
        enum run_stop r = step_scanned(&m, &s);
        if (s.hit) {
            after = cpu->icount;
            *found = s;
        }
        if (r != RUN_REACHED && r != RUN_SYSCALL_STOP)
            break;
    }
    return after;
}

struct hit {
    bool found;
    uint64_t stop;
    bool watch;
    struct scan w;
};

/* Runs forward from here to `to`, noting breakpoint hits and writes to
 * watched ranges; returns the last one before `start`: a breakpoint stops
 * before its instruction, a write just after the writing instruction. */
static struct hit scan_forward(uint64_t to, uint64_t start)
{
    struct hit best = {0};
    bool watching = any_watch();
    uint64_t dirty_from = UINT64_MAX, dirty_to = 0;
    cpu->bp_pass = UINT64_MAX; /* a breakpoint at the snapshot itself counts */
    struct scan dirty = {0};
    while (cpu->icount < to) {
        apply_user_events();
        uint64_t limit = to;
        uint64_t ev = replay_log_next_user_event();
        if (ev > cpu->icount && ev < limit)
            limit = ev;
        if (watching && limit - cpu->icount > WATCH_SLICE)
            limit = cpu->icount + WATCH_SLICE;
        struct undo_mark m = undo_mark_now(cpu);
        uint64_t from = cpu->icount;
        int sig = 0;
        enum run_stop r = runtime_run_until(cpu, limit, RUN_STOP_AT_BREAKPOINTS, &sig);
        if (watching) {
            struct scan sc = scan_since(m);
            if (sc.hit) {
                dirty_from = from;
                dirty_to = cpu->icount;
                dirty = sc;
            }
        }
        if (r == RUN_BREAKPOINT) {
            if (cpu->icount < start) {
                best.found = true;
                best.stop = cpu->icount;
                best.watch = false;
            }
            cpu->bp_pass = cpu->icount; /* go on past it */
            continue;
        }
        if (r != RUN_REACHED)
            break;
    }
    if (dirty_from != UINT64_MAX) {
        struct engine_stop es;
        engine_seek(dirty_from, &es);
        struct scan f = dirty;
        uint64_t w = last_write_in(dirty_to, &f);
        if (w != UINT64_MAX && (!best.found || w >= best.stop)) {
            best.found = true;
            best.stop = w;
            best.watch = true;
            best.w = f;
        }
    }
    return best;
}

/* True if a search for hits in the snapshot interval starting at s needs
 * to replay it: with breakpoints always; with only write watchpoints, if
 * the interval wrote a watched page at all. */
static bool interval_may_hit(uint64_t s)
{
    const uint32_t *bps;
    if (tr_breakpoint_list(&bps))
        return true;
    if (reads_watched())
        return true; /* reads leave no trace in the saved pages */
    for (unsigned i = 0; i < nwatches; i++)
        if (snapshots_interval_may_write(s, watches[i].addr, watches[i].len))
            return true;
    return false;
}

/* Reverse-continue past the undo log: snapshot interval by interval,
 * newest first, each replayed forward and searched (intervals that cannot
 * hold a hit are skipped without replaying them). */
static void continue_back_snapshots(uint64_t start, engine_interrupt_fn *intr, void *ctx, struct engine_stop *out)
{
    uint64_t hi = cpu->icount;
    for (;;) {
        uint64_t s = snapshots_before(hi);
        while (s != UINT64_MAX && !interval_may_hit(s)) {
            hi = s;
            s = snapshots_before(s);
        }
        if (s == UINT64_MAX) {
            struct engine_stop es;
            if (cpu->icount != hi)
                engine_seek(hi, &es);
            out->kind = ES_HISTORY_BEGIN;
            return;
        }
        snapshots_leave_live();
        restore_snapshot_before(s);
        struct hit h = scan_forward(hi, start);
        if (h.found) {
            struct engine_stop es;
            engine_seek(h.stop, &es);
            memset(out, 0, sizeof *out);
            if (h.watch) {
                out->kind = ES_WATCH;
                out->watch_addr = h.w.addr;
                out->watch_kind = h.w.kind;
            } else {
                out->kind = ES_BREAKPOINT;
            }
            return;
        }
        hi = s;
        if (intr && intr(ctx)) {
            struct engine_stop es;
            engine_seek(hi, &es);
            out->kind = ES_INTERRUPTED;
            return;
        }
    }
}

void engine_continue_back(engine_interrupt_fn *intr, void *ctx, struct engine_stop *out)
{
    memset(out, 0, sizeof *out);
    uint64_t start = cpu->icount;
    bool watch_pending = false;
    if (reads_watched() && snapshots_enabled()) {
        /* Loads are logged only while a read watchpoint exists, so the undo
         * log may not show the past ones: search by replaying instead. */
        continue_back_snapshots(start, intr, ctx, out);
        return;
    }
    struct scan pending = {0};
    for (unsigned long polls = 0;; polls++) {
        if (intr && (polls & 0xffff) == 0xffff && intr(ctx)) {
            /* Finish the block being popped so the state is a real one. */
            uint32_t t;
            do
                t = pop_one();
            while (t && t != UNDO_BLOCK);
            out->kind = ES_INTERRUPTED;
            return;
        }
        uint32_t type, len;
        const uint8_t *rec = undo_peek(cpu, &type, &len);
        if (!rec) {
            if (snapshots_enabled() && cpu->icount > engine_history_start())
                continue_back_snapshots(start, intr, ctx, out);
            else
                out->kind = ES_HISTORY_BEGIN;
            return;
        }
        /* Records below the open snapshot write pages that are not saved in
         * its interval: protection must be off for them. */
        if (cpu->icount <= snapshots_open_icount())
            snapshots_leave_live();
        if (type == UNDO_BLOCK) {
            struct undo_block_tail tail;
            memcpy(&tail, rec + len - sizeof tail, sizeof tail);
            uint64_t end = cpu->icount, b = end - UNDO_BLOCK_NINSNS(tail.tag);
            uint64_t bp = block_bp_hit(tail.pc, b, end - b, start);
            uint64_t stop = bp;
            struct scan wfound = pending;
            pop_one(); /* now at b */
            if (watch_pending) {
                uint64_t w = last_write_in(end, &wfound);
                if (w != UINT64_MAX && (stop == UINT64_MAX || w >= stop))
                    stop = w;
                else
                    wfound.hit = false;
            }
            if (stop != UINT64_MAX) {
                engine_seek(stop, out);
                memset(out, 0, sizeof *out);
                if (wfound.hit && stop != bp) {
                    out->kind = ES_WATCH;
                    out->watch_addr = wfound.addr;
                    out->watch_kind = wfound.kind;
                } else {
                    out->kind = ES_BREAKPOINT;
                }
                return;
            }
            if (watch_pending) {
                /* Located nothing after all (the write was not to the
                 * watched bytes' block): back to b and go on. */
                engine_seek(b, out);
            }
            watch_pending = false;
            continue;
        }
        if (!watch_pending && record_hits(type, rec, len, &pending.addr, &pending.kind)) {
            watch_pending = true;
            pending.hit = true;
        }
        pop_one();
    }
}

bool engine_at_end(void) { return cpu->icount >= history_end && replay_log_live(); }

bool engine_write_cpu(const struct arm_cpu *newstate)
{
    if (!engine_at_end() || !replay_log_user_room())
        return false;
    undo_push_cpu(cpu, replay_log_cursor());
    replay_log_begin(REPLAY_USER_REGS, cpu->icount, 0);
    replay_log_add_bytes(0, newstate, (uint32_t)offsetof(struct arm_cpu, icount));
    memcpy(cpu, newstate, offsetof(struct arm_cpu, icount));
    replay_log_commit(0);
    return true;
}

static bool log_signal(int sig, const struct guest_signote *n, unsigned how)
{
    if (sig < 1 || sig > GUEST_NSIG)
        return false;
    if (!engine_at_end()) {
        /* In the recorded past the signal reaches the guest only if it did
         * then: it is logged here, and applied by the run forward. */
        const struct replay_entry *e = replay_log_peek();
        return e && e->kind == REPLAY_USER_SIGNAL && e->icount == cpu->icount && (int)(e->nr & 0xff) == sig;
    }
    if (!replay_log_user_room())
        return false;
    undo_push_cpu(cpu, replay_log_cursor());
    replay_log_begin(REPLAY_USER_SIGNAL, cpu->icount, (uint32_t)sig | how);
    replay_log_add_bytes(0, n, sizeof *n);
    replay_log_commit(0);
    send_signal(sig, n, how);
    return true;
}

bool engine_signal(int sig, const struct guest_signote *n, bool fault)
{
    return log_signal(sig, n, fault ? USER_SIGNAL_FAULT : 0);
}

bool engine_discard_signal(int sig)
{
    struct guest_signote none = {0};
    return log_signal(sig, &none, USER_SIGNAL_DISCARD);
}

void engine_set_signal_stops(bool on) { signal_stops = on; }

bool engine_write_mem(uint32_t addr, const uint8_t *data, uint32_t len)
{
    if (!engine_at_end() || !replay_log_user_room())
        return false;
    if (!guest_range_ok(addr, len, 0))
        return false;
    undo_push_cpu(cpu, replay_log_cursor());
    snapshots_note_write(addr, len);
    undo_push_mem(cpu, addr, len);
    replay_log_begin(REPLAY_USER_MEM, cpu->icount, 0);
    replay_log_add_bytes(addr, data, len);
    /* The debugger may write read-only pages (code patches), as with ptrace. */
    guest_write_force(addr, data, len);
    replay_log_commit(0);
    if (proc->invalidate_code)
        proc->invalidate_code(proc->invalidate_ctx, addr, len);
    return true;
}
