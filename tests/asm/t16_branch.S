@ t16_branch.S -- T16 B<cond> (every condition with all 16 NZCV values, the
@ expected outcome worked out by the assembler from the A8.3 condition
@ table), B forward/backward and near their ranges, and the BL/BLX
@ immediate pair (A8.8.25): BL to Thumb forward, backward and far (LR = next
@ instruction | 1), BLX to ARM from 4-aligned and 2-mod-4 addresses (target
@ Align(PC, 4) + imm).  A wrong branch prints "check failed at line N" with
@ N the macro invocation number of the case.
@ thumb
#include "thumb.inc"

        .macro FAILHERE
        ldr     r0, =\@
        blx     __check_failed
        .endm

        @ one case: flags n z c v, branch b<cond>, must go where A8.3 says
        .macro BCASE cond, n, z, c, v
        .set    tk, 0
        .ifc \cond, eq
        .set    tk, \z
        .endif
        .ifc \cond, ne
        .set    tk, 1 - \z
        .endif
        .ifc \cond, cs
        .set    tk, \c
        .endif
        .ifc \cond, cc
        .set    tk, 1 - \c
        .endif
        .ifc \cond, mi
        .set    tk, \n
        .endif
        .ifc \cond, pl
        .set    tk, 1 - \n
        .endif
        .ifc \cond, vs
        .set    tk, \v
        .endif
        .ifc \cond, vc
        .set    tk, 1 - \v
        .endif
        .ifc \cond, hi
        .set    tk, \c & (1 - \z)
        .endif
        .ifc \cond, ls
        .set    tk, (1 - \c) | \z
        .endif
        .ifc \cond, ge
        .set    tk, 1 - (\n ^ \v)
        .endif
        .ifc \cond, lt
        .set    tk, \n ^ \v
        .endif
        .ifc \cond, gt
        .set    tk, (1 - \z) & (1 - (\n ^ \v))
        .endif
        .ifc \cond, le
        .set    tk, \z | (\n ^ \v)
        .endif
        SETPSR(((\n << 31) | (\z << 30) | (\c << 29) | (\v << 28)))
        .if tk
        b\cond  .Ltaken\@
        FAILHERE
.Ltaken\@:
        .else
        b\cond  .Lwrong\@
        b       .Lok\@
.Lwrong\@:
        FAILHERE
.Lok\@:
        .endif
        .endm

        .macro ALLFLAGS cond
        .irp n, 0, 1
        .irp z, 0, 1
        .irp c, 0, 1
        .irp v, 0, 1
        BCASE \cond, \n, \z, \c, \v
        .endr
        .endr
        .endr
        .endr
        POOL
        .endm

        TEST_BEGIN
        .irp cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le
        ALLFLAGS \cond
        .endr
        @ flags survive a branch
        SETPSR(0x90000000)
        b       1f
        FAILHERE
1:      CHECKPSR(NZCV_MASK, 0x90000000)
        @ B backward (a loop) and near the ranges
        movs    r0, #0
        movs    r1, #5
2:      adds    r0, r1
        subs    r1, #1
        bne     2b
        CHECK(r0, 15)
        POOL
        b       3f
        .space  2040                    @ never executed
3:      movs    r2, #1
        beq     5f                      @ Z = 0: not taken
        b       4f                      @ 252 bytes forward
5:      FAILHERE
        .space  240
4:      cmp     r2, #1
        beq     6f                      @ taken, 212 bytes forward
        FAILHERE
        .space  200
6:      POOL
        @ BL to Thumb: forward, backward
        movs    r4, #0
        bl      tfunc
8:      CHECK(r4, 1)
        CHECK(lr, 8b + 1)
        b       9f
tback:  adds    r4, #10
        bx      lr
9:      bl      tback
10:     CHECK(r4, 11)
        CHECK(lr, 10b + 1)
        @ BLX to ARM from both alignments
        .balign 4
        blx     afunc                   @ 4-aligned
11:     CHECK(r4, 111)
        CHECK(r5, 11b + 1)
        .balign 4
        nop
        blx     afunc                   @ 2 mod 4
12:     CHECK(r4, 211)
        CHECK(r5, 12b + 1)
        @ far BL (beyond the first halfword's 11 bits)
        bl      farfunc
13:     CHECK(r4, 1211)
        CHECK(lr, 13b + 1)
        POOL
        TEST_END t16_branch

tfunc:  adds    r4, #1
        bx      lr

        .arm
        .balign 4
afunc:  add     r4, r4, #100
        mov     r5, lr
        bx      lr

        .thumb
        .space  0x30000                 @ never executed
farfunc:
        ldr     r0, =1000
        adds    r4, r4, r0
        bx      lr
        .ltorg
