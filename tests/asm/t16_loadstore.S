@ t16_loadstore.S -- T16 loads and stores (A6.2.4, A6.2.5): LDR STR LDRB
@ STRB LDRH STRH LDRSB LDRSH with a register offset (also negative and
@ unaligned), the immediate forms (imm5 scaled, smallest and largest), LDR
@ literal (base Align(PC, 4)) from 4-aligned and 2-mod-4 addresses, SP-relative
@ LDR/STR, ADR from both alignments, ADD/SUB SP, #imm7*4, ADD Rd, SP, #imm8*4.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r1, =buf
        @ register offset
        movs    r2, #8
        ldr     r0, [r1, r2]
        CHECK(r0, 0xf0e1d2c3)
        movs    r2, #3
        ldrb    r0, [r1, r2]
        CHECK(r0, 0x80)
        ldrsb   r0, [r1, r2]
        CHECK(r0, 0xffffff80)
        movs    r2, #12
        ldrsb   r0, [r1, r2]
        CHECK(r0, 0x4c)
        movs    r2, #2
        ldrh    r0, [r1, r2]
        CHECK(r0, 0x8081)
        ldrsh   r0, [r1, r2]
        CHECK(r0, 0xffff8081)
        movs    r2, #12
        ldrsh   r0, [r1, r2]
        CHECK(r0, 0x5d4c)
        movs    r2, #10
        ldrh    r0, [r1, r2]
        CHECK(r0, 0xf0e1)
        movs    r2, #9
        ldrb    r0, [r1, r2]
        CHECK(r0, 0xd2)
        adds    r3, r1, #7
        adds    r3, #1                  @ r3 = buf + 8
        ldr     r2, =0xfffffffc         @ negative offset
        ldr     r0, [r3, r2]
        CHECK(r0, 0x84858687)
        @ unaligned word and halfword (ARMv6+ Linux: allowed)
        movs    r2, #1
        ldr     r0, [r1, r2]
        CHECK(r0, 0x87808182)
        adds    r6, r1, #1
        ldrh    r0, [r6, #0]
        CHECK(r0, 0x8182)
        movs    r2, #2
        ldrsh   r0, [r6, r2]
        CHECK(r0, 0xffff8780)
        POOL
        @ immediate offsets
        ldr     r0, [r1, #0]
        CHECK(r0, 0x80818283)
        ldr     r0, [r1, #4]
        CHECK(r0, 0x84858687)
        ldr     r0, [r1, #124]
        CHECK(r0, 0xa5a5a5a5)
        ldrb    r0, [r1, #3]
        CHECK(r0, 0x80)
        ldrb    r0, [r1, #31]
        CHECK(r0, 0x5a)
        ldrh    r0, [r1, #2]
        CHECK(r0, 0x8081)
        ldrh    r0, [r1, #62]
        CHECK(r0, 0x1234)
        ldr     r1, [r1, #4]            @ Rt == Rn
        CHECK(r1, 0x84858687)
        POOL
        @ stores
        ldr     r5, =sbuf
        ldr     r0, =0x11223344
        str     r0, [r5, #0]
        strh    r0, [r5, #6]
        strb    r0, [r5, #7]
        ldr     r3, [r5, #4]
        CHECK(r3, 0x44440000)
        movs    r2, #8
        str     r0, [r5, r2]
        movs    r2, #13
        strb    r0, [r5, r2]
        movs    r2, #14
        strh    r0, [r5, r2]
        ldr     r3, [r5, #8]
        CHECK(r3, 0x11223344)
        ldr     r3, [r5, #12]
        CHECK(r3, 0x33444400)
        strb    r0, [r5, #31]
        strh    r0, [r5, #62]
        str     r0, [r5, #124]
        ldr     r3, [r5, #28]
        CHECK(r3, 0x44000000)
        ldr     r3, [r5, #60]
        CHECK(r3, 0x33440000)
        ldr     r3, [r5, #124]
        CHECK(r3, 0x11223344)
        movs    r2, #17
        str     r0, [r5, r2]            @ unaligned store
        ldr     r3, [r5, #16]
        CHECK(r3, 0x22334400)
        ldr     r3, [r5, #20]
        CHECK(r3, 0x00000011)
        POOL
        @ LDR literal from both alignments (the base is Align(PC, 4))
        .balign 4
        ldr     r0, lit1                @ 4-aligned
        ldr     r1, lit1                @ 2 mod 4
        ldr     r2, lit2
        ldr     r3, lit2
        CHECK(r0, 0xcafef00d)
        CHECK(r1, 0xcafef00d)
        CHECK(r2, 0x0badc0de)
        CHECK(r3, 0x0badc0de)
        @ ADR from both alignments
        .balign 4
        adr     r0, lit1
        adr     r1, lit2
        CHECK(r0, lit1)
        CHECK(r1, lit2)
        b       1f
        .balign 4
lit1:   .word   0xcafef00d
lit2:   .word   0x0badc0de
1:      POOL
        @ SP-relative and SP arithmetic
        mov     r7, sp
        sub     sp, #508
        mov     r6, sp
        subs    r6, r7, r6
        CHECK(r6, 508)
        ldr     r0, =0x5555aaaa
        str     r0, [sp, #0]
        str     r7, [sp, #1020]
        ldr     r1, [sp, #0]
        CHECK(r1, 0x5555aaaa)
        ldr     r1, =0xffffffff
        str     r1, [sp, #4]
        ldr     r2, [sp, #4]
        CHECK(r2, 0xffffffff)
        ldr     r3, [sp, #1020]
        subs    r3, r3, r7
        CHECK(r3, 0)
        add     r4, sp, #1020
        subs    r4, r4, r7
        CHECK(r4, 512)
        add     r4, sp, #0
        mov     r6, sp
        subs    r4, r4, r6
        CHECK(r4, 0)
        add     sp, #500
        add     sp, #8
        mov     r6, sp
        subs    r6, r7, r6
        CHECK(r6, 0)
        TEST_END t16_loadstore

        .data
        .balign 4
buf:    .word   0x80818283, 0x84858687, 0xf0e1d2c3, 0x7f6e5d4c
        .word   0, 0, 0, 0x5a000000
        .space  28
        .word   0x12340000
        .space  60
        .word   0xa5a5a5a5
        .bss
        .balign 4
sbuf:   .space  128
