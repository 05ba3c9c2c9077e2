@ t16_kuser.S -- the kuser helpers called from Thumb code with BLX: they
@ return with BX LR to Thumb (LR bit 0 set); the trace around them is the
@ same one record at the helper's entry as in kuser_trace.S.  Also set_tls
@ with the Thumb syscall ABI (r7 = 0xf0005).
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r0, =0x0badcafe
        ldr     r7, =0xf0005            @ set_tls
        svc     #0
        movs    r0, #0
        ldr     r3, =0xffff0fe0         @ get_tls
        blx     r3
1:      CHECK(r0, 0x0badcafe)
        CHECK(lr, 1b + 1)
        ldr     r2, =kword
        movs    r0, #1
        movs    r1, #2
        ldr     r3, =0xffff0fc0         @ cmpxchg: succeeds
        blx     r3
        CHECK(r0, 0)
        ldr     r4, [r2]
        CHECK(r4, 2)
        movs    r0, #1
        movs    r1, #3
        ldr     r3, =0xffff0fc0         @ cmpxchg: fails (the word is 2)
        mov     r9, r3
        blx     r9
        CHECK(r4, 2)
        ldr     r4, [r2]
        CHECK(r4, 2)
        ldr     r3, =0xffff0fa0         @ memory_barrier
        blx     r3
2:      CHECK(lr, 2b + 1)
        TEST_END t16_kuser
        .data
kword:  .word   1
