/* See query_slice.h.
 *
 * A note (struct query_hit, arm/cpu.h) gives the storing instruction's count
 * and pc and points at its STORE/STOREM record, whose pre-image is the old
 * value; the new one is what the next write of those bytes found, or for the
 * slice's last write the memory at its end: the range's bytes are copied at
 * the end and walked back write by write, each record's pre-image put back.
 * That holds only if nothing else changed the range in the slice -- hence
 * the slow way whenever the undo log saw a write or map change from C in
 * it. Thread ids: with no switch in the slice, every note is the running
 * thread's; with switches, the few records of a slice replayed without
 * records say whose each note is. */
#include "timeline/query_slice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/guest_mem.h"
#include "linux/guest_threads.h"
#include "snapshots/snapshots.h"
#include "timeline/engine.h"
#include "translator/translate.h"
#include "undo/undo_ring.h"

/* Notes per slice (more: the slow way). */
#define MAX_HITS 65536u
/* The largest range whose bytes are tracked (larger: the slow way). */
#define MAX_RANGE (64u << 10)
/* The translated test of a STOREM over-approximates by the largest one
 * less a byte (32 words, undo/undo_format.h). */
#define SPAN_SLACK (4u * UNDO_STOREM_MAX_WORDS - 1u)

static struct query_hit *hits;
static int32_t *hit_tid; /* the thread of each note */
static uint8_t *image;
static struct hq_write *writes;
static size_t nwrites, cap;
static uint32_t lo, len;
/* BACKSTEP_QUERY_SLOW=1 sends every slice the slow way (the tests compare
 * the two ways' answers). */
static bool always_slow;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "backstep: out of memory for a history query\n");
        exit(1);
    }
    return p;
}

void qs_begin(uint32_t addr, uint32_t n)
{
    if (!hits) {
        hits = xmalloc(MAX_HITS * sizeof *hits);
        hit_tid = xmalloc(MAX_HITS * sizeof *hit_tid);
        image = xmalloc(MAX_RANGE);
    }
    lo = addr;
    len = n;
    const char *e = getenv("BACKSTEP_QUERY_SLOW");
    always_slow = e && *e && strcmp(e, "0") != 0;
    if (always_slow)
        return;
    translate_set_query(true);
    undo_count_range(addr, n);
}

void qs_end(void)
{
    struct arm_cpu *cpu = engine_cpu();
    cpu->query_top = cpu->query_end = NULL;
    translate_set_recording(true);
    translate_set_query(false);
    undo_count_range(0, 0);
    free(writes);
    writes = NULL;
    nwrites = cap = 0;
}

static struct hq_write *new_write(void)
{
    if (nwrites == cap) {
        cap = cap ? 2 * cap : 256;
        struct hq_write *w = realloc(writes, cap * sizeof *w);
        if (!w) {
            fprintf(stderr, "backstep: out of memory for a history query\n");
            exit(1);
        }
        writes = w;
    }
    struct hq_write *w = &writes[nwrites++];
    memset(w, 0, sizeof *w);
    return w;
}

/* The guest bytes a note's record wrote. */
static struct undo_access note_access(const struct query_hit *h, const uint8_t **rec)
{
    uint32_t rlen = undo_record_len(h->rec_end);
    struct undo_access a = {0};
    *rec = h->rec_end - rlen;
    undo_record_access(h->kind, *rec, rlen, &a);
    return a;
}

/* Writes from the notes hits[0, n), the range's bytes now in image. */
static void writes_from_notes(size_t n)
{
    nwrites = 0;
    uint64_t end = (uint64_t)lo + len;
    for (size_t i = n; i > 0;) {
        /* hits[j, i): one instruction's records (STRD writes two). */
        size_t j = i - 1;
        while (j > 0 && hits[j - 1].icount == hits[i - 1].icount)
            j--;
        uint64_t wlo = UINT64_MAX, whi = 0;
        for (size_t k = j; k < i; k++) {
            const uint8_t *rec;
            struct undo_access a = note_access(&hits[k], &rec);
            uint64_t l = a.addr > lo ? a.addr : lo, h = (uint64_t)a.addr + a.len < end ? (uint64_t)a.addr + a.len : end;
            if (l < h) {
                wlo = l < wlo ? l : wlo;
                whi = h > whi ? h : whi;
            }
        }
        if (wlo < whi) { /* else: only near the range (the test's slack) */
            struct hq_write *w = new_write();
            w->at = hits[j].icount;
            w->pc = hits[j].pc;
            w->tid = hit_tid[j];
            w->source = HQ_STORE;
            w->addr = (uint32_t)wlo;
            w->len = (uint32_t)(whi - wlo);
            unsigned shown = w->len < HQ_SHOWN ? w->len : HQ_SHOWN;
            memcpy(w->now, image + (wlo - lo), shown);
            /* Newest record first: the oldest one's pre-image wins. */
            for (size_t k = i; k-- > j;) {
                const uint8_t *rec;
                struct undo_access a = note_access(&hits[k], &rec);
                for (uint32_t x = 0; x < a.len; x++) {
                    uint64_t g = (uint64_t)a.addr + x;
                    if (g >= lo && g < end)
                        image[g - lo] = rec[x]; /* STORE and STOREM: old bytes first */
                }
            }
            memcpy(w->old, image + (wlo - lo), shown);
        }
        i = j;
    }
    for (size_t a = 0, b = nwrites; a + 1 < b; a++, b--) {
        struct hq_write t = writes[a];
        writes[a] = writes[b - 1];
        writes[b - 1] = t;
    }
}

/* Threads of the notes: the running one for all, or, if threads switched
 * in the slice (replayed without records: the log holds only the notes'
 * records and the few pushed from C), the one each record was written by,
 * going back from the running one through the THREADS record of each
 * switch. False if a note's record is not found. */
struct tid_walk {
    int32_t tid;
    size_t next; /* the newest note not placed yet, + 1 */
};

static bool tid_visit(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len)
{
    struct tid_walk *t = ctx;
    if (type == UNDO_THREADS)
        t->tid = undo_threads_running_tid(rec);
    else if (t->next && hits[t->next - 1].rec_end == rec + len)
        hit_tid[--t->next] = t->tid;
    return t->next > 0;
}

static bool note_threads(size_t n, bool switched, struct undo_mark since)
{
    struct tid_walk t = {guest_thread_current_tid(), n};
    if (!switched) {
        for (size_t i = 0; i < n; i++)
            hit_tid[i] = t.tid;
        return true;
    }
    undo_scan_since(engine_cpu(), since, tid_visit, &t);
    return t.next == 0;
}

/* What the notes of hits[0, n) say, the run having moved the log's
 * statistics from a to b (its records since `since`; a thread switch can be
 * placed only without records). */
static enum qs_result read_notes(size_t n, const struct undo_ring_stats *a, const struct undo_ring_stats *b,
                                 bool notes_only, struct undo_mark since)
{
    if (b->range_mem_pushes != a->range_mem_pushes || n >= MAX_HITS)
        return QS_SLOW;
    if (n == 0)
        return QS_CLEAR;
    /* The notes' records must still be there, in one pass of the log. */
    bool switched = b->thread_pushes != a->thread_pushes;
    if (b->rewinds != a->rewinds || (switched && !notes_only) || len > MAX_RANGE ||
        b->chunks_started + 1 >= a->chunks_started + b->chunks_max || !guest_range_ok(lo, len, 0) ||
        !note_threads(n, switched, since))
        return QS_SLOW;
    memcpy(image, g2h(lo), len);
    writes_from_notes(n);
    return nwrites ? QS_HITS : QS_CLEAR;
}

void qs_records(void) { translate_set_recording(true); }

enum qs_result qs_slice(uint64_t lim)
{
    if (always_slow) {
        translate_set_recording(true);
        return QS_SLOW;
    }
    struct arm_cpu *cpu = engine_cpu();
    uint64_t p = cpu->icount;
    /* Without snapshots there is no coming back from a replay without
     * records: the slice keeps them (its notes still answer it). */
    bool notes_only = snapshots_enabled();
    translate_set_recording(!notes_only);
    undo_ring_fixed_limit(cpu, notes_only);
    cpu->query_lo = lo;
    cpu->query_span[0] = (uint64_t)len + SPAN_SLACK;
    for (unsigned k = 1; k <= 8; k++)
        cpu->query_span[k] = (uint64_t)len + k - 1;
    cpu->query_top = (uint8_t *)hits;
    cpu->query_end = (uint8_t *)(hits + MAX_HITS);
    struct undo_ring_stats a, b;
    undo_ring_stats(&a);
    struct undo_mark since = undo_mark_now(cpu);
    struct engine_stop es;
    engine_forward(lim, false, NULL, NULL, &es);
    undo_ring_stats(&b);
    size_t n = (size_t)(cpu->query_top - (uint8_t *)hits) / sizeof *hits;
    cpu->query_top = cpu->query_end = NULL;
    bool abandoned = es.kind == ES_INTERRUPTED; /* RUN_ABANDONED: a fault without records */
    enum qs_result r = abandoned ? QS_SLOW : read_notes(n, &a, &b, notes_only, since);
    if (notes_only) {
        /* Records without BLOCK records cannot be popped: forget them. */
        undo_ring_fixed_limit(cpu, false);
        undo_clear(cpu);
        if (r == QS_SLOW) {
            /* Again the slow way, with records. */
            translate_set_recording(true);
            if (!engine_reseek(p, &es))
                fprintf(stderr, "backstep: a history query could not go back to %llu\n", (unsigned long long)p);
        }
    }
    return r;
}

const struct hq_write *qs_writes(size_t *n)
{
    *n = nwrites;
    return writes;
}
