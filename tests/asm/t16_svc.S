@ t16_svc.S -- SVC in Thumb state with the EABI syscall ABI (the number in
@ r7, arguments r0-r6, the result in r0, every other register kept, the
@ immediate ignored), including a failing call's -errno.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r0, =0x11111111
        mov     r8, r0
        movs    r3, #3
        movs    r4, #4
        movs    r5, #5
        movs    r6, #6
        @ write(1, msg, 6) = 6
        movs    r0, #1
        adr     r1, msg
        movs    r2, #6
        movs    r7, #4
        svc     #0
        CHECK(r0, 6)
        CHECK(r1, msg)
        CHECK(r2, 6)
        CHECK(r3, 3)
        CHECK(r6, 6)
        CHECK(r7, 4)
        CHECK(r8, 0x11111111)
        @ close(-1) = -EBADF
        movs    r0, #0
        mvns    r0, r0
        movs    r7, #6
        svc     #0
        CHECK(r0, 0xfffffff7)
        @ the immediate does not pick the call: write again with svc #0x42
        movs    r0, #1
        adr     r1, msg
        movs    r2, #3
        movs    r7, #4
        svc     #0x42
        CHECK(r0, 3)
        @ sched_yield() = 0
        ldr     r7, =158
        svc     #0
        CHECK(r0, 0)
        CHECK(r7, 158)
        POOL
        TEST_END t16_svc
        .balign 4
msg:    .ascii  "hello\n"
