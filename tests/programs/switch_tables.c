/* Dense switches (jump tables), sparse switches, and computed goto. */
#include <stdio.h>

static int dense(int x)
{
    switch (x) {
    case 0: return 11; case 1: return 23; case 2: return 5; case 3: return 97;
    case 4: return 41; case 5: return 62; case 6: return 7; case 7: return 88;
    case 8: return 19; case 9: return 30; case 10: return 3; case 11: return 54;
    case 12: return 76; case 13: return 1; case 14: return 45; case 15: return 66;
    default: return -1;
    }
}
static const char *sparse(unsigned x)
{
    switch (x) {
    case 1: return "one"; case 100: return "hundred"; case 1000: return "thousand";
    case 65536: return "64k"; case 0xdeadbeef: return "dead"; case 7: return "seven";
    default: return "other";
    }
}
static int fallthrough(int x)
{
    int r = 0;
    switch (x & 7) {
    case 0: r += 1; /* fall through */
    case 1: r += 2; /* fall through */
    case 2: r += 4; break;
    case 3: r += 8; /* fall through */
    case 4: r += 16; break;
    case 5: case 6: r += 32; break;
    default: r = -x;
    }
    return r;
}
static int computed(const unsigned char *code)
{
    static void *tbl[] = {&&op_inc, &&op_dbl, &&op_neg, &&op_end};
    int acc = 1;
    goto *tbl[*code++];
op_inc: acc++; goto *tbl[*code++];
op_dbl: acc *= 2; goto *tbl[*code++];
op_neg: acc = -acc; goto *tbl[*code++];
op_end: return acc;
}

int main(void)
{
    long sum = 0;
    for (int i = -2; i < 20; i++) { printf("%d:%d ", i, dense(i)); sum += dense(i) * i; }
    printf("\nsum %ld\n", sum);
    unsigned keys[] = {0, 1, 7, 100, 999, 1000, 65536, 0xdeadbeef, 0xffffffff};
    for (unsigned i = 0; i < 9; i++) printf("%u=%s\n", keys[i], sparse(keys[i]));
    for (int i = 0; i < 16; i++) printf("%d ", fallthrough(i));
    printf("\n");
    unsigned char prog[] = {0, 1, 1, 0, 2, 1, 0, 1, 3};
    printf("computed goto %d\n", computed(prog));
    int hist[16] = {0};
    unsigned s = 1;
    for (int i = 0; i < 100000; i++) { s = s * 1664525 + 1013904223; hist[dense((int)(s >> 28)) & 15]++; }
    for (int i = 0; i < 16; i++) printf("%d ", hist[i]);
    printf("\n");
    return 0;
}
