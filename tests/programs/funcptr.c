/* Function pointers: tables, callbacks, returning function pointers, qsort-style dispatch. */
#include <stdio.h>

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int mod(int a, int b) { return b ? a % b : 0; }
static int maxf(int a, int b) { return a > b ? a : b; }
static binop table[] = {add, sub, mul, mod, maxf};
static const char *names[] = {"add", "sub", "mul", "mod", "max"};

static binop pick(int i) { return table[i % 5]; }
static int fold(const int *v, int n, binop f, int init) { for (int i = 0; i < n; i++) init = f(init, v[i]); return init; }
static void apply(void (*cb)(int, void *), void *ctx, int n) { for (int i = 0; i < n; i++) cb(i, ctx); }
static void acc_sq(int i, void *ctx) { *(long *)ctx += (long)i * i; }
static void acc_cube(int i, void *ctx) { *(long *)ctx += (long)i * i * i; }

struct shape { const char *name; int (*area)(const struct shape *); int a, b; };
static int rect_area(const struct shape *s) { return s->a * s->b; }
static int tri_area(const struct shape *s) { return s->a * s->b / 2; }
static int sq_area(const struct shape *s) { return s->a * s->a; }

int main(void)
{
    int v[] = {3, 9, -4, 12, 7, 5, -8, 1};
    for (int i = 0; i < 5; i++) printf("%s fold = %d\n", names[i], fold(v, 8, table[i], i == 2 ? 1 : 0));
    int x = 1;
    for (int i = 0; i < 1000; i++) x = pick(i * 7)(x, i + 1) & 0xffff;
    printf("chain %d\n", x);
    long s1 = 0, s2 = 0;
    apply(acc_sq, &s1, 100);
    apply(acc_cube, &s2, 100);
    printf("sq %ld cube %ld\n", s1, s2);
    struct shape shapes[] = {{"rect", rect_area, 3, 4}, {"tri", tri_area, 6, 5}, {"square", sq_area, 7, 0}};
    for (int i = 0; i < 3; i++) printf("%s area %d\n", shapes[i].name, shapes[i].area(&shapes[i]));
    int (*volatile indirect)(const char *, ...) = printf;
    indirect("via volatile pointer %d %s\n", 99, "ok");
    return 0;
}
