@ extend_pack.S -- UXTB/UXTH/SXTB/SXTH/UXTB16/SXTB16 with every rotation,
@ the accumulate forms UXTAB/UXTAH/SXTAB/SXTAH/UXTAB16/SXTAB16, and
@ PKHBT/PKHTB with shift amounts (including PKHTB ASR #32).
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =0x80f17f82
        ldr     r2, =0x12345678
        ldr     r3, =0xfffefdfc
        SETPSR(0xf80f0000)              @ none of these touch the flags
        uxtb    r0, r1
        CHECK(r0, 0x82)
        uxtb    r0, r1, ror #8
        CHECK(r0, 0x7f)
        uxtb    r0, r1, ror #16
        CHECK(r0, 0xf1)
        uxtb    r0, r1, ror #24
        CHECK(r0, 0x80)
        sxtb    r0, r1
        CHECK(r0, 0xffffff82)
        sxtb    r0, r1, ror #8
        CHECK(r0, 0x7f)
        sxtb    r0, r1, ror #16
        CHECK(r0, 0xfffffff1)
        sxtb    r0, r1, ror #24
        CHECK(r0, 0xffffff80)
        uxth    r0, r1
        CHECK(r0, 0x7f82)
        uxth    r0, r1, ror #8
        CHECK(r0, 0xf17f)
        uxth    r0, r1, ror #16
        CHECK(r0, 0x80f1)
        uxth    r0, r1, ror #24         @ wraps: bytes 0 and 3
        CHECK(r0, 0x8280)
        sxth    r0, r1
        CHECK(r0, 0x7f82)
        sxth    r0, r1, ror #8
        CHECK(r0, 0xfffff17f)
        sxth    r0, r1, ror #16
        CHECK(r0, 0xffff80f1)
        sxth    r0, r1, ror #24
        CHECK(r0, 0xffff8280)
        uxtb16  r0, r1
        CHECK(r0, 0x00f10082)
        uxtb16  r0, r1, ror #8
        CHECK(r0, 0x0080007f)
        uxtb16  r0, r1, ror #16
        uxtb16  r0, r1, ror #24
        CHECK(r0, 0x007f0080)
        sxtb16  r0, r1
        CHECK(r0, 0xfff1ff82)
        sxtb16  r0, r1, ror #8
        CHECK(r0, 0xff80007f)
        sxtb16  r0, r1, ror #16
        sxtb16  r0, r1, ror #24
        @ accumulate forms
        uxtab   r0, r2, r1
        CHECK(r0, 0x123456fa)
        uxtab   r0, r2, r1, ror #24
        sxtab   r0, r2, r1              @ + -0x7e
        CHECK(r0, 0x123455fa)
        sxtab   r0, r2, r1, ror #8
        sxtab   r0, r2, r1, ror #16
        uxtah   r0, r2, r1
        CHECK(r0, 0x1234d5fa)
        uxtah   r0, r2, r1, ror #24
        sxtah   r0, r2, r1, ror #8      @ + -0x0e81
        CHECK(r0, 0x123447f7)
        sxtah   r0, r2, r1, ror #16
        uxtab16 r0, r2, r1              @ 0x1234+0xf1, 0x5678+0x82 (each mod 2^16)
        CHECK(r0, 0x132556fa)
        uxtab16 r0, r3, r1, ror #8
        CHECK(r0, 0x007efe7b)
        sxtab16 r0, r2, r1              @ 0x1234-0xf, 0x5678-0x7e
        CHECK(r0, 0x122555fa)
        sxtab16 r0, r3, r1, ror #16
        sxtab16 r0, r3, r3, ror #24
        CHECKPSR(0xf80f0000, 0xf80f0000)

        @ PKHBT / PKHTB
        pkhbt   r0, r1, r2              @ lo from r1, hi from r2
        CHECK(r0, 0x12347f82)
        pkhbt   r0, r1, r2, lsl #8
        CHECK(r0, 0x34567f82)
        pkhbt   r0, r1, r2, lsl #31
        CHECK(r0, 0x00007f82)
        pkhtb   r0, r1, r2              @ hi from r1, lo from r2
        CHECK(r0, 0x80f15678)
        pkhtb   r0, r1, r2, asr #16
        CHECK(r0, 0x80f11234)
        pkhtb   r0, r1, r1, asr #32     @ lo = sign of r1
        CHECK(r0, 0x80f1ffff)
        pkhtb   r0, r2, r2, asr #32
        CHECK(r0, 0x12340000)
        pkhtb   r0, r2, r3, asr #1
        CHECK(r0, 0x12347efe)
        @ conditional
        SETPSR(0x40000000)
        uxtbeq  r4, r1
        uxtbne  r5, r1
        sxthne  r4, r2
        pkhbteq r6, r2, r1, lsl #16
        uxtab16ne r4, r3, r1
        sxtab16eq r7, r3, r1
        CHECK(r4, 0x82)
        CHECK(r5, 0)
        CHECK(r6, 0x7f825678)
        TEST_END extend_pack
