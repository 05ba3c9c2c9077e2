@ t16_bx.S -- interworking with BX/BLX (register) both ways (A8.8.27/A8.8.26):
@ Thumb BX/BLX to ARM (bit 0 clear) and to Thumb (bit 0 set), low and high
@ registers and LR, BLX's link value (next instruction | 1), BX PC from a
@ 4-aligned Thumb address; the A32 side returns with BX LR, LDR PC, POP {pc},
@ MOV PC and ADD PC (ARMv7 data-processing writes to PC interwork, as qemu-arm's
@ default CPU does), and A32 BLX to Thumb.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        movs    r4, #0
        @ Thumb BLX to ARM; ARM returns with BX LR
        ldr     r0, =arm_inc
        blx     r0
t1:     CHECK(r4, 1)
        CHECK(lr, t1 + 1)
        @ Thumb BLX to Thumb (high register)
        ldr     r0, =thumb_inc + 1
        mov     r9, r0
        blx     r9
t2:     CHECK(r4, 2)
        CHECK(lr, t2 + 1)
        @ Thumb BX to ARM; ARM comes back with LDR PC (odd address)
        ldr     r0, =arm_back_ldr
        ldr     r1, =t3 + 1
        bx      r0
        b       .
t3:     CHECK(r4, 3)
        CHECK(r1, t3 + 1)
        @ Thumb BX to Thumb (bit 0 set)
        ldr     r0, =t4 + 1
        bx      r0
        b       .
t4:     CHECK(r0, t4 + 1)
        @ BX LR to Thumb
        ldr     r0, =t5 + 1
        mov     lr, r0
        bx      lr
        b       .
t5:     CHECK(lr, t5 + 1)
        @ ARM code comes back with POP {pc}, MOV PC, ADD PC
        ldr     r0, =arm_back_pop
        ldr     r1, =t6 + 1
        bx      r0
        b       .
t6:     CHECK(r4, 4)
        ldr     r0, =arm_back_mov
        ldr     r1, =t7 + 1
        bx      r0
        b       .
t7:     CHECK(r4, 5)
        ldr     r0, =arm_back_add
        ldr     r1, =t8
        bx      r0
        b       .
t8:     CHECK(r4, 6)
        POOL
        @ BX PC at a 4-aligned address: to ARM at its address + 4
        .balign 4
        bx      pc
        nop                             @ skipped (address + 2)
        .arm
        add     r4, r4, #1
        adr     r0, t9 + 1
        bx      r0
        .thumb
t9:     CHECK(r4, 7)
        @ ARM BLX to Thumb, the Thumb function returns with BX LR
        ldr     r0, =arm_calls_thumb
        blx     r0
t10:    CHECK(r4, 9)
        CHECK(r6, t10 + 1)              @ the Thumb BLX link value
        CHECK(lr, arm_ret)              @ BX R6 does not link
        CHECK(r5, arm_ret)
        POOL
        TEST_END t16_bx

        .arm
        .balign 4
arm_inc:
        add     r4, r4, #1
        bx      lr
arm_back_ldr:
        add     r4, r4, #1
        push    {r1}
        ldr     pc, [sp], #4
arm_back_pop:
        add     r4, r4, #1
        push    {r1}
        pop     {pc}
arm_back_mov:
        add     r4, r4, #1
        mov     pc, r1
arm_back_add:
        add     r4, r4, #1
        add     pc, r1, #1
arm_calls_thumb:
        mov     r6, lr
        ldr     r0, =thumb_inc + 1
        blx     r0
arm_ret:
        mov     r5, lr                  @ BX LR returned to ARM: LR is arm_ret
        add     r4, r4, #1
        bx      r6
        .ltorg

        .thumb
thumb_inc:
        adds    r4, #1
        bx      lr
