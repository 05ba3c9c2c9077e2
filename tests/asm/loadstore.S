@ loadstore.S -- every single-register load/store addressing mode:
@ immediate offset (+/-), pre-indexed with writeback, post-indexed,
@ register offset (+/-) with LSL/LSR/ASR/ROR/RRX, register pre/post-indexed;
@ LDR/STR/LDRB/STRB/LDRH/STRH/LDRSB/LDRSH/LDRD/STRD, the unprivileged
@ LDRT/STRT/LDRBT/STRBT/LDRHT/STRHT/LDRSBT/LDRSHT forms, unaligned
@ LDR/LDRH/STR/STRH (allowed for user code on ARMv7 Linux), STR of PC.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =data
        ldr     r0, [r1]
        CHECK(r0, 0x11223344)
        ldr     r0, [r1, #4]
        CHECK(r0, 0x55667788)
        add     r2, r1, #8
        ldr     r0, [r2, #-4]
        CHECK(r0, 0x55667788)
        ldr     r0, [r2, #-8]!          @ pre-index, writeback
        CHECK(r2, data)
        ldr     r0, [r2, #4]!
        CHECK(r0, 0x55667788)
        ldr     r0, [r2], #8            @ post-index
        CHECK(r0, 0x55667788)
        CHECK(r2, data + 12)
        ldr     r0, [r2], #-12
        CHECK(r0, 0xddeeff00)
        CHECK(r2, data)
        mov     r3, #2
        ldr     r0, [r1, r3, lsl #2]
        CHECK(r0, 0x99aabbcc)
        add     r2, r1, #16
        ldr     r0, [r2, -r3, lsl #3]
        CHECK(r0, 0x11223344)
        mov     r3, #16
        ldr     r0, [r1, r3, lsr #2]
        CHECK(r0, 0x55667788)
        mvn     r3, #7                  @ -8
        ldr     r0, [r2, r3, asr #1]    @ r2 - 4
        CHECK(r0, 0xddeeff00)
        ldr     r3, =0x00000010
        ldr     r0, [r1, r3, ror #2]
        CHECK(r0, 0x55667788)
        mov     r3, #8
        SETPSR(0)
        ldr     r0, [r1, r3, rrx]       @ offset 4
        CHECK(r0, 0x55667788)
        mov     r3, #4
        ldr     r0, [r1, r3]
        CHECK(r0, 0x55667788)
        ldr     r0, [r2, -r3]
        CHECK(r0, 0xddeeff00)
        mov     r2, r1
        ldr     r0, [r2, r3]!
        CHECK(r2, data + 4)
        ldr     r0, [r2, r3, lsl #1]!
        CHECK(r2, data + 12)
        CHECK(r0, 0xddeeff00)
        ldr     r0, [r2], -r3
        CHECK(r2, data + 8)
        ldr     r0, [r2], r3, lsl #1
        CHECK(r0, 0x99aabbcc)
        CHECK(r2, data + 16)
        ldr     r0, [r2, -r3, lsl #2]!
        CHECK(r2, data)
        POOL

        @ bytes
        ldrb    r0, [r1]
        CHECK(r0, 0x44)
        ldrb    r0, [r1, #3]
        CHECK(r0, 0x11)
        ldrb    r0, [r1, #16]
        CHECK(r0, 0x83)
        mov     r2, r1
        ldrb    r0, [r2, #1]!
        CHECK(r0, 0x33)
        ldrb    r0, [r2], #-1
        CHECK(r2, data)
        mov     r3, #5
        ldrb    r0, [r1, r3]
        CHECK(r0, 0x77)
        ldrb    r0, [r1, r3, lsl #2]
        CHECK(r0, 0x87)
        ldrsb   r0, [r1, #16]
        CHECK(r0, 0xffffff83)
        ldrsb   r0, [r1, #19]
        CHECK(r0, 0xffffff80)
        ldrsb   r0, [r1, #3]
        CHECK(r0, 0x11)
        ldrsb   r0, [r1, r3]
        CHECK(r0, 0x77)
        add     r2, r1, #8
        ldrsb   r0, [r2, -r3]           @ data + 3
        CHECK(r0, 0x11)
        add     r2, r1, #21
        ldrsb   r0, [r2, -r3]           @ data + 16
        CHECK(r0, 0xffffff83)
        add     r2, r1, #20
        ldrsb   r0, [r2, #-4]!
        CHECK(r0, 0xffffff83)
        ldrsb   r0, [r2], r3
        CHECK(r2, data + 21)
        ldrsb   r0, [r2, -r3]!
        CHECK(r2, data + 16)
        @ halfwords
        ldrh    r0, [r1]
        CHECK(r0, 0x3344)
        ldrh    r0, [r1, #18]
        CHECK(r0, 0x8081)
        ldrsh   r0, [r1, #18]
        CHECK(r0, 0xffff8081)
        ldrsh   r0, [r1, #2]
        CHECK(r0, 0x1122)
        mov     r3, #6
        ldrh    r0, [r1, r3]
        CHECK(r0, 0x5566)
        add     r2, r1, #8
        ldrh    r0, [r2, -r3]
        CHECK(r0, 0x1122)
        ldrh    r0, [r2, #-2]!
        CHECK(r0, 0x5566)
        ldrh    r0, [r2], #10
        CHECK(r2, data + 16)
        ldrsh   r0, [r2], -r3
        CHECK(r0, 0xffff8283)
        CHECK(r2, data + 10)
        ldrsh   r0, [r2, r3]!
        CHECK(r0, 0xffff8283)
        CHECK(r2, data + 16)
        ldrsh   r0, [r1, #-0]
        POOL

        @ doublewords
        ldrd    r4, r5, [r1]
        CHECK(r4, 0x11223344)
        CHECK(r5, 0x55667788)
        ldrd    r4, r5, [r1, #8]
        CHECK(r4, 0x99aabbcc)
        CHECK(r5, 0xddeeff00)
        mov     r3, #16
        ldrd    r6, r7, [r1, r3]
        CHECK(r6, 0x80818283)
        add     r2, r1, #16
        ldrd    r6, r7, [r2, -r3]
        CHECK(r6, 0x11223344)
        ldrd    r6, r7, [r2, #-8]!
        CHECK(r2, data + 8)
        ldrd    r6, r7, [r2], #8
        CHECK(r7, 0xddeeff00)
        CHECK(r2, data + 16)
        ldrd    r6, r7, [r2], -r3
        CHECK(r2, data)
        ldrd    r8, r9, [r2, r3]!
        CHECK(r8, 0x80818283)
        CHECK(r2, data + 16)

        @ stores
        ldr     r1, =scratch
        ldr     r4, =0xcafef00d
        str     r4, [r1]
        ldr     r0, [r1]
        CHECK(r0, 0xcafef00d)
        strb    r4, [r1, #5]
        strh    r4, [r1, #6]
        ldr     r0, [r1, #4]
        CHECK(r0, 0xf00d0d00)
        mov     r2, r1
        str     r4, [r2, #8]!
        CHECK(r2, scratch + 8)
        str     r4, [r2], #4
        strb    r4, [r2], #1
        strb    r4, [r2, #1]!
        CHECK(r2, scratch + 14)
        mov     r3, #3
        strh    r4, [r2, r3]
        strh    r4, [r2, -r3]!
        CHECK(r2, scratch + 11)
        strh    r4, [r2], r3
        str     r4, [r1, r3, lsl #3]
        strb    r4, [r1, -r3]
        strb    r4, [r1, r3]!
        CHECK(r1, scratch + 3)
        sub     r1, r1, #3
        ldr     r5, =0x01020304
        strd    r4, r5, [r1, #32]
        strd    r4, r5, [r1, #40]!
        CHECK(r1, scratch + 40)
        strd    r4, r5, [r1], #-40
        mov     r3, #48
        strd    r4, r5, [r1, r3]
        strd    r4, r5, [r1, r3]!
        strd    r4, r5, [r1], -r3
        CHECK(r1, scratch)
        ldrd    r6, r7, [r1, #48]
        CHECK(r7, 0x01020304)
        @ str with Rt == Rn (no writeback) stores the old base
        add     r2, r1, #56
        str     r2, [r2]
        ldr     r0, [r1, #56]
        CHECK(r0, scratch + 56)
        @ STR of PC stores the instruction's address + 8
        str     pc, [r1, #60]
        POOL

        @ unprivileged forms (post-indexed only)
        ldr     r1, =data
        mov     r2, r1
        ldrt    r0, [r2], #4
        CHECK(r0, 0x11223344)
        ldrbt   r0, [r2], #1
        CHECK(r0, 0x88)
        mov     r3, #3
        ldrbt   r0, [r2], r3
        ldrt    r0, [r2], -r3, lsl #0
        CHECK(r2, data + 5)
        add     r2, r1, #16
        ldrht   r0, [r2], #2
        CHECK(r0, 0x8283)
        ldrsht  r0, [r2], #-2
        CHECK(r0, 0xffff8081)
        ldrsbt  r0, [r2], #1
        CHECK(r0, 0xffffff83)
        ldrsbt  r0, [r2], r3
        ldrht   r0, [r2], -r3
        CHECK(r2, data + 17)
        ldr     r2, =scratch + 64
        strt    r4, [r2], #4
        strbt   r4, [r2], #1
        strht   r4, [r2], #3
        strt    r4, [r2], r3, lsl #2
        CHECK(r2, scratch + 84)
        ldr     r0, [r2, #-20]
        CHECK(r0, 0xcafef00d)

        @ unaligned word and halfword accesses
        ldr     r1, =data
        ldr     r0, [r1, #1]
        CHECK(r0, 0x88112233)
        ldr     r0, [r1, #3]
        CHECK(r0, 0x66778811)
        ldrh    r0, [r1, #1]
        CHECK(r0, 0x2233)
        ldrsh   r0, [r1, #19]
        CHECK(r0, 0xffff8780)
        ldr     r2, =scratch
        ldr     r4, =0xa1b2c3d4
        str     r4, [r2, #97]
        strh    r4, [r2, #103]
        ldr     r0, [r2, #96]
        CHECK(r0, 0xb2c3d400)
        @ conditional loads and stores
        SETPSR(0x80000000)
        ldrmi   r5, [r1]
        ldrpl   r6, [r1]
        strmi   r5, [r2, #112]
        strbpl  r5, [r2, #116]
        ldrdmi  r8, r9, [r1, #8]
        ldrshpl r10, [r1, #18]
        CHECK(r5, 0x11223344)
        CHECK(r8, 0x99aabbcc)
        @ dump the scratch area so the stdout comparison also sees stores
        ldr     r1, =scratch
        mov     r2, #128
        mov     r0, #1
        mov     r7, #4
        svc     #0
        TEST_END loadstore

        .data
        .balign 8
data:
        .word   0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00
        .word   0x80818283, 0x84858687, 0x00000000, 0x00000000
        .bss
        .balign 8
scratch:
        .space  256
