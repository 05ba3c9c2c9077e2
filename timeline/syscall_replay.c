/* How an SVC is served while recording: live at the end of history (the
 * result and every byte the kernel wrote go to the replay log; pre-images go
 * to the undo log), replayed from the log in the recorded past (nothing
 * outside the guest is touched: output is not printed again, input is not
 * read again). Syscalls that only change the guest's own memory map or TLS
 * are executed again when replayed, which reproduces them exactly because
 * the map allocator's state is part of what stepping back restores. */
#include "timeline/syscall_replay.h"
#include "linux/guest_ident.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "linux/syscall.h"
#include "linux/syscall_table.h"
#include "snapshots/snapshots.h"
#include "linux/thread_sched.h"
#include "timeline/replay_log.h"
#include "timeline/thread_replay.h"
#include "translator/runtime.h"
#include "translator/translate.h"
#include "undo/undo_ring.h"

#define NR_brk 45u
#define NR_munmap 91u
#define NR_mprotect 125u
#define NR_mremap 163u
#define NR_mmap2 192u
#define NR_exit 1u
#define NR_exit_group 248u
#define NR_clone 120u
#define NR_sched_yield 158u
#define NR_tkill 238u
#define NR_futex 240u
#define NR_set_tid_address 256u
#define NR_tgkill 268u
#define NR_set_robust_list 338u
#define NR_futex_time64 422u

static struct arm_cpu *hook_cpu;

static volatile sig_atomic_t debugger_poked;
static bool interrupt_armed;

static void on_sigio(int sig)
{
    (void)sig;
    debugger_poked = 1;
}

void syscall_replay_interrupt_on(int fd)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigio; /* no SA_RESTART: a blocking syscall returns EINTR */
    sigaction(SIGIO, &sa, NULL);
    guest_signals_host_reserve(SIGIO);
    fcntl(fd, F_SETOWN, getpid());
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC);
    interrupt_armed = true;
}

void syscall_replay_interrupt_clear(void)
{
    if (!interrupt_armed)
        return;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    struct timespec zero = {0, 0};
    while (sigtimedwait(&set, NULL, &zero) == SIGIO) {
    }
    debugger_poked = 0;
}

/* Runs the live syscall with SIGIO let through: EINTR after a SIGIO means
 * the debugger wants the guest (the syscall did not happen). */
static bool live_interruptibly(struct arm_cpu *cpu, struct linux_proc *p)
{
    if (!interrupt_armed) {
        runtime_syscall_live(cpu, p);
        return true;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    bool ran = !debugger_poked;
    if (ran)
        runtime_syscall_live(cpu, p);
    sigprocmask(SIG_BLOCK, &set, NULL);
    if (!ran || (cpu->r[0] == (uint32_t)-EINTR && debugger_poked)) {
        debugger_poked = 0;
        return false;
    }
    return true;
}
static syscall_replay_child_fn *child_fn;

void syscall_replay_on_child(syscall_replay_child_fn *fn) { child_fn = fn; }

/* Before the kernel (or a handler) writes guest bytes: save the pre-image
 * for stepping back, and note the range for the replay log. */
static void on_write(void *ctx, uint32_t addr, uint32_t len)
{
    (void)ctx;
    snapshots_note_write(addr, len);
    undo_push_mem(hook_cpu, addr, len);
    replay_log_add_range(addr, len);
}

/* Run again when replayed: they only change the guest's own map, TLS
 * register, threads and futexes (the scheduler's table), or end it (exit
 * marks the process or the thread as exited, nothing more). */
static bool reexecuted(const struct arm_cpu *cpu, uint32_t nr, const struct syscall_desc *d)
{
    if ((d && (d->flags & SYSF_MAP)) || nr == ARM_NR_set_tls || nr == NR_exit || nr == NR_exit_group)
        return true;
    switch (nr) {
    case NR_clone: return (cpu->r[0] & CLONE_THREAD) != 0;
    case NR_futex: case NR_futex_time64: case NR_set_tid_address: case NR_set_robust_list: case NR_sched_yield:
        return true;
    case NR_tkill: return thread_slot_of_tid((int32_t)cpu->r[0]) >= 0;
    case NR_tgkill: return (int32_t)cpu->r[0] == guest_pid() && thread_slot_of_tid((int32_t)cpu->r[1]) >= 0;
    default: return false;
    }
}

/* Syscalls that may change the thread table: its pre-image is taken around
 * them (an undo record if they did). */
static bool touches_threads(const struct arm_cpu *cpu)
{
    return guest_threads_multi() || (cpu->r[7] == NR_clone && (cpu->r[0] & CLONE_THREAD));
}

/* The part of the map a syscall may change, known before it runs. */
struct map_change {
    bool any;
    uint32_t addr, npages;
    uint8_t *old;
    uint32_t old_brk, old_next;
};

static uint32_t page_up(uint64_t a) { return (uint32_t)((a + GUEST_PAGE_MASK) & ~(uint64_t)GUEST_PAGE_MASK); }

static void capture_range(struct map_change *m, uint32_t addr, uint64_t len, bool save_bytes)
{
    if (len == 0 || (uint64_t)addr + len > GUEST_MMAP_TOP)
        return;
    m->any = true;
    m->addr = addr & ~GUEST_PAGE_MASK;
    m->npages = (uint32_t)((page_up((uint64_t)addr + len) - m->addr) / GUEST_PAGE_SIZE);
    m->old = malloc(m->npages ? m->npages : 1);
    if (!m->old) {
        fprintf(stderr, "backstep: out of memory recording a memory map change\n");
        exit(1);
    }
    for (uint32_t i = 0; i < m->npages; i++) {
        uint32_t a = m->addr + i * GUEST_PAGE_SIZE;
        m->old[i] = guest_page_flags(a);
        /* Bytes of pages that may go away or be replaced. */
        if (save_bytes && (m->old[i] & GUEST_PAGE_MAPPED)) {
            snapshots_note_write(a, GUEST_PAGE_SIZE);
            undo_push_mem(hook_cpu, a, GUEST_PAGE_SIZE);
        }
    }
}

static void before_map(struct arm_cpu *cpu, struct linux_proc *p, struct map_change *m)
{
    uint32_t nr = cpu->r[7], a0 = cpu->r[0], a1 = cpu->r[1];
    memset(m, 0, sizeof *m);
    m->old_brk = p->brk_cur;
    m->old_next = guest_mmap_next_start();
    switch (nr) {
    case NR_mmap2:
        if (cpu->r[3] & MAP_FIXED)
            capture_range(m, a0, a1, true);
        break;
    case NR_munmap:
        capture_range(m, a0, a1, true);
        break;
    case NR_mprotect:
        capture_range(m, a0, a1, false);
        break;
    case NR_brk: {
        m->any = true; /* brk_cur itself may change */
        /* Below the start of the heap (brk(0) asks where the break is)
         * nothing changes (sys_brk): no pages to save. Counting from 0
         * would save every mapped page below the heap. */
        if (a0 < p->brk_start)
            break;
        uint32_t lo = page_up(p->brk_cur), hi = page_up(a0);
        if (hi < lo) {
            uint32_t t = lo;
            lo = hi;
            hi = t;
        }
        capture_range(m, lo, hi - lo, true);
        break;
    }
    default:
        break;
    }
}

static void after_map(struct arm_cpu *cpu, struct map_change *m, uint32_t result)
{
    uint32_t nr = cpu->r[7];
    if (nr == NR_mremap) {
        undo_push_barrier(cpu);
        return;
    }
    if (nr == NR_mmap2 && !(m->any) && result < 0xfffff001u) {
        /* A fresh range: every page of it was unmapped before. */
        uint32_t npages = page_up(cpu->r[1]) / GUEST_PAGE_SIZE;
        uint8_t *zero = calloc(npages ? npages : 1, 1);
        if (!zero) {
            fprintf(stderr, "backstep: out of memory recording a memory map change\n");
            exit(1);
        }
        undo_push_map(cpu, result, npages, zero, m->old_brk, m->old_next);
        free(zero);
        return;
    }
    if (m->any)
        undo_push_map(cpu, m->addr, m->npages, m->old, m->old_brk, m->old_next);
    free(m->old);
}

static _Noreturn void diverged(struct arm_cpu *cpu, const char *what)
{
    fprintf(stderr, "backstep: replay diverged at instruction %llu (pc 0x%08x): %s\n",
            (unsigned long long)cpu->icount, cpu->r[15], what);
    exit(1);
}

/* mmap2 of a file, replayed: the file may be gone or changed, so the pages
 * come from the log (recorded at the live call) into an anonymous mapping,
 * placed by the same allocator decision (same hint and flags on the same
 * map, so the same address and the same search state afterwards). */
static bool replay_file_mmap(struct arm_cpu *cpu, const struct replay_entry *e)
{
    uint32_t flags = cpu->r[3];
    if (cpu->r[7] != NR_mmap2 || (flags & MAP_ANONYMOUS) || e->result >= 0xfffff001u)
        return false;
    uint32_t prot = cpu->r[2], len = cpu->r[1];
    int anon = (int)((flags & ~(uint32_t)(MAP_SHARED | MAP_SHARED_VALIDATE)) | MAP_PRIVATE | MAP_ANONYMOUS);
    int64_t r = guest_mmap(cpu->r[0], len, PROT_READ | PROT_WRITE, anon, -1, 0);
    if (r != (int64_t)e->result)
        diverged(cpu, "a file mapping could not be placed where it was");
    for (uint32_t i = 0; i < e->nranges; i++) {
        struct replay_range rr;
        const uint8_t *bytes = replay_range_at(e, i, &rr);
        /* The live call logged the whole pages (page_up(len)). */
        if (rr.addr >= e->result && (uint64_t)rr.addr + rr.len <= (uint64_t)e->result + page_up(len))
            memcpy(g2h(rr.addr), bytes, rr.len);
    }
    guest_mprotect(e->result, len, (int)prot);
    cpu->r[0] = e->result;
    return true;
}

/* Puts logged bytes into guest memory (saving pre-images first). */
static void apply_ranges(struct arm_cpu *cpu, const struct replay_entry *e)
{
    for (uint32_t i = 0; i < e->nranges; i++) {
        struct replay_range rr;
        const uint8_t *bytes = replay_range_at(e, i, &rr);
        undo_push_mem(cpu, rr.addr, rr.len);
        for (uint32_t k = 0; k < rr.len;) {
            uint32_t a = rr.addr + k;
            uint32_t n = GUEST_PAGE_SIZE - (a & GUEST_PAGE_MASK);
            if (n > rr.len - k)
                n = rr.len - k;
            if (guest_range_ok(a, n, PROT_WRITE))
                memcpy(g2h(a), bytes + k, n);
            k += n;
        }
    }
}

/* After a live syscall: signals that arrived from outside meanwhile join
 * the guest's state here (so they are logged), and a change of the signal
 * state is an undo record (before: a copy from before the syscall) and a
 * log entry after the syscall's own. */
static bool sigstate_changed(struct arm_cpu *cpu, struct linux_proc *p, const struct guest_sigstate *before)
{
    guest_signals_collect(p);
    bool fatal = p->exited && p->fatal_signal;
    if (!fatal && !memcmp(before, &p->sig, sizeof *before))
        return false;
    undo_push_sigstate(cpu, before);
    return true;
}

static void log_sigstate(struct arm_cpu *cpu, struct linux_proc *p)
{
    replay_log_begin(REPLAY_SIGSTATE, cpu->icount, cpu->r[7]);
    replay_log_add_bytes(0, &p->sig, sizeof p->sig);
    replay_log_commit(p->exited ? (uint32_t)p->fatal_signal : 0);
}

/* Replayed: the signal state the live run logged after this syscall
 * (before: the state before the syscall, which a re-executed one may have
 * changed already). */
static void replay_sigstate(struct arm_cpu *cpu, struct linux_proc *p, const struct guest_sigstate *before)
{
    const struct replay_entry *e = replay_log_peek();
    if (!e || e->kind != REPLAY_SIGSTATE || e->icount != cpu->icount)
        return;
    struct replay_range rr;
    const uint8_t *bytes = replay_range_at(e, 0, &rr);
    if (e->nranges != 1 || rr.len != sizeof p->sig)
        diverged(cpu, "a signal state entry of the wrong size");
    undo_push_sigstate(cpu, before);
    memcpy(&p->sig, bytes, sizeof p->sig);
    guest_signals_host_sync(p);
    if (e->result) {
        p->fatal_signal = (int)e->result;
        p->exited = true;
    }
    replay_log_advance();
}

static void replay_one(struct arm_cpu *cpu, struct linux_proc *p, const struct replay_entry *e)
{
    uint32_t nr = cpu->r[7];
    const struct syscall_desc *d = syscall_lookup(nr);
    if (e->kind != REPLAY_SYSCALL || e->icount != cpu->icount || e->nr != nr || e->tid != guest_threads.current) {
        char what[128];
        snprintf(what, sizeof what, "syscall %u now, the log has syscall %u at instruction %llu", nr, e->nr,
                 (unsigned long long)e->icount);
        diverged(cpu, what);
    }
    undo_push_cpu(cpu, replay_log_cursor());
    static struct guest_sigstate before;
    before = p->sig;
    if (reexecuted(cpu, nr, d)) {
        struct map_change m;
        before_map(cpu, p, &m);
        if (!replay_file_mmap(cpu, e)) {
            syscall_set_write_hook(on_write, NULL);
            runtime_syscall_live(cpu, p);
            syscall_set_write_hook(NULL, NULL);
        }
        /* As live: a saved recording replays its frontier with snapshot
         * protection armed (a no-op when it is not). */
        if (m.any)
            snapshots_after_map_change(m.addr, m.npages * GUEST_PAGE_SIZE);
        if (nr == NR_mremap && cpu->r[0] < 0xfffff001u)
            snapshots_after_map_change(cpu->r[0], cpu->r[2]);
        after_map(cpu, &m, cpu->r[0]);
        uint32_t got = p->syscall_parked ? (uint32_t)GUEST_SYSCALL_PARKED : cpu->r[0];
        if (got != e->result) {
            char what[128];
            snprintf(what, sizeof what, "syscall %u gave 0x%x when run again, the recording 0x%x", nr, got, e->result);
            diverged(cpu, what);
        }
    } else {
        apply_ranges(cpu, e);
        if (e->result == (uint32_t)GUEST_SYSCALL_PARKED)
            p->syscall_parked = true; /* it waited: r0 keeps its argument */
        else
            cpu->r[0] = e->result;
    }
    replay_log_advance();
    replay_sigstate(cpu, p, &before);
    if (p->syscall_parked)
        thread_replay_apply_park(cpu);
}

static syscall_replay_watch_fn *watch_fn;

void syscall_replay_set_watch(syscall_replay_watch_fn *fn) { watch_fn = fn; }

static void live_one(struct arm_cpu *cpu, struct linux_proc *p)
{
    if (watch_fn && watch_fn()) {
        p->syscall_interrupted = true; /* nothing pushed or logged yet */
        return;
    }
    uint32_t nr = cpu->r[7];
    const struct syscall_desc *d = syscall_lookup(nr);
    undo_push_cpu(cpu, replay_log_cursor());
    replay_log_begin(REPLAY_SYSCALL, cpu->icount, nr);
    struct map_change m = {0};
    bool map = d && (d->flags & SYSF_MAP);
    if (map)
        before_map(cpu, p, &m);
    pid_t me = getpid();
    struct guest_sigstate before = p->sig;
    syscall_set_write_hook(on_write, NULL);
    bool done = live_interruptibly(cpu, p);
    syscall_set_write_hook(NULL, NULL);
    if (!done) {
        /* Not happened: the engine steps back over the SVC (undoing the
         * records pushed here) and reports the interrupt. */
        replay_log_abandon();
        if (map)
            free(m.old);
        p->syscall_interrupted = true;
        return;
    }
    if (getpid() != me) {
        /* A guest fork/vfork/clone child: it runs on its own, not recorded
         * and not debugged (as gdbserver without follow-fork); the log is
         * the parent's (and shared): the child must not append to it. */
        replay_log_abandon();
        if (child_fn)
            child_fn(cpu, p);
        return;
    }
    if (map) {
        if (nr == NR_mmap2 && !(cpu->r[3] & MAP_ANONYMOUS) && cpu->r[0] < 0xfffff001u)
            replay_log_add_range(cpu->r[0], page_up(cpu->r[1]));
        if (m.any)
            snapshots_after_map_change(m.addr, m.npages * GUEST_PAGE_SIZE);
        if (nr == NR_mremap && cpu->r[0] < 0xfffff001u)
            snapshots_after_map_change(cpu->r[0], cpu->r[2]);
        after_map(cpu, &m, cpu->r[0]);
    }
    bool sig_changed = sigstate_changed(cpu, p, &before);
    replay_log_commit(p->syscall_parked ? (uint32_t)GUEST_SYSCALL_PARKED : cpu->r[0]);
    if (sig_changed)
        log_sigstate(cpu, p);
    if (p->syscall_parked)
        thread_replay_log_park(cpu);
    if (watch_fn && watch_fn())
        p->syscall_stop = true;
}

static bool diverted;

void syscall_replay_set_diverted(bool on) { diverted = on; }

/* What a diversion may not do: end or fork the process, run another
 * program, signal anyone, wait for another thread or a child (the
 * diversion runs its thread alone). */
static bool refused_in_diversion(uint32_t nr)
{
    switch (nr) {
    case NR_exit: case NR_exit_group: case 2: /* fork */ case 190: /* vfork */ case NR_clone: case 11: /* execve */
    case 37: /* kill */ case NR_tkill: case NR_tgkill: case NR_futex: case NR_futex_time64: case 114: /* wait4 */
    case 280: /* waitid */ case 29: /* pause */ case 179: /* rt_sigsuspend */ case 177: /* rt_sigtimedwait */
        return true;
    default:
        return false;
    }
}

/* A syscall in a diversion: run for real, its effects on the guest undone
 * when the diversion ends (undo records), nothing logged. */
static void divert_one(struct arm_cpu *cpu, struct linux_proc *p)
{
    uint32_t nr = cpu->r[7];
    if (refused_in_diversion(nr)) {
        cpu->r[0] = (uint32_t)-EPERM;
        return;
    }
    const struct syscall_desc *d = syscall_lookup(nr);
    undo_push_cpu(cpu, replay_log_cursor());
    struct map_change m = {0};
    bool map = d && (d->flags & SYSF_MAP);
    if (map)
        before_map(cpu, p, &m);
    struct guest_sigstate before = p->sig;
    syscall_set_write_hook(on_write, NULL);
    runtime_syscall_live(cpu, p);
    syscall_set_write_hook(NULL, NULL);
    if (map) {
        if (m.any)
            snapshots_after_map_change(m.addr, m.npages * GUEST_PAGE_SIZE);
        after_map(cpu, &m, cpu->r[0]);
    }
    if (memcmp(&before, &p->sig, sizeof before))
        undo_push_sigstate(cpu, &before);
}

static void serve(struct arm_cpu *cpu, struct linux_proc *p)
{
    hook_cpu = cpu;
    if (diverted) {
        divert_one(cpu, p);
        return;
    }
    bool threads = touches_threads(cpu);
    if (threads)
        thread_change_begin(cpu, p);
    const struct replay_entry *e = replay_log_peek();
    if (e)
        replay_one(cpu, p, e);
    else if (replay_log_read_only())
        diverged(cpu, "a syscall after the last one the saved recording holds");
    else
        live_one(cpu, p);
    if (threads && !p->syscall_interrupted)
        thread_change_end(cpu);
}

void syscall_replay_install(void)
{
    runtime_set_syscall_fn(serve);
    thread_replay_install();
}
