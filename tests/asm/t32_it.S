@ t32_it.S -- IT blocks (A8.8.55, A2.5.2) and the ARMv6T2 control flow:
@ every condition as firstcond, then/else slots, 16-bit data processing that
@ sets no flags inside an IT block (and does outside), flag-setting 32-bit
@ and compare instructions inside a block feeding the next slot, skipped
@ loads and stores (a skipped access to an unmapped address must not
@ fault), a branch as the last slot, an IT block split across translated
@ blocks (32 instructions), a UDF skipped by its condition, CBZ/CBNZ,
@ B<c>.W, MRS/MSR, hints, barriers and MRC TPIDRURO.
@ thumb2
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        @ every firstcond with flags that pass it, and the else slot
        movs    r0, #0
        SETPSR(0x40000000)              @ Z
        ite     eq
        addeq   r0, #1                  @ 16-bit: no flags inside IT
        addne   r0, #2
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x40000000)
        SETPSR(0x00000000)
        itet    ne
        addne   r0, #1
        addeq   r0, #8
        addne   r0, #16
        CHECK(r0, 18)
        SETPSR(0x20000000)
        itte    cs
        movcs   r1, #1
        movcs   r2, #2
        movcc   r3, #3
        CHECK(r1, 1)
        CHECK(r2, 2)
        CHECK(r3, 0)
        SETPSR(0x00000000)
        it      cc
        movcc   r3, #3
        CHECK(r3, 3)
        SETPSR(0x80000000)
        ittee   mi
        movmi   r4, #4
        movmi   r5, #5
        movpl   r4, #0
        movpl   r5, #0
        CHECK(r4, 4)
        CHECK(r5, 5)
        SETPSR(0x00000000)
        it      pl
        movpl   r6, #6
        CHECK(r6, 6)
        SETPSR(0x10000000)
        it      vs
        movvs   r7, #7
        CHECK(r7, 7)
        SETPSR(0x00000000)
        it      vc
        movvc   r8, #8
        CHECK(r8, 8)
        SETPSR(0x20000000)
        ite     hi
        movhi   r9, #9
        movls   r9, #10
        CHECK(r9, 9)
        SETPSR(0x60000000)
        ite     ls
        movls   r9, #11
        movhi   r9, #12
        CHECK(r9, 11)
        SETPSR(0x90000000)
        ite     ge
        movge   r10, #1
        movlt   r10, #2
        CHECK(r10, 1)
        SETPSR(0x80000000)
        ite     lt
        movlt   r10, #3
        movge   r10, #4
        CHECK(r10, 3)
        SETPSR(0x00000000)
        ite     gt
        movgt   r11, #1
        movle   r11, #2
        CHECK(r11, 1)
        SETPSR(0x40000000)
        ite     le
        movle   r11, #3
        movgt   r11, #4
        CHECK(r11, 3)
        .inst.n 0xbfe8                  @ it al (gas refuses AL slots)
        add.w   r12, r12, #12
        CHECK(r12, 12)
        POOL
        @ flags written inside the block feed the next slot
        movs    r0, #5
        SETPSR(0x00000000)
        .global it_start, it_third      @ for tests/reverse/gdb_t32_it_step.py
it_start:
        itttt   ne
        subsne.w r0, r0, #5             @ 32-bit: S sets flags inside IT: Z
        movne   r1, #0x11               @ now fails
it_third:
        addne   r1, #1
        movne   r1, #0x22
        CHECK(r0, 0)
        CHECK(r1, 1)
        CHECKPSR(NZCV_MASK, 0x60000000)
        movs    r2, #3
        cmp     r2, #3                  @ Z C
        ittet   eq
        cmpeq   r2, #3                  @ compare: always sets flags
        moveq   r3, #0x33
        movne   r3, #0x44
        cmpeq   r2, #4                  @ Z: runs, sets N, borrow
        CHECK(r3, 0x33)
        CHECKPSR(NZCV_MASK, 0x80000000)
        @ 16-bit data processing outside IT sets flags, inside it does not
        movs    r4, #1
        subs    r4, #1
        CHECKPSR(NZCV_MASK, 0x60000000)
        it      eq
        subeq   r4, #1                  @ no flags: Z stays
        CHECK(r4, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x60000000)
        it      eq
        lsleq   r4, r4, #4
        CHECK(r4, 0xfffffff0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        it      eq
        muleq   r4, r4, r4
        CHECK(r4, 0x100)
        CHECKPSR(NZCV_MASK, 0x60000000)
        @ skipped loads and stores never touch memory
        movs    r5, #0                  @ address 0: unmapped
        SETPSR(0x00000000)
        itttt   eq
        ldreq   r6, [r5]
        streq   r6, [r5]
        ldrdeq  r6, r7, [r5]
        pusheq  {r0-r7}
        CHECK(r6, 6)
        SETPSR(0x40000000)
        ldr     r5, =data
        ittt    eq
        ldreq   r6, [r5]
        streq.w r6, [r5, #4]
        ldrdeq  r8, r9, [r5]
        CHECK(r8, 0x5a5a5a5a)
        CHECK(r9, 0x5a5a5a5a)
        POOL
        @ a branch as the last slot, taken and not taken
        movs    r0, #0
        SETPSR(0x40000000)
        itt     eq
        addeq   r0, #1
        beq     1f
        movs    r0, #99
1:      CHECK(r0, 1)
        SETPSR(0x00000000)
        itt     eq
        addeq   r0, #1
        beq.w   2f
        adds    r0, #2
2:      CHECK(r0, 3)
        SETPSR(0x40000000)
        adr     r1, 3f + 1
        it      eq
        bxeq    r1
        movs    r0, #99
3:      CHECK(r0, 3)
        it      ne
        blne    4f
        b       5f
4:      movs    r0, #98
        bx      lr
5:      CHECK(r0, 3)
        it      eq
        bleq    6f
        b       7f
6:      movs    r0, #4
        bx      lr
7:      CHECK(r0, 4)
        @ conditional pop {pc}
        adr     r1, 8f + 1
        push    {r1}
        SETPSR(0x40000000)
        it      eq
        popeq   {pc}
        movs    r0, #97
8:      CHECK(r0, 4)
        POOL
        @ an IT block across the 32-instruction limit of a translated block
        b       9f
9:      nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        movs    r0, #0                  @ 29th
        movs    r1, #1                  @ 30th: Z clear
        itete   ne                      @ 31st
        addne   r0, #1                  @ 32nd: the block ends here
        addeq   r0, #2
        addne   r0, #4
        addeq   r0, #8
        CHECK(r0, 5)
        @ a UDF whose condition fails retires like any other instruction
        SETPSR(0x40000000)
        it      ne
        .inst.n 0xde00                  @ udf #0
        movs    r2, #2                  @ (clears Z)
        CHECK(r2, 2)
        SETPSR(0x40000000)
        it      ne
        .inst.w 0xf7f1a000              @ udf.w #0x1000 (not #0: f7f0a000 is the
        movs    r2, #3                  @ kernel's Thumb-2 breakpoint, SIGTRAP)
        CHECK(r2, 3)
        @ CBZ / CBNZ
        movs    r3, #0
        cbz     r3, 10f
        movs    r3, #9
10:     CHECK(r3, 0)
        cbnz    r3, 11f
        movs    r3, #1
11:     CHECK(r3, 1)
        cbnz    r3, 12f
        movs    r3, #9
12:     CHECK(r3, 1)
        cbz     r3, 13f
        movs    r3, #2
13:     CHECK(r3, 2)
        @ B<c>.W both ways
        SETPSR(0x20000000)
        bcs.w   14f
        movs    r3, #9
14:     bcc.w   15f
        movs    r3, #5
15:     CHECK(r3, 5)
        @ BXJ is BX without Jazelle
        adr     r4, 16f + 1
        bxj     r4
        movs    r3, #9
16:     CHECK(r3, 5)
        POOL
        @ MRS / MSR APSR (T32)
        ldr     r4, =0xf80f0000
        msr     APSR_nzcvqg, r4
        mrs     r5, APSR
        CHECK(r5, 0xf80f0010)
        movs    r4, #0
        msr     APSR_nzcvq, r4
        mrs     r5, APSR
        CHECK(r5, 0x000f0010)
        msr     APSR_g, r4
        mrs     r5, APSR
        CHECK(r5, 0x00000010)
        @ hints, barriers, TLS register
        nop.w
        yield.w
        dmb     ish
        dsb     sy
        isb     sy
        clrex
        mrc     p15, 0, r6, c13, c0, 3
        CHECK(r6, 0)
        TEST_END t32_it
        .data
        .balign 8
data:   .word   0x5a5a5a5a, 0
