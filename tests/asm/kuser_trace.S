@ kuser_trace.S -- the -d cpu trace around calls to the kuser helpers.
@ qemu-arm 7.2 emulates a helper call in one step and prints exactly one
@ record for it, at the helper's entry address (R15=ffff0fe0 etc., with the
@ registers as they are before the helper runs), followed by the record at
@ the return address.  backstep's trace must show the same records.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r0, =0x0badcafe
        ldr     r7, =0xf0005            @ set_tls
        svc     #0
        ldr     r12, =0xffff0fe0        @ get_tls
        blx     r12
        CHECK(r0, 0x0badcafe)
        ldr     r2, =kword
        mov     r0, #1
        mov     r1, #2
        ldr     r12, =0xffff0fc0        @ cmpxchg: succeeds
        blx     r12
        CHECK(r0, 0)
        ldr     r12, =0xffff0fa0        @ memory_barrier
        blx     r12
        TEST_END kuser_trace
        .data
kword:  .word   1
