/* Semantic functions of the multiplies (ARM ARM A5.2.5; T16 MULS, A6.2.2):
 * MUL MLA MLS UMULL UMLAL SMULL SMLAL UMAAL. The flag-setting forms set N and
 * Z only (C and V are unchanged, ARMv6+). The table makes every form that
 * names the PC UNPREDICTABLE (arm/a32.decode), so none reads or writes it.
 * Fields of &s_rrrr: rd is Rd or RdHi, ra is Ra or RdLo. */
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* The x86 flags after the TEST are N and Z of the result; the stores that
 * follow (MOVs) keep them, so a later condition may use them. */
static void flags_nz_of_eax(struct tr *t)
{
    X(t->b, TEST, R32(EAX), R32(EAX));
    tr_flags_nz(t);
    t->hf_kind = HF_LOGIC;
}

/* RdHi:RdLo = edx:eax, with N and Z of the 64-bit value when s. RdLo is
 * written first, so RdHi wins when they are the same register (qemu-arm
 * does the same). */
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

/* Rd = Rn * Rm (+ Ra when accumulate), N and Z with S. */
static bool mul_acc(struct tr *t, const struct arg_s_rrrr *a, bool accumulate)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    X(t->b, IMUL, R32(EAX), GREG((unsigned)a->rm));
    if (accumulate)
        X(t->b, ADD, R32(EAX), GREG((unsigned)a->ra));
    if (a->s)
        flags_nz_of_eax(t);
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    if (t->hf_kind)
        t->hf_end = x_pos(t->b);
    return true;
}

/* MUL{S}<c> <Rd>, <Rn>, <Rm> (A8.8.114); T16 MULS <Rdm>, <Rn>, <Rdm> */
bool trans_MUL(struct tr *t, const struct arg_s_rrrr *a) { return mul_acc(t, a, false); }

/* MLA{S}<c> <Rd>, <Rn>, <Rm>, <Ra> (A8.8.100): Rd = Rn * Rm + Ra */
bool trans_MLA(struct tr *t, const struct arg_s_rrrr *a) { return mul_acc(t, a, true); }

/* MLS<c> <Rd>, <Rn>, <Rm>, <Ra> (A8.8.101): Rd = Ra - Rn * Rm */
bool trans_MLS(struct tr *t, const struct arg_s_rrrr *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    X(b, IMUL, R32(EAX), GREG((unsigned)a->rm));
    tr_get_reg(t, ZYDIS_REGISTER_ECX, (unsigned)a->ra);
    X(b, SUB, R32(ECX), R32(EAX));
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_ECX);
    return true;
}

/* UMAAL<c> <RdLo>, <RdHi>, <Rn>, <Rm> (A8.8.255): Rn * Rm + RdLo + RdHi
 * (cannot overflow 64 bits) */
bool trans_UMAAL(struct tr *t, const struct arg_s_rrrr *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    X(b, MUL, GREG((unsigned)a->rm));
    X(b, ADD, R32(EAX), GREG((unsigned)a->ra));
    X(b, ADC, R32(EDX), ximm(0));
    X(b, ADD, R32(EAX), GREG((unsigned)a->rd));
    X(b, ADC, R32(EDX), ximm(0));
    long_result(t, (unsigned)a->ra, (unsigned)a->rd, false);
    return true;
}

/* The four long multiplies: edx:eax = Rn * Rm (signed or not) [+ RdHi:RdLo]. */
static bool mul_long(struct tr *t, const struct arg_s_rrrr *a, bool is_signed, bool accumulate)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    if (is_signed)
        X(b, IMUL, GREG((unsigned)a->rm));
    else
        X(b, MUL, GREG((unsigned)a->rm));
    if (accumulate) {
        X(b, ADD, R32(EAX), GREG((unsigned)a->ra));
        X(b, ADC, R32(EDX), GREG((unsigned)a->rd));
    }
    long_result(t, (unsigned)a->ra, (unsigned)a->rd, a->s);
    return true;
}

/* UMULL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm> (A8.8.257) */
bool trans_UMULL(struct tr *t, const struct arg_s_rrrr *a) { return mul_long(t, a, false, false); }
/* UMLAL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm> (A8.8.256) */
bool trans_UMLAL(struct tr *t, const struct arg_s_rrrr *a) { return mul_long(t, a, false, true); }
/* SMULL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm> (A8.8.189) */
bool trans_SMULL(struct tr *t, const struct arg_s_rrrr *a) { return mul_long(t, a, true, false); }
/* SMLAL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm> (A8.8.178) */
bool trans_SMLAL(struct tr *t, const struct arg_s_rrrr *a) { return mul_long(t, a, true, true); }
