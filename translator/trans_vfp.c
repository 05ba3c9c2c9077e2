/* Semantic functions of the scalar VFP data-processing instructions and
 * the transfers between core and VFP registers (arm/vfp.decode; ARM ARM
 * A7.5, A7.8), for A32 and T32 alike. Moves, VABS and VNEG are bit
 * operations done inline; everything that can raise a floating-point
 * exception calls helper_vfp (vfp_helpers.c), which computes ARM's result
 * exactly, unless the fast path below takes it. The S registers are the
 * 4-byte halves of cpu->d[]: S<n> lies at byte 4n of it (little-endian host).
 *
 * The fast path (arithmetic): the host's SSE/FMA instruction, inline (FMA3
 * only when the host has it: base/host_cpu.h), when
 * the block's FPSCR mode (known at translation: it is in the block key)
 * rounds to nearest without short vectors (the C ABI's MXCSR rounds the
 * same way, so MXCSR is never switched; DN may be set, and FZ when no input
 * is a denormal), keeping the result only if it is a normal number above the
 * smallest one. Then x86 and ARM agree on the value and on every flag but
 * inexact (no NaN was involved, nothing overflowed or divided by zero,
 * nothing is tiny, and denormal inputs give the same exact result with
 * FZ clear); any other result (zero, denormal, the smallest normal -- it
 * may have been tiny before rounding --, Inf, NaN) is recomputed by the
 * slow path from the untouched operands. Inexact: MXCSR.PE is read only
 * while FPSCR.IXC is clear, and the invariant "IXC clear => PE clear"
 * holds in translated code (the enter stub and the slow path clear MXCSR's
 * flags; C code never runs with them), so PE means this operation was
 * inexact. */
#include <stdio.h>
#include <stdlib.h>

#include "base/host_cpu.h"
#include "translator/tr_internal.h"
#include "translator/vfp_arith.h"
#include "translator/vfp_helpers.h"
#include "trans_gen.h"

static xop s_slot(unsigned n) { return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, d) + 4 * n), 4); }
static xop d_slot(unsigned n) { return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, d) + 8 * n), 8); }

static bool call_vfp(struct tr *t, uint32_t opw, uint32_t regs)
{
    X(t->b, MOV, R32(ESI), ximm(opw));
    X(t->b, MOV, R32(EDX), ximm(regs));
    tr_call(t, (const void *)helper_vfp);
    return true;
}

/* FPSCR fields that must be zero for the fast path: Len, Stride, RMode.
 * DN only changes NaN results (slow path anyway); with FZ the fast path
 * also needs inputs that are not denormal (FZ would flush them: IDC). */
#define FAST_MODE_MASK 0x00f70000u

struct fast {
    struct tr *t;
    bool dp;
    size_t slow[8]; /* jumps to the slow path */
    unsigned nslow;
};

static xop v_slot(const struct fast *f, unsigned n) { return f->dp ? d_slot(n) : s_slot(n); }

static void to_slow(struct fast *f, enum xcc cc)
{
    if (f->nslow == sizeof f->slow / sizeof f->slow[0]) {
        fprintf(stderr, "backstep: internal error: too many VFP slow-path jumps\n");
        abort();
    }
    f->slow[f->nslow++] = x_jcc_fwd(f->t->b, cc);
}

/* Whether the block's FPSCR mode (it is in the block key, so known now)
 * allows the fast path. BACKSTEP_VFP_SLOW=1 in the environment turns the
 * fast path off (to measure it, or to rule it out). */
static bool fast_ok(const struct tr *t)
{
    static int off = -1;
    if (off < 0) {
        const char *e = getenv("BACKSTEP_VFP_SLOW");
        off = e && *e == '1';
    }
    return !off && !(t->fpscr_mode & FAST_MODE_MASK);
}

/* The fast path's entry: with FZ set, none of the n input registers (of the
 * fast path's size) may be a denormal. */
static void fast_mode(struct fast *f, const unsigned *in, unsigned n)
{
    struct xbuf *b = f->t->b;
    if (!(f->t->fpscr_mode & FPSCR_FZ))
        return;
    for (unsigned k = 0; k < n; k++) {
        size_t normal;
        if (f->dp) {
            X(b, MOV, R32(RAX), d_slot(in[k]));
            X(b, MOV, R32(RCX), ximm64(0x7ff0000000000000ull));
            X(b, TEST, R32(RAX), R32(RCX));
            normal = x_jcc_fwd(b, XCC_NE);
            X(b, MOV, R32(RCX), ximm64(0x000fffffffffffffull));
            X(b, TEST, R32(RAX), R32(RCX));
        } else {
            X(b, MOV, R32(EAX), s_slot(in[k]));
            X(b, TEST, R32(EAX), ximm(0x7f800000));
            normal = x_jcc_fwd(b, XCC_NE);
            X(b, TEST, R32(EAX), ximm(0x007fffff));
        }
        to_slow(f, XCC_NE);
        x_bind(b, normal);
    }
}

/* xmm0 = xmm0 op operand, for op in ADD SUB MUL DIV. */
static void fast_op(struct fast *f, enum vfp_helper_op op, xop src)
{
    static const ZydisMnemonic ss[] = {[VOP_ADD] = ZYDIS_MNEMONIC_ADDSS, [VOP_SUB] = ZYDIS_MNEMONIC_SUBSS,
                                       [VOP_MUL] = ZYDIS_MNEMONIC_MULSS, [VOP_DIV] = ZYDIS_MNEMONIC_DIVSS};
    static const ZydisMnemonic sd[] = {[VOP_ADD] = ZYDIS_MNEMONIC_ADDSD, [VOP_SUB] = ZYDIS_MNEMONIC_SUBSD,
                                       [VOP_MUL] = ZYDIS_MNEMONIC_MULSD, [VOP_DIV] = ZYDIS_MNEMONIC_DIVSD};
    x_emit(f->t->b, f->dp ? sd[op] : ss[op], (xop[]){xreg(ZYDIS_REGISTER_XMM0), src}, 2);
}

/* To the slow path unless xmm<reg> holds a normal number above the smallest
 * (ARM and x86 then agree on it and its flags but inexact), or a zero that
 * is exact: always with zero_exact (a sum is zero only when it is exactly
 * zero), or when one of the nz input registers is zero (a product; a
 * quotient with a zero dividend). Any other zero may have underflowed. */
static void check_result_z(struct fast *f, ZydisRegister xmm, bool zero_exact, const unsigned *zin, unsigned nz)
{
    struct xbuf *b = f->t->b;
    size_t zero = SIZE_MAX;
    bool zcheck = zero_exact || nz > 0;
    if (f->dp) {
        X(b, MOVQ, R32(RAX), xreg(xmm));
        X(b, BTR, R32(RAX), ximm(63));
        if (zcheck) {
            X(b, TEST, R32(RAX), R32(RAX));
            zero = x_jcc_fwd(b, XCC_E);
        }
        X(b, MOV, R32(RCX), ximm64(0x0010000000000001ull));
        X(b, SUB, R32(RAX), R32(RCX));
        X(b, MOV, R32(RCX), ximm64(0x7fefffffffffffffull - 0x0010000000000001ull));
        X(b, CMP, R32(RAX), R32(RCX));
    } else {
        X(b, MOVD, R32(EAX), xreg(xmm));
        X(b, AND, R32(EAX), ximm(0x7fffffff));
        if (zcheck)
            zero = x_jcc_fwd(b, XCC_E);
        X(b, SUB, R32(EAX), ximm(0x00800001));
        X(b, CMP, R32(EAX), ximm(0x7f7fffff - 0x00800001));
    }
    to_slow(f, XCC_A);
    if (zero == SIZE_MAX)
        return;
    if (zero_exact) {
        x_bind(b, zero);
        return;
    }
    size_t done = x_jmp_fwd(b), ok[2];
    x_bind(b, zero);
    for (unsigned k = 0; k < nz; k++) {
        if (f->dp) {
            X(b, MOV, R32(RCX), d_slot(zin[k]));
            X(b, BTR, R32(RCX), ximm(63));
            X(b, TEST, R32(RCX), R32(RCX));
        } else {
            X(b, TEST, s_slot(zin[k]), ximm(0x7fffffff));
        }
        ok[k] = x_jcc_fwd(b, XCC_E);
    }
    if (f->nslow == sizeof f->slow / sizeof f->slow[0]) {
        fprintf(stderr, "backstep: internal error: too many VFP slow-path jumps\n");
        abort();
    }
    f->slow[f->nslow++] = x_jmp_fwd(b);
    for (unsigned k = 0; k < nz; k++)
        x_bind(b, ok[k]);
    x_bind(b, done);
}

static void check_result(struct fast *f, ZydisRegister xmm, bool zero_exact)
{
    check_result_z(f, xmm, zero_exact, NULL, 0);
}

static void check_normal(struct fast *f, ZydisRegister xmm) { check_result(f, xmm, false); }

/* Flips the sign of xmm<reg> (FPNeg) through eax/rax. */
static void negate(struct fast *f, ZydisRegister xmm)
{
    struct xbuf *b = f->t->b;
    if (f->dp) {
        X(b, MOVQ, R32(RAX), xreg(xmm));
        X(b, BTC, R32(RAX), ximm(63));
        X(b, MOVQ, xreg(xmm), R32(RAX));
    } else {
        X(b, MOVD, R32(EAX), xreg(xmm));
        X(b, XOR, R32(EAX), ximm(0x80000000u));
        X(b, MOVD, xreg(xmm), R32(EAX));
    }
}

static void load(struct fast *f, ZydisRegister xmm, unsigned n)
{
    x_emit(f->t->b, f->dp ? ZYDIS_MNEMONIC_MOVSD : ZYDIS_MNEMONIC_MOVSS, (xop[]){xreg(xmm), v_slot(f, n)}, 2);
}

/* After the fast path's result is stored: IXC from MXCSR.PE, only while it
 * is clear (see the top of the file); then the slow path for the cases the
 * fast path sent away (it recomputes from the operands, untouched). */
static bool fast_end(struct fast *f, uint32_t opw, uint32_t regs)
{
    struct xbuf *b = f->t->b;
    X(b, TEST, CPUF(fpscr, 1), ximm(FPSCR_IXC));
    size_t done1 = x_jcc_fwd(b, XCC_NE);
    X(b, STMXCSR, xmem(ZYDIS_REGISTER_RSP, -8, 4));
    X(b, TEST, xmem(ZYDIS_REGISTER_RSP, -8, 1), ximm(0x20)); /* PE */
    size_t done2 = x_jcc_fwd(b, XCC_E);
    X(b, OR, CPUF(fpscr, 1), ximm(FPSCR_IXC));
    size_t done3 = x_jmp_fwd(b);
    for (unsigned k = 0; k < f->nslow; k++)
        x_bind(b, f->slow[k]);
    call_vfp(f->t, opw, regs);
    x_bind(b, done1);
    x_bind(b, done2);
    x_bind(b, done3);
    return true;
}

/* Single-precision Vd' + Vn' * Vm without FMA3, into xmm0 (as a single):
 * the product of two singles is exact in double (48 significant bits, and
 * no double overflow or underflow), so the double sum s = RN53(v) is the
 * only rounding before the final RN24. Rounding twice gives RN24(v) unless
 * s is a midpoint between two singles: the midpoints have 25 significant
 * bits, so they are doubles, and RN53 is monotonic; s therefore lies on the
 * same side of every midpoint as v unless s is one. A midpoint s (its low 29
 * bits 1 then 28 zeros, for a result in the normal range -- anything else
 * goes to the slow path in check_normal) goes to the slow path. PE: if s is
 * inexact, v is not a double, so not a single either: the addsd's PE is the
 * fused operation's, the cvtsd2ss adds its own. */
static void fused_single_sse(struct fast *f, enum vfp_helper_op op, unsigned vd, unsigned vn, unsigned vm)
{
    struct xbuf *b = f->t->b;
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0, X1 = ZYDIS_REGISTER_XMM1;
    load(f, X0, vm);
    X(b, CVTSS2SD, xreg(X0), xreg(X0));
    load(f, X1, vn);
    if (op == VOP_FMS || op == VOP_FNMA)
        negate(f, X1);
    X(b, CVTSS2SD, xreg(X1), xreg(X1));
    X(b, MULSD, xreg(X1), xreg(X0)); /* exact */
    load(f, X0, vd);
    if (op == VOP_FNMA || op == VOP_FNMS)
        negate(f, X0);
    X(b, CVTSS2SD, xreg(X0), xreg(X0));
    X(b, ADDSD, xreg(X0), xreg(X1));
    X(b, MOVQ, R32(RAX), xreg(X0));
    X(b, AND, R32(EAX), ximm(0x1fffffff));
    X(b, CMP, R32(EAX), ximm(0x10000000));
    to_slow(f, XCC_E);
    X(b, CVTSD2SS, xreg(X0), xreg(X0));
    check_normal(f, X0);
}

static bool arith3(struct tr *t, const struct arg_vfp_3 *a, enum vfp_helper_op op)
{
    struct xbuf *b = t->b;
    struct fast f = {.t = t, .dp = a->dp != 0};
    unsigned vd = (unsigned)a->vd, vn = (unsigned)a->vn, vm = (unsigned)a->vm;
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0, X1 = ZYDIS_REGISTER_XMM1;
    const unsigned in[3] = {vn, vm, vd};
    /* The fused operations use the host's FMA3 instruction (vfmadd231);
     * without it the single-precision ones use double arithmetic inline
     * (fused_single_sse) and the double-precision ones go to the exact path
     * (vfp_arith.c fuses in software). VMLA and co. round twice on ARM and
     * use mulsd/addsd below on every host. */
    bool fused = op >= VOP_FMA && op <= VOP_FNMS;
    if (!fast_ok(t) || (fused && f.dp && !host_has_fma()))
        return call_vfp(t, op | (a->dp ? VOPF_DP : 0u), VOP_REGS(vd, vn, vm));
    fast_mode(&f, in, op >= VOP_MLA && op <= VOP_FNMS ? 3 : 2);
    switch (op) {
    case VOP_ADD: case VOP_SUB: case VOP_MUL: case VOP_DIV:
        load(&f, X0, vn);
        fast_op(&f, op, v_slot(&f, vm));
        check_result_z(&f, X0, op == VOP_ADD || op == VOP_SUB, in, op == VOP_MUL ? 2 : op == VOP_DIV ? 1 : 0);
        break;
    case VOP_NMUL:
        load(&f, X0, vn);
        fast_op(&f, VOP_MUL, v_slot(&f, vm));
        check_result_z(&f, X0, false, in, 2);
        negate(&f, X0);
        break;
    case VOP_MLA: case VOP_MLS: case VOP_NMLA: case VOP_NMLS:
        /* Two roundings: the product, then Vd plus or minus it (A8.8.337). */
        load(&f, X1, vn);
        x_emit(b, f.dp ? ZYDIS_MNEMONIC_MULSD : ZYDIS_MNEMONIC_MULSS, (xop[]){xreg(X1), v_slot(&f, vm)}, 2);
        check_result_z(&f, X1, false, in, 2);
        load(&f, X0, vd);
        if (op == VOP_NMLA || op == VOP_NMLS)
            negate(&f, X0);
        x_emit(b, (op == VOP_MLA || op == VOP_NMLS) ? (f.dp ? ZYDIS_MNEMONIC_ADDSD : ZYDIS_MNEMONIC_ADDSS)
                                                    : (f.dp ? ZYDIS_MNEMONIC_SUBSD : ZYDIS_MNEMONIC_SUBSS),
               (xop[]){xreg(X0), xreg(X1)}, 2);
        check_result(&f, X0, true);
        break;
    case VOP_FMA: case VOP_FMS: case VOP_FNMA: case VOP_FNMS:
        if (!host_has_fma()) { /* single precision here (see above) */
            fused_single_sse(&f, op, vd, vn, vm);
            break;
        }
        /* One rounding: Vd' + Vn' * Vm with the negations of A8.8.318. */
        load(&f, X0, vd);
        load(&f, X1, vn);
        if (op == VOP_FNMA || op == VOP_FNMS)
            negate(&f, X0);
        if (op == VOP_FMS || op == VOP_FNMA)
            negate(&f, X1);
        x_emit(b, f.dp ? ZYDIS_MNEMONIC_VFMADD231SD : ZYDIS_MNEMONIC_VFMADD231SS,
               (xop[]){xreg(X0), xreg(X1), v_slot(&f, vm)}, 3);
        check_normal(&f, X0);
        break;
    default:
        return call_vfp(t, op | (a->dp ? VOPF_DP : 0u), VOP_REGS(vd, vn, vm));
    }
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_MOVSD : ZYDIS_MNEMONIC_MOVSS, (xop[]){v_slot(&f, vd), xreg(X0)}, 2);
    return fast_end(&f, op | (a->dp ? VOPF_DP : 0u), VOP_REGS(vd, vn, vm));
}

bool trans_VADD(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_ADD); }
bool trans_VSUB(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_SUB); }
bool trans_VMUL(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_MUL); }
bool trans_VNMUL(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_NMUL); }
bool trans_VDIV(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_DIV); }
bool trans_VMLA(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_MLA); }
bool trans_VMLS(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_MLS); }
bool trans_VNMLA(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_NMLA); }
bool trans_VNMLS(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_NMLS); }
bool trans_VFMA(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_FMA); }
bool trans_VFMS(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_FMS); }
bool trans_VFNMA(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_FNMA); }
bool trans_VFNMS(struct tr *t, const struct arg_vfp_3 *a) { return arith3(t, a, VOP_FNMS); }

/* VSQRT: sqrt(+-0) = +-0 exactly; a negative operand or a NaN gives a NaN
 * (slow path); a denormal operand has a normal root. */
bool trans_VSQRT(struct tr *t, const struct arg_vfp_2 *a)
{
    struct xbuf *b = t->b;
    struct fast f = {.t = t, .dp = a->dp != 0};
    if (!fast_ok(t))
        return call_vfp(t, VOP_SQRT | (a->dp ? VOPF_DP : 0u), VOP_REGS(a->vd, 0, a->vm));
    fast_mode(&f, (const unsigned[]){(unsigned)a->vm}, 1);
    load(&f, ZYDIS_REGISTER_XMM0, (unsigned)a->vm);
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_SQRTSD : ZYDIS_MNEMONIC_SQRTSS,
           (xop[]){xreg(ZYDIS_REGISTER_XMM0), xreg(ZYDIS_REGISTER_XMM0)}, 2);
    check_result(&f, ZYDIS_REGISTER_XMM0, true);
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_MOVSD : ZYDIS_MNEMONIC_MOVSS,
           (xop[]){v_slot(&f, (unsigned)a->vd), xreg(ZYDIS_REGISTER_XMM0)}, 2);
    return fast_end(&f, VOP_SQRT | (a->dp ? VOPF_DP : 0u), VOP_REGS(a->vd, 0, a->vm));
}

/* VMOV (immediate), A8.8.339: VFPExpandImm (A7.5.1): sign imm<7>, exponent
 * NOT(imm<6>):Replicate(imm<6>):imm<5:4>, fraction imm<3:0> then zeros. */
bool trans_VMOV_imm(struct tr *t, const struct arg_vfp_imm *a)
{
    uint32_t imm = (uint32_t)a->imm, b6 = (imm >> 6) & 1u, sign = imm >> 7, e54 = (imm >> 4) & 3u;
    if (a->dp) {
        uint64_t e = (b6 ? 0x3fcu : 0x400u) | e54;
        uint64_t v = (uint64_t)sign << 63 | e << 52 | (uint64_t)(imm & 15u) << 48;
        X(t->b, MOV, R32(RAX), ximm64(v));
        X(t->b, MOV, d_slot((unsigned)a->vd), R32(RAX));
    } else {
        uint32_t e = (b6 ? 0x7cu : 0x80u) | e54;
        uint32_t v = sign << 31 | e << 23 | (imm & 15u) << 19;
        X(t->b, MOV, s_slot((unsigned)a->vd), ximm(v));
    }
    return true;
}

/* VMOV (register), VABS, VNEG (A8.8.340, A8.8.280, A8.8.355): copies that
 * keep, clear or flip the sign bit, NaNs included (no exception). */
enum sign_op { SIGN_KEEP, SIGN_CLEAR, SIGN_FLIP };

static bool sign_move(struct tr *t, const struct arg_vfp_2 *a, enum sign_op op)
{
    struct xbuf *b = t->b;
    if (a->dp) {
        X(b, MOV, R32(RAX), d_slot((unsigned)a->vm));
        if (op == SIGN_CLEAR)
            X(b, BTR, R32(RAX), ximm(63));
        else if (op == SIGN_FLIP)
            X(b, BTC, R32(RAX), ximm(63));
        X(b, MOV, d_slot((unsigned)a->vd), R32(RAX));
    } else {
        X(b, MOV, R32(EAX), s_slot((unsigned)a->vm));
        if (op == SIGN_CLEAR)
            X(b, AND, R32(EAX), ximm(0x7fffffff));
        else if (op == SIGN_FLIP)
            X(b, XOR, R32(EAX), ximm(0x80000000u));
        X(b, MOV, s_slot((unsigned)a->vd), R32(EAX));
    }
    return true;
}

bool trans_VMOV_reg(struct tr *t, const struct arg_vfp_2 *a) { return sign_move(t, a, SIGN_KEEP); }
bool trans_VABS(struct tr *t, const struct arg_vfp_2 *a) { return sign_move(t, a, SIGN_CLEAR); }
bool trans_VNEG(struct tr *t, const struct arg_vfp_2 *a) { return sign_move(t, a, SIGN_FLIP); }

/* VCVT between single and double: widening is exact (a NaN goes to the slow
 * path: ARM quiets it and may signal); narrowing keeps a normal result. */
bool trans_VCVT_sd(struct tr *t, const struct arg_vfp_2 *a)
{
    struct xbuf *b = t->b;
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0;
    struct fast f = {.t = t, .dp = a->dp != 0}; /* the source's size */
    if (!fast_ok(t))
        return call_vfp(t, VOP_CVT_FD | (a->dp ? VOPF_DP : 0u), VOP_REGS(a->vd, 0, a->vm));
    fast_mode(&f, (const unsigned[]){(unsigned)a->vm}, 1);
    load(&f, X0, (unsigned)a->vm);
    if (a->dp) {
        X(b, CVTSD2SS, xreg(X0), xreg(X0));
        f.dp = false;
        check_normal(&f, X0);
        X(b, MOVSS, s_slot((unsigned)a->vd), xreg(X0));
    } else {
        X(b, CVTSS2SD, xreg(X0), xreg(X0));
        X(b, UCOMISD, xreg(X0), xreg(X0));
        to_slow(&f, XCC_P);
        X(b, MOVSD, d_slot((unsigned)a->vd), xreg(X0));
    }
    return fast_end(&f, VOP_CVT_FD | (a->dp ? VOPF_DP : 0u), VOP_REGS(a->vd, 0, a->vm));
}

/* VCMP/VCMPE: without a NaN operand (UCOMIS* says unordered: slow path)
 * and with FZ clear there is no exception; FPSCR.NZCV from the x86 flags:
 * equal 0110, less 1000, greater 0010 (A8.8.302). UCOMIS* clobbers the host
 * flags (the emitter knows: it is not in x86_emit.c's keeps_flags list). */
bool trans_VCMP(struct tr *t, const struct arg_vfp_cmp *a)
{
    struct xbuf *b = t->b;
    struct fast f = {.t = t, .dp = a->dp != 0};
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0, X1 = ZYDIS_REGISTER_XMM1;
    uint32_t opw = VOP_CMP | (a->dp ? VOPF_DP : 0u) | (a->e ? VOPF_E : 0u) | (a->z ? VOPF_Z : 0u);
    if (!fast_ok(t))
        return call_vfp(t, opw, VOP_REGS(a->vd, 0, a->vm));
    fast_mode(&f, (const unsigned[]){(unsigned)a->vd, (unsigned)a->vm}, a->z ? 1 : 2);
    load(&f, X0, (unsigned)a->vd);
    if (a->z)
        X(b, XORPS, xreg(X1), xreg(X1));
    else
        load(&f, X1, (unsigned)a->vm);
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_UCOMISD : ZYDIS_MNEMONIC_UCOMISS, (xop[]){xreg(X0), xreg(X1)}, 2);
    to_slow(&f, XCC_P);
    X(b, MOV, R32(EAX), ximm(0x20000000));
    X(b, MOV, R32(ECX), ximm(0x80000000u));
    X(b, CMOVB, R32(EAX), R32(ECX));
    X(b, MOV, R32(ECX), ximm(0x60000000));
    X(b, CMOVZ, R32(EAX), R32(ECX));
    X(b, MOV, R32(ECX), CPUF(fpscr, 4));
    X(b, AND, R32(ECX), ximm(0x0fffffff));
    X(b, OR, R32(ECX), R32(EAX));
    X(b, MOV, CPUF(fpscr, 4), R32(ECX));
    size_t done = x_jmp_fwd(b);
    for (unsigned k = 0; k < f.nslow; k++)
        x_bind(b, f.slow[k]);
    call_vfp(t, opw, VOP_REGS(a->vd, 0, a->vm));
    x_bind(b, done);
    return true;
}

/* VCVT from a 32-bit integer: converted from its 64-bit extension (exact
 * to double; to single rounded, never tiny, never overflowing). */
bool trans_VCVT_itof(struct tr *t, const struct arg_vfp_cvt *a)
{
    struct xbuf *b = t->b;
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0;
    struct fast f = {.t = t, .dp = a->dp != 0};
    if (!fast_ok(t))
        return call_vfp(t, VOP_ITOF | (a->dp ? VOPF_DP : 0u) | (a->sgn ? VOPF_SGN : 0u), VOP_REGS(a->vd, 0, a->vm));
    if (a->sgn)
        X(b, MOVSXD, R32(RAX), s_slot((unsigned)a->vm));
    else
        X(b, MOV, R32(EAX), s_slot((unsigned)a->vm)); /* zero-extends into rax */
    X(b, XORPS, xreg(X0), xreg(X0));
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_CVTSI2SD : ZYDIS_MNEMONIC_CVTSI2SS, (xop[]){xreg(X0), R32(RAX)}, 2);
    x_emit(b, f.dp ? ZYDIS_MNEMONIC_MOVSD : ZYDIS_MNEMONIC_MOVSS, (xop[]){v_slot(&f, (unsigned)a->vd), xreg(X0)}, 2);
    return fast_end(&f, VOP_ITOF | (a->dp ? VOPF_DP : 0u) | (a->sgn ? VOPF_SGN : 0u), VOP_REGS(a->vd, 0, a->vm));
}

/* VCVT to a 32-bit integer: CVT(T)SD2SI into 64 bits (a single widened
 * first, exactly); a NaN, or a value out of the 32-bit range (ARM
 * saturates and signals IOC), goes to the slow path. */
bool trans_VCVT_ftoi(struct tr *t, const struct arg_vfp_cvt *a)
{
    struct xbuf *b = t->b;
    const ZydisRegister X0 = ZYDIS_REGISTER_XMM0;
    struct fast f = {.t = t, .dp = a->dp != 0};
    uint32_t opw = VOP_FTOI | (a->dp ? VOPF_DP : 0u) | (a->sgn ? VOPF_SGN : 0u) | (a->rz ? VOPF_RZ : 0u);
    if (!fast_ok(t))
        return call_vfp(t, opw, VOP_REGS(a->vd, 0, a->vm));
    fast_mode(&f, (const unsigned[]){(unsigned)a->vm}, 1);
    load(&f, X0, (unsigned)a->vm);
    if (!a->dp)
        X(b, CVTSS2SD, xreg(X0), xreg(X0));
    x_emit(b, a->rz ? ZYDIS_MNEMONIC_CVTTSD2SI : ZYDIS_MNEMONIC_CVTSD2SI, (xop[]){R32(RAX), xreg(X0)}, 2);
    if (a->sgn)
        X(b, MOVSXD, R32(RCX), R32(EAX));
    else
        X(b, MOV, R32(ECX), R32(EAX));
    X(b, CMP, R32(RCX), R32(RAX));
    to_slow(&f, XCC_NE);
    X(b, MOV, s_slot((unsigned)a->vd), R32(EAX));
    return fast_end(&f, opw, VOP_REGS(a->vd, 0, a->vm));
}

/* VCVT between floating point and fixed point (A8.8.309): size 16 or 32,
 * fraction bits size - imm (the table leaves out a negative count). */
bool trans_VCVT_fix(struct tr *t, const struct arg_vfp_fix *a)
{
    uint32_t size = a->sx ? 32u : 16u, fbits = size - (uint32_t)a->imm;
    uint32_t opw = (a->tofix ? VOP_TOFIX : VOP_FROMFIX) | (a->dp ? VOPF_DP : 0u) | (a->uns ? 0u : VOPF_SGN) |
                   size << 16 | fbits << 24;
    return call_vfp(t, opw, VOP_REGS(a->vd, 0, 0));
}

bool trans_VCVT_hf(struct tr *t, const struct arg_vfp_hf *a)
{
    uint32_t opw = (a->tohalf ? VOP_F32_TO_F16 : VOP_F16_TO_F32) | (a->top ? VOPF_TOP : 0u);
    return call_vfp(t, opw, VOP_REGS(a->vd, 0, a->vm));
}

/* VMOV between a core register and a single (A8.8.343). */
bool trans_VMOV_cs(struct tr *t, const struct arg_vfp_mov_cs *a)
{
    if (a->tocore) {
        X(t->b, MOV, R32(EAX), s_slot((unsigned)a->vn));
        tr_set_reg(t, (unsigned)a->rt, ZYDIS_REGISTER_EAX);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rt);
        X(t->b, MOV, s_slot((unsigned)a->vn), R32(EAX));
    }
    return true;
}

/* VMOV between a core register and a 32-bit scalar Dd[x] (A8.8.341/342):
 * the scalar is S<2d+x>'s slot. */
bool trans_VMOV_sc(struct tr *t, const struct arg_vfp_mov_sc *a)
{
    unsigned s = 2 * (unsigned)a->vd + (unsigned)a->idx;
    if (a->tocore) {
        X(t->b, MOV, R32(EAX), s_slot(s));
        tr_set_reg(t, (unsigned)a->rt, ZYDIS_REGISTER_EAX);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rt);
        X(t->b, MOV, s_slot(s), R32(EAX));
    }
    return true;
}

/* VMOV between two core registers and two singles Sm, Sm+1 or a double Dm
 * (A8.8.345/346): Rt is the low word either way. */
bool trans_VMOV_2(struct tr *t, const struct arg_vfp_mov_2 *a)
{
    unsigned lo = a->dp ? 2 * (unsigned)a->vm : (unsigned)a->vm;
    if (a->tocore) {
        X(t->b, MOV, R32(EAX), s_slot(lo));
        X(t->b, MOV, R32(ECX), s_slot(lo + 1));
        tr_set_reg(t, (unsigned)a->rt, ZYDIS_REGISTER_EAX);
        tr_set_reg(t, (unsigned)a->rt2, ZYDIS_REGISTER_ECX);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rt);
        tr_get_reg(t, ZYDIS_REGISTER_ECX, (unsigned)a->rt2);
        X(t->b, MOV, s_slot(lo), R32(EAX));
        X(t->b, MOV, s_slot(lo + 1), R32(ECX));
    }
    return true;
}

/* VMRS<c> <Rt>, FPSCR and VMRS APSR_nzcv, FPSCR (A8.8.348). */
bool trans_VMRS(struct tr *t, const struct arg_vfp_sys *a)
{
    struct xbuf *b = t->b;
    X(b, MOV, R32(EAX), CPUF(fpscr, 4));
    if (a->rt != 15) {
        tr_set_reg(t, (unsigned)a->rt, ZYDIS_REGISTER_EAX);
        return true;
    }
    static const struct { size_t off; unsigned bit; } f[] = {
        {offsetof(struct arm_cpu, n), 31}, {offsetof(struct arm_cpu, z), 30},
        {offsetof(struct arm_cpu, c), 29}, {offsetof(struct arm_cpu, v), 28},
    };
    for (unsigned k = 0; k < 4; k++) {
        X(b, BT, R32(EAX), ximm(f[k].bit));
        X(b, SETB, xmem(ZYDIS_REGISTER_RBX, (int32_t)f[k].off, 1));
    }
    return true;
}

/* VMSR<c> FPSCR, <Rt> (A8.8.350): the bits the CPU keeps (FPSCR_WRITABLE).
 * The mode bits are part of the block key, so the block ends here and goes
 * back to the dispatcher (never a chained jump, nor the indirect-branch
 * table, which the dispatcher empties when the mode changes). */
bool trans_VMSR(struct tr *t, const struct arg_vfp_sys *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rt);
    X(t->b, AND, R32(EAX), ximm(FPSCR_WRITABLE));
    X(t->b, MOV, CPUF(fpscr, 4), R32(EAX));
    tr_exit_reason(t, (t->pc + t->d->len) | (t->thumb ? 1u : 0u), EXIT_INDIRECT);
    return true;
}
