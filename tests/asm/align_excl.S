@ align_excl.S -- exclusive accesses must be naturally aligned: an LDREX
@ from an address that is not a multiple of 4 raises an alignment fault on
@ any ARMv7 CPU, and Linux cannot fix it up, so the program dies of SIGBUS
@ (qemu-arm agrees).  (Unaligned LDRD/LDM/STRD/STM also SIGBUS under qemu-arm
@ 7.2, but a Linux kernel normally fixes those up in its alignment handler,
@ so they are not pinned here.)  Aligned LDREXH at an odd-halfword address
@ is fine and runs first.
@ march: armv7-a
@ expect-exit: -7
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #14
        mov     r7, #4
        svc     #0
        ldr     r1, =abuf + 2
        ldrexh  r4, [r1]                @ halfword aligned: fine
        clrex
        ldrex   r4, [r1]                @ word access at +2: SIGBUS
        TEST_END align_excl_not_reached
okmsg:  .ascii  "ok align_excl\n"
        .balign 4
        .data
        .balign 8
abuf:   .word   0x11223344, 0x55667788
