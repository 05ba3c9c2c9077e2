/* setjmp/longjmp across frames, nested handlers, volatile locals. */
#include <stdio.h>
#include <setjmp.h>

static jmp_buf env_outer, env_inner;
static int calls;

static void thrower(int depth, int code)
{
    char big[256];
    big[depth % 256] = (char)depth;
    calls++;
    if (depth == 0) longjmp(code > 100 ? env_outer : env_inner, code);
    thrower(depth - 1, code + big[depth % 256] * 0);
}

static int try_inner(int code)
{
    volatile int local = 10;
    int r = setjmp(env_inner);
    if (r == 0) {
        local = 20;
        thrower(30, code);
        return -1;
    }
    return r + local;
}

int main(void)
{
    volatile int stage = 0;
    for (int c = 1; c <= 5; c++) printf("inner %d -> %d\n", c, try_inner(c * 3));
    int r = setjmp(env_outer);
    stage++;
    printf("outer setjmp returned %d at stage %d\n", r, stage);
    if (stage < 4) {
        try_inner(100 + stage);
        printf("not reached\n");
    }
    jmp_buf again;
    volatile int n = 0;
    if (setjmp(again) < 5) { n++; if (n < 5) longjmp(again, n); }
    printf("loop via longjmp n=%d calls=%d\n", n, calls);
    sigjmp_buf sj;
    int v = sigsetjmp(sj, 1);
    if (!v) siglongjmp(sj, 0); /* 0 becomes 1 */
    printf("siglongjmp value %d\n", v);
    return 0;
}
