/* Output during replay (gdb_replay_output.py): numbered lines, each written
 * by its own write(2) (line-buffered stdout), must reach stdout once. */
#include <stdio.h>

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i <= 10; i++) {
        printf("line %d\n", i); /* MARK:print */
    }
    printf("end\n");
    return 0;
}
