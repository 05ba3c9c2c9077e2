@ bitfield.S -- UBFX/SBFX/BFI/BFC (edge widths and positions), CLZ,
@ REV/REV16/REVSH/RBIT, MOVW/MOVT.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x80f17f82
        ldr     r2, =0x12345678
        SETPSR(0xa0000000)
        ubfx    r0, r1, #0, #1
        CHECK(r0, 0)
        ubfx    r0, r1, #31, #1
        CHECK(r0, 1)
        ubfx    r0, r1, #0, #32
        CHECK(r0, 0x80f17f82)
        ubfx    r0, r1, #4, #12
        CHECK(r0, 0x7f8)
        ubfx    r0, r1, #20, #12
        CHECK(r0, 0x80f)
        sbfx    r0, r1, #20, #12
        CHECK(r0, 0xfffff80f)
        sbfx    r0, r1, #0, #8
        CHECK(r0, 0xffffff82)
        sbfx    r0, r1, #8, #8
        CHECK(r0, 0x7f)
        sbfx    r0, r1, #31, #1
        CHECK(r0, 0xffffffff)
        sbfx    r0, r1, #0, #32
        CHECK(r0, 0x80f17f82)
        sbfx    r0, r2, #1, #31
        CHECK(r0, 0x091a2b3c)
        mov     r3, r2
        bfi     r3, r1, #8, #8          @ insert low byte 0x82 at bits 8..15
        CHECK(r3, 0x12348278)
        mov     r3, r2
        bfi     r3, r1, #0, #32
        CHECK(r3, 0x80f17f82)
        mov     r3, r2
        bfi     r3, r1, #31, #1
        CHECK(r3, 0x12345678)
        bfi     r3, r1, #28, #4
        CHECK(r3, 0x22345678)
        mov     r3, r2
        bfc     r3, #4, #8
        CHECK(r3, 0x12345008)
        bfc     r3, #0, #32
        CHECK(r3, 0)
        mvn     r3, #0
        bfc     r3, #31, #1
        CHECK(r3, 0x7fffffff)
        bfi     r3, r3, #1, #31         @ Rd == Rn
        CHECK(r3, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)

        @ CLZ
        mov     r4, #0
        clz     r0, r4
        CHECK(r0, 32)
        clz     r0, r1
        CHECK(r0, 0)
        mov     r4, #1
        clz     r0, r4
        CHECK(r0, 31)
        clz     r0, r2
        CHECK(r0, 3)
        ldr     r4, =0x0000ffff
        clz     r0, r4
        CHECK(r0, 16)
        @ byte reversal
        rev     r0, r2
        CHECK(r0, 0x78563412)
        rev16   r0, r2
        CHECK(r0, 0x34127856)
        revsh   r0, r2
        CHECK(r0, 0x7856)
        revsh   r0, r1                  @ 0x827f sign-extended
        CHECK(r0, 0xffff827f)
        rbit    r0, r2
        CHECK(r0, 0x1e6a2c48)
        rbit    r0, r1
        CHECK(r0, 0x41fe8f01)
        rev     r0, r0
        rbit    r1, r1                  @ Rd == Rm
        CHECK(r1, 0x41fe8f01)
        @ MOVW / MOVT
        movw    r5, #0xffff
        CHECK(r5, 0xffff)
        movt    r5, #0x8000
        CHECK(r5, 0x8000ffff)
        movw    r5, #0x1234             @ clears the top half
        CHECK(r5, 0x1234)
        movt    r5, #0
        CHECK(r5, 0x1234)
        movt    r6, #0xabcd
        movw    r6, #0
        CHECK(r6, 0)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        @ conditional
        SETPSR(0x10000000)
        movwvs  r7, #0x5555
        movtvc  r7, #0x5555
        clzvs   r8, r7
        revvc   r8, r7
        rbitvs  r9, r7
        ubfxvs  r10, r7, #2, #5
        sbfxvc  r10, r7, #2, #5
        bfivs   r11, r7, #3, #3
        bfcvc   r11, #0, #1
        CHECK(r7, 0x5555)
        CHECK(r8, 17)
        CHECK(r9, 0xaaaa0000)
        CHECK(r10, 0x15)
        CHECK(r11, 0x28)
        TEST_END bitfield
