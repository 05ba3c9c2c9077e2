/* Semantic functions of the DSP, saturating and SIMD-media instructions
 * (A32 table lines in arm/a32.decode; ARM ARM A5.2.6, A5.2.7, A5.4): each
 * calls its helper (translator/dsp_*.c, dsp_ops.h) with the registers its
 * decoded arguments name. The table marks every form that names the PC
 * UNPREDICTABLE, so none of them reads or writes it here. */
#include "translator/dsp_ops.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* R[rd] = fn(cpu, R[rn], R[rm]) */
static bool dsp_nm(struct tr *t, unsigned rd, unsigned rn, unsigned rm, dsp_fn_nm fn)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, rm);
    tr_call(t, (const void *)fn);
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* R[rd] = fn(cpu, R[rn], R[rm], R[ra]) */
static bool dsp_nma(struct tr *t, const struct arg_rrrr *a, dsp_fn_nma fn)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rm);
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->ra);
    tr_call(t, (const void *)fn);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* RdHi:RdLo = fn(cpu, R[rn], R[rm], RdHi:RdLo); RdLo is written first, so
 * RdHi wins when they are the same register (as in qemu-arm). */
static bool dsp_lohi(struct tr *t, const struct arg_lohi *a, dsp_fn_lohi fn)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rm);
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rdhi);
    X(b, SHL, R32(RCX), ximm(32));
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rdlo);
    X(b, OR, R32(RCX), R32(RAX));
    tr_call(t, (const void *)fn);
    tr_set_reg(t, a->rdlo, ZYDIS_REGISTER_EAX);
    X(b, SHR, R32(RAX), ximm(32));
    tr_set_reg(t, a->rdhi, ZYDIS_REGISTER_EAX);
    return true;
}

/* R[rd] = fn(cpu, R[rn], DSP_SAT_IMM(...)): the helper shifts and saturates. */
static bool dsp_sat(struct tr *t, const struct arg_sat *a, dsp_fn_sat fn)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    X(t->b, MOV, R32(EDX), ximm(DSP_SAT_IMM(a->satimm, a->imm5, a->sh)));
    tr_call(t, (const void *)fn);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* R[rd] = fn(cpu, rn == 15 ? 0 : R[rn], ROR(R[rm], 8 * rot)): rn = 15 is the
 * form without accumulator (SXTB16, UXTB16). */
static bool dsp_rot(struct tr *t, const struct arg_rrr_rot *a, dsp_fn_nm fn)
{
    struct xbuf *b = t->b;
    if (a->rn == 15)
        X(b, XOR, R32(ESI), R32(ESI));
    else
        tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rm);
    if (a->rot)
        X(b, ROR, R32(EDX), ximm(8 * a->rot));
    tr_call(t, (const void *)fn);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* R[rd] = fn(cpu, R[rn], R[rm], imm5) */
static bool dsp_imm(struct tr *t, const struct arg_rrr_imm *a, dsp_fn_nm_imm fn)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rm);
    X(t->b, MOV, R32(ECX), ximm(a->imm));
    tr_call(t, (const void *)fn);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

#define DSP_NM(op, fn)                                                                                               \
    bool trans_##op(struct tr *t, const struct arg_rrr *a) { return dsp_nm(t, a->rd, a->rn, a->rm, dsp_##fn); }
#define DSP_RM(op, fn)                                                                                               \
    bool trans_##op(struct tr *t, const struct arg_rr *a) { return dsp_nm(t, a->rd, a->rm, a->rm, dsp_##fn); }
#define DSP_NMA(op, fn)                                                                                              \
    bool trans_##op(struct tr *t, const struct arg_rrrr *a) { return dsp_nma(t, a, dsp_##fn); }
#define DSP_LOHI(op, fn)                                                                                             \
    bool trans_##op(struct tr *t, const struct arg_lohi *a) { return dsp_lohi(t, a, dsp_##fn); }
#define DSP_SAT(op, fn)                                                                                              \
    bool trans_##op(struct tr *t, const struct arg_sat *a) { return dsp_sat(t, a, dsp_##fn); }
#define DSP_ROT(op, fn)                                                                                              \
    bool trans_##op(struct tr *t, const struct arg_rrr_rot *a) { return dsp_rot(t, a, dsp_##fn); }
#define DSP_IMM(op, fn)                                                                                              \
    bool trans_##op(struct tr *t, const struct arg_rrr_imm *a) { return dsp_imm(t, a, dsp_##fn); }

/* One semantic function per line of DSP_TRANS_OPS (dsp_ops.h). */
#define DSP_TRANS(op, shape, fn) DSP_##shape(op, fn)
DSP_TRANS_OPS(DSP_TRANS)
