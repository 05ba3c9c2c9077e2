@ pc_operand.S -- reading PC as an operand in ARM state (value = address of
@ the instruction + 8): MOV/ADD/SUB/ADR with PC, PC with shifted register
@ operands, flag-setting ops reading PC, PC-relative literal loads (LDR/
@ LDRB/LDRH/LDRD with immediate and register offsets), STR/STM of PC.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
p0:     mov     r0, pc
        CHECK(r0, p0 + 8)
p1:     add     r0, pc, #4
        CHECK(r0, p1 + 12)
        mov     r1, #16
p2:     sub     r0, pc, r1
        CHECK(r0, p2 - 8)
p3:     add     r0, pc, r1, lsl #2
        CHECK(r0, p3 + 72)

        SETPSR(0)
p5:     adds    r0, pc, #0
        CHECK(r0, p5 + 8)
        CHECKPSR(NZCV_MASK, 0)
p6:     cmp     pc, #0
        CHECKPSR(NZCV_MASK, 0x20000000)
p7:     rsb     r0, pc, #0
        rsb     r0, r0, #0
        CHECK(r0, p7 + 8)
p8:     adr     r0, lit1
        CHECK(r0, lit1)
        @ PC-relative loads
        ldr     r0, lit1
        CHECK(r0, 0xa5a5f00d)
        ldrb    r0, lit1 + 1
        CHECK(r0, 0xf0)
        ldrh    r0, lith + 2
        ldrsh   r1, lith + 2
        ldrd    r4, r5, lit2
        b       1f
        .balign 8
lit2:   .word   0x01234567, 0x89abcdef
lith:   .word   0xa5a5f00d
1:      CHECK(r0, 0xa5a5)
        CHECK(r1, 0xffffa5a5)
        CHECK(r4, 0x01234567)
        CHECK(r5, 0x89abcdef)
        mov     r3, #4
p9:     ldr     r0, [pc, r3]            @ loads the word at p9 + 12
        b       p9b
        .word   0
        .word   0x77665544
p9b:    CHECK(r0, 0x77665544)
        @ STR/STM of PC store the instruction's address + 8
        ldr     r6, =store
p10:    str     pc, [r6]
        ldr     r0, [r6]
        CHECK(r0, p10 + 8)
p11:    stmia   r6, {r0, pc}
        ldr     r0, [r6, #4]
        CHECK(r0, p11 + 8)
        b       done
        .balign 8
lit1:   .word   0xa5a5f00d
done:
        TEST_END pc_operand
        .bss
store:  .space  16
