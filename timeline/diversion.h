/* Debugger writes and function calls that leave history alone (see
 * timeline/diversion.c for the rules). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"

bool diversion_active(void);
/* The debugger writes the running thread's registers / guest memory;
 * return 0 or an errno. */
int diversion_write_cpu(const struct arm_cpu *newstate);
int diversion_write_mem(uint32_t addr, const uint8_t *data, uint32_t len);
/* Before every resume (reverse: bc, bs, or a seek backwards or forwards). */
void diversion_before_resume(bool reverse);
/* Back to the point where the diversion opened (no-op without one). */
void diversion_end(void);
