@ ldm_stm.S -- LDM/STM in all four modes (IA, IB, DA, DB) with and without
@ writeback, PUSH/POP, single-register lists, the base in the list of an LDM
@ without writeback, STM of the base as the lowest register with writeback,
@ and LDM with PC in the list used as a function return.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r0, =area
        ldr     r1, =0x11111111
        ldr     r2, =0x22222222
        ldr     r3, =0x33333333
        ldr     r4, =0x44444444
        mov     r12, r0
        stmia   r12, {r1-r4}
        stmib   r12, {r1, r3}
        add     r12, r0, #32
        stmda   r12, {r1, r2, r4}
        stmdb   r12, {r3}
        add     r12, r0, #64
        stmia   r12!, {r1-r4}
        CHECK(r12, area + 80)
        stmib   r12!, {r1-r2}
        CHECK(r12, area + 88)
        stmda   r12!, {r4}
        CHECK(r12, area + 84)
        stmdb   r12!, {r1, r2, r3, r4}
        CHECK(r12, area + 68)
        ldmia   r0, {r5-r8}
        CHECK(r5, 0x11111111)
        CHECK(r6, 0x11111111)
        CHECK(r7, 0x33333333)
        CHECK(r8, 0x44444444)
        add     r12, r0, #32
        ldmda   r12, {r5, r6, r7}
        CHECK(r5, 0x11111111)
        ldmdb   r12, {r8, r9}
        CHECK(r9, 0x33333333)
        ldmib   r0, {r5}
        ldmia   r12!, {r5-r6}
        CHECK(r12, area + 40)
        ldmib   r12!, {r5-r10}
        CHECK(r12, area + 64)
        ldmda   r12!, {r5, r6}
        CHECK(r12, area + 56)
        ldmdb   r12!, {r5-r9}
        CHECK(r12, area + 36)
        @ base register in the list of an LDM without writeback: loaded value wins
        ldr     r12, =area
        ldmia   r12, {r5, r12}
        CHECK(r12, 0x11111111)
        @ STM with writeback, base = lowest register: stores the original base
        ldr     r5, =area + 128
        stmia   r5!, {r5, r6}
        CHECK(r5, area + 136)
        ldr     r9, [r5, #-8]
        CHECK(r9, area + 128)
        @ STM of lr and r14..r0
        ldr     r0, =area + 160
        stmia   r0, {r0-r12, lr}
        ldmia   r0, {r0-r12, lr}
        @ PUSH / POP on the test stack
        push    {r1-r4}
        pop     {r5-r8}
        CHECK(r8, 0x44444444)
        push    {lr}
        pop     {r9}
        stmfd   sp!, {r1, r3}
        ldmfd   sp!, {r2, r4}
        CHECK(r4, 0x33333333)
        push    {r2}                    @ single register: str with writeback
        pop     {r10}
        CHECK(r10, 0x11111111)
        @ LDM with PC in the list as a return
        bl      func_ia
        CHECK(r0, 0x1234)
        bl      func_pop
        CHECK(r0, 0x5678)
        ldr     r11, =area + 200
        bl      func_db
        CHECK(r0, 0x9abc)
        CHECK(r11, area + 200)
        @ conditional LDM/STM
        SETPSR(0x40000000)
        ldr     r0, =area
        ldmiane r0, {r1, r2}
        ldmiaeq r0, {r3, r4}
        stmdbne r0!, {r1}
        stmiaeq r0!, {r1}
        CHECK(r0, area + 4)
        CHECK(r3, 0x11111111)
        @ dump the area so stdout shows every store
        ldr     r1, =area
        mov     r2, #256
        mov     r0, #1
        mov     r7, #4
        svc     #0
        TEST_END ldm_stm

func_ia:
        stmdb   sp!, {r4, r5, lr}
        ldr     r0, =0x1234
        mov     r4, #4
        ldmia   sp!, {r4, r5, pc}
func_pop:
        push    {r1, lr}
        ldr     r0, =0x5678
        pop     {r1, pc}
func_db:
        stmdb   r11, {r4, lr}           @ frame below r11, no writeback
        mov     r4, #0
        ldr     r0, =0x9abc
        ldmdb   r11, {r4, pc}

        .bss
        .balign 8
area:
        .space  256
