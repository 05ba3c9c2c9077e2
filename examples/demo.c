/* The demo program: a little recursion and a buffer, compiled for ARM. */
#include <stdio.h>
#include <stdlib.h>

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 10;
    unsigned buf[16];
    for (unsigned i = 0; i < 16; i++)
        buf[i] = fib(i % (n + 1));
    unsigned sum = 0;
    for (unsigned i = 0; i < 16; i++)
        sum += buf[i];
    printf("fib(%u) = %u, checksum %u\n", n, fib(n), sum);
    return (int)(sum & 0x7f);
}
