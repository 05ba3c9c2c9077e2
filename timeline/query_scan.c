/* See query_scan.h.
 *
 * A slice of history is run forward (replay) and its undo records are
 * scanned newest first: a BLOCK record moves the count back by its length,
 * so each write record that touches the range is placed in the block whose
 * BLOCK record lies below it. Only those blocks are then stepped through,
 * one instruction at a time, to name the writing instruction, its thread and
 * the bytes before and after. Records pushed from C between two blocks (a
 * signal frame, the debugger's writes logged at a count) belong to the
 * first step of the next block: a block is stepped on until it has shown
 * as many writes as its records said. */
#include "timeline/query_scan.h"

#include <stdlib.h>
#include <string.h>

#include "linux/guest_mem.h"
#include "linux/guest_threads.h"
#include "timeline/engine.h"
#include "timeline/query_slice.h"

#define SLICE_MIN 256ull

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

bool qscan_seek(uint64_t n)
{
    struct engine_stop es;
    if (engine_cpu()->icount != n)
        qs_records(); /* it may pop, or replay what is popped later */
    return engine_seek(n, &es) && engine_cpu()->icount == n;
}

/* engine_seek may jump forward through a snapshot, leaving no records of
 * the way: the writes there would not be seen. */
void qscan_run_to(uint64_t n)
{
    struct engine_stop es;
    qs_records();
    engine_forward(n, false, NULL, NULL, &es);
}

/* --- one slice's records, newest first ------------------------------------ */

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

void scan_slice(struct slice_scan *s, struct undo_mark m, uint64_t base)
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

bool step_one(const struct range *r, struct hq_write *w, unsigned *nrec, bool *ok)
{
    struct arm_cpu *cpu = engine_cpu();
    struct undo_mark m = undo_mark_now(cpu);
    int32_t tid0 = guest_thread_current_tid();
    uint32_t pc0 = cpu->r[15] | (cpu->thumb ? 1u : 0u);
    uint64_t c0 = cpu->icount;
    /* The SVC test reads the instruction before it runs (code may change). */
    bool svc0 = is_svc(pc0);
    qscan_run_to(c0 + 1);
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

int run_slice(uint64_t end, uint64_t *slice, struct undo_mark *m)
{
    struct arm_cpu *cpu = engine_cpu();
    uint64_t p = cpu->icount, lim = end - p > *slice ? p + *slice : end;
    struct undo_ring_stats us0, us1;
    undo_ring_stats(&us0);
    *m = undo_mark_now(cpu);
    qscan_run_to(lim);
    undo_ring_stats(&us1);
    if (us1.chunks_started + 1 >= us0.chunks_started + us1.chunks_max && *slice > SLICE_MIN) {
        *slice /= 8;
        return qscan_seek(p) ? 0 : -1;
    }
    return 1;
}
