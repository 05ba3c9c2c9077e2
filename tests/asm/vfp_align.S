@ fpu
@ vfp_align.S -- VFP loads and stores must be word aligned whatever
@ SCTLR.A says (ARM ARM A3.2.1); Linux's alignment handler does not fix up
@ coprocessor accesses, so the program dies of SIGBUS (qemu-arm agrees).
@ A VSTM to a word-aligned (not doubleword-aligned) address is fine and
@ runs first.
@ expect-exit: -7
#include "common.inc"
        .fpu vfpv4
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #13
        mov     r7, #4
        svc     #0
        ldr     r1, =abuf + 4
        vmov.f64 d1, #1.5
        vstmia  r1, {d1}                @ word aligned: fine
        vldr    s0, [r1]
        add     r1, r1, #2
        vldr    d2, [r1, #-4]           @ halfword aligned: SIGBUS
        TEST_END vfp_align_not_reached
okmsg:  .ascii  "ok vfp_align\n"
        .balign 4
        .data
        .balign 8
abuf:   .word   0x11223344, 0x55667788, 0, 0
