/* Ctrl-C (gdb_interrupt.py) on a guest that blocks every signal and spins,
 * in a second thread too: gdb's interrupt is not a guest signal. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

volatile unsigned long long counter, other;

static void spin_forever(void)
{
    for (unsigned long long i = 0; i < 10000000000ULL; i++)
        counter += i; /* MARK:spin_body */
}

static void *spin_other(void *arg)
{
    (void)arg;
    for (;;)
        other++;
    return NULL;
}

int main(void)
{
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    pthread_t t;
    pthread_create(&t, NULL, spin_other, NULL);
    spin_forever();
    printf("%llu\n", counter);
    return 0;
}
