/* POSIX timers that notify threads: SIGEV_THREAD_ID (the expiry's signal
 * goes to one named thread, which takes it with sigwaitinfo), an invalid
 * thread id (EINVAL), and glibc's SIGEV_THREAD (a callback run on a thread
 * glibc starts, built on SIGEV_THREAD_ID and signal 32). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_int worker_tid, fired;

static void *worker(void *arg)
{
    (void)arg;
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    atomic_store(&worker_tid, (int)syscall(SYS_gettid));
    siginfo_t si;
    int sig = sigwaitinfo(&s, &si);
    printf("worker: signal %d, %s, value %d, on its own thread: %s\n", sig,
           si.si_code == SI_TIMER ? "SI_TIMER" : "not SI_TIMER", si.si_value.sival_int,
           (int)syscall(SYS_gettid) == atomic_load(&worker_tid) ? "yes" : "no");
    return NULL;
}

static void callback(union sigval v) { atomic_fetch_add(&fired, v.sival_int); }

int main(void)
{
    /* Every thread blocks SIGUSR1: only the timer's thread takes it. */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    while (!atomic_load(&worker_tid))
        usleep(1000);

    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = SIGUSR1;
    sev.sigev_value.sival_int = 7;
    sev._sigev_un._tid = 999999; /* no such thread (glibc 2.36 has no sigev_notify_thread_id) */
    timer_t id;
    int r = timer_create(CLOCK_MONOTONIC, &sev, &id);
    printf("SIGEV_THREAD_ID to no thread: %d %s\n", r, r ? strerror(errno) : "");
    sev._sigev_un._tid = atomic_load(&worker_tid);
    r = timer_create(CLOCK_MONOTONIC, &sev, &id);
    printf("SIGEV_THREAD_ID to the worker: %d\n", r);
    struct itimerspec once = {{0, 0}, {0, 30000000}};
    timer_settime(id, 0, &once, NULL);
    pthread_join(t, NULL);
    timer_delete(id);

    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD;
    sev.sigev_notify_function = callback;
    sev.sigev_value.sival_int = 5;
    r = timer_create(CLOCK_MONOTONIC, &sev, &id);
    printf("SIGEV_THREAD: %d\n", r);
    struct itimerspec every = {{0, 20000000}, {0, 20000000}};
    timer_settime(id, 0, &every, NULL);
    for (int i = 0; i < 200 && atomic_load(&fired) < 15; i++)
        usleep(10000);
    timer_delete(id);
    printf("callback ran %s\n", atomic_load(&fired) >= 15 ? "at least 3 times" : "too few times");
    return 0;
}
