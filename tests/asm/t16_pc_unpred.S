@ t16_pc_unpred.S -- T16 high-register forms the ARM ARM calls UNPREDICTABLE
@ with the PC (CMP Rn, pc and CMP pc, Rm, A8.8.38; BLX pc, A8.8.26): qemu-arm
@ 7.2 executes them as the pseudocode reads (PC = address + 4), and backstep
@ must do the same. Encoded with .inst.n: the assembler refuses them.
@ thumb
#include "thumb.inc"
        TEST_BEGIN
        SETPSR(0x00000000)
        ldr     r0, =0x7fffffff
        mov     r8, r0
        .inst.n 0x45f8                  @ cmp r8, pc: 0x7fffffff - (pc + 4)
        CHECKPSR(NZCV_MASK, 0x20000000)
        ldr     r0, =0xffffffff
        mov     r8, r0
        .inst.n 0x4587                  @ cmp pc, r0: (pc + 4) - 0xffffffff, borrow
        CHECKPSR(NZCV_MASK, 0x00000000)
        mov     r8, pc                  @ pc + 4
        .inst.n 0x45f8                  @ cmp r8, pc: (a + 4) - (a + 2 + 4) = -2
        CHECKPSR(NZCV_MASK, 0x80000000)
        POOL
        @ BLX pc from a word-aligned address: to ARM at address + 4, lr =
        @ the next instruction | 1.
        .align  2
        .inst.n 0x47f8                  @ blx pc
3:      nop                             @ skipped: the target is the word after
        .arm
        sub     r0, lr, #1              @ lr - 1 = the address of the nop
        adr     r1, 3b
        cmp     r0, r1
        movne   r0, #1
        movne   r7, #1
        svcne   #0
        adr     r0, 2f + 1
        bx      r0
        .thumb
        .align  1
2:
        TEST_END t16_pc_unpred
