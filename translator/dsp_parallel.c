/* ARMv6 parallel add/subtract (SADD16 ... UHSUB8, 36 ops), SEL, USAD8/USADA8.
 * Pure functions of their operands; they write only cpu->ge (S and U forms).
 * Operand order is the ARM ARM's: <op> Rd, Rn, Rm computes lanes of Rn op Rm. */
#include "arm/cpu.h"
#include "translator/dsp_ops.h"

/* How a lane's result becomes the lane of Rd (and whether GE is written). */
enum lane_kind {
    K_S,  /* signed modular, GE = result >= 0 */
    K_Q,  /* signed saturating */
    K_SH, /* signed halving */
    K_U,  /* unsigned modular, GE = carry out (add) / no borrow (sub) */
    K_UQ, /* unsigned saturating */
    K_UH, /* unsigned halving */
};

static int32_t lane_get(uint32_t x, unsigned w, unsigned i, bool is_signed)
{
    uint32_t v = (x >> (w * i)) & ((1u << w) - 1);
    if (is_signed && (v >> (w - 1)))
        return (int32_t)v - (int32_t)(1u << w);
    return (int32_t)v;
}

static int32_t clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* w: lane width (8 or 16). add_mask: bit i set if lane i adds (else subtracts).
 * cross: lane i of Rn meets lane i^1 of Rm (ASX/SAX, 16-bit only). */
static uint32_t parallel(struct arm_cpu *cpu, uint32_t n, uint32_t m, unsigned w,
                         unsigned add_mask, bool cross, enum lane_kind k)
{
    bool is_signed = k == K_S || k == K_Q || k == K_SH;
    unsigned lanes = 32 / w;
    uint32_t lane_mask = (1u << w) - 1;
    uint32_t out = 0;
    unsigned ge = 0;
    for (unsigned i = 0; i < lanes; i++) {
        int32_t a = lane_get(n, w, i, is_signed);
        int32_t b = lane_get(m, w, cross ? i ^ 1 : i, is_signed);
        bool add = (add_mask >> i) & 1;
        int32_t r = add ? a + b : a - b; /* |r| < 2^17: no overflow */
        bool g = false;
        switch (k) {
        case K_S: g = r >= 0; break;
        case K_Q: r = clamp(r, -(int32_t)(1u << (w - 1)), (int32_t)(lane_mask >> 1)); break;
        case K_SH: r = r >> 1; break; /* arithmetic: floor(r / 2) */
        case K_U: g = add ? r >= (int32_t)(1u << w) : r >= 0; break;
        case K_UQ: r = clamp(r, 0, (int32_t)lane_mask); break;
        case K_UH: r = r >> 1; break; /* r<w:1>, r may be negative for sub */
        }
        out |= ((uint32_t)r & lane_mask) << (w * i);
        if (g)
            ge |= w == 16 ? 3u << (2 * i) : 1u << i;
    }
    if (k == K_S || k == K_U)
        cpu->ge = (uint8_t)ge;
    return out;
}

/* add_mask per form: lane 0 is the low lane. ASX: low = n.lo - m.hi,
 * high = n.hi + m.lo. SAX: low = n.lo + m.hi, high = n.hi - m.lo. */
#define FORMS(P, K)                                                                        \
    uint32_t dsp_##P##add16(struct arm_cpu *cpu, uint32_t n, uint32_t m)                   \
    {                                                                                      \
        return parallel(cpu, n, m, 16, 3, false, K);                                       \
    }                                                                                      \
    uint32_t dsp_##P##asx(struct arm_cpu *cpu, uint32_t n, uint32_t m)                     \
    {                                                                                      \
        return parallel(cpu, n, m, 16, 2, true, K);                                        \
    }                                                                                      \
    uint32_t dsp_##P##sax(struct arm_cpu *cpu, uint32_t n, uint32_t m)                     \
    {                                                                                      \
        return parallel(cpu, n, m, 16, 1, true, K);                                        \
    }                                                                                      \
    uint32_t dsp_##P##sub16(struct arm_cpu *cpu, uint32_t n, uint32_t m)                   \
    {                                                                                      \
        return parallel(cpu, n, m, 16, 0, false, K);                                       \
    }                                                                                      \
    uint32_t dsp_##P##add8(struct arm_cpu *cpu, uint32_t n, uint32_t m)                    \
    {                                                                                      \
        return parallel(cpu, n, m, 8, 15, false, K);                                       \
    }                                                                                      \
    uint32_t dsp_##P##sub8(struct arm_cpu *cpu, uint32_t n, uint32_t m)                    \
    {                                                                                      \
        return parallel(cpu, n, m, 8, 0, false, K);                                        \
    }

FORMS(s, K_S)
FORMS(q, K_Q)
FORMS(sh, K_SH)
FORMS(u, K_U)
FORMS(uq, K_UQ)
FORMS(uh, K_UH)

/* SEL<c> <Rd>, <Rn>, <Rm>: byte i = GE[i] ? Rn.byte i : Rm.byte i. */
uint32_t dsp_sel(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    uint32_t mask = 0;
    for (unsigned i = 0; i < 4; i++)
        if ((cpu->ge >> i) & 1)
            mask |= 0xffu << (8 * i);
    return (n & mask) | (m & ~mask);
}

/* USAD8<c> <Rd>, <Rn>, <Rm>: sum of the absolute differences of the bytes. */
uint32_t dsp_usad8(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    uint32_t sum = 0;
    for (unsigned i = 0; i < 4; i++) {
        int32_t a = (int32_t)((n >> (8 * i)) & 0xff), b = (int32_t)((m >> (8 * i)) & 0xff);
        sum += (uint32_t)(a > b ? a - b : b - a);
    }
    return sum;
}

/* USADA8<c> <Rd>, <Rn>, <Rm>, <Ra>: Ra + USAD8 (modulo 2^32). */
uint32_t dsp_usada8(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t a)
{
    return a + dsp_usad8(cpu, n, m);
}
