@ dp_shifts.S -- every A32 shifter operand and its carry-out: immediate
@ shifts (LSL #0, LSR/ASR #32 encodings, ROR, RRX), register-specified shifts
@ by 0, 1, 31, 32, 33, 255, 256 for LSL/LSR/ASR/ROR, and rotated immediates
@ (carry = bit 31 of the result only when the rotation is non-zero).
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x80000001
        @ --- immediate shifts, flags from MOVS ---
        SETPSR(0)
        movs    r0, r1, lsl #1
        CHECK(r0, 2)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, r1, lsl #0          @ plain move: C unchanged (1)
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r0, r1, lsr #1
        CHECK(r0, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, r1, lsr #32
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        movs    r0, r1, asr #32
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r0, r1, asr #1
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r0, r1, ror #1
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r0, r1, ror #31
        CHECK(r0, 3)
        CHECKPSR(NZCV_MASK, 0x00000000)
        movs    r0, r1, rrx             @ C was 0
        CHECK(r0, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, r1, rrx             @ C was 1
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        ldr     r1, =0x7ffffffe
        movs    r0, r1, lsr #32         @ C = bit31 = 0
        CHECKPSR(NZCV_MASK, 0x40000000)
        movs    r0, r1, asr #32         @ 0, C = 0
        CHECK(r0, 0)
        movs    r0, r1, lsl #31         @ 0, C = bit1 = 1
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)

        @ --- register-specified shifts ---
        ldr     r1, =0x80000001
        SETPSR(0)
        mov     r2, #0
        movs    r0, r1, lsl r2
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x80000000)
        mov     r2, #1
        movs    r0, r1, lsl r2
        CHECK(r0, 2)
        CHECKPSR(NZCV_MASK, 0x20000000)
        mov     r2, #31
        movs    r0, r1, lsl r2
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x80000000)
        mov     r2, #32
        movs    r0, r1, lsl r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        mov     r2, #33
        movs    r0, r1, lsl r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        mov     r2, #255
        SETPSR(0x20000000)
        movs    r0, r1, lsl r2
        CHECKPSR(NZCV_MASK, 0x40000000)
        mov     r2, #256                @ only the bottom byte counts: shift 0
        movs    r0, r1, lsl r2
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x80000000)
        ldr     r2, =0xffffff01         @ bottom byte 1
        movs    r0, r1, lsl r2
        CHECK(r0, 2)

        SETPSR(0)
        mov     r2, #0
        movs    r0, r1, lsr r2
        CHECK(r0, 0x80000001)
        mov     r2, #1
        movs    r0, r1, lsr r2
        CHECK(r0, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        mov     r2, #31
        movs    r0, r1, lsr r2
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x00000000)
        mov     r2, #32
        movs    r0, r1, lsr r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        mov     r2, #33
        movs    r0, r1, lsr r2
        CHECKPSR(NZCV_MASK, 0x40000000)
        mov     r2, #255
        movs    r0, r1, lsr r2
        CHECKPSR(NZCV_MASK, 0x40000000)

        mov     r2, #0
        movs    r0, r1, asr r2
        CHECK(r0, 0x80000001)
        mov     r2, #1
        movs    r0, r1, asr r2
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov     r2, #31
        movs    r0, r1, asr r2
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        mov     r2, #32
        movs    r0, r1, asr r2
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov     r2, #33
        SETPSR(0)
        movs    r0, r1, asr r2
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov     r2, #255
        SETPSR(0)
        movs    r0, r1, asr r2
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        ldr     r3, =0x40000000
        mov     r2, #40
        movs    r0, r3, asr r2          @ positive: 0, C = 0
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)

        SETPSR(0)
        mov     r2, #0
        movs    r0, r1, ror r2
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x80000000)
        mov     r2, #1
        movs    r0, r1, ror r2
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov     r2, #31
        movs    r0, r1, ror r2
        CHECK(r0, 3)
        CHECKPSR(NZCV_MASK, 0x00000000)
        mov     r2, #32                 @ value unchanged, C = bit 31
        movs    r0, r1, ror r2
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mov     r2, #33
        movs    r0, r1, ror r2
        CHECK(r0, 0xc0000000)
        mov     r2, #255
        movs    r0, r1, ror r2
        CHECK(r0, 3)
        CHECKPSR(NZCV_MASK, 0x00000000)
        mov     r2, #64
        SETPSR(0)
        movs    r0, r1, ror r2          @ multiple of 32: C = bit 31
        CHECKPSR(NZCV_MASK, 0xa0000000)
        POOL

        @ --- rotated immediates: C = bit 31 when rotation != 0 ---
        SETPSR(0)
        movs    r0, #0x80000000
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r0, #0xff               @ rotation 0: C unchanged
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, #0x3fc              @ 0xff ror 30: C = 0
        CHECKPSR(NZCV_MASK, 0x00000000)
        SETPSR(0x20000000)
        .inst   0xe3b00104              @ movs r0, #1 encoded as 4 ror 2: C = 0
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x00000000)
        .inst   0xe3b00102              @ movs r0, #0x80000000 as 2 ror 2
        CHECKPSR(NZCV_MASK, 0xa0000000)
        .inst   0xe3b00000              @ movs r0, #0 rotation 0: C kept
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r1, =0xf000000f
        ands    r0, r1, #0xf0000000
        CHECKPSR(NZCV_MASK, 0xa0000000)
        ands    r0, r1, #0x0f000000     @ result 0, C = 0
        CHECKPSR(NZCV_MASK, 0x40000000)
        orrs    r0, r1, #0xc0000003
        eors    r0, r1, #0xff000000
        CHECK(r0, 0x0f00000f)
        CHECKPSR(NZCV_MASK, 0x20000000)
        bics    r0, r1, #0x80000001
        CHECK(r0, 0x7000000e)
        mvns    r0, #0x40000000
        CHECK(r0, 0xbfffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        tst     r1, #0x00000f00
        CHECKPSR(NZCV_MASK, 0x40000000)
        teq     r1, #0xf0000000
        CHECKPSR(NZCV_MASK, 0x20000000)

        @ --- logical ops with shifted register operands set C from the shifter ---
        ldr     r1, =0x80000001
        ldr     r3, =0xffffffff
        SETPSR(0x10000000)              @ V set: logical ops keep V
        ands    r0, r3, r1, lsr #32
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)
        tst     r3, r1, lsl #31
        CHECKPSR(NZCV_MASK, 0x90000000)
        teq     r3, r1, asr #32
        CHECKPSR(NZCV_MASK, 0x70000000)
        orrs    r0, r1, r1, ror #16
        CHECK(r0, 0x80018001)
        CHECKPSR(NZCV_MASK, 0x90000000)
        mov     r2, #32
        eors    r0, r3, r1, lsr r2
        CHECKPSR(NZCV_MASK, 0xb0000000)
        mov     r2, #33
        bics    r0, r3, r1, asr r2
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)
        mvns    r0, r1, rrx
        CHECK(r0, 0x3fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)

        @ --- arithmetic with shifted operands (shifter carry ignored) ---
        SETPSR(0)
        mov     r2, #4
        add     r4, r1, r1, lsl #4
        sub     r5, r1, r3, lsr r2
        rsb     r6, r1, r1, asr #3
        add     r7, r3, r1, ror r2
        adds    r8, r3, r1, lsl r2
        CHECK(r8, 0x0000000f)
        CHECKPSR(NZCV_MASK, 0x20000000)
        subs    r9, r1, r1, lsr #32
        CHECK(r9, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        cmp     r1, r1, rrx
        cmn     r1, r3, asr #32
        CHECKPSR(NZCV_MASK, 0xa0000000)
        adc     r10, r1, r3, rrx
        sbc     r11, r3, r1, lsl #1
        rsc     r12, r1, r3, lsr r2
        adds    lr, r1, r1
        CHECK(lr, 2)
        CHECKPSR(NZCV_MASK, 0x30000000)
        @ all four shift types with the shift register = destination and source
        mov     r2, #3
        mov     r0, r2, lsl r2
        CHECK(r0, 24)
        mov     r2, r1, lsr r2
        CHECK(r2, 0x10000000)
        mov     r0, #5
        mov     r0, r0, ror r0
        CHECK(r0, 0x28000000)
        TEST_END dp_shifts
