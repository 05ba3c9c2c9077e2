/* -strace (and -d strace): one line per guest syscall in qemu-arm 7.2's
 * format, so that the two tools' traces can be compared line by line:
 *   PID name(arguments) = result
 * The part up to ")" is written before the syscall runs and the result after
 * it, so a call that blocks shows while it blocks and exit/exit_group (which
 * never return) end the trace without a result, as in qemu. Output goes to the
 * log (-D LOGFILE, else stderr) and is flushed after each part.
 * Called from linux_syscall, and for signals from the code that delivers
 * them. */
#pragma once
#include <stdint.h>

/* Before the syscall: "PID name(args)" (or "PID Unknown syscall N\n" for a
 * number qemu-arm's strace does not know). ARM private calls (0xf0000+n)
 * print nothing, as in qemu, which handles them outside its syscall path. */
void strace_enter(uint32_t nr, const uint32_t a[7]);

/* After the syscall: " = result\n". r is the handler's result: a negative
 * errno in [-4095, -1] or a value whose low 32 bits are the guest's r0. */
void strace_exit(uint32_t nr, const uint32_t a[7], int64_t r);

/* A signal the guest takes (linux/strace_signal.c): "--- SIG {siginfo} ---";
 * and the sigreturn / rt_sigreturn (nr) that ends a handler, with r0-r5 as
 * they were at its SVC. Nothing without -strace. */
struct guest_signote;
void strace_signal_taken(int sig, const struct guest_signote *n);
/* The same for a signal acted on inside a syscall: printed by
 * strace_signal_flush_later, which linux_syscall calls after the result. */
void strace_signal_taken_later(int sig, const struct guest_signote *n);
void strace_signal_flush_later(void);
void strace_sigreturn(uint32_t nr, const uint32_t r[6]);
