/* Field transforms named by the decode tables (`%field ... !fn` in
 * arm/TABLE.decode): each takes the field's bits, concatenated MSB first as the
 * table lists them, and returns the value the argument set holds. Pure
 * functions of their argument; the generated decoders are their only users. */
#pragma once
#include <stdint.h>

/* A32 BLX (immediate), A8.8.25: imm24:H -> SignExtend(imm24:H:'0'). */
static inline int32_t a32_blx_offset(uint32_t v)
{
    uint32_t imm24 = v >> 1, h = v & 1;
    return (int32_t)((uint32_t)((int32_t)(imm24 << 8) >> 6) | (h << 1));
}

/* T32 BL/BLX, A8.8.25: S:J1:J2:imm10:imm11 -> SignExtend(S:I1:I2:imm10:imm11:'0')
 * with I1 = NOT(J1 EOR S), I2 = NOT(J2 EOR S). */
static inline int32_t t32_bl_offset(uint32_t v)
{
    uint32_t s = (v >> 23) & 1, j1 = (v >> 22) & 1, j2 = (v >> 21) & 1;
    uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
    uint32_t imm = (s << 24) | (i1 << 23) | (i2 << 22) | ((v & 0x1fffffu) << 1);
    return (int32_t)(imm << 7) >> 7;
}

/* T16 PUSH (A8.8.133): M:register_list -> the list with LR for M. */
static inline int32_t t16_push_list(uint32_t v) { return (int32_t)((v & 0xffu) | ((v >> 8) << 14)); }

/* T16 POP (A8.8.131): P:register_list -> the list with PC for P. */
static inline int32_t t16_pop_list(uint32_t v) { return (int32_t)((v & 0xffu) | ((v >> 8) << 15)); }

/* T16 LDM (A8.8.58): Rn:register_list -> wback = (registers<n> == '0'). */
static inline int32_t t16_ldm_wback(uint32_t v) { return !(((v & 0xffu) >> (v >> 8)) & 1); }

/* ThumbExpandImm_C (A6.3.2), i:imm3:imm8, split for &s_rri_rot (imm
 * rotated right by rot bits; rot = 0 keeps C): imm12<11:10> = 00 gives the
 * byte patterns 000000XY, 00XY00XY, XY00XY00, XYXYXYXY with no rotation
 * (C unchanged), else '1':imm12<6:0> rotated right by imm12<11:7> (8..31,
 * carry-out = bit 31 of the result). The pattern forms with imm8 = 0 other
 * than 000000XY are UNPREDICTABLE; they decode as the pseudocode reads. */
static inline int32_t t32_expand_imm(uint32_t imm12)
{
    uint32_t x = imm12 & 0xffu;
    if ((imm12 >> 10) == 0) {
        switch ((imm12 >> 8) & 3) {
        case 0: return (int32_t)x;
        case 1: return (int32_t)(x << 16 | x);
        case 2: return (int32_t)(x << 24 | x << 8);
        default: return (int32_t)(x << 24 | x << 16 | x << 8 | x);
        }
    }
    return (int32_t)(0x80u | (imm12 & 0x7fu));
}

static inline int32_t t32_expand_rot(uint32_t imm12) { return (imm12 >> 10) == 0 ? 0 : (int32_t)(imm12 >> 7); }
/* VFP (arm/vfp.decode): the D register that holds register n of the
 * instruction's size (dp: D<n>; else S<n>, the half of D<n/2>), as a mask. */
static inline uint32_t vfp_dmask(int32_t n, int32_t dp) { return dp ? 1u << (n & 31) : 1u << ((n >> 1) & 15); }

/* VLDM/VSTM (A8.8.332): the number of registers the list names: imm8
 * singles, or imm8/2 doubles (an odd imm8 is FLDMX/FSTMX). */
static inline int32_t vfp_list_len(int32_t imm8, int32_t dp) { return dp ? imm8 >> 1 : imm8; }

/* A list that is empty, longer than 16 doubles or passes the last register
 * is UNPREDICTABLE (qemu-arm: UNDEFINED). */
static inline int32_t vfp_list_bad(int32_t vd, int32_t imm8, int32_t dp)
{
    int32_t n = vfp_list_len(imm8, dp);
    return n == 0 || (dp && n > 16) || vd + n > 32;
}

/* The D registers a VLDM of the list writes (the list is valid). */
static inline uint32_t vfp_dmask_list(int32_t vd, int32_t imm8, int32_t dp)
{
    uint32_t m = 0;
    int32_t n = vfp_list_len(imm8, dp);
    for (int32_t k = 0; k < n && vd + k < 32; k++)
        m |= vfp_dmask(vd + k, dp);
    return m;
}
