/* Bad input around signals and threads, each in a child so the parent can
   report how it ended: clone flags Linux refuses (CLONE_THREAD without
   CLONE_SIGHAND, CLONE_SIGHAND without CLONE_VM: EINVAL, kernel/fork.c), a
   handler address outside guest memory (the delivery faults: SIGSEGV), and
   rt_sigreturn with no frame on the stack (the frame is garbage: SIGSEGV, as
   the kernel's restore_sigframe failing gives). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void handler(int s) { (void)s; }

static void bad_clone(void)
{
    long r1 = syscall(SYS_clone, CLONE_THREAD, 0, 0, 0, 0);
    int e1 = errno;
    long r2 = syscall(SYS_clone, CLONE_SIGHAND, 0, 0, 0, 0);
    int e2 = errno;
    long r3 = syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0);
    int e3 = errno;
    printf("clone: %ld %s, %ld %s, %ld %s\n", r1, strerror(e1), r2, strerror(e2), r3, strerror(e3));
}

static void handler_outside(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = (void (*)(int))0xfff00000;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    puts("handler outside memory: returned");
}

static void corrupt_sigreturn(void)
{
    signal(SIGUSR1, handler);
    syscall(SYS_rt_sigreturn);
    puts("rt_sigreturn without a frame: returned");
}

static void run(const char *what, void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: exit %d\n", what, WEXITSTATUS(st));
}

int main(void)
{
    run("bad clone flags", bad_clone);
    run("handler outside guest memory", handler_outside);
    run("rt_sigreturn with a corrupt frame", corrupt_sigreturn);
    return 0;
}
