/* The reverse-debugging bench workload: one write to `marker` at the start,
 * then a long computation that never touches it -- a function call, a store
 * into a 16 KiB table and a load from it per iteration (about 20
 * instructions), so recording has registers, stores and calls to log -- and
 * a write watchpoint on `marker` is hit exactly once, at the very beginning
 * of history; `untouched` is never accessed (the cost of a watchpoint that
 * is never hit). Usage: history ITERATIONS */
#include <stdio.h>
#include <stdlib.h>

volatile unsigned marker;
volatile unsigned untouched;
static unsigned table[4096];

__attribute__((noinline)) static unsigned step(unsigned x, unsigned i)
{
    table[x & 4095] += i;
    return x * 1103515245u + 12345u;
}

int main(int argc, char **argv)
{
    unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    marker = 1;
    unsigned x = 12345, sum = 0;
    for (unsigned long long i = 0; i < n; i++) {
        x = step(x, (unsigned)i);
        sum += table[(x >> 8) & 4095];
    }
    printf("%u\n", sum);
    return 0;
}
