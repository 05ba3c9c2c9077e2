@ cond_trap.S: freestanding, no libc. A conditional BKPT (and UDF) whose
@ condition fails is skipped and retires like any condition-failed
@ instruction (as under qemu-arm); one whose condition holds traps and does
@ not retire (gdb_cond_trap.py).
    .arm
    .global _start
_start:
    mov r0, #0          @ count 1
    cmp r0, #0          @ 2: Z set
skip_bkpt:
    .inst 0x11200070    @ 3: bkptne #0, NE fails: skipped
skip_udf:
    .inst 0x17f000f0    @ 4: udfne #0, skipped
    mov r1, #5          @ 5
    cmp r1, #0          @ 6: Z clear
hit_bkpt:
    .inst 0x11200070    @ bkptne #0, NE holds: SIGTRAP, not retired
    mov r0, #0
    mov r7, #1
    svc #0
