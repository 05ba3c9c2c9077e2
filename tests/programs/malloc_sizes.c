/* malloc/free/realloc/calloc at many sizes: brk path and mmap path (> 256 KiB). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned fill(unsigned char *p, size_t n, unsigned seed)
{
    unsigned h = seed;
    for (size_t i = 0; i < n; i++) { p[i] = (unsigned char)(seed + i * 13); }
    for (size_t i = 0; i < n; i += 97) h = h * 33 + p[i];
    return h;
}

int main(void)
{
    enum { N = 400 };
    unsigned char *ptrs[N];
    size_t sizes[N];
    unsigned check = 0;
    unsigned rng = 12345;
    for (int i = 0; i < N; i++) {
        rng = rng * 1103515245 + 12345;
        sizes[i] = (rng >> 8) % (i % 10 == 0 ? 70000 : 600) + 1;
        ptrs[i] = malloc(sizes[i]);
        if (!ptrs[i]) { printf("malloc failed\n"); return 1; }
        check += fill(ptrs[i], sizes[i], i);
    }
    for (int i = 0; i < N; i += 2) { free(ptrs[i]); ptrs[i] = NULL; }
    for (int i = 1; i < N; i += 2) {
        size_t ns = sizes[i] * 3 + 10;
        unsigned char *p = realloc(ptrs[i], ns);
        if (!p) return 1;
        for (size_t k = 0; k < sizes[i]; k++)
            if (p[k] != (unsigned char)(i + k * 13)) { printf("realloc lost data at %d\n", i); return 1; }
        ptrs[i] = p;
        sizes[i] = ns;
        check += fill(p, ns, i + 1);
    }
    for (int i = 1; i < N; i += 2) free(ptrs[i]);
    printf("small/medium check %08x\n", check);

    size_t bigs[] = {256 * 1024, 300000, 1 << 20, 3 * (1 << 20) + 17, 8 << 20};
    for (unsigned i = 0; i < sizeof bigs / sizeof bigs[0]; i++) {
        unsigned char *p = malloc(bigs[i]);
        if (!p) { printf("big malloc failed\n"); return 1; }
        unsigned h = fill(p, bigs[i], i);
        p = realloc(p, bigs[i] * 2);
        memset(p + bigs[i], 0x5a, bigs[i]);
        unsigned h2 = 0;
        for (size_t k = 0; k < bigs[i] * 2; k += 4093) h2 = h2 * 7 + p[k];
        printf("big %zu: %08x %08x\n", bigs[i], h, h2);
        free(p);
    }
    for (size_t n = 1; n < (4u << 20); n = n * 5 + 3) {
        unsigned *c = calloc(n, sizeof(unsigned));
        unsigned nz = 0;
        for (size_t k = 0; k < n; k++) nz += c[k] != 0;
        c[n - 1] = 1;
        printf("calloc %zu nonzero=%u\n", n, nz);
        free(c);
    }
    /* shrink with realloc, then grow a list with repeated realloc */
    int *arr = NULL;
    long long sum = 0;
    for (int i = 0; i < 20000; i++) {
        if ((i & (i - 1)) == 0) arr = realloc(arr, sizeof(int) * (size_t)(i ? 2 * i : 1));
        arr[i] = i * 3;
    }
    for (int i = 0; i < 20000; i++) sum += arr[i];
    arr = realloc(arr, 10 * sizeof(int));
    printf("grow sum %lld first %d %d\n", sum, arr[0], arr[9]);
    free(arr);
    printf("free(NULL) ok\n");
    free(NULL);
    return 0;
}
