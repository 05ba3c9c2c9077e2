/* What the host x86-64 CPU offers beyond the x86-64 baseline, asked once. */
#ifndef BASE_HOST_CPU_H
#define BASE_HOST_CPU_H

#include <stdbool.h>

/* Whether the FMA3 instructions (vfmadd231sd/ss) may be executed: CPUID
 * says FMA and AVX, and the OS saves the AVX state (OSXSAVE and XCR0 bits 1
 * and 2), as the Intel SDM (14.5.3, "Detection of FMA") requires. The
 * environment variable BACKSTEP_NO_FMA=1 makes it false (to test the
 * fallback on a host that has FMA). The answer is computed on the first
 * call and never changes afterwards (translations depend on it). */
bool host_has_fma(void);

#endif
