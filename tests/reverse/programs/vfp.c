/* VFP code for gdb_vfp.py (built with -mfpu=vfpv4 -mfloat-abi=softfp -O0:
 * every double operation is a VFP instruction). total is written in the
 * loop (MARK:accumulate) and once more after it (MARK:final). */
#include <stdio.h>

double total;

static double scale(double x, int k)
{
    return x * 1.5 + k; /* MARK:scale */
}

int main(void)
{
    for (int k = 0; k < 4; k++)
        total = total / 3.0 + scale(total, k); /* MARK:accumulate */
    total = -total; /* MARK:final */
    printf("%.17g\n", total); /* MARK:end */
    return 0;
}
