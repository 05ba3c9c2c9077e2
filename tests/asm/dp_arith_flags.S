@ dp_arith_flags.S -- ADD/ADC/SUB/SBC/RSB/RSC/CMP/CMN/TST/TEQ with carry in
@ and out and overflow edges (0x7fffffff+1, 0x80000000-1, 0-0 with C set and
@ clear), and the S forms of every data-processing opcode.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x7fffffff
        ldr     r2, =0x80000000
        mov     r3, #1
        mov     r4, #0
        mvn     r5, #0                  @ 0xffffffff

        SETPSR(0)
        adds    r0, r1, r3              @ 0x7fffffff + 1: N V
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        subs    r0, r2, r3              @ 0x80000000 - 1: C (no borrow) V
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        subs    r0, r4, r4              @ 0 - 0: Z C
        CHECKPSR(NZCV_MASK, 0x60000000)
        adds    r0, r5, r3              @ 0xffffffff + 1: Z C
        CHECKPSR(NZCV_MASK, 0x60000000)
        adds    r0, r2, r2              @ 0x80000000 * 2: Z C V
        CHECKPSR(NZCV_MASK, 0x70000000)
        subs    r0, r3, r3, lsl #1      @ 1 - 2: N, borrow so C clear
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)

        @ ADC with carry in clear / set
        SETPSR(0)
        adcs    r0, r1, r4              @ 0x7fffffff + 0 + 0
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x00000000)
        SETPSR(0x20000000)
        adcs    r0, r1, r4              @ 0x7fffffff + 0 + 1: N V
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        SETPSR(0x20000000)
        adcs    r0, r5, r4              @ 0xffffffff + 0 + 1: Z C
        CHECKPSR(NZCV_MASK, 0x60000000)
        SETPSR(0x20000000)
        adcs    r0, r5, r5              @ 0xffffffff*2 + 1 = 0x1ffffffff: N C
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        SETPSR(0x20000000)
        adcs    r0, r2, r5              @ 0x80000000 + 0xffffffff + 1 = 0x180000000: N C
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)

        @ SBC: a - b - !C
        SETPSR(0x20000000)
        sbcs    r0, r4, r4              @ 0 - 0 - 0: Z C
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        SETPSR(0)
        sbcs    r0, r4, r4              @ 0 - 0 - 1: N, borrow
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        SETPSR(0)
        sbcs    r0, r2, r4              @ 0x80000000 - 0 - 1: C V
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        SETPSR(0x20000000)
        sbcs    r0, r2, r4              @ 0x80000000 - 0: N C
        CHECKPSR(NZCV_MASK, 0xa0000000)
        SETPSR(0)
        sbcs    r0, r4, r5              @ 0 - 0xffffffff - 1 = 0: Z, borrow
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        SETPSR(0)
        sbcs    r0, r1, r5              @ 0x7fffffff - (-1) - 1 = 0x7fffffff, borrow
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x00000000)

        @ RSB / RSC
        SETPSR(0)
        rsbs    r0, r3, #0              @ -1
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        rsbs    r0, r4, #0              @ 0 - 0: Z C
        CHECKPSR(NZCV_MASK, 0x60000000)
        rsbs    r0, r2, #0              @ -INT_MIN: N V
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        rsbs    r0, r3, r2              @ 0x80000000 - 1: C V
        CHECKPSR(NZCV_MASK, 0x30000000)
        SETPSR(0)
        rscs    r0, r4, r4              @ 0 - 0 - 1
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        SETPSR(0x20000000)
        rscs    r0, r4, r4              @ 0 - 0 - 0
        CHECKPSR(NZCV_MASK, 0x60000000)
        SETPSR(0x20000000)
        rscs    r0, r3, r2              @ 0x80000000 - 1: C V
        CHECKPSR(NZCV_MASK, 0x30000000)
        SETPSR(0)
        rscs    r0, r5, #0              @ 0 - 0xffffffff - 1 = 0: Z
        CHECKPSR(NZCV_MASK, 0x40000000)

        @ CMP/CMN/TST/TEQ
        cmp     r1, r2                  @ 0x7fffffff - 0x80000000: N V
        CHECKPSR(NZCV_MASK, 0x90000000)
        cmp     r2, r1                  @ C V
        CHECKPSR(NZCV_MASK, 0x30000000)
        cmp     r4, #0
        CHECKPSR(NZCV_MASK, 0x60000000)
        cmp     r3, r5                  @ 1 - (-1): borrow
        CHECKPSR(NZCV_MASK, 0x00000000)
        cmn     r1, r3
        CHECKPSR(NZCV_MASK, 0x90000000)
        cmn     r5, r3
        CHECKPSR(NZCV_MASK, 0x60000000)
        cmn     r2, r2
        CHECKPSR(NZCV_MASK, 0x70000000)
        SETPSR(0x30000000)
        tst     r1, r2                  @ Z, C and V kept
        CHECKPSR(NZCV_MASK, 0x70000000)
        teq     r5, r2                  @ 0x7fffffff
        CHECKPSR(NZCV_MASK, 0x30000000)
        teq     r2, r3
        CHECKPSR(NZCV_MASK, 0xb0000000)
        cmp     r3, #0x80000000
        cmn     r3, #0x80000000
        cmp     r1, #1
        CHECKPSR(NZCV_MASK, 0x20000000)

        @ non-S forms leave the flags alone
        SETPSR(0xf0000000)
        add     r6, r1, r3
        sub     r6, r4, r3
        adc     r6, r5, r5
        CHECK(r6, 0xffffffff)
        sbc     r6, r4, r4
        CHECK(r6, 0)
        rsc     r6, r3, r4
        CHECK(r6, 0xffffffff)
        rsb     r6, r3, r4
        and     r6, r5, r2
        orr     r6, r4, r3
        eor     r6, r5, r3
        bic     r6, r5, r3
        mvn     r6, r3
        CHECKPSR(NZCV_MASK, 0xf0000000)

        @ S forms of all logical opcodes (C unchanged with an unshifted register)
        SETPSR(0x30000000)
        ands    r7, r5, r2
        CHECKPSR(NZCV_MASK, 0xb0000000)
        eors    r7, r5, r5
        CHECKPSR(NZCV_MASK, 0x70000000)
        orrs    r7, r4, r4
        CHECKPSR(NZCV_MASK, 0x70000000)
        bics    r7, r5, r1
        CHECKPSR(NZCV_MASK, 0xb0000000)
        movs    r7, r4
        CHECKPSR(NZCV_MASK, 0x70000000)
        mvns    r7, r4
        CHECKPSR(NZCV_MASK, 0xb0000000)

        @ wide carry chain: 64-bit add and subtract
        ldr     r8, =0xffffffff
        ldr     r9, =0x00000001
        ldr     r10, =0x00000001
        ldr     r11, =0x7fffffff
        adds    r0, r8, r10
        adcs    r1, r9, r11             @ 1 + 0x7fffffff + 1 = 0x80000001: N V
        CHECK(r0, 0)
        CHECK(r1, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x90000000)
        subs    r0, r4, r10             @ 0 - 1 borrow
        sbcs    r1, r4, r4              @ 0 - 0 - 1
        CHECK(r1, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        @ register-shifted-register arithmetic with flags
        mov     r12, #31
        adds    r0, r3, r3, lsl r12     @ 1 + 0x80000000
        CHECKPSR(NZCV_MASK, 0x80000000)
        rsbs    r0, r3, r3, lsl r12     @ 0x80000000 - 1: C V
        CHECKPSR(NZCV_MASK, 0x30000000)
        adcs    lr, r5, r5, lsr r12     @ 0xffffffff + 1 + 1 = 1: C
        CHECK(lr, 1)
        CHECKPSR(NZCV_MASK, 0x20000000)
        TEST_END dp_arith_flags
