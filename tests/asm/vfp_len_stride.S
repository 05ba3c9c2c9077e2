@ fpu
@ vfp_len_stride.S -- FPSCR.Len/Stride on a CPU without short vectors
@ (Cortex-A15, qemu-arm -cpu cortex-a15): VMSR keeps them (they read back),
@ compares, conversions and transfers still run, and the forms VFPv2 made
@ short-vector operations (VADD ..., VMOV register/immediate, VABS, VNEG,
@ VSQRT, VFMA) are UNDEFINED: SIGILL.
@ expect-exit: -4
#include "common.inc"
        .fpu vfpv4
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #18
        mov     r7, #4
        svc     #0
        vmov.f32 s1, #1.5
        vmov.f32 s2, #-2.0
        ldr     r0, =0x00130000         @ Len = 3, Stride = 1
        vmsr    fpscr, r0
        vmrs    r3, fpscr
        vcmp.f32 s1, s2
        vmrs    APSR_nzcv, fpscr
        vcvt.f64.f32 d3, s1
        vcvt.s32.f32 s8, s2
        vmov    r4, s8
        vmov    s9, r4
        vadd.f32 s0, s1, s2             @ UNDEFINED with Len != 0
        TEST_END vfp_len_stride_not_reached
okmsg:  .ascii  "ok vfp_len_stride\n"
        .balign 4
