/* Blocking system calls in one thread must not stop the others. A thread
   sits in read() on an empty pipe, another in poll() on a second pipe, a third
   in read() on a pipe that will see EOF, while three threads compute; main
   writes to the pipes (and closes the third) only after joining the compute
   threads, so every blocked call can only return after that work finished.
   Then one thread nanosleeps 200 ms while another computes (a few ms under
   qemu-arm) and checks that the sleeper was still asleep when it finished;
   then the same with clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), the
   sleep of Python's time.sleep. */
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A failed pthread_create ends the run at once, not in a join that never returns. */
#define START(t, attr, fn, arg) \
    do { if (pthread_create(t, attr, fn, arg) != 0) { puts("pthread_create failed"); exit(1); } } while (0)

static int p_read[2], p_poll[2], p_eof[2];
static atomic_int returned; /* blocked calls that came back */
static char got[32];
static long got_n, eof_n, poll_rc, poll_revents;
static long sleep_ok, sleep_rc;
static atomic_int sleeping; /* 0 before, 1 during, 2 after the nanosleep */

static unsigned long crunch(unsigned long s, int n)
{
    for (int i = 0; i < n; i++) s = s * 1664525u + 1013904223u;
    return s >> 7;
}

static void *reader(void *arg)
{
    (void)arg;
    got_n = read(p_read[0], got, sizeof got - 1);
    atomic_fetch_add(&returned, 1);
    return NULL;
}

static void *poller(void *arg)
{
    (void)arg;
    struct pollfd pfd = {.fd = p_poll[0], .events = POLLIN};
    poll_rc = poll(&pfd, 1, -1);
    poll_revents = pfd.revents;
    atomic_fetch_add(&returned, 1);
    return NULL;
}

static void *eof_reader(void *arg)
{
    (void)arg;
    char c;
    eof_n = read(p_eof[0], &c, 1);
    atomic_fetch_add(&returned, 1);
    return NULL;
}

static void *computer(void *arg)
{
    return (void *)(crunch((unsigned long)arg, 300000) % 100000);
}

static void *computer_beside_sleeper(void *arg)
{
    (void)arg;
    while (atomic_load(&sleeping) == 0) {} /* until the sleeper is about to sleep */
    unsigned long v = crunch(9, 100000) % 100000;
    return (void *)(v * 10 + (atomic_load(&sleeping) == 1)); /* last digit: still asleep */
}

static void *sleeper(void *arg)
{
    struct timespec a, b, d = {0, 200 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    atomic_store(&sleeping, 1);
    if (arg) { /* until a + 200 ms */
        struct timespec until = a;
        until.tv_nsec += d.tv_nsec;
        if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
        sleep_rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    } else {
        sleep_rc = nanosleep(&d, NULL);
    }
    atomic_store(&sleeping, 2);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    sleep_ok = ms >= 200;
    return NULL;
}

int main(void)
{
    if (pipe(p_read) || pipe(p_poll) || pipe(p_eof)) { perror("pipe"); return 1; }
    pthread_t r, p, e, c[3], s, sc;
    START(&r, NULL, reader, NULL);
    START(&p, NULL, poller, NULL);
    START(&e, NULL, eof_reader, NULL);
    for (long i = 0; i < 3; i++) START(&c[i], NULL, computer, (void *)(i + 1));
    for (int i = 0; i < 3; i++) {
        void *v;
        pthread_join(c[i], &v);
        printf("computer %d: %ld\n", i, (long)v);
    }
    printf("blocked calls returned before any write: %d\n", atomic_load(&returned));

    for (long abs = 0; abs <= 1; abs++) {
        atomic_store(&sleeping, 0);
        START(&s, NULL, sleeper, (void *)abs);
        START(&sc, NULL, computer_beside_sleeper, NULL);
        void *v;
        pthread_join(sc, &v);
        pthread_join(s, NULL);
        printf("beside the sleeper: computed %ld, done while it slept %ld\n", (long)v / 10, (long)v % 10);
        printf("%s rc %ld, slept >= 200 ms %ld\n", abs ? "clock_nanosleep(TIMER_ABSTIME)" : "nanosleep", sleep_rc,
               sleep_ok);
    }

    const char msg[] = "hello through the pipe";
    if (write(p_read[1], msg, strlen(msg)) < 0 || write(p_poll[1], "x", 1) < 0) return 1;
    close(p_eof[1]);
    pthread_join(r, NULL);
    pthread_join(p, NULL);
    pthread_join(e, NULL);
    printf("reader: %ld bytes \"%s\"\n", got_n, got);
    printf("poller: rc %ld revents POLLIN %d\n", poll_rc, (poll_revents & POLLIN) != 0);
    printf("eof reader: %ld\n", eof_n);
    printf("blocked calls returned: %d\n", atomic_load(&returned));
    return 0;
}
