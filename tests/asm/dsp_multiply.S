@ dsp_multiply.S -- halfword and DSP multiplies: SMULxy, SMLAxy (Q on
@ accumulate overflow), SMULWy, SMLAWy, SMLALxy, SMUAD(X), SMUSD(X), SMLAD(X),
@ SMLSD(X), SMLALD(X), SMLSLD(X), SMMUL(R), SMMLA(R), SMMLS(R).
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x80007fff         @ top -32768, bottom 32767
        ldr     r2, =0x7fff8000         @ top 32767, bottom -32768
        ldr     r3, =0x40000000
        ldr     r4, =0x80008000
        ldr     r5, =0x12345678
        ldr     r6, =0xfedcba98
        ldr     r7, =0x7fffffff
        SETPSR(0)
        smulbb  r0, r1, r2
        CHECK(r0, 0xc0008000)
        smultt  r0, r1, r2
        CHECK(r0, 0xc0008000)
        smulbt  r0, r1, r2
        CHECK(r0, 0x3fff0001)
        smultb  r0, r1, r2
        CHECK(r0, 0x40000000)
        smulbb  r0, r5, r6
        smultt  r0, r5, r6
        CHECKPSR(Q_BIT, 0)
        @ SMLAxy: Q set on signed overflow of the addition, never cleared
        smlabb  r0, r1, r2, r3
        CHECK(r0, 0x00008000)
        CHECKPSR(Q_BIT, 0)
        smlatb  r0, r1, r2, r3          @ 0x40000000 + 0x40000000 overflows
        CHECK(r0, 0x80000000)
        CHECKPSR(Q_BIT, Q_BIT)
        smlabt  r0, r5, r6, r7
        CHECKPSR(Q_BIT, Q_BIT)          @ Q is sticky
        SETPSR(0xf0000000)
        smlatt  r0, r1, r2, r7          @ 0x7fffffff + 0xc0008000: no overflow
        CHECK(r0, 0x40007fff)
        CHECKPSR(NZCV_MASK | Q_BIT, 0xf0000000)
        SETPSR(0)
        @ SMULWy / SMLAWy: (32 x 16) >> 16
        smulwb  r0, r5, r6
        CHECK(r0, 0xfb107f6e)
        smulwt  r0, r5, r6
        CHECK(r0, 0xffeb3c4d)
        smulwb  r0, r1, r2
        smulwt  r0, r7, r2
        CHECK(r0, 0x3fff7fff)
        smlawb  r0, r7, r2, r3
        smlawt  r0, r7, r2, r3          @ 0x3fff7fff + 0x40000000: no overflow
        CHECK(r0, 0x7fff7fff + 0)
        CHECKPSR(Q_BIT, 0)
        smlawt  r0, r7, r2, r7          @ overflows
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        @ SMLALxy: 64-bit accumulate, no flags
        mvn     r8, #0
        mov     r9, #0
        smlalbb r8, r9, r1, r2          @ 0xffffffff + (-1073709056)
        CHECK(r8, 0xc0007fff)
        CHECK(r9, 0)
        smlaltt r8, r9, r5, r6
        smlalbt r8, r9, r1, r1
        smlaltb r8, r9, r4, r4
        CHECKPSR(Q_BIT, 0)
        @ dual multiplies
        smuad   r0, r5, r6
        smuadx  r0, r5, r6
        smuad   r0, r4, r4              @ 2 * 0x40000000 overflows: Q
        CHECK(r0, 0x80000000)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        smusd   r0, r4, r4              @ 0
        CHECK(r0, 0)
        smusdx  r0, r1, r2
        smusd   r0, r1, r2              @ bb - tt = 32767*-32768 - (-32768*32767) = 0
        CHECK(r0, 0)
        smusdx  r0, r5, r6
        smlad   r0, r5, r6, r7
        CHECKPSR(Q_BIT, 0)
        smladx  r0, r1, r2, r3          @ 0x3fff0001 + 0x40000000 + 0x40000000: Q
        CHECK(r0, 0xbfff0001)
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        smlad   r0, r1, r2, r3          @ 2 * -0x3fff8000 + 0x40000000
        CHECK(r0, 0xc0010000)
        CHECKPSR(Q_BIT, 0)
        smlad   r0, r4, r4, r3          @ 0x80000000 intermediate + acc: Q
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        smlsd   r0, r5, r6, r7
        CHECKPSR(Q_BIT, 0)
        smlsdx  r0, r5, r6, r7          @ 0x7fffffff + 76335168 overflows: Q
        CHECKPSR(Q_BIT, Q_BIT)
        SETPSR(0)
        smlsd   r0, r1, r2, r7
        CHECK(r0, 0x7fffffff)
        smlsdx  r0, r1, r1, r7          @ b*t - t*b = 0
        CHECK(r0, 0x7fffffff)
        CHECKPSR(Q_BIT, 0)
        @ 64-bit dual accumulate
        mvn     r8, #0
        ldr     r9, =0x7fffffff
        smlald  r8, r9, r4, r4          @ + 0x80000000
        CHECK(r8, 0x7fffffff)
        CHECK(r9, 0x80000000)
        smlaldx r8, r9, r5, r6
        smlsld  r8, r9, r5, r6
        smlsldx r8, r9, r1, r2
        mov     r8, #0
        mov     r9, #0
        smlsld  r8, r9, r1, r2          @ bb - tt = 0
        CHECK(r8, 0)
        CHECK(r9, 0)
        smlsldx r8, r9, r2, r1          @ b2*t1 - t2*b1 = (-32768*-32768) - (32767*32767)
        CHECK(r8, 0x0000ffff)
        CHECK(r9, 0)
        POOL
        @ most significant word multiplies
        smmul   r0, r5, r6
        smmulr  r0, r5, r6
        smmul   r0, r3, r3              @ 2^60 >> 32
        CHECK(r0, 0x10000000)
        smmul   r0, r7, r7
        CHECK(r0, 0x3fffffff)
        smmulr  r0, r7, r7              @ 0x3fffffff_00000001 + 0x80000000
        CHECK(r0, 0x3fffffff)
        ldr     r10, =0x80000001
        smmulr  r0, r10, r10            @ 0x3fffffff_00000001
        CHECK(r0, 0x3fffffff)
        ldr     r11, =0xc0000000
        smmulr  r0, r11, r10            @ -2^30 * (-2^31 + 1)
        smmla   r0, r5, r6, r7
        smmlar  r0, r5, r6, r7
        smmla   r0, r3, r3, r1
        CHECK(r0, 0x90007fff)
        smmls   r0, r5, r6, r7
        smmlsr  r0, r5, r6, r7
        smmls   r0, r3, r3, r1          @ 0x80007fff_00000000 - 2^60
        CHECK(r0, 0x70007fff)
        mov     r12, #0
        smmlsr  r0, r7, r7, r12         @ (0 - 0x3fffffff_00000001 + 0x80000000) >> 32
        CHECK(r0, 0xc0000000 + 1)
        @ conditional forms
        SETPSR(0x80000000)
        smulbbmi r0, r5, r5
        smulbbpl r0, r6, r6
        smladmi  r0, r5, r6, r7
        smmulpl  r0, r5, r5
        smlalbbpl r8, r9, r5, r5
        CHECKPSR(Q_BIT, 0)
        TEST_END dsp_multiply
