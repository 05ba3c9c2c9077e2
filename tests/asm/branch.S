@ branch.S -- B/BL forward and backward, conditional branches, BX/BLX
@ register (ARM state only: bit 0 of the target is always 0 here),
@ BX PC; MOV PC, LR; LDR PC from memory; ADD PC, PC, Rn jump tables; loops.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        mov     r0, #0
        b       1f
        mov     r0, #99                 @ skipped
1:      CHECK(r0, 0)
        bl      add_one
ret1:   CHECK(r0, 1)
        CHECK(lr, ret1)
        adr     r12, add_one
        blx     r12
ret2:   CHECK(r0, 2)
        CHECK(lr, ret2)
        adr     r12, 2f
        bx      r12
        mov     r0, #99
2:      CHECK(r0, 2)
        @ backward loop
        mov     r1, #10
        mov     r2, #0
3:      add     r2, r2, r1
        subs    r1, r1, #1
        bne     3b
        CHECK(r2, 55)
        @ loop with the condition at the top
        mov     r1, #0
4:      cmp     r1, #7
        bge     5f
        add     r1, r1, #1
        b       4b
5:      CHECK(r1, 7)
        @ mov pc, lr return and ldr pc
        bl      via_mov_pc
        CHECK(r0, 3)
        ldr     r3, =table
        adr     lr, 6f
        ldr     pc, [r3]
6:      CHECK(r0, 4)
        adr     lr, 7f
        ldr     pc, [r3, #4]!
7:      CHECK(r0, 5)
        CHECK(r3, table + 4)
        @ jump table with add pc, pc, rN, lsl #2
        mov     r4, #0
        mov     r5, #2
        add     pc, pc, r5, lsl #2
        nop
        add     r4, r4, #1
        add     r4, r4, #10
        add     r4, r4, #100            @ entry 2 lands here
        add     r4, r4, #1000
        CHECK(r4, 1100)
        @ conditional BL / BLX / BX
        SETPSR(0x20000000)
        blcc    add_one                 @ not taken
        CHECK(r0, 5)
        blcs    add_one
        CHECK(r0, 6)
        adr     r12, add_one
        blxeq   r12                     @ not taken
        blxne   r12
        CHECK(r0, 7)
        adr     r12, 8f
        bxhi    r12                     @ C=1, Z=0: taken
        mov     r0, #99
8:      CHECK(r0, 7)
        @ branch to the next instruction and a chain of branches
        b       9f
9:      b       10f
11:     b       12f
10:     b       11b
12:     bl      nested
        CHECK(r0, 9)
        @ BX PC: to the instruction two words on (pc + 8), still ARM state
        mov     r0, #0
        bx      pc
        mov     r0, #99                 @ skipped
        CHECK(r0, 0)
        TEST_END branch

add_one:
        add     r0, r0, #1
        bx      lr
via_mov_pc:
        add     r0, r0, #1
        mov     pc, lr
t_four:
        mov     r0, #4
        bx      lr
t_five:
        mov     r0, #5
        mov     pc, lr
nested:
        push    {lr}
        bl      add_one
        bl      add_one
        pop     {pc}
        .data
table:
        .word   t_four, t_five
