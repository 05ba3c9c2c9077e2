/* Signals gdb lets through without stopping (gdb_pass_signals.py): three
   raise(SIGUSR1) and five SIGALRMs of an interval timer arriving while the
   program spins, under `handle ... nostop noprint pass` (QPassSignals);
   then a SIGUSR2 gdb stops for; then a SIGUSR1 that gdb queues at
   MARK:queue (queue-signal), which the handler counts. The exit status is
   usr1 + 10 if at least 5 alarms came + 100 * usr2 (3 raised + 1 queued
   SIGUSR1, SIGUSR2 delivered: 114). gdb_program_signals.py detaches at the
   SIGUSR2 stop with SIGUSR2 `nopass`: it is not delivered (13). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile int usr1, usr2, alarms;

static void on_usr1(int sig) { usr1 += sig == SIGUSR1; }
static void on_usr2(int sig) { usr2 += sig == SIGUSR2; }
static void on_alrm(int sig) { alarms += sig == SIGALRM; }

int main(void)
{
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, on_usr2);
    signal(SIGALRM, on_alrm);
    for (int i = 0; i < 3; i++)
        raise(SIGUSR1);
    struct itimerval it = {{0, 2000}, {0, 2000}};
    setitimer(ITIMER_REAL, &it, NULL);
    volatile unsigned spin = 0;
    while (alarms < 5)
        spin++;
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    raise(SIGUSR2);
    printf("usr1 %d usr2 %d alarms %d\n", usr1, usr2, alarms); /* MARK:queue */
    printf("usr1 %d\n", usr1);
    return usr1 + 10 * (alarms >= 5) + 100 * usr2; /* one more alarm may come before the timer is off */
}
