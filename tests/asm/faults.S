@ faults.S -- an instruction that faults ends the program with the same
@ signal under both tools, after the same trace: here UDF (permanently
@ undefined) must raise SIGILL.  The test prints "ok faults" first, so the
@ stdout comparison also checks that output before the fault is not lost.
@ march: armv7-a
@ expect-exit: -4
#include "common.inc"
        TEST_BEGIN
        mov     r0, #1
        adr     r1, okmsg
        mov     r2, #10
        mov     r7, #4
        svc     #0
        ldr     r4, =0x12345678
        SETPSR(0x60000000)
        udf     #0x1234
        TEST_END faults_not_reached     @ never reached
okmsg:  .ascii  "ok faults\n"
        .balign 4
