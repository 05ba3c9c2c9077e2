/* Returns 42 from main; output without trailing newline. */
// EXIT: 42
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    printf("returning %d", 40 + argc + 1);
    return 40 + argc + 1;
}
