/* Queued signals: sigqueue to oneself carries si_value and SI_QUEUE to the
   handler; three instances of one real-time signal sent while it is blocked
   are all delivered, in order, each with its own value, after lower-numbered
   real-time signals; a standard signal sent twice while blocked is one
   instance; sigwaitinfo takes queued instances one by one (sigpending still
   shows the signal until the last one); RLIMIT_SIGPENDING makes sigqueue
   fail with EAGAIN. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int log_sig[16], log_val[16], log_code[16], log_pid_ok[16];
static volatile int nlog;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (nlog < 16) {
        log_sig[nlog] = sig - (sig >= SIGRTMIN ? SIGRTMIN : 0);
        /* si_value only where the sender set one (qemu-arm 7.2 leaves a
         * stale value in a kill's siginfo; Linux has 0 there). */
        log_val[nlog] = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
        log_code[nlog] = si->si_code;
        log_pid_ok[nlog] = si->si_pid == getpid();
        nlog++;
    }
}

static void dump(const char *what)
{
    printf("%s: %d deliveries\n", what, nlog);
    for (int i = 0; i < nlog; i++)
        printf("  %s%d value %d code %d pid-ok %d\n", log_sig[i] < SIGRTMIN ? "sig " : "SIGRTMIN+", log_sig[i],
               log_val[i], log_code[i], log_pid_ok[i]);
    nlog = 0;
}

static int q(int sig, int v)
{
    union sigval sv = {.sival_int = v};
    return sigqueue(getpid(), sig, sv);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGRTMIN + 2, &sa, NULL);

    printf("sigqueue unblocked: %d\n", q(SIGRTMIN + 1, 42));
    dump("unblocked");

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 1);
    sigaddset(&set, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &set, &old);
    q(SIGRTMIN + 2, 1);
    q(SIGRTMIN + 2, 2);
    q(SIGUSR1, 100);
    q(SIGUSR1, 200);
    q(SIGRTMIN + 2, 3);
    q(SIGRTMIN + 1, 7);
    kill(getpid(), SIGRTMIN + 2);
    sigprocmask(SIG_SETMASK, &old, NULL);
    dump("after unblocking");

    sigprocmask(SIG_BLOCK, &set, &old);
    for (int i = 0; i < 3; i++)
        q(SIGRTMIN + 2, 10 + i);
    for (int i = 0; i < 3; i++) {
        siginfo_t si;
        int s = sigwaitinfo(&set, &si);
        sigset_t pend;
        sigpending(&pend);
        printf("sigwaitinfo SIGRTMIN+%d value %d code %d, still pending %d\n", s - SIGRTMIN, si.si_value.sival_int,
               si.si_code, sigismember(&pend, SIGRTMIN + 2));
    }

    /* The limit counts the user's pending signals in every process, so
     * where exactly it bites depends on the machine (and differs by one
     * between Linux and qemu-arm): what is printed is that it does, and
     * that every accepted instance arrives, in order. */
    struct rlimit rl = {3, 3};
    setrlimit(RLIMIT_SIGPENDING, &rl);
    int sent = 0, r = 0;
    while (sent < 10 && (r = q(SIGRTMIN + 1, sent)) == 0)
        sent++;
    printf("with RLIMIT_SIGPENDING 3: sigqueue failed before 10 with %s: %d\n", r ? strerror(errno) : "nothing",
           sent < 10);
    sigprocmask(SIG_SETMASK, &old, NULL);
    int in_order = nlog == sent;
    for (int i = 0; i < nlog; i++)
        in_order &= log_sig[i] == 1 && log_val[i] == i;
    printf("after the limit: each accepted instance delivered in order: %d\n", in_order);
    return 0;
}
