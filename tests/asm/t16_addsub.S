@ t16_addsub.S -- T16 ADDS/SUBS Rd, Rn, Rm; ADDS/SUBS Rd, Rn, #imm3;
@ ADDS/SUBS Rdn, #imm8; MOVS Rd, #imm8; CMP Rn, #imm8 (A6.2.1): every flag
@ outcome (carry, borrow, signed overflow, zero), C and V kept by MOVS.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        @ register forms
        ldr     r1, =0x7fffffff
        movs    r2, #1
        adds    r0, r1, r2
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)     @ N V
        ldr     r3, =0xffffffff
        adds    r0, r3, r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)     @ Z C
        adds    r0, r3, r3
        CHECK(r0, 0xfffffffe)
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ N C
        ldr     r4, =0x80000000
        adds    r0, r4, r4
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)     @ Z C V
        movs    r5, #0
        subs    r0, r5, r2
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)     @ N, borrow: C = 0
        subs    r0, r2, r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)     @ Z C
        subs    r0, r4, r2
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)     @ C V
        subs    r0, r1, r3                  @ 0x7fffffff - (-1)
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)     @ N V, borrow
        subs    r7, r7, r7                  @ all three the same register
        CHECK(r7, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        @ imm3 forms
        ldr     r4, =0xfffffff9
        adds    r3, r4, #7
        CHECK(r3, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        adds    r3, r4, #0                  @ not MOVS: C and V are computed
        CHECK(r3, 0xfffffff9)
        CHECKPSR(NZCV_MASK, 0x80000000)
        movs    r4, #7
        subs    r3, r4, #7
        CHECK(r3, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        subs    r3, r4, #0
        CHECK(r3, 7)
        CHECKPSR(NZCV_MASK, 0x20000000)     @ x - 0: no borrow, C = 1
        ldr     r4, =0x80000000
        subs    r3, r4, #1
        CHECK(r3, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        subs    r4, r4, #3
        CHECK(r4, 0x7ffffffd)
        POOL
        @ MOVS #imm8: N Z from the value, C V unchanged
        SETPSR(0x30000000)
        movs    r5, #0
        CHECK(r5, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)
        SETPSR(0xf0000000)
        movs    r5, #255
        CHECK(r5, 255)
        CHECKPSR(NZCV_MASK, 0x30000000)
        SETPSR(0x00000000)
        movs    r6, #128
        CHECK(r6, 128)
        CHECKPSR(NZCV_MASK, 0x00000000)
        @ CMP #imm8
        cmp     r5, #255
        CHECKPSR(NZCV_MASK, 0x60000000)
        cmp     r5, #0
        CHECKPSR(NZCV_MASK, 0x20000000)
        cmp     r6, #129
        CHECKPSR(NZCV_MASK, 0x80000000)     @ 128 - 129: N, borrow
        ldr     r6, =0x80000000
        cmp     r6, #1
        CHECKPSR(NZCV_MASK, 0x30000000)
        CHECK(r6, 0x80000000)
        @ ADDS/SUBS Rdn, #imm8
        ldr     r6, =0xffffff01
        adds    r6, #255
        CHECK(r6, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r7, =0x7fffff80
        adds    r7, #128
        CHECK(r7, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        POOL
        ldr     r0, =0x100
        subs    r0, #255
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x20000000)
        subs    r0, #2
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        ldr     r1, =0x80000010
        subs    r1, #0x11
        CHECK(r1, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        adds    r2, #0
        CHECK(r2, 1)
        CHECKPSR(NZCV_MASK, 0x00000000)
        TEST_END t16_addsub
