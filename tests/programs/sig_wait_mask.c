#define _GNU_SOURCE
/* ppoll and pselect's signal mask for the wait: while the call waits the
 * mask is the blocked set, then the old one is back. A timer's SIGALRM that
 * the program blocks but the mask lets in ends the wait with EINTR, its
 * handler runs, and SIGALRM is blocked again after; one the mask blocks
 * does not end the wait (the call times out) and is handled once the call
 * has returned; one already pending when the call starts ends it at once.
 * qemu-arm 7.2 loses the signal a mask held off (never handled), so the
 * handler count after such a wait is printed only with the argument
 * "held", which tests/reverse checks against Linux (fs/select.c:
 * poll_select_finish puts the old mask back, and the signal now unblocked
 * is delivered on the way back to user space).
 * All of it first alone, then while a second thread computes (the calls
 * then wait as parked threads). */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int alarms;
static volatile int stop;
static int show_held; /* argument "held" */

static void on_alarm(int sig) { (void)sig; alarms++; }

static void arm_timer(int ms)
{
    struct itimerval it = {{0, 0}, {ms / 1000, (ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static int alarm_blocked(void)
{
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, SIGALRM);
}

static void block_alarm(int on)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGALRM);
    sigprocmask(on ? SIG_BLOCK : SIG_UNBLOCK, &s, NULL);
}

static void cases(const char *who)
{
    sigset_t empty, only_alarm;
    sigemptyset(&empty);
    sigemptyset(&only_alarm);
    sigaddset(&only_alarm, SIGALRM);
    int fds[2];
    if (pipe(fds) != 0)
        return;
    struct pollfd pf = {.fd = fds[0], .events = POLLIN};

    /* Blocked, let in by the mask: EINTR, handled, blocked again after. */
    block_alarm(1);
    alarms = 0;
    arm_timer(50);
    struct timespec two = {2, 0};
    int r = ppoll(&pf, 1, &two, &empty);
    int e = errno;
    printf("%s ppoll let in: r=%d %s alarms=%d blocked after=%d\n", who, r, r < 0 ? strerror(e) : "-", alarms,
           alarm_blocked());

    alarms = 0;
    arm_timer(50);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(fds[0], &rd);
    r = pselect(fds[0] + 1, &rd, NULL, NULL, &two, &empty);
    e = errno;
    printf("%s pselect let in: r=%d %s alarms=%d blocked after=%d\n", who, r, r < 0 ? strerror(e) : "-", alarms,
           alarm_blocked());

    /* Already pending when the call starts: EINTR at once. */
    alarms = 0;
    raise(SIGALRM);
    r = ppoll(&pf, 1, &two, &empty);
    e = errno;
    printf("%s ppoll pending: r=%d %s alarms=%d\n", who, r, r < 0 ? strerror(e) : "-", alarms);
    block_alarm(0);

    /* Not blocked, blocked by the mask: the wait times out, then the
     * handler runs. */
    alarms = 0;
    arm_timer(50);
    struct timespec short_wait = {0, 300000000};
    r = ppoll(&pf, 1, &short_wait, &only_alarm);
    struct timespec settle = {0, 100000000};
    nanosleep(&settle, NULL);
    printf("%s ppoll held off: r=%d blocked after=%d", who, r, alarm_blocked());
    printf(show_held ? " alarms=%d\n" : "\n", alarms);

    alarms = 0;
    arm_timer(50);
    FD_ZERO(&rd);
    FD_SET(fds[0], &rd);
    r = pselect(fds[0] + 1, &rd, NULL, NULL, &short_wait, &only_alarm);
    nanosleep(&settle, NULL);
    printf("%s pselect held off: r=%d", who, r);
    printf(show_held ? " alarms=%d\n" : "\n", alarms);
    close(fds[0]);
    close(fds[1]);
}

static void *compute(void *arg)
{
    (void)arg;
    unsigned x = 1;
    while (!stop)
        x = x * 1103515245u + 12345u;
    return (void *)(unsigned long)x;
}

int main(int argc, char **argv)
{
    show_held = argc > 1 && strcmp(argv[1], "held") == 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    cases("alone");
    /* The computing thread must not take SIGALRM: it blocks it. */
    block_alarm(1);
    pthread_t t;
    pthread_create(&t, NULL, compute, NULL);
    block_alarm(0);
    cases("threads");
    stop = 1;
    pthread_join(t, NULL);
    return 0;
}
