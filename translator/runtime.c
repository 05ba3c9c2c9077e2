/* The dispatcher; see runtime.h. Everything that is not straight-line guest
 * code comes back here: syscalls, kernel helpers, branches to blocks not yet
 * translated or chained, undefined instructions. */
#include "translator/runtime.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "linux/syscall.h"
#include "translator/code_cache.h"
#include "translator/fault.h"
#include "translator/helpers.h"
#include "translator/kuser.h"
#include "translator/tr_internal.h"
#include "translator/translate.h"

static struct linux_proc *proc;
static struct arm_cpu the_cpu;

static void invalidate_code(void *ctx, uint32_t start, uint32_t len)
{
    (void)ctx;
    /* Only ever called from a syscall, i.e. from the dispatcher, when no
     * translated code is running: dropping every translation is safe. */
    if (code_cache_overlaps(start, len))
        code_cache_flush();
}

static uint32_t guest_word(uint32_t addr)
{
    uint32_t v = 0;
    if (guest_range_ok(addr, 4, 0))
        memcpy(&v, g2h(addr), 4);
    return v;
}

struct arm_cpu *runtime_new_cpu(struct linux_proc *p)
{
    proc = p;
    struct arm_cpu *cpu = &the_cpu;
    memset(cpu, 0, sizeof *cpu);
    /* What qemu-arm's init_thread leaves in the registers: r1 = argv[0],
     * r2 = argv[1] (the word after it), r10 = start of data, r0 = 0. */
    cpu->r[13] = p->initial_sp;
    cpu->r[1] = guest_word(p->initial_sp + 4);
    cpu->r[2] = guest_word(p->initial_sp + 8);
    cpu->r[10] = p->start_data;
    cpu->r[15] = p->entry & ~1u;
    cpu->thumb = p->entry & 1;
    cpu->tpidruro = p->tls;
    p->invalidate_code = invalidate_code;
    p->invalidate_ctx = NULL;
    code_cache_init();
    translate_init();
    fault_init();
    return cpu;
}

_Noreturn void runtime_die_of_signal(int sig)
{
    fflush(log_file());
    fprintf(stderr, "backstep: uncaught target signal %d (%s) - core dumped\n", sig, strsignal(sig));
    fflush(stderr);
    /* Die of the same signal without leaving a core file of backstep itself. */
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    /* Signals that do not kill by default (none of the ones we raise). */
    _exit(128 + sig);
}

static void do_syscall(struct arm_cpu *cpu)
{
    uint32_t args[7];
    memcpy(args, cpu->r, sizeof args);
    cpu->r[0] = linux_syscall(proc, cpu->r[7], args);
    cpu->tpidruro = proc->tls;
    if (proc->clone_child_sp) { /* we are a clone() child with its own stack */
        cpu->r[13] = proc->clone_child_sp;
        proc->clone_child_sp = 0;
    }
}

static _Noreturn void undefined(struct arm_cpu *cpu)
{
    uint32_t pc = cpu->r[15];
    if (log_enabled(LOG_UNIMP)) {
        uint32_t insn = guest_word(pc);
        log_printf("backstep: undefined or unimplemented A32 instruction at 0x%08x: %08x\n", pc, insn);
    }
    runtime_die_of_signal(SIGILL);
}

void runtime_run(struct arm_cpu *cpu)
{
    uint8_t *chain_from = NULL;
    uint64_t generation = cc.generation;
    while (!proc->exited) {
        uint32_t pc = cpu->r[15];
        if (cpu->thumb) {
            fprintf(stderr, "backstep: the guest switched to Thumb state at 0x%08x; Thumb is not supported yet\n", pc);
            runtime_die_of_signal(SIGILL);
        }
        if (pc >= KUSER_PAGE) {
            if (log_enabled(LOG_CPU)) /* qemu-arm logs the helper's entry too */
                helper_trace_cpu(cpu, pc);
            if (!kuser_call(cpu, proc))
                runtime_die_of_signal(SIGSEGV);
            chain_from = NULL;
            continue;
        }
        struct tblock *tb = code_cache_lookup(pc, false);
        if (!tb) {
            uint8_t f = guest_page_flags(pc);
            if (!(f & GUEST_PAGE_MAPPED) || !(f & 5))
                runtime_die_of_signal(SIGSEGV); /* prefetch abort */
            tb = translate_block(pc);
        }
        if (chain_from && generation == cc.generation)
            x_patch_rel32(chain_from, tb->host);
        else
            code_cache_jc_fill(tb);
        generation = cc.generation;
        if (log_enabled(LOG_EXEC))
            log_printf("Trace: [%08x]\n", pc);

        uintptr_t r = cc.enter(cpu, tb->host);
        chain_from = NULL;
        if (r >= 4096) {
            if (!log_enabled(LOG_EXEC)) /* -d exec wants to see every block */
                chain_from = (uint8_t *)r;
            continue;
        }
        switch ((enum exit_reason)r) {
        case EXIT_INDIRECT: {
            /* BXWritePC (A2.3.2): bit 0 selects Thumb; in ARM state bit 1
             * set is UNPREDICTABLE and is dropped, as qemu-arm does. */
            uint32_t target = cpu->r[15];
            if (target & 1) {
                cpu->thumb = 1;
                cpu->r[15] = target & ~1u;
            } else {
                cpu->r[15] = target & ~3u;
            }
            break;
        }
        case EXIT_SVC:
            do_syscall(cpu);
            break;
        case EXIT_UNDEF:
            undefined(cpu);
        case EXIT_BKPT:
            runtime_die_of_signal(SIGTRAP);
        }
    }
}
