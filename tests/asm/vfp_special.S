@ fpu
@ compare: stdout
@ vfp_special.S -- every VFP operation on every pair of special operands
@ (+-0, +-Inf, quiet and signalling NaNs with payloads and signs,
@ denormals, smallest/largest normals, ties, results that round up to the
@ smallest normal) under the 4 rounding modes with FZ and DN set and clear
@ (16 FPSCR modes). Each case stores d0 and FPSCR (with the cumulative flags
@ of that one operation) into a buffer that is written to stdout once per
@ mode; the test passes when backstep's stdout is qemu-arm's byte for byte
@ (trace_diff.py `@ compare: stdout`: no trace; 16 modes x 60 operations x 576
@ operand pairs = 552960 cases).
#include "common.inc"

        .fpu vfpv4
        .equ NVALS, 24

        TEST_BEGIN
        mov     r4, #0                  @ mode: RMode = bits 1:0, FZ bit 2, DN bit 3
mode_loop:
        and     r0, r4, #3
        mov     r11, r0, lsl #22
        tst     r4, #4
        orrne   r11, r11, #(1 << 24)
        tst     r4, #8
        orrne   r11, r11, #(1 << 25)
        ldr     r8, =outbuf
        ldr     r5, =ops_s
        ldr     r9, =vals_s
        bl      run_ops_s
        ldr     r5, =ops_d
        ldr     r9, =vals_d
        bl      run_ops_d
        @ write(1, outbuf, r8 - outbuf)
        ldr     r1, =outbuf
        sub     r2, r8, r1
        mov     r0, #1
        mov     r7, #4
        svc     #0
        add     r4, r4, #1
        cmp     r4, #16
        blt     mode_loop
        b       finish

        @ r5: list of snippets (0-terminated), r9: values, r8: output
run_ops_s:
        push    {lr}
1:      ldr     r3, [r5], #4
        cmp     r3, #0
        popeq   {pc}
        mov     r6, #0
2:      mov     r10, #0
3:      ldr     r0, [r9, r6, lsl #2]
        vmov    s1, r0
        ldr     r0, [r9, r10, lsl #2]
        vmov    s2, r0
        add     r0, r6, r10
        cmp     r0, #NVALS
        subge   r0, r0, #NVALS
        ldr     r0, [r9, r0, lsl #2]
        vmov    s0, r0
        vmsr    fpscr, r11
        blx     r3
        vmrs    r0, fpscr
        vstr    d0, [r8]
        str     r0, [r8, #8]
        str     r6, [r8, #12]
        add     r8, r8, #16
        add     r10, r10, #1
        cmp     r10, #NVALS
        blt     3b
        add     r6, r6, #1
        cmp     r6, #NVALS
        blt     2b
        b       1b

run_ops_d:
        push    {lr}
1:      ldr     r3, [r5], #4
        cmp     r3, #0
        popeq   {pc}
        mov     r6, #0
2:      mov     r10, #0
3:      add     r0, r9, r6, lsl #3
        vldr    d1, [r0]
        add     r0, r9, r10, lsl #3
        vldr    d2, [r0]
        add     r0, r6, r10
        cmp     r0, #NVALS
        subge   r0, r0, #NVALS
        add     r0, r9, r0, lsl #3
        vldr    d0, [r0]
        vmsr    fpscr, r11
        blx     r3
        vmrs    r0, fpscr
        vstr    d0, [r8]
        str     r0, [r8, #8]
        str     r6, [r8, #12]
        add     r8, r8, #16
        add     r10, r10, #1
        cmp     r10, #NVALS
        blt     3b
        add     r6, r6, #1
        cmp     r6, #NVALS
        blt     2b
        b       1b

        .macro OP name, insns:vararg
\name:  \insns
        bx      lr
        .endm

        OP s_add, vadd.f32 s0, s1, s2
        OP s_sub, vsub.f32 s0, s1, s2
        OP s_mul, vmul.f32 s0, s1, s2
        OP s_div, vdiv.f32 s0, s1, s2
        OP s_nmul, vnmul.f32 s0, s1, s2
        OP s_mla, vmla.f32 s0, s1, s2
        OP s_mls, vmls.f32 s0, s1, s2
        OP s_nmla, vnmla.f32 s0, s1, s2
        OP s_nmls, vnmls.f32 s0, s1, s2
        OP s_fma, vfma.f32 s0, s1, s2
        OP s_fms, vfms.f32 s0, s1, s2
        OP s_fnma, vfnma.f32 s0, s1, s2
        OP s_fnms, vfnms.f32 s0, s1, s2
        OP s_sqrt, vsqrt.f32 s0, s1
        OP s_abs, vabs.f32 s0, s1
        OP s_neg, vneg.f32 s0, s1
        OP s_cmp, vcmp.f32 s1, s2
        OP s_cmpe, vcmpe.f32 s1, s2
        OP s_cmpz, vcmpe.f32 s1, #0
        OP s_tod, vcvt.f64.f32 d0, s1
        OP s_tos32, vcvt.s32.f32 s0, s1
        OP s_tou32, vcvt.u32.f32 s0, s1
        OP s_tos32r, vcvtr.s32.f32 s0, s1
        OP s_tou32r, vcvtr.u32.f32 s0, s1
        OP s_froms32, vcvt.f32.s32 s0, s1
        OP s_fromu32, vcvt.f32.u32 s0, s1
s_tofix:  vmov.f32 s0, s1
        vcvt.s16.f32 s0, s0, #4
        bx      lr
s_toufix:  vmov.f32 s0, s1
        vcvt.u32.f32 s0, s0, #8
        bx      lr
s_fromfix:  vmov.f32 s0, s1
        vcvt.f32.s32 s0, s0, #20
        bx      lr
s_fromufix:  vmov.f32 s0, s1
        vcvt.f32.u16 s0, s0, #3
        bx      lr
        OP s_toh, vcvtb.f16.f32 s0, s1
        OP s_toht, vcvtt.f16.f32 s0, s1
        OP s_fromh, vcvtb.f32.f16 s0, s1
        OP s_fromht, vcvtt.f32.f16 s0, s1

        OP d_add, vadd.f64 d0, d1, d2
        OP d_sub, vsub.f64 d0, d1, d2
        OP d_mul, vmul.f64 d0, d1, d2
        OP d_div, vdiv.f64 d0, d1, d2
        OP d_nmul, vnmul.f64 d0, d1, d2
        OP d_mla, vmla.f64 d0, d1, d2
        OP d_mls, vmls.f64 d0, d1, d2
        OP d_nmla, vnmla.f64 d0, d1, d2
        OP d_nmls, vnmls.f64 d0, d1, d2
        OP d_fma, vfma.f64 d0, d1, d2
        OP d_fms, vfms.f64 d0, d1, d2
        OP d_fnma, vfnma.f64 d0, d1, d2
        OP d_fnms, vfnms.f64 d0, d1, d2
        OP d_sqrt, vsqrt.f64 d0, d1
        OP d_cmp, vcmp.f64 d1, d2
        OP d_cmpe, vcmpe.f64 d1, d2
        OP d_cmpz, vcmp.f64 d1, #0
        OP d_tos, vcvt.f32.f64 s0, d1
        OP d_tos32, vcvt.s32.f64 s0, d1
        OP d_tou32, vcvt.u32.f64 s0, d1
        OP d_tos32r, vcvtr.s32.f64 s0, d1
        OP d_tou32r, vcvtr.u32.f64 s0, d1
        OP d_froms32, vcvt.f64.s32 d0, s2
        OP d_fromu32, vcvt.f64.u32 d0, s3
d_tofix:  vmov.f64 d0, d1
        vcvt.s32.f64 d0, d0, #12
        bx      lr
d_toufix:  vmov.f64 d0, d1
        vcvt.u16.f64 d0, d0, #2
        bx      lr

        .ltorg
        .balign 4
ops_s:  .word s_add, s_sub, s_mul, s_div, s_nmul, s_mla, s_mls, s_nmla, s_nmls
        .word s_fma, s_fms, s_fnma, s_fnms, s_sqrt, s_abs, s_neg, s_cmp, s_cmpe, s_cmpz
        .word s_tod, s_tos32, s_tou32, s_tos32r, s_tou32r, s_froms32, s_fromu32
        .word s_tofix, s_toufix, s_fromfix, s_fromufix, s_toh, s_toht, s_fromh, s_fromht, 0
ops_d:  .word d_add, d_sub, d_mul, d_div, d_nmul, d_mla, d_mls, d_nmla, d_nmls
        .word d_fma, d_fms, d_fnma, d_fnms, d_sqrt, d_cmp, d_cmpe, d_cmpz
        .word d_tos, d_tos32, d_tou32, d_tos32r, d_tou32r, d_froms32, d_fromu32
        .word d_tofix, d_toufix, 0

vals_s: .word 0x00000000, 0x80000000, 0x3f800000, 0xbfc00000   @ +0 -0 1 -1.5
        .word 0x00000001, 0x807fffff, 0x00800000, 0x80800000   @ denormals, smallest normals
        .word 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000   @ largest normals, Inf
        .word 0x7fc00000, 0x7fc12345, 0xffc54321, 0x7f800001   @ quiet NaNs, signalling NaN
        .word 0x7fa00005, 0xff812345, 0x3f800001, 0x33800000   @ signalling NaNs, 1+ulp, 2^-24
        .word 0x3f7fffff, 0x00c00000, 0x4f000000, 0x477fe000   @ 1-ulp, 1.5*min normal, 2^31, 65504
vals_d: .word 0x00000000, 0x00000000, 0x00000000, 0x80000000   @ +0 -0
        .word 0x00000000, 0x3ff00000, 0x00000000, 0xbff80000   @ 1 -1.5
        .word 0x00000001, 0x00000000, 0xffffffff, 0x800fffff   @ denormals
        .word 0x00000000, 0x00100000, 0x00000000, 0x80100000   @ smallest normals
        .word 0xffffffff, 0x7fefffff, 0xffffffff, 0xffefffff   @ largest normals
        .word 0x00000000, 0x7ff00000, 0x00000000, 0xfff00000   @ Inf
        .word 0x00000000, 0x7ff80000, 0x12345678, 0x7ff80000   @ quiet NaNs
        .word 0x87654321, 0xfff80001, 0x00000001, 0x7ff00000   @ quiet NaN, signalling NaN
        .word 0x00000005, 0x7ff40000, 0x12345678, 0xfff00001   @ signalling NaNs
        .word 0x00000001, 0x3ff00000, 0x00000000, 0x3ca00000   @ 1+ulp, 2^-53
        .word 0xffffffff, 0x3fefffff, 0x00000000, 0x00180000   @ 1-ulp, 1.5*min normal
        .word 0x00000000, 0x41e00000, 0xffe00000, 0x41efffff   @ 2^31, 2^32-1

finish:
        TEST_END vfp_special

        .bss
        .balign 8
outbuf: .space  16 * NVALS * NVALS * 64
