@ trap_count.S: freestanding, no libc. Two instructions retire, then a
@ trap: BKPT (TRAP=bkpt) or UDF (TRAP=udf). Neither retires (ARM ARM: the
@ debug event / undefined-instruction exception is taken before the
@ instruction completes), so the stop is at instruction count 2 in both.
    .arm
    .global _start
_start:
    mov r0, #1
    mov r1, #2
#ifdef TRAP_UDF
    udf #0
#else
    bkpt #0
#endif
    mov r0, #0
    mov r7, #1
    svc #0
