/* VFP arithmetic with ARM's results (not x86's): the exact path every VFP
 * instruction that can raise an exception takes today. Values are bit
 * patterns (single in the low 32 bits); fpscr is the guest's FPSCR, read for
 * its mode (RMode, FZ, DN, AHP) and updated with the cumulative flags. Pure
 * functions of their arguments: the unit test (tests/unit/test_vfp_arith.c)
 * checks them against vectors that qemu-arm produced.
 *
 * How: the operation itself runs on the host's SSE unit under the guest's
 * rounding mode (MXCSR set and restored inside one asm statement, so C code
 * never runs with it); what ARM does differently is done here around it:
 * NaN operands (ARM ARM FPProcessNaNs: first signalling NaN, then first
 * quiet NaN, quieted; the default NaN with DN), the default NaN of an
 * invalid operation (positive, where x86 makes a negative one), FZ (denormal
 * inputs and tiny outputs flushed to signed zero, IDC/UFC), and underflow
 * detected before rounding (x86 detects it after). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define FPSCR_IOC 0x01u
#define FPSCR_DZC 0x02u
#define FPSCR_OFC 0x04u
#define FPSCR_UFC 0x08u
#define FPSCR_IXC 0x10u
#define FPSCR_IDC 0x80u
#define FPSCR_RMODE_SHIFT 22
#define FPSCR_FZ (1u << 24)
#define FPSCR_DN (1u << 25)
#define FPSCR_AHP (1u << 26)
#define FPSCR_NZCV 0xf0000000u
/* The bits a VMSR writes on the CPU backstep mirrors (Cortex-A15, as
 * qemu-arm 7.2 -cpu cortex-a15 keeps them): NZCV QC AHP DN FZ RMode Stride
 * Len and the cumulative flags; trap enables (15:8) read as zero. */
#define FPSCR_WRITABLE 0xfff7009fu

enum vfp_op {
    VFP_ADD,  /* a + b */
    VFP_SUB,  /* a - b */
    VFP_MUL,  /* a * b */
    VFP_DIV,  /* a / b */
    VFP_SQRT, /* sqrt(a) */
    VFP_FMA,  /* a + b * c, one rounding (ARM FPMulAdd(addend a, b, c)) */
};

uint64_t vfp_arith(enum vfp_op op, bool dp, uint64_t a, uint64_t b, uint64_t c, uint32_t *fpscr);
/* VCVT between single and double; from_dp: the source is double. */
uint64_t vfp_cvt_fd(bool from_dp, uint64_t x, uint32_t *fpscr);
/* VCVT to a 32-bit integer (signed if sgn), towards zero if rz, else per
 * FPSCR: saturating, NaN -> 0 (IOC). */
uint32_t vfp_ftoi(bool dp, uint64_t x, bool sgn, bool rz, uint32_t *fpscr);
/* VCVT from a 32-bit integer. */
uint64_t vfp_itof(bool dp, uint32_t x, bool sgn, uint32_t *fpscr);
/* VCVT to fixed point (size 16 or 32 bits, fbits fraction bits, towards
 * zero), the result extended to the register's width (sign- or
 * zero-extended), and from fixed point (to nearest). */
uint64_t vfp_tofix(bool dp, uint64_t x, bool uns, unsigned size, unsigned fbits, uint32_t *fpscr);
uint64_t vfp_fromfix(bool dp, uint64_t x, bool uns, unsigned size, unsigned fbits, uint32_t *fpscr);
/* VCMP/VCMPE: sets FPSCR.NZCV (and IOC/IDC). */
void vfp_cmp(bool dp, uint64_t a, uint64_t b, bool signal_qnan, uint32_t *fpscr);
/* VCVTB/VCVTT: single <-> half precision (IEEE, or ARM's alternative
 * format when FPSCR.AHP). */
uint32_t vfp_f16_to_f32(uint32_t h, uint32_t *fpscr);
uint32_t vfp_f32_to_f16(uint32_t x, uint32_t *fpscr);
