/* bench workload: call-heavy. Naive recursive Fibonacci plus a mutually recursive pair.
   Usage: fib_calls [N] */
#include <stdio.h>
#include <stdlib.h>

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static unsigned is_odd(unsigned n);
static unsigned is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static unsigned is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 32;
    unsigned f = fib(n);
    unsigned e = 0;
    for (unsigned i = 0; i < n * 200; i++) e += is_even(i % 1000);
    printf("fib_calls fib(%u)=%u evens=%u\n", n, f, e);
    return 0;
}
