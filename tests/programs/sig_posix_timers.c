/* POSIX timers: timer_create/settime/gettime/getoverrun/delete on
   CLOCK_MONOTONIC, CLOCK_REALTIME and CLOCK_PROCESS_CPUTIME_ID; the handler's
   siginfo (SI_TIMER, si_value, si_timerid, si_overrun); overruns counted while
   the signal is blocked, and timer_getoverrun after the delivery; SIGEV_NONE
   (no signal, time still runs); a NULL sigevent (SIGALRM); absolute expiry in the past; errors (bad clock, bad signal, deleted
   timer). Timer ids are printed as their low half: qemu-arm returns
   0x0caf0000 + n where Linux returns n. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int got, code, val, tid, ovr, n_alrm;
static void on_timer(int s, siginfo_t *si, void *uc)
{
    (void)uc;
    got = s;
    code = si->si_code;
    val = si->si_value.sival_int;
    tid = si->si_timerid;
    ovr = si->si_overrun;
    if (s == SIGALRM)
        n_alrm++;
}

static int low(timer_t t) { return (int)((long)t & 0xffff); }

static timer_t make(clockid_t clk, int notify, int sig, int value)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = notify;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = value;
    timer_t t = 0;
    int r = timer_create(clk, &ev, &t);
    printf("timer_create(clock %d, notify %d, sig %d): %d id %d\n", (int)clk, notify, sig, r, low(t));
    return t;
}

static void arm(timer_t t, long first_ns, long every_ns, int flags)
{
    struct itimerspec its = {{0, every_ns}, {0, first_ns}};
    if (flags) {
        clock_gettime(CLOCK_REALTIME, &its.it_value);
        its.it_value.tv_sec -= 1; /* in the past */
    }
    int r = timer_settime(t, flags, &its, NULL);
    if (r)
        printf("timer_settime: %s\n", strerror(errno));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_timer;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);

    timer_t a = make(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGRTMIN + 1, 1234);
    arm(a, 10000000, 0, 0);
    pause();
    printf("one-shot: sig RTMIN+%d code %d value %d timerid-ok %d overrun %d\n", got - SIGRTMIN, code, val,
           tid == low(a), ovr);

    timer_t b = make(CLOCK_REALTIME, SIGEV_SIGNAL, SIGRTMIN + 1, 99);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &s, NULL);
    arm(b, 10000000, 10000000, 0);
    struct timespec nap = {0, 80000000};
    nanosleep(&nap, NULL); /* expiries while blocked: one instance, the rest overruns */
    struct itimerspec cur;
    timer_gettime(b, &cur);
    printf("periodic: interval %ld, value within it %d\n", cur.it_interval.tv_nsec,
           cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec <= 10000000);
    got = 0;
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    int o = timer_getoverrun(b);
    printf("periodic: sig RTMIN+%d code %d value %d timerid-ok %d overrun > 0: %d, getoverrun the same: %d\n",
           got - SIGRTMIN, code, val, tid == low(b), ovr > 0, o == ovr);
    struct itimerspec off = {{0, 0}, {0, 0}}, old;
    timer_settime(b, 0, &off, &old);
    printf("disarmed: old interval %ld\n", old.it_interval.tv_nsec);

    timer_t c = make(CLOCK_MONOTONIC, SIGEV_NONE, 0, 0);
    arm(c, 900000000, 0, 0);
    nanosleep(&(struct timespec){0, 20000000}, NULL);
    timer_gettime(c, &cur);
    printf("SIGEV_NONE: running %d\n", cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec < 890000000);

    timer_t d = 0;
    printf("NULL sigevent: %d id %d\n", timer_create(CLOCK_MONOTONIC, NULL, &d), low(d));
    got = 0;
    arm(d, 5000000, 0, 0);
    while (!got)
        pause();
    /* glibc sends the kernel its own sigevent for NULL, with the address
     * of the timer_t as the value. */
    printf("  sig %d code %d value is &d %d\n", got, code, val == (int)(long)&d);

    timer_t e = make(CLOCK_PROCESS_CPUTIME_ID, SIGEV_SIGNAL, SIGALRM, 5);
    got = 0;
    arm(e, 20000000, 0, 0);
    volatile unsigned spin = 0;
    while (!got)
        spin++;
    printf("cpu time: sig %d value %d\n", got, val);

    timer_t f = make(CLOCK_REALTIME, SIGEV_SIGNAL, SIGALRM, 6);
    got = 0;
    arm(f, 0, 0, TIMER_ABSTIME);
    while (!got)
        pause();
    printf("absolute in the past: sig %d value %d\n", got, val);

    timer_t bad;
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = 65};
    printf("signal 65: %d %s\n", timer_create(CLOCK_MONOTONIC, &ev, &bad), strerror(errno));
    printf("clock 99: %d %s\n", timer_create(99, NULL, &bad), strerror(errno));
    printf("delete: %d\n", timer_delete(a));
    printf("settime after delete: %d %s\n", timer_settime(a, 0, &off, NULL), strerror(errno));
    printf("delete again: %d %s\n", timer_delete(a), strerror(errno));
    timer_delete(b);
    timer_delete(c);
    timer_delete(d);
    timer_delete(e);
    timer_delete(f);
    return 0;
}
