@ t16_ldm_stm.S -- T16 STMIA Rn!, LDMIA Rn(!), PUSH, POP (A6.2.5, A6.2.6):
@ writeback rules (STM always writes back, with the base the lowest register
@ of the list it stores the original base; LDM writes back only when the base
@ is not in the list, else the base gets the loaded value), single and full
@ lists, PUSH with LR, POP with PC both staying in Thumb (bit 0 set) and
@ switching to ARM (bit 0 clear).
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r0, =sbuf
        movs    r1, #1
        movs    r2, #2
        movs    r3, #3
        stmia   r0!, {r1, r2, r3}
        ldr     r4, =sbuf + 12
        subs    r4, r0, r4
        CHECK(r4, 0)                    @ written back by 3 words
        ldr     r0, =sbuf
        ldmia   r0!, {r5, r6, r7}
        CHECK(r5, 1)
        CHECK(r6, 2)
        CHECK(r7, 3)
        ldr     r4, =sbuf + 12
        subs    r4, r0, r4
        CHECK(r4, 0)
        @ single register
        ldr     r0, =sbuf + 16
        ldr     r1, =0xdeadbeef
        stmia   r0!, {r1}
        ldr     r0, =sbuf + 16
        ldmia   r0!, {r2}
        CHECK(r2, 0xdeadbeef)
        CHECK(r0, sbuf + 20)
        @ STM with the base the lowest register of the list: the original base
        ldr     r2, =sbuf + 32
        movs    r3, #33
        movs    r4, #34
        stmia   r2!, {r2, r3, r4}
        CHECK(r2, sbuf + 44)
        ldr     r5, =sbuf + 32
        ldr     r6, [r5, #0]
        CHECK(r6, sbuf + 32)
        ldr     r6, [r5, #8]
        CHECK(r6, 34)
        POOL
        @ LDM with the base in the list: no writeback, the base gets its word
        ldr     r3, =sbuf
        ldmia   r3, {r1, r3}            @ loads 1, 2
        CHECK(r1, 1)
        CHECK(r3, 2)
        ldr     r3, =sbuf
        ldmia   r3, {r3, r4}            @ base lowest
        CHECK(r3, 1)
        CHECK(r4, 2)
        ldr     r7, =sbuf
        ldmia   r7, {r0-r7}             @ all eight, base highest
        CHECK(r0, 1)
        CHECK(r2, 3)
        CHECK(r4, 0xdeadbeef)
        CHECK(r7, 0)
        ldr     r0, =sbuf
        ldmia   r0, {r0}                @ single, the base itself
        CHECK(r0, 1)
        POOL
        @ all eight low registers
        ldr     r0, =0x10
        movs    r1, #11
        movs    r2, #12
        movs    r3, #13
        movs    r4, #14
        movs    r5, #15
        movs    r6, #16
        movs    r7, #17
        ldr     r0, =sbuf + 64
        stmia   r0!, {r0-r7}            @ base lowest: stores sbuf + 64
        CHECK(r0, sbuf + 96)
        ldr     r0, =sbuf + 64
        ldmia   r0!, {r1-r7}
        CHECK(r0, sbuf + 92)
        CHECK(r1, sbuf + 64)
        CHECK(r7, 16)
        POOL
        @ PUSH / POP
        mov     r6, sp
        ldr     r0, =0xa0
        movs    r1, #0xa1
        movs    r2, #0xa2
        ldr     r3, =0x1234
        mov     lr, r3
        push    {r0, r1, r2, lr}
        mov     r5, sp
        subs    r5, r6, r5
        CHECK(r5, 16)
        ldr     r3, [sp, #12]
        CHECK(r3, 0x1234)
        ldr     r3, [sp, #0]
        CHECK(r3, 0xa0)
        pop     {r3, r4}
        CHECK(r3, 0xa0)
        CHECK(r4, 0xa1)
        pop     {r0, r7}
        CHECK(r0, 0xa2)
        CHECK(r7, 0x1234)
        mov     r5, sp
        subs    r5, r6, r5
        CHECK(r5, 0)
        push    {r0-r7}
        pop     {r0-r7}
        mov     r5, sp
        subs    r5, r6, r5
        CHECK(r5, 0)
        POOL
        @ POP {pc} staying in Thumb
        ldr     r0, =1f + 1
        push    {r0}
        pop     {pc}
        b       .
1:      mov     r5, sp
        subs    r5, r6, r5
        CHECK(r5, 0)
        @ POP {r1, pc} to ARM: the ARM code comes back with BX
        movs    r2, #77
        ldr     r3, =arm_part
        push    {r2, r3}
        movs    r1, #0
        pop     {r1, pc}                @ r1 = 77, pc = arm_part (bit 0 clear)
        b       .
        .arm
        .balign 4
arm_part:
        mov     r2, #5
        adr     r0, 2f + 1
        bx      r0
        .thumb
2:      CHECK(r2, 5)
        CHECK(r1, 77)
        @ PUSH {lr} / POP {pc} as a function return
        bl      func
        CHECK(r2, 6)
        mov     r5, sp
        subs    r5, r6, r5
        CHECK(r5, 0)
        TEST_END t16_ldm_stm

func:   push    {r4, lr}
        adds    r2, #1
        pop     {r4, pc}

        .bss
        .balign 4
sbuf:   .space  128
