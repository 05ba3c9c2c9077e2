/* The scheduling point and switching (see thread_sched.h). Everything here
 * decides from the table, the guest's state and, for what comes from
 * outside (time, fd readiness), from what the hooks log or replay, so the
 * same recording always gives the same interleaving. */
#include "linux/thread_sched.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"

static struct thread_sched_hooks hooks;
uint32_t thread_sched_orig_r0;
bool thread_sched_frozen;

void thread_sched_freeze(bool on) { thread_sched_frozen = on; }

void thread_sched_set_hooks(const struct thread_sched_hooks *h)
{
    if (h)
        hooks = *h;
    else
        memset(&hooks, 0, sizeof hooks);
}

/* The architectural part of struct arm_cpu: everything before icount (the
 * run-control fields and scratch stay with the running CPU). */
#define ARCH_BYTES offsetof(struct arm_cpu, icount)

/* CLREX on every switch: a thread's exclusive monitor does not survive
 * another thread running (the kernel clears it on a context switch). */
static void clear_exclusive(struct arm_cpu *c)
{
    c->excl_addr = 0;
    c->excl_valid = 0;
    c->excl_size = 0;
    c->excl_val = 0;
}

void thread_ctx_capture(struct guest_thread_ctx *out, const struct arm_cpu *cpu, const struct linux_proc *p)
{
    memset(out, 0, sizeof *out);
    memcpy(&out->cpu, cpu, ARCH_BYTES);
    out->blocked = p->sig.blocked;
    out->saved_mask = p->sig.saved_mask;
    out->has_saved_mask = p->sig.has_saved_mask;
    out->altstack = p->sig.altstack;
}

static void ctx_load(struct arm_cpu *cpu, struct linux_proc *p, const struct guest_thread_ctx *c)
{
    memcpy(cpu, &c->cpu, ARCH_BYTES);
    p->sig.blocked = c->blocked;
    p->sig.saved_mask = c->saved_mask;
    p->sig.has_saved_mask = c->has_saved_mask;
    p->sig.altstack = c->altstack;
    p->tls = cpu->tpidruro;
    guest_signals_host_sync(p);
}

/* Saves the running thread into its slot (its exclusive monitor cleared:
 * slots never hold one, so a slot's bytes depend only on the thread). */
static void save_running(struct arm_cpu *cpu, struct linux_proc *p)
{
    struct guest_thread_ctx *c = &guest_thread_ctx[guest_threads.current];
    thread_ctx_capture(c, cpu, p);
    clear_exclusive(&c->cpu);
}

/* Thread-directed signals (tgkill) wait in the thread's entry; while it
 * runs they are in p->sig.pending, where delivery, sigpending and
 * rt_sigtimedwait look, and cur_thread_pending says which bits are its own. */
static void switch_to(struct arm_cpu *cpu, struct linux_proc *p, uint32_t next)
{
    if (next != guest_threads.current) {
        uint64_t mine = p->sig.pending & guest_threads.cur_thread_pending;
        guest_threads.t[guest_threads.current].pending |= mine;
        p->sig.pending &= ~mine;
        save_running(cpu, p);
        guest_threads.current = next;
        ctx_load(cpu, p, &guest_thread_ctx[next]);
        guest_threads.cur_thread_pending = guest_threads.t[next].pending;
        p->sig.pending |= guest_threads.t[next].pending;
        guest_threads.t[next].pending = 0;
    }
    clear_exclusive(cpu);
}

void thread_sched_restore(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx_pre,
                          const struct guest_thread_ctx *in_pre, const struct guest_threads *pre)
{
    uint32_t pre_nslots = pre->nslots;
    struct linux_proc *p = &guest_proc;
    /* The thread that came in gets its slot back byte for byte (its wait's
     * result went into r0 when it came in); the one that goes back to
     * running leaves a stale slot, which nothing reads. */
    if (pre->current != guest_threads.current && in_pre)
        guest_thread_ctx[guest_threads.current] = *in_pre;
    uint32_t now_nslots = guest_threads.nslots;
    memcpy(&guest_threads, pre, guest_threads_image_len(pre_nslots));
    for (uint32_t i = pre_nslots; i < now_nslots && i < GUEST_MAX_THREADS; i++)
        memset(&guest_threads.t[i], 0, sizeof guest_threads.t[i]);
    ctx_load(cpu, p, ctx_pre);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t blocked_of(uint32_t i, const struct linux_proc *p)
{
    return i == guest_threads.current ? p->sig.blocked : guest_thread_ctx[i].blocked;
}

static bool waiting(const struct guest_thread_sched *t) { return t->state == GTS_FUTEX || t->state == GTS_SYSCALL; }

static void wake_with(struct guest_thread_sched *t, uint32_t result)
{
    t->state = GTS_RUNNABLE;
    t->has_result = 1;
    t->result = result;
    t->rerun = 0;
    t->deadline_ns = 0;
}

/* A signal the thread does not block ends its wait (EINTR; the runtime
 * applies SA_RESTART when it runs). Deterministic: the pending sets are
 * part of the recorded state. */
/* The guest's sigset at addr (two words), 0 if unreadable. */
static uint64_t guest_sigset_at(uint32_t addr)
{
    uint32_t w[2];
    if (!guest_range_ok(addr, 8, PROT_READ))
        return 0;
    memcpy(w, g2h(addr), 8);
    return (uint64_t)w[0] | (uint64_t)w[1] << 32;
}

bool thread_serving_timed_out;
/* Slots whose parked poll/select timed out (live): served without waiting.
 * Not part of the table (a replay serves them from the log). */
static bool timed_out[GUEST_MAX_THREADS];

static void wake_by_signals(const struct linux_proc *p)
{
    uint64_t process = p->sig.pending & ~guest_threads.cur_thread_pending;
    for (uint32_t i = 0; i < guest_threads.nslots; i++) {
        struct guest_thread_sched *t = &guest_threads.t[i];
        if (!waiting(t))
            continue;
        uint64_t pend = process | t->pending;
        if (t->state == GTS_SYSCALL && t->wait_fd == WAIT_SIGSET && (pend & guest_sigset_at(t->wait_ptr))) {
            /* sigwait's signal came: served again, it takes it */
            t->state = GTS_RUNNABLE;
            t->rerun = 1;
            t->deadline_ns = 0;
        } else if (pend & ~blocked_of(i, p)) {
            wake_with(t, (uint32_t)-EINTR);
        }
    }
}

/* Live: waits that time or the outside world ended. Timeouts carry their
 * result and are logged; a parked syscall whose fd is ready is served again
 * (its own log entry records what it did). */
static void wake_live(const struct arm_cpu *cpu)
{
    uint64_t now = 0;
    for (uint32_t i = 0; i < guest_threads.nslots; i++) {
        struct guest_thread_sched *t = &guest_threads.t[i];
        if (!waiting(t))
            continue;
        if (t->deadline_ns) {
            if (!now)
                now = now_ns();
            if (now >= t->deadline_ns) {
                uint32_t nr = guest_thread_ctx[i].cpu.r[7];
                if (t->state == GTS_SYSCALL && (t->wait_fd == WAIT_POLL || t->wait_fd == WAIT_SELECT)) {
                    /* poll and select write their sets and the remaining
                     * time at a timeout: served again, without waiting. */
                    t->state = GTS_RUNNABLE;
                    t->rerun = 1;
                    t->deadline_ns = 0;
                    timed_out[i] = true;
                    continue;
                }
                /* A futex wait times out; a sleep or epoll_wait's timeout
                 * is over; rt_sigtimedwait gives up with EAGAIN. */
                uint32_t r = t->state == GTS_FUTEX ? (uint32_t)-ETIMEDOUT
                             : nr == 177 || nr == 421 ? (uint32_t)-EAGAIN
                                                      : 0;
                wake_with(t, r);
                if (hooks.log_wake)
                    hooks.log_wake(cpu->icount, i, guest_thread_ctx[i].cpu.r[7], r);
                continue;
            }
        }
        if (t->state != GTS_SYSCALL)
            continue;
        bool ready = false;
        if (t->wait_fd >= 0) {
            struct pollfd pf = {.fd = t->wait_fd, .events = (short)t->wait_events};
            ready = poll(&pf, 1, 0) != 0;
        } else if (t->wait_fd == WAIT_POLL) {
            ready = thread_poll_array_ready(t->wait_ptr, t->wait_n);
        } else if (t->wait_fd == WAIT_CHILD) {
            ready = thread_child_ready(t->wait_ptr, t->wait_n);
        } else if (t->wait_fd == WAIT_SELECT) {
            const uint32_t *r = guest_thread_ctx[i].cpu.r;
            ready = thread_select_ready(r[0], r[1], r[2], r[3]);
        }
        {
            if (ready) {
                t->state = GTS_RUNNABLE;
                t->rerun = 1;
                t->deadline_ns = 0;
            }
        }
    }
}

static void wake_replayed(const struct arm_cpu *cpu)
{
    uint32_t slot, result;
    bool rerun;
    while (hooks.logged_wake(cpu->icount, &slot, &rerun, &result)) {
        if (slot >= guest_threads.nslots)
            return;
        struct guest_thread_sched *t = &guest_threads.t[slot];
        if (rerun) {
            t->state = GTS_RUNNABLE;
            t->rerun = 1;
            t->deadline_ns = 0;
            return; /* its entry is consumed by serving it */
        }
        wake_with(t, result);
    }
}

static int pick_next(const struct arm_cpu *cpu)
{
    for (uint32_t i = 0; i < guest_threads.nslots; i++)
        if (guest_threads.t[i].state == GTS_RUNNABLE && guest_threads.t[i].rerun)
            return (int)i;
    uint32_t cur = guest_threads.current;
    if (guest_threads.t[cur].state == GTS_RUNNABLE && cpu->icount < guest_threads.slice_end)
        return (int)cur;
    for (uint32_t k = 1; k <= guest_threads.nslots; k++) {
        uint32_t i = (cur + k) % guest_threads.nslots;
        if (guest_threads.t[i].state == GTS_RUNNABLE)
            return (int)i;
    }
    return -1;
}

/* Nothing can run: wait for an fd, a deadline or a signal (the noting host
 * handlers interrupt poll). max_ms < 0: no limit besides the deadlines. */
static void idle_wait(int max_ms)
{
    struct pollfd fds[GUEST_MAX_THREADS];
    unsigned n = 0;
    uint64_t deadline = 0;
    bool recheck = false; /* waits poll cannot watch here: look again soon */
    for (uint32_t i = 0; i < guest_threads.nslots; i++) {
        const struct guest_thread_sched *t = &guest_threads.t[i];
        if (!waiting(t))
            continue;
        if (t->deadline_ns && (!deadline || t->deadline_ns < deadline))
            deadline = t->deadline_ns;
        if (t->state == GTS_SYSCALL && t->wait_fd >= 0)
            fds[n++] = (struct pollfd){.fd = t->wait_fd, .events = (short)t->wait_events};
        if (t->state == GTS_SYSCALL && (t->wait_fd == WAIT_POLL || t->wait_fd == WAIT_SELECT || t->wait_fd == WAIT_CHILD))
            recheck = true;
    }
    int ms = max_ms;
    if (recheck && (ms < 0 || ms > 5))
        ms = 5;
    if (deadline) {
        uint64_t now = now_ns();
        int64_t left = deadline > now ? (int64_t)((deadline - now + 999999u) / 1000000u) : 0;
        if (ms < 0 || left < ms)
            ms = (int)left;
    }
    if (guest_signals_arrived())
        return;
    poll(n ? fds : NULL, n, ms);
}

/* The pre-images of the change in progress. */
static struct guest_thread_ctx ctx_pre;
static struct guest_threads pre;
static uint64_t cursor_pre;

void thread_change_begin(struct arm_cpu *cpu, struct linux_proc *p)
{
    thread_ctx_capture(&ctx_pre, cpu, p);
    memcpy(&pre, &guest_threads, guest_threads_image_len(guest_threads.nslots));
    cursor_pre = hooks.cursor ? hooks.cursor() : 0;
}

void thread_change_end(struct arm_cpu *cpu)
{
    /* Nothing to undo if neither the table nor the running thread changed
     * (the thread's own registers are the syscall's to restore). */
    if (pre.nslots == guest_threads.nslots && !memcmp(&pre, &guest_threads, guest_threads_image_len(pre.nslots)))
        return;
    if (hooks.changed)
        hooks.changed(cpu, &ctx_pre, &pre, cursor_pre);
}

static struct guest_sigstate sig_pre;

/* The end of a scheduling point's change: the signal state too. */
static void point_end(struct arm_cpu *cpu, const struct linux_proc *p)
{
    if (hooks.sig_changed && memcmp(&sig_pre, &p->sig, sizeof sig_pre))
        hooks.sig_changed(cpu, &sig_pre);
    thread_change_end(cpu);
}

enum sched_outcome thread_sched_point(struct arm_cpu *cpu, struct linux_proc *p, bool may_wait_forever)
{
    thread_change_begin(cpu, p);
    sig_pre = p->sig;
    bool replaying = hooks.replaying && hooks.replaying();
    for (;;) {
        if (may_wait_forever && guest_signals_arrived())
            guest_signals_collect(p); /* a plain run takes signals itself */
        wake_by_signals(p);
        if (replaying)
            wake_replayed(cpu);
        else
            wake_live(cpu);
        int next = pick_next(cpu);
        if (next >= 0) {
            bool moved = (uint32_t)next != guest_threads.current;
            if (moved || cpu->icount >= guest_threads.slice_end)
                guest_threads.slice_end = cpu->icount + GUEST_THREAD_SLICE;
            switch_to(cpu, p, (uint32_t)next);
            struct guest_thread_sched *t = &guest_threads.t[next];
            enum sched_outcome out = TS_RUN;
            if (t->has_result) {
                thread_sched_orig_r0 = cpu->r[0];
                cpu->r[0] = t->result;
                t->has_result = 0;
                if (t->result == (uint32_t)-EINTR)
                    out = TS_RUN_EINTR;
            } else if (t->rerun) {
                t->rerun = 0;
                out = TS_SERVE;
                thread_serving_timed_out = timed_out[next] && !replaying;
            }
            timed_out[next] = false;
            point_end(cpu, p);
            return out;
        }
        if (replaying)
            replaying = hooks.replaying(); /* the log ended here: live from now on */
        if (replaying)
            return TS_IDLE; /* cannot happen in a faithful replay */
        idle_wait(may_wait_forever ? -1 : 20);
        if (!may_wait_forever) {
            /* Let the recorder look at the debugger and signals; the
             * changes made so far (timeouts logged) are kept. */
            point_end(cpu, p);
            return TS_IDLE;
        }
    }
}
