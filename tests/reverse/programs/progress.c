/* Long-history queries (gdb_history_queries_long.py): `progress` is set to
 * the iteration number every 64 iterations of a loop of N iterations
 * (argument 1), through many snapshot intervals; `midpoint` once, at
 * iteration N/2; `marker` once, before the loop. A table shares their page
 * and is written every iteration, so every interval saved that page. */
#include <stdio.h>
#include <stdlib.h>

volatile unsigned marker;
volatile unsigned progress;
volatile unsigned midpoint;
static unsigned table[256];

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000;
    marker = 0x11223344; /* MARK:marker */
    unsigned x = 1;
    for (unsigned i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        table[x >> 24] += i;
        if ((i & 63) == 0)
            progress = i; /* MARK:progress */
        if (i == n / 2)
            midpoint = i + 1; /* MARK:midpoint */
    }
    printf("%u\n", table[7]); /* MARK:end */
    return 0;
}
