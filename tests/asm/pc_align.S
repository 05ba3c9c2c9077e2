@ pc_align.S -- an ARM-state branch to an address with bits 1:0 = 10 (BX,
@ BXWritePC: UNPREDICTABLE, ARM ARM A2.3.2) is the PC alignment fault of
@ ARMv7: the process dies of SIGBUS under qemu-arm 7.2 (not a branch to the
@ word below, which dropping the target's bit 1 would give).
@ expect-exit: -7
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        CHECK(r0, 1)
        adr     r1, 2f                  @ "ok pc_align" first
        mov     r2, #(3f - 2f)
        mov     r7, #4
        svc     #0
        adr     r0, 1f
        add     r0, r0, #2
        bx      r0
        .align  2
1:      mov     r0, #0                  @ never reached
        mov     r7, #1
        svc     #0
2:      .ascii  "ok pc_align\n"
3:      .balign 4
        .ltorg
        TEST_RUNTIME
