@ t16_kernel_bkpt.S -- udf #1 (0xde01), the Linux kernel's Thumb
@ breakpoint: SIGTRAP under qemu-arm's user mode, not SIGILL.
@ thumb
@ expect-exit: -5
#include "thumb.inc"

        TEST_BEGIN
        movs    r0, #1
        mov     r8, r0
        CHECK(r8, 1)
        TEST_OK t16_kernel_bkpt
        movs    r1, #2
        .inst.n 0xde01
        movs    r1, #3                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
