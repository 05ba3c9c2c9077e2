/* Floating point at the edges, printed exactly (%a and %.17g): conversions
 * float<->int at and past the limits (ARM saturates and maps NaN to 0; the C
 * casts that are undefined behaviour are made through volatile values so the
 * compiler emits the conversion instruction), NaN payloads and signs through
 * arithmetic, signed zeros, denormals, rounding ties, fused multiply-add. On
 * armhf this is VFP; on armel the same source runs libgcc's soft-float. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t bits64(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static uint32_t bits32(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static double from64(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static float from32(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

int main(void)
{
    volatile double dv[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2147483647.0, 2147483647.5, 2147483648.0,
                            -2147483648.0, -2147483649.0, 4294967295.0, 4294967296.0, 1e20, -1e20, INFINITY,
                            -INFINITY, NAN, DBL_MIN, DBL_MAX, 5e-324};
    for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double d = dv[i];
        /* Out-of-range conversions: only on armhf (VFP saturates); the
         * soft-float libgcc of armel has its own (also defined) answers. */
        printf("d=%a (%.17g): int %d uint %u float %a llround-free %lld\n", d, d, (int)d, (unsigned)d, (float)d,
               (long long)(d > 9e18 || d < -9e18 || d != d ? 0 : d));
    }
    volatile float fv[] = {0.0f, -0.0f, 0.5f, 16777217.0f, 3.4028235e38f, 1.17549435e-38f, 1e-45f, -1e-45f,
                           8388607.5f, 2147483520.0f, 2147483648.0f};
    for (unsigned i = 0; i < sizeof fv / sizeof fv[0]; i++) {
        float f = fv[i];
        printf("f=%a (%.9g): int %d uint %u double %a\n", (double)f, (double)f, (int)f, (unsigned)f, (double)f);
    }
    volatile int iv[] = {0, 1, -1, 16777217, -16777217, 2147483647, (int)0x80000000};
    for (unsigned i = 0; i < sizeof iv / sizeof iv[0]; i++)
        printf("i=%d: float %a double %a ufloat %a\n", iv[i], (double)(float)iv[i], (double)iv[i],
               (double)(float)(unsigned)iv[i]);

    /* NaN payloads through arithmetic: which operand's payload survives,
     * quieted; signalling NaNs made from bits. */
    volatile double qn1 = from64(0x7ff8000000000123ull), qn2 = from64(0xfff8000000000456ull);
    volatile double sn1 = from64(0x7ff0000000000789ull), one = 1.0;
    printf("nan add %016llx %016llx %016llx %016llx\n", (unsigned long long)bits64(qn1 + qn2),
           (unsigned long long)bits64(qn2 + qn1), (unsigned long long)bits64(one + sn1),
           (unsigned long long)bits64(qn1 * sn1));
    volatile float fq = from32(0x7fc00123u), fs = from32(0xff800456u), fone = 1.0f;
    printf("nanf %08x %08x %08x\n", bits32(fq + fs), bits32(fs - fone), bits32(fone / fq));
    volatile double zero = 0.0, inf = INFINITY;
    printf("invalid %016llx %016llx %016llx\n", (unsigned long long)bits64(zero / zero),
           (unsigned long long)bits64(inf - inf), (unsigned long long)bits64(sqrt(-one)));
    printf("zeros %a %a %a %a\n", -zero + zero, zero * -one, -zero - zero, 1.0 / -inf);

    /* Denormals and rounding to nearest, ties to even. */
    volatile double tiny = DBL_MIN, half = 0.5;
    printf("denormal %a %a %a\n", tiny * half, tiny / 3.0, (tiny * half) * 2.0);
    volatile float ftiny = FLT_MIN;
    printf("denormalf %a %a\n", (double)(ftiny * 0.25f), (double)(ftiny / 3.0f));
    volatile double t1 = 1.0 + 0x1p-53, t2 = 1.0 + 0x1.8p-52;
    printf("ties %a %a %a\n", t1, t2, (double)(float)(1.0 + 0x1p-24));

    /* fma: one rounding. */
    volatile double a = 1.0 + 0x1p-30, b = 1.0 - 0x1p-30, c = -1.0;
    printf("fma %a plain %a fmaf %a\n", fma(a, b, c), a * b + c, (double)fmaf(1.0f + 0x1p-13f, 1.0f - 0x1p-13f, -1.0f));
    printf("%.17g %.17g %.17g\n", 0.1, 1.0 / 3.0, 2.0 / 3.0);
    return 0;
}
