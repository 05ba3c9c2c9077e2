/* Sorting algorithms on PRNG data: insertion, shell, merge, heap, quick, radix; verified and checksummed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 6000
static int src[N], a[N], tmp[N];

static void insertion(int *v, int n) { for (int i = 1; i < n; i++) { int x = v[i], j = i; while (j > 0 && v[j - 1] > x) { v[j] = v[j - 1]; j--; } v[j] = x; } }
static void shell(int *v, int n) { for (int g = n / 2; g; g /= 2) for (int i = g; i < n; i++) { int x = v[i], j = i; while (j >= g && v[j - g] > x) { v[j] = v[j - g]; j -= g; } v[j] = x; } }
static void merge(int *v, int lo, int hi)
{
    if (hi - lo < 2) return;
    int mid = (lo + hi) / 2;
    merge(v, lo, mid); merge(v, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < mid) tmp[k++] = v[i++];
    while (j < hi) tmp[k++] = v[j++];
    memcpy(v + lo, tmp + lo, sizeof(int) * (size_t)(hi - lo));
}
static void sift(int *v, int i, int n) { for (;;) { int l = 2 * i + 1, m = i; if (l < n && v[l] > v[m]) m = l; if (l + 1 < n && v[l + 1] > v[m]) m = l + 1; if (m == i) return; int t = v[i]; v[i] = v[m]; v[m] = t; i = m; } }
static void heap(int *v, int n) { for (int i = n / 2 - 1; i >= 0; i--) sift(v, i, n); for (int e = n - 1; e > 0; e--) { int t = v[0]; v[0] = v[e]; v[e] = t; sift(v, 0, e); } }
static void quick(int *v, int lo, int hi)
{
    while (lo < hi) {
        int p = v[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j) { while (v[i] < p) i++; while (v[j] > p) j--; if (i <= j) { int t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; } }
        if (j - lo < hi - i) { quick(v, lo, j); lo = i; } else { quick(v, i, hi); hi = j; }
    }
}
static void radix(int *v, int n)
{
    unsigned *u = (unsigned *)v;
    for (int i = 0; i < n; i++) u[i] ^= 0x80000000u;
    for (int shift = 0; shift < 32; shift += 8) {
        int cnt[257] = {0};
        for (int i = 0; i < n; i++) cnt[((u[i] >> shift) & 255) + 1]++;
        for (int i = 0; i < 256; i++) cnt[i + 1] += cnt[i];
        for (int i = 0; i < n; i++) tmp[cnt[(u[i] >> shift) & 255]++] = (int)u[i];
        memcpy(u, tmp, sizeof(int) * (size_t)n);
    }
    for (int i = 0; i < n; i++) u[i] ^= 0x80000000u;
}
static void report(const char *name, int n)
{
    unsigned long long h = 0;
    for (int i = 0; i < n; i++) { if (i && a[i - 1] > a[i]) { printf("%s: NOT SORTED at %d\n", name, i); return; } h = h * 1000003 + (unsigned)a[i]; }
    printf("%-9s ok min %d max %d median %d hash %016llx\n", name, a[0], a[n - 1], a[n / 2], h);
}

int main(void)
{
    unsigned s = 2463534242u;
    for (int i = 0; i < N; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; src[i] = (int)s % 1000000; }
    memcpy(a, src, sizeof a); insertion(a, 2000); report("insertion", 2000);
    memcpy(a, src, sizeof a); shell(a, N); report("shell", N);
    memcpy(a, src, sizeof a); merge(a, 0, N); report("merge", N);
    memcpy(a, src, sizeof a); heap(a, N); report("heap", N);
    memcpy(a, src, sizeof a); quick(a, 0, N - 1); report("quick", N);
    memcpy(a, src, sizeof a); radix(a, N); report("radix", N);
    for (int i = 0; i < N; i++) a[i] = N - i;
    quick(a, 0, N - 1); report("rev-quick", N);
    for (int i = 0; i < N; i++) a[i] = i % 3;
    merge(a, 0, N); report("dup-merge", N);
    return 0;
}
