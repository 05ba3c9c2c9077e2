/* select, pselect and ppoll in one thread must not stop the others (the
   ones without a timeout would never return if they did: main writes to
   their pipes only after joining a thread that computes meanwhile). Timeouts
   that expire while other threads run end as the kernel ends them: select
   returns 0 with its sets cleared and the remaining time 0 written back,
   poll returns 0 with every revents 0 (the program fills them with junk
   first). */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#define START(t, fn, arg) \
    do { if (pthread_create(t, NULL, fn, arg) != 0) { puts("pthread_create failed"); exit(1); } } while (0)

static int p_sel[2], p_psel[2], p_ppoll[2], p_never[2];
static atomic_int returned;

static void *selector(void *arg)
{
    (void)arg;
    fd_set r;
    FD_ZERO(&r);
    FD_SET(p_sel[0], &r);
    long rc = select(p_sel[0] + 1, &r, NULL, NULL, NULL);
    atomic_fetch_add(&returned, 1);
    return (void *)(rc * 10 + FD_ISSET(p_sel[0], &r));
}

static void *pselector(void *arg)
{
    (void)arg;
    fd_set r;
    FD_ZERO(&r);
    FD_SET(p_psel[0], &r);
    long rc = pselect(p_psel[0] + 1, &r, NULL, NULL, NULL, NULL);
    atomic_fetch_add(&returned, 1);
    return (void *)(rc * 10 + FD_ISSET(p_psel[0], &r));
}

static void *ppoller(void *arg)
{
    (void)arg;
    struct pollfd pfd = {.fd = p_ppoll[0], .events = POLLIN};
    long rc = ppoll(&pfd, 1, NULL, NULL);
    atomic_fetch_add(&returned, 1);
    return (void *)(rc * 10 + ((pfd.revents & POLLIN) != 0));
}

/* Times out after 100 ms: sets cleared, remaining time 0. */
static void *select_timeout(void *arg)
{
    (void)arg;
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(p_never[0], &r);
    struct timeval tv = {0, 100000};
    long rc = select(p_never[0] + 1, &r, &w, NULL, &tv);
    printf("select timeout: rc %ld, read set still has the fd %d, left %ld.%06ld\n", rc, FD_ISSET(p_never[0], &r),
           (long)tv.tv_sec, (long)tv.tv_usec);
    return NULL;
}

static void *poll_timeout(void *arg)
{
    (void)arg;
    struct pollfd pfd[2] = {{.fd = p_never[0], .events = POLLIN, .revents = 0x7f},
                            {.fd = p_never[0], .events = POLLIN, .revents = 0x15}};
    long rc = poll(pfd, 2, 100);
    printf("poll timeout: rc %ld, revents %d %d\n", rc, pfd[0].revents, pfd[1].revents);
    return NULL;
}

static void *computer(void *arg)
{
    unsigned long s = (unsigned long)arg;
    for (int i = 0; i < 2000000; i++) s = s * 1664525u + 1013904223u;
    return (void *)((s >> 7) % 100000);
}

int main(void)
{
    if (pipe(p_sel) || pipe(p_psel) || pipe(p_ppoll) || pipe(p_never)) { perror("pipe"); return 1; }
    pthread_t a, b, c, d, e, f;
    START(&a, selector, NULL);
    START(&b, pselector, NULL);
    START(&c, ppoller, NULL);
    START(&d, select_timeout, NULL);
    pthread_join(d, NULL);
    START(&e, poll_timeout, NULL);
    pthread_join(e, NULL);
    START(&f, computer, (void *)7);
    void *v;
    pthread_join(f, &v);
    printf("computed %ld while three threads waited; returned before any write: %d\n", (long)v,
           atomic_load(&returned));
    if (write(p_sel[1], "s", 1) != 1 || write(p_psel[1], "p", 1) != 1 || write(p_ppoll[1], "q", 1) != 1) return 1;
    void *ra, *rb, *rc;
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    pthread_join(c, &rc);
    printf("select rc %ld ready %ld; pselect rc %ld ready %ld; ppoll rc %ld POLLIN %ld\n", (long)ra / 10,
           (long)ra % 10, (long)rb / 10, (long)rb % 10, (long)rc / 10, (long)rc % 10);
    return 0;
}
