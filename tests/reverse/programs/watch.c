/* Write watchpoints (gdb_watch_*.py): buf[3] is written in fill() and at
 * MARK:store3, among writes to its neighbours. An argument N adds a loop of
 * N iterations before the exit, so the writes are not close to it. */
#include <stdio.h>
#include <stdlib.h>

char buf[16];

static void fill(char *p, int n, char c)
{
    for (int i = 0; i < n; i++)
        p[i] = (char)(c + i); /* MARK:fill_store */
}

int main(int argc, char **argv)
{
    fill(buf, 16, 'a'); /* MARK:fill_call */
    buf[2] = 'X';       /* MARK:start */
    buf[4] = 'Y';
    buf[3] = 'Q'; /* MARK:store3 */
    buf[5] = 'Z'; /* MARK:after3 */
    buf[6] = 'W';
    printf("%.16s\n", buf); /* MARK:end */
    unsigned tail = argc > 1 ? (unsigned)atoi(argv[1]) : 0;
    for (volatile unsigned k = 0; k < tail; k++)
        ;
    return 0;
}
