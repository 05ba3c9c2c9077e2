@ legacy.S -- deprecated but still executable user instructions that qemu-arm
@ runs: SWP/SWPB (atomic swap; ARMv7 Linux may also emulate them).
@ (A SETEND BE/LE part was taken out until backstep supports big-endian data
@ accesses; qemu-arm runs it.)
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r2, =sw
        mov     r3, #5
        swp     r4, r3, [r2]
        CHECK(r4, 0x11223344)
        ldr     r0, [r2]
        CHECK(r0, 5)
        mov     r3, #0xab
        swpb    r5, r3, [r2]
        CHECK(r5, 5)
        ldr     r0, [r2]
        CHECK(r0, 0xab)
        swp     r6, r6, [r2]            @ Rt == Rt2
        CHECK(r6, 0xab)
        @ SETEND BE (big-endian data accesses) is not supported by backstep yet:
        @ it raises SIGILL there. Its test comes back with that support.
        mrs     r1, APSR
        TEST_END legacy
        .data
sw:     .word   0x11223344
be:     .byte   0x11, 0x22, 0x33, 0x44
        .word   0
