/* reverse-continue to a breakpoint in a loop body (gdb_reverse_continue.py). */
#include <stdio.h>

volatile unsigned acc;

int main(void)
{
    for (int i = 0; i < 20; i++) {
        acc += (unsigned)i * 3u + 1u; /* MARK:body */
    }
    printf("acc %u\n", acc);
    return 0;
}
