/* reverse-step, reverse-next, reverse-finish (gdb_reverse_step.py) and a
 * reverse-next over a call of about 10^6 instructions (gdb_reverse_next_big.py). */
#include <stdio.h>

static int leaf(int x)
{
    int y = x * 2; /* MARK:leaf_first */
    return y + 1;  /* MARK:leaf_ret */
} /* MARK:leaf_end */

static int mid(int x)
{
    int a = leaf(x); /* MARK:mid_call1 */
    int b = leaf(a); /* MARK:mid_call2 */
    return a + b;    /* MARK:mid_ret */
} /* MARK:mid_end */

static unsigned spin(unsigned n)
{
    unsigned s = 0;
    for (unsigned i = 0; i < n; i++)
        s = s * 31u + i;
    return s;
} /* MARK:spin_end */

int main(void)
{
    int v = 1;
    v = mid(v);                      /* MARK:main_call */
    v += 1;                          /* MARK:main_after */
    unsigned s = spin(100000);       /* MARK:big_call */
    s ^= (unsigned)v;                /* MARK:big_after */
    printf("v %d s %u\n", v, s);     /* MARK:print */
    return 0;
}
