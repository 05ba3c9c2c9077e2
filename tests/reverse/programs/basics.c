/* Session basics (gdb_basics.py, gdb_stepi_roundtrip.py): locals, a global
 * table, a global the debugger changes at the end of history, and an exit
 * status computed from them. The MARK comments name lines for the scripts. */
#include <stdio.h>

int factor = 3;
unsigned table[8];

static int scale(int v)
{
    int r = v * factor; /* MARK:scale_body */
    return r;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0); /* MARK:main_first */
    int a = 6;
    int b = 7;
    unsigned sum = 0;
    for (int i = 0; i < 8; i++)
        table[i] = 0x1000u + (unsigned)i * 0x11u;
    for (int i = 0; i < 8; i++) /* MARK:sum_loop */
        sum += table[i];
    int r = scale(a) + b; /* MARK:scaled */
    printf("result %d sum %u\n", r, sum);
    printf("done\n"); /* MARK:done */
    return r & 0x7f;
}
