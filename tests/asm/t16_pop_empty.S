@ t16_pop_empty.S -- T16 POP with an empty register list (0xbc00) is
@ UNPREDICTABLE (ARM ARM A8.8.131); qemu-arm raises SIGILL, so must backstep
@ (arm/t16.decode: unpred:list==0). Nothing after it runs.
@ thumb
@ expect-exit: -4
#include "thumb.inc"
        TEST_BEGIN
        movs    r0, #1
        CHECK(r0, 1)
        TEST_OK t16_pop_empty
        mov     r1, sp
        .inst.n 0xbc00                      @ pop {}
        movs    r1, #3                  @ never reached
        movs    r0, #0
        movs    r7, #1
        svc     #0
        .ltorg
        TEST_RUNTIME_T
