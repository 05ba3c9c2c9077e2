/* signalfd: blocked signals read as struct signalfd_siginfo (signo, code,
   pid, si_value of sigqueue), several per read, a nonblocking empty read
   (EAGAIN), readiness for poll, select and epoll (also a timer signal that
   arrives while poll or a blocking read waits), the mask changed in place,
   a too-short read (EINVAL), signalfd on a fd that is not one (EINVAL),
   and a read after close (EBADF). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <unistd.h>

static void show(const char *what, ssize_t n, const struct signalfd_siginfo *si)
{
    if (n < 0) {
        printf("%s: %zd (%s)\n", what, n, strerror(errno));
        return;
    }
    for (ssize_t i = 0; i < n / (ssize_t)sizeof *si; i++)
        printf("%s: signo %u code %d pid-ok %d int %d ptr %llu\n", what, si[i].ssi_signo, si[i].ssi_code,
               si[i].ssi_pid == (unsigned)getpid(), si[i].ssi_int, (unsigned long long)si[i].ssi_ptr);
    printf("%s: %zd bytes\n", what, n);
}

static int readable(int fd, int ms)
{
    struct pollfd pf = {fd, POLLIN, 0};
    int r = poll(&pf, 1, ms);
    return r > 0 ? pf.revents : -r;
}

static void alarm_in_ms(long ms)
{
    struct itimerval it = {{0, 0}, {0, ms * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigaddset(&m, SIGUSR2);
    sigaddset(&m, SIGALRM);
    sigaddset(&m, SIGRTMIN + 3);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int fd = signalfd(-1, &m, SFD_NONBLOCK | SFD_CLOEXEC);
    printf("signalfd %d\n", fd);
    struct signalfd_siginfo si[4];
    show("empty", read(fd, si, sizeof si), si);
    printf("poll before: %d\n", readable(fd, 0));

    raise(SIGUSR1);
    int r = readable(fd, 0);
    printf("poll after raise: %d\n", r);
    show("one", read(fd, si, sizeof si), si);
    printf("poll after read: %d\n", readable(fd, 0));

    kill(getpid(), SIGUSR2);
    union sigval v = {.sival_int = 77};
    sigqueue(getpid(), SIGRTMIN + 3, v);
    v.sival_int = 78;
    sigqueue(getpid(), SIGRTMIN + 3, v);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(fd, &rs);
    struct timeval tv = {0, 0};
    r = select(fd + 1, &rs, NULL, NULL, &tv);
    printf("select: %d set %d\n", r, FD_ISSET(fd, &rs));
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 5}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    r = epoll_wait(ep, &out, 1, 0);
    printf("epoll: %d data %u\n", r, r > 0 ? out.data.u32 : 0);
    show("two of three", read(fd, si, 2 * sizeof si[0]), si);
    show("the last", read(fd, si, sizeof si), si);
    r = epoll_wait(ep, &out, 1, 0);
    printf("epoll after: %d\n", r);

    alarm_in_ms(50);
    r = readable(fd, 3000);
    printf("poll waiting for SIGALRM: %d\n", r);
    show("alarm", read(fd, si, sizeof si), si);

    /* The mask in place: SIGUSR1 is no longer read. */
    sigset_t only2;
    sigemptyset(&only2);
    sigaddset(&only2, SIGUSR2);
    printf("signalfd again: %d\n", signalfd(fd, &only2, 0) == fd);
    raise(SIGUSR1);
    printf("poll with SIGUSR1 pending: %d\n", readable(fd, 0));
    raise(SIGUSR2);
    show("usr2", read(fd, si, sizeof si), si);
    sigset_t pend;
    sigpending(&pend);
    printf("SIGUSR1 still pending: %d\n", sigismember(&pend, SIGUSR1));
    show("short", read(fd, si, 10), si);
    close(fd);
    show("closed", read(fd, si, sizeof si), si);

    int pfd[2];
    pipe(pfd);
    printf("signalfd on a pipe: %d (%s)\n", signalfd(pfd[0], &m, 0), strerror(errno));

    siginfo_t wi;
    struct timespec zero = {0, 0};
    printf("SIGUSR1 for sigtimedwait: %d\n", sigtimedwait(&m, &wi, &zero));
    /* A blocking signalfd: the read waits for the timer's signal. */
    int bfd = signalfd(-1, &m, 0);
    alarm_in_ms(50);
    show("blocking", read(bfd, si, sizeof si), si);
    return 0;
}
