@ t32_kernel_bkpt.S -- udf.w #0 (0xf7f0a000), the Linux kernel's Thumb-2
@ breakpoint: SIGTRAP under qemu-arm's user mode, not SIGILL.
@ thumb2
@ expect-exit: -5
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        movs    r0, #1
        mov     r8, r0
        CHECK(r8, 1)
        TEST_OK t32_kernel_bkpt
        movs    r1, #2
        .inst.w 0xf7f0a000
        movs    r1, #3                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
