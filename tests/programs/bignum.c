/* Arbitrary-precision decimal arithmetic: factorials, powers of two, Fibonacci, digits of e. */
#include <stdio.h>
#include <string.h>

#define MAXD 1200
typedef struct { int n; unsigned d[MAXD]; } big; /* base 10^4 little-endian limbs */

static void set(big *a, unsigned v) { a->n = 0; do { a->d[a->n++] = v % 10000; v /= 10000; } while (v); }
static void mul_small(big *a, unsigned m)
{
    unsigned long long carry = 0;
    for (int i = 0; i < a->n; i++) { unsigned long long t = (unsigned long long)a->d[i] * m + carry; a->d[i] = (unsigned)(t % 10000); carry = t / 10000; }
    while (carry) { a->d[a->n++] = (unsigned)(carry % 10000); carry /= 10000; }
}
static void add(big *r, const big *a, const big *b)
{
    unsigned carry = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        unsigned t = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
        r->d[i] = t % 10000; carry = t / 10000;
    }
    r->n = n;
    if (carry) r->d[r->n++] = carry;
}
static void mul(big *r, const big *a, const big *b)
{
    static unsigned long long acc[2 * MAXD];
    memset(acc, 0, sizeof(acc[0]) * (size_t)(a->n + b->n + 1));
    for (int i = 0; i < a->n; i++) for (int j = 0; j < b->n; j++) acc[i + j] += (unsigned long long)a->d[i] * b->d[j];
    unsigned long long carry = 0;
    int n = a->n + b->n;
    for (int i = 0; i < n; i++) { acc[i] += carry; r->d[i] = (unsigned)(acc[i] % 10000); carry = acc[i] / 10000; }
    r->n = n;
    while (r->n > 1 && r->d[r->n - 1] == 0) r->n--;
}
static void print(const char *label, const big *a)
{
    char buf[MAXD * 4 + 8];
    int k = sprintf(buf, "%u", a->d[a->n - 1]);
    for (int i = a->n - 2; i >= 0; i--) k += sprintf(buf + k, "%04u", a->d[i]);
    unsigned sum = 0;
    for (int i = 0; i < k; i++) sum += (unsigned)(buf[i] - '0');
    if (k > 60) printf("%s: %d digits, digit sum %u, %.20s...%s\n", label, k, sum, buf, buf + k - 20);
    else printf("%s: %s\n", label, buf);
}

int main(void)
{
    static big a, b, c;
    set(&a, 1);
    for (unsigned i = 2; i <= 300; i++) mul_small(&a, i);
    print("300!", &a);
    set(&a, 1);
    for (int i = 0; i < 1000; i++) mul_small(&a, 2);
    print("2^1000", &a);
    set(&a, 0); set(&b, 1);
    for (int i = 0; i < 2000; i++) { add(&c, &a, &b); a = b; b = c; }
    print("fib(2001)", &b);
    set(&a, 3);
    for (int i = 0; i < 9; i++) { mul(&b, &a, &a); a = b; }
    print("3^512", &a);
    set(&a, 123456789);
    mul(&b, &a, &a);
    print("123456789^2", &b);
    /* digits of e by spigot */
    enum { DIG = 300 };
    int x[DIG + 10];
    for (int i = 0; i < DIG + 10; i++) x[i] = 1;
    printf("e = 2.");
    for (int d = 0; d < 80; d++) {
        int carry = 0;
        for (int i = DIG + 9; i >= 1; i--) { int t = x[i] * 10 + carry; x[i] = t % (i + 1); carry = t / (i + 1); }
        printf("%d", carry);
    }
    printf("\n");
    return 0;
}
