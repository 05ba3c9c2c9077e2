@ t16_extend.S -- T16 SXTH SXTB UXTH UXTB REV REV16 REVSH (ARMv6, A6.2.5):
@ sign/zero extension of both signs, byte reversal, flags untouched.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        SETPSR(0xf0000000)
        ldr     r1, =0x80ff7f81
        ldr     r2, =0x12348678
        sxth    r0, r1
        CHECK(r0, 0x00007f81)
        sxtb    r0, r1
        CHECK(r0, 0xffffff81)
        uxth    r0, r1
        CHECK(r0, 0x00007f81)
        uxtb    r0, r1
        CHECK(r0, 0x00000081)
        sxth    r3, r2
        CHECK(r3, 0xffff8678)
        sxtb    r3, r2
        CHECK(r3, 0x00000078)
        uxth    r3, r2
        CHECK(r3, 0x00008678)
        uxtb    r3, r2
        CHECK(r3, 0x00000078)
        CHECKPSR(NZCV_MASK, 0xf0000000)
        SETPSR(0x00000000)
        rev     r4, r1
        CHECK(r4, 0x817fff80)
        rev16   r4, r1
        CHECK(r4, 0xff80817f)
        revsh   r4, r1
        CHECK(r4, 0xffff817f)
        rev     r5, r2
        CHECK(r5, 0x78863412)
        rev16   r5, r2
        CHECK(r5, 0x34127886)
        revsh   r5, r2
        CHECK(r5, 0x00007886)
        CHECKPSR(NZCV_MASK, 0x00000000)
        POOL
        @ Rd == Rm
        mov     r6, r2
        rev     r6, r6
        CHECK(r6, 0x78863412)
        mov     r7, r1
        sxtb    r7, r7
        CHECK(r7, 0xffffff81)
        mov     r7, r1
        uxth    r7, r7
        CHECK(r7, 0x7f81)
        TEST_END t16_extend
