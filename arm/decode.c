/* See decode.h. */
#include "arm/decode.h"

#include <string.h>

bool arm_decode(const uint8_t *p, size_t avail, bool thumb, unsigned ctx, struct isa_insn *d)
{
    if (!thumb) {
        uint32_t w;
        memcpy(&w, p, 4);
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
    return t32_decode_ctx((uint32_t)hw1 << 16 | hw2, ctx, d);
}
