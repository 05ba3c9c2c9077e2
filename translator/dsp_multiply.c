/* Signed DSP multiplies (ARMv5TE SMUL/SMLA<x><y>, SMULW/SMLAW<y>,
 * SMLAL<x><y>; ARMv6 SMUAD ... SMMLSR) and UMAAL. Operands follow the ARM ARM:
 * n = R[n] (encoding bits 3:0), m = R[m] (bits 11:8), a = R[a] (bits 15:12),
 * acc = RdHi:RdLo. Products are formed in int64_t/uint64_t so nothing
 * overflows; 64-bit accumulations wrap modulo 2^64 in uint64_t, as the ARM
 * ARM's "result<63:0>" does. Only cpu->q is written (set, never cleared). */
#include "arm/cpu.h"
#include "translator/dsp_ops.h"

static int32_t half(uint32_t x, bool top)
{
    return (int16_t)((top ? x >> 16 : x) & 0xffff);
}

/* R[d] = result<31:0>; Q set if result does not fit in 32 signed bits. */
static uint32_t q_if_overflow(struct arm_cpu *cpu, int64_t result)
{
    if (result != (int32_t)result)
        cpu->q = 1;
    return (uint32_t)result;
}

/* SMUL<x><y><c> <Rd>, <Rn>, <Rm>: x picks Rn's half, y picks Rm's half.
 * The product of two int16 fits in int32 (at most 2^30). */
#define SMUL(name, x, y)                                                        \
    uint32_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m)           \
    {                                                                           \
        (void)cpu;                                                              \
        return (uint32_t)(half(n, x) * half(m, y));                             \
    }
SMUL(smulbb, 0, 0)
SMUL(smulbt, 0, 1)
SMUL(smultb, 1, 0)
SMUL(smultt, 1, 1)

/* SMLA<x><y><c> <Rd>, <Rn>, <Rm>, <Ra>: product + Ra; Q on signed overflow,
 * e.g. 1 * 1 + 0x7fffffff (the product alone never overflows). */
#define SMLA(name, x, y)                                                                 \
    uint32_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)        \
    {                                                                                    \
        return q_if_overflow(cpu, (int64_t)half(n, x) * half(m, y) + (int32_t)a);       \
    }
SMLA(smlabb, 0, 0)
SMLA(smlabt, 0, 1)
SMLA(smlatb, 1, 0)
SMLA(smlatt, 1, 1)

/* SMULW<y><c> <Rd>, <Rn>, <Rm>: (R[n] * half of R[m])<47:16>. */
static int64_t mulw(uint32_t n, uint32_t m, bool top)
{
    return (int64_t)(int32_t)n * half(m, top);
}
uint32_t dsp_smulwb(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    return (uint32_t)(mulw(n, m, false) >> 16);
}
uint32_t dsp_smulwt(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    return (uint32_t)(mulw(n, m, true) >> 16);
}

/* SMLAW<y><c> <Rd>, <Rn>, <Rm>, <Ra>: (R[n] * half + (R[a] << 16))<47:16>;
 * the low 16 bits of Ra << 16 are zero, so this is (product >> 16) + Ra
 * exactly; Q if that does not fit in 32 signed bits. */
uint32_t dsp_smlawb(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    return q_if_overflow(cpu, (mulw(n, m, false) >> 16) + (int32_t)a);
}
uint32_t dsp_smlawt(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    return q_if_overflow(cpu, (mulw(n, m, true) >> 16) + (int32_t)a);
}

/* SMLAL<x><y><c> <RdLo>, <RdHi>, <Rn>, <Rm>: RdHi:RdLo += product (mod 2^64). */
#define SMLAL(name, x, y)                                                                \
    uint64_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc)      \
    {                                                                                    \
        (void)cpu;                                                                       \
        return acc + (uint64_t)(int64_t)(half(n, x) * half(m, y));                       \
    }
SMLAL(smlalbb, 0, 0)
SMLAL(smlalbt, 0, 1)
SMLAL(smlaltb, 1, 0)
SMLAL(smlaltt, 1, 1)

/* The two halfword products of the dual multiplies; x swaps Rm's halves. */
static void dual(uint32_t n, uint32_t m, bool x, int64_t *p1, int64_t *p2)
{
    if (x)
        m = (m >> 16) | (m << 16);
    *p1 = (int64_t)half(n, false) * half(m, false);
    *p2 = (int64_t)half(n, true) * half(m, true);
}

/* SMUAD{X}: p1 + p2; Q only for 0x8000*0x8000 + 0x8000*0x8000 = 2^31. */
#define SMUAD(name, x)                                                                   \
    uint32_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m)                    \
    {                                                                                    \
        int64_t p1, p2;                                                                  \
        dual(n, m, x, &p1, &p2);                                                         \
        return q_if_overflow(cpu, p1 + p2);                                              \
    }
SMUAD(smuad, false)
SMUAD(smuadx, true)

/* SMUSD{X}: p1 - p2, always fits in 32 bits; no Q. */
#define SMUSD(name, x)                                                                   \
    uint32_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m)                    \
    {                                                                                    \
        (void)cpu;                                                                       \
        int64_t p1, p2;                                                                  \
        dual(n, m, x, &p1, &p2);                                                         \
        return (uint32_t)(p1 - p2);                                                      \
    }
SMUSD(smusd, false)
SMUSD(smusdx, true)

/* SMLAD{X} / SMLSD{X} <Rd>, <Rn>, <Rm>, <Ra>: p1 +/- p2 + Ra; Q on overflow. */
#define SMLXD(name, x, sign)                                                             \
    uint32_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)        \
    {                                                                                    \
        int64_t p1, p2;                                                                  \
        dual(n, m, x, &p1, &p2);                                                         \
        return q_if_overflow(cpu, p1 + sign p2 + (int32_t)a);                            \
    }
SMLXD(smlad, false, +)
SMLXD(smladx, true, +)
SMLXD(smlsd, false, -)
SMLXD(smlsdx, true, -)

/* SMLALD{X} / SMLSLD{X} <RdLo>, <RdHi>, <Rn>, <Rm>: acc + (p1 +/- p2) mod 2^64. */
#define SMLXLD(name, x, sign)                                                            \
    uint64_t dsp_##name(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc)      \
    {                                                                                    \
        (void)cpu;                                                                       \
        int64_t p1, p2;                                                                  \
        dual(n, m, x, &p1, &p2);                                                         \
        return acc + (uint64_t)(p1 sign p2);                                             \
    }
SMLXLD(smlald, false, +)
SMLXLD(smlaldx, true, +)
SMLXLD(smlsld, false, -)
SMLXLD(smlsldx, true, -)

/* Most-significant-word multiplies: ((Ra << 32) +/- Rn * Rm [+ 0x80000000])<63:32>,
 * computed modulo 2^64 (only bits 63:32 are kept, so wrapping is harmless). */
static uint32_t mmla(uint32_t n, uint32_t m, uint32_t a, bool sub, bool round)
{
    uint64_t prod = (uint64_t)((int64_t)(int32_t)n * (int32_t)m);
    uint64_t r = ((uint64_t)a << 32) + (sub ? 0 - prod : prod) + (round ? 0x80000000u : 0);
    return (uint32_t)(r >> 32);
}
uint32_t dsp_smmul(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    return mmla(n, m, 0, false, false);
}
uint32_t dsp_smmulr(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    return mmla(n, m, 0, false, true);
}
uint32_t dsp_smmla(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    (void)cpu;
    return mmla(n, m, a, false, false);
}
uint32_t dsp_smmlar(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    (void)cpu;
    return mmla(n, m, a, false, true);
}
uint32_t dsp_smmls(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    (void)cpu;
    return mmla(n, m, a, true, false);
}
uint32_t dsp_smmlsr(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    (void)cpu;
    return mmla(n, m, a, true, true);
}

/* UMAAL<c> <RdLo>, <RdHi>, <Rn>, <Rm>: Rn * Rm + RdHi + RdLo (unsigned);
 * at most (2^32-1)^2 + 2 * (2^32-1) = 2^64 - 1, so it never wraps. */
uint64_t dsp_umaal(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint64_t acc)
{
    (void)cpu;
    return (uint64_t)n * m + (acc >> 32) + (acc & 0xffffffffu);
}
