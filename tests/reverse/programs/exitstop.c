/* Reverse debugging from the exit stop (gdb_exit_stop.py): the last writes
 * of `total` happen just before main returns; the program exits with 5. */
#include <stdio.h>

int total;

static int add(int x)
{
    total += x; /* MARK:add_write */
    return total;
}

int main(void)
{
    for (int i = 1; i <= 4; i++)
        add(i);
    printf("total %d\n", total);
    total = 42; /* MARK:last_write */
    return 5;   /* MARK:ret */
}
