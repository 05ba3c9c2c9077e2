/* See fault.h. A guest access can only touch [guest_base, guest_base + 4 GiB
 * + a few bytes) (an unaligned access at the very top may run past 4 GiB by up
 * to 7 bytes), so a fault address there is the guest's. */
#include "translator/fault.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_mem.h"

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    uintptr_t a = (uintptr_t)si->si_addr;
    bool guest = a >= guest_base && a - guest_base < (1ull << 32) + 4096;
    if (guest) {
        /* The guest has no signal handlers yet: it dies, as under qemu-arm. */
        char msg[96];
        int n = snprintf(msg, sizeof msg, "backstep: uncaught target signal %d (%s) - core dumped\n",
                         sig, sig == SIGSEGV ? "Segmentation fault" : "Bus error");
        fflush(log_file());
        if (n > 0 && write(2, msg, (size_t)n) < 0) {
            /* nothing else to do */
        }
        struct rlimit nocore = {0, 0};
        setrlimit(RLIMIT_CORE, &nocore);
    } else {
        static const char msg[] = "backstep: internal error: host fault outside guest memory\n";
        if (write(2, msg, sizeof msg - 1) < 0) {
            /* nothing else to do */
        }
    }
    /* Returning re-runs the faulting access with the default action. */
    signal(sig, SIG_DFL);
}

void fault_init(void)
{
    static uint8_t altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
