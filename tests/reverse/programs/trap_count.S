@ trap_count.S: freestanding, no libc. Two instructions retire, then a
@ trap: BKPT (TRAP=bkpt) or UDF (TRAP=udf). Neither retires (ARM ARM: the
@ debug event / undefined-instruction exception is taken before the
@ instruction completes), so the stop is at instruction count 2 in both.
@ With -DTRAP_THUMB the same in Thumb state (T16 encodings, entry point
@ with bit 0 set).
#ifdef TRAP_THUMB
    .syntax unified
    .thumb
    .global _start
    .thumb_func
_start:
    movs r0, #1
    movs r1, #2
#ifdef TRAP_UDF
    .inst.n 0xde00      @ udf #0 (T16)
#else
    bkpt #0
#endif
    movs r0, #0
    movs r7, #1
    svc #0
#else
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
#endif
