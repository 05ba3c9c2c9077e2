/* The reverse-debugging demo: a histogram whose last bucket ends up with a
 * count nobody expects. Something writes past the end of `hist` into
 * `guard`... but which line, and when? `watch -l guard` plus
 * `reverse-continue` answers it from the end of the run. */
#include <stdio.h>
#include <string.h>

#define BUCKETS 8

static struct {
    unsigned hist[BUCKETS];
    unsigned guard; /* must stay 0 */
} s;

static unsigned bucket_of(unsigned v)
{
    /* Bug: v % (BUCKETS + 1) can be BUCKETS, one past the end. */
    return v % (BUCKETS + 1);
}

static void count(const unsigned *vals, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        s.hist[bucket_of(vals[i])]++; /* the write that goes astray */
}

int main(void)
{
    unsigned vals[40];
    for (unsigned i = 0; i < 40; i++)
        vals[i] = i * 7 + 3;
    memset(&s, 0, sizeof s);
    count(vals, 40);
    for (unsigned b = 0; b < BUCKETS; b++)
        printf("bucket %u: %u\n", b, s.hist[b]);
    printf("guard = %u%s\n", s.guard, s.guard ? "  <-- corrupted!" : "");
    return s.guard != 0;
}
