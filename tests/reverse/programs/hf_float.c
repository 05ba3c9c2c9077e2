/* armhf float program for gdb_hf_float.py (arm-linux-gnueabihf-gcc -O2:
 * Thumb-2 code, hard-float ABI, doubles passed and returned in d0-d7).
 *   sum6(a..f)      f arrives in d5 (AAPCS-VFP: d0..d5 in order); the
 *                   script writes d5 at the function's first instruction.
 *   hyp(x, y)       returns sqrt(x*x + y*y) in d0 (finish).
 *   acc             a double global written once per loop pass (watchpoint).
 *   clamp(x,lo,hi)  gcc -O2 makes IT blocks of it (cmp; it; mov..).
 *   arm_calls_libc  ARM code (target("arm")) calling libc's Thumb-2 strtol:
 *                   BLX to Thumb and the return to ARM.
 * The values the program prints are recomputed by the script from this
 * source with Python's IEEE doubles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

volatile double acc;
volatile int sink;

__attribute__((noinline)) double sum6(double a, double b, double c, double d, double e, double f)
{
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6;
}

__attribute__((noinline)) double hyp(double x, double y)
{
    return sqrt(x * x + y * y);
}

__attribute__((noinline)) int clamp(int x, int lo, int hi)
{
    if (x < lo)
        x = lo;
    if (x > hi)
        x = hi;
    return x;
}

__attribute__((noinline, target("arm"))) long arm_calls_libc(const char *s)
{
    return strtol(s, 0, 10) + 1;
}

int main(int argc, char **argv)
{
    (void)argv;
    double k = argc; /* 1: not a constant gcc can fold */
    for (int i = 0; i < 4; i++)
        acc = acc * 0.5 + k * (i + 1); /* the loop's write of acc */
    double h = hyp(3.0 * k, 4.0 * k);
    int c = clamp(-7 * argc, -3, 5) + clamp(9 * argc, -3, 5) + clamp(2 * argc, -3, 5);
    sink = c;
    long n = arm_calls_libc("41");
    double s = sum6(k, k, k, k, k, k);
    printf("acc=%.17g h=%.17g c=%d n=%ld s=%.17g\n", acc, h, c, n, s);
    return 0;
}
