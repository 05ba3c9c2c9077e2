/* See vfp_helpers.h. The arithmetic is vfp_arith.c's; here the operands are
 * read and written and the negations of the multiply-accumulate forms are
 * placed as the ARM ARM places them (FPNeg flips the sign of a NaN too, so
 * the place shows in the result). */
#include "translator/vfp_helpers.h"

#include <immintrin.h>
#include <string.h>

#include "translator/vfp_arith.h"

static uint32_t get_s(const struct arm_cpu *cpu, unsigned n)
{
    uint32_t v;
    memcpy(&v, (const uint8_t *)cpu->d + 4 * (n & 31), 4);
    return v;
}

static void set_s(struct arm_cpu *cpu, unsigned n, uint32_t v) { memcpy((uint8_t *)cpu->d + 4 * (n & 31), &v, 4); }

static uint64_t get(const struct arm_cpu *cpu, unsigned n, bool dp) { return dp ? cpu->d[n & 31] : get_s(cpu, n); }

static void set(struct arm_cpu *cpu, unsigned n, bool dp, uint64_t v)
{
    if (dp)
        cpu->d[n & 31] = v;
    else
        set_s(cpu, n, (uint32_t)v);
}

static void compute(struct arm_cpu *cpu, uint32_t opw, uint32_t regs)
{
    bool dp = (opw & VOPF_DP) != 0;
    unsigned vd = regs & 0xffu, vn = (regs >> 8) & 0xffu, vm = (regs >> 16) & 0xffu;
    uint64_t neg = dp ? 1ull << 63 : 1ull << 31;
    uint32_t *fpscr = &cpu->fpscr;
    uint64_t d = get(cpu, vd, dp), n = get(cpu, vn, dp), m = get(cpu, vm, dp), r;
    switch ((enum vfp_helper_op)(opw & 0xffu)) {
    case VOP_ADD: r = vfp_arith(VFP_ADD, dp, n, m, 0, fpscr); break;
    case VOP_SUB: r = vfp_arith(VFP_SUB, dp, n, m, 0, fpscr); break;
    case VOP_MUL: r = vfp_arith(VFP_MUL, dp, n, m, 0, fpscr); break;
    case VOP_NMUL: r = vfp_arith(VFP_MUL, dp, n, m, 0, fpscr) ^ neg; break;
    case VOP_DIV: r = vfp_arith(VFP_DIV, dp, n, m, 0, fpscr); break;
    /* A8.8.337: Vd + Vn*Vm and Vd + -(Vn*Vm), two roundings. */
    case VOP_MLA: r = vfp_arith(VFP_ADD, dp, d, vfp_arith(VFP_MUL, dp, n, m, 0, fpscr), 0, fpscr); break;
    case VOP_MLS: r = vfp_arith(VFP_ADD, dp, d, vfp_arith(VFP_MUL, dp, n, m, 0, fpscr) ^ neg, 0, fpscr); break;
    /* A8.8.355: VNMLA -Vd + -(Vn*Vm), VNMLS -Vd + Vn*Vm. */
    case VOP_NMLA: r = vfp_arith(VFP_ADD, dp, d ^ neg, vfp_arith(VFP_MUL, dp, n, m, 0, fpscr) ^ neg, 0, fpscr); break;
    case VOP_NMLS: r = vfp_arith(VFP_ADD, dp, d ^ neg, vfp_arith(VFP_MUL, dp, n, m, 0, fpscr), 0, fpscr); break;
    /* A8.8.318/319: FPMulAdd(Vd, Vn, Vm) with Vn (VFMS, VFNMA) and Vd
     * (VFNMA, VFNMS) negated first. */
    case VOP_FMA: r = vfp_arith(VFP_FMA, dp, d, n, m, fpscr); break;
    case VOP_FMS: r = vfp_arith(VFP_FMA, dp, d, n ^ neg, m, fpscr); break;
    case VOP_FNMA: r = vfp_arith(VFP_FMA, dp, d ^ neg, n ^ neg, m, fpscr); break;
    case VOP_FNMS: r = vfp_arith(VFP_FMA, dp, d ^ neg, n, m, fpscr); break;
    case VOP_SQRT: r = vfp_arith(VFP_SQRT, dp, m, 0, 0, fpscr); break;
    case VOP_CVT_FD:
        set(cpu, vd, !dp, vfp_cvt_fd(dp, m, fpscr));
        return;
    case VOP_CMP:
        vfp_cmp(dp, d, (opw & VOPF_Z) ? 0 : m, (opw & VOPF_E) != 0, fpscr);
        return;
    case VOP_ITOF:
        set(cpu, vd, dp, vfp_itof(dp, get_s(cpu, vm), (opw & VOPF_SGN) != 0, fpscr));
        return;
    case VOP_FTOI:
        set_s(cpu, vd, vfp_ftoi(dp, m, (opw & VOPF_SGN) != 0, (opw & VOPF_RZ) != 0, fpscr));
        return;
    case VOP_TOFIX:
        r = vfp_tofix(dp, d, !(opw & VOPF_SGN), (opw >> 16) & 0xffu, opw >> 24, fpscr);
        break;
    case VOP_FROMFIX:
        r = vfp_fromfix(dp, d, !(opw & VOPF_SGN), (opw >> 16) & 0xffu, opw >> 24, fpscr);
        break;
    case VOP_F16_TO_F32: {
        uint32_t s = get_s(cpu, vm);
        set_s(cpu, vd, vfp_f16_to_f32((opw & VOPF_TOP) ? s >> 16 : s & 0xffffu, fpscr));
        return;
    }
    case VOP_F32_TO_F16: {
        uint32_t h = vfp_f32_to_f16(get_s(cpu, vm), fpscr);
        uint32_t old = get_s(cpu, vd);
        set_s(cpu, vd, (opw & VOPF_TOP) ? (old & 0xffffu) | h << 16 : (old & 0xffff0000u) | h);
        return;
    }
    default:
        return;
    }
    set(cpu, vd, dp, r);
}

void helper_vfp(struct arm_cpu *cpu, uint32_t opw, uint32_t regs)
{
    compute(cpu, opw, regs);
    /* The fast path (trans_vfp.c) may have run this operation on the host
     * first, and C arithmetic here (the fixed-point scaling, which may
     * overflow) sets MXCSR flags too: clear them, so that translated code
     * keeps "IXC clear => PE clear". */
    _mm_setcsr(_mm_getcsr() & ~0x3fu);
}
