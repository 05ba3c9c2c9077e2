/* Asynchronous signals from the kernel's timers, waited for in syscalls:
   alarm + pause (the handler runs, pause returns EINTR), a periodic
   ITIMER_REAL counted with sigsuspend (the mask during the wait and after),
   nanosleep interrupted (EINTR whatever SA_RESTART says), and a read on a
   pipe interrupted by SIGALRM: restarted with SA_RESTART (the data written
   later by a child arrives), EINTR without it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got, ticks;
static void on_alrm(int sig) { got = sig; ticks++; }

static void handle(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alrm;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

static void interval(long first_us, long every_us)
{
    struct itimerval it = {{0, every_us}, {0, first_us}};
    setitimer(ITIMER_REAL, &it, NULL);
}

/* Reads from a pipe that a child writes to after 300 ms, with SIGALRM
   arriving after 50 ms. */
static void read_interrupted(int flags)
{
    int fds[2];
    pipe(fds);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        usleep(300000);
        write(fds[1], "hello", 5);
        _exit(0);
    }
    close(fds[1]);
    handle(SIGALRM, flags);
    got = 0;
    interval(50000, 0);
    char buf[16];
    errno = 0;
    ssize_t n = read(fds[0], buf, sizeof buf);
    int e = errno;
    printf("read with%s SA_RESTART: %zd (%s), handler ran %d\n", flags ? "" : "out", n, n < 0 ? strerror(e) : "data",
           got);
    if (n < 0) /* what the child writes is still to come */
        n = read(fds[0], buf, sizeof buf);
    printf("  then read %zd\n", n);
    close(fds[0]);
    waitpid(child, NULL, 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGALRM, on_alrm);
    alarm(1);
    int r = pause();
    printf("pause %d errno %s, got %d\n", r, strerror(errno), got);

    /* Periodic timer, counted with SIGALRM blocked outside sigsuspend. */
    sigset_t block, old, during;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    ticks = 0;
    interval(20000, 20000);
    sigemptyset(&during);
    while (ticks < 5)
        sigsuspend(&during);
    interval(0, 0);
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("ticks %d, SIGALRM blocked again after sigsuspend: %d\n", ticks, sigismember(&now, SIGALRM));
    sigprocmask(SIG_SETMASK, &old, NULL);

    handle(SIGALRM, SA_RESTART);
    interval(50000, 0);
    struct timespec ts = {2, 0}, rem;
    r = nanosleep(&ts, &rem);
    printf("nanosleep %d (%s), remaining > 1s: %d\n", r, r ? strerror(errno) : "", rem.tv_sec >= 1);

    read_interrupted(SA_RESTART);
    read_interrupted(0);
    return 0;
}
