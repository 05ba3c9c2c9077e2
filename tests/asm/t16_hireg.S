@ t16_hireg.S -- T16 high-register ADD, CMP, MOV (A6.2.3; no flags but CMP):
@ every mix of low and high registers, SP as operand and destination, the
@ PC as operand (reads as the instruction's address + 4, not aligned, at both
@ halfword alignments) and as destination (a branch that stays in Thumb,
@ whatever bit 0 of the value).
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r1, =0x11111111
        ldr     r2, =0x80000000
        mov     r8, r1                  @ low -> high
        CHECK(r8, 0x11111111)
        mov     r9, r8                  @ high -> high
        CHECK(r9, 0x11111111)
        mov     r3, r9                  @ high -> low
        CHECK(r3, 0x11111111)
        mov     r4, r1                  @ low -> low (ARMv6): flags unchanged
        CHECK(r4, 0x11111111)
        CHECKPSR(NZCV_MASK, 0x00000000)
        mov     lr, r2
        CHECK(lr, 0x80000000)
        mov     r12, lr
        CHECK(r12, 0x80000000)
        SETPSR(0xf0000000)
        add     r8, r1                  @ high += low, no flags
        CHECK(r8, 0x22222222)
        CHECKPSR(NZCV_MASK, 0xf0000000)
        add     r1, r8                  @ low += high
        CHECK(r1, 0x33333333)
        add     r9, r12                 @ high += high
        CHECK(r9, 0x91111111)
        mov     r10, r2
        add     r10, r10                @ overflow: still no flags
        CHECK(r10, 0)
        CHECKPSR(NZCV_MASK, 0xf0000000)
        .inst.n 0x4424                  @ add r4, r4: low += low in the high form
        CHECK(r4, 0x22222222)
        POOL
        @ CMP with a high register
        SETPSR(0x00000000)
        cmp     r8, r9                  @ 0x22222222 - 0x91111111
        CHECKPSR(NZCV_MASK, 0x90000000)
        cmp     r9, r8
        CHECKPSR(NZCV_MASK, 0x30000000)
        cmp     r1, r9                  @ low, high
        CHECKPSR(NZCV_MASK, 0x90000000)
        cmp     r9, r3                  @ high, low
        CHECKPSR(NZCV_MASK, 0xa0000000)
        cmp     lr, r12
        CHECKPSR(NZCV_MASK, 0x60000000)
        @ SP as operand and destination
        mov     r5, sp
        ldr     r6, =__test_stack_top
        cmp     r5, r6
        CHECKPSR(NZCV_MASK, 0x60000000)
        movs    r0, #16
        add     sp, r0                  @ ADD SP, Rm
        mov     r7, sp
        subs    r7, r7, r6
        CHECK(r7, 16)
        mov     sp, r5                  @ MOV SP, Rm
        movs    r0, #8
        add     r0, sp                  @ ADD Rdm, SP, Rdm
        subs    r0, r0, r6
        CHECK(r0, 8)
        mov     r8, sp
        add     r8, sp
        mov     r0, r8
        subs    r0, r0, r6
        CHECK(r0, __test_stack_top)     @ 2 * top - top
        POOL
        @ the PC as operand: address + 4 at both alignments
        .balign 4
1:      mov     r0, pc                  @ 4-aligned
        CHECK(r0, 1b + 4)
        .balign 4
        nop
2:      mov     r0, pc                  @ 2 mod 4
        CHECK(r0, 2b + 4)
        movs    r1, #3
        .balign 4
3:      add     r1, pc
        CHECK(r1, 3b + 7)
        movs    r1, #5
        .balign 4
        nop
4:      add     r1, pc
        CHECK(r1, 4b + 9)
        ldr     r0, =5
        mov     r9, r0
        .balign 4
        nop
5:      add     r9, pc                  @ high += PC (CMP with PC is UNPREDICTABLE)
        CHECK(r9, 5b + 9)
        POOL
        @ the PC as destination: BranchWritePC, bit 0 ignored, stays Thumb
        ldr     r0, =7f
        mov     pc, r0
        movs    r0, #99                 @ skipped
7:      CHECK(r0, 7b)
        ldr     r0, =8f + 1
        mov     pc, r0
        movs    r0, #99
8:      CHECK(r0, 8b + 1)
        mov     r8, r0
        ldr     r0, =9f
        mov     pc, r0
        b       .
9:      @ ADD PC, Rm: a jump table (PC = address + 4)
        movs    r2, #0
        movs    r1, #4
        add     pc, r1                  @ to its address + 4 + 4
        adds    r2, #1
        adds    r2, #10
        adds    r2, #50
        adds    r2, #100                @ lands here
        CHECK(r2, 100)
        movs    r1, #0
        .balign 4
        add     pc, r1                  @ skips the next instruction
        adds    r2, #1
        adds    r2, #2
        CHECK(r2, 102)
        mov     r3, lr
        ldr     r1, =10f
        mov     lr, r1
        mov     pc, lr                  @ the old-style return
        b       .
10:     mov     lr, r3
        CHECK(r8, 8b + 1)
        TEST_END t16_hireg
