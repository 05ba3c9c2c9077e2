@ exclusive.S -- LDREX/STREX, LDREXB/STREXB, LDREXH/STREXH, LDREXD/STREXD,
@ CLREX (a STREX after CLREX fails with status 1), STREX without a
@ preceding LDREX fails, a retry loop (atomic increment), and DMB/DSB/ISB.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =xdata
        ldrex   r0, [r1]
        CHECK(r0, 0x11223344)
        add     r0, r0, #1
        strex   r2, r0, [r1]
        CHECK(r2, 0)
        ldr     r3, [r1]
        CHECK(r3, 0x11223345)
        @ STREX without a reservation fails and does not store
        mov     r4, #0x55
        strex   r2, r4, [r1]
        CHECK(r2, 1)
        ldr     r3, [r1]
        CHECK(r3, 0x11223345)
        @ CLREX drops the reservation
        ldrex   r0, [r1]
        clrex
        strex   r2, r4, [r1]
        CHECK(r2, 1)
        @ byte and halfword
        add     r5, r1, #4
        ldrexb  r0, [r5]
        CHECK(r0, 0x88)
        mov     r6, #0xab
        strexb  r2, r6, [r5]
        CHECK(r2, 0)
        ldrexh  r0, [r5]
        CHECK(r0, 0x77ab)
        ldr     r6, =0xfedc
        strexh  r2, r6, [r5]
        CHECK(r2, 0)
        ldr     r3, [r5]
        CHECK(r3, 0x5566fedc)
        @ doubleword (even register pair, 8-byte aligned)
        add     r5, r1, #8
        ldrexd  r6, r7, [r5]
        CHECK(r6, 0x99aabbcc)
        CHECK(r7, 0xddeeff00)
        adds    r6, r6, #0x34000000
        adc     r7, r7, #0
        strexd  r2, r6, r7, [r5]
        CHECK(r2, 0)
        ldrd    r8, r9, [r5]
        CHECK(r8, 0xcdaabbcc)
        CHECK(r9, 0xddeeff00)
        strexd  r2, r6, r7, [r5]        @ no reservation
        CHECK(r2, 1)
        @ atomic increment loop, 5 times
        mov     r10, #5
1:      ldrex   r0, [r1]
        add     r0, r0, #2
        strex   r2, r0, [r1]
        cmp     r2, #0
        bne     1b
        subs    r10, r10, #1
        bne     1b
        ldr     r0, [r1]
        CHECK(r0, 0x1122334f)
        @ barriers
        dmb     ish
        dmb     sy
        dsb     sy
        dsb     ish
        isb     sy
        dmb     ishst
        @ conditional exclusives
        SETPSR(0x40000000)
        ldrexne r0, [r1]
        ldrexeq r11, [r1]
        strexne r2, r0, [r1]
        strexeq r12, r11, [r1]
        CHECK(r12, 0)
        CHECK(r11, 0x1122334f)
        ldr     r1, =xdata
        mov     r2, #16
        mov     r0, #1
        mov     r7, #4
        svc     #0
        TEST_END exclusive
        .data
        .balign 8
xdata:
        .word   0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00
