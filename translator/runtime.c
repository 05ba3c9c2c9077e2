/* The dispatcher; see runtime.h. Everything that is not straight-line guest
 * code comes back here: syscalls, kernel helpers, branches to blocks not yet
 * translated or chained, undefined instructions. */
#include "translator/runtime.h"

#include "arm/decode.h"

#include <setjmp.h>
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
#include "undo/undo_ring.h"

static struct linux_proc *proc;
static struct arm_cpu the_cpu;

static void invalidate_code(void *ctx, uint32_t start, uint32_t len)
{
    (void)ctx;
    /* Only ever called from a syscall or an undo pop, i.e. from the
     * dispatcher or the timeline, when no translated code is running:
     * dropping every translation is safe. */
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
    undo_set_code_changed(invalidate_code, NULL); /* pops that change guest code */
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

void runtime_syscall_live(struct arm_cpu *cpu, struct linux_proc *p)
{
    uint32_t args[7];
    memcpy(args, cpu->r, sizeof args);
    cpu->r[0] = linux_syscall(p, cpu->r[7], args);
    cpu->tpidruro = p->tls;
    if (p->clone_child_sp) { /* we are a clone() child with its own stack */
        cpu->r[13] = p->clone_child_sp;
        p->clone_child_sp = 0;
    }
}

static runtime_syscall_fn *syscall_fn = runtime_syscall_live;

void runtime_set_syscall_fn(runtime_syscall_fn *fn) { syscall_fn = fn ? fn : runtime_syscall_live; }

static void log_undefined(struct arm_cpu *cpu)
{
    uint32_t pc = cpu->r[15];
    if (log_enabled(LOG_UNIMP)) {
        if (!cpu->thumb) {
            log_printf("backstep: undefined or unimplemented A32 instruction at 0x%08x: %08x\n", pc, guest_word(pc));
            return;
        }
        uint16_t hw1 = 0, hw2 = 0;
        if (guest_range_ok(pc, 2, 0))
            memcpy(&hw1, g2h(pc), 2);
        if (thumb_is_32bit(hw1)) {
            if (guest_range_ok(pc + 2, 2, 0))
                memcpy(&hw2, g2h(pc + 2), 2);
            log_printf("backstep: undefined or unimplemented T32 instruction at 0x%08x: %04x %04x\n", pc, hw1, hw2);
        } else {
            log_printf("backstep: undefined or unimplemented T16 instruction at 0x%08x: %04x\n", pc, hw1);
        }
    }
}

/* After a recovered fault: pops the undo log back to the start of the block
 * that faulted. Returns true if that block was a single-step block, i.e. the
 * state is now exactly before the faulting instruction. */
/* The length of the Thumb instruction at pc (its first halfword was
 * fetched: it was translated). */
static uint32_t trap_thumb_len(uint32_t pc)
{
    uint16_t hw;
    memcpy(&hw, g2h(pc), 2);
    return thumb_is_32bit(hw) ? 4 : 2;
}

static bool rewind_faulting_block(struct arm_cpu *cpu)
{
    uint32_t t;
    do
        t = undo_pop(cpu, NULL);
    while (t && t != UNDO_BLOCK);
    return t == UNDO_BLOCK;
}

/* A kernel helper call as one instruction: a restore point, then the call. */
static bool kuser_step(struct arm_cpu *cpu)
{
    if (log_enabled(LOG_CPU)) /* qemu-arm logs the helper's entry too */
        helper_trace_cpu(cpu, cpu->r[15]);
    undo_push_block_all(cpu);
    return kuser_call(cpu, proc);
}

enum run_stop runtime_run_until(struct arm_cpu *cpu, uint64_t stop_at, unsigned flags, int *sig)
{
    uint8_t *chain_from = NULL;
    uint64_t generation = cc.generation;
    bool recording = translate_recording();
    /* After a fault in a multi-instruction block: step one at a time until
     * it recurs, to stop exactly before the faulting instruction. */
    bool single_only = false;
    uint64_t single_until = 0;
    static sigjmp_buf env;
    for (;;) {
        if (proc->exited)
            return proc->fatal_signal ? (*sig = proc->fatal_signal, RUN_SIGNAL) : RUN_EXITED;
        if (cpu->icount >= stop_at)
            return RUN_REACHED;
        uint32_t pc = cpu->r[15];
        unsigned kind = tb_kind_of(cpu);
        code_cache_jc_mode(cpu->fpscr);
        if (pc >= KUSER_PAGE) {
            if (!kuser_step(cpu)) {
                fault_note_segv(pc);
                *sig = SIGSEGV;
                return RUN_SIGNAL;
            }
            chain_from = NULL;
            continue;
        }
        /* An ARM-state pc that is not word aligned (a BX, POP {pc}, LDR pc
         * or data-processing write of an address with bits 1:0 = 10): the
         * PC alignment fault of ARMv7, SIGBUS (BUS_ADRALN) as under qemu-arm. */
        if (!cpu->thumb && (pc & 3)) {
            if (log_enabled(LOG_CPU)) /* qemu-arm logs the state it faults in */
                helper_trace_cpu(cpu, pc);
            fault_note(SIGBUS, BUS_ADRALN, pc);
            *sig = SIGBUS;
            return RUN_SIGNAL;
        }
        if (single_only && cpu->icount >= single_until)
            single_only = false; /* the fault did not come back */
        uint64_t left = stop_at - cpu->icount;
        struct tblock *tb = single_only ? NULL : code_cache_lookup(pc, kind);
        if (!tb) {
            if (!tr_fetchable(pc)) {
                fault_note_segv(pc); /* prefetch abort */
                *sig = SIGSEGV;
                return RUN_SIGNAL;
            }
            if (!single_only)
                tb = translate_block(pc, kind);
        }
        /* The budget ends inside this block: run its first instruction alone. */
        if (single_only || tb->ninsns > left) {
            tb = code_cache_lookup(pc, kind | TB_SINGLE);
            if (!tb)
                tb = translate_block(pc, kind | TB_SINGLE);
            chain_from = NULL;
        }
        if (chain_from && generation == cc.generation)
            x_patch_rel32(chain_from, tb->host);
        else if (!(tb->kind & TB_SINGLE))
            code_cache_jc_fill(tb);
        generation = cc.generation;
        if (log_enabled(LOG_EXEC))
            log_printf("Trace: [%08x]\n", pc);

        cpu->budget = single_only ? cpu->icount + 1 : stop_at;
        uintptr_t r;
        if (recording) {
            /* No signal mask saved: that would be a syscall per block; the
             * recovery path unblocks the fault signals itself. */
            if (sigsetjmp(env, 0)) {
                /* A guest fault inside translated code or a helper. */
                fault_disarm();
                sigset_t faults;
                sigemptyset(&faults);
                sigaddset(&faults, SIGSEGV);
                sigaddset(&faults, SIGBUS);
                sigprocmask(SIG_UNBLOCK, &faults, NULL);
                chain_from = NULL;
                generation = cc.generation;
                bool exact = rewind_faulting_block(cpu) && single_only;
                if (exact) {
                    *sig = fault_last_signal();
                    return RUN_SIGNAL;
                }
                single_only = true;
                single_until = cpu->icount + 64;
                continue;
            }
            fault_arm(&env, cpu);
            r = cc.enter(cpu, tb->host);
            fault_disarm();
        } else {
            r = cc.enter(cpu, tb->host);
        }
        chain_from = NULL;
        if (r >= 4096) {
            /* -d exec wants to see every block; single-step blocks are
             * never chained from or to. */
            if (!log_enabled(LOG_EXEC) && !(tb->kind & TB_SINGLE) && !single_only)
                chain_from = (uint8_t *)r;
            continue;
        }
        switch ((enum exit_reason)r) {
        case EXIT_INDIRECT: {
            /* BXWritePC (A2.3.2): bit 0 selects Thumb. An ARM-state target
             * with bit 1 set (UNPREDICTABLE) is kept: fetching there faults
             * with SIGBUS below, as under qemu-arm 7.2. */
            uint32_t target = cpu->r[15];
            cpu->thumb = target & 1;
            cpu->r[15] = target & ~1u;
            break;
        }
        case EXIT_SVC:
            syscall_fn(cpu, proc);
            if (proc->syscall_interrupted) {
                proc->syscall_interrupted = false;
                return RUN_SYSCALL_INTERRUPTED;
            }
            if (proc->syscall_stop && !proc->exited) {
                proc->syscall_stop = false;
                return RUN_SYSCALL_STOP;
            }
            proc->syscall_stop = false;
            break;
        case EXIT_UNDEF:
            /* Not counted by its block: it has not run (translate.c). */
            log_undefined(cpu);
            fault_note(SIGILL, ILL_ILLOPC, cpu->r[15]);
            *sig = SIGILL;
            return RUN_SIGNAL;
        case EXIT_BKPT:
            fault_note(SIGTRAP, TRAP_BRKPT, cpu->r[15]);
            *sig = SIGTRAP;
            return RUN_SIGNAL;
        case EXIT_FETCH_FAULT:
            /* A prefetch abort on the page of the second halfword: the
             * instruction has not run (not counted); the fault names that
             * page, as the kernel's si_addr does. */
            fault_note_segv(cpu->r[15] + 2);
            *sig = SIGSEGV;
            return RUN_SIGNAL;
        case EXIT_TRAP_SKIPPED:
            /* A condition-failed instruction retires (one count, with a
             * restore point like any block's; in Thumb state it is inside an
             * IT block, which moves on) -- if the
             * budget has room: its block counted 0 at entry, and a block
             * chained into it may have used the budget up. */
            if (cpu->icount >= cpu->budget)
                break; /* the loop stops at stop_at, before it */
            undo_push_block_all(cpu);
            cpu->icount++;
            cpu->r[15] += cpu->thumb ? trap_thumb_len(cpu->r[15]) : 4;
            cpu->itstate = arm_it_advance(cpu->itstate);
            break;
        case EXIT_BUDGET:
            break; /* the loop re-checks stop_at and picks a single-step block */
        case EXIT_BREAKPOINT:
            if (flags & RUN_STOP_AT_BREAKPOINTS)
                return RUN_BREAKPOINT;
            cpu->bp_pass = cpu->icount;
            break;
        }
    }
}

void runtime_run(struct arm_cpu *cpu)
{
    int sig = 0;
    switch (runtime_run_until(cpu, UINT64_MAX, 0, &sig)) {
    case RUN_SIGNAL:
        if (!proc->fatal_signal)
            runtime_die_of_signal(sig);
        break; /* the caller acts on p->fatal_signal */
    default:
        break;
    }
}
