/* A32 media instructions (ARM ARM A5.4) and the halfword multiplies (A5.2.7):
 * extends, byte reversal, bitfields and divides are inline x86; the DSP,
 * saturating and SIMD ones call the helpers that dsp_decode picks. */
#include "translator/dsp_ops.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"

/* Calls the helper of a decoded DSP instruction with its registers. */
static void emit_dsp_call(struct tr *t, const struct dsp_insn *d)
{
    struct xbuf *b = t->b;
    switch (d->shape) {
    case DSP_RD_NM:
    case DSP_RD_NMA:
    case DSP_RD_NM_IMM:
        tr_get_reg(t, ZYDIS_REGISTER_ESI, d->rn);
        tr_get_reg(t, ZYDIS_REGISTER_EDX, d->rm);
        if (d->shape == DSP_RD_NMA)
            tr_get_reg(t, ZYDIS_REGISTER_ECX, d->ra);
        if (d->shape == DSP_RD_NM_IMM)
            X(b, MOV, R32(ECX), ximm(d->imm));
        break;
    case DSP_RDLOHI_NM:
        tr_get_reg(t, ZYDIS_REGISTER_ESI, d->rn);
        tr_get_reg(t, ZYDIS_REGISTER_EDX, d->rm);
        tr_get_reg(t, ZYDIS_REGISTER_ECX, d->rd_hi);
        X(b, SHL, R32(RCX), ximm(32));
        tr_get_reg(t, ZYDIS_REGISTER_EAX, d->rd);
        X(b, OR, R32(RCX), R32(RAX));
        break;
    case DSP_RD_SAT:
        tr_get_reg(t, ZYDIS_REGISTER_ESI, d->rn);
        X(b, MOV, R32(EDX), ximm(d->imm));
        break;
    case DSP_RD_NM_ROT:
        if (d->rn == DSP_REG_NONE)
            X(b, XOR, R32(ESI), R32(ESI));
        else
            tr_get_reg(t, ZYDIS_REGISTER_ESI, d->rn);
        tr_get_reg(t, ZYDIS_REGISTER_EDX, d->rm);
        if (d->imm)
            X(b, ROR, R32(EDX), ximm(d->imm));
        break;
    }
    tr_call(t, d->fn);
    tr_set_reg(t, d->rd, ZYDIS_REGISTER_EAX);
    if (d->shape == DSP_RDLOHI_NM) {
        X(b, SHR, R32(RAX), ximm(32));
        tr_set_reg(t, d->rd_hi, ZYDIS_REGISTER_EAX);
    }
}

/* SXTB/SXTH/UXTB/UXTH and their accumulating forms (A8.8.223 ...): cond
 * 0110 1xyz Rn Rd rr 00 0111 Rm; Rn = 1111 is the plain extend. */
static bool extend(struct tr *t)
{
    uint32_t i = t->insn;
    unsigned op = bits(i, 22, 20), rn = bits(i, 19, 16), rd = bits(i, 15, 12),
             rot = 8 * bits(i, 11, 10), rm = bits(i, 3, 0);
    ZydisMnemonic mn;
    uint16_t size;
    switch (op) {
    case 2: mn = ZYDIS_MNEMONIC_MOVSX; size = 1; break; /* SXTB */
    case 3: mn = ZYDIS_MNEMONIC_MOVSX; size = 2; break; /* SXTH */
    case 6: mn = ZYDIS_MNEMONIC_MOVZX; size = 1; break; /* UXTB */
    case 7: mn = ZYDIS_MNEMONIC_MOVZX; size = 2; break; /* UXTH */
    default: return false;                              /* the *16 forms: DSP helpers */
    }
    if (rd == 15 || rm == 15)
        return false;
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
    if (rot)
        X(b, ROR, R32(ECX), ximm(rot));
    xop src = xreg(size == 1 ? ZYDIS_REGISTER_CL : ZYDIS_REGISTER_CX);
    x_emit(b, mn, (xop[]){R32(EAX), src}, 2);
    if (rn != 15)
        X(b, ADD, R32(EAX), GREG(rn));
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* REV, REV16, REVSH (A8.8.144-146). */
static bool reverse(struct tr *t)
{
    uint32_t i = t->insn;
    unsigned rd = bits(i, 15, 12), rm = bits(i, 3, 0);
    if (rd == 15 || rm == 15)
        return false;
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, rm);
    switch (i & 0x0ff000f0u) {
    case 0x06b00030u: /* REV */
        X(b, BSWAP, R32(EAX));
        break;
    case 0x06b000b0u: /* REV16: bytes swapped within each halfword */
        X(b, ROL, R32(AX), ximm(8));
        X(b, ROR, R32(EAX), ximm(16));
        X(b, ROL, R32(AX), ximm(8));
        X(b, ROR, R32(EAX), ximm(16));
        break;
    case 0x06f000b0u: /* REVSH: swap the low halfword's bytes, sign-extend */
        X(b, ROL, R32(AX), ximm(8));
        X(b, MOVSX, R32(EAX), R32(AX));
        break;
    default:
        return false;
    }
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* UBFX/SBFX/BFI/BFC (A8.8.246, A8.8.164, A8.8.21, A8.8.20). */
static bool bitfield(struct tr *t)
{
    uint32_t i = t->insn;
    unsigned rd = bits(i, 15, 12), rn = bits(i, 3, 0), lsb = bits(i, 11, 7), hi = bits(i, 20, 16);
    struct xbuf *b = t->b;
    if (rd == 15)
        return false;
    if (bits(i, 22, 21) == 2) { /* BFI/BFC: hi is msb */
        if (hi < lsb)
            return false; /* UNPREDICTABLE */
        uint32_t width = hi - lsb + 1;
        uint32_t mask = (width == 32 ? 0xffffffffu : ((1u << width) - 1)) << lsb;
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rd);
        X(b, AND, R32(EAX), ximm((int32_t)~mask));
        if (rn != 15) {
            tr_get_reg(t, ZYDIS_REGISTER_ECX, rn);
            if (lsb)
                X(b, SHL, R32(ECX), ximm(lsb));
            X(b, AND, R32(ECX), ximm((int32_t)mask));
            X(b, OR, R32(EAX), R32(ECX));
        }
        tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
        return true;
    }
    /* UBFX/SBFX: hi is widthminus1 */
    if (rn == 15 || lsb + hi > 31)
        return false;
    unsigned width = hi + 1;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
    if (32 - lsb - width)
        X(b, SHL, R32(EAX), ximm(32 - lsb - width));
    if (32 - width) {
        ZydisMnemonic shift = bit(i, 22) ? ZYDIS_MNEMONIC_SHR : ZYDIS_MNEMONIC_SAR;
        x_emit(b, shift, (xop[]){R32(EAX), ximm(32 - width)}, 2);
    }
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* SDIV/UDIV (A8.8.165, A8.8.248): cond 0111 0x01 Rd 1111 Rm 0001 Rn. */
static bool divide(struct tr *t)
{
    uint32_t i = t->insn;
    unsigned rd = bits(i, 19, 16), rm = bits(i, 11, 8), rn = bits(i, 3, 0);
    if (bits(i, 15, 12) != 15 || rd == 15 || rm == 15 || rn == 15)
        return false;
    tr_get_reg(t, ZYDIS_REGISTER_ESI, rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, rm);
    tr_call(t, bit(i, 21) ? (const void *)helper_udiv : (const void *)helper_sdiv);
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool tr_media(struct tr *t)
{
    uint32_t i = t->insn;
    if (bits(i, 27, 25) == 3) {
        unsigned op1 = bits(i, 24, 20), op2 = bits(i, 7, 5);
        if (op1 == 0x1f && op2 == 7)
            return false; /* UDF: permanently undefined, SIGILL */
        if ((op1 & 0x18) == 0x08 && op2 == 3 && (op1 & 3) != 0 && extend(t))
            return true;
        if ((op1 == 0x0b || op1 == 0x0f) && (op2 == 1 || op2 == 5) && reverse(t))
            return true;
        if ((op1 & 0x1a) == 0x1a && (op2 & 3) == 2)
            return bitfield(t); /* UBFX, SBFX */
        if ((op1 & 0x1e) == 0x1c && (op2 & 3) == 0)
            return bitfield(t); /* BFI, BFC */
        if ((op1 == 0x11 || op1 == 0x13) && op2 == 0)
            return divide(t);
    }
    struct dsp_insn d;
    if (!dsp_decode(0, i, &d))
        return false;
    emit_dsp_call(t, &d);
    return true;
}
