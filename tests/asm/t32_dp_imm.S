@ t32_dp_imm.S -- T32 data processing with a modified immediate (A6.3.1,
@ ThumbExpandImm A6.3.2) and a plain binary immediate (A6.3.3): the four
@ replicated byte patterns, rotations (odd ones too), the carry-out rule
@ (C = bit 31 of the result only for a rotated constant, else unchanged),
@ ORN, ADDW/SUBW, MOVW/MOVT, ADR, and the flag-setting compares.
@ thumb2
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        @ the byte patterns: 000000XY 00XY00XY XY00XY00 XYXYXYXY
        mov.w   r0, #0x000000a5
        CHECK(r0, 0x000000a5)
        mov.w   r1, #0x00a500a5
        CHECK(r1, 0x00a500a5)
        mov.w   r2, #0xa500a500
        CHECK(r2, 0xa500a500)
        mov.w   r3, #0xa5a5a5a5
        CHECK(r3, 0xa5a5a5a5)
        @ rotations of '1':imm7 by 8..31 (odd amounts included)
        mov.w   r4, #0x40000000             @ 0x80 ror 9
        CHECK(r4, 0x40000000)
        mov.w   r5, #0x00000400             @ 0x80 ror 29
        CHECK(r5, 0x00000400)
        mov.w   r6, #0x7f000000             @ 0xfe ror 9
        CHECK(r6, 0x7f000000)
        mov.w   r7, #0x00003fc0             @ 0xff ror 26
        CHECK(r7, 0x00003fc0)
        @ carry-out: a pattern leaves C alone, a rotation sets C = bit 31
        SETPSR(0x20000000)                  @ C set
        ands.w  r8, r3, #0x000000ff
        CHECK(r8, 0xa5)
        CHECKPSR(NZCV_MASK, 0x20000000)     @ C kept
        SETPSR(0x00000000)
        ands.w  r8, r3, #0x00ff00ff
        CHECK(r8, 0x00a500a5)
        CHECKPSR(NZCV_MASK, 0x00000000)     @ C still clear
        SETPSR(0x00000000)
        orrs.w  r8, r0, #0x80000000         @ rotated: C = 1
        CHECK(r8, 0x800000a5)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        SETPSR(0x20000000)
        eors.w  r8, r3, #0x40000000         @ rotated, bit 31 clear: C = 0
        CHECK(r8, 0xe5a5a5a5)
        CHECKPSR(NZCV_MASK, 0x80000000)
        SETPSR(0x30000000)
        bics.w  r8, r3, #0xff000000         @ V kept
        CHECK(r8, 0x00a5a5a5)
        CHECKPSR(NZCV_MASK, 0x30000000)
        movs.w  r8, #0                      @ pattern: Z, C kept
        CHECKPSR(NZCV_MASK, 0x70000000)
        mvns.w  r8, #0x80000000             @ rotated: C = 1
        CHECK(r8, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        @ ORN: Rn OR NOT imm
        orn     r9, r0, #0x000000ff
        CHECK(r9, 0xffffffa5)
        SETPSR(0x20000000)
        orns    r9, r1, #0xffffff00         @ (gas may emit ORRS #0xff: the same result)
        CHECK(r9, 0x00a500ff)
        CHECKPSR(NZCV_MASK, 0x20000000)     @ a pattern constant: C kept
        @ TST/TEQ: flags only
        SETPSR(0x00000000)
        tst.w   r3, #0x80000000
        CHECKPSR(NZCV_MASK, 0xa0000000)
        teq.w   r3, #0xa5a5a5a5
        CHECKPSR(NZCV_MASK, 0x60000000)     @ Z, C unchanged (pattern)
        @ arithmetic
        ldr     r10, =0x7fffffff
        adds.w  r11, r10, #1
        CHECK(r11, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        subs.w  r11, r11, #1
        CHECK(r11, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        cmp.w   r10, #0x80000000
        CHECKPSR(NZCV_MASK, 0x90000000)     @ 0x7fffffff - 0x80000000: N V, borrow
        cmn.w   r10, #1
        CHECKPSR(NZCV_MASK, 0x90000000)
        SETPSR(0x20000000)
        adc.w   r11, r10, #0x00010001
        CHECK(r11, 0x80010001)
        sbc.w   r11, r10, #1
        CHECK(r11, 0x7ffffffe)
        SETPSR(0x00000000)
        sbcs.w  r11, r10, #1                @ r10 - 1 - 1
        CHECK(r11, 0x7ffffffd)
        CHECKPSR(NZCV_MASK, 0x20000000)
        rsbs.w  r11, r10, #0
        CHECK(r11, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x80000000)
        rsb.w   r12, r0, #0x100
        CHECK(r12, 0x5b)
        @ SP-relative
        mov     r12, sp
        sub.w   sp, sp, #0x100
        add.w   r11, sp, #0x100
        subs    r11, r11, r12
        CHECK(r11, 0)
        add.w   sp, sp, #0x100
        mov     r11, sp
        subs    r11, r11, r12
        CHECK(r11, 0)
        POOL
        @ plain binary immediates
        addw    r0, r3, #0xfff
        CHECK(r0, 0xa5a5b5a4)
        subw    r0, r3, #0xa5
        CHECK(r0, 0xa5a5a500)
        movw    r1, #0xbeef
        CHECK(r1, 0x0000beef)
        movt    r1, #0xdead
        CHECK(r1, 0xdeadbeef)
        movw    r1, #0
        CHECK(r1, 0)
        @ ADR: Align(PC, 4) +/- imm12, from both halfword alignments
        adr.w   r2, 1f
        nop
        adr.w   r3, 1f
        .balign 4
1:      subs    r2, r3, r2
        CHECK(r2, 0)
        adr.w   r4, 2f
        ldr     r5, [r4]
        CHECK(r5, 0xcafef00d)
        b       3f
        .balign 4
2:      .word   0xcafef00d
3:      adr.w   r6, 2b
        ldr     r7, [r6]
        CHECK(r7, 0xcafef00d)
        TEST_END t32_dp_imm
