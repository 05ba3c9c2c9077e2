/* Synchronous signals reach handlers with exact state: SIGSEGV on an
   unmapped and on a write-protected page (si_code, si_addr, uc_mcontext's pc
   at the faulting store and the registers around it), a handler that skips
   the faulting instruction by editing uc_mcontext and returns, siglongjmp
   out of SIGSEGV, SIGILL from an undefined instruction, SIGTRAP from BKPT,
   SIGBUS from a misaligned ARM pc, and a second fault in a loop. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int hits;
static uint32_t fault_insn;

/* A store at a known address with known registers around it: r4..r6 hold
   markers, r0 the target; the label marks the store. */
__attribute__((target("arm"), noinline)) static int store_at(volatile int *p)
{
    register volatile int *r0 asm("r0") = p;
    register int r4 asm("r4") = 0x4444;
    register int r5 asm("r5") = 0x5555;
    register int r6 asm("r6") = 0x6666;
    int ok;
    asm volatile("adr r1, 1f\n\t"
                 "str r1, [%[fi]]\n\t"
                 "adds r2, r4, r5\n\t" /* flags: N=0 Z=0 C=0 V=0 */
                 "mov r3, #7\n"
                 "1:\tstr r3, [r0]\n\t"
                 "add r3, r3, #1\n\t"
                 "mov %[ok], r3\n"
                 : [ok] "=r"(ok)
                 : "r"(r0), "r"(r4), "r"(r5), "r"(r6), [fi] "r"(&fault_insn)
                 : "r1", "r2", "r3", "memory", "cc");
    return ok;
}

static void on_segv_skip(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    mcontext_t *m = &uc->uc_mcontext;
    hits++;
    printf("segv sig %d code %d addr-is-target %d pc-at-store %d r3 %lu r4 %lx r5 %lx r6 %lx r2 %lx cpsr %08lx\n",
           sig, si->si_code, (uint32_t)(uintptr_t)si->si_addr == (uint32_t)m->arm_r0, m->arm_pc == fault_insn,
           m->arm_r3, m->arm_r4, m->arm_r5, m->arm_r6, m->arm_r2, m->arm_cpsr);
    m->arm_pc += 4; /* skip the store */
}

static void on_segv_jump(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    hits++;
    printf("segv for jump: code %d\n", si->si_code);
    siglongjmp(jb, sig);
}

/* si_code of SIGILL: the kernel says ILL_ILLOPC (do_undefinstr), qemu-arm
   7.2 ILL_ILLOPN; only "sent by the kernel" (> 0) is compared. */
static void on_ill(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    printf("sig %d kernel code %d addr-is-pc %d\n", sig, si->si_code > 0,
           (uint32_t)(uintptr_t)si->si_addr == (uint32_t)uc->uc_mcontext.arm_pc);
    uc->uc_mcontext.arm_pc += 4;
}

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    printf("bus sig %d code %d addr %p\n", sig, si->si_code, si->si_addr);
    siglongjmp(jb, sig);
}

__attribute__((target("arm"), noinline)) static void undefined_insn(void) { asm volatile(".word 0xe7f000f0"); }
__attribute__((target("arm"), noinline)) static void bkpt_insn(void) { asm volatile("bkpt #3"); }

static void install(int sig, void (*fn)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    install(SIGSEGV, on_segv_skip);
    /* unmapped */
    int r = store_at((volatile int *)0x100);
    printf("after unmapped store: %d hits %d\n", r, hits);
    /* write-protected */
    volatile int *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    r = store_at(ro + 3);
    printf("after protected store: %d hits %d value %d\n", r, hits, ro[3]);

    install(SIGSEGV, on_segv_jump);
    for (int i = 0; i < 3; i++) {
        int k = sigsetjmp(jb, 1);
        if (k == 0) {
            *(volatile int *)(uintptr_t)(0x200 + i) = i;
            printf("no fault?\n");
        } else {
            printf("round %d: back from handler with %d\n", i, k);
        }
    }
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("SIGSEGV blocked after siglongjmp: %d\n", sigismember(&now, SIGSEGV));

    install(SIGILL, on_ill);
    undefined_insn();
    printf("after undefined instruction\n");
    install(SIGTRAP, on_ill);
    bkpt_insn();
    printf("after bkpt\n");

    install(SIGBUS, on_bus);
    if (sigsetjmp(jb, 1) == 0) {
        void (*f)(void) = (void (*)(void))(uintptr_t)(((uintptr_t)undefined_insn & ~3u) + 2);
        f();
    }
    printf("done, %d segv hits\n", hits);
    return 0;
}
