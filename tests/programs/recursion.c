/* Deep and branchy recursion: fib, ackermann, hanoi, permutations. */
#include <stdio.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}
static long hanoi(int n, int from, int to, int via)
{
    if (n == 0) return 0;
    return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
}
static int depth(int n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? pad[0] : 1 + depth(n - 1); }
static int count;
static void perm(int *a, int k, int n)
{
    if (k == n) { if (a[0] < a[n - 1]) count++; return; }
    for (int i = k; i < n; i++) {
        int t = a[k]; a[k] = a[i]; a[i] = t;
        perm(a, k + 1, n);
        t = a[k]; a[k] = a[i]; a[i] = t;
    }
}

int main(void)
{
    for (int i = 0; i <= 22; i += 2) printf("fib(%d)=%d\n", i, fib(i));
    for (int m = 0; m <= 2; m++)
        for (int n = 0; n <= 4; n++) printf("ack(%d,%d)=%d\n", m, n, ack(m, n));
    printf("ack(3,3)=%d\n", ack(3, 3));
    printf("hanoi(16)=%ld\n", hanoi(16, 1, 3, 2));
    printf("depth=%d\n", depth(20000));
    int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    perm(a, 0, 8);
    printf("perms with a0<a7: %d\n", count);
    return 0;
}
