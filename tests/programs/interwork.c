/* ARM <-> Thumb interworking (armel: ARMv5TE, BX/BLX/POP {pc} switch state):
 * functions compiled as ARM and as Thumb call each other directly, through
 * function pointers, return values across the switch, pass callbacks the
 * other way, and longjmp from Thumb code into an ARM frame. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARM __attribute__((target("arm"), noinline))
#define THUMB __attribute__((target("thumb"), noinline))

static jmp_buf env;

THUMB static int t_square(int x) { return x * x; }
ARM static int a_twice(int x) { return 2 * x; }

THUMB static int t_apply(int (*f)(int), int x) { return f(x) + 1; }
ARM static int a_apply(int (*f)(int), int x) { return f(x) - 1; }

THUMB static unsigned t_mix(unsigned a, unsigned b)
{
    unsigned r = a;
    for (int i = 0; i < 16; i++)
        r = (r << 3 | r >> 29) ^ (b + (unsigned)i) ^ (r >> 7);
    return r;
}

ARM static unsigned a_mix(unsigned a, unsigned b) { return t_mix(a, b) ^ t_mix(b, a); }

THUMB static int t_cmp(const void *p, const void *q)
{
    int a = *(const int *)p, b = *(const int *)q;
    return (a > b) - (a < b);
}

THUMB static void t_bail(int depth)
{
    if (depth == 0)
        longjmp(env, 42);
    t_bail(depth - 1);
}

ARM static int a_fib(int n);
THUMB static int t_fib(int n) { return n < 2 ? n : a_fib(n - 1) + a_fib(n - 2); }
ARM static int a_fib(int n) { return n < 2 ? n : t_fib(n - 1) + t_fib(n - 2); }

THUMB static long long t_wide(long long a, int b) { return a * b + (a >> 3); }

int main(void)
{
    int (*fs[4])(int) = {t_square, a_twice, t_square, a_twice};
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += t_apply(fs[i], i + 3) + a_apply(fs[i], i + 1);
    printf("apply %d\n", sum);
    printf("mix %08x %08x\n", a_mix(0x12345678u, 0x9abcdef0u), t_mix(1, 2));
    int v[12] = {5, -3, 9, 0, 12, -7, 4, 4, 100, -100, 1, 2};
    qsort(v, 12, sizeof v[0], t_cmp); /* libc (ARM) calls back into Thumb */
    for (int i = 0; i < 12; i++)
        printf("%d%c", v[i], i == 11 ? '\n' : ' ');
    int r = setjmp(env);
    if (r == 0) {
        t_bail(20);
        puts("not reached");
    }
    printf("longjmp %d\n", r);
    printf("fib %d %d\n", t_fib(20), a_fib(19));
    printf("wide %lld\n", t_wide(-123456789012LL, 77));
    char buf[64];
    snprintf(buf, sizeof buf, "%s-%d", "strlen", (int)strlen("interwork"));
    puts(buf);
    return 0;
}
