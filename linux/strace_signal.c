/* -strace lines for signals, as qemu-arm 7.2 prints them: a signal taken by
 * the guest (a handler runs, or its default action ends or stops it) is
 *   --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=N, si_uid=N} ---
 * with the union printed by the kind of siginfo (qemu's print_siginfo:
 * kill-like codes pid and uid, faults si_addr, SIGCHLD its fields, SIGIO
 * band and fd, everything else, timers included, pid, uid and sigval as the
 * words at 12, 16, 20); and the sigreturn that ends a handler is a syscall
 * line with six raw arguments and errno 513 (qemu's ESIGRETURN). */
#include "linux/strace.h"

#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/sig_queue.h"
#include "linux/strace_print.h"

static void print_code(int32_t code)
{
    static const char *const names[] = {"SI_USER", "SI_QUEUE", "SI_TIMER", "SI_MESGQ", "SI_ASYNCIO", "SI_SIGIO",
                                        "SI_TKILL"};
    if (code == 0x80)
        strace_printf("SI_KERNEL");
    else if (code <= 0 && code >= -6)
        strace_printf("%s", names[-code]);
    else
        strace_printf("%d", code);
}

void strace_signal_taken(int sig, const struct guest_signote *n)
{
    if (!log_enabled(LOG_STRACE))
        return;
    uint8_t info[128];
    guest_siginfo_fill(info, sig, n);
    int32_t f[8];
    memcpy(f, info, sizeof f);
    int32_t code = n->code;
    bool fault = sig == 4 || sig == 5 || sig == 7 || sig == 8 || sig == 11;
    strace_printf("--- ");
    strace_signal((uint32_t)sig, 1);
    strace_printf(" {si_signo=");
    strace_signal((uint32_t)sig, 1);
    strace_printf(", si_code=");
    print_code(code);
    if (code == 0 || code == -6 || code == 0x80) {
        strace_printf(", si_pid=%u, si_uid=%u", (uint32_t)f[3], (uint32_t)f[4]);
    } else if (fault && code > 0) {
        strace_printf(", si_addr=");
        strace_pointer((uint32_t)f[3], 1);
    } else if (sig == 17 && code > 0) {
        strace_printf(", si_pid=%u, si_uid=%u, si_status=%d, si_utime=%d, si_stime=%d", (uint32_t)f[3],
                      (uint32_t)f[4], f[5], f[6], f[7]);
    } else if (sig == 29 && code > 0) {
        strace_printf(", si_band=%d, si_fd=%d", f[3], f[4]);
    } else {
        strace_printf(", si_pid=%u, si_uid=%u, si_sigval=%d", (uint32_t)f[3], (uint32_t)f[4], f[5]);
    }
    strace_printf("} ---\n");
    strace_flush();
}

/* A default action taken while a syscall runs (raise(), abort(): the
 * kernel acts as it sends) shows after that syscall's result, as in qemu,
 * which takes it on the way out. */
static bool later;
static int later_sig;
static struct guest_signote later_note;

void strace_signal_taken_later(int sig, const struct guest_signote *n)
{
    if (!log_enabled(LOG_STRACE))
        return;
    later = true;
    later_sig = sig;
    later_note = *n;
}

void strace_signal_flush_later(void)
{
    if (!later)
        return;
    later = false;
    strace_signal_taken(later_sig, &later_note);
}

void strace_sigreturn(uint32_t nr, const uint32_t r[6])
{
    if (!log_enabled(LOG_STRACE))
        return;
    uint32_t a[7] = {r[0], r[1], r[2], r[3], r[4], r[5], 0};
    strace_enter(nr, a);
    strace_exit(nr, a, -513);
}
