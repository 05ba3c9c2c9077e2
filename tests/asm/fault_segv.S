@ fault_segv.S -- a load from an unmapped address (0x10, below any mapping)
@ kills the program with SIGSEGV under both tools, after identical traces;
@ the conditional load before it fails its condition and must not fault.
@ march: armv7-a
@ expect-exit: -11
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #14
        mov     r7, #4
        svc     #0
        mov     r3, #0x10
        SETPSR(0x40000000)
        ldrne   r4, [r3]                @ condition fails: no access
        str     r4, [r3]                @ faults
        TEST_END fault_segv_not_reached
okmsg:  .ascii  "ok fault_segv\n"
        .balign 4
