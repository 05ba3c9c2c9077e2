/* Semantic helpers for the A32 DSP, saturating and SIMD-media instructions
 * (ARMv5TE QADD/SMLA<x><y>..., ARMv6 parallel add/subtract, SSAT/USAT, SMLAD...,
 * ARMv6T2/v7 RBIT), and the table that maps a Capstone instruction id plus the
 * A32 encoding to the helper to call and the registers to pass.
 *
 * The translator emits a call to one of these helpers instead of inline x86
 * (as QEMU does with its TCG helpers). Helpers are pure functions of their
 * arguments plus the flags they read (GE for SEL); the only CPU state they
 * write is cpu->q (set on saturation, never cleared) and cpu->ge (parallel
 * add/subtract). They never touch cpu->r[]: the caller reads and writes
 * registers according to the shape below (dsp_execute() is the reference).
 * Nothing here may reach guest memory or the code cache. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct arm_cpu;

/* How the translator calls dsp_insn.fn. In every shape "R[x]" is the value of
 * the register numbered by the field x of struct dsp_insn, read before the
 * instruction; none of them is ever PC (dsp_decode rejects that). */
enum dsp_shape {
    /* R[rd] = fn(cpu, R[rn], R[rm])                        : dsp_fn_nm */
    DSP_RD_NM,
    /* R[rd] = fn(cpu, R[rn], R[rm], R[ra])                 : dsp_fn_nma */
    DSP_RD_NMA,
    /* acc = (uint64_t)R[rd_hi] << 32 | R[rd];
     * r = fn(cpu, R[rn], R[rm], acc); R[rd] = (uint32_t)r; R[rd_hi] = r >> 32
     * (written in that order: if rd == rd_hi, which the ARM ARM calls
     * UNPREDICTABLE, RdHi wins, as in qemu-arm)            : dsp_fn_lohi */
    DSP_RDLOHI_NM,
    /* R[rd] = fn(cpu, R[rn], imm): SSAT, USAT, SSAT16, USAT16. The helper
     * applies the shift itself; imm is DSP_SAT_IMM(...) below.  : dsp_fn_sat */
    DSP_RD_SAT,
    /* R[rd] = fn(cpu, rn == DSP_REG_NONE ? 0 : R[rn], ROR(R[rm], imm))
     * with imm the rotation in bits (0, 8, 16 or 24). Used by SXTB16,
     * SXTAB16, UXTB16, UXTAB16 and by RBIT (rn absent, imm 0). : dsp_fn_nm */
    DSP_RD_NM_ROT,
    /* R[rd] = fn(cpu, R[rn], R[rm], imm) with imm the imm5 shift field
     * (PKHBT: LSL #imm; PKHTB: ASR #imm, 0 meaning 32).    : dsp_fn_nm_imm */
    DSP_RD_NM_IMM,
};

/* DSP_RD_SAT immediate for SSAT/USAT: sat_imm | imm5 << 5 | sh << 10
 * (sat_imm = encoding bits 20:16, imm5 = bits 11:7, sh = bit 6). The helper
 * shifts R[rn] by LSL #imm5 (sh = 0) or ASR #imm5 (sh = 1, imm5 = 0 meaning
 * ASR #32), then saturates: SSAT to sat_imm + 1 signed bits, USAT to sat_imm
 * unsigned bits. For SSAT16/USAT16 imm = sat_imm (encoding bits 19:16). */
#define DSP_SAT_IMM(sat_imm, imm5, sh) \
    ((uint32_t)(sat_imm) | (uint32_t)(imm5) << 5 | (uint32_t)(sh) << 10)

#define DSP_REG_NONE 0xff /* rn of SXTB16/UXTB16/RBIT; unused fields */

typedef uint32_t (*dsp_fn_nm)(struct arm_cpu *cpu, uint32_t n, uint32_t m);
typedef uint32_t (*dsp_fn_nma)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a);
typedef uint64_t (*dsp_fn_lohi)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc);
typedef uint32_t (*dsp_fn_sat)(struct arm_cpu *cpu, uint32_t n, uint32_t imm);
typedef uint32_t (*dsp_fn_nm_imm)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm);

struct dsp_insn {      /* filled from the encoding by dsp_decode */
    enum dsp_shape shape;
    void *fn;          /* one of the dsp_fn_* types above, chosen by shape */
    uint8_t rd, rd_hi, rn, rm, ra; /* register numbers, DSP_REG_NONE if unused;
                                      for DSP_RDLOHI_NM rd is RdLo */
    uint32_t imm;      /* DSP_RD_SAT / DSP_RD_NM_ROT / DSP_RD_NM_IMM, else 0 */
    const char *name;  /* lower-case mnemonic without condition, e.g. "smlabt" */
    /* Registers the instruction writes, as a bit mask (bit i = r[i]); for the
     * translator's undo thunks and register allocation. */
    uint16_t writes;
    /* Registers it reads. */
    uint16_t reads;
    /* Which flags it may write: DSP_WRITES_Q and/or DSP_WRITES_GE;
     * DSP_READS_GE for SEL. NZCV are never touched. */
    uint8_t flags;
};

#define DSP_WRITES_Q 1u
#define DSP_WRITES_GE 2u
#define DSP_READS_GE 4u

/* cs_id: Capstone's ARM_INS_* id for this instruction (used only to recognise
 * it); insn: the A32 encoding (register numbers are taken from its fields,
 * per the ARM ARM A1 encodings, never from Capstone's operands).
 * Returns false if this is not one of the instructions handled here, if the
 * condition field is 1111, if a should-be-one/zero field is wrong, or if the
 * encoding is UNPREDICTABLE in a way that should raise SIGILL (any register
 * field naming PC). The caller handles the condition (bits 31:28). */
bool dsp_decode(unsigned cs_id, uint32_t insn, struct dsp_insn *out);

/* Reference executor: performs a decoded instruction on cpu->r[] exactly as
 * the shape says (condition not checked, PC not advanced). Used by the tests
 * and usable as an interpreter oracle; the translator emits the same
 * sequence inline. */
void dsp_execute(struct arm_cpu *cpu, const struct dsp_insn *d);

/* Table introspection for tests and random instruction generators: entry i
 * (0 <= i < dsp_table_size()) gives its Capstone id, name and encoding
 * pattern (32 bit characters, most significant bit first, in groups of four
 * separated by spaces: '0'/'1' fixed bits,
 * 'c' condition, 'n' Rn, 'm' Rm, 'd' Rd (RdLo), 'h' RdHi, 'a' Ra,
 * 's' sat_imm, 'i' imm5, 'r' rotate, 'S' shift type). */
unsigned dsp_table_size(void);
bool dsp_table_entry(unsigned i, unsigned *cs_id, const char **name, const char **pattern);

/* ---- the helpers (all take the ARM ARM's operands, see each file) ---- */

/* dsp_parallel.c: <op> Rd, Rn, Rm; S* and U* forms set GE, others don't. */
#define DSP_PARALLEL_OPS(X)                                                   \
    X(sadd16) X(sasx) X(ssax) X(ssub16) X(sadd8) X(ssub8)                     \
    X(qadd16) X(qasx) X(qsax) X(qsub16) X(qadd8) X(qsub8)                     \
    X(shadd16) X(shasx) X(shsax) X(shsub16) X(shadd8) X(shsub8)               \
    X(uadd16) X(uasx) X(usax) X(usub16) X(uadd8) X(usub8)                     \
    X(uqadd16) X(uqasx) X(uqsax) X(uqsub16) X(uqadd8) X(uqsub8)               \
    X(uhadd16) X(uhasx) X(uhsax) X(uhsub16) X(uhadd8) X(uhsub8)
#define DSP_DECLARE_NM(op) uint32_t dsp_##op(struct arm_cpu *cpu, uint32_t n, uint32_t m);
DSP_PARALLEL_OPS(DSP_DECLARE_NM)
uint32_t dsp_sel(struct arm_cpu *cpu, uint32_t n, uint32_t m);   /* GE ? n : m per byte */
uint32_t dsp_usad8(struct arm_cpu *cpu, uint32_t n, uint32_t m); /* sum |n.b - m.b| */
uint32_t dsp_usada8(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a);

/* dsp_saturate.c. QADD Rd, Rm, Rn: n is R[n] (bits 19:16), m is R[m] (3:0). */
uint32_t dsp_qadd(struct arm_cpu *cpu, uint32_t n, uint32_t m);  /* sat(m + n) */
uint32_t dsp_qsub(struct arm_cpu *cpu, uint32_t n, uint32_t m);  /* sat(m - n) */
uint32_t dsp_qdadd(struct arm_cpu *cpu, uint32_t n, uint32_t m); /* sat(m + sat(2n)) */
uint32_t dsp_qdsub(struct arm_cpu *cpu, uint32_t n, uint32_t m); /* sat(m - sat(2n)) */
uint32_t dsp_ssat(struct arm_cpu *cpu, uint32_t n, uint32_t imm);
uint32_t dsp_usat(struct arm_cpu *cpu, uint32_t n, uint32_t imm);
uint32_t dsp_ssat16(struct arm_cpu *cpu, uint32_t n, uint32_t imm);
uint32_t dsp_usat16(struct arm_cpu *cpu, uint32_t n, uint32_t imm);

/* dsp_multiply.c. n is R[n] (bits 3:0), m is R[m] (bits 11:8), a is R[a]. */
#define DSP_MUL_NM_OPS(X)                                                     \
    X(smulbb) X(smulbt) X(smultb) X(smultt) X(smulwb) X(smulwt)               \
    X(smuad) X(smuadx) X(smusd) X(smusdx) X(smmul) X(smmulr)
#define DSP_MUL_NMA_OPS(X)                                                    \
    X(smlabb) X(smlabt) X(smlatb) X(smlatt) X(smlawb) X(smlawt)               \
    X(smlad) X(smladx) X(smlsd) X(smlsdx)                                     \
    X(smmla) X(smmlar) X(smmls) X(smmlsr)
#define DSP_MUL_LOHI_OPS(X)                                                   \
    X(smlalbb) X(smlalbt) X(smlaltb) X(smlaltt)                               \
    X(smlald) X(smlaldx) X(smlsld) X(smlsldx) X(umaal)
#define DSP_DECLARE_NMA(op) \
    uint32_t dsp_##op(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a);
#define DSP_DECLARE_LOHI(op) \
    uint64_t dsp_##op(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc);
DSP_MUL_NM_OPS(DSP_DECLARE_NM)
DSP_MUL_NMA_OPS(DSP_DECLARE_NMA)
DSP_MUL_LOHI_OPS(DSP_DECLARE_LOHI)

/* dsp_extend.c. m is already rotated by the caller (DSP_RD_NM_ROT). */
uint32_t dsp_sxtab16(struct arm_cpu *cpu, uint32_t n, uint32_t m); /* n = 0: SXTB16 */
uint32_t dsp_uxtab16(struct arm_cpu *cpu, uint32_t n, uint32_t m); /* n = 0: UXTB16 */
uint32_t dsp_rbit(struct arm_cpu *cpu, uint32_t n, uint32_t m);    /* n ignored */
uint32_t dsp_pkhbt(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm);
uint32_t dsp_pkhtb(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm);
