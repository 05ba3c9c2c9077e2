@ hints.S -- the hint space and preload instructions, which must execute as
@ no-ops in user mode: PLD (immediate, negative, register), PLI, PLDW (MP
@ extension), NOP, YIELD, SEV, WFE, DBG #option (ARMv7 hint; a NOP when no
@ debugger is attached), and the unallocated hints (NOPs, A5.2.11; qemu-arm
@ agrees).  Registers and flags must be untouched.
@ march: armv7-a
#include "common.inc"
        .arch_extension mp
        TEST_BEGIN
        ldr     r0, =__test_stack
        mov     r1, #4
        SETPSR(0xf80f0000)
        pld     [r0]
        pld     [r0, #-64]
        pld     [r0, r1, lsl #2]
        pld     [r0, -r1]
        pli     [r0, #32]
        pldw    [r0, #4]
        nop
        yield
        sev
        wfe
        CHECKPSR(0xf80f0000, 0xf80f0000)
        dbg     #5
        dbg     #0
        CHECKPSR(0xf80f0000, 0xf80f0000)
        @ unallocated hints (MSR immediate with no fields): NOPs too
        .word   0xe320f005              @ op2 = 5 (SEVL in ARMv8)
        .word   0xe320f010              @ op2 = 0x10 (ESB in ARMv8.2)
        .word   0xe320f07f
        .word   0xe320f3a1              @ bits 11:8 nonzero
        .word   0x1320f0e0              @ conditional (NE)
        CHECKPSR(0xf80f0000, 0xf80f0000)
        CHECK(r1, 4)
        TEST_END hints
