@ t16_shift_imm.S -- T16 shift (immediate): LSLS, LSRS, ASRS Rd, Rm, #imm5
@ (A8.8.94/A8.8.97/A8.8.17). LSL #0 is MOVS (C unchanged); LSR/ASR #0 in the
@ encoding mean #32; the carry is the last bit shifted out.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        ldr     r1, =0x80000001
        @ LSL #0 (encoding 0x0008: movs r0, r1): N Z from the value, C V kept
        SETPSR(0x30000000)
        movs    r0, r1
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xb0000000)
        SETPSR(0x00000000)
        lsls    r2, r1, #1
        CHECK(r2, 0x00000002)
        CHECKPSR(NZCV_MASK, 0x20000000)     @ C = bit 31
        lsls    r3, r1, #31
        CHECK(r3, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x80000000)     @ C = bit 1 = 0
        ldr     r4, =0x00000003
        lsls    r5, r4, #31
        CHECK(r5, 0x80000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ C = bit 1 = 1
        SETPSR(0x10000000)                  @ V survives every shift
        lsls    r6, r4, #30
        CHECK(r6, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        @ LSR
        SETPSR(0x00000000)
        lsrs    r0, r1, #1
        CHECK(r0, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        lsrs    r0, r1, #31
        CHECK(r0, 0x00000001)
        CHECKPSR(NZCV_MASK, 0x00000000)
        lsrs    r0, r1, #32                 @ imm5 = 0: result 0, C = bit 31
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r2, =0x7fffffff
        SETPSR(0xf0000000)
        lsrs    r0, r2, #32
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x50000000)
        @ ASR
        SETPSR(0x00000000)
        asrs    r7, r1, #1
        CHECK(r7, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        asrs    r7, r1, #31
        CHECK(r7, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        asrs    r7, r1, #32                 @ imm5 = 0: all sign bits, C = bit 31
        CHECK(r7, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        asrs    r7, r2, #32
        CHECK(r7, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        POOL
        @ same register as source and destination
        ldr     r3, =0x12345678
        lsls    r3, r3, #4
        CHECK(r3, 0x23456780)
        CHECKPSR(NZCV_MASK, 0x20000000)
        lsrs    r3, r3, #8
        CHECK(r3, 0x00234567)
        CHECKPSR(NZCV_MASK, 0x20000000)
        asrs    r3, r3, #3
        CHECK(r3, 0x000468ac)
        CHECKPSR(NZCV_MASK, 0x20000000)
        TEST_END t16_shift_imm
