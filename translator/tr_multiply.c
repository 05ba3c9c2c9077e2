/* A32 multiplies (ARM ARM A5.2.5): MUL MLA MLS UMULL UMLAL SMULL SMLAL UMAAL.
 * The flag-setting forms set N and Z only (C and V are unchanged, ARMv6+). */
#include "translator/tr_internal.h"

static void long_result(struct tr *t, unsigned rdlo, unsigned rdhi, bool s)
{
    struct xbuf *b = t->b;
    if (s) {
        X(b, MOV, R32(ECX), R32(EAX));
        X(b, OR, R32(ECX), R32(EDX));
        X(b, SETZ, CPUF(z, 1));
        X(b, TEST, R32(EDX), R32(EDX));
        X(b, SETS, CPUF(n, 1));
    }
    tr_set_reg(t, rdlo, ZYDIS_REGISTER_EAX);
    tr_set_reg(t, rdhi, ZYDIS_REGISTER_EDX);
}

bool tr_multiply(struct tr *t)
{
    uint32_t i = t->insn;
    struct xbuf *b = t->b;
    unsigned op = bits(i, 23, 21);
    bool s = bit(i, 20);
    unsigned rd = bits(i, 19, 16), ra = bits(i, 15, 12), rm = bits(i, 11, 8), rn = bits(i, 3, 0);
    if (rd == 15 || rm == 15 || rn == 15)
        return false; /* UNPREDICTABLE */
    switch (op) {
    case 0: /* MUL{S} Rd, Rn, Rm */
    case 1: /* MLA{S} Rd, Rn, Rm, Ra */
    case 3: /* MLS Rd, Rn, Rm, Ra: Ra - Rn*Rm */
        if (op == 3 && s)
            return false;
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
        X(b, IMUL, R32(EAX), GREG(rm));
        if (op == 1) {
            X(b, ADD, R32(EAX), GREG(ra));
        } else if (op == 3) {
            tr_get_reg(t, ZYDIS_REGISTER_ECX, ra);
            X(b, SUB, R32(ECX), R32(EAX));
            X(b, MOV, R32(EAX), R32(ECX));
        }
        if (s) {
            X(b, TEST, R32(EAX), R32(EAX));
            tr_flags_nz(t);
        }
        tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
        return true;
    case 2: /* UMAAL RdLo, RdHi, Rn, Rm: Rn*Rm + RdLo + RdHi (cannot overflow 64 bits) */
        if (s || ra == 15)
            return false;
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
        X(b, MUL, GREG(rm));
        X(b, ADD, R32(EAX), GREG(ra));
        X(b, ADC, R32(EDX), ximm(0));
        X(b, ADD, R32(EAX), GREG(rd));
        X(b, ADC, R32(EDX), ximm(0));
        long_result(t, ra, rd, false);
        return true;
    case 4: /* UMULL */
    case 5: /* UMLAL */
    case 6: /* SMULL */
    case 7: /* SMLAL */
        if (ra == 15)
            return false;
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
        if (op >= 6)
            X(b, IMUL, GREG(rm));
        else
            X(b, MUL, GREG(rm));
        if (op & 1) { /* accumulate RdHi:RdLo */
            X(b, ADD, R32(EAX), GREG(ra));
            X(b, ADC, R32(EDX), GREG(rd));
        }
        long_result(t, ra, rd, s);
        return true;
    }
    return false;
}
