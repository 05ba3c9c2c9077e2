/* See history_query.h.
 *
 * A slice of history is run forward (replay) and its undo records are
 * scanned newest first: a BLOCK record moves the count back by its length,
 * so each write record that touches the range is placed in the block whose
 * BLOCK record lies below it. Only those blocks are then stepped through,
 * one instruction at a time, to name the writing instruction, its thread and
 * the bytes before and after. Records pushed from C between two blocks (a
 * signal frame, the debugger's writes logged at a count) belong to the
 * first step of the next block: a block is stepped on until it has shown
 * as many writes as its records said.
 *
 * Never runs past the end of history (no live execution, no syscall runs
 * for real): every move is an engine_seek inside it. */
#include "timeline/history_query.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/guest_mem.h"
#include "linux/guest_threads.h"
#include "snapshots/snapshots.h"
#include "timeline/engine.h"
#include "timeline/query_slice.h"
#include "undo/undo_ring.h"

/* Instructions per replayed slice: its records must fit the undo ring (a
 * slice whose records wrapped the ring is run again, shorter). */
#define SLICE_MAX (1ull << 20)
#define SLICE_MIN 256ull
/* Steps past a block's end while looking for a write its records announced
 * (C-pushed records before the next block's first instruction). */
#define EXTRA_STEPS 64u

struct range {
    uint32_t addr, len;
};

static bool overlaps(const struct range *r, uint32_t a, uint32_t n)
{
    uint64_t lo = a > r->addr ? a : r->addr;
    uint64_t hi = (uint64_t)a + n < (uint64_t)r->addr + r->len ? (uint64_t)a + n : (uint64_t)r->addr + r->len;
    return lo < hi;
}

static bool write_record(const struct range *r, uint32_t type, const uint8_t *rec, uint32_t len,
                         struct undo_access *a)
{
    return undo_record_access(type, rec, len, a) && a->write && overlaps(r, a->addr, a->len);
}

static bool seek(uint64_t n)
{
    struct engine_stop es;
    if (engine_cpu()->icount != n)
        qs_records(); /* it may pop, or replay what is popped later */
    return engine_seek(n, &es) && engine_cpu()->icount == n;
}

/* To the start of a span of slices: from the snapshot at or before n
 * (nothing is popped, so the translations may be the fast slices'). */
static bool reach(uint64_t n)
{
    struct engine_stop es;
    if (engine_cpu()->icount == n)
        return true;
    return engine_reseek(n, &es) && engine_cpu()->icount == n;
}

/* Runs forward to n: every instruction on the way runs here and leaves its
 * records. (engine_seek may instead jump there through a snapshot, leaving
 * none: the writes of the way would not be seen.) */
static void run_to(uint64_t n)
{
    struct engine_stop es;
    qs_records();
    engine_forward(n, false, NULL, NULL, &es);
}

/* --- one slice's records, newest first ------------------------------------ */

struct hit_block {
    uint64_t start;
    unsigned n, writes; /* instructions; write records placed in it */
};

struct slice_scan {
    struct range r;
    bool newest_only; /* stop at the newest block with a write */
    uint64_t ic;      /* the count where the record being visited's block ends */
    unsigned pending; /* write records seen since the last BLOCK */
    struct hit_block *b;
    size_t nb, cap;
    bool stopped;
};

static void add_block(struct slice_scan *s, uint64_t start, unsigned n)
{
    if (s->nb == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->b = realloc(s->b, s->cap * sizeof *s->b);
        if (!s->b)
            abort();
    }
    s->b[s->nb++] = (struct hit_block){start, n, s->pending};
    s->pending = 0;
}

static bool slice_visit(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len)
{
    struct slice_scan *s = ctx;
    if (type == UNDO_BARRIER) {
        s->stopped = true;
        return false;
    }
    if (type == UNDO_BLOCK) {
        uint32_t tag;
        memcpy(&tag, rec + len - 4, 4);
        unsigned n = UNDO_BLOCK_NINSNS(tag);
        s->ic -= n;
        if (s->pending) {
            add_block(s, s->ic, n);
            if (s->newest_only) {
                s->stopped = true;
                return false;
            }
        }
        return true;
    }
    struct undo_access a = {0};
    if (write_record(&s->r, type, rec, len, &a))
        s->pending++;
    return true;
}

/* Scans the records since m (the log's top is at the current count);
 * blocks come out newest first. Records older than every BLOCK since m
 * belong to the first step from `base`. */
static void scan_slice(struct slice_scan *s, struct undo_mark m, uint64_t base)
{
    s->ic = engine_cpu()->icount;
    s->pending = 0;
    s->nb = 0;
    s->stopped = false;
    undo_scan_since(engine_cpu(), m, slice_visit, s);
    if (s->pending && !s->stopped)
        add_block(s, base, 0);
}

/* --- one instruction stepped ---------------------------------------------- */

struct step_scan {
    struct range r;
    const uint8_t *hit[64]; /* write records, newest first */
    uint32_t hit_type[64], hit_len[64];
    bool hit_after_block[64]; /* pushed after the step's BLOCK record */
    unsigned nhit;
    bool block_seen, sigstate_before;
    uint32_t block_pc;
    bool threads_before;                /* a switch before the instruction */
    bool threads_after;                 /* ... and after it: the oldest's table */
    int32_t tid_after_switch;
};

static bool step_visit(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len)
{
    struct step_scan *s = ctx;
    struct undo_access a = {0};
    switch (type) {
    case UNDO_BLOCK: {
        struct undo_block_tail tail;
        memcpy(&tail, rec + len - sizeof tail, sizeof tail);
        s->block_seen = true;
        s->block_pc = tail.pc;
        return true;
    }
    case UNDO_THREADS:
        if (s->block_seen) {
            s->threads_before = true;
        } else {
            s->threads_after = true;
            s->tid_after_switch = undo_threads_running_tid(rec); /* the oldest one wins */
        }
        return true;
    case UNDO_SIGSTATE:
        if (s->block_seen)
            s->sigstate_before = true;
        return true;
    default:
        if (write_record(&s->r, type, rec, len, &a) && s->nhit < 64) {
            s->hit[s->nhit] = rec;
            s->hit_type[s->nhit] = type;
            s->hit_len[s->nhit] = len;
            s->hit_after_block[s->nhit] = !s->block_seen;
            s->nhit++;
        }
        return true;
    }
}

/* The pre-image byte of guest address x in a write record (x inside it). */
static uint8_t old_byte(uint32_t type, const uint8_t *rec, uint32_t len, uint32_t x)
{
    struct undo_access a = {0};
    undo_record_access(type, rec, len, &a);
    uint32_t k = x - a.addr;
    switch (type) {
    case UNDO_STORE: return rec[k]; /* struct undo_store: old bytes first */
    case UNDO_STOREM: return rec[k];
    default: return rec[sizeof(struct undo_mem_hdr) + k];
    }
}

static bool is_svc(uint32_t pc)
{
    uint32_t at = pc & ~1u;
    if (pc & 1) {
        uint16_t hw;
        if (!guest_range_ok(at, 2, 0))
            return false;
        memcpy(&hw, g2h(at), 2);
        return (hw & 0xff00) == 0xdf00; /* T16 SVC */
    }
    uint32_t w;
    if (!guest_range_ok(at, 4, 0))
        return false;
    memcpy(&w, g2h(at), 4);
    return (w & 0x0f000000) == 0x0f000000 && (w >> 28) != 0xf; /* A32 SVC */
}

/* One instruction forward; *w is filled and true returned if it wrote the
 * range, *nrec gets its write records. False in *ok if no step was made. */
static bool step_one(const struct range *r, struct hq_write *w, unsigned *nrec, bool *ok)
{
    struct arm_cpu *cpu = engine_cpu();
    struct undo_mark m = undo_mark_now(cpu);
    int32_t tid0 = guest_thread_current_tid();
    uint32_t pc0 = cpu->r[15] | (cpu->thumb ? 1u : 0u);
    uint64_t c0 = cpu->icount;
    /* The SVC test reads the instruction before it runs (code may change). */
    bool svc0 = is_svc(pc0);
    run_to(c0 + 1);
    *ok = cpu->icount == c0 + 1;
    if (cpu->icount == c0) {
        *ok = false;
        *nrec = 0;
        return false;
    }
    struct step_scan s;
    memset(&s, 0, sizeof s);
    s.r = *r;
    undo_scan_since(cpu, m, step_visit, &s);
    *nrec = s.nhit;
    if (!s.nhit)
        return false;
    /* The bytes any record wrote, inside the range. */
    uint64_t lo = UINT64_MAX, hi = 0;
    for (unsigned i = 0; i < s.nhit; i++) {
        struct undo_access a = {0};
        undo_record_access(s.hit_type[i], s.hit[i], s.hit_len[i], &a);
        uint64_t l = a.addr > r->addr ? a.addr : r->addr;
        uint64_t h = (uint64_t)a.addr + a.len < (uint64_t)r->addr + r->len ? (uint64_t)a.addr + a.len
                                                                           : (uint64_t)r->addr + r->len;
        if (l < lo)
            lo = l;
        if (h > hi)
            hi = h;
    }
    memset(w, 0, sizeof *w);
    w->at = c0;
    w->pc = s.block_seen ? s.block_pc : pc0;
    w->tid = s.threads_after ? s.tid_after_switch : s.threads_before ? guest_thread_current_tid() : tid0;
    w->addr = (uint32_t)lo;
    w->len = (uint32_t)(hi - lo);
    unsigned shown = w->len < HQ_SHOWN ? w->len : HQ_SHOWN;
    if (guest_range_ok(w->addr, shown, 0))
        memcpy(w->now, g2h(w->addr), shown);
    memcpy(w->old, w->now, shown);
    /* Newest first: the oldest record's pre-image is the value before. */
    for (unsigned i = 0; i < s.nhit; i++) {
        struct undo_access a = {0};
        undo_record_access(s.hit_type[i], s.hit[i], s.hit_len[i], &a);
        for (unsigned k = 0; k < shown; k++) {
            uint32_t x = w->addr + k;
            if (x - a.addr < a.len)
                w->old[k] = old_byte(s.hit_type[i], s.hit[i], s.hit_len[i], x);
        }
    }
    /* The newest record names the source. */
    if (s.hit_type[0] != UNDO_MEM)
        w->source = HQ_STORE;
    else if (!s.hit_after_block[0] || !s.block_seen)
        w->source = s.sigstate_before ? HQ_SIGNAL : HQ_DEBUGGER;
    else if (svc0 && s.block_pc == pc0)
        w->source = HQ_SYSCALL;
    else
        w->source = HQ_KERNEL;
    return true;
}

/* --- `writes` --------------------------------------------------------------- */

struct lister {
    struct range r;
    hq_write_fn *fn;
    void *ctx;
    struct hq_stats *st;
    uint64_t done; /* steps reported up to here */
    bool stop;
};

/* Steps through the hit blocks of a slice (oldest first), reporting every
 * write; `end` is the slice's end. */
static void step_blocks(struct lister *L, const struct slice_scan *s, uint64_t end)
{
    for (size_t i = s->nb; i-- > 0 && !L->stop;) {
        const struct hit_block *b = &s->b[i];
        uint64_t from = b->start > L->done ? b->start : L->done;
        if (from >= end || !seek(from))
            continue;
        unsigned found = 0;
        struct arm_cpu *cpu = engine_cpu();
        while (cpu->icount < end &&
               (cpu->icount < b->start + b->n || (found < b->writes && cpu->icount < b->start + b->n + EXTRA_STEPS))) {
            struct hq_write w;
            unsigned nrec;
            bool ok;
            bool hit = step_one(&L->r, &w, &nrec, &ok);
            found += nrec;
            if (hit) {
                L->st->writes++;
                if (!L->fn(L->ctx, &w)) {
                    L->stop = true;
                    break;
                }
            }
            if (!ok)
                break;
        }
        L->done = cpu->icount;
    }
}

/* The snapshot counts in [0, end], ascending (at most max). */
static unsigned snapshot_list(uint64_t end, uint64_t *out, unsigned max)
{
    unsigned n = 0;
    for (uint64_t s = snapshots_before(end + 1); s != UINT64_MAX && n < max; s = snapshots_before(s))
        out[n++] = s;
    for (unsigned i = 0; i < n / 2; i++) {
        uint64_t t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
    }
    return n;
}

/* Replays one slice from the current count towards end (at most *slice
 * instructions), its undo records starting at *m. If they wrapped the undo
 * ring (the oldest would be lost before the scan), goes back and shrinks
 * *slice instead: 0 then (-1 if it could not go back), 1 when ran. */
static int run_slice(uint64_t end, uint64_t *slice, struct undo_mark *m)
{
    struct arm_cpu *cpu = engine_cpu();
    uint64_t p = cpu->icount, lim = end - p > *slice ? p + *slice : end;
    struct undo_ring_stats us0, us1;
    undo_ring_stats(&us0);
    *m = undo_mark_now(cpu);
    run_to(lim);
    undo_ring_stats(&us1);
    if (us1.chunks_started + 1 >= us0.chunks_started + us1.chunks_max && *slice > SLICE_MIN) {
        *slice /= 8;
        return seek(p) ? 0 : -1;
    }
    return 1;
}

/* The slice from the current count towards end the slow way: replayed,
 * its records scanned, its hit blocks stepped through. 1 when it ran, 0 if
 * it was shrunk instead (run_slice), -1 if it could not move. */
static int slow_slice(struct lister *L, uint64_t end, uint64_t *slice, struct slice_scan *s)
{
    struct arm_cpu *cpu = engine_cpu();
    uint64_t p = cpu->icount;
    struct undo_mark m;
    int ran = run_slice(end, slice, &m);
    if (ran <= 0)
        return ran;
    uint64_t reached = cpu->icount;
    L->st->replayed += reached - p;
    scan_slice(s, m, p);
    if (s->nb) {
        step_blocks(L, s, reached);
        if (!L->stop && cpu->icount != reached && !seek(reached))
            return -1;
    }
    return 1;
}

/* Runs [from, to) in slices, reporting the writes: each slice the fast way
 * (query_slice.h), else the slow way. False: could not move. */
static bool list_span(struct lister *L, uint64_t from, uint64_t to, struct slice_scan *s)
{
    struct arm_cpu *cpu = engine_cpu();
    if (!reach(from))
        return false;
    uint64_t slice = SLICE_MAX;
    while (cpu->icount < to && !L->stop) {
        uint64_t p = cpu->icount, lim = to - p > slice ? p + slice : to;
        enum qs_result q = qs_slice(lim);
        if (q == QS_SLOW) {
            if (!seek(p))
                return false;
            int ran = slow_slice(L, to, &slice, s);
            if (ran < 0)
                return false;
            if (!ran)
                continue;
        } else {
            L->st->replayed += cpu->icount - p;
            size_t n = 0;
            const struct hq_write *w = q == QS_HITS ? qs_writes(&n) : NULL;
            for (size_t i = 0; i < n && !L->stop; i++) {
                L->st->writes++;
                if (!L->fn(L->ctx, &w[i]))
                    L->stop = true;
            }
        }
        L->done = cpu->icount;
        if (cpu->icount < lim)
            return false; /* the guest ended before: nothing more */
    }
    return true;
}

int hq_writes(uint32_t addr, uint32_t len, uint64_t from, uint64_t to, hq_write_fn *fn, void *ctx,
              struct hq_stats *st)
{
    struct arm_cpu *cpu = engine_cpu();
    uint64_t here = cpu->icount;
    if (to > engine_history_end())
        to = engine_history_end();
    if (from < engine_history_start() || from >= to || len == 0)
        return ERANGE;
    memset(st, 0, sizeof *st);
    struct lister L = {{addr, len}, fn, ctx, st, from, false};
    struct slice_scan s = {.r = {addr, len}};
    engine_watch_suspend(true);
    qs_begin(addr, len);
    static uint64_t snaps[4096];
    unsigned ns = snapshots_enabled() ? snapshot_list(to, snaps, 4096) : 0;
    uint64_t at = from;
    /* Interval by interval; one that saved none of the range's pages is
     * skipped (it wrote none of them). Without snapshots: one span. */
    while (at < to && !L.stop) {
        uint64_t end = to;
        if (ns) {
            unsigned i = 0;
            while (i + 1 < ns && snaps[i + 1] <= at)
                i++;
            if (i + 1 < ns && snaps[i + 1] < to)
                end = snaps[i + 1];
            st->intervals++;
            if (snaps[i] <= at && !snapshots_interval_may_write(snaps[i], addr, len)) {
                st->skipped++;
                at = end;
                continue;
            }
        }
        if (!list_span(&L, at, end, &s))
            break;
        at = end;
    }
    free(s.b);
    qs_end();
    seek(here);
    engine_watch_suspend(false);
    return 0;
}

/* --- `last` ----------------------------------------------------------------- */

/* From the start of the block b, steps to its last write by an
 * instruction before limit; true with *w if one was found, the position
 * then before that instruction. */
static bool last_in_block(const struct range *r, const struct hit_block *b, uint64_t limit, struct hq_write *w)
{
    struct arm_cpu *cpu = engine_cpu();
    if (!seek(b->start))
        return false;
    bool any = false;
    unsigned found = 0;
    while (cpu->icount < limit &&
           (cpu->icount < b->start + b->n || (found < b->writes && cpu->icount < b->start + b->n + EXTRA_STEPS))) {
        struct hq_write x;
        unsigned nrec;
        bool ok;
        if (step_one(r, &x, &nrec, &ok)) {
            *w = x;
            any = true;
        }
        found += nrec;
        if (!ok)
            break;
    }
    return any && seek(w->at);
}

/* The newest block before limit with a write, in the interval [from,
 * limit) replayed slice by slice (the fast way, else the slow way): a
 * write found the fast way is a block of its one instruction. */
static bool newest_in_span(uint64_t from, uint64_t limit, struct slice_scan *s, struct hit_block *out,
                           struct hq_stats *st)
{
    struct arm_cpu *cpu = engine_cpu();
    bool found = false;
    if (!reach(from))
        return false;
    uint64_t slice = SLICE_MAX;
    while (cpu->icount < limit) {
        uint64_t p = cpu->icount, lim = limit - p > slice ? p + slice : limit;
        enum qs_result q = qs_slice(lim);
        if (q == QS_HITS) {
            size_t n;
            const struct hq_write *w = qs_writes(&n);
            *out = (struct hit_block){w[n - 1].at, 1, 1};
            found = true;
        } else if (q == QS_SLOW) {
            struct undo_mark m;
            if (!seek(p))
                return found;
            int ran = run_slice(limit, &slice, &m);
            if (ran < 0)
                return found;
            if (!ran)
                continue;
            scan_slice(s, m, p);
            if (s->nb) {
                *out = s->b[0];
                found = true;
            }
        }
        st->replayed += cpu->icount - p;
        if (cpu->icount < lim)
            break;
    }
    return found;
}

int hq_last(uint32_t addr, uint32_t len, struct hq_write *w, struct hq_stats *st)
{
    struct arm_cpu *cpu = engine_cpu();
    uint64_t here = cpu->icount;
    struct range r = {addr, len};
    memset(st, 0, sizeof *st);
    struct slice_scan s = {.r = r, .newest_only = true};
    engine_watch_suspend(true);
    qs_begin(addr, len);
    int rc = ENOENT;
    /* The undo log first: [floor, now) without moving. */
    uint64_t floor = undo_floor();
    if (floor > here)
        floor = here;
    scan_slice(&s, undo_mark_floor(), floor);
    if (s.nb && s.b[0].start >= floor) {
        struct hit_block b = s.b[0];
        if (last_in_block(&r, &b, here, w)) {
            rc = 0;
            goto out;
        }
    }
    /* Then the snapshot intervals before the log's floor, newest first. */
    uint64_t hi = floor;
    while (snapshots_enabled() && hi > engine_history_start()) {
        uint64_t lo = snapshots_before(hi);
        if (lo == UINT64_MAX)
            break;
        st->intervals++;
        if (!snapshots_interval_may_write(lo, addr, len)) {
            st->skipped++;
            hi = lo;
            continue;
        }
        struct hit_block b;
        if (newest_in_span(lo, hi, &s, &b, st) && last_in_block(&r, &b, hi, w)) {
            rc = 0;
            goto out;
        }
        hi = lo;
    }
out:
    qs_end();
    if (rc)
        seek(here); /* none: back where it started */
    free(s.b);
    engine_watch_suspend(false);
    return rc;
}
