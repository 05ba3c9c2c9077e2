/* -strace (and -d strace): one line per guest syscall in qemu-arm 7.2's
 * format, so that the two tools' traces can be compared line by line:
 *   PID name(arguments) = result
 * The part up to ")" is written before the syscall runs and the result after
 * it, so a call that blocks shows while it blocks and exit/exit_group (which
 * never return) end the trace without a result, as in qemu. Output goes to the
 * log (-D LOGFILE, else stderr) and is flushed after each part.
 * Called from linux_syscall only. */
#pragma once
#include <stdint.h>

/* Before the syscall: "PID name(args)" (or "PID Unknown syscall N\n" for a
 * number qemu-arm's strace does not know). ARM private calls (0xf0000+n)
 * print nothing, as in qemu, which handles them outside its syscall path. */
void strace_enter(uint32_t nr, const uint32_t a[7]);

/* After the syscall: " = result\n". r is the handler's result: a negative
 * errno in [-4095, -1] or a value whose low 32 bits are the guest's r0. */
void strace_exit(uint32_t nr, const uint32_t a[7], int64_t r);
