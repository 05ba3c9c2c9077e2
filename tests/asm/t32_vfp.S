@ t32_vfp.S -- VFP instructions in Thumb state: their T32 encodings (the A32
@ ones with 1110 in place of the condition) come from the same table,
@ arm/vfp.decode, decoded with the instruction set they were fetched in.
@ Only T16 code around them (no other Thumb-2 instruction, no IT block).
@ thumb
@ fpu
@ march: armv7-a
#include "thumb.inc"
        .fpu vfpv4
        .syntax unified
        TEST_BEGIN
        ldr     r1, =0x40490fdb         @ pi
        ldr     r2, =0x402df854         @ e
        vmov    s0, r1
        vmov    s1, r2
        vadd.f32 s2, s0, s1
        vmul.f32 s3, s0, s1
        vdiv.f32 s4, s0, s1
        vfma.f32 s4, s0, s1
        vcvt.f64.f32 d8, s2
        vsqrt.f64 d9, d8
        vmov.f64 d20, #0.5
        vmla.f64 d9, d20, d8
        vcmp.f64 d9, d8
        vmrs    APSR_nzcv, fpscr
        vcvt.s32.f64 s10, d9
        vmov    r3, s10
        vmov    r4, r5, d9
        ldr     r6, =buf
        vstr    d9, [r6]
        vldr    s12, [r6, #4]
        vpush   {d8-d9}
        vpop    {d10-d11}
        vldr    d12, tconst
        vmrs    r7, fpscr
        movs    r0, #0
        vmsr    fpscr, r0
        vmrs    r7, fpscr
        @ TEST_END's own code would assemble into T32 integer forms here
        @ (armv7-a): print and exit with T16 only.
        adr     r1, okmsg
        movs    r2, #11
        movs    r0, #1
        movs    r7, #4
        svc     #0
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .balign 4
okmsg:  .ascii  "ok t32_vfp\n"
        .balign 4
tconst: .word   0x9abcdef0, 0x3ff12345
        .ltorg
        TEST_RUNTIME
        .bss
        .balign 8
buf:    .space  16
