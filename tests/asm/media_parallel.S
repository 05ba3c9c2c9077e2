@ media_parallel.S -- all ARMv6 parallel add/subtract instructions
@ ({S,Q,SH,U,UQ,UH}{ADD16,ASX,SAX,SUB16,ADD8,SUB8}) on several operand pairs,
@ the GE flags they set (read back with MRS), SEL after each GE-setting op,
@ MSR APSR_g, USAD8/USADA8.
@ march: armv7-a
#include "common.inc"

        @ run every parallel op on (\a, \b) and read the APSR after each
        .macro ALLPAR a, b
        .irp op, sadd16, sasx, ssax, ssub16, sadd8, ssub8, uadd16, uasx, usax, usub16, uadd8, usub8
        SETPSR(0)
        \op     r0, \a, \b
        mrs     r9, APSR
        sel     r10, \a, \b
        sel     r11, \b, \a
        .endr
        .irp op, qadd16, qasx, qsax, qsub16, qadd8, qsub8, shadd16, shasx, shsax, shsub16, shadd8, shsub8
        \op     r0, \a, \b
        .endr
        .irp op, uqadd16, uqasx, uqsax, uqsub16, uqadd8, uqsub8, uhadd16, uhasx, uhsax, uhsub16, uhadd8, uhsub8
        \op     r0, \a, \b
        .endr
        mrs     r9, APSR                @ Q/SH/UQ/UH forms leave GE alone
        .endm

        TEST_BEGIN
        ldr     r1, =0x7fff8000
        ldr     r2, =0x00018000
        ldr     r3, =0xff01ff01
        ldr     r4, =0x01010101
        ldr     r5, =0x80007fff
        ldr     r6, =0x12345678
        ldr     r7, =0xfedcba98
        ldr     r8, =0x7f80ff00

        @ hand-checked values
        SETPSR(0)
        sadd16  r0, r1, r2              @ hi 0x7fff+1 = 0x8000 (>= 0), lo -0x10000
        CHECK(r0, 0x80000000)
        CHECKPSR(GE_MASK, 0x000c0000)
        uadd8   r0, r3, r4              @ carries out of bytes 1 and 3
        CHECK(r0, 0x00020002)
        CHECKPSR(GE_MASK, 0x000a0000)
        sel     r0, r6, r7              @ bytes 3,1 from r6; 2,0 from r7
        CHECK(r0, 0x12dc5698)
        usub8   r0, r4, r3              @ 01-ff borrow, 01-01 ok
        CHECK(r0, 0x02000200)
        CHECKPSR(GE_MASK, 0x00050000)
        ssub16  r0, r5, r1              @ -32768-32767, 32767-(-32768)
        CHECK(r0, 0x0001ffff)
        CHECKPSR(GE_MASK, 0x00030000)
        qadd16  r0, r1, r2
        CHECK(r0, 0x7fff8000)
        qsub8   r0, r8, r4              @ 7f-1 80-1 ff-1 00-1
        CHECK(r0, 0x7e80feff)
        uqadd8  r0, r3, r4
        CHECK(r0, 0xff02ff02)
        uqsub16 r0, r4, r3
        CHECK(r0, 0x00000000)
        shadd16 r0, r1, r1
        CHECK(r0, 0x7fff8000)
        shsub8  r0, r4, r8              @ (1-127)/2 (1+128)/2 (1+1)/2 (1-0)/2
        CHECK(r0, 0xc1400100)
        uhadd8  r0, r3, r4
        CHECK(r0, 0x80018001)
        uhsub16 r0, r4, r3              @ (0x0101-0xff01)>>1 = 0x8100 (9-bit borrow)
        CHECK(r0, 0x81008100)
        sasx    r0, r6, r7              @ hi: 0x1234 + 0xba98, lo: 0x5678 - 0xfedc
        CHECK(r0, 0xcccc579c)
        usax    r0, r6, r7              @ hi: 0x1234 - 0xba98, lo: 0x5678 + 0xfedc
        CHECK(r0, 0x579c5554)
        CHECKPSR(GE_MASK, 0x00030000)
        ldr     r9, =0x00050000
        msr     APSR_g, r9
        CHECKPSR(GE_MASK | NZCV_MASK, 0x00050000)
        sel     r0, r6, r7
        CHECK(r0, 0xfe34ba78)
        mov     r9, #0
        msr     APSR_nzcvqg, r9
        usad8   r0, r3, r8              @ |ff-7f|+|01-80|+|ff-ff|+|01-00|
        CHECK(r0, 0x100)
        ldr     r10, =0x11
        usada8  r0, r4, r3, r10         @ 0xfe + 0 + 0xfe + 0 + 0x11
        CHECK(r0, 0x20d)
        usad8   r0, r6, r6
        CHECK(r0, 0)
        POOL

        @ everything on several operand pairs
        ALLPAR  r1, r2
        POOL
        ALLPAR  r3, r4
        POOL
        ALLPAR  r5, r1
        POOL
        ALLPAR  r6, r7
        POOL
        ALLPAR  r8, r8
        POOL
        ALLPAR  r7, r5
        POOL
        usad8   r0, r6, r7
        usada8  r0, r7, r5, r8
        usad8   r0, r5, r1
        @ conditional forms
        SETPSR(0x60000000)
        sadd16eq r0, r6, r7
        uadd8ne r0, r6, r7
        mrs     r9, APSR
        CHECKPSR(GE_MASK, 0x000f0000)
        sadd8cs r0, r6, r7
        mrs     r9, APSR
        selcc   r0, r6, r7
        selcs   r0, r6, r7
        usad8eq r0, r6, r7
        TEST_END media_parallel
