/* Emulated ARM kernel user helpers; see kuser.c. */
#pragma once
#include <stdbool.h>

#include "linux/process.h"
#include "arm/cpu.h"

#define KUSER_PAGE 0xffff0000u

bool kuser_call(struct arm_cpu *cpu, struct linux_proc *p);
