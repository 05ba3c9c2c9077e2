@ align_excld.S -- LDREXD needs a doubleword-aligned address: at an address
@ that is a multiple of 4 but not of 8 it raises an alignment fault that
@ Linux cannot fix up, so the program dies of SIGBUS (qemu-arm agrees).
@ An aligned LDREXD/STREXD pair runs first.
@ march: armv7-a
@ expect-exit: -7
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #15
        mov     r7, #4
        svc     #0
        ldr     r1, =dbuf
        ldrexd  r4, r5, [r1]            @ 8-aligned: fine
        strexd  r6, r4, r5, [r1]
        CHECK(r6, 0)
        add     r1, r1, #4
        ldrexd  r4, r5, [r1]            @ 4 mod 8: SIGBUS
        TEST_END align_excld_not_reached
okmsg:  .ascii  "ok align_excld\n"
        .balign 4
        .data
        .balign 8
dbuf:   .word   1, 2, 3, 4
