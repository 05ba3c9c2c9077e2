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
#include "linux/sys_signal.h"
#include "linux/thread_sched.h"
#include "translator/chain_cut.h"
#include "translator/code_cache.h"
#include "translator/fault.h"
#include "translator/helpers.h"
#include "translator/kuser.h"
#include "translator/signal_deliver.h"
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
    thread_sched_bind_cpu(cpu);
    undo_set_code_changed(invalidate_code, NULL); /* pops that change guest code */
    code_cache_init();
    translate_init();
    fault_init();
    return cpu;
}

_Noreturn void runtime_die_of_signal(int sig)
{
    fflush(log_file());
    /* qemu-arm says so only for the signals that dump core (SIGTERM: nothing). */
    if (guest_signal_default(sig) == SIGDFL_CORE)
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
    p->syscall_sp = cpu->r[13];
    uint32_t r = linux_syscall(p, cpu->r[7], args);
    p->syscall_parked = r == (uint32_t)GUEST_SYSCALL_PARKED;
    if (!p->syscall_parked) /* a parked thread keeps its arguments */
        cpu->r[0] = r;
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

/* One call of runtime_run_until: what the dispatcher loop carries from one
 * block to the next. */
struct run_ctx {
    struct arm_cpu *cpu;
    uint64_t stop_at;
    unsigned flags;
    int *sig;
    uint8_t *chain_from;  /* the jump of the block that just exited, to chain */
    uint64_t generation;  /* cc.generation when chain_from was set */
    /* After a fault in a multi-instruction block: step one at a time until
     * it recurs, to stop exactly before the faulting instruction. */
    bool single_only;
    uint64_t single_until;
};

/* What an exit handler tells the loop: go on, or return this stop. */
#define RUN_GO_ON (-1)

static int stop_signal(struct run_ctx *x, int sig)
{
    *x->sig = sig;
    return RUN_SIGNAL;
}

/* BXWritePC (A2.3.2): bit 0 selects Thumb. An ARM-state target with bit 1
 * set (UNPREDICTABLE) is kept: fetching there faults with SIGBUS, as under
 * qemu-arm 7.2. */
static int on_exit_indirect(struct run_ctx *x)
{
    uint32_t target = x->cpu->r[15];
    x->cpu->thumb = target & 1;
    x->cpu->r[15] = target & ~1u;
    return RUN_GO_ON;
}

/* A plain run (no recorder): the runtime itself takes signals that arrived
 * from outside (under the recorder the syscall server does, to log them). */
static bool plain_run;

/* Under a plain run, a guest handler for SIGSEGV or SIGBUS needs exact
 * state at a faulting access: from then on blocks are translated with their
 * undo records (as while recording), so a fault pops back to the start of
 * its block and is found again one instruction at a time. */
static void precise_faults_if_needed(struct run_ctx *x)
{
    uint32_t segv = proc->sig.action[SIGSEGV].handler, bus = proc->sig.action[SIGBUS].handler;
    if (!plain_run || translate_recording() || (segv <= GUEST_SIG_IGN && bus <= GUEST_SIG_IGN))
        return;
    undo_ring_init(x->cpu, 4u << 20);
    translate_set_recording(true);
    x->chain_from = NULL;
    x->generation = cc.generation;
}

static int after_syscall(struct run_ctx *x, uint32_t nr, uint32_t orig_r0);

static int on_exit_svc(struct run_ctx *x)
{
    struct arm_cpu *cpu = x->cpu;
    uint32_t nr = cpu->r[7], orig_r0 = cpu->r[0];
    if (nr == ARM_NR_sigreturn || nr == ARM_NR_rt_sigreturn) {
        signal_sigreturn(cpu, proc, nr == ARM_NR_rt_sigreturn);
        return RUN_GO_ON;
    }
    syscall_fn(cpu, proc);
    return after_syscall(x, nr, orig_r0);
}

/* After a syscall served at an SVC or for a thread switched in to serve its
 * parked one. */
static int after_syscall(struct run_ctx *x, uint32_t nr, uint32_t orig_r0)
{
    struct arm_cpu *cpu = x->cpu;
    if (proc->syscall_interrupted) {
        proc->syscall_interrupted = false;
        return RUN_SYSCALL_INTERRUPTED;
    }
    if (proc->syscall_parked) {
        /* The thread waits; the loop's scheduling point runs another. */
        proc->syscall_parked = false;
        x->chain_from = NULL;
        return RUN_GO_ON;
    }
    if (plain_run)
        guest_signals_collect(proc);
    signal_maybe_restart(cpu, proc, nr, orig_r0, cpu->thumb ? 2 : 4);
    precise_faults_if_needed(x);
    if (proc->syscall_stop && !proc->exited) {
        proc->syscall_stop = false;
        return RUN_SYSCALL_STOP;
    }
    proc->syscall_stop = false;
    return RUN_GO_ON;
}

static uint64_t signal_passed_at = UINT64_MAX;

void runtime_pass_signal(uint64_t icount) { signal_passed_at = icount; }

/* Whether the guest does something with sig when it is delivered (runs a
 * handler, or dies): what a debugger is told about first. */
static bool takes_signal(int sig)
{
    uint32_t h = proc->sig.action[sig].handler;
    if (h == GUEST_SIG_IGN)
        return false;
    if (h != GUEST_SIG_DFL)
        return true;
    enum guest_sigdefault d = guest_signal_default(sig);
    return d == SIGDFL_TERM || d == SIGDFL_CORE;
}

/* At a block boundary: a signal that can be delivered now is (one step),
 * or, under a debugger that asks, stopped at first. */
static int deliver_due(struct run_ctx *x, bool *delivered)
{
    *delivered = false;
    if (plain_run && guest_signals_arrived())
        guest_signals_collect(proc);
    if (!(proc->sig.pending & ~proc->sig.blocked))
        return RUN_GO_ON;
    int sig = guest_signal_next(proc);
    if ((x->flags & RUN_STOP_AT_SIGNALS) && x->cpu->icount != signal_passed_at && takes_signal(sig))
        return stop_signal(x, sig);
    signal_passed_at = UINT64_MAX; /* passed once */
    x->chain_from = NULL;
    signal_deliver(x->cpu, proc);
    *delivered = true;
    return RUN_GO_ON;
}

/* Not counted by its block: it has not run (translate.c). */
static int on_exit_undef(struct run_ctx *x)
{
    log_undefined(x->cpu);
    fault_note(SIGILL, ILL_ILLOPC, x->cpu->r[15]);
    return stop_signal(x, SIGILL);
}

static int on_exit_bkpt(struct run_ctx *x)
{
    fault_note(SIGTRAP, TRAP_BRKPT, x->cpu->r[15]);
    return stop_signal(x, SIGTRAP);
}

/* A prefetch abort on the page of the second halfword: the instruction has
 * not run (not counted); the fault names that page, as the kernel's si_addr
 * does. */
static int on_exit_fetch_fault(struct run_ctx *x)
{
    fault_note_segv(x->cpu->r[15] + 2);
    return stop_signal(x, SIGSEGV);
}

/* A condition-failed instruction retires (one count, with a restore point
 * like any block's; in Thumb state it is inside an IT block, which moves
 * on) -- if the budget has room: its block counted 0 at entry, and a block
 * chained into it may have used the budget up (the loop then stops at
 * stop_at, before it). */
static int on_exit_trap_skipped(struct run_ctx *x)
{
    struct arm_cpu *cpu = x->cpu;
    if (cpu->icount >= cpu->budget)
        return RUN_GO_ON;
    undo_push_block_all(cpu);
    cpu->icount++;
    cpu->r[15] += cpu->thumb ? trap_thumb_len(cpu->r[15]) : 4;
    cpu->itstate = arm_it_advance(cpu->itstate);
    return RUN_GO_ON;
}

static int on_exit_breakpoint(struct run_ctx *x)
{
    if (x->flags & RUN_STOP_AT_BREAKPOINTS)
        return RUN_BREAKPOINT;
    x->cpu->bp_pass = x->cpu->icount;
    return RUN_GO_ON;
}

/* The count the run may reach before it must stop: stop_at, or the end of
 * the running thread's turn. */
static uint64_t run_limit(const struct run_ctx *x)
{
    uint64_t l = x->stop_at;
    if (guest_threads_multi() && !thread_sched_frozen && guest_threads.slice_end < l)
        l = guest_threads.slice_end;
    return l;
}

/* A scheduling point (the running thread's turn is over, or it cannot go
 * on): the scheduler picks and switches; a thread switched in may first
 * finish its wait (a result, or its parked syscall served again). */
static int schedule(struct run_ctx *x)
{
    struct arm_cpu *cpu = x->cpu;
    x->chain_from = NULL;
    if (!translate_recording() && !translate_budget_checks() && !translate_query())
        translate_set_budget_checks(true); /* slices end by count in plain runs too */
    for (;;) {
        enum sched_outcome o = thread_sched_point(cpu, proc, plain_run);
        switch (o) {
        case TS_RUN:
            return RUN_GO_ON;
        case TS_RUN_EINTR:
            signal_maybe_restart(cpu, proc, cpu->r[7], thread_sched_orig_r0, cpu->thumb ? 2 : 4);
            return RUN_GO_ON;
        case TS_SERVE: {
            uint32_t nr = cpu->r[7], orig_r0 = cpu->r[0];
            syscall_fn(cpu, proc);
            thread_serving_timed_out = false;
            int r = after_syscall(x, nr, orig_r0);
            if (r != RUN_GO_ON || !thread_sched_due(cpu))
                return r;
            continue; /* parked again */
        }
        case TS_IDLE:
            return RUN_IDLE;
        }
    }
}

static int handle_exit(struct run_ctx *x, enum exit_reason why)
{
    switch (why) {
    case EXIT_INDIRECT: return on_exit_indirect(x);
    case EXIT_SVC: return on_exit_svc(x);
    case EXIT_UNDEF: return on_exit_undef(x);
    case EXIT_BKPT: return on_exit_bkpt(x);
    case EXIT_FETCH_FAULT: return on_exit_fetch_fault(x);
    case EXIT_TRAP_SKIPPED: return on_exit_trap_skipped(x);
    case EXIT_BUDGET: return RUN_GO_ON; /* the loop re-checks stop_at and picks a single-step block */
    case EXIT_BREAKPOINT: return on_exit_breakpoint(x);
    }
    return RUN_GO_ON;
}

/* Before fetching at pc: the kernel user helpers, and the ARM-state PC
 * alignment fault. RUN_GO_ON if pc holds ordinary code. */
static int before_fetch(struct run_ctx *x, bool *handled)
{
    struct arm_cpu *cpu = x->cpu;
    uint32_t pc = cpu->r[15];
    *handled = false;
    if (pc >= KUSER_PAGE) {
        *handled = true;
        x->chain_from = NULL;
        if (!kuser_step(cpu)) {
            fault_note_segv(pc);
            return stop_signal(x, SIGSEGV);
        }
        return RUN_GO_ON;
    }
    /* An ARM-state pc that is not word aligned (a BX, POP {pc}, LDR pc or
     * data-processing write of an address with bits 1:0 = 10): the PC
     * alignment fault of ARMv7, SIGBUS (BUS_ADRALN) as under qemu-arm. */
    if (!cpu->thumb && (pc & 3)) {
        *handled = true;
        if (log_enabled(LOG_CPU)) /* qemu-arm logs the state it faults in */
            helper_trace_cpu(cpu, pc);
        fault_note(SIGBUS, BUS_ADRALN, pc);
        return stop_signal(x, SIGBUS);
    }
    return RUN_GO_ON;
}

/* The block to run at pc: translated if new, a single-instruction block
 * when the budget ends inside it or after a fault; NULL (with *stop set)
 * if pc cannot be fetched. */
static struct tblock *block_to_run(struct run_ctx *x, int *stop)
{
    struct arm_cpu *cpu = x->cpu;
    uint32_t pc = cpu->r[15];
    unsigned kind = tb_kind_of(cpu);
    if (x->single_only && cpu->icount >= x->single_until)
        x->single_only = false; /* the fault did not come back */
    uint64_t left = run_limit(x) - cpu->icount;
    struct tblock *tb = x->single_only ? NULL : code_cache_lookup(pc, kind);
    if (!tb) {
        if (!tr_fetchable(pc)) {
            fault_note_segv(pc); /* prefetch abort */
            *stop = stop_signal(x, SIGSEGV);
            return NULL;
        }
        if (!x->single_only)
            tb = translate_block(pc, kind);
    }
    /* The budget ends inside this block: run its first instruction alone. */
    if (x->single_only || tb->ninsns > left) {
        tb = code_cache_lookup(pc, kind | TB_SINGLE);
        if (!tb)
            tb = translate_block(pc, kind | TB_SINGLE);
        x->chain_from = NULL;
    }
    return tb;
}

/* Chains the block that just exited to tb, or fills the jump cache. */
static void link_block(struct run_ctx *x, struct tblock *tb)
{
    if (x->chain_from && x->generation == cc.generation && chain_cut_note(x->chain_from))
        x_patch_rel32(x->chain_from, tb->host);
    else if (!(tb->kind & TB_SINGLE))
        code_cache_jc_fill(tb);
    x->generation = cc.generation;
}

/* Runs tb with fault recovery (recording): a guest fault pops back to the
 * start of the faulting block, then the loop steps one instruction at a
 * time until it recurs. Returns the exit value, or 0 with *recovered set.
 * Without records (a query's replay) the run is abandoned instead. */
static uintptr_t enter_recoverable(struct run_ctx *x, struct tblock *tb, int *stop, bool *recovered)
{
    static sigjmp_buf env;
    struct arm_cpu *cpu = x->cpu;
    *recovered = false;
    /* No signal mask saved: that would be a syscall per block; the recovery
     * path unblocks the fault signals itself. */
    if (sigsetjmp(env, 0)) {
        /* A guest fault inside translated code or a helper. */
        fault_disarm();
        sigset_t faults;
        sigemptyset(&faults);
        sigaddset(&faults, SIGSEGV);
        sigaddset(&faults, SIGBUS);
        sigprocmask(SIG_UNBLOCK, &faults, NULL);
        *recovered = true;
        x->chain_from = NULL;
        x->generation = cc.generation;
        if (!translate_recording()) { /* no records to rewind with */
            *stop = RUN_ABANDONED;
            return 0;
        }
        bool exact = rewind_faulting_block(cpu) && x->single_only;
        if (exact) {
            *stop = stop_signal(x, fault_last_signal());
            return 0;
        }
        x->single_only = true;
        x->single_until = cpu->icount + 64;
        *stop = RUN_GO_ON;
        return 0;
    }
    fault_arm(&env, cpu);
    uintptr_t r = cc.enter(cpu, tb->host);
    fault_disarm();
    return r;
}

enum run_stop runtime_run_until(struct arm_cpu *cpu, uint64_t stop_at, unsigned flags, int *sig)
{
    struct run_ctx x = {.cpu = cpu, .stop_at = stop_at, .flags = flags, .sig = sig,
                        .generation = cc.generation};
    for (;;) {
        if (proc->exited)
            return proc->fatal_signal ? (enum run_stop)stop_signal(&x, proc->fatal_signal) : RUN_EXITED;
        /* Threads switch before the count is reported as reached: the state
         * at a count is the one after its scheduling point. */
        if (thread_sched_due(cpu)) {
            int s = schedule(&x);
            if (s != RUN_GO_ON)
                return (enum run_stop)s;
            continue;
        }
        if (cpu->icount >= stop_at)
            return RUN_REACHED;
        bool delivered;
        int due = deliver_due(&x, &delivered);
        if (due != RUN_GO_ON)
            return (enum run_stop)due;
        if (delivered)
            continue;
        /* The indirect-branch table serves one FPSCR mode at a time. */
        code_cache_jc_mode(cpu->fpscr);
        bool handled;
        int stop = before_fetch(&x, &handled);
        if (stop != RUN_GO_ON)
            return (enum run_stop)stop;
        if (handled)
            continue;
        struct tblock *tb = block_to_run(&x, &stop);
        if (!tb)
            return (enum run_stop)stop;
        link_block(&x, tb);
        if (log_enabled(LOG_EXEC))
            log_printf("Trace: [%08x]\n", cpu->r[15]);

        cpu->budget = x.single_only ? cpu->icount + 1 : run_limit(&x);
        uintptr_t r;
        if (translate_recording() || translate_query()) {
            bool recovered;
            r = enter_recoverable(&x, tb, &stop, &recovered);
            if (recovered) {
                if (stop != RUN_GO_ON)
                    return (enum run_stop)stop;
                continue;
            }
        } else {
            /* A signal that arrived in the dispatcher is taken first; from
             * here on the handler cuts the chains itself (chain_cut.h). */
            chain_cut_guest_running(true);
            if (plain_run && guest_signals_arrived()) {
                chain_cut_guest_running(false);
                x.chain_from = NULL;
                continue;
            }
            r = cc.enter(cpu, tb->host);
            chain_cut_guest_running(false);
        }
        x.chain_from = NULL;
        if (r >= 4096) {
            /* -d exec wants to see every block; single-step blocks are
             * never chained from or to. */
            if (!log_enabled(LOG_EXEC) && !(tb->kind & TB_SINGLE) && !x.single_only)
                x.chain_from = (uint8_t *)r;
            continue;
        }
        stop = handle_exit(&x, (enum exit_reason)r);
        if (stop != RUN_GO_ON)
            return (enum run_stop)stop;
    }
}

void runtime_run(struct arm_cpu *cpu)
{
    plain_run = true;
    guest_signals_on_arrival(chain_cut_now);
    for (;;) {
        int sig = 0;
        enum run_stop r = runtime_run_until(cpu, UINT64_MAX, 0, &sig);
        if (r != RUN_SIGNAL || proc->fatal_signal)
            return; /* the caller acts on p->exited / p->fatal_signal */
        /* A fault, undefined instruction or BKPT: the guest's handler takes
         * it (delivered at the top of the loop), or it dies of it. */
        struct guest_fault f = fault_last();
        if (!signal_take_fault(cpu, proc, sig, &f))
            runtime_die_of_signal(sig);
    }
}
