/* Block planning: the guest instructions of one block, decoded once
 * (arm/decode.h) and analysed before anything is emitted (which flags each
 * instruction must store, which registers the undo record saves). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/decode.h"

/* The undo BLOCK tag holds 6 bits of length (UNDO_BLOCK_MAX_INSNS). */
#define MAX_BLOCK_INSNS 32

/* The block being translated, decoded once (arm/decode.h), with what the
 * analysis found for each instruction. */
struct block_plan {
    struct isa_insn insn[MAX_BLOCK_INSNS];
    uint8_t fl_need[MAX_BLOCK_INSNS]; /* flags whose stores a later reader needs */
    unsigned n;      /* instructions that retire */
    bool lone_exit;  /* n == 0: the first instruction raises a signal (trap or undefined) */
    bool undecodable;
    bool fetch_fault; /* ... because its second halfword cannot be fetched */
    uint32_t end_pc; /* one past the last byte of the block */
    uint32_t mask;   /* guest registers the block may write (undo pre-images) */
    bool extra, flags;
    /* Thumb IT blocks (A2.5.2): ITSTATE when instruction k runs (its
     * condition is it[k] >> 4 when it[k] & 15), and after the block. */
    uint8_t it[MAX_BLOCK_INSNS];
    uint8_t it_end;
    /* VFP: D registers the block may write, and whether it has the VFP part
     * of the BLOCK record at all (those, and FPSCR's pre-image: any VFP
     * instruction that writes FPSCR's flags or mode, or a D register). */
    uint32_t dmask;
    bool vfp;
    uint32_t fpscr_mode; /* FPSCR's mode bits of the block kind */
};

/* Decodes the block at pc for a block of kind (code_cache.h: Thumb state,
 * ITSTATE, FPSCR's mode): at most max
 * instructions, stopping after one that ends a block, before an instruction
 * that raises a signal (it gets a block of its own), at a page that cannot be
 * fetched and at a breakpoint. */
void plan_block(struct block_plan *pl, uint32_t pc, unsigned kind, unsigned max);
/* The instruction leaves the block on every path (or raises a signal). */
bool plan_ends_block(const struct isa_insn *d);
