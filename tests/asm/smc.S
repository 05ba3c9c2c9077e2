@ smc.S -- code written at run time: map an RWX page at a fixed address
@ (mmap2 with MAP_FIXED, so both tools return the same address), copy a
@ small function there, flush with the ARM private cacheflush syscall
@ (0xf0002), call it; then patch an instruction, flush, call again (the
@ translation made for the old bytes must not be reused), also patching the
@ code of a loop between iterations.
@ march: armv7-a
#include "common.inc"
        .equ    CODE, 0x00800000
        TEST_BEGIN
        ldr     r0, =CODE
        mov     r1, #4096
        mov     r2, #7                  @ PROT_READ|WRITE|EXEC
        mov     r3, #0x32               @ MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED
        mvn     r4, #0
        mov     r5, #0
        mov     r7, #192                @ mmap2
        svc     #0
        CHECK(r0, CODE)
        mov     r6, r0
        @ copy the template: mov r0, #1; add r0, r0, r1; bx lr
        ldr     r1, =template
        ldm     r1, {r2, r3, r4}
        stm     r6, {r2, r3, r4}
        bl      flush
        mov     r1, #10
        blx     r6
        CHECK(r0, 11)
        mov     r1, #10
        blx     r6                      @ again, from the translation
        CHECK(r0, 11)
        @ patch the first instruction to mov r0, #5
        ldr     r2, =0xe3a00005
        str     r2, [r6]
        bl      flush
        mov     r1, #10
        blx     r6
        CHECK(r0, 15)
        @ patch the second instruction to sub r0, r0, r1
        ldr     r2, =0xe0400001
        str     r2, [r6, #4]
        bl      flush
        mov     r1, #1
        blx     r6
        CHECK(r0, 4)
        @ a loop whose callee is patched on every iteration: mov r0, #i
        mov     r8, #0
        mov     r9, #0
1:      ldr     r2, =0xe3a00000
        orr     r2, r2, r8
        str     r2, [r6]
        bl      flush
        mov     r1, #0
        blx     r6
        add     r9, r9, r0
        add     r8, r8, #1
        cmp     r8, #10
        bne     1b
        CHECK(r9, 45)
        TEST_END smc

flush:  push    {r0-r2, r7, lr}
        mov     r0, r6
        add     r1, r6, #12
        mov     r2, #0
        ldr     r7, =0xf0002            @ cacheflush
        svc     #0
        pop     {r0-r2, r7, pc}
template:
        mov     r0, #1
        add     r0, r0, r1
        bx      lr
