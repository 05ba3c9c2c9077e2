/* NZCV in translated code: storing the flags an instruction sets (only
 * those a later reader needs), x86 CF from ARM's C, and conditional execution
 * as a jump over the instruction, from live x86 flags when they can tell. */
#include <stdint.h>

#include "translator/tr_internal.h"

/* Stores of flags nothing reads before they are overwritten are left out
 * (t->fl_need, see emit_block). */
void tr_flags_nz(struct tr *t)
{
    t->fl_write |= FL_N | FL_Z;
    if (t->fl_need & FL_N)
        X(t->b, SETS, CPUF(n, 1));
    if (t->fl_need & FL_Z)
        X(t->b, SETZ, CPUF(z, 1));
}

void tr_flags_nzcv_add(struct tr *t)
{
    tr_flags_nz(t);
    t->fl_write |= FL_C | FL_V;
    if (t->fl_need & FL_C)
        X(t->b, SETB, CPUF(c, 1));
    if (t->fl_need & FL_V)
        X(t->b, SETO, CPUF(v, 1));
}

void tr_flags_nzcv_sub(struct tr *t)
{
    tr_flags_nz(t);
    t->fl_write |= FL_C | FL_V;
    if (t->fl_need & FL_C)
        X(t->b, SETNB, CPUF(c, 1));
    if (t->fl_need & FL_V)
        X(t->b, SETO, CPUF(v, 1));
}

void tr_cf_from_c(struct tr *t)
{
    t->fl_read |= FL_C;
    /* C is 0 or 1: adding 0xff carries out exactly when C is 1. */
    X(t->b, MOV, R32(DL), CPUF(c, 1));
    X(t->b, ADD, R32(DL), ximm(-1)); /* 0xff */
}

void tr_cf_from_not_c(struct tr *t)
{
    t->fl_read |= FL_C;
    /* CMP C, 1 borrows exactly when C is 0. */
    X(t->b, CMP, CPUF(c, 1), ximm(1));
}

/* The one list of the NZCV flags each condition reads (A8.3, table A8-1):
 * flag liveness (block_plan.c) and the condition skips below both use it. */
unsigned tr_cond_reads(unsigned cond)
{
    static const uint8_t reads[16] = {FL_Z, FL_Z, FL_C, FL_C, FL_N, FL_N, FL_V, FL_V,
                                      FL_C | FL_Z, FL_C | FL_Z, FL_N | FL_V, FL_N | FL_V,
                                      FL_N | FL_Z | FL_V, FL_N | FL_Z | FL_V, 0, 0};
    return reads[cond & 15];
}

/* x86 condition that is true exactly when ARM condition cond holds, given
 * live x86 flags of kind hf; -1 if those flags cannot tell. After a
 * subtraction x86's CF is the borrow (ARM C inverted), which makes the
 * unsigned ARM conditions the x86 unsigned ones (HI = A, CS = AE, ...). */
static int host_cc(unsigned cond, int hf)
{
    static const int8_t after_sub[14] = {XCC_E, XCC_NE, XCC_AE, XCC_B, XCC_S, XCC_NS, XCC_O,
                                         XCC_NO, XCC_A, XCC_BE, XCC_GE, XCC_L, XCC_G, XCC_LE};
    static const int8_t after_add[14] = {XCC_E, XCC_NE, XCC_B, XCC_AE, XCC_S, XCC_NS, XCC_O,
                                         XCC_NO, -1, -1, XCC_GE, XCC_L, XCC_G, XCC_LE};
    static const int8_t after_logic[14] = {XCC_E, XCC_NE, -1, -1, XCC_S, XCC_NS, -1,
                                           -1, -1, -1, -1, -1, -1, -1};
    if (cond >= 14)
        return -1;
    switch (hf) {
    case HF_SUB: return after_sub[cond];
    case HF_ADD: return after_add[cond];
    case HF_LOGIC: return after_logic[cond];
    default: return -1;
    }
}

size_t tr_cond_skip(struct tr *t, unsigned cond, int hf)
{
    struct xbuf *b = t->b;
    int cc = host_cc(cond, hf);
    if (cc >= 0)
        return x_jcc_fwd(b, (enum xcc)(cc ^ 1)); /* x86 cc ^ 1 is its negation */
    t->fl_read |= tr_cond_reads(cond);
    switch (cond) {
    case 0x0: /* EQ: Z */
        X(b, CMP, CPUF(z, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x1: /* NE */
        X(b, CMP, CPUF(z, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x2: /* CS */
        X(b, CMP, CPUF(c, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x3: /* CC */
        X(b, CMP, CPUF(c, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x4: /* MI */
        X(b, CMP, CPUF(n, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x5: /* PL */
        X(b, CMP, CPUF(n, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x6: /* VS */
        X(b, CMP, CPUF(v, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x7: /* VC */
        X(b, CMP, CPUF(v, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x8: /* HI: C && !Z, i.e. C > Z as 0/1 values */
        X(b, MOV, R32(AL), CPUF(c, 1));
        X(b, CMP, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_BE);
    case 0x9: /* LS */
        X(b, MOV, R32(AL), CPUF(c, 1));
        X(b, CMP, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_A);
    case 0xa: /* GE: N == V */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, CMP, R32(AL), CPUF(v, 1));
        return x_jcc_fwd(b, XCC_NE);
    case 0xb: /* LT */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, CMP, R32(AL), CPUF(v, 1));
        return x_jcc_fwd(b, XCC_E);
    case 0xc: /* GT: !Z && N == V */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, XOR, R32(AL), CPUF(v, 1));
        X(b, OR, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_NE);
    case 0xd: /* LE */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, XOR, R32(AL), CPUF(v, 1));
        X(b, OR, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_E);
    default: /* AL (and 0xF, the unconditional space) */
        return SIZE_MAX;
    }
}
