/* abort(): the process dies by SIGABRT (exit status 128+6 seen by the shell). */
// EXIT: 134
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("about to abort\n");
    fflush(stdout);
    fprintf(stderr, "stderr before abort\n");
    printf("this buffered line is lost");
    abort();
}
