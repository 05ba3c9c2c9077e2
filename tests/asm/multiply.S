@ multiply.S -- MUL/MLA/MLS, UMULL/SMULL/UMLAL/SMLAL (with and without S),
@ UMAAL, SDIV/UDIV (divide by zero -> 0, INT_MIN / -1 -> INT_MIN).
@ MULS etc. set N and Z only; C and V are unchanged (ARMv6+).
@ march: armv7ve
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x00010000
        mvn     r2, #0                  @ -1
        ldr     r3, =0x80000000
        mov     r4, #3
        mov     r5, #4
        mov     r6, #10
        ldr     r7, =0x12345678
        ldr     r8, =0x9abcdef0

        SETPSR(0x30000000)
        muls    r0, r1, r1              @ 2^32 -> 0: Z, C V kept
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)
        muls    r0, r2, r2              @ 1
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x30000000)
        muls    r0, r2, r4              @ -3: N
        CHECKPSR(NZCV_MASK, 0xb0000000)
        mul     r0, r7, r8
        CHECK(r0, 0x242d2080)
        mla     r0, r4, r5, r6          @ 22
        CHECK(r0, 22)
        mlas    r0, r2, r6, r6          @ 0: Z
        CHECKPSR(NZCV_MASK, 0x70000000)
        mls     r0, r4, r5, r6          @ 10 - 12 = -2
        CHECK(r0, 0xfffffffe)
        mul     r4, r4, r4              @ Rd == Rn == Rm (ARMv6+)
        CHECK(r4, 9)
        mov     r4, #3

        SETPSR(0)
        umull   r9, r10, r2, r2         @ 0xfffffffe_00000001
        CHECK(r9, 1)
        CHECK(r10, 0xfffffffe)
        smull   r9, r10, r2, r2         @ 1
        CHECK(r9, 1)
        CHECK(r10, 0)
        smulls  r9, r10, r3, r3         @ 2^62
        CHECK(r9, 0)
        CHECK(r10, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x00000000)
        smulls  r9, r10, r3, r5         @ -2^33: N
        CHECK(r9, 0)
        CHECK(r10, 0xfffffffe)
        CHECKPSR(NZCV_MASK, 0x80000000)
        umulls  r9, r10, r3, r5         @ 2^33
        CHECK(r10, 2)
        CHECKPSR(NZCV_MASK, 0x00000000)
        umulls  r9, r10, r1, r1         @ 2^32: low 0 but 64-bit not zero
        CHECKPSR(NZCV_MASK, 0x00000000)
        umulls  r9, r10, r0, r6         @ r0 = -2: 0x9_fffffffec
        mov     r11, #0
        umulls  r9, r10, r11, r7        @ 0: Z
        CHECKPSR(NZCV_MASK, 0x40000000)
        umull   r9, r10, r7, r8
        CHECK(r9, 0x242d2080)
        CHECK(r10, 0x0b00ea4e)
        smull   r9, r10, r7, r8
        CHECK(r9, 0x242d2080)
        CHECK(r10, 0xf8cc93d6)

        @ accumulate forms
        mvn     r9, #0
        mvn     r10, #0
        umlals  r9, r10, r4, r5         @ 0xffffffff_ffffffff + 12 = 11 (wraps)
        CHECK(r9, 11)
        CHECK(r10, 0)
        CHECKPSR(NZCV_MASK, 0x00000000)
        mvn     r9, #0
        mvn     r10, #0
        mov     r11, #1
        umlals  r9, r10, r11, r11       @ wraps to 0: Z
        CHECKPSR(NZCV_MASK, 0x40000000)
        mvn     r9, #0
        mov     r10, #0
        smlal   r9, r10, r2, r11        @ 0xffffffff + (-1) = 0xfffffffe
        CHECK(r9, 0xfffffffe)
        CHECK(r10, 0)
        smlals  r9, r10, r3, r5         @ + -2^33: N
        CHECK(r9, 0xfffffffe)
        CHECK(r10, 0xfffffffe)
        CHECKPSR(NZCV_MASK, 0x80000000)
        smlal   r9, r10, r7, r8
        umlal   r9, r10, r7, r8
        @ UMAAL: RdHi:RdLo = Rn*Rm + RdLo + RdHi (never overflows)
        mvn     r9, #0
        mvn     r10, #0
        umaal   r9, r10, r2, r2
        CHECK(r9, 0xffffffff)
        CHECK(r10, 0xffffffff)
        ldr     r9, =0x11111111
        ldr     r10, =0x22222222
        umaal   r9, r10, r7, r8
        CHECK(r9, 0x576053b3)
        CHECK(r10, 0x0b00ea4e)
        @ conditional multiplies
        SETPSR(0x40000000)
        muleq   r0, r4, r5
        CHECK(r0, 12)
        mulne   r0, r4, r4
        CHECK(r0, 12)
        umullne r9, r10, r4, r5
        smlaleq r9, r10, r4, r5
        POOL

        @ SDIV / UDIV
        mov     r0, #7
        mvn     r1, #1                  @ -2
        sdiv    r9, r0, r1
        CHECK(r9, 0xfffffffd)           @ -3 (rounds toward zero)
        sdiv    r9, r1, r0              @ -2 / 7 = 0
        CHECK(r9, 0)
        udiv    r9, r1, r0              @ 0xfffffffe / 7
        CHECK(r9, 0x24924924)
        mov     r11, #0
        sdiv    r9, r0, r11             @ divide by zero -> 0
        CHECK(r9, 0)
        udiv    r9, r0, r11
        CHECK(r9, 0)
        sdiv    r9, r3, r2              @ INT_MIN / -1 -> INT_MIN
        CHECK(r9, 0x80000000)
        udiv    r9, r3, r2              @ 0x80000000 / 0xffffffff = 0
        CHECK(r9, 0)
        udiv    r9, r2, r11
        CHECK(r9, 0)
        sdiv    r9, r3, r11
        sdiv    r9, r2, r2
        CHECK(r9, 1)
        sdiv    r9, r7, r4
        CHECK(r9, 0x06117228)
        sdiv    r9, r8, r4              @ negative dividend
        CHECK(r9, 0xde3ef4fb)
        udiv    r9, r8, r4
        CHECK(r9, 0x33944a50)
        SETPSR(0)
        sdivne  r10, r6, r4
        CHECK(r10, 3)
        udiveq  r10, r6, r6
        CHECK(r10, 3)
        CHECKPSR(NZCV_MASK, 0)
        TEST_END multiply
