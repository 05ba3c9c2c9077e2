@ cp15.S -- the CP15 operations Linux lets user code run: the ARMv6-style
@ barriers (MCR p15, 0, Rt, c7, c10, 5 = DMB; c7, c10, 4 = DSB; c7, c5, 4 =
@ ISB; still emitted by armv6/armel code), the user read/write thread ID
@ register TPIDRURW (c13, c0, 2) and the read-only TPIDRURO (c13, c0, 3).
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        mcr     p15, 0, r0, c7, c10, 5  @ DMB
        mcr     p15, 0, r0, c7, c10, 4  @ DSB
        mcr     p15, 0, r0, c7, c5, 4   @ ISB
        ldr     r0, =0x13572468
        mcr     p15, 0, r0, c13, c0, 2  @ TPIDRURW
        mrc     p15, 0, r1, c13, c0, 2
        CHECK(r1, 0x13572468)
        mov     r0, #0
        mcr     p15, 0, r0, c13, c0, 2
        mrc     p15, 0, r2, c13, c0, 2
        CHECK(r2, 0)
        ldr     r0, =0x2468ace0
        ldr     r7, =0xf0005            @ set_tls
        svc     #0
        mrc     p15, 0, r3, c13, c0, 3
        CHECK(r3, 0x2468ace0)
        SETPSR(0x40000000)
        mrcne   p15, 0, r4, c13, c0, 3
        mrceq   p15, 0, r5, c13, c0, 3
        CHECK(r4, 0)
        CHECK(r5, 0x2468ace0)
        mcreq   p15, 0, r0, c7, c10, 5
        TEST_END cp15
