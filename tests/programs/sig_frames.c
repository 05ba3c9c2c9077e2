/* Signal frames as the handler sees them: the rt_sigframe (SA_SIGINFO) and
   sigframe layouts, uc_mcontext's registers at the interrupted svc, the VFP
   record in uc_regspace, the return address (glibc's sa_restorer, or without
   SA_RESTORER the trampolines in the sigpage, ARM and Thumb handlers) and the
   words there. */
#include <signal.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static uint32_t frame_sp;

__attribute__((target("arm"), noinline)) static long kill_marked(long pid, long sig)
{
    register long r0 asm("r0") = pid;
    register long r1 asm("r1") = sig;
    register long r2 asm("r2") = 0x22222222, r3 asm("r3") = 0x33333333;
    register long r4 asm("r4") = 0x44444444, r5 asm("r5") = 0x55555555, r6 asm("r6") = 0x66666666;
    register long r7 asm("r7") = 37; /* kill */
    register long r8 asm("r8") = 0x88888888, r9 asm("r9") = 0x99999999, r10 asm("r10") = 0xaaaaaaaa;
    asm volatile("svc 0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6), "r"(r7), "r"(r8), "r"(r9), "r"(r10) : "memory", "r12", "lr", "cc");
    return r0;
}

static void dump_words(const char *what, uint32_t addr, int n)
{
    printf("%s %08x:", what, addr);
    for (int i = 0; i < n; i++)
        printf(" %08x", ((uint32_t *)(addr & ~3u))[i]);
    printf("\n");
}

static void show_mcontext(const mcontext_t *m, uint32_t base)
{
    printf(" trap_no %lu error_code %lu oldmask %08lx fault_address %08lx\n", m->trap_no, m->error_code,
           m->oldmask, m->fault_address);
    printf(" r0 %08lx r1 %08lx r2 %08lx r3 %08lx r4 %08lx r5 %08lx r6 %08lx r7 %08lx\n", m->arm_r0, m->arm_r1,
           m->arm_r2, m->arm_r3, m->arm_r4, m->arm_r5, m->arm_r6, m->arm_r7);
    printf(" r8 %08lx r9 %08lx r10 %08lx\n", m->arm_r8, m->arm_r9, m->arm_r10);
    printf(" sp-frame %ld pc-kill_marked %ld cpsr %08lx\n", (long)(m->arm_sp - base),
           (long)(m->arm_pc - ((uint32_t)(uintptr_t)kill_marked & ~1u)), m->arm_cpsr);
}

static void on_info(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    uint32_t sp_now = (uint32_t)(uintptr_t)si; /* the frame starts with siginfo */
    printf("rt: sig %d si_signo %d si_code %d si_pid-ok %d uc-si %ld\n", sig, si->si_signo, si->si_code,
           si->si_pid == getpid(), (long)((char *)uc - (char *)si));
    printf(" uc_flags %lu uc_link %p ss_sp %p ss_flags %d ss_size %zu\n", uc->uc_flags, (void *)uc->uc_link,
           uc->uc_stack.ss_sp, uc->uc_stack.ss_flags, uc->uc_stack.ss_size);
    printf(" sigmask %08lx %08lx\n", ((unsigned long *)&uc->uc_sigmask)[0], ((unsigned long *)&uc->uc_sigmask)[1]);
    show_mcontext(&uc->uc_mcontext, sp_now);
    printf(" regspace magic %08lx size %lu\n", uc->uc_regspace[0], uc->uc_regspace[1]);
    printf(" interrupted sp - frame: %ld\n", (long)(frame_sp - sp_now));
    dump_words(" lr", lr, 2);
}

static void on_plain(int sig)
{
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    printf("plain: sig %d\n", sig);
    dump_words(" lr", lr, 2);
}

struct ksa { uint32_t h, flags, restorer, mask[2]; };
__attribute__((target("arm"), noinline)) static void h_arm(int s)
{
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    printf("arm handler %d", s);
    dump_words(" ret", lr, 2);
}
__attribute__((target("arm"), noinline)) static void h_arm_info(int s, siginfo_t *i, void *c)
{
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    printf("arm rt handler %d code %d", s, i->si_code);
    dump_words(" ret", lr, 2);
    (void)c;
}
__attribute__((target("thumb"), noinline)) static void h_thm(int s)
{
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    printf("thumb handler %d", s);
    dump_words(" ret", lr, 2);
}
__attribute__((target("thumb"), noinline)) static void h_thm_info(int s, siginfo_t *i, void *c)
{
    uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
    printf("thumb rt handler %d code %d", s, i->si_code);
    dump_words(" ret", lr, 2);
    (void)c;
}
/* rt_sigaction without SA_RESTORER: the handler returns through the sigpage. */
static void no_restorer(void *h, uint32_t flags)
{
    struct ksa a = {(uint32_t)(uintptr_t)h, flags, 0, {0, 0}};
    syscall(SYS_rt_sigaction, SIGUSR1, &a, NULL, 8);
    syscall(SYS_tgkill, getpid(), (pid_t)syscall(SYS_gettid), SIGUSR1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    int x;
    frame_sp = (uint32_t)(uintptr_t)&x;
    long r = kill_marked(getpid(), SIGUSR1);
    printf("kill returned %ld\n", r);
    signal(SIGUSR2, on_plain);
    raise(SIGUSR2);
    struct sigaction q;
    sigaction(SIGUSR2, NULL, &q);
    printf("glibc restorer set: %d flags %08lx\n", q.sa_restorer != NULL, q.sa_flags);
    no_restorer(h_arm, 0);
    no_restorer(h_arm_info, SA_SIGINFO);
    no_restorer(h_thm, 0);
    no_restorer(h_thm_info, SA_SIGINFO);
    printf("back in main\n");
    return 0;
}
