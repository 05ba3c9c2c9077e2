/* The reverse-debugging bench workload: one write to `marker` at the start,
 * then a long computation that never touches it (about 5 instructions per
 * iteration), so a write watchpoint on `marker` is hit exactly once, at the
 * very beginning of history. Usage: history ITERATIONS */
#include <stdio.h>
#include <stdlib.h>

volatile unsigned marker;

int main(int argc, char **argv)
{
    unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    marker = 1;
    unsigned x = 12345, sum = 0;
    for (unsigned long long i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        sum += x >> 16;
    }
    printf("%u\n", sum);
    return 0;
}
