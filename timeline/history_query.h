/* Queries over recorded history: every write to a range of guest memory
 * (`monitor writes`), and moving to the last one before now (`monitor
 * last`). Answered from the undo log's STORE/STOREM/MEM records, and for the
 * part of history the log no longer holds by replaying only the snapshot
 * intervals whose saved pages say they may have written the range, slice by
 * slice, scanning each slice's records: no single-stepping except through
 * the few blocks that did write it. Never runs past the end of history. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Bytes of old and new value kept per write (the rest is counted only). */
#define HQ_SHOWN 32u

enum hq_source {
    HQ_STORE,    /* a guest store instruction */
    HQ_SYSCALL,  /* the kernel, for the syscall of the SVC at pc (read(2)...) */
    HQ_SIGNAL,   /* the kernel, writing a signal frame */
    HQ_KERNEL,   /* the kernel otherwise (kernel helpers at 0xffff0fxx) */
    HQ_DEBUGGER, /* the debugger's memory write logged at this count */
};

struct hq_write {
    uint64_t at;    /* the writing instruction's count (the state before it) */
    uint32_t pc;    /* of the writing instruction, bit 0: Thumb */
    int32_t tid;
    enum hq_source source;
    uint32_t addr, len; /* the written bytes of the range: [addr, +len) */
    uint8_t old[HQ_SHOWN], now[HQ_SHOWN]; /* their first HQ_SHOWN bytes */
};

/* Called in history order; false stops the query. */
typedef bool hq_write_fn(void *ctx, const struct hq_write *w);

struct hq_stats {
    uint64_t writes;
    uint64_t replayed; /* instructions replayed to answer */
    unsigned intervals, skipped; /* snapshot intervals looked at / skipped by their pages */
};

/* Every write to [addr, +len) by an instruction that started at a count in
 * [from, to) (to is clamped to the end of history). Comes back to the
 * current count afterwards. Returns 0, or ERANGE if from is before the
 * start of history or from >= to. */
int hq_writes(uint32_t addr, uint32_t len, uint64_t from, uint64_t to, hq_write_fn *fn, void *ctx,
              struct hq_stats *st);

/* Moves to the last instruction before now that wrote [addr, +len), before
 * it runs (where gdb's reverse-continue to a write watchpoint leaves the
 * user: the engine stops just after the write and gdb steps back over it),
 * and fills *w. Returns 0, or ENOENT if history holds none (the position is
 * then unchanged). */
int hq_last(uint32_t addr, uint32_t len, struct hq_write *w, struct hq_stats *st);
