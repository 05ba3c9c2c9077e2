/* Signals delivered synchronously: raise/kill to self, sigaction with SA_SIGINFO, blocking and
   pending signals, a handler that longjmps out, SIGSEGV from a NULL write caught by a handler. */
#include <stdio.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_usr2, info_code, info_signo;
static sigjmp_buf jb;

static void on_usr1(int sig) { got_usr1 += sig; }
static void on_usr2(int sig, siginfo_t *si, void *ctx) { (void)ctx; got_usr2++; info_signo = si->si_signo; info_code = si->si_code == SI_TKILL || si->si_code == SI_USER; (void)sig; }
static void on_segv(int sig) { siglongjmp(jb, sig); }
static void on_alrm(int sig) { (void)sig; }

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0); /* so a diff shows how far the program got */
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    raise(SIGUSR1);
    printf("usr1 handler total %d\n", got_usr1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    printf("usr2 %d signo %d user-sent %d\n", got_usr2, info_signo, info_code);

    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    raise(SIGUSR2);
    sigpending(&pend);
    printf("blocked: usr2 count %d pending %d\n", got_usr2, sigismember(&pend, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: usr2 count %d\n", got_usr2);

    signal(SIGSEGV, on_segv);
    int r = sigsetjmp(jb, 1);
    if (r == 0) {
        volatile int *p = (volatile int *)0;
        *p = 42;
        printf("no fault?\n");
    } else {
        printf("caught SIGSEGV (%d) via siglongjmp\n", r);
    }
    r = sigsetjmp(jb, 1);
    if (r == 0) { raise(SIGSEGV); } else printf("second SIGSEGV ok (%d)\n", r);

    signal(SIGPIPE, SIG_IGN);
    int fds[2];
    if (pipe(fds) == 0) {
        close(fds[0]);
        ssize_t w = write(fds[1], "x", 1);
        printf("write to broken pipe: %zd (EPIPE expected)\n", w);
        close(fds[1]);
    }
    struct sigaction q;
    sigaction(SIGUSR1, NULL, &q);
    printf("query handler is on_usr1: %d\n", q.sa_handler == on_usr1);
    signal(SIGALRM, on_alrm);
    printf("sig names: %s / %s\n", strsignal(SIGINT), strsignal(SIGTERM));
    signal(SIGTERM, SIG_DFL);
    printf("exiting by SIGTERM\n");
    fflush(stdout);
    raise(SIGTERM);
    return 0;
}
// EXIT: 143
