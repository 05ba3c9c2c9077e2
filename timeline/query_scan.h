/* The slow way through a slice of history for a query over one range of
 * guest memory (timeline/history_query.h): the slice is replayed with its
 * undo records, which are scanned for the blocks that wrote the range, and
 * only those blocks are stepped, one instruction at a time, to name each
 * write exactly -- whatever wrote it (a store, a syscall, a signal frame,
 * the debugger). query_slice.h is the fast way; history_query.c chooses. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "timeline/history_query.h"
#include "undo/undo_ring.h"

struct range {
    uint32_t addr, len;
};

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

/* Moves to count n (qscan_seek: either way; qscan_run_to: forward, running
 * every instruction on the way, so that all leave their records) with
 * translations that record. */
bool qscan_seek(uint64_t n);
void qscan_run_to(uint64_t n);

/* Replays one slice from the current count towards end (at most *slice
 * instructions), its undo records starting at *m. If they wrapped the undo
 * ring (the oldest would be lost before the scan), goes back and shrinks
 * *slice instead: 0 then (-1 if it could not go back), 1 when ran. */
int run_slice(uint64_t end, uint64_t *slice, struct undo_mark *m);

/* Scans the records since m (the log's top is at the current count) into
 * s->b, the blocks that wrote the range, newest first. Records older than
 * every BLOCK since m belong to the first step from base. */
void scan_slice(struct slice_scan *s, struct undo_mark m, uint64_t base);

/* One instruction forward; *w is filled and true returned if it wrote the
 * range, *nrec gets its write records. False in *ok if no step was made. */
bool step_one(const struct range *r, struct hq_write *w, unsigned *nrec, bool *ok);
