/* The old ARM signal syscalls, called directly (glibc uses the rt_ ones):
   sigaction (67) with struct old_sigaction (one-word mask), its old value
   read back, a handler installed by it running through the kernel's return
   trampoline (no SA_RESTORER); sigprocmask (126) SIG_BLOCK / SIG_UNBLOCK /
   SIG_SETMASK on the low word (the high word kept, seen through
   rt_sigprocmask); sigpending (73); sigsuspend (72, mask in the third
   argument) returning EINTR after the handler with the old mask back. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct old_sigaction {
    void (*handler)(int);
    unsigned long mask, flags;
    void (*restorer)(void);
};

static volatile int got, seen_mask;
static void on_sig(int sig)
{
    got = sig;
    unsigned long m;
    syscall(__NR_sigprocmask, SIG_BLOCK, NULL, &m);
    seen_mask = (int)m;
}

static unsigned long old_mask(void)
{
    unsigned long m = 0;
    syscall(__NR_sigprocmask, SIG_BLOCK, NULL, &m);
    return m;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct old_sigaction sa = {on_sig, 1ul << (SIGUSR2 - 1), 0, NULL}, old;
    long r = syscall(__NR_sigaction, SIGUSR1, &sa, NULL);
    printf("sigaction: %ld\n", r);
    r = syscall(__NR_sigaction, SIGUSR1, NULL, &old);
    printf("read back: handler-ok %d mask 0x%lx flags 0x%lx\n", old.handler == on_sig, old.mask, old.flags);
    struct sigaction nsa;
    sigaction(SIGUSR1, NULL, &nsa);
    printf("seen by rt_sigaction: handler-ok %d usr2 in mask %d\n", nsa.sa_handler == on_sig,
           sigismember(&nsa.sa_mask, SIGUSR2));
    r = syscall(__NR_sigaction, SIGKILL, &sa, NULL);
    printf("sigaction SIGKILL: %ld %s\n", r, strerror(errno));
    r = syscall(__NR_sigaction, 0, NULL, &old);
    printf("sigaction 0: %ld %s\n", r, strerror(errno));

    raise(SIGUSR1);
    printf("handler ran: %d, mask inside 0x%x\n", got, seen_mask);

    /* Linux keeps the high word of the mask across the old SIG_SETMASK
       (kernel/signal.c sigprocmask: new_blocked.sig[0] = new_set), as
       backstep does; qemu-arm 7.2 clears it, so it is not printed here. */
    sigset_t rt;
    sigemptyset(&rt);
    sigaddset(&rt, SIGRTMIN + 5);
    sigprocmask(SIG_BLOCK, &rt, NULL);
    unsigned long set = 1ul << (SIGUSR1 - 1), prev;
    r = syscall(__NR_sigprocmask, SIG_BLOCK, &set, &prev);
    printf("SIG_BLOCK: %ld prev 0x%lx now 0x%lx\n", r, prev, old_mask());
    set = 1ul << (SIGTERM - 1);
    syscall(__NR_sigprocmask, SIG_SETMASK, &set, NULL);
    printf("SIG_SETMASK: now 0x%lx\n", old_mask());
    sigprocmask(SIG_UNBLOCK, &rt, NULL);
    set = 1ul << (SIGUSR1 - 1);
    syscall(__NR_sigprocmask, SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    unsigned long pend = 0;
    r = syscall(__NR_sigpending, &pend);
    printf("sigpending: %ld 0x%lx, handler ran %d\n", r, pend, got != 0 && got != SIGUSR1 ? got : 0);
    r = syscall(__NR_sigprocmask, 3, &set, NULL);
    printf("bad how: %ld %s\n", r, strerror(errno));
    got = 0;
    syscall(__NR_sigprocmask, SIG_UNBLOCK, &set, NULL);
    printf("SIG_UNBLOCK: handler ran %d, now 0x%lx\n", got, old_mask());

    /* sigsuspend with SIGUSR1 let through; it is raised while blocked. */
    syscall(__NR_sigprocmask, SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    got = 0;
    /* ARM's sigsuspend takes the mask by value in the third argument
       (OLD_SIGSUSPEND3); qemu-arm 7.2 reads it through a pointer in the
       first: both are given an empty mask. */
    static unsigned long empty;
    r = syscall(__NR_sigsuspend, &empty, 0, 0ul);
    printf("sigsuspend: %ld %s, handler ran %d with mask 0x%x (sigsuspend's and sa_mask), mask after 0x%lx\n", r,
           strerror(errno), got, seen_mask, old_mask());
    return 0;
}
