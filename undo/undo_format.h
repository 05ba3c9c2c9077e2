/* undo/undo_format.h: the undo log's record format, the contract between the
 * code the translator emits (which writes BLOCK, STORE, LOAD and STOREM
 * records inline) and the ring that keeps and pops them (undo/undo_ring.c).
 * Only layouts, tags and their encode/decode live here: no state, nothing of
 * the translator.
 *
 * Records lie back to back in a chunk; each ends with a 32-bit tag whose low
 * 4 bits give its type, and the tag (with, for a BLOCK record, the 8 bytes
 * below it) gives its length, so the log is read backwards from its top.
 * Every record's length is a multiple of 8 and records start 8-aligned.
 *
 *   BLOCK  written by the prologue of every translated block (and by the
 *          runtime before a kernel-helper call): the pc and length of the
 *          block, the flags word (NZCV/Q/GE/T/IT), the pre-images of the core
 *          registers the block may write, struct undo_extra, and (later, VFP)
 *          the D registers and FPSCR. The only restore points: popping back to
 *          a BLOCK record gives exactly the state at the block's start.
 *   STORE  written inline before every translated store: address, size and
 *          the old bytes (up to 8).
 *   LOAD   like STORE, only while read or access watchpoints are set
 *          (popping does nothing).
 *   STOREM one per STM/PUSH (later VSTM/VPUSH), inline: 1 to 32 old words.
 *   MEM    written from C before guest memory changes (syscalls, kernel
 *          helpers, the debugger): address and the old bytes.
 *   CPU    written from C before a syscall changes registers: the whole
 *          struct arm_cpu and the replay-log cursor.
 *   MAP    written from C after a syscall changed the memory map (mmap,
 *          munmap, mprotect, brk): the old flags of each page, brk and the
 *          mmap search start.
 *   BARRIER  a change the log cannot undo (mremap): never popped past.
 *   SIGSTATE written from C before the guest's signal state changes (a signal
 *          syscall, a delivery, a sigreturn): the whole old struct
 *          guest_sigstate (linux/guest_sigstate.h). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arm/cpu.h"
#include "linux/guest_sigstate.h"
#include "linux/thread_sched.h"

enum undo_type {
    UNDO_BLOCK = 1,
    UNDO_STORE = 2,
    UNDO_MEM = 3,
    UNDO_CPU = 4,
    UNDO_BARRIER = 5,
    UNDO_MAP = 6,
    UNDO_LOAD = 7,
    UNDO_STOREM = 8,
    UNDO_SIGSTATE = 9,
    UNDO_THREADS = 10,
};
#define UNDO_TAG_TYPE(tag) ((tag) & 0x0fu)

/* --- every type but BLOCK ------------------------------------------------
 * Tag: bits 0-3 the type, bits 4-9 a 6-bit argument (STORE/LOAD: the size in
 * bytes; STOREM: the number of words - 1), bits 10-31 the record's length. */
#define UNDO_TAG_MAX_LEN ((1u << 22) - 8)
#define UNDO_TAG(type, len) ((uint32_t)(type) | ((uint32_t)(len) << 10))
#define UNDO_TAG_ARG(tag) (((tag) >> 4) & 63u)

/* STORE / LOAD: 16 bytes. */
struct undo_store {
    uint64_t old; /* the old bytes (STORE), little-endian from addr */
    uint32_t addr;
    uint32_t tag;
};
#define UNDO_STORE_TAG(size) (UNDO_TAG(UNDO_STORE, 16) | ((uint32_t)(size) << 4))
#define UNDO_LOAD_TAG(size) (UNDO_TAG(UNDO_LOAD, 16) | ((uint32_t)(size) << 4))
#define UNDO_STORE_SIZE(tag) UNDO_TAG_ARG(tag)

/* STOREM: the n old words (1 <= n <= 32; `vpush {d0-d15}` writes 32) padded
 * to 8 bytes, then the lowest address and the tag. Word k was at addr + 4k,
 * wrapping at 4 GiB as the guest's address arithmetic does. */
#define UNDO_STOREM_MAX_WORDS 32u
#define UNDO_STOREM_LEN(n) ((((uint32_t)(n) * 4 + 7u) & ~7u) + 8)
#define UNDO_STOREM_TAG(n) (UNDO_TAG(UNDO_STOREM, UNDO_STOREM_LEN(n)) | ((uint32_t)(n) - 1) << 4)
#define UNDO_STOREM_WORDS(tag) (UNDO_TAG_ARG(tag) + 1)

/* MEM: header, len old bytes padded to 8, 4 bytes of padding, the tag. */
struct undo_mem_hdr {
    uint32_t addr, len;
};
#define UNDO_MEM_LEN(n) ((uint32_t)sizeof(struct undo_mem_hdr) + (((uint32_t)(n) + 7u) & ~7u) + 8)

/* CPU: the record, then 4 bytes of padding and the tag. */
struct undo_cpu_rec {
    struct arm_cpu cpu;
    uint64_t replay_cursor;
};
#define UNDO_CPU_LEN ((uint32_t)sizeof(struct undo_cpu_rec) + 8)

/* MAP: header, one guest_page_flags byte per page padded to 8, 4 bytes of
 * padding, the tag. */
struct undo_map_hdr {
    uint32_t addr, npages, old_brk, old_next_start;
};
#define UNDO_MAP_LEN(npages) ((uint32_t)sizeof(struct undo_map_hdr) + (((uint32_t)(npages) + 7u) & ~7u) + 8)

/* SIGSTATE: the struct, 4 bytes of padding, the tag. */
#define UNDO_SIGSTATE_LEN ((uint32_t)((sizeof(struct guest_sigstate) + 7u) & ~7u) + 8)

/* THREADS: a scheduling point or thread syscall undone: the replay cursor,
 * the running thread's context and the thread table (nslots slots) as they
 * were, padded to 8, then 4 bytes of padding and the tag. */
struct undo_threads_hdr {
    uint64_t replay_cursor;
    struct guest_thread_ctx ctx;    /* the running thread */
    struct guest_thread_ctx in_ctx; /* after a switch: the incoming thread's slot */
};
#define UNDO_THREADS_LEN(nslots)                                                                                     \
    ((uint32_t)sizeof(struct undo_threads_hdr) + ((guest_threads_image_len(nslots) + 7u) & ~7u) + 8)

/* BARRIER: the icount, 4 bytes of padding, the tag. */
#define UNDO_BARRIER_LEN 16u

/* --- BLOCK ----------------------------------------------------------------
 * Tag: bits 0-3 UNDO_BLOCK; bits 4-9 the block's length in instructions - 1
 * (1..64); bit 10 F: the flags word is saved; bit 11 V: the VFP part is
 * present (D registers by mask, FPSCR); bits 12-15 zero; bits 16-30 the core
 * registers r0-r14 saved; bit 31 E: struct undo_extra is saved.
 *
 * Layout, in this order (offsets from undo_block_layout):
 *   flags  8 bytes if F: n z c v q ge thumb itstate as struct arm_cpu holds them
 *   core   4 bytes per saved core register, ascending
 *   extra  struct undo_extra if E
 *          padding to 8
 *   d      8 bytes per saved D register, ascending (V only)
 *   vfp    struct undo_block_vfp (V only): the D mask and FPSCR
 *   tail   struct undo_block_tail: the pc (bit 0: Thumb) and the tag
 * A record without V is exactly what the A32 prologue writes: one constant
 * tag, no extension word. The length is not stored: it follows from F, E,
 * the core mask and (V) the D mask, which sits at a fixed place below the
 * tail. The count is not stored either: popping the record sets icount -=
 * its instruction count (its block ends where the next restore point, or the
 * present, starts). */
#define UNDO_BLOCK_MAX_INSNS 64u
#define UNDO_BLOCK_F_FLAGS (1u << 10)
#define UNDO_BLOCK_F_VFP (1u << 11)
#define UNDO_BLOCK_F_EXTRA (1u << 31)
#define UNDO_BLOCK_CORE_SHIFT 16
#define UNDO_BLOCK_CORE_ALL 0x7fffu /* r0-r14; r15 comes from the tail */

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

/* The VFP part's trailer, just below the tail. */
struct undo_block_vfp {
    uint32_t dmask; /* bit k: d<k> saved */
    uint32_t fpscr;
};

/* What a BLOCK record holds (the tag and, with V, the D mask). */
struct undo_block_shape {
    unsigned ninsns; /* 1..UNDO_BLOCK_MAX_INSNS */
    uint32_t core;   /* r0-r14 */
    bool flags, extra, vfp;
    uint32_t dmask; /* with vfp only */
};

/* Where each part of a BLOCK record lies (bytes from its start). */
struct undo_block_layout {
    uint32_t flags_off, core_off, extra_off, d_off, vfp_off, tail_off, len;
};

/* The largest BLOCK record: every part present. */
#define UNDO_BLOCK_MAX_LEN                                                                                           \
    (((8u + 15u * 4u + (uint32_t)sizeof(struct undo_extra) + 7u) & ~7u) + 32u * 8u +                                \
     (uint32_t)sizeof(struct undo_block_vfp) + (uint32_t)sizeof(struct undo_block_tail))

/* Bits set in x, inline: without -mpopcnt __builtin_popcount is a call into
 * libgcc, and record lengths are computed for every BLOCK record a scan of
 * the log walks (history queries scan all of it: the call was 16% of their
 * time). */
static inline uint32_t undo_bits(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    return (((x + (x >> 4)) & 0x0f0f0f0fu) * 0x01010101u) >> 24;
}

static inline struct undo_block_layout undo_block_layout(const struct undo_block_shape *s)
{
    struct undo_block_layout l;
    uint32_t off = 0;
    l.flags_off = off;
    off += s->flags ? 8u : 0u;
    l.core_off = off;
    off += 4u * undo_bits(s->core & UNDO_BLOCK_CORE_ALL);
    l.extra_off = off;
    off += s->extra ? (uint32_t)sizeof(struct undo_extra) : 0u;
    /* 8-aligned: an 8-byte store split across cache lines costs more than
     * the padding (measured). */
    off = (off + 7u) & ~7u;
    l.d_off = off;
    off += s->vfp ? 8u * undo_bits(s->dmask) : 0u;
    l.vfp_off = off;
    off += s->vfp ? (uint32_t)sizeof(struct undo_block_vfp) : 0u;
    l.tail_off = off;
    l.len = off + (uint32_t)sizeof(struct undo_block_tail);
    return l;
}

static inline uint32_t undo_block_tag(const struct undo_block_shape *s)
{
    return (uint32_t)UNDO_BLOCK | ((uint32_t)(s->ninsns - 1) & 63u) << 4 | (s->flags ? UNDO_BLOCK_F_FLAGS : 0u) |
           (s->vfp ? UNDO_BLOCK_F_VFP : 0u) | (s->core & UNDO_BLOCK_CORE_ALL) << UNDO_BLOCK_CORE_SHIFT |
           (s->extra ? UNDO_BLOCK_F_EXTRA : 0u);
}

#define UNDO_BLOCK_NINSNS(tag) ((((tag) >> 4) & 63u) + 1)
#define UNDO_BLOCK_HAS_FLAGS(tag) (((tag) & UNDO_BLOCK_F_FLAGS) != 0)
#define UNDO_BLOCK_HAS_VFP(tag) (((tag) & UNDO_BLOCK_F_VFP) != 0)
#define UNDO_BLOCK_HAS_EXTRA(tag) (((tag) & UNDO_BLOCK_F_EXTRA) != 0)
#define UNDO_BLOCK_CORE(tag) (((tag) >> UNDO_BLOCK_CORE_SHIFT) & UNDO_BLOCK_CORE_ALL)

/* The shape of the BLOCK record that ends at end (its tag at end - 4). */
static inline struct undo_block_shape undo_block_shape_at(const uint8_t *end)
{
    uint32_t tag;
    memcpy(&tag, end - 4, 4);
    struct undo_block_shape s = {UNDO_BLOCK_NINSNS(tag), UNDO_BLOCK_CORE(tag), UNDO_BLOCK_HAS_FLAGS(tag),
                                 UNDO_BLOCK_HAS_EXTRA(tag), UNDO_BLOCK_HAS_VFP(tag), 0};
    if (s.vfp) {
        struct undo_block_vfp v;
        memcpy(&v, end - sizeof(struct undo_block_tail) - sizeof v, sizeof v);
        s.dmask = v.dmask;
    }
    return s;
}

/* The length of the record that ends at end. */
static inline uint32_t undo_record_len(const uint8_t *end)
{
    uint32_t tag;
    memcpy(&tag, end - 4, 4);
    if (UNDO_TAG_TYPE(tag) != UNDO_BLOCK)
        return tag >> 10;
    struct undo_block_shape s = undo_block_shape_at(end);
    return undo_block_layout(&s).len;
}

/* Room a block's records may need at most: its BLOCK record and 256 bytes
 * for each of up to UNDO_BLOCK_MAX_INSNS instructions (the largest record
 * one instruction writes is a 32-word STOREM, 136 bytes). The prologue asks
 * for a new chunk when less than this is left, so a block's records never
 * straddle chunks. */
#define UNDO_BLOCK_ROOM (UNDO_BLOCK_MAX_LEN + UNDO_BLOCK_MAX_INSNS * 256u)

/* --- reading records back (the timeline's searches) ---------------------- */

/* The guest bytes a record says were accessed. */
struct undo_access {
    uint32_t addr, len;
    bool write; /* STORE, STOREM, MEM; false: LOAD */
};

/* Fills *a for STORE, LOAD, STOREM and MEM records; false for the others. */
static inline bool undo_record_access(uint32_t type, const uint8_t *rec, uint32_t len, struct undo_access *a)
{
    uint32_t tag;
    memcpy(&tag, rec + len - 4, 4);
    switch (type) {
    case UNDO_STORE:
    case UNDO_LOAD: {
        struct undo_store s;
        memcpy(&s, rec, sizeof s);
        *a = (struct undo_access){s.addr, UNDO_STORE_SIZE(tag), type == UNDO_STORE};
        return true;
    }
    case UNDO_STOREM: {
        uint32_t addr;
        memcpy(&addr, rec + len - 8, 4);
        *a = (struct undo_access){addr, 4 * UNDO_STOREM_WORDS(tag), true};
        return true;
    }
    case UNDO_MEM: {
        struct undo_mem_hdr h;
        memcpy(&h, rec, sizeof h);
        *a = (struct undo_access){h.addr, h.len, true};
        return true;
    }
    default:
        return false;
    }
}

_Static_assert(UNDO_BLOCK_MAX_LEN == 376, "the largest BLOCK: 8 + 60 + 32 (+4 pad) + 256 + 8 + 8");
_Static_assert(UNDO_STOREM_LEN(UNDO_STOREM_MAX_WORDS) <= 256, "an instruction's records fit its share of UNDO_BLOCK_ROOM");
_Static_assert(sizeof(struct undo_store) == 16, "translated code writes STORE records at fixed offsets");
_Static_assert(offsetof(struct undo_store, addr) == 8 && offsetof(struct undo_store, tag) == 12,
               "translated code writes a STORE's address at +8 and its tag at +12");
_Static_assert(sizeof(struct undo_extra) % 8 == 0, "struct undo_extra keeps what follows it 8-aligned");
