@ t32_dp_shift.S -- T32 data processing with a shifted register (A6.3.11)
@ and register-controlled shifts (A6.3.12): every shift type and the
@ encodings' edge amounts (LSR/ASR #32, RRX), the shifter carry-out with S,
@ ORN/MVN/PKH, and LSL/LSR/ASR/ROR.W by register amounts of 0, 32 and more.
@ thumb2
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        ldr     r0, =0x80000001
        ldr     r1, =0x0000ff00
        add.w   r2, r1, r0, lsl #4
        CHECK(r2, 0x0000ff10)
        SETPSR(0x00000000)
        adds.w  r2, r1, r0, lsr #32         @ LSR #32: 0 (the carry-out is not used by ADD)
        CHECK(r2, 0x0000ff00)
        CHECKPSR(NZCV_MASK, 0x00000000)
        sub.w   r3, r1, r0, asr #32         @ ASR #32: all sign bits
        CHECK(r3, 0x0000ff01)
        SETPSR(0x20000000)
        eor.w   r4, r1, r0, rrx             @ RRX: C:r0>>1
        CHECK(r4, 0xc000ff00)
        SETPSR(0x00000000)
        movs.w  r5, r0, rrx                 @ C out = bit 0
        CHECK(r5, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        SETPSR(0x00000000)
        ands.w  r5, r0, r0, lsl #31         @ C out = bit 1 of r0 = 0
        CHECK(r5, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x80000000)
        orrs.w  r5, r1, r0, ror #1          @ C out = bit 0 of r0 = 1
        CHECK(r5, 0xc000ff00)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        SETPSR(0x00000000)
        bics.w  r6, r0, r0, asr #31         @ C out = bit 30 = 0
        CHECK(r6, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        mvns.w  r6, r1, lsr #8              @ C out = bit 7 = 0
        CHECK(r6, 0xffffff00)
        CHECKPSR(NZCV_MASK, 0x80000000)
        orn     r7, r1, r0
        CHECK(r7, 0x7ffffffe)
        orns    r7, r1, r1, lsl #16
        CHECK(r7, 0x00ffffff)
        CHECKPSR(NZCV_MASK, 0x00000000)
        teq.w   r0, r0, ror #1
        CHECKPSR(NZCV_MASK, 0x20000000)     @ 0x80000001 ^ 0xc0000000: N clear, C = bit 0
        tst.w   r0, r1, lsl #23
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ C = bit 9 of r1 = 1
        cmp.w   r1, r0, lsl #1
        CHECKPSR(NZCV_MASK, 0x20000000)     @ 0xff00 - 2
        cmn.w   r0, r0, asr #31
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ 0x80000001 + 0xffffffff = 0x80000000, carry
        SETPSR(0x20000000)
        adcs.w  r8, r1, r1, lsl #16
        CHECK(r8, 0xff00ff01)
        CHECKPSR(NZCV_MASK, 0x80000000)
        sbcs.w  r8, r1, r1                  @ C clear: -1
        CHECK(r8, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        rsbs.w  r8, r1, r1, lsl #8
        CHECK(r8, 0x00fe0100)
        CHECKPSR(NZCV_MASK, 0x20000000)
        mov.w   r9, r0
        CHECK(r9, 0x80000001)
        mov.w   r9, sp
        mov.w   r10, r9
        subs    r10, r10, r9
        CHECK(r10, 0)
        POOL
        @ PKHBT / PKHTB
        ldr     r2, =0x11112222
        ldr     r3, =0x33334444
        pkhbt   r4, r2, r3, lsl #16
        CHECK(r4, 0x44442222)
        pkhtb   r4, r2, r3, asr #16
        CHECK(r4, 0x11113333)
        pkhtb   r4, r2, r0, asr #31         @ ASR #31 of 0x80000001: 0xffffffff
        CHECK(r4, 0x1111ffff)
        @ register-specified shifts: amounts 0, 1, 31, 32, 33, 255, 256
        ldr     r5, =0x80000001
        movs    r6, #0
        SETPSR(0x20000000)
        lsls.w  r7, r5, r6                  @ by 0: value and C kept
        CHECK(r7, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r6, #1
        lsls.w  r7, r5, r6
        CHECK(r7, 2)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r6, #32
        lsls.w  r7, r5, r6                  @ C = bit 0
        CHECK(r7, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        movs    r6, #33
        lsls.w  r7, r5, r6
        CHECK(r7, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        movs    r6, #32
        lsrs.w  r7, r5, r6                  @ C = bit 31
        CHECK(r7, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        movs    r6, #255
        asrs.w  r7, r5, r6
        CHECK(r7, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov.w   r6, #256                    @ only Rs<7:0> counts: 0
        SETPSR(0x00000000)
        asrs.w  r7, r5, r6
        CHECK(r7, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x80000000)
        movs    r6, #33
        rors.w  r7, r5, r6
        CHECK(r7, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r6, #32
        rors.w  r7, r5, r6                  @ by 32: value kept, C = bit 31
        CHECK(r7, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r6, #4
        lsr.w   r8, r5, r6                  @ no S: flags kept (MOVS cleared N)
        CHECK(r8, 0x08000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        asr.w   r8, r5, r6
        CHECK(r8, 0xf8000000)
        ror.w   r8, r5, r6
        CHECK(r8, 0x18000000)
        TEST_END t32_dp_shift
