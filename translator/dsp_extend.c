/* Packing, byte-pair extension and bit reversal: SXTAB16/SXTB16,
 * UXTAB16/UXTB16, PKHBT, PKHTB, RBIT. Pure functions; no flags. The caller
 * rotates Rm for the extend family (DSP_RD_NM_ROT) and passes 0 for an absent Rn. */
#include "arm/cpu.h"
#include "translator/dsp_ops.h"

/* SXTAB16<c> <Rd>, <Rn>, <Rm>{, <rotation>}: each halfword of Rn plus the
 * sign-extended byte 0 / byte 2 of the rotated Rm (modulo 2^16). */
uint32_t dsp_sxtab16(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    uint32_t lo = (n + (uint32_t)(int32_t)(int8_t)(m & 0xff)) & 0xffff;
    uint32_t hi = ((n >> 16) + (uint32_t)(int32_t)(int8_t)((m >> 16) & 0xff)) & 0xffff;
    return hi << 16 | lo;
}

/* UXTAB16<c> <Rd>, <Rn>, <Rm>{, <rotation>}: as SXTAB16 with zero extension. */
uint32_t dsp_uxtab16(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    uint32_t lo = (n + (m & 0xff)) & 0xffff;
    uint32_t hi = ((n >> 16) + ((m >> 16) & 0xff)) & 0xffff;
    return hi << 16 | lo;
}

/* RBIT<c> <Rd>, <Rm>: bit i of Rd = bit 31-i of Rm. */
uint32_t dsp_rbit(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    (void)n;
    m = (m >> 16) | (m << 16);
    m = ((m >> 8) & 0x00ff00ffu) | ((m & 0x00ff00ffu) << 8);
    m = ((m >> 4) & 0x0f0f0f0fu) | ((m & 0x0f0f0f0fu) << 4);
    m = ((m >> 2) & 0x33333333u) | ((m & 0x33333333u) << 2);
    m = ((m >> 1) & 0x55555555u) | ((m & 0x55555555u) << 1);
    return m;
}

/* PKHBT<c> <Rd>, <Rn>, <Rm>{, LSL #<imm>}: top of (Rm LSL imm), bottom of Rn. */
uint32_t dsp_pkhbt(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm)
{
    (void)cpu;
    return ((m << (imm & 31)) & 0xffff0000u) | (n & 0xffffu);
}

/* PKHTB<c> <Rd>, <Rn>, <Rm>{, ASR #<imm>}: top of Rn, bottom of (Rm ASR imm);
 * imm 0 encodes ASR #32 (bottom = 16 copies of Rm's sign). */
uint32_t dsp_pkhtb(struct arm_cpu *cpu, uint32_t n, uint32_t m, uint32_t imm)
{
    (void)cpu;
    unsigned sh = imm & 31;
    uint32_t low = (uint32_t)((int32_t)m >> (sh ? sh : 31)) & 0xffffu;
    return (n & 0xffff0000u) | low;
}
