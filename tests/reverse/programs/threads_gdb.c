/* Three threads for gdb_threads.py: two workers, each adding to its own
 * counter in a loop through bump(), a function to break in; main joins
 * them and prints the counters. */
#include <pthread.h>
#include <stdio.h>

#define ROUNDS 50

volatile unsigned counter[2];

void bump(int who)
{
    counter[who] += (unsigned)who + 1u; /* MARK:bump */
}

static void *worker(void *arg)
{
    int who = (int)(long)arg;
    for (int i = 0; i < ROUNDS; i++)
        bump(who); /* MARK:call */
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL); /* MARK:join */
    printf("counters %u %u\n", counter[0], counter[1]);
    return 0;
}
