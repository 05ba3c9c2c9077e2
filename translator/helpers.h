/* C functions called from translated code for the rare or awkward parts of
 * A32 semantics (as QEMU's TCG helpers are). rdi is always the cpu. */
#pragma once
#include <stdint.h>

#include "arm/cpu.h"

/* Register-specified shift (ARM ARM A8.4.3): type_flags bits 1:0 = shift type,
 * bit 2 = write the carry-out into cpu->c. Only Rs[7:0] counts. */
uint32_t helper_shift_reg(struct arm_cpu *cpu, uint32_t value, uint32_t rs, uint32_t type_flags);
/* -d cpu: prints the register file before the instruction at pc. */
void helper_trace_cpu(struct arm_cpu *cpu, uint32_t pc);
uint32_t helper_sdiv(struct arm_cpu *cpu, uint32_t n, uint32_t m);
uint32_t helper_udiv(struct arm_cpu *cpu, uint32_t n, uint32_t m);
/* LDREX{B,H,D} / STREX{B,H,D}: size 1, 2, 4 or 8. strex returns 0 on success. */
uint64_t helper_ldrex(struct arm_cpu *cpu, uint32_t addr, uint32_t size);
uint32_t helper_strex(struct arm_cpu *cpu, uint32_t addr, uint64_t value, uint32_t size);
void helper_clrex(struct arm_cpu *cpu);
/* A VFP load or store at an address that is not word aligned: SIGBUS. */
_Noreturn void helper_vfp_unaligned(struct arm_cpu *cpu, uint32_t addr);
