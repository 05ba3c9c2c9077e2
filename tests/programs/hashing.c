/* String hashing (FNV-1a, djb2, murmur3 finalizer) and a chained hash table with insert/lookup/delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint32_t fnv1a(const char *s) { uint32_t h = 2166136261u; while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; } return h; }
static uint32_t djb2(const char *s) { uint32_t h = 5381; while (*s) h = h * 33 + (unsigned char)*s++; return h; }
static uint32_t fmix(uint32_t h) { h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16; return h; }

struct entry { char *key; int value; struct entry *next; };
struct table { struct entry **b; unsigned nb, count; };

static void put(struct table *t, const char *k, int v)
{
    unsigned i = fnv1a(k) % t->nb;
    for (struct entry *e = t->b[i]; e; e = e->next) if (!strcmp(e->key, k)) { e->value += v; return; }
    struct entry *e = malloc(sizeof *e);
    e->key = strdup(k); e->value = v; e->next = t->b[i]; t->b[i] = e; t->count++;
    if (t->count > t->nb * 2) {
        unsigned nb = t->nb * 2 + 1;
        struct entry **nbk = calloc(nb, sizeof *nbk);
        for (unsigned j = 0; j < t->nb; j++)
            for (struct entry *x = t->b[j], *nx; x; x = nx) { nx = x->next; unsigned h = fnv1a(x->key) % nb; x->next = nbk[h]; nbk[h] = x; }
        free(t->b); t->b = nbk; t->nb = nb;
    }
}
static struct entry *get(struct table *t, const char *k)
{
    for (struct entry *e = t->b[fnv1a(k) % t->nb]; e; e = e->next) if (!strcmp(e->key, k)) return e;
    return NULL;
}
static int del(struct table *t, const char *k)
{
    struct entry **pp = &t->b[fnv1a(k) % t->nb];
    for (; *pp; pp = &(*pp)->next)
        if (!strcmp((*pp)->key, k)) { struct entry *e = *pp; *pp = e->next; free(e->key); free(e); t->count--; return 1; }
    return 0;
}

int main(void)
{
    const char *words[] = {"", "a", "hello", "Hello", "backstep", "The quick brown fox", "0123456789abcdef"};
    for (int i = 0; i < 7; i++) printf("%-20s fnv %08x djb2 %08x fmix %08x\n", words[i], fnv1a(words[i]), djb2(words[i]), fmix(djb2(words[i])));
    struct table t = {calloc(7, sizeof(struct entry *)), 7, 0};
    char key[32];
    for (int i = 0; i < 20000; i++) { snprintf(key, sizeof key, "k%d", (i * 7919) % 5003); put(&t, key, i); }
    printf("count %u buckets %u\n", t.count, t.nb);
    long long sum = 0;
    int found = 0;
    for (int i = 0; i < 6000; i++) { snprintf(key, sizeof key, "k%d", i); struct entry *e = get(&t, key); if (e) { found++; sum += e->value; } }
    printf("found %d sum %lld\n", found, sum);
    int removed = 0;
    for (int i = 0; i < 5003; i += 3) { snprintf(key, sizeof key, "k%d", i); removed += del(&t, key); }
    printf("removed %d left %u\n", removed, t.count);
    unsigned longest = 0, empty = 0;
    for (unsigned i = 0; i < t.nb; i++) { unsigned n = 0; for (struct entry *e = t.b[i]; e; e = e->next) n++; if (n > longest) longest = n; empty += !n; }
    printf("longest chain %u empty buckets %u\n", longest, empty);
    return 0;
}
