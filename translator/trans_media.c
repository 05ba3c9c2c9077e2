/* Media instructions done inline (ARM ARM A5.4; T16 A6.2.5): extends with
 * optional add and rotation, byte reversal, bitfields, divides, and UDF.
 * Shared by A32 and T16 (the T16 forms decode with rot = 0). The table
 * marks every PC operand UNPREDICTABLE, so none reaches these functions. */
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* R[rd] = extend(ROR(R[rm], 8 * rot)) (+ R[rn] unless rn == 15). */
static bool extend(struct tr *t, unsigned rd, unsigned rn, unsigned rm, unsigned rot, bool sign, uint16_t size)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
    if (rot)
        X(b, ROR, R32(ECX), ximm(8 * rot));
    xop src = xreg(size == 1 ? ZYDIS_REGISTER_CL : ZYDIS_REGISTER_CX);
    x_emit(b, sign ? ZYDIS_MNEMONIC_MOVSX : ZYDIS_MNEMONIC_MOVZX, (xop[]){R32(EAX), src}, 2);
    if (rn != 15)
        X(b, ADD, R32(EAX), GREG(rn));
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* SXTB/SXTH/UXTB/UXTH<c> <Rd>, <Rm>{, <rotation>} (A8.8.223, A8.8.225,
 * A8.8.274, A8.8.276) and the 16-bit T16 forms. */
bool trans_SXTB(struct tr *t, const struct arg_rr_rot *a) { return extend(t, a->rd, 15, a->rm, a->rot, true, 1); }
bool trans_SXTH(struct tr *t, const struct arg_rr_rot *a) { return extend(t, a->rd, 15, a->rm, a->rot, true, 2); }
bool trans_UXTB(struct tr *t, const struct arg_rr_rot *a) { return extend(t, a->rd, 15, a->rm, a->rot, false, 1); }
bool trans_UXTH(struct tr *t, const struct arg_rr_rot *a) { return extend(t, a->rd, 15, a->rm, a->rot, false, 2); }
/* SXTAB/SXTAH/UXTAB/UXTAH<c> <Rd>, <Rn>, <Rm>{, <rotation>} (A8.8.220 ...). */
bool trans_SXTAB(struct tr *t, const struct arg_rrr_rot *a) { return extend(t, a->rd, a->rn, a->rm, a->rot, true, 1); }
bool trans_SXTAH(struct tr *t, const struct arg_rrr_rot *a) { return extend(t, a->rd, a->rn, a->rm, a->rot, true, 2); }
bool trans_UXTAB(struct tr *t, const struct arg_rrr_rot *a) { return extend(t, a->rd, a->rn, a->rm, a->rot, false, 1); }
bool trans_UXTAH(struct tr *t, const struct arg_rrr_rot *a) { return extend(t, a->rd, a->rn, a->rm, a->rot, false, 2); }

/* REV<c> <Rd>, <Rm> (A8.8.144): bytes reversed. */
bool trans_REV(struct tr *t, const struct arg_rr *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rm);
    X(t->b, BSWAP, R32(EAX));
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* REV16<c> <Rd>, <Rm> (A8.8.145): bytes swapped within each halfword. */
bool trans_REV16(struct tr *t, const struct arg_rr *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rm);
    X(b, ROL, R32(AX), ximm(8));
    X(b, ROR, R32(EAX), ximm(16));
    X(b, ROL, R32(AX), ximm(8));
    X(b, ROR, R32(EAX), ximm(16));
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* REVSH<c> <Rd>, <Rm> (A8.8.146): the low halfword's bytes swapped, sign-extended. */
bool trans_REVSH(struct tr *t, const struct arg_rr *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rm);
    X(b, ROL, R32(AX), ximm(8));
    X(b, MOVSX, R32(EAX), R32(AX));
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* UBFX/SBFX<c> <Rd>, <Rn>, #<lsb>, #<width> (A8.8.246, A8.8.164): the table
 * rejects lsb + width > 32. */
static bool bitfield_extract(struct tr *t, const struct arg_bfx *a, bool sign)
{
    struct xbuf *b = t->b;
    unsigned width = (unsigned)a->widthm1 + 1, lsb = (unsigned)a->lsb;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rn);
    if (32 - lsb - width)
        X(b, SHL, R32(EAX), ximm(32 - lsb - width));
    if (32 - width)
        x_emit(b, sign ? ZYDIS_MNEMONIC_SAR : ZYDIS_MNEMONIC_SHR, (xop[]){R32(EAX), ximm(32 - width)}, 2);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool trans_SBFX(struct tr *t, const struct arg_bfx *a) { return bitfield_extract(t, a, true); }
bool trans_UBFX(struct tr *t, const struct arg_bfx *a) { return bitfield_extract(t, a, false); }

/* BFI<c> <Rd>, <Rn>, #<lsb>, #<width> / BFC (Rn = 15) (A8.8.21, A8.8.20):
 * the table rejects msb < lsb. */
static bool bitfield_insert(struct tr *t, const struct arg_bfi *a)
{
    struct xbuf *b = t->b;
    unsigned lsb = (unsigned)a->lsb;
    uint32_t width = (uint32_t)a->msb - lsb + 1;
    uint32_t mask = (width == 32 ? 0xffffffffu : ((1u << width) - 1)) << lsb;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rd);
    X(b, AND, R32(EAX), ximm((int32_t)~mask));
    if (a->rn != 15) {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rn);
        if (lsb)
            X(b, SHL, R32(ECX), ximm(lsb));
        X(b, AND, R32(ECX), ximm((int32_t)mask));
        X(b, OR, R32(EAX), R32(ECX));
    }
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool trans_BFI(struct tr *t, const struct arg_bfi *a) { return bitfield_insert(t, a); }
bool trans_BFC(struct tr *t, const struct arg_bfi *a) { return bitfield_insert(t, a); }

/* SDIV/UDIV<c> <Rd>, <Rn>, <Rm> (A8.8.165, A8.8.248): helpers (division by
 * zero gives 0, INT_MIN / -1 gives INT_MIN). */
static bool divide(struct tr *t, const struct arg_rrr *a, const void *helper)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rm);
    tr_call(t, helper);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool trans_SDIV(struct tr *t, const struct arg_rrr *a) { return divide(t, a, (const void *)helper_sdiv); }
bool trans_UDIV(struct tr *t, const struct arg_rrr *a) { return divide(t, a, (const void *)helper_udiv); }

/* UDF (A8.8.247; T16 UDF #imm8): permanently undefined, SIGILL; it does
 * not retire (its block holds it alone, uncounted). */
bool trans_UDF(struct tr *t, const struct arg_empty *a)
{
    (void)a;
    tr_exit_reason(t, t->pc, EXIT_UNDEF);
    return true;
}
