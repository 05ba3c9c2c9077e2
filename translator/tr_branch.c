/* A32 branches (ARM ARM A5.7, A8.8.18-A8.8.27): B, BL, BLX (immediate and
 * register), BX, BXJ. Direct targets chain; register targets go through the
 * indirect-branch table. */
#include "translator/tr_internal.h"

bool tr_branch(struct tr *t)
{
    uint32_t i = t->insn;
    struct xbuf *b = t->b;
    if (bits(i, 27, 25) == 5) {
        int32_t off = (int32_t)(bits(i, 23, 0) << 8) >> 6; /* SignExtend(imm24:'00') */
        uint32_t target = t->pc + 8 + (uint32_t)off;
        if (bits(i, 31, 28) == 0xf) {
            /* BLX imm: always to Thumb state, H is bit 1 of the target. */
            X(b, MOV, GREG(14), ximm((int64_t)(t->pc + 4)));
            X(b, MOV, R32(EAX), ximm((int64_t)((target | (bit(i, 24) << 1)) | 1)));
            tr_branch_indirect_eax(t);
            return true;
        }
        if (bit(i, 24))
            X(b, MOV, GREG(14), ximm((int64_t)(t->pc + 4)));
        tr_branch_direct(t, target);
        return true;
    }
    /* BX / BXJ / BLX register: cond 0001 0010 1111 1111 1111 00xx Rm */
    if ((i & 0x0ffffff0u) == 0x012fff10u || (i & 0x0ffffff0u) == 0x012fff20u ||
        (i & 0x0ffffff0u) == 0x012fff30u) {
        unsigned rm = bits(i, 3, 0);
        if (rm == 15)
            return false; /* UNPREDICTABLE */
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rm);
        if (bits(i, 7, 4) == 3)
            X(b, MOV, GREG(14), ximm((int64_t)(t->pc + 4)));
        tr_branch_indirect_eax(t);
        return true;
    }
    return false;
}
