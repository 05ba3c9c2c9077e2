/* rt_sigreturn / sigreturn with frames the kernel did not build. Each is
   SIGSEGV for the guest: a misaligned frame is refused before anything is
   restored (the handler runs below that sp and siglongjmps back); a frame of
   zeros has its registers restored before its missing VFP record is
   noticed (the kernel's and qemu-arm's order), so sp is 0, no handler frame
   fits and the program dies of SIGSEGV. Before that, a handler address
   outside guest memory: SIGSEGV at that address when it is fetched. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf jb;
static uint64_t area[8192];

__attribute__((target("arm"), noinline)) static void sigreturn_at(uint32_t sp, uint32_t nr)
{
    asm volatile("mov sp, %0\n\tmov r7, %1\n\tsvc 0" ::"r"(sp), "r"(nr) : "r7", "memory");
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    printf("SIGSEGV: sig %d code %d addr %p\n", sig, si->si_code, si->si_code > 0 ? si->si_addr : NULL);
    siglongjmp(jb, 1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    uint32_t mid = (uint32_t)(uintptr_t)&area[4096];
    static const struct { uint32_t off, nr; const char *what; } cases[] = {
        {4, 173, "rt_sigreturn misaligned"},
        {4, 119, "sigreturn misaligned"},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (sigsetjmp(jb, 1) == 0) {
            printf("%s\n", cases[i].what);
            sigreturn_at(mid + cases[i].off, cases[i].nr);
            printf("returned?\n");
        }
    }
    /* A handler address outside guest memory: the delivery jumps there and
       the fetch faults (SIGSEGV at that address). */
    struct { uint32_t h, flags, restorer, mask[2]; } bad = {0xdead0000u, 0, 0, {0, 0}};
    syscall(SYS_rt_sigaction, SIGUSR1, &bad, NULL, 8);
    if (sigsetjmp(jb, 1) == 0) {
        printf("handler outside memory\n");
        raise(SIGUSR1);
        printf("returned?\n");
    }
    printf("rt_sigreturn on zeros\n");
    sigreturn_at(mid, 173);
    printf("not reached\n");
    return 0;
}
// EXIT: 139
