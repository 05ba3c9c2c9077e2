/* Saturating arithmetic: QADD, QSUB, QDADD, QDSUB (ARMv5TE), SSAT, USAT,
 * SSAT16, USAT16 (ARMv6). They set cpu->q when they saturate and never clear
 * it; they touch no other state. Arithmetic is done in int64_t so that no
 * intermediate can overflow. */
#include "arm/cpu.h"
#include "translator/dsp_ops.h"

/* SignedSatQ(v, bits) / UnsignedSatQ(v, bits) of the ARM ARM; bits <= 32. */
static int64_t ssat_q(struct arm_cpu *cpu, int64_t v, unsigned bits)
{
    int64_t hi = ((int64_t)1 << (bits - 1)) - 1, lo = -hi - 1;
    if (v > hi || v < lo) {
        cpu->q = 1;
        return v > hi ? hi : lo;
    }
    return v;
}

static int64_t usat_q(struct arm_cpu *cpu, int64_t v, unsigned bits)
{
    int64_t hi = ((int64_t)1 << bits) - 1;
    if (v > hi || v < 0) {
        cpu->q = 1;
        return v > hi ? hi : 0;
    }
    return v;
}

static int64_t s32(uint32_t x)
{
    return (int32_t)x;
}

/* QADD<c> <Rd>, <Rm>, <Rn>: R[d] = SignedSat(R[m] + R[n], 32). */
uint32_t dsp_qadd(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    return (uint32_t)ssat_q(cpu, s32(m) + s32(n), 32);
}

/* QSUB<c> <Rd>, <Rm>, <Rn>: R[d] = SignedSat(R[m] - R[n], 32). */
uint32_t dsp_qsub(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    return (uint32_t)ssat_q(cpu, s32(m) - s32(n), 32);
}

/* QDADD<c> <Rd>, <Rm>, <Rn>: R[d] = SignedSat(R[m] + SignedSat(2 * R[n], 32), 32);
 * Q is set if either saturation happens. */
uint32_t dsp_qdadd(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    int64_t dbl = ssat_q(cpu, 2 * s32(n), 32);
    return (uint32_t)ssat_q(cpu, s32(m) + dbl, 32);
}

/* QDSUB<c> <Rd>, <Rm>, <Rn>: R[d] = SignedSat(R[m] - SignedSat(2 * R[n], 32), 32). */
uint32_t dsp_qdsub(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    int64_t dbl = ssat_q(cpu, 2 * s32(n), 32);
    return (uint32_t)ssat_q(cpu, s32(m) - dbl, 32);
}

/* The shifted operand of SSAT/USAT: LSL #imm5 or ASR #imm5 (imm5 = 0: ASR #32,
 * which leaves only copies of the sign bit). */
static int64_t sat_operand(uint32_t n, uint32_t imm)
{
    unsigned imm5 = (imm >> 5) & 31, sh = (imm >> 10) & 1;
    if (!sh)
        return s32(n << imm5);
    return s32(n) >> (imm5 ? imm5 : 31); /* ASR #32 == ASR #31 for the result */
}

/* SSAT<c> <Rd>, #<imm>, <Rn>{, <shift>}: saturate to sat_imm + 1 signed bits. */
uint32_t dsp_ssat(struct arm_cpu *cpu, uint32_t n, uint32_t imm)
{
    return (uint32_t)ssat_q(cpu, sat_operand(n, imm), (imm & 31) + 1);
}

/* USAT<c> <Rd>, #<imm>, <Rn>{, <shift>}: saturate to sat_imm (0..31) unsigned
 * bits; negative values give 0 and set Q. */
uint32_t dsp_usat(struct arm_cpu *cpu, uint32_t n, uint32_t imm)
{
    return (uint32_t)usat_q(cpu, sat_operand(n, imm), imm & 31);
}

static int64_t s16(uint32_t x)
{
    return (int16_t)(x & 0xffff);
}

/* SSAT16<c> <Rd>, #<imm>, <Rn>: each halfword to sat_imm + 1 (1..16) signed bits. */
uint32_t dsp_ssat16(struct arm_cpu *cpu, uint32_t n, uint32_t imm)
{
    unsigned bits = (imm & 15) + 1;
    uint32_t lo = (uint32_t)ssat_q(cpu, s16(n), bits) & 0xffff;
    uint32_t hi = (uint32_t)ssat_q(cpu, s16(n >> 16), bits) & 0xffff;
    return hi << 16 | lo;
}

/* USAT16<c> <Rd>, #<imm>, <Rn>: each signed halfword to sat_imm (0..15) unsigned bits. */
uint32_t dsp_usat16(struct arm_cpu *cpu, uint32_t n, uint32_t imm)
{
    unsigned bits = imm & 15;
    uint32_t lo = (uint32_t)usat_q(cpu, s16(n), bits) & 0xffff;
    uint32_t hi = (uint32_t)usat_q(cpu, s16(n >> 16), bits) & 0xffff;
    return hi << 16 | lo;
}
