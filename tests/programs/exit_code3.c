/* exit(3) with buffered stdout still pending and an atexit handler. */
// EXIT: 3
#include <stdio.h>
#include <stdlib.h>

static void bye(void) { printf("atexit handler ran\n"); }
static void deep(int n) { if (n == 0) { printf("exiting from depth\n"); exit(3); } deep(n - 1); }

int main(void)
{
    atexit(bye);
    printf("buffered line (no flush)");
    printf("\n");
    deep(10);
    return 0;
}
