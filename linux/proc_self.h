/* The guest's view of its own /proc/self (and /proc/PID for its own pid).
 * On the host those files describe backstep, an x86-64 process; the guest must
 * see itself, as qemu-arm shows it: exe names the guest program, and maps,
 * auxv and cmdline are generated from the guest's state. Everything else
 * under /proc passes through to the host (fd/N links name the guest's own
 * files, since its descriptors are the host's). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/process.h"

/* For a path naming /proc/self/exe (or /proc/PID/exe), the host path of the
 * guest program (absolute, resolved once); otherwise path itself. */
const char *proc_self_exe(struct linux_proc *p, const char *path);

/* Names guest pages [start, end) in /proc/self/maps as pages of the file open
 * as fd (path as given), from file offset offset on: the loader copies ELF
 * segments into anonymous memory, which the host's maps cannot name. A name
 * stays with the range for the life of the process (the loader's images are
 * never unmapped). */
void proc_self_name_range(uint32_t start, uint32_t end, int fd, const char *path, uint64_t offset);

/* If path is one of the generated files (/proc/self/{maps,auxv,cmdline}),
 * opens a read-only descriptor holding its text as of now and returns true
 * with *result set to the descriptor or a negative errno (-EACCES for an
 * open asking to write, as the kernel answers for these files). Returns
 * false for any other path. */
bool proc_self_open(struct linux_proc *p, const char *path, int flags, int *result);
