@ kernel_bkpt.S -- 0xe7f001f0 (a UDF encoding), the Linux kernel's ARM
@ breakpoint (BREAKINST_ARM): SIGTRAP under qemu-arm's user mode, not
@ SIGILL. The test prints "ok kernel_bkpt" first.
@ expect-exit: -5
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #15
        mov     r7, #4
        svc     #0
        .inst   0xe7f001f0
        TEST_END kernel_bkpt_not_reached  @ never reached
okmsg:  .ascii  "ok kernel_bkpt\n"
        .balign 4
