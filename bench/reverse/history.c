/* The reverse-debugging bench workload: one write to `marker` at the start,
 * then a long computation that never touches it -- a function call, a store
 * into a 16 KiB table and a load from it per iteration (about 20
 * instructions), so recording has registers, stores and calls to log -- and
 * a write watchpoint on `marker` is hit exactly once, at the very beginning
 * of history; `untouched` is never accessed (the cost of a watchpoint that
 * is never hit). `progress` is written every 256 iterations (1.2·10^5
 * writes in 10^9 instructions: what `monitor writes` lists); `midpoint` is
 * written once, at iteration MID (the bench puts it in the middle of the
 * history it queries). Usage: history ITERATIONS [MID] */
#include <stdio.h>
#include <stdlib.h>

volatile unsigned marker;
volatile unsigned untouched;
volatile unsigned progress;
volatile unsigned midpoint;
static unsigned table[4096];

__attribute__((noinline)) static unsigned step(unsigned x, unsigned i)
{
    table[x & 4095] += i;
    return x * 1103515245u + 12345u;
}

int main(int argc, char **argv)
{
    unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    unsigned long long mid = argc > 2 ? strtoull(argv[2], NULL, 10) : ~0ull;
    marker = 1;
    unsigned x = 12345, sum = 0;
    for (unsigned long long i = 0; i < n; i++) {
        x = step(x, (unsigned)i);
        sum += table[(x >> 8) & 4095];
        if ((i & 255) == 0)
            progress = (unsigned)i;
        if (i == mid)
            midpoint = (unsigned)i;
    }
    printf("%u\n", sum);
    return 0;
}
