/* qsort and bsearch on ints, strings and structs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int key; char name[12]; double w; };

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? -1 : 1;
    return x->key - y->key;
}

int main(void)
{
    enum { N = 5000 };
    static int a[N];
    unsigned s = 7;
    for (int i = 0; i < N; i++) { s = s * 69069 + 1; a[i] = (int)(s >> 3) % 100000 - 50000; }
    qsort(a, N, sizeof a[0], cmp_int);
    long long sum = 0;
    for (int i = 0; i < N; i++) { sum += (long long)a[i] * (i + 1); if (i && a[i - 1] > a[i]) { printf("unsorted\n"); return 1; } }
    printf("ints min %d max %d weighted %lld\n", a[0], a[N - 1], sum);
    int found = 0;
    for (int k = -50000; k < 50000; k += 37) found += bsearch(&k, a, N, sizeof a[0], cmp_int) != NULL;
    printf("bsearch found %d\n", found);

    const char *words[] = {"pear", "apple", "fig", "banana", "kiwi", "cherry", "date", "grape", "lemon", "lime", "mango", "apple"};
    int nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    for (int i = 0; i < nw; i++) printf("%s%c", words[i], i + 1 < nw ? ' ' : '\n');
    const char *key = "kiwi";
    const char **hit = bsearch(&key, words, nw, sizeof words[0], cmp_str);
    printf("kiwi at %d\n", hit ? (int)(hit - words) : -1);

    struct rec r[200];
    for (int i = 0; i < 200; i++) {
        r[i].key = i;
        snprintf(r[i].name, sizeof r[i].name, "n%03d", (i * 37) % 200);
        r[i].w = ((i * 7919) % 101) / 4.0;
    }
    qsort(r, 200, sizeof r[0], cmp_rec);
    for (int i = 0; i < 200; i += 25) printf("%d %s %.2f\n", r[i].key, r[i].name, r[i].w);
    return 0;
}
