/* undo/undo_record.h: writing one record from C and applying one record's
 * pre-images (what popping it means), independent of the ring that holds
 * records. The ring (undo_ring.c) reserves room and calls these; unit tests
 * call them directly. Records follow undo/undo_format.h. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "undo/undo_format.h"

/* Called when a pop changed guest bytes or pages [addr, addr + len) that
 * may hold translated code (registered by the translator; NULL: none). */
typedef void undo_code_changed_fn(void *ctx, uint32_t addr, uint32_t len);
void undo_set_code_changed(undo_code_changed_fn *fn, void *ctx);

/* Encoders: each writes one whole record at dst and returns its length
 * (the length macros/functions of undo_format.h give it beforehand). Old
 * guest bytes are read from guest memory; unmapped or unreadable ones are
 * recorded as 0 (popping skips unmapped pages). */
uint32_t undo_encode_block(uint8_t *dst, const struct arm_cpu *cpu, const struct undo_block_shape *s, uint32_t pc);
uint32_t undo_encode_store(uint8_t *dst, uint32_t type, uint32_t addr, unsigned size); /* STORE or LOAD */
uint32_t undo_encode_storem(uint8_t *dst, uint32_t addr, unsigned nwords);
uint32_t undo_encode_mem(uint8_t *dst, uint32_t addr, uint32_t len);
uint32_t undo_encode_cpu(uint8_t *dst, const struct arm_cpu *cpu, uint64_t replay_cursor);
uint32_t undo_encode_map(uint8_t *dst, uint32_t addr, uint32_t npages, const uint8_t *old_flags, uint32_t old_brk,
                         uint32_t old_next_start);
uint32_t undo_encode_barrier(uint8_t *dst, uint64_t icount);
uint32_t undo_encode_sigstate(uint8_t *dst, const struct guest_sigstate *s);
uint32_t undo_encode_threads(uint8_t *dst, const struct guest_thread_ctx *ctx, const struct guest_threads *table,
                             uint64_t replay_cursor);
/* The id of the thread that was running when the THREADS record rec was
 * written (the table's current slot then; 0 if none). */
int32_t undo_threads_running_tid(const uint8_t *rec);

/* Applies the record rec (len bytes, of the given type) backwards: puts
 * back the registers, guest bytes and memory map it saved. A BLOCK record
 * also moves icount back by its instruction count. For a CPU record the run
 * control fields (budget, bp_pass, undo_top, undo_limit) keep their current
 * values and *replay_cursor (if not NULL) receives the saved cursor. */
/* Called before undo_restore changes guest memory or its map (the engine's
 * forward image copies what is about to change). */
typedef void undo_change_hook(uint32_t addr, uint32_t len);
void undo_set_change_hook(undo_change_hook *fn);
void undo_restore(struct arm_cpu *cpu, uint32_t type, const uint8_t *rec, uint32_t len, uint64_t *replay_cursor);
