/* Sieve of Eratosthenes (byte and bit versions), prime counting, twin primes, goldbach checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    enum { N = 2000000 };
    unsigned char *is = malloc(N + 1);
    memset(is, 1, N + 1);
    is[0] = is[1] = 0;
    for (int i = 2; (long)i * i <= N; i++) if (is[i]) for (int j = i * i; j <= N; j += i) is[j] = 0;
    int count = 0, twins = 0, last = 0;
    unsigned long long sum = 0;
    for (int i = 2; i <= N; i++) if (is[i]) { count++; sum += (unsigned)i; if (i - last == 2) twins++; last = i; }
    printf("primes <= %d: %d, sum %llu, twins %d, largest %d\n", N, count, sum, twins, last);
    unsigned *bits = calloc(N / 32 + 1, 4);
    for (int i = 3; (long)i * i <= N; i += 2)
        if (!(bits[i >> 5] & (1u << (i & 31)))) for (int j = i * i; j <= N; j += 2 * i) bits[j >> 5] |= 1u << (j & 31);
    int c2 = 1;
    for (int i = 3; i <= N; i += 2) if (!(bits[i >> 5] & (1u << (i & 31)))) c2++;
    printf("bit sieve count %d\n", c2);
    int worst = 0, worst_n = 0;
    for (int n = 4; n <= 20000; n += 2) {
        int p = 2;
        while (!(is[p] && is[n - p])) p++;
        if (p > worst) { worst = p; worst_n = n; }
    }
    printf("goldbach: largest minimal prime %d for %d\n", worst, worst_n);
    int gaps[100] = {0};
    last = 2;
    for (int i = 3; i <= N; i++) if (is[i]) { if (i - last < 100) gaps[i - last]++; last = i; }
    for (int g = 2; g <= 20; g += 2) printf("gap %d: %d\n", g, gaps[g]);
    free(is);
    free(bits);
    return 0;
}
