/* libm on soft-float doubles: sqrt, sin, cos, tan, exp, log, pow, fmod, atan2, floor/ceil/round... */
#include <stdio.h>
#include <math.h>

int main(void)
{
    double xs[] = {0.0, 0.5, 1.0, 2.0, 3.14159265358979, 10.0, -1.25, 100.5, 1e-5};
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        printf("x=%g sqrt=%.15g sin=%.15g cos=%.15g tan=%.15g exp=%.15g\n", x, sqrt(fabs(x)), sin(x), cos(x), tan(x), exp(x));
        printf("   log=%.15g log10=%.15g pow=%.15g fmod=%.15g atan2=%.15g cbrt=%.15g\n", log(fabs(x) + 1), log10(fabs(x) + 1),
               pow(fabs(x), 1.5), fmod(x, 0.75), atan2(x, 1.5), cbrt(x));
        printf("   floor=%g ceil=%g round=%g trunc=%g rint=%g lround=%ld\n", floor(x), ceil(x), round(x), trunc(x), rint(x), lround(x));
    }
    printf("hypot %.15g asin %.15g acos %.15g atan %.15g sinh %.15g tanh %.15g\n", hypot(3, 4), asin(0.5), acos(-0.5),
           atan(1), sinh(1), tanh(0.5));
    int e;
    double fr = frexp(1234.5, &e);
    printf("frexp %.15g %d ldexp %.15g modf ", fr, e, ldexp(0.75, 10));
    double ip;
    double fp = modf(-3.75, &ip);
    printf("%g %g\n", ip, fp);
    printf("float: %.7g %.7g %.7g\n", sqrtf(2.0f), sinf(1.0f), powf(2.0f, 0.5f));
    printf("special: %g %g %d %d\n", sqrt(-1.0) != sqrt(-1.0) ? 1.0 : 0.0, log(0.0), isinf(exp(1000.0)), isnan(0.0 / 0.0));
    double s = 0;
    for (int i = 1; i <= 3000; i++) s += sin(i * 0.001) * exp(-i * 0.0005) + sqrt((double)i);
    printf("series %.12f\n", s);
    return 0;
}
