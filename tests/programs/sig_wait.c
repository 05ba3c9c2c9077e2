/* Waiting for signals: sigwaitinfo takes a blocked pending signal without
   running its handler (si_code, si_pid), sigtimedwait times out with EAGAIN,
   sigsuspend with a mask that lets one signal through (the old mask is back
   after it), and sigpending. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t ran;
static void on_sig(int sig) { ran = sig; }

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGUSR1, on_sig);
    signal(SIGUSR2, on_sig);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    kill(getpid(), SIGUSR2);
    sigset_t pend;
    sigpending(&pend);
    printf("pending usr1 %d usr2 %d\n", sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2));
    siginfo_t si;
    int s = sigwaitinfo(&set, &si);
    printf("sigwaitinfo %d signo %d code %d pid-ok %d handler ran %d\n", s, si.si_signo, si.si_code,
           si.si_pid == getpid(), ran);
    struct timespec ts = {0, 50000000};
    s = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait %d errno %s\n", s, strerror(errno));

    raise(SIGUSR1);
    sigset_t wait_mask = old;
    sigaddset(&wait_mask, SIGUSR2);
    int r = sigsuspend(&wait_mask);
    printf("sigsuspend %d errno %s ran %d\n", r, strerror(errno), ran);
    sigprocmask(SIG_SETMASK, NULL, &pend);
    printf("mask back: usr1 %d usr2 %d\n", sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    return 0;
}
