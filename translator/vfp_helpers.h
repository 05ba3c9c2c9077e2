/* The C side of the VFP instructions that can raise a floating-point
 * exception (translator/trans_vfp.c): one call per instruction, with the
 * operation and the register numbers packed in two words. They read and
 * write cpu->d[] and cpu->fpscr only (never cpu->r[]). */
#pragma once
#include <stdint.h>

#include "arm/cpu.h"

enum vfp_helper_op {
    VOP_ADD, VOP_SUB, VOP_MUL, VOP_NMUL, VOP_DIV, VOP_MLA, VOP_MLS, VOP_NMLA, VOP_NMLS,
    VOP_FMA, VOP_FMS, VOP_FNMA, VOP_FNMS, VOP_SQRT,
    VOP_CVT_FD,  /* between single and double; dp: the source is double */
    VOP_CMP,     /* VCMP/VCMPE (VOPF_E), with #0 (VOPF_Z) */
    VOP_ITOF,    /* from a 32-bit integer (VOPF_SGN: signed) */
    VOP_FTOI,    /* to a 32-bit integer in a single (VOPF_SGN, VOPF_RZ) */
    VOP_TOFIX,   /* to fixed point in place (VOPF_SGN clear: unsigned; size, fbits) */
    VOP_FROMFIX, /* from fixed point in place */
    VOP_F16_TO_F32, VOP_F32_TO_F16, /* VCVTB/VCVTT (VOPF_TOP: the top half) */
};

/* opw: the operation in bits 7:0, flags, the fixed-point size in bits
 * 23:16 and fraction bits in 31:24. regs: Vd | Vn << 8 | Vm << 16, each
 * numbered as the instruction's size numbers them. */
#define VOPF_DP (1u << 8)
#define VOPF_SGN (1u << 9)
#define VOPF_RZ (1u << 10)
#define VOPF_E (1u << 11)
#define VOPF_Z (1u << 12)
#define VOPF_TOP (1u << 13)
#define VOP_REGS(d, n, m) ((uint32_t)(d) | (uint32_t)(n) << 8 | (uint32_t)(m) << 16)

void helper_vfp(struct arm_cpu *cpu, uint32_t opw, uint32_t regs);
