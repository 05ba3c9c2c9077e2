/* See history_query.h.
 *
 * History is gone through snapshot interval by snapshot interval (skipping
 * those whose saved pages say they wrote none of the range), each in
 * slices; a slice is answered the fast way (query_slice.h: replayed with
 * stores noting writes into the range) or, when that cannot name its
 * writes exactly, the slow way (query_scan.h: its undo records scanned and
 * the blocks that wrote stepped).
 *
 * Never runs past the end of history (no live execution, no syscall runs
 * for real): every move is inside it. */
#include "timeline/history_query.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "snapshots/snapshots.h"
#include "timeline/engine.h"
#include "timeline/query_scan.h"
#include "timeline/query_slice.h"
#include "undo/undo_ring.h"

/* Instructions per replayed slice: its records must fit the undo ring (a
 * slice whose records wrapped the ring is run again, shorter). */
#define SLICE_MAX (1ull << 20)
/* Steps past a block's end while looking for a write its records announced
 * (C-pushed records before the next block's first instruction). */
#define EXTRA_STEPS 64u

/* To the start of a span of slices: from the snapshot at or before n
 * (nothing is popped, so the translations may be the fast slices'). */
static bool reach(uint64_t n)
{
    struct engine_stop es;
    if (engine_cpu()->icount == n)
        return true;
    return engine_reseek(n, &es) && engine_cpu()->icount == n;
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
        if (from >= end || !qscan_seek(from))
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
        if (!L->stop && cpu->icount != reached && !qscan_seek(reached))
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
            if (!qscan_seek(p))
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
    qscan_seek(here);
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
    if (!qscan_seek(b->start))
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
    return any && qscan_seek(w->at);
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
            if (!qscan_seek(p))
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
        qscan_seek(here); /* none: back where it started */
    free(s.b);
    engine_watch_suspend(false);
    return rc;
}
