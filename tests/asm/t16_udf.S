@ t16_udf.S -- T16 UDF (A8.8.247, 0xdeXX): it raises SIGILL
@ (qemu-arm and backstep without a debugger: the process dies of it).
@ thumb
@ expect-exit: -4
#include "thumb.inc"
        TEST_BEGIN
        movs    r0, #1
        mov     r8, r0
        CHECK(r8, 1)
        TEST_OK t16_udf
        movs    r1, #2
        udf     #0x42
        movs    r1, #3                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
