/* The code cache: one executable region holding the entry/exit trampolines,
 * the indirect-branch lookup table and every translated block; a hash table
 * from guest PC to block. Flushed whole when guest code changes or it fills. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"

struct tblock {
    uint32_t pc;        /* guest address of the first instruction */
    uint32_t guest_end; /* one past the last guest byte translated */
    uint32_t ninsns;
    uint32_t kind;      /* TB_* bits: with pc, the lookup key */
    uint8_t *host;      /* entry point */
    uint32_t host_size;
    struct tblock *hash_next;
};

/* Block kinds: what a block was translated for besides its pc. The
 * execution state that changes how the same bytes decode or run is part of
 * the key: CPSR.T, the IT state (CPSR.IT[7:0], Thumb-2 IT blocks), and the
 * FPSCR fields that change VFP arithmetic (AHP, DN, FZ, RMode, Stride, Len:
 * FPSCR[26:16] but bit 19). IT and FPSCR are always 0 until Thumb-2 and VFP
 * are translated. A single-step block holds exactly one instruction; it is
 * what the dispatcher runs when a budget ends inside a block. */
#define TB_THUMB 1u
#define TB_SINGLE 2u
#define TB_IT_SHIFT 8                 /* ITSTATE at bits 15:8 */
#define TB_FPSCR_MODE_MASK 0x07f70000u /* FPSCR's mode bits, in place */
#define TB_FPSCR_LEN_STRIDE 0x00370000u /* of which Len and Stride */

static inline uint32_t tb_kind_of(const struct arm_cpu *cpu)
{
    return (cpu->thumb ? TB_THUMB : 0) | ((uint32_t)cpu->itstate << TB_IT_SHIFT) | (cpu->fpscr & TB_FPSCR_MODE_MASK);
}

/* Indirect-branch lookup table entry, read by translated code. */
struct jc_entry {
    uint32_t pc;
    uint32_t pad;
    uint8_t *host;
};
#define JC_BITS 12
#define JC_SIZE (1u << JC_BITS)

struct code_cache {
    uint8_t *base, *end;    /* the whole region */
    uint8_t *blocks_start;  /* first byte after the fixed stubs */
    uint8_t *next;          /* allocation pointer */
    struct jc_entry *jc;    /* JC_SIZE entries inside the region */
    /* Fixed stubs. */
    uintptr_t (*enter)(struct arm_cpu *cpu, const uint8_t *host);
    uint8_t *exit_stub;     /* return to the dispatcher with rax as is */
    uint8_t *indirect_stub; /* eax = target guest pc (already stored in cpu->r[15]) */
    uint64_t generation;    /* bumped by every flush */
};

extern struct code_cache cc;

void code_cache_init(void);
void code_cache_flush(void);
struct tblock *code_cache_lookup(uint32_t pc, unsigned kind);
/* Registers a block whose code was written at cc.next (size bytes). */
struct tblock *code_cache_add(uint32_t pc, unsigned kind, uint32_t guest_end, uint32_t ninsns,
                              uint32_t size);
void code_cache_jc_fill(struct tblock *tb);
/* Called by the dispatcher before every lookup: empties the indirect-branch
 * table when FPSCR's mode bits differ from those of the blocks it holds. */
void code_cache_jc_mode(uint32_t fpscr);
/* True if [start, start+len) overlaps any translated block. */
bool code_cache_overlaps(uint32_t start, uint32_t len);
