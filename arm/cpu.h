/* arm/cpu.h: the guest CPU state: one struct, pointed to by a fixed host register (rbx)
 * inside translated code. Flags are kept one per byte (0 or 1) so translated
 * code can write them with SETcc and test them with one CMP. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct arm_cpu {
    uint32_t r[16];   /* r15 holds the address of the instruction to run next */
    uint8_t n, z, c, v; /* NZCV, each 0 or 1 */
    uint8_t q;        /* sticky saturation flag */
    uint8_t ge;       /* GE[3:0] of the ARMv6 SIMD instructions, bit i = GE[i] */
    uint8_t thumb;    /* CPSR.T */
    uint8_t itstate;  /* CPSR.IT[7:0] (Thumb only) */
    uint32_t fpscr;
    uint32_t tpidruro; /* TLS register read by MRC p15,0,Rt,c13,c0,3 */
    uint32_t tpidrurw; /* user read/write thread ID register, c13,c0,2 */
    uint64_t d[32];   /* VFP/NEON d0-d31 */

    /* Exclusive monitor (LDREX/STREX): address and the value loaded. */
    uint32_t excl_addr;
    uint8_t excl_valid;
    uint8_t excl_size;
    uint64_t excl_val;

    /* Retired guest instructions (a condition-failed instruction counts). */
    uint64_t icount;

    /* Run control, read by translated code at every block entry. A block
     * starts only if icount + its length <= budget; a block at a breakpoint
     * starts only if icount == bp_pass (resuming from that very point). */
    uint64_t budget;
    uint64_t bp_pass;
    /* The undo log while recording (undo/undo_ring.h): next free byte,
     * and the point past which a block must ask for more room first. */
    uint8_t *undo_top;
    uint8_t *undo_limit;

    /* Scratch used by translated code and its helpers. */
    uint8_t shift_carry; /* carry out of the last register-specified shift */

    /* A history query's range (timeline/history_query.c): while blocks are
     * translated for queries, a store of size bytes at addr with
     * addr + size - 1 - query_lo < query_span[size] (64-bit, unsigned)
     * appends a struct query_hit at query_top, if below query_end. The
     * spans make that exact for sizes 1 to 8 (len + size - 1); span[0],
     * for STOREMs of any size, reaches up to 127 bytes past the range. */
    uint64_t query_lo, query_span[9];
    uint8_t *query_top, *query_end;
};

/* What a store into the query range leaves (see query_lo above). */
struct query_hit {
    uint64_t icount;  /* the storing instruction's count (before it runs) */
    uint8_t *rec_end; /* the end of its STORE/STOREM undo record */
    uint32_t pc;      /* bit 0: Thumb */
    uint32_t kind;    /* the record's type (UNDO_STORE, UNDO_STOREM) */
};

/* Translated code addresses these fields at fixed offsets from rbx with
 * fixed access widths; each assertion names the access that relies on it. */
#define ARM_CPU_FIELD_SIZE(f) sizeof(((struct arm_cpu *)0)->f)
_Static_assert(ARM_CPU_FIELD_SIZE(r[0]) == 4, "guest registers are 32-bit slots at r + 4n (greg, the BLOCK record)");
_Static_assert(offsetof(struct arm_cpu, z) == offsetof(struct arm_cpu, n) + 1 &&
                   offsetof(struct arm_cpu, c) == offsetof(struct arm_cpu, n) + 2 &&
                   offsetof(struct arm_cpu, v) == offsetof(struct arm_cpu, n) + 3,
               "n z c v are bytes in a row: the BLOCK record's flags word is the 8 bytes from n");
_Static_assert(offsetof(struct arm_cpu, q) == offsetof(struct arm_cpu, n) + 4 &&
                   offsetof(struct arm_cpu, ge) == offsetof(struct arm_cpu, q) + 1 &&
                   offsetof(struct arm_cpu, thumb) == offsetof(struct arm_cpu, q) + 2 &&
                   offsetof(struct arm_cpu, itstate) == offsetof(struct arm_cpu, q) + 3,
               "the block prologue reads q ge thumb itstate as one 32-bit word at q");
_Static_assert(offsetof(struct arm_cpu, q) % 4 == 0, "that 32-bit read of q..itstate is aligned");
_Static_assert(ARM_CPU_FIELD_SIZE(fpscr) == 4 && ARM_CPU_FIELD_SIZE(tpidruro) == 4 &&
                   ARM_CPU_FIELD_SIZE(tpidrurw) == 4 && ARM_CPU_FIELD_SIZE(excl_addr) == 4,
               "the prologue copies fpscr, tpidruro, tpidrurw, excl_addr as 32-bit words (struct undo_extra)");
_Static_assert(ARM_CPU_FIELD_SIZE(excl_val) == 8, "the prologue copies excl_val as one 8-byte word");
_Static_assert(ARM_CPU_FIELD_SIZE(excl_valid) == 1 && ARM_CPU_FIELD_SIZE(excl_size) == 1,
               "the prologue copies excl_valid and excl_size as bytes");
_Static_assert(ARM_CPU_FIELD_SIZE(d[0]) == 8, "D registers are 8-byte words (the BLOCK record's VFP part)");
_Static_assert(ARM_CPU_FIELD_SIZE(icount) == 8, "the entry stub loads icount into r13 as a 64-bit word");
_Static_assert(ARM_CPU_FIELD_SIZE(budget) == 8 && ARM_CPU_FIELD_SIZE(bp_pass) == 8,
               "the prologue compares r13 with budget and bp_pass as 64-bit words");
_Static_assert(ARM_CPU_FIELD_SIZE(undo_top) == 8 && ARM_CPU_FIELD_SIZE(undo_limit) == 8,
               "undo_top moves to and from xmm15 with MOVQ; the prologue compares rax with undo_limit");
_Static_assert(ARM_CPU_FIELD_SIZE(query_lo) == 8 && ARM_CPU_FIELD_SIZE(query_span[0]) == 8 &&
                   ARM_CPU_FIELD_SIZE(query_top) == 8 && offsetof(struct arm_cpu, query_lo) % 8 == 0,
               "a query's store check subtracts and compares 64-bit words");
_Static_assert(sizeof(struct query_hit) == 24, "translated code writes a query hit as 8+8+4+4 bytes");
_Static_assert(offsetof(struct arm_cpu, icount) % 8 == 0 && offsetof(struct arm_cpu, budget) % 8 == 0 &&
                   offsetof(struct arm_cpu, bp_pass) % 8 == 0 && offsetof(struct arm_cpu, undo_top) % 8 == 0 &&
                   offsetof(struct arm_cpu, undo_limit) % 8 == 0 && offsetof(struct arm_cpu, excl_val) % 8 == 0 &&
                   offsetof(struct arm_cpu, d) % 8 == 0,
               "the 64-bit words translated code reads are aligned (a split load is slow)");

/* ITSTATE after an instruction of an IT block retires, condition passed or
 * failed (ITAdvance, A2.5.2): the mask shifts left; when only its end marker
 * is left the block is over. */
static inline uint8_t arm_it_advance(uint8_t it)
{
    return (it & 7) == 0 ? 0 : (uint8_t)((it & 0xe0) | ((it << 1) & 0x1f));
}

/* CPSR as the architecture defines it (N Z C V Q .. GE T, mode usr). */
static inline uint32_t arm_cpsr(const struct arm_cpu *cpu)
{
    return ((uint32_t)cpu->n << 31) | ((uint32_t)cpu->z << 30) | ((uint32_t)cpu->c << 29) |
           ((uint32_t)cpu->v << 28) | ((uint32_t)cpu->q << 27) |
           ((uint32_t)(cpu->itstate & 3) << 25) | ((uint32_t)(cpu->ge & 15) << 16) |
           ((uint32_t)(cpu->itstate >> 2) << 10) | ((uint32_t)cpu->thumb << 5) | 0x10u;
}

/* Writes the user-writable CPSR fields selected by mask (MSR APSR_nzcvqg). */
static inline void arm_set_cpsr_flags(struct arm_cpu *cpu, uint32_t val, uint32_t mask)
{
    if (mask & 0xf8000000u) {
        cpu->n = (val >> 31) & 1;
        cpu->z = (val >> 30) & 1;
        cpu->c = (val >> 29) & 1;
        cpu->v = (val >> 28) & 1;
        cpu->q = (val >> 27) & 1;
    }
    if (mask & 0x000f0000u)
        cpu->ge = (val >> 16) & 15;
}
