/* Runs until it is stopped: the DAP session test pauses it, goes back to the
 * start of history and disconnects while it runs. */
#include <stdio.h>

static volatile unsigned long laps;

int main(void)
{
    puts("spinning");
    fflush(stdout);
    for (;;)
        laps++;
}
