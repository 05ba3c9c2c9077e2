@ fpu
@ vfp_fused_rounding.S -- single-precision fused multiply-adds whose exact
@ result lies just beside a rounding boundary of single precision, so that
@ rounding it to double first and then to single (double rounding) would give
@ another single: what the inline path for hosts without FMA3 must not do
@ (trans_vfp.c fused_single_sse). Also exact midpoints, exact cancellation,
@ sums carried into the next binade, and the same in all four rounding
@ modes. Traced against qemu-arm -cpu cortex-a15 with d0-d31 and FPSCR; no
@ hand-computed values. Run as is and as asm/vfp_fused_rounding-nofma.
#include "common.inc"

        .fpu vfpv4
        .macro LDS sreg, val
        ldr     r0, =\val
        vmov    \sreg, r0
        .endm
        @ s0 <- a; s0 += b * c (and the other three fused forms on copies)
        .macro FUSED a, b, c
        LDS     s1, \b
        LDS     s2, \c
        LDS     s0, \a
        vfma.f32 s0, s1, s2
        LDS     s3, \a
        vfms.f32 s3, s1, s2
        LDS     s4, \a
        vfnma.f32 s4, s1, s2
        LDS     s5, \a
        vfnms.f32 s5, s1, s2
        vmrs    r1, fpscr
        .endm
        .macro CASES
        @ (1 + 2^-23) + (1 + 2^-23) * 2^-24 (1 - 2^-23) = 1 + 2^-23 + 2^-24
        @ - 2^-70: just below a midpoint of singles, onto which it rounds in
        @ double (then ties to even would give 1 + 2^-22)
        FUSED   0x3f800001, 0x3f800001, 0x337ffffe
        FUSED   0xbf800001, 0x3f800001, 0xb37ffffe
        FUSED   0x3f800001, 0xbf800001, 0xb37ffffe
        @ (1 + 2^-23) * 2^-24: exact in double, not a midpoint
        FUSED   0x3f800001, 0x3f800001, 0x33800000
        FUSED   0x3f800000, 0x3f800001, 0x33800001
        @ an exact midpoint (ties to even)
        FUSED   0x3f800001, 0x3f800000, 0x33800000
        FUSED   0x3f800000, 0x3f800000, 0x33800000
        @ exact cancellation, near cancellation
        FUSED   0xbf800001, 0x3f800001, 0x3f800000
        FUSED   0xbf800002, 0x3f800001, 0x3f800001
        @ carry into the next binade, and towards the largest single
        FUSED   0x3fffffff, 0x3f800001, 0x33ffffff
        FUSED   0x7f7fffff, 0x7f000000, 0x33ffffff
        FUSED   0x7f7ffffe, 0x3f800001, 0x73ffffff
        @ product far below the addend, and addend far below the product
        FUSED   0x3f800001, 0x00000001, 0x00000001
        FUSED   0x00800001, 0x3f800001, 0x3f800001
        .endm

        TEST_BEGIN
        mov     r2, #0
        vmsr    fpscr, r2
        bl      cases
        mov     r2, #(1 << 22)          @ round towards plus infinity
        vmsr    fpscr, r2
        bl      cases
        mov     r2, #(2 << 22)          @ round towards minus infinity
        vmsr    fpscr, r2
        bl      cases
        mov     r2, #(3 << 22)          @ round towards zero
        vmsr    fpscr, r2
        bl      cases
        mov     r2, #(1 << 24)          @ flush to zero, nearest
        vmsr    fpscr, r2
        bl      cases
        TEST_END vfp_fused_rounding
        POOL

cases:  CASES
        bx      lr
        .ltorg
