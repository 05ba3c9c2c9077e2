@ saturate.S -- QADD/QSUB/QDADD/QDSUB, SSAT/USAT (with LSL/ASR operand
@ shifts), SSAT16/USAT16, and the sticky Q flag read back with MRS and
@ cleared with MSR APSR_nzcvq.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x7fffffff
        ldr     r2, =0x80000000
        mov     r3, #1
        ldr     r4, =0x40000000
        mov     r5, #200
        mvn     r6, #199                @ -200
        ldr     r7, =0x7fff8000
        ldr     r8, =0x12345678
        SETPSR(0)
        qadd    r0, r3, r3
        CHECK(r0, 2)
        CHECKPSR(Q_BIT, 0)
        qadd    r0, r1, r3
        CHECK(r0, 0x7fffffff)
        CHECKPSR(Q_BIT, Q_BIT)
        mrs     r9, APSR
        CHECK(r9, 0x08000010)
        mov     r9, #0
        msr     APSR_nzcvq, r9          @ clears Q
        CHECKPSR(Q_BIT, 0)
        qsub    r0, r2, r3
        CHECK(r0, 0x80000000)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        qsub    r0, r3, r2              @ 1 - INT_MIN saturates
        CHECK(r0, 0x7fffffff)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        qadd    r0, r2, r2
        CHECK(r0, 0x80000000)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0xf0000000)
        qsub    r0, r8, r3              @ no saturation, NZCV untouched
        CHECK(r0, 0x12345677)
        CHECKPSR(NZCV_MASK | Q_BIT, 0xf0000000)
        SETPSR(0)
        qdadd   r0, r3, r4              @ 1 + sat(2 * 0x40000000): Q from doubling
        CHECK(r0, 0x7fffffff)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        qdadd   r0, r3, r8              @ 1 + 0x2468acf0
        CHECK(r0, 0x2468acf1)
        CHECKPSR(Q_BIT, 0)
        qdsub   r0, r3, r4              @ 1 - 0x7fffffff
        CHECK(r0, 0x80000002)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        qdsub   r0, r2, r8              @ INT_MIN - 0x2468acf0 saturates
        CHECK(r0, 0x80000000)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        qdadd   r0, r2, r2
        CHECK(r0, 0x80000000)

        @ SSAT / USAT
        SETPSR(0)
        ssat    r0, #8, r5
        CHECK(r0, 127)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        ssat    r0, #8, r6
        CHECK(r0, 0xffffff80)
        ssat    r0, #32, r2             @ never saturates
        CHECK(r0, 0x80000000)
        SETPSR(0)
        ssat    r0, #9, r6              @ -200 fits in 9 bits
        CHECK(r0, 0xffffff38)
        CHECKPSR(Q_BIT, 0)
        ssat    r0, #1, r5              @ range -1..0
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        ssat    r0, #16, r5, lsl #8     @ 51200 > 32767
        CHECK(r0, 0x7fff)
        ssat    r0, #16, r7, asr #16    @ 0x7fff
        CHECK(r0, 0x7fff)
        ssat    r0, #16, r2, asr #31    @ -1
        CHECK(r0, 0xffffffff)
        ssat    r0, #24, r8, asr #8
        CHECK(r0, 0x00123456)
        ssat    r0, #12, r8, lsl #31
        ssat    r0, #16, r7, asr #32
        CHECK(r0, 0)
        SETPSR(0)
        usat    r0, #8, r6              @ negative -> 0
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        usat    r0, #8, r5
        CHECK(r0, 200)
        CHECKPSR(Q_BIT, 0)
        usat    r0, #7, r5
        CHECK(r0, 127)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        usat    r0, #0, r3              @ range 0..0
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        usat    r0, #31, r1
        CHECK(r0, 0x7fffffff)
        usat    r0, #31, r2, lsl #1     @ 0
        usat    r0, #16, r8, asr #4
        CHECK(r0, 0xffff)
        usat    r0, #16, r7, asr #32    @ 0 (sign of 0x7fff8000)
        usat    r0, #31, r2, asr #32
        CHECK(r0, 0)

        @ SSAT16 / USAT16
        SETPSR(0)
        ssat16  r0, #8, r7              @ 0x7fff -> 0x007f, 0x8000 -> 0xff80
        CHECK(r0, 0x007fff80)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        ssat16  r0, #16, r7
        CHECK(r0, 0x7fff8000)
        CHECKPSR(Q_BIT, 0)
        ssat16  r0, #1, r8
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        usat16  r0, #8, r7
        CHECK(r0, 0x00ff0000)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        usat16  r0, #15, r8
        CHECK(r0, 0x12345678)
        CHECKPSR(Q_BIT, 0)
        usat16  r0, #0, r8
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        @ conditional forms and Q via MSR
        ldr     r9, =0xf8000000
        msr     APSR_nzcvq, r9
        CHECKPSR(NZCV_MASK | Q_BIT, 0xf8000000)
        qaddne  r0, r1, r1
        ssateq  r10, #4, r8
        CHECK(r10, 7)
        usatvc  r10, #4, r8
        CHECK(r10, 7)
        mov     r9, #0
        msr     APSR_nzcvq, r9
        qdaddeq r0, r1, r1
        qdsubne r0, r1, r1
        CHECK(r0, 0)
        CHECKPSR(Q_BIT, Q_BIT)
        TEST_END saturate
