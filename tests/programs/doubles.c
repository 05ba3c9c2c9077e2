/* Soft-float doubles and floats (armel: all through libgcc), printf of floating point. */
#include <stdio.h>
#include <float.h>

static double poly(double x) { return ((3.5 * x - 2.25) * x + 0.125) * x - 7.0; }

int main(void)
{
    double d[] = {0.0, -0.0, 1.0, -1.5, 3.14159265358979, 1e-300, 1e300, 123456.789, DBL_MAX, DBL_MIN, 2.0 / 3.0};
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++)
        printf("%f | %e | %g | %.17g | %10.3f | %-12.4e|\n", d[i], d[i], d[i], d[i], d[i], d[i]);
    float f = 1.0f;
    for (int i = 0; i < 10; i++) f = f * 1.7f + 0.3f;
    printf("float %.9g\n", f);
    double acc = 0;
    for (int i = 1; i <= 2000; i++) acc += 1.0 / ((double)i * i);
    printf("basel %.15f\n", acc);
    for (int i = -3; i <= 3; i++) printf("poly(%d/2)=%.12g\n", i, poly(i / 2.0));
    /* conversions */
    double big = 4.0e9, neg = -2.7;
    printf("conv %u %d %lld %d %d\n", (unsigned)big, (int)neg, (long long)1e15, (int)2.5f, (int)-2.5f);
    printf("i2d %.1f %.1f %.1f\n", (double)-7, (double)4000000000u, (double)-9000000000000LL);
    printf("cmp %d %d %d %d\n", 0.1 + 0.2 == 0.3, 0.5 < 0.25, 1e10 > 1e9, -0.0 == 0.0);
    float ff = (float)(1.0 / 3.0);
    double back = ff;
    printf("f2d %.20g %a\n", back, back);
    printf("div %.17g %.17g\n", 1.0 / 7.0, 22.0 / 7.0 - 3.0);
    double inf = 1e308 * 10.0;
    printf("inf %f %f nan? %d\n", inf, -inf, inf != inf);
    return 0;
}
