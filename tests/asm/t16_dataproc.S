@ t16_dataproc.S -- T16 data-processing register ops (A6.2.2): ANDS EORS
@ LSLS LSRS ASRS ADCS SBCS RORS TST NEGS CMP CMN ORRS MULS BICS MVNS Rdn, Rm
@ with their flag outcomes. Register shifts use the bottom byte of Rm:
@ 0 (C kept), 1..31, 32, >32, >255 with a zero bottom byte; V always kept;
@ MULS keeps C and V (ARMv6).
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        @ logical: N Z from the result, C V unchanged
        ldr     r1, =0xf0f0f0f0
        ldr     r2, =0x0ff00ff0
        SETPSR(0x30000000)
        mov     r0, r1
        ands    r0, r2
        CHECK(r0, 0x00f000f0)
        CHECKPSR(NZCV_MASK, 0x30000000)
        SETPSR(0x00000000)
        mov     r0, r1
        eors    r0, r2
        CHECK(r0, 0xff00ff00)
        CHECKPSR(NZCV_MASK, 0x80000000)
        mov     r0, r1
        orrs    r0, r2
        CHECK(r0, 0xfff0fff0)
        CHECKPSR(NZCV_MASK, 0x80000000)
        SETPSR(0x20000000)
        mov     r0, r1
        bics    r0, r2
        CHECK(r0, 0xf000f000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        mvns    r0, r2
        CHECK(r0, 0xf00ff00f)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        ldr     r0, =0x0f0f0f0f
        ands    r0, r1
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        SETPSR(0x10000000)
        tst     r1, r2
        CHECKPSR(NZCV_MASK, 0x10000000)
        tst     r1, r1
        CHECKPSR(NZCV_MASK, 0x90000000)
        tst     r0, r1
        CHECKPSR(NZCV_MASK, 0x50000000)
        mvns    r3, r0
        CHECK(r3, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x90000000)
        POOL
        @ LSLS by register
        ldr     r4, =0x80000001
        movs    r3, #0
        SETPSR(0x20000000)
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ by 0: C kept
        movs    r3, #1
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 2)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r3, #31
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x80000000)
        movs    r3, #32
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)     @ C = bit 0
        movs    r3, #33
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        SETPSR(0x10000000)
        ldr     r3, =0x100                  @ bottom byte 0: no shift
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0x90000000)
        movs    r3, #255
        mov     r0, r4
        lsls    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x50000000)
        POOL
        @ LSRS by register
        SETPSR(0x20000000)
        movs    r3, #0
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r3, #1
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 0x40000000)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r3, #31
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x00000000)
        movs    r3, #32
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)     @ C = bit 31
        movs    r3, #33
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        ldr     r3, =0xffffff20             @ bottom byte 32
        mov     r0, r4
        lsrs    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        POOL
        @ ASRS by register
        SETPSR(0x00000000)
        movs    r3, #1
        mov     r0, r4
        asrs    r0, r3
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r3, #31
        mov     r0, r4
        asrs    r0, r3
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)     @ C = bit 30
        movs    r3, #32
        mov     r0, r4
        asrs    r0, r3
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r3, #200
        mov     r0, r4
        asrs    r0, r3
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        ldr     r0, =0x40000000
        movs    r3, #40
        asrs    r0, r3
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x40000000)
        SETPSR(0x30000000)
        movs    r3, #0
        mov     r0, r4
        asrs    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xb0000000)
        POOL
        @ RORS by register
        SETPSR(0x00000000)
        movs    r3, #1
        mov     r0, r4
        rors    r0, r3
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        movs    r3, #4
        mov     r0, r4
        rors    r0, r3
        CHECK(r0, 0x18000000)
        CHECKPSR(NZCV_MASK, 0x00000000)
        movs    r3, #32                     @ no change, C = bit 31
        mov     r0, r4
        rors    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)
        SETPSR(0x10000000)
        movs    r3, #33
        mov     r0, r4
        rors    r0, r3
        CHECK(r0, 0xc0000000)
        CHECKPSR(NZCV_MASK, 0xb0000000)
        movs    r3, #64
        ldr     r0, =0x7ffffffe
        rors    r0, r3
        CHECK(r0, 0x7ffffffe)
        CHECKPSR(NZCV_MASK, 0x10000000)     @ C = bit 31 = 0
        SETPSR(0x20000000)
        ldr     r3, =0x300
        mov     r0, r4
        rors    r0, r3
        CHECK(r0, 0x80000001)
        CHECKPSR(NZCV_MASK, 0xa0000000)     @ bottom byte 0: C kept
        POOL
        @ ADCS
        ldr     r0, =0xffffffff
        movs    r1, #0
        SETPSR(0x20000000)
        adcs    r0, r1
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r0, =0x7fffffff
        adcs    r0, r1                      @ C = 1 from the last one
        CHECK(r0, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        movs    r0, #1
        movs    r1, #2
        SETPSR(0xd0000000)
        adcs    r0, r1
        CHECK(r0, 3)
        CHECKPSR(NZCV_MASK, 0x00000000)
        @ SBCS
        movs    r0, #5
        movs    r1, #3
        SETPSR(0x00000000)
        sbcs    r0, r1
        CHECK(r0, 1)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, #5
        sbcs    r0, r1
        CHECK(r0, 2)
        CHECKPSR(NZCV_MASK, 0x20000000)
        movs    r0, #0
        movs    r1, #0
        SETPSR(0x00000000)
        sbcs    r0, r1
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        ldr     r0, =0x80000000
        SETPSR(0x00000000)
        sbcs    r0, r1
        CHECK(r0, 0x7fffffff)
        CHECKPSR(NZCV_MASK, 0x30000000)
        POOL
        @ NEGS (RSBS Rd, Rn, #0)
        movs    r1, #1
        negs    r0, r1
        CHECK(r0, 0xffffffff)
        CHECKPSR(NZCV_MASK, 0x80000000)
        movs    r1, #0
        negs    r0, r1
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r1, =0x80000000
        negs    r1, r1
        CHECK(r1, 0x80000000)
        CHECKPSR(NZCV_MASK, 0x90000000)
        @ CMP, CMN register
        movs    r1, #1
        movs    r2, #2
        cmp     r1, r2
        CHECKPSR(NZCV_MASK, 0x80000000)
        cmp     r2, r1
        CHECKPSR(NZCV_MASK, 0x20000000)
        cmp     r2, r2
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r3, =0x80000000
        cmp     r3, r1
        CHECKPSR(NZCV_MASK, 0x30000000)
        ldr     r3, =0xffffffff
        cmn     r3, r1
        CHECKPSR(NZCV_MASK, 0x60000000)
        ldr     r3, =0x7fffffff
        cmn     r3, r1
        CHECKPSR(NZCV_MASK, 0x90000000)
        cmn     r1, r2
        CHECKPSR(NZCV_MASK, 0x00000000)
        POOL
        @ MULS Rdm, Rn, Rdm: N Z from the low word, C V kept
        ldr     r0, =0x10000
        mov     r1, r0
        SETPSR(0x30000000)
        muls    r0, r1, r0
        CHECK(r0, 0)
        CHECKPSR(NZCV_MASK, 0x70000000)
        movs    r0, #3
        ldr     r1, =0xffffffff
        muls    r0, r1, r0
        CHECK(r0, 0xfffffffd)
        CHECKPSR(NZCV_MASK, 0xb0000000)
        ldr     r2, =0x12345678
        ldr     r3, =0x9abcdef1
        SETPSR(0x30000000)
        muls    r3, r2, r3
        CHECK(r3, 0x366176f8)
        CHECKPSR(NZCV_MASK, 0x30000000)
        movs    r5, #7
        muls    r5, r5, r5
        CHECK(r5, 49)
        CHECKPSR(NZCV_MASK, 0x30000000)
        TEST_END t16_dataproc
