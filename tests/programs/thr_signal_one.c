/* Signals aimed at one thread. pthread_kill(SIGUSR1) to worker 1 runs the
   handler on worker 1 (the handler records gettid() and which thread it ran on,
   by a __thread index and by pthread_self()), never on another thread. A
   pthread_kill to a thread that blocks the signal stays pending for that
   thread alone (sigpending there, not in main) and runs its handler there once
   it unblocks. A process-directed kill(SIGUSR2), blocked in every thread, is
   taken by sigwait in the one thread dedicated to it. Signal masks are per
   thread: a worker's pthread_sigmask does not change main's. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A failed pthread_create ends the run at once, not in a join that never returns. */
#define START(t, attr, fn, arg) \
    do { if (pthread_create(t, attr, fn, arg) != 0) { puts("pthread_create failed"); exit(1); } } while (0)

#define NW 3
static pthread_t workers[NW];
static __thread int my_index = -1; /* main: -1 */
static volatile sig_atomic_t hits[NW + 1], handler_tid_ok[NW + 1], handler_self_ok[NW + 1];
static long thread_tid[NW];
static sem_t handled, ready;
static atomic_int done;
static int pending_in_thread, pending_in_main, main_mask_kept;

static void on_usr1(int sig)
{
    (void)sig;
    int i = my_index < 0 ? NW : my_index;
    hits[i]++;
    if (i < NW) {
        handler_tid_ok[i] = syscall(SYS_gettid) == thread_tid[i];
        handler_self_ok[i] = pthread_equal(pthread_self(), workers[i]);
    }
    sem_post(&handled);
}

static void *worker(void *arg)
{
    my_index = (int)(long)arg;
    thread_tid[my_index] = syscall(SYS_gettid);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    if (my_index == 2) pthread_sigmask(SIG_BLOCK, &usr1, NULL); /* main keeps it open */
    sem_post(&ready);
    unsigned s = 1;
    while (!atomic_load(&done)) s = s * 5 + 1; /* compute until released */
    if (my_index == 2) {
        sigset_t pend;
        sigpending(&pend);
        pending_in_thread = sigismember(&pend, SIGUSR1);
        pthread_sigmask(SIG_UNBLOCK, &usr1, NULL); /* the handler runs here, now */
    }
    return (void *)(long)(s & 1);
}

static void *waiter(void *arg)
{
    sigset_t *set = arg;
    int sig = 0;
    int rc = sigwait(set, &sig);
    return (void *)(long)(rc == 0 ? sig : -rc);
}

int main(void)
{
    sem_init(&handled, 0, 0);
    sem_init(&ready, 0, 0);
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);

    sigset_t usr2; /* blocked in main before any thread exists: inherited by all */
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr2, NULL);

    for (long i = 0; i < NW; i++) START(&workers[i], NULL, worker, (void *)i);
    pthread_t w;
    START(&w, NULL, waiter, &usr2);
    for (int i = 0; i < NW; i++) sem_wait(&ready);

    pthread_kill(workers[1], SIGUSR1);
    while (sem_wait(&handled) != 0) {} /* EINTR-proof */
    pthread_kill(workers[2], SIGUSR1); /* blocked there: pending for worker 2 only */

    sigset_t cur, pend;
    pthread_sigmask(SIG_BLOCK, NULL, &cur);
    main_mask_kept = !sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGUSR2);
    sigpending(&pend);
    pending_in_main = sigismember(&pend, SIGUSR1);

    kill(getpid(), SIGUSR2); /* process-directed; only the sigwait thread takes it */
    void *got;
    pthread_join(w, &got);

    atomic_store(&done, 1);
    for (int i = 0; i < NW; i++) pthread_join(workers[i], NULL);
    printf("sigwait thread got signal %ld (SIGUSR2 is %d)\n", (long)got, SIGUSR2);
    printf("main: hits %d, usr1 pending in main %d, mask kept %d\n", hits[NW], pending_in_main, main_mask_kept);
    for (int i = 0; i < NW; i++)
        printf("worker %d: hits %d tid ok %d self ok %d\n", i, hits[i], handler_tid_ok[i], handler_self_ok[i]);
    printf("worker 2 saw usr1 pending before unblocking: %d\n", pending_in_thread);
    return 0;
}
