@ t32_mul_media.S -- T32 multiplies (A6.3.16, A6.3.17), SDIV/UDIV (A8.8.165,
@ A8.8.248: divide by zero gives 0, INT_MIN / -1 gives INT_MIN), halfword,
@ word-by-halfword, dual and most-significant-word multiplies, USAD8,
@ saturation (Q), parallel add with GE and SEL, extends with rotation,
@ bitfields, REV/RBIT/CLZ and QADD: the A32 semantic functions through the
@ T32 encodings. Expected values from the ARM ARM pseudocode, worked out
@ with exact integer arithmetic.
@ thumb2
@ march: armv7ve
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        ldr     r0, =0x12345678
        ldr     r1, =0x9abcdef0
        ldr     r11, =0x11111111
        ldr     r12, =0x22222222
        mul.w   r2, r0, r1
        CHECK(r2, 0x242d2080)
        mla     r3, r0, r1, r0
        CHECK(r3, 0x366176f8)
        mls     r3, r0, r1, r0
        CHECK(r3, 0xee0735f8)
        umull   r2, r3, r0, r1
        CHECK(r2, 0x242d2080)
        CHECK(r3, 0x0b00ea4e)
        smull   r2, r3, r0, r1
        CHECK(r3, 0xf8cc93d6)
        mov     r2, r12
        mov     r3, r11
        smlal   r2, r3, r0, r1
        CHECK(r2, 0x464f42a2)
        CHECK(r3, 0x09dda4e7)
        mov     r2, r12
        mov     r3, r11
        umlal   r2, r3, r0, r1
        CHECK(r2, 0x464f42a2)
        CHECK(r3, 0x1c11fb5f)
        mov     r2, r11
        mov     r3, r12
        umaal   r2, r3, r0, r1
        CHECK(r2, 0x576053b3)
        CHECK(r3, 0x0b00ea4e)
        POOL
        @ divides
        movs    r4, #7
        sdiv    r2, r1, r4
        CHECK(r2, 0xf188b223)
        udiv    r2, r1, r4
        CHECK(r2, 0x161afb46)
        movs    r4, #0
        sdiv    r2, r1, r4
        CHECK(r2, 0)
        udiv    r2, r1, r4
        CHECK(r2, 0)
        mov.w   r5, #0x80000000
        mov.w   r4, #-1
        sdiv    r2, r5, r4
        CHECK(r2, 0x80000000)
        @ halfword and word-by-halfword multiplies
        smulbb  r2, r0, r1
        CHECK(r2, 0xf4d52080)
        smultt  r2, r0, r1
        CHECK(r2, 0xf8cca630)
        smulbt  r2, r0, r1
        CHECK(r2, 0xddcbb020)
        smlabb  r2, r0, r1, r0
        CHECK(r2, 0x070976f8)
        smulwb  r2, r0, r1
        CHECK(r2, 0xfda61d95)
        smulwt  r2, r0, r1
        CHECK(r2, 0xf8cc83fb)
        smuad   r2, r0, r1
        CHECK(r2, 0xeda1c6b0)
        smusd   r2, r0, r1
        CHECK(r2, 0xfc087a50)
        smuadx  r2, r0, r1
        CHECK(r2, 0xdb71d8e0)
        smmul   r2, r0, r1
        CHECK(r2, 0xf8cc93d6)
        smmulr  r2, r0, r1
        CHECK(r2, 0xf8cc93d6)
        smmla   r2, r0, r1, r11
        CHECK(r2, 0x09dda4e7)
        smmls   r2, r0, r1, r11
        CHECK(r2, 0x18447d3a)
        usad8   r2, r0, r1
        CHECK(r2, 0x210)
        usada8  r2, r0, r1, r11
        CHECK(r2, 0x11111321)
        POOL
        mov     r2, r12
        mov     r3, r11
        smlalbb r2, r3, r0, r1
        CHECK(r2, 0x16f742a2)
        CHECK(r3, 0x11111111)
        mov     r2, r12
        mov     r3, r11
        smlald  r2, r3, r0, r1
        CHECK(r2, 0x0fc3e8d2)
        CHECK(r3, 0x11111111)
        mov     r2, r12
        mov     r3, r11
        smlsld  r2, r3, r0, r1
        CHECK(r2, 0x1e2a9c72)
        CHECK(r3, 0x11111111)
        @ saturation and Q
        SETPSR(0)
        ssat    r2, #16, r0, asr #16
        CHECK(r2, 0x1234)
        CHECKPSR(0x08000000, 0)
        ssat    r2, #8, r0
        CHECK(r2, 0x7f)
        CHECKPSR(0x08000000, 0x08000000)
        SETPSR(0)
        usat    r2, #8, r1
        CHECK(r2, 0)
        CHECKPSR(0x08000000, 0x08000000)
        SETPSR(0)
        ldr     r4, =0x7fffffff
        movs    r5, #1
        qadd    r2, r4, r5
        CHECK(r2, 0x7fffffff)
        CHECKPSR(0x08000000, 0x08000000)
        qadd    r2, r0, r0
        CHECK(r2, 0x2468acf0)
        POOL
        @ parallel add with GE, SEL
        uadd8   r2, r0, r1
        CHECK(r2, 0xacf03468)
        sel     r3, r0, r1
        CHECK(r3, 0x9abc5678)
        @ extends, bitfields, byte reversal
        uxtah   r2, r0, r1, ror #8
        CHECK(r2, 0x12351356)
        sxtb.w  r2, r1, ror #16
        CHECK(r2, 0xffffffbc)
        uxtb16  r2, r1
        CHECK(r2, 0x00bc00f0)
        mov.w   r2, #-1
        bfi     r2, r0, #8, #12
        CHECK(r2, 0xfff678ff)
        bfc     r2, #0, #4
        CHECK(r2, 0xfff678f0)
        ubfx    r3, r1, #4, #12
        CHECK(r3, 0xdef)
        sbfx    r3, r1, #28, #4
        CHECK(r3, 0xfffffff9)
        rev.w   r2, r0
        CHECK(r2, 0x78563412)
        rev16.w r2, r0
        CHECK(r2, 0x34127856)
        revsh.w r2, r1
        CHECK(r2, 0xfffff0de)
        rbit    r2, r0
        CHECK(r2, 0x1e6a2c48)
        clz     r2, r0
        CHECK(r2, 3)
        TEST_END t32_mul_media
