/* Asynchronous signals while the guest computes without syscalls: a
   periodic ITIMER_REAL's handler must run during a chained loop that only
   reads a volatile counter, and during a loop of indirect calls. */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
static volatile sig_atomic_t ticks;
static void on_alrm(int s) { (void)s; ticks++; }
static int __attribute__((noinline)) f(int x) { return x * 3 + 1; }
int main(void)
{
    signal(SIGALRM, on_alrm);
    struct itimerval it = {{0, 10000}, {0, 10000}};
    setitimer(ITIMER_REAL, &it, NULL);
    unsigned long n = 0;
    while (ticks < 3)
        n++;
    int (*volatile fp)(int) = f;
    int acc = 0;
    while (ticks < 6)
        acc = fp(acc) & 0xffff;
    it.it_value.tv_usec = 0; it.it_interval.tv_usec = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    printf("ticks %d (loops ran: %d)\n", ticks, n > 0 && acc >= 0);
    return 0;
}
