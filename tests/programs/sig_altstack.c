/* SA_ONSTACK with sigaltstack: the handler runs on the alternate stack
   (its locals are there, sigaltstack reports SS_ONSTACK inside, uc_stack
   describes it), a handler without SA_ONSTACK stays on the normal stack, a
   stack overflow caught on the alternate stack and left with siglongjmp,
   and SS_DISABLE. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static char *alt;
#define ALT_SIZE 65536
static sigjmp_buf jb;

static int on_alt(const void *p) { return (const char *)p >= alt && (const char *)p < alt + ALT_SIZE; }

static void on_usr(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    int local;
    stack_t now;
    sigaltstack(NULL, &now);
    printf("sig %d on alt stack %d, sigaltstack flags %d, uc_stack sp-is-alt %d size %zu flags %d\n", sig,
           on_alt(&local), now.ss_flags, uc->uc_stack.ss_sp == alt, uc->uc_stack.ss_size, uc->uc_stack.ss_flags);
    (void)si;
}

/* A store through sp = 16 (unmapped): the kernel cannot push a frame on
   that stack, only on the alternate one. */
__attribute__((target("arm"), noinline)) static void fault_with_bad_sp(void)
{
    asm volatile("mov r1, sp\n\tmov sp, #16\n\tstr r1, [sp, #-4]!\n\tmov sp, r1" ::: "r1", "memory");
}

static void on_segv(int sig)
{
    int local;
    printf("overflow caught on alt stack %d\n", on_alt(&local));
    siglongjmp(jb, sig);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    alt = malloc(ALT_SIZE);
    stack_t ss = {.ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0};
    printf("sigaltstack %d\n", sigaltstack(&ss, NULL));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(jb, 1) == 0) {
        fault_with_bad_sp();
        printf("no fault?\n");
    } else {
        printf("back on the main stack\n");
    }
    ss.ss_flags = SS_DISABLE;
    printf("disable %d\n", sigaltstack(&ss, NULL));
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("now flags %d\n", cur.ss_flags);
    raise(SIGUSR1);
    return 0;
}
