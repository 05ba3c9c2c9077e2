@ hints.S -- the hint space and preload instructions, which must execute as
@ no-ops in user mode: PLD (immediate, negative, register), PLI, PLDW (MP
@ extension), NOP, YIELD, SEV, WFE, DBG #option (ARMv7 hint; a NOP when no
@ debugger is attached).  Registers and flags must be untouched.
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
        CHECK(r1, 4)
        TEST_END hints
