/* a + b * c with one rounding, in integer arithmetic: the fused
 * multiply-add for hosts without FMA3 (base/host_cpu.h). */
#ifndef TRANSLATOR_VFP_SOFTFMA_H
#define TRANSLATOR_VFP_SOFTFMA_H

#include <stdbool.h>
#include <stdint.h>

/* What vfmadd231s{d,s} computes into a (x += y * z with x = a, y = b, z = c)
 * with MXCSR = all exceptions masked, rounding control rc (0 nearest even,
 * 1 down, 2 up, 3 towards zero), DAZ and FTZ off: the result's bits (single:
 * the low 32 bits of a, b, c and of the result) and, in *xf, MXCSR's flags
 * IE, OE and PE as the instruction raises them. UE is not reported (the
 * caller, vfp_arith.c, decides tininess itself). Precondition: no operand
 * is a NaN (ARM's NaN rules are applied before; a NaN gives the x86
 * default NaN with IE here). */
uint64_t vfp_soft_fma(bool dp, uint64_t a, uint64_t b, uint64_t c, unsigned rc, unsigned *xf);

#endif
