/* See host_cpu.h. */
#include "base/host_cpu.h"

#include <cpuid.h>
#include <stdint.h>
#include <stdlib.h>

#define ECX1_FMA (1u << 12)
#define ECX1_OSXSAVE (1u << 27)
#define ECX1_AVX (1u << 28)
#define XCR0_SSE_AVX 0x6u /* XMM and YMM state enabled by the OS */

static bool detect_fma(void)
{
    const char *e = getenv("BACKSTEP_NO_FMA");
    if (e && *e == '1')
        return false;
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    const unsigned need = ECX1_FMA | ECX1_OSXSAVE | ECX1_AVX;
    if ((c & need) != need)
        return false;
    /* xgetbv is only defined once OSXSAVE is known to be set (checked above);
     * written as bytes so that no -mxsave is needed. */
    uint32_t lo, hi;
    __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(lo), "=d"(hi) : "c"(0));
    (void)hi;
    return (lo & XCR0_SSE_AVX) == XCR0_SSE_AVX;
}

bool host_has_fma(void)
{
    static int has = -1;
    if (has < 0)
        has = detect_fma();
    return has != 0;
}
