/* Masks and flags during delivery: sa_mask and the signal itself blocked in
   its handler (a raise inside stays pending until the handler returns),
   SA_NODEFER (the handler nests), SA_RESETHAND (one shot, then the default
   action: SIGUSR2 kills at the end), the mask after return, signals pending
   together delivered lowest first, and sigprocmask inside a handler undone
   by its return. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int depth, maxdepth, calls, order[8], norder;

static int blocked(int sig)
{
    sigset_t s;
    sigprocmask(SIG_SETMASK, NULL, &s);
    return sigismember(&s, sig);
}

static void on_usr1(int sig)
{
    depth++;
    if (depth > maxdepth)
        maxdepth = depth;
    printf("usr1 depth %d: usr1 blocked %d, term blocked %d\n", depth, blocked(SIGUSR1), blocked(SIGTERM));
    if (++calls < 3)
        raise(SIGUSR1);
    printf("usr1 depth %d returns\n", depth);
    depth--;
    (void)sig;
}

static void on_any(int sig) { order[norder++] = sig; }

static void on_mask_change(int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGHUP);
    sigprocmask(SIG_BLOCK, &s, NULL);
    printf("in handler %d: hup blocked %d\n", sig, blocked(SIGHUP));
}

static void install(int sig, void (*fn)(int), int flags, int masked)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    if (masked)
        sigaddset(&sa.sa_mask, masked);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    install(SIGUSR1, on_usr1, 0, SIGTERM);
    raise(SIGUSR1);
    printf("deferred: max depth %d, usr1 blocked after %d\n", maxdepth, blocked(SIGUSR1));
    maxdepth = 0;
    calls = 0;
    install(SIGUSR1, on_usr1, SA_NODEFER, 0);
    raise(SIGUSR1);
    printf("nodefer: max depth %d\n", maxdepth);

    /* Several pending at once: delivered lowest number first. */
    install(SIGHUP, on_any, 0, 0);
    install(SIGINT, on_any, 0, 0);
    install(SIGWINCH, on_any, 0, 0);
    sigset_t all, old;
    sigemptyset(&all);
    sigaddset(&all, SIGHUP);
    sigaddset(&all, SIGINT);
    sigaddset(&all, SIGWINCH);
    sigprocmask(SIG_BLOCK, &all, &old);
    raise(SIGWINCH);
    raise(SIGINT);
    raise(SIGHUP);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("order:");
    for (int i = 0; i < norder; i++)
        printf(" %d", order[i]);
    printf("\n");

    install(SIGUSR1, on_mask_change, 0, 0);
    raise(SIGUSR1);
    printf("after handler: hup blocked %d\n", blocked(SIGHUP));

    install(SIGUSR2, on_any, SA_RESETHAND, 0);
    norder = 0;
    raise(SIGUSR2);
    struct sigaction q;
    sigaction(SIGUSR2, NULL, &q);
    printf("resethand: ran %d, now default %d\n", norder, q.sa_handler == SIG_DFL);
    raise(SIGUSR2);
    printf("not reached\n");
    return 0;
}
// EXIT: 140
