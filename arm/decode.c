/* See decode.h. */
#include "arm/decode.h"

#include <string.h>

/* The coprocessor space with coprocessor 10 or 11 (A5.6 / A6.3.18): the VFP
 * table (arm/vfp.decode). The same test serves A32 (bits 31:28 a condition;
 * 1111 is the unconditional space, not VFP) and T32 (bits 31:28 = 1110: the
 * first halfword is 1110 11xx xxxx xxxx; 1111 11.. is Advanced SIMD). */
static bool vfp_space(uint32_t w)
{
    uint32_t op = (w >> 24) & 0xfu;
    return (w >> 28) != 0xfu && (op == 0xcu || op == 0xdu || op == 0xeu) && ((w >> 9) & 7u) == 5u;
}

bool arm_decode(const uint8_t *p, size_t avail, bool thumb, unsigned ctx, struct isa_insn *d)
{
    if (!thumb) {
        uint32_t w;
        memcpy(&w, p, 4);
        if (vfp_space(w))
            return vfp_decode(w, ARM_ISET_A32, d);
        return a32_decode_ctx(w, ctx, d);
    }
    uint16_t hw1, hw2;
    memcpy(&hw1, p, 2);
    if (!thumb_is_32bit(hw1))
        return t16_decode_ctx(hw1, ctx, d);
    if (avail < 4) {
        *d = (struct isa_insn){.iset = ARM_ISET_T32, .len = 4, .cond = 14, .raw = (uint32_t)hw1 << 16};
        return false;
    }
    memcpy(&hw2, p + 2, 2);
    uint32_t w = (uint32_t)hw1 << 16 | hw2;
    if ((w >> 28) == 0xeu && vfp_space(w))
        return vfp_decode(w, ARM_ISET_T32, d);
    return t32_decode_ctx(w, ctx, d);
}
