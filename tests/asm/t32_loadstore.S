@ t32_loadstore.S -- T32 loads and stores (A6.3.5-A6.3.10): imm12, imm8 with
@ negative, pre-indexed, post-indexed and writeback forms, the unprivileged
@ form, register offsets with LSL #0-3, literal loads from both halfword
@ alignments (Align(PC, 4)) with + and - offsets, sign-extending loads,
@ LDRD/STRD with a free Rt2, LDM/STM/PUSH.W/POP.W, LDR PC, the exclusives
@ with an offset and their doubleword forms, and TBB/TBH.
@ thumb2
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        ldr     r0, =buf
        ldr.w   r1, [r0, #4]
        CHECK(r1, 0x87654321)
        ldrb.w  r2, [r0, #5]
        CHECK(r2, 0x43)
        ldrh.w  r3, [r0, #6]
        CHECK(r3, 0x8765)
        ldrsb.w r4, [r0, #7]
        CHECK(r4, 0xffffff87)
        ldrsh.w r5, [r0, #6]
        CHECK(r5, 0xffff8765)
        add.w   r6, r0, #8
        ldr     r7, [r6, #-4]
        CHECK(r7, 0x87654321)
        ldrsb   r7, [r6, #-1]
        CHECK(r7, 0xffffff87)
        ldr     r7, [r6, #-4]!              @ pre-indexed with writeback
        subs    r8, r6, r0
        CHECK(r8, 4)
        ldrh    r7, [r6], #-4               @ post-indexed
        CHECK(r7, 0x4321)
        subs    r8, r6, r0
        CHECK(r8, 0)
        ldrt    r7, [r0, #4]                @ unprivileged: the same in user mode
        CHECK(r7, 0x87654321)
        @ register offsets
        movs    r1, #1
        ldr.w   r2, [r0, r1, lsl #2]
        CHECK(r2, 0x87654321)
        ldrb.w  r2, [r0, r1, lsl #3]
        CHECK(r2, 0x11)
        ldrsh.w r2, [r0, r1, lsl #1]
        CHECK(r2, 0x00001234)
        movs    r1, #6
        ldrh.w  r2, [r0, r1]
        CHECK(r2, 0x8765)
        @ stores
        ldr     r3, =0xa1b2c3d4
        str.w   r3, [r0, #16]
        ldr     r4, [r0, #16]
        CHECK(r4, 0xa1b2c3d4)
        strb.w  r3, [r0, #17]
        strh.w  r3, [r0, #18]
        ldr     r4, [r0, #16]
        CHECK(r4, 0xc3d4d4d4)
        add.w   r5, r0, #16
        str     r3, [r5, #4]!
        subs    r6, r5, r0
        CHECK(r6, 20)
        strb    r3, [r5], #1
        strh    r3, [r5, #-2]
        subs    r6, r5, r0
        CHECK(r6, 21)
        ldr     r4, [r0, #20]               @ strh wrote d4 c3 at 19, 20
        CHECK(r4, 0xa1b2c3c3)
        ldr     r4, [r0, #16]
        CHECK(r4, 0xd4d4d4d4)
        movs    r1, #3
        str.w   r3, [r0, r1, lsl #3]        @ [r0 + 24]
        ldr     r4, [r0, #24]
        CHECK(r4, 0xa1b2c3d4)
        POOL
        @ literal loads, from a word-aligned and a halfword-aligned PC
        .balign 4
        ldr.w   r1, lit1
        nop
        ldr.w   r2, lit1
        CHECK(r1, 0x13579bdf)
        CHECK(r2, 0x13579bdf)
        ldrh.w  r3, lit1
        CHECK(r3, 0x9bdf)
        ldrsb.w r3, lit1
        CHECK(r3, 0xffffffdf)
        b       1f
        .balign 4
lit1:   .word   0x13579bdf
1:      ldr.w   r4, lit1                    @ backwards: U = 0
        CHECK(r4, 0x13579bdf)
        ldrsh.w r4, lit1
        CHECK(r4, 0xffff9bdf)
        POOL
        @ LDRD/STRD with any two registers
        ldr     r0, =buf
        ldrd    r1, r5, [r0]
        CHECK(r1, 0x12345678)
        CHECK(r5, 0x87654321)
        ldrd    r6, r2, [r0, #8]!
        subs    r7, r0, #8
        ldr     r8, =buf
        subs    r7, r7, r8
        CHECK(r7, 0)
        CHECK(r6, 0x11111111)
        CHECK(r2, 0x22222222)
        strd    r5, r1, [r0, #-8]
        ldrd    r3, r4, [r0, #-8]
        CHECK(r3, 0x87654321)
        CHECK(r4, 0x12345678)
        strd    r1, r5, [r0], #-8           @ post-indexed
        subs    r7, r0, r8
        CHECK(r7, 0)
        ldrd    r9, r10, lit2               @ literal
        CHECK(r9, 0x0badcafe)
        CHECK(r10, 0xdeadbeef)
        b       2f
        .balign 8
lit2:   .word   0x0badcafe, 0xdeadbeef
2:      @ LDM/STM/PUSH/POP, 32-bit forms
        ldr     r0, =buf2
        add.w   r1, r0, #32
        ldmia.w r0, {r2, r3, r9}
        CHECK(r2, 0x12345678)
        CHECK(r9, 0x11111111)
        stmdb   r1!, {r2, r3, r9}
        subs    r4, r1, r0
        CHECK(r4, 20)
        ldmdb   r1, {r5, r6}                @ buf2 + 12, + 16
        CHECK(r5, 0x22222222)
        CHECK(r6, 0)
        ldmia   r1!, {r5, r6, r10}
        CHECK(r10, 0x11111111)
        subs    r4, r1, r0
        CHECK(r4, 32)
        stmia.w r1, {r8, r9}
        ldr     r4, [r0, #36]
        CHECK(r4, 0x11111111)
        push.w  {r2, r3, r8, lr}
        pop.w   {r5, r6, r7, r9}
        CHECK(r5, 0x12345678)
        CHECK(r6, 0x87654321)
        CHECK(r9, 0)
        POOL
        @ LDR PC (interworking): to Thumb and to ARM code
        ldr     r0, =3f + 1
        push    {r0}
        ldr.w   pc, [sp], #4
        movs    r0, #99
3:      ldr     r1, =arm_code
        ldr     r0, =4f + 1
        str.w   r1, [sp, #-4]!
        ldr.w   pc, [sp], #4                @ to ARM state, which BXs back
4:      CHECK(r0, 0x77)
        POOL
        @ exclusives
        ldr     r0, =buf3
        ldrex   r1, [r0, #4]
        CHECK(r1, 0x87654321)
        ldr     r2, =0x55555555
        strex   r3, r2, [r0, #4]
        CHECK(r3, 0)
        ldr     r1, [r0, #4]
        CHECK(r1, 0x55555555)
        strex   r3, r2, [r0, #4]            @ monitor already cleared: fails
        CHECK(r3, 1)
        ldrexb  r4, [r0]
        CHECK(r4, 0x78)
        strexb  r3, r2, [r0]
        CHECK(r3, 0)
        add.w   r9, r0, #2
        ldrexh  r4, [r9]
        CHECK(r4, 0x1234)
        clrex
        strexh  r3, r2, [r9]
        CHECK(r3, 1)
        ldrexd  r4, r6, [r0]
        CHECK(r4, 0x12345655)
        CHECK(r6, 0x55555555)
        ldr     r5, =0x66666666
        strexd  r3, r5, r4, [r0]
        CHECK(r3, 0)
        ldrd    r7, r8, [r0]
        CHECK(r7, 0x66666666)
        CHECK(r8, 0x12345655)
        POOL
        @ TBB / TBH
        movs    r1, #2
        movs    r2, #0
        tbb     [pc, r1]
5:      .byte   (6f - 5b) / 2, (7f - 5b) / 2, (8f - 5b) / 2, 0
6:      adds    r2, #1
7:      adds    r2, #2
8:      adds    r2, #4
        CHECK(r2, 4)
        movs    r1, #1
        ldr     r3, =tbh_table
        tbh     [r3, r1, lsl #1]
9:      movs    r2, #9
10:     CHECK(r2, 4)
        TEST_END t32_loadstore

        .arm
arm_code:
        mov     r3, r0
        mov     r0, #0x77
        bx      r3

        .data
        .balign 8
buf:    .word   0x12345678, 0x87654321, 0x11111111, 0x22222222
        .space  64
buf2:   .word   0x12345678, 0x87654321, 0x11111111, 0x22222222
        .space  64
buf3:   .word   0x12345678, 0x87654321, 0x11111111, 0x22222222
tbh_table:
        .hword  0, (10b - 9b) / 2
