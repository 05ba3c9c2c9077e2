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
#include <ucontext.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/code_cache.h"
#include "translator/guest_reg_map.h"
#include "translator/runtime.h"

static sigjmp_buf *recovery;
static struct arm_cpu *recovery_cpu;
static volatile sig_atomic_t last_signal;
static fault_write_protect_fn *write_protect_fn;
static struct guest_fault last_fault;

void fault_note(int sig, int code, uint32_t addr) { last_fault = (struct guest_fault){sig, code, addr}; }

void fault_note_segv(uint32_t addr)
{
    fault_note(SIGSEGV, guest_page_flags(addr) & GUEST_PAGE_MAPPED ? SEGV_ACCERR : SEGV_MAPERR, addr);
}

struct guest_fault fault_last(void) { return last_fault; }

void fault_set_write_protect_handler(fault_write_protect_fn *fn) { write_protect_fn = fn; }

void fault_arm(sigjmp_buf *env, struct arm_cpu *cpu)
{
    recovery = env;
    recovery_cpu = cpu;
}

void fault_disarm(void) { recovery = NULL; }

int fault_last_signal(void) { return last_signal; }

_Noreturn void fault_raise(int sig)
{
    if (recovery) {
        last_signal = sig;
        sigjmp_buf *env = recovery;
        recovery = NULL;
        siglongjmp(*env, 1);
    }
    runtime_die_of_signal(sig);
}

/* The ucontext slot of each pinned host register (guest_reg_map.h order). */
static int greg_index(ZydisRegister host64)
{
    switch (host64) {
    case ZYDIS_REGISTER_R8: return REG_R8;
    case ZYDIS_REGISTER_R9: return REG_R9;
    case ZYDIS_REGISTER_R10: return REG_R10;
    case ZYDIS_REGISTER_R11: return REG_R11;
    case ZYDIS_REGISTER_R12: return REG_R12;
    case ZYDIS_REGISTER_R13: return REG_R13;
    case ZYDIS_REGISTER_R15: return REG_R15;
    case ZYDIS_REGISTER_RBP: return REG_RBP;
    default: return -1;
    }
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uintptr_t a = (uintptr_t)si->si_addr;
    bool guest = a >= guest_base && a - guest_base < (1ull << 32) + 4096;
    if (guest && sig == SIGSEGV && write_protect_fn && a - guest_base < (1ull << 32) &&
        write_protect_fn((uint32_t)(a - guest_base)))
        return; /* a snapshot's copy-on-write: the write is retried */
    if (guest && recovery) {
        /* The reserved window is PROT_NONE on the host: the guest's code
         * comes from the guest's map, not from the host's si_code. An
         * access that runs past 4 GiB names the top page. */
        uint64_t ga = a - guest_base;
        if (sig == SIGSEGV)
            fault_note_segv(ga >= (1ull << 32) ? 0xfffff000u : (uint32_t)ga);
        else
            fault_note(sig, si->si_code, (uint32_t)ga);
        uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
        /* In translated code the pinned guest registers are in host
         * registers; in a helper (always called with the cpu synced) they
         * are already in the cpu. */
        if (rip >= (uintptr_t)cc.base && rip < (uintptr_t)cc.end) {
            for (int k = 0; k < PINNED_COUNT; k++) {
                int i = greg_index(pinned_regs[k].host64);
                if (i >= 0)
                    recovery_cpu->r[pinned_regs[k].guest] = (uint32_t)uc->uc_mcontext.gregs[i];
            }
            /* So is the instruction count (ICOUNT_HOST_REG): the cpu's copy
             * is from the last exit to the dispatcher, and the rewind counts
             * back from the live one (undo records hold block lengths). */
            recovery_cpu->icount = (uint64_t)uc->uc_mcontext.gregs[greg_index(ICOUNT_HOST_REG)];
            /* The undo log's top is in xmm15 (guest_reg_map.h). */
            uint64_t top;
            memcpy(&top, &uc->uc_mcontext.fpregs->_xmm[15], 8);
            recovery_cpu->undo_top = (uint8_t *)(uintptr_t)top;
        }
        last_signal = sig;
        sigjmp_buf *env = recovery;
        recovery = NULL;
        siglongjmp(*env, 1);
    }
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
