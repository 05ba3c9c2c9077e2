/* libm over a range of arguments, printed bit-exactly (%a): sin, cos, exp,
 * log, pow, fmod, fma, atan2, and their float versions; with -O2 on armhf
 * most of it is VFP code inside libm. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    double x = -10.0;
    for (int i = 0; i < 41; i++, x += 0.5 + i * 0.013) {
        printf("%a: sin %a cos %a exp %a log %a pow %a fmod %a fma %a atan2 %a\n", x, sin(x), cos(x), exp(x / 3),
               log(fabs(x) + 0.1), pow(fabs(x) + 0.5, x / 4), fmod(x * 7.3, 1.7), fma(x, x * 0.1, -x),
               atan2(x, 2.0 - x));
        float f = (float)x;
        printf("  f: sinf %a expf %a powf %a sqrtf %a fmodf %a\n", (double)sinf(f), (double)expf(f / 3),
               (double)powf(fabsf(f) + 0.5f, f / 4), (double)sqrtf(fabsf(f)), (double)fmodf(f * 7.3f, 1.7f));
    }
    double acc = 0;
    for (int i = 1; i < 20000; i++)
        acc += sin(i * 0.001) * exp(-i * 1e-4) / sqrt((double)i);
    printf("sum %a %.17g\n", acc, acc);
    return 0;
}
