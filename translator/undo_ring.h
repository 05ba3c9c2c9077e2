/* The undo log: what translated code and the runtime write while recording,
 * so that execution can be stepped back. A ring of fixed-size chunks holding
 * records back to back; each record ends with a 32-bit tag (type in the low
 * byte, total length above it), so the log is read backwards from its top.
 *
 *   BLOCK  written by the prologue of every translated block (and by the
 *          runtime before a kernel-helper call): the pc and length of the
 *          block, NZCV/Q/GE/T/IT, and the pre-images of the guest registers
 *          the block may write. The only restore points: popping back to a
 *          BLOCK record gives exactly the state at the block's start.
 *   STORE  written inline before every translated store: address, size and
 *          the old bytes (up to 8).
 *   MEM    written from C before guest memory changes (syscalls, kernel
 *          helpers, the debugger): address and the old bytes.
 *   CPU    written from C before a syscall changes registers: the whole
 *          struct arm_cpu and the replay-log cursor.
 *   MAP    written from C after a syscall changed the memory map (mmap,
 *          munmap, mprotect, brk): the old flags of each page, brk and the
 *          mmap search start. Popping unmaps what was new, maps again what
 *          was removed (its bytes come back from the MEM record below it) and
 *          restores protections.
 *   BARRIER  a change the log cannot undo (mremap): it cannot be popped past.
 *   LOAD   written inline before translated loads, only while read or access
 *          watchpoints are set: address and size (popping does nothing).
 *
 * A block's records never straddle chunks: the prologue asks for a new chunk
 * (helper_undo_room) when less than UNDO_BLOCK_ROOM bytes are left. When the
 * ring is full the oldest chunk is dropped and the earliest reachable point
 * moves forward. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm/cpu.h"

enum undo_type {
    UNDO_BLOCK = 1,
    UNDO_STORE = 2,
    UNDO_MEM = 3,
    UNDO_CPU = 4,
    UNDO_BARRIER = 5,
    UNDO_MAP = 6,
    UNDO_LOAD = 7, /* like STORE (old unused): a load, while read watchpoints are set */
    UNDO_STOREM = 8, /* STM: n consecutive words */
};

/* Tags: bits 0-3 the type. BLOCK: bits 4-8 the block's length in
 * instructions minus one, bit 9 set if the flags are saved, bits 10-15 the
 * record's length / 4, bits 16-31 the guest registers saved (bit 15: struct
 * undo_extra follows them). Other types: bits 4-7 a STORE's size, bits 8-31
 * the record's length. */
#define UNDO_TAG(type, len) ((uint32_t)(type) | ((uint32_t)(len) << 8))
#define UNDO_TAG_TYPE(tag) ((tag) & 0x0fu)
#define UNDO_BLOCK_TAG(ninsns, len, mask, flags)                                                                     \
    ((uint32_t)UNDO_BLOCK | ((uint32_t)((ninsns) - 1) << 4) | ((flags) ? 1u << 9 : 0u) |                          \
     ((uint32_t)(len) / 4 << 10) | ((uint32_t)(mask) << 16))
#define UNDO_BLOCK_NINSNS(tag) ((((tag) >> 4) & 31u) + 1)
#define UNDO_BLOCK_HAS_FLAGS(tag) (((tag) >> 9) & 1u)
#define UNDO_BLOCK_MASK(tag) ((tag) >> 16)
static inline uint32_t undo_tag_len(uint32_t tag)
{
    return UNDO_TAG_TYPE(tag) == UNDO_BLOCK ? ((tag >> 10) & 63u) * 4 : tag >> 8;
}
#define UNDO_TAG_LEN(tag) undo_tag_len(tag)

/* BLOCK (8-byte aligned, written by every block's prologue): if the block
 * may change them, NZCV..IT as struct arm_cpu holds them (n, z, c, v, q, ge,
 * thumb, itstate), then one u32 per saved register (ascending), then struct
 * undo_extra if bit 15 of the mask, padding, then the pc (bit 0: Thumb) and
 * the tag. The count is not
 * stored: the record's block ends where the next restore point (or the
 * present) starts, so popping it sets icount -= its length. */
#define UNDO_MASK_EXTRA (1u << 15)
struct undo_block_tail {
    uint32_t pc;
    uint32_t tag;
};

/* State a few instructions change (VFP status, TLS registers, the exclusive
 * monitor): saved only by blocks that contain such an instruction. */
struct undo_extra {
    uint32_t fpscr, tpidruro, tpidrurw;
    uint32_t excl_addr;
    uint64_t excl_val;
    uint8_t excl_valid, excl_size;
    uint8_t pad[6];
};

/* STORE: 16 bytes. */
struct undo_store {
    uint64_t old;
    uint32_t addr;
    uint32_t tag; /* UNDO_TAG(UNDO_STORE, 16) | size << 4 */
};
#define UNDO_STORE_TAG(size) (UNDO_TAG(UNDO_STORE, 16) | ((uint32_t)(size) << 4))
#define UNDO_LOAD_TAG(size) (UNDO_TAG(UNDO_LOAD, 16) | ((uint32_t)(size) << 4))

/* STOREM (one per STM, inline): the n old words (n <= 16) padded to 8
 * bytes, then the lowest address and the tag (bits 4-7: n - 1). Word k was
 * at addr + 4k (wrapping at 4 GiB). */
#define UNDO_STOREM_LEN(n) ((((uint32_t)(n) * 4 + 7u) & ~7u) + 8)
#define UNDO_STOREM_TAG(n) (UNDO_TAG(UNDO_STOREM, UNDO_STOREM_LEN(n)) | ((uint32_t)(n) - 1) << 4)
#define UNDO_STOREM_WORDS(tag) ((((tag) >> 4) & 15u) + 1)
#define UNDO_STORE_SIZE(tag) (((tag) >> 4) & 15u)

/* MEM: header, len old bytes padded to 8, then 4 bytes pad and the tag. */
struct undo_mem_hdr {
    uint32_t addr, len;
};

/* CPU: header, then the tag in the last 4 bytes of an 8-byte trailer. */
struct undo_cpu_rec {
    struct arm_cpu cpu;
    uint64_t replay_cursor;
};

/* Room a block's records may need at most (a generous bound): its BLOCK
 * record and 16 STORE records for each of up to 64 instructions (blocks
 * are at most 32 instructions; an STM writes one STOREM record). */
#define UNDO_BLOCK_ROOM (8 + 16 * 4 + sizeof(struct undo_extra) + 8 + 64 * 16 * 16)

struct undo_ring_stats {
    uint64_t bytes_used;    /* in all chunks in use */
    uint64_t bytes_limit;
    unsigned chunks_used;
    uint64_t dropped_chunks; /* over the whole run */
};

/* Starts recording with a ring of at most limit_bytes (rounded to chunks). */
void undo_ring_init(struct arm_cpu *cpu, uint64_t limit_bytes);
bool undo_ring_active(void);
/* Stops recording (a forked guest child that is not debugged). */
void undo_ring_stop(void);
/* Changes the limit; drops the oldest chunks if the log is over it. */
void undo_ring_set_limit(struct arm_cpu *cpu, uint64_t limit_bytes);
void undo_ring_stats(struct undo_ring_stats *out);

/* Called by translated code at block entry when undo_top >= undo_limit:
 * moves to a fresh chunk; returns the new undo_top. icount is the block's. */
uint8_t *helper_undo_room(struct arm_cpu *cpu, uint64_t icount);

/* Records pushed from C (no-ops when not recording). */
void undo_push_block_all(struct arm_cpu *cpu); /* every register: a restore point at cpu->icount */
void undo_push_mem(struct arm_cpu *cpu, uint32_t addr, uint32_t len);
void undo_push_cpu(struct arm_cpu *cpu, uint64_t replay_cursor);
void undo_push_barrier(struct arm_cpu *cpu);
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
/* Calls fn for each record written after mark, newest first (without
 * popping); stops early when fn returns false. */
typedef bool undo_visit_fn(void *ctx, uint32_t type, const uint8_t *rec, uint32_t len);
void undo_scan_since(const struct arm_cpu *cpu, struct undo_mark mark, undo_visit_fn *fn, void *ctx);

/* Forgets every record (e.g. after the state was changed behind the log). */
void undo_clear(struct arm_cpu *cpu);
