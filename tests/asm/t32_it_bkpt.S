@ t32_it_bkpt.S -- BKPT inside an IT block whose condition fails: BKPT is
@ unconditional even there (A8.8.24), so it raises SIGTRAP, with ITSTATE
@ still in the trace record before it.
@ thumb2
@ expect-exit: -5
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        movs    r0, #1
        mov     r8, r0
        CHECK(r8, 1)
        TEST_OK t32_it_bkpt
        movs    r1, #2                  @ Z clear
        ite     eq
        moveq   r1, #3                  @ skipped
        .inst.n 0xbe42                  @ bkpt #0x42 in the else slot
        movs    r1, #4                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
