/* POSIX threads: create/join, a mutex-protected counter, a condition variable hand-off,
   thread-local storage (__thread), and return values. Output is printed only after joins. */
#include <stdio.h>
#include <pthread.h>

#define NT 4
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn;
static __thread int tls_value = 100;
static int tls_seen[NT];
static long partial[NT];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    tls_value += id;
    long s = 0;
    for (int i = 0; i < 20000; i++) {
        s += (i ^ id) % 7;
        if (i % 100 == 0) { pthread_mutex_lock(&mu); counter += 3; pthread_mutex_unlock(&mu); }
    }
    partial[id] = s;
    tls_seen[id] = tls_value;
    return (void *)(long)(id * 11);
}

static int order[2 * NT], norder;
static void *pingpong(void *arg)
{
    int id = (int)(long)arg;
    for (int round = 0; round < 2; round++) {
        pthread_mutex_lock(&mu);
        while (turn % NT != id) pthread_cond_wait(&cv, &mu);
        order[norder++] = id;
        turn++;
        pthread_cond_broadcast(&cv);
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    long rets = 0;
    for (int i = 0; i < NT; i++) { void *r; pthread_join(t[i], &r); rets += (long)r; }
    printf("counter %ld rets %ld main tls %d\n", counter, rets, tls_value);
    for (int i = 0; i < NT; i++) printf("thread %d partial %ld tls %d\n", i, partial[i], tls_seen[i]);
    for (long i = NT - 1; i >= 0; i--) pthread_create(&t[i], NULL, pingpong, (void *)i);
    for (int i = 0; i < NT; i++) pthread_join(t[i], NULL);
    printf("order:");
    for (int i = 0; i < norder; i++) printf(" %d", order[i]);
    printf("\n");
    return 0;
}
