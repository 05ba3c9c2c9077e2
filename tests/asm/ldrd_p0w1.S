@ ldrd_p0w1.S -- A32 LDRD post-indexed with W = 1 (0xe0e621d1, "ldrd r2, r3, [r6], #17" with
@ W set) has no unprivileged form: UNPREDICTABLE (A8.8.72/A8.8.210), and
@ qemu-arm raises SIGILL; so must backstep (arm/a32.decode: unpred ...||(!p&&w)).
@ march: armv7-a
@ expect-exit: -4
#include "common.inc"
        TEST_BEGIN
        ldr     r6, =buf
        mov     r0, #1
        adr     r1, 1f
        mov     r2, #(2f - 1f)
        mov     r7, #4
        svc     #0
        mov     r2, #5
        .inst   0xe0e621d1
        mov     r0, #0                  @ never reached
        mov     r7, #1
        svc     #0
1:      .ascii  "ok ldrd_p0w1\n"
2:      .balign 4
        .ltorg
        TEST_RUNTIME
        .data
buf:    .space  64
