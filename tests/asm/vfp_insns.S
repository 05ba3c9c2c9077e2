@ fpu
@ vfp_insns.S -- every scalar VFP instruction form (VFPv4-D32) once or a
@ few times, with ordinary operands and some special ones, traced record by
@ record against qemu-arm -cpu cortex-a15 with the FP registers (d0-d31,
@ FPSCR) in every record. No hand-computed CHECKs: every expected value is
@ qemu-arm's.
#include "common.inc"

        .fpu vfpv4
        .macro LDS sreg, val
        ldr     r0, =\val
        vmov    \sreg, r0
        .endm
        .macro LDD dreg, hi, lo
        ldr     r0, =\lo
        ldr     r1, =\hi
        vmov    \dreg, r0, r1
        .endm

        TEST_BEGIN
        @ moves: immediate, register, core <-> single, scalar lanes, pairs
        vmov.f32 s0, #1.0
        vmov.f32 s1, #-0.125
        vmov.f64 d1, #31.0
        vmov.f64 d2, #-2.5
        vmov.f32 s6, s1
        vmov.f64 d4, d1
        vmov    r2, s0
        vmov    s7, r2
        vmov.32 d20[1], r2
        vmov.32 d21[0], r2
        vmov.32 r3, d20[1]
        vmov    r4, r5, d1
        vmov    d25, r5, r4
        vmov    r6, r8, s0, s1
        vmov    s30, s31, r8, r6
        vmov    d31, r4, r5
        vabs.f32 s8, s1
        vabs.f64 d5, d2
        vneg.f32 s9, s0
        vneg.f64 d6, d1
        POOL
        @ arithmetic, single and double
        LDS     s2, 0x40490fdb          @ pi
        LDS     s3, 0x402df854          @ e
        LDD     d8, 0x400921fb, 0x54442d18
        LDD     d9, 0x4005bf0a, 0x8b145769
        vadd.f32 s10, s2, s3
        vsub.f32 s11, s2, s3
        vmul.f32 s12, s2, s3
        vdiv.f32 s13, s2, s3
        vnmul.f32 s14, s2, s3
        vadd.f64 d10, d8, d9
        vsub.f64 d11, d8, d9
        vmul.f64 d12, d8, d9
        vdiv.f64 d13, d8, d9
        vnmul.f64 d14, d8, d9
        vsqrt.f32 s15, s2
        vsqrt.f64 d15, d8
        vmla.f32 s10, s2, s3
        vmls.f32 s11, s2, s3
        vnmla.f32 s12, s2, s3
        vnmls.f32 s13, s2, s3
        vmla.f64 d10, d8, d9
        vmls.f64 d11, d8, d9
        vnmla.f64 d12, d8, d9
        vnmls.f64 d13, d8, d9
        vfma.f32 s10, s2, s3
        vfms.f32 s11, s2, s3
        vfnma.f32 s12, s2, s3
        vfnms.f32 s13, s2, s3
        vfma.f64 d10, d8, d9
        vfms.f64 d11, d8, d9
        vfnma.f64 d12, d8, d9
        vfnms.f64 d13, d8, d9
        POOL
        @ high registers d16-d31
        vmov.f64 d16, #3.0
        vmov.f64 d17, #0.5
        vmul.f64 d30, d16, d17
        vdiv.f64 d31, d17, d16
        @ compares: VMRS APSR_nzcv then a conditional instruction
        mov     r9, #0
        vcmp.f32 s2, s3
        vmrs    APSR_nzcv, fpscr
        addgt   r9, r9, #1
        vcmpe.f64 d8, d9
        vmrs    APSR_nzcv, fpscr
        addlt   r9, r9, #2
        vcmp.f32 s2, #0
        vmrs    APSR_nzcv, fpscr
        vcmpe.f64 d2, #0
        vmrs    APSR_nzcv, fpscr
        vcmp.f64 d8, d8
        vmrs    APSR_nzcv, fpscr
        addeq   r9, r9, #4
        LDS     s4, 0x7fc00001          @ a quiet NaN
        vcmp.f32 s4, s2
        vmrs    APSR_nzcv, fpscr
        addvs   r9, r9, #8
        vmrs    r10, fpscr
        vcmpe.f32 s4, s2                @ VCMPE signals on a quiet NaN: IOC
        vmrs    r10, fpscr
        POOL
        @ conversions
        vcvt.f64.f32 d18, s2
        vcvt.f32.f64 s20, d9
        vcvt.s32.f32 s21, s2
        vcvt.u32.f64 s22, d2            @ negative -> 0, IOC
        vcvtr.s32.f32 s23, s3
        vcvtr.u32.f64 s24, d9
        ldr     r0, =-7
        vmov    s25, r0
        vcvt.f32.s32 s26, s25
        vcvt.f64.u32 d19, s25
        vcvt.f64.s32 d20, s25
        LDS     s27, 0x4e9502f9         @ 1.25e9
        vcvt.s32.f32 s27, s27
        LDS     s28, 0x3fc00000         @ 1.5
        vcvt.s16.f32 s28, s28, #4
        vcvt.f32.s16 s28, s28, #4
        vmov.f64 d22, #-1.5
        vcvt.s32.f64 d22, d22, #16
        vcvt.f64.s32 d22, d22, #16
        vmov.f64 d23, #2.5
        vcvt.u16.f64 d23, d23, #1
        vcvt.f64.u16 d23, d23, #3
        LDS     s29, 0x3f80a000
        vcvtb.f16.f32 s29, s29
        vcvtt.f16.f32 s29, s2
        vcvtb.f32.f16 s19, s29
        vcvtt.f32.f16 s18, s29
        POOL
        @ FPSCR: rounding modes, then back to RN
        vmrs    r10, fpscr
        ldr     r0, =0x00c00000         @ RZ
        vmsr    fpscr, r0
        vdiv.f32 s10, s2, s3
        vcvtr.s32.f32 s11, s3
        ldr     r0, =0x00400000         @ RP
        vmsr    fpscr, r0
        vdiv.f32 s10, s2, s3
        vcvtr.s32.f32 s11, s3
        ldr     r0, =0x00800000         @ RM
        vmsr    fpscr, r0
        vdiv.f32 s10, s2, s3
        vcvtr.s32.f32 s11, s3
        mvn     r0, #0
        bic     r0, r0, #0x00370000     @ every writable bit but Len/Stride
        vmsr    fpscr, r0
        vmrs    r10, fpscr
        mov     r0, #0
        vmsr    fpscr, r0
        POOL
        @ loads and stores: VLDR/VSTR, VLDM/VSTM, VPUSH/VPOP
        ldr     r11, =buf
        vstr    s2, [r11]
        vstr    d8, [r11, #8]
        vldr    s16, [r11]
        vldr    d24, [r11, #8]
        vstr    d9, [r11, #16]
        vldr    s17, [r11, #20]
        vldr    d26, fpconst
        vldr    s31, fpconst
        vstmia  r11, {d8-d11}
        vldmia  r11!, {d26-d29}
        vstmdb  r11!, {s0-s5}
        vldmia  r11, {s10-s15}
        vstmia  r11!, {d16-d31}
        vldmdb  r11!, {d0-d15}
        mov     r12, sp
        vpush   {d8-d9}
        vpush   {s3}
        vpop    {s5}
        vpop    {d0-d1}
        cmp     r12, sp
        bne     __check_failed
        fstmiax r11!, {d0-d2}
        fldmdbx r11!, {d3-d5}
        POOL
        TEST_END vfp_insns
        .balign 8
fpconst:
        .word   0x12345678, 0x3ff12345

        .bss
        .balign 8
buf:    .space  512
