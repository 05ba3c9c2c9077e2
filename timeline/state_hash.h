/* One 64-bit digest of everything that makes up the guest's state at a
 * point of its history: registers, flags, VFP registers, TLS and exclusive
 * monitor, every page's protection and bytes, brk and the mmap search start,
 * and the signal state (dispositions, mask, pending set, alternate stack).
 * Two points have the same digest exactly when (up to hash collisions) the
 * guest cannot tell them apart -- what the round-trip tests compare. */
#pragma once
#include <stdint.h>

#include "linux/process.h"
#include "arm/cpu.h"

uint64_t state_hash(const struct arm_cpu *cpu, const struct linux_proc *p);
