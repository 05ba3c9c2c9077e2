/* Threads that end while others keep running: one leaves by pthread_exit()
   from a nested call (its cleanup handler runs, its value reaches
   pthread_join), one returns; two compute threads are still busy (spinning on
   a flag main sets only after both joins, so the exits happen while they
   run). A thread created detached and one detached by pthread_detach() report
   through a semaphore. pthread_once from every thread runs its routine once.
   Last, main itself calls pthread_exit() while a thread still runs: the
   process lives on until that thread returns, and exits with status 0. */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

/* A failed pthread_create ends the run at once, not in a join that never returns. */
#define START(t, attr, fn, arg) \
    do { if (pthread_create(t, attr, fn, arg) != 0) { puts("pthread_create failed"); exit(1); } } while (0)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs, once_calls;
static atomic_int released;
static sem_t detached_done;
static long detached_result[2];
static long cleanup_arg;

static void init_once(void) { atomic_fetch_add(&once_runs, 1); }
static void call_once(void) { pthread_once(&once, init_once); atomic_fetch_add(&once_calls, 1); }

static long crunch(long seed, int n)
{
    unsigned long s = (unsigned long)seed;
    for (int i = 0; i < n; i++) s = (s * 1103515245u + 12345u) & 0x7fffffffu;
    return (long)s;
}

static void on_cleanup(void *arg) { cleanup_arg = (long)arg; }

static void leave_deep(int depth, long v) /* pthread_exit from 6 frames down */
{
    if (depth < 0) return; /* not taken */
    if (depth == 0) pthread_exit((void *)v);
    leave_deep(depth - 1, v + 1);
}

static void *exiter(void *arg)
{
    (void)arg;
    call_once();
    pthread_cleanup_push(on_cleanup, (void *)77L);
    long v = crunch(1, 50000) % 1000;
    leave_deep(5, v);
    pthread_cleanup_pop(0); /* not reached */
    return (void *)-1L;
}

static void *returner(void *arg)
{
    call_once();
    return (void *)(crunch((long)arg, 30000) % 1000);
}

static void *computer(void *arg)
{
    call_once();
    long s = crunch((long)arg, 400000);
    while (!atomic_load(&released)) s ^= 1; /* still running when the others exit */
    s = crunch(s | 1, 400000);              /* s|1: the flips touched bit 0 only */
    return (void *)(s % 100000);
}

static void *detached(void *arg)
{
    long id = (long)arg;
    call_once();
    if (id == 1) pthread_detach(pthread_self());
    detached_result[id] = crunch(id + 10, 20000) % 1000;
    sem_post(&detached_done);
    return NULL;
}

static pthread_t main_thread;
static void *last(void *arg)
{
    (void)arg;
    long s = crunch(3, 300000) % 1000;
    /* Joining the main thread waits for the kernel to clear its tid (glibc
       gave it set_tid_address at start-up) when it has called pthread_exit. */
    int rc = pthread_join(main_thread, NULL);
    printf("last thread: %ld, joined main: %d, process still alive\n", s, rc);
    return NULL; /* the last thread to end: the process exits with status 0 */
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    sem_init(&detached_done, 0, 0);
    pthread_t c[2], e, r, d;
    for (long i = 0; i < 2; i++) START(&c[i], NULL, computer, (void *)(i + 5));
    START(&e, NULL, exiter, NULL);
    START(&r, NULL, returner, (void *)42L);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    START(&d, &attr, detached, (void *)0L);
    pthread_attr_destroy(&attr);
    START(&d, NULL, detached, (void *)1L);

    void *ve, *vr;
    pthread_join(e, &ve);
    pthread_join(r, &vr);
    printf("exiter: %ld (cleanup ran with %ld), returner: %ld\n", (long)ve, cleanup_arg, (long)vr);
    atomic_store(&released, 1);
    for (int i = 0; i < 2; i++) {
        void *v;
        pthread_join(c[i], &v);
        printf("computer %d: %ld\n", i, (long)v);
    }
    sem_wait(&detached_done);
    sem_wait(&detached_done);
    printf("detached: %ld %ld\n", detached_result[0], detached_result[1]);
    call_once();
    printf("once: routine ran %d time(s), called %d times\n", atomic_load(&once_runs), atomic_load(&once_calls));

    pthread_t l;
    main_thread = pthread_self();
    START(&l, NULL, last, NULL);
    printf("main: pthread_exit\n");
    pthread_exit(NULL);
}
