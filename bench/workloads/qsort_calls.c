/* bench workload: indirect calls. libc qsort with a comparison callback on records,
   then bsearch lookups. Usage: qsort_calls [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

struct rec { uint32_t key; uint32_t payload; };
static int cmp(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->payload > y->payload) - (x->payload < y->payload);
}

int main(int argc, char **argv)
{
    unsigned rounds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 12;
    enum { N = 50000 };
    struct rec *v = malloc(sizeof(struct rec) * N);
    uint32_t s = 7, acc = 0;
    for (unsigned r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; v[i].key = s % 100000; v[i].payload = (uint32_t)i; }
        qsort(v, N, sizeof v[0], cmp);
        for (int i = 0; i < 2000; i++) {
            struct rec k = {(uint32_t)i * 50, 0};
            struct rec *f = bsearch(&k, v, N, sizeof v[0], cmp);
            acc = acc * 3 + (f ? f->payload : 1);
        }
        acc += v[N / 2].key + v[0].payload;
    }
    printf("qsort_calls rounds=%u acc=%08x\n", rounds, acc);
    free(v);
    return 0;
}
