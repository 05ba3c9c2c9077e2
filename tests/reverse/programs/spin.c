/* Ctrl-C (gdb_interrupt.py): a loop of 10^10 iterations. */
#include <stdio.h>

volatile unsigned long long counter;

static void spin_forever(void)
{
    for (unsigned long long i = 0; i < 10000000000ULL; i++)
        counter += i; /* MARK:spin_body */
}

int main(void)
{
    spin_forever();
    printf("%llu\n", counter);
    return 0;
}
