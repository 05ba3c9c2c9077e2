/* Semantic helpers for the A32 DSP, saturating and SIMD-media instructions
 * (ARMv5TE QADD/SMLA<x><y>..., ARMv6 parallel add/subtract, SSAT/USAT, SMLAD...,
 * ARMv6T2/v7 RBIT), and the list of which table line (arm/a32.decode) calls
 * which helper with which operands (DSP_TRANS_OPS).
 *
 * The translator emits a call to one of these helpers instead of inline x86
 * (as QEMU does with its TCG helpers). Helpers are pure functions of their
 * arguments plus the flags they read (GE for SEL); the only CPU state they
 * write is cpu->q (set on saturation, never cleared) and cpu->ge (parallel
 * add/subtract). They never touch cpu->r[]: the caller reads and writes
 * registers according to the shapes below (dsp_execute() is the reference).
 * Nothing here may reach guest memory or the code cache. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct arm_cpu;

/* DSP_SAT_IMM: the immediate SSAT/USAT helpers take: sat_imm | imm5 << 5 | sh << 10
 * (sat_imm = encoding bits 20:16, imm5 = bits 11:7, sh = bit 6). The helper
 * shifts R[rn] by LSL #imm5 (sh = 0) or ASR #imm5 (sh = 1, imm5 = 0 meaning
 * ASR #32), then saturates: SSAT to sat_imm + 1 signed bits, USAT to sat_imm
 * unsigned bits. For SSAT16/USAT16 imm = sat_imm (encoding bits 19:16). */
#define DSP_SAT_IMM(sat_imm, imm5, sh) \
    ((uint32_t)(sat_imm) | (uint32_t)(imm5) << 5 | (uint32_t)(sh) << 10)

typedef uint32_t (*dsp_fn_nm)(struct arm_cpu *cpu, uint32_t n, uint32_t m);
typedef uint32_t (*dsp_fn_nma)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a);
typedef uint64_t (*dsp_fn_lohi)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc);
typedef uint32_t (*dsp_fn_sat)(struct arm_cpu *cpu, uint32_t n, uint32_t imm);
typedef uint32_t (*dsp_fn_nm_imm)(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm);

/* Which helper each A32 table line (arm/a32.decode) calls, and how its
 * decoded arguments become the helper's operands -- the one list of that,
 * read by the semantic functions (trans_dsp.c) and the reference executor
 * below. X(OP, SHAPE, helper), SHAPE one of ("R[x]" = register x's value
 * before the instruction; none is ever the PC: the table marks those
 * encodings UNPREDICTABLE):
 *   NM   &rrr      R[rd] = fn(R[rn], R[rm])
 *   RM   &rr       R[rd] = fn(R[rm], R[rm])            (RBIT)
 *   NMA  &rrrr     R[rd] = fn(R[rn], R[rm], R[ra])
 *   LOHI &lohi     R[rdhi]:R[rdlo] = fn(R[rn], R[rm], R[rdhi]:R[rdlo]); RdLo is
 *                  written first, so RdHi wins when they are the same register
 *                  (UNPREDICTABLE; as in qemu-arm)
 *   SAT  &sat      R[rd] = fn(R[rn], DSP_SAT_IMM(satimm, imm5, sh))
 *   ROT  &rrr_rot  R[rd] = fn(rn == 15 ? 0 : R[rn], ROR(R[rm], 8 * rot))
 *                  (rn = 15: the forms without accumulator, SXTB16/UXTB16)
 *   IMM  &rrr_imm  R[rd] = fn(R[rn], R[rm], imm) */
#define DSP_TRANS_OPS(X)                                                                                \
    X(SADD16, NM, sadd16) X(SASX, NM, sasx) X(SSAX, NM, ssax) X(SSUB16, NM, ssub16)                     \
    X(SADD8, NM, sadd8) X(SSUB8, NM, ssub8) X(QADD16, NM, qadd16) X(QASX, NM, qasx)                     \
    X(QSAX, NM, qsax) X(QSUB16, NM, qsub16) X(QADD8, NM, qadd8) X(QSUB8, NM, qsub8)                     \
    X(SHADD16, NM, shadd16) X(SHASX, NM, shasx) X(SHSAX, NM, shsax) X(SHSUB16, NM, shsub16)             \
    X(SHADD8, NM, shadd8) X(SHSUB8, NM, shsub8) X(UADD16, NM, uadd16) X(UASX, NM, uasx)                 \
    X(USAX, NM, usax) X(USUB16, NM, usub16) X(UADD8, NM, uadd8) X(USUB8, NM, usub8)                     \
    X(UQADD16, NM, uqadd16) X(UQASX, NM, uqasx) X(UQSAX, NM, uqsax) X(UQSUB16, NM, uqsub16)             \
    X(UQADD8, NM, uqadd8) X(UQSUB8, NM, uqsub8) X(UHADD16, NM, uhadd16) X(UHASX, NM, uhasx)             \
    X(UHSAX, NM, uhsax) X(UHSUB16, NM, uhsub16) X(UHADD8, NM, uhadd8) X(UHSUB8, NM, uhsub8)             \
    X(SEL, NM, sel) X(USAD8, NM, usad8) X(USADA8, NMA, usada8)                                          \
    X(QADD, NM, qadd) X(QSUB, NM, qsub) X(QDADD, NM, qdadd) X(QDSUB, NM, qdsub)                         \
    X(SSAT, SAT, ssat) X(USAT, SAT, usat) X(SSAT16, SAT, ssat16) X(USAT16, SAT, usat16)                 \
    X(SMLABB, NMA, smlabb) X(SMLATB, NMA, smlatb) X(SMLABT, NMA, smlabt) X(SMLATT, NMA, smlatt)         \
    X(SMLAWB, NMA, smlawb) X(SMLAWT, NMA, smlawt) X(SMULWB, NM, smulwb) X(SMULWT, NM, smulwt)           \
    X(SMLALBB, LOHI, smlalbb) X(SMLALTB, LOHI, smlaltb) X(SMLALBT, LOHI, smlalbt)                       \
    X(SMLALTT, LOHI, smlaltt) X(SMULBB, NM, smulbb) X(SMULTB, NM, smultb) X(SMULBT, NM, smulbt)         \
    X(SMULTT, NM, smultt) X(SMLAD, NMA, smlad) X(SMLADX, NMA, smladx) X(SMUAD, NM, smuad)               \
    X(SMUADX, NM, smuadx) X(SMLSD, NMA, smlsd) X(SMLSDX, NMA, smlsdx) X(SMUSD, NM, smusd)               \
    X(SMUSDX, NM, smusdx) X(SMLALD, LOHI, smlald) X(SMLALDX, LOHI, smlaldx) X(SMLSLD, LOHI, smlsld)     \
    X(SMLSLDX, LOHI, smlsldx) X(SMMLA, NMA, smmla) X(SMMLAR, NMA, smmlar) X(SMMUL, NM, smmul)           \
    X(SMMULR, NM, smmulr) X(SMMLS, NMA, smmls) X(SMMLSR, NMA, smmlsr) X(PKHBT, IMM, pkhbt)              \
    X(PKHTB, IMM, pkhtb) X(SXTAB16, ROT, sxtab16) X(SXTB16, ROT, sxtab16) X(UXTAB16, ROT, uxtab16)      \
    X(UXTB16, ROT, uxtab16) X(RBIT, RM, rbit)

/* Reference executor: performs an instruction decoded by arm_decode
 * (arm/decode.h) that DSP_TRANS_OPS lists -- or UMAAL, which the
 * translator does inline and which is checked here through dsp_umaal -- on
 * cpu->r[] as its shape says (condition not checked, PC not advanced).
 * Returns false (cpu untouched) for any other instruction. For the tests
 * and as an interpreter oracle; the translator emits the same calls. */
struct isa_insn;
bool dsp_execute(struct arm_cpu *cpu, const struct isa_insn *d);
/* The helper an instruction of DSP_TRANS_OPS calls (dsp_umaal for UMAAL),
 * NULL for any other. */
const void *dsp_helper_of(const struct isa_insn *d);

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
