/* Signal deliveries for gdb sessions (gdb_signals.py): raise() runs a
   handler (the delivery is one step: reverse-stepi from its first
   instruction lands after the SVC that made it deliverable; its return
   through glibc's sa_restorer and sigreturn is one step back too), then a
   NULL store that gdb stops at as SIGSEGV and a `continue` passes to the
   guest's handler, which siglongjmps out; then a SIGUSR2 that gdb drops
   (`signal 0`): its handler must not run (the exit status counts its runs). */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile int hits, segv_hits, usr2_hits;
static sigjmp_buf jb;

static void on_usr1(int sig) { hits += sig; }
static void on_usr2(int sig) { usr2_hits += sig != 0; }

static void on_segv(int sig)
{
    segv_hits++;
    siglongjmp(jb, sig);
}

int main(void)
{
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1); /* MARK:raise */
    printf("hits %d\n", hits);
    signal(SIGSEGV, on_segv);
    if (sigsetjmp(jb, 1) == 0)
        *(volatile int *)0 = 1; /* MARK:fault */
    printf("segv hits %d\n", segv_hits);
    signal(SIGUSR2, on_usr2);
    raise(SIGUSR2); /* MARK:raise2 */
    printf("usr2 hits %d\n", usr2_hits);
    return hits == SIGUSR1 && segv_hits == 1 ? usr2_hits : 10;
}
