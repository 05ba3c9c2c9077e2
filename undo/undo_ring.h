/* undo/undo_ring.h: the undo log, what translated code and the runtime
 * write while recording so that execution can be stepped back. A ring of
 * fixed-size chunks (mapped once, reused) holding records back to back in
 * the format of undo/undo_format.h, read backwards from its top
 * (cpu->undo_top, kept in a host register by translated code).
 *
 * A block's records never straddle chunks: the prologue asks for a new
 * chunk (helper_undo_room) when it has passed cpu->undo_limit, which lies
 * UNDO_BLOCK_ROOM bytes before a chunk's end. When the ring is full the
 * oldest chunk is dropped and the earliest reachable point moves forward.
 *
 * What popping needs of the layers above goes through interfaces: guest
 * pages are remapped by linux/ (guest_map_restore), and the translator
 * registers undo_set_code_changed (undo/undo_record.h) to drop translations
 * of guest bytes a pop changed. Nothing here includes translator/. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "undo/undo_format.h"
#include "undo/undo_record.h"

struct undo_ring_stats {
    uint64_t bytes_used;    /* in all chunks in use */
    uint64_t bytes_limit;
    unsigned chunks_used;
    uint64_t dropped_chunks; /* over the whole run */
    /* A mark taken when chunks_started was k stays scannable while
     * chunks_started < k + chunks_max - 1 (its chunk is not reused). */
    uint64_t chunks_started; /* over the whole run */
    unsigned chunks_max;     /* the ring's capacity */
    /* Over the whole run: records popped or forgotten (undo_clear), THREADS
     * records pushed, MEM/MAP records pushed that touch undo_count_range's range. */
    uint64_t rewinds, thread_pushes, range_mem_pushes;
};

/* Starts recording with a ring of at most limit_bytes (rounded to chunks). */
void undo_ring_init(struct arm_cpu *cpu, uint64_t limit_bytes);
bool undo_ring_active(void);
/* Stops recording (a forked guest child that is not debugged). */
void undo_ring_stop(void);
/* Changes the limit; drops the oldest chunks if the log is over it. */
void undo_ring_set_limit(struct arm_cpu *cpu, uint64_t limit_bytes);
void undo_ring_stats(struct undo_ring_stats *out);
/* MEM and MAP records pushed from C (syscalls, signal frames, kernel
 * helpers, the debugger, map changes) that touch [addr, +len) are counted
 * (len 0: none is): a history query learns of the changes translated
 * stores do not note. */
void undo_count_range(uint32_t addr, uint32_t len);
/* While on, blocks have no prologue room check (a history query's replay
 * without records, translate_set_query): cpu->undo_limit stays the
 * current chunk's real limit after pushes from C, for the records the
 * query's stores write themselves after checking it. */
void undo_ring_fixed_limit(struct arm_cpu *cpu, bool on);

/* Called by translated code at block entry when undo_top >= undo_limit:
 * moves to a fresh chunk; returns the new undo_top. icount is the block's. */
uint8_t *helper_undo_room(struct arm_cpu *cpu, uint64_t icount);

/* Records pushed from C (no-ops when not recording). */
void undo_push_block_all(struct arm_cpu *cpu); /* every register: a restore point at cpu->icount */
/* A BLOCK record of the given shape for the block at pc (bit 0: Thumb)
 * that starts now: what a prologue writes, from C. */
void undo_push_block(struct arm_cpu *cpu, const struct undo_block_shape *s, uint32_t pc);
/* A STORE (or LOAD) record of size bytes at addr, and a STOREM record of
 * nwords words from addr: what translated stores write, from C. */
void undo_push_store(struct arm_cpu *cpu, uint32_t type, uint32_t addr, unsigned size);
void undo_push_storem(struct arm_cpu *cpu, uint32_t addr, unsigned nwords);
void undo_push_mem(struct arm_cpu *cpu, uint32_t addr, uint32_t len);
void undo_push_cpu(struct arm_cpu *cpu, uint64_t replay_cursor);
void undo_push_barrier(struct arm_cpu *cpu);
/* The guest's signal state as it was before a change (old: a copy taken
 * before it). */
void undo_push_sigstate(struct arm_cpu *cpu, const struct guest_sigstate *old);
/* The thread table and the running thread's context before a scheduling
 * point or thread syscall changed them (linux/thread_sched.h). */
void undo_push_threads(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx, const struct guest_threads *table,
                       uint64_t replay_cursor);
/* old_flags: guest_page_flags of each of npages pages from addr before the
 * change. */
void undo_push_map(struct arm_cpu *cpu, uint32_t addr, uint32_t npages, const uint8_t *old_flags, uint32_t old_brk,
                   uint32_t old_next_start);

/* Reading back. undo_peek gives the record on top (NULL if the log is empty
 * or a BARRIER/the oldest kept record is reached), its type and length. */
const uint8_t *undo_peek(struct arm_cpu *cpu, uint32_t *type, uint32_t *len);
/* Pops the top record, restoring what it saved into cpu and guest memory.
 * For CPU records *replay_cursor receives the saved cursor. Returns its type,
 * 0 if nothing can be popped. */
uint32_t undo_pop(struct arm_cpu *cpu, uint64_t *replay_cursor);
/* The icount of the earliest BLOCK record that can still be reached by
 * popping (UINT64_MAX if none). */
uint64_t undo_floor(void);
/* A position in the log, to look at what was written since. */
struct undo_mark {
    unsigned chunk;
    uint8_t *p;
};
struct undo_mark undo_mark_now(const struct arm_cpu *cpu);
/* The mark of the floor: scanning since it visits every record that can
 * still be popped (and, below a BARRIER, some that cannot: stop there). */
struct undo_mark undo_mark_floor(void);
/* Calls fn for each record written after mark, newest first (without
 * popping); stops early when fn returns false. */
typedef bool undo_visit_fn(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len);
void undo_scan_since(const struct arm_cpu *cpu, struct undo_mark mark, undo_visit_fn *fn, void *ctx);

/* Forgets every record (e.g. after the state was changed behind the log). */
void undo_clear(struct arm_cpu *cpu);
