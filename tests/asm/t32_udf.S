@ t32_udf.S -- T32 UDF.W (A8.8.247, T2) whose IT condition passes: SIGILL
@ (a failing one retires: t32_it.S).
@ thumb2
@ expect-exit: -4
#include "thumb.inc"
        .syntax unified
        TEST_BEGIN
        movs    r0, #1
        mov     r8, r0
        CHECK(r8, 1)
        TEST_OK t32_udf
        movs    r1, #2                  @ Z clear
        itt     ne
        movne   r1, #3
        .inst.w 0xf7f1a123              @ udf.w #0x1123 in an IT slot that passes
        movs    r1, #4                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
