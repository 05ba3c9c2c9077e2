/* ARM EABI syscalls: number in r7, arguments in r0-r6, result in r0.
 * Passed through to the host kernel with argument and structure conversion.
 * Every guest pointer handed to the host is checked against guest memory first. */
#pragma once
#include <stdint.h>

#include "linux/process.h"

/* ARM private syscalls (0xf0000 + n). */
#define ARM_NR_cacheflush 0xf0002u
#define ARM_NR_set_tls 0xf0005u
#define ARM_NR_sigreturn 119u
#define ARM_NR_rt_sigreturn 173u

/* Runs guest syscall nr with arguments a[0..6] (r0..r6). Returns the value for
 * r0: a result or a negative errno. Sets p->exited for exit/exit_group and
 * p->fatal_signal when the guest raises a fatal signal on itself. */
uint32_t linux_syscall(struct linux_proc *p, uint32_t nr, const uint32_t a[7]);
