/* fenv: the four rounding modes on division, sqrt, conversion and
 * rint/nearbyint; the cumulative exception flags each operation raises;
 * feenableexcept fails on ARM (Cortex-A traps are not implemented). On armel
 * (soft-float) glibc's fenv does not support modes other than to-nearest:
 * the program prints what the calls return, so both sides must agree. */
#define _GNU_SOURCE /* feenableexcept */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static const struct {
    int mode;
    const char *name;
} modes[] = {
#ifdef FE_TONEAREST
    {FE_TONEAREST, "nearest"},
#endif
#ifdef FE_UPWARD
    {FE_UPWARD, "upward"},
#endif
#ifdef FE_DOWNWARD
    {FE_DOWNWARD, "downward"},
#endif
#ifdef FE_TOWARDZERO
    {FE_TOWARDZERO, "towardzero"},
#endif
};

static void flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("  %-12s flags:", what);
#ifdef FE_INVALID
    if (f & FE_INVALID)
        printf(" invalid");
#endif
#ifdef FE_DIVBYZERO
    if (f & FE_DIVBYZERO)
        printf(" divbyzero");
#endif
#ifdef FE_OVERFLOW
    if (f & FE_OVERFLOW)
        printf(" overflow");
#endif
#ifdef FE_UNDERFLOW
    if (f & FE_UNDERFLOW)
        printf(" underflow");
#endif
#ifdef FE_INEXACT
    if (f & FE_INEXACT)
        printf(" inexact");
#endif
    printf("\n");
    feclearexcept(FE_ALL_EXCEPT);
}

int main(void)
{
    volatile double one = 1.0, three = 3.0, zero = 0.0, big = DBL_MAX, tiny = DBL_MIN, m = -2.5;
    volatile float fthree = 3.0f;
    for (unsigned i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        int r = fesetround(modes[i].mode);
        printf("%s: fesetround %d fegetround-is-it %d\n", modes[i].name, r, fegetround() == modes[i].mode);
        feclearexcept(FE_ALL_EXCEPT);
        printf("  1/3 %a -1/3 %a 1/3f %a sqrt2 %a\n", one / three, -one / three, (double)(1.0f / fthree),
               sqrt(2.0 * one));
        printf("  rint(-2.5) %a nearbyint(2.5) %a lrint(m) %ld (int)m %d\n", rint(m), nearbyint(-m), lrint(m), (int)m);
        printf("  (float)(1/3) %a\n", (double)(float)(one / three));
        feclearexcept(FE_ALL_EXCEPT);
        volatile double x = one / three;
        flags("1/3");
        x = one / zero;
        flags("1/0");
        x = zero / zero;
        flags("0/0");
        x = big * 2.0;
        flags("max*2");
        x = tiny / 1e10;
        flags("min/1e10");
        x = one + one;
        flags("1+1");
        volatile int n = (int)(big);
        flags("(int)max");
        (void)x;
        (void)n;
    }
    fesetround(FE_TONEAREST);
#ifdef FE_DIVBYZERO
    int r = feenableexcept(FE_DIVBYZERO);
    printf("feenableexcept %d fegetexcept %d\n", r, fegetexcept());
#endif
    fenv_t env;
    printf("fegetenv %d feholdexcept %d\n", fegetenv(&env), feholdexcept(&env));
    return 0;
}
