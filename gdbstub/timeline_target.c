/* See timeline_target.h. Writes are accepted only at the end of history: changing
 * the past would make the recorded future a lie, so there they fail with
 * EPERM (gdb: "Could not write register ...; remote failure reply 'E01'");
 * go forward to the end first (`continue` replays to it). */
#include "gdbstub/timeline_target.h"
#include "linux/guest_ident.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gdbstub/target_xml.h"
#include "gdbstub/timeline_files.h"
#include "gdbstub/timeline_threads.h"
#include "linux/guest_threads.h"
#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "timeline/diversion.h"
#include "timeline/engine.h"
#include "translator/breakpoints.h"
#include "translator/fault.h"
#include "translator/runtime.h"

#define MAX_TRACKED_BREAKS 4096 /* per kind; the translator holds 4096 in all */

struct timeline_target {
    /* Z1 addresses (also in the translator's set): a stop there is reported
     * as hwbreak. Z0 and Z1 at one address share the translator's entry. */
    uint32_t hw[MAX_TRACKED_BREAKS], sw[MAX_TRACKED_BREAKS];
    unsigned nhw, nsw;
    struct arm_cpu *cpu;
    struct linux_proc *proc;
    struct rsp_target_stop last;
    enum target_outcome outcome;
    int final_signal;
    /* The last stop was before delivering this pending signal, at this count. */
    bool pending_stop;
    uint64_t pending_stop_at;
    /* The exit stop (see resume): stopped before the SVC that ends the
     * program, at count exit_icount. */
    bool at_exit_stop;
    uint64_t exit_icount;
    uint8_t *auxv;
    size_t auxv_len;
    char exe[PATH_MAX];
};

struct timeline_target *timeline_target_create(struct arm_cpu *cpu, struct linux_proc *p, uint64_t undo_bytes)
{
    struct timeline_target *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cpu = cpu;
    t->proc = p;
    engine_init(cpu, p, undo_bytes);
    t->last.kind = RSP_TSTOP_SIGNAL;
    t->last.signal = SIGTRAP;
    /* The auxv as the program got it (the stack may be overwritten later). */
    t->auxv_len = p->auxv_len;
    t->auxv = malloc(p->auxv_len ? p->auxv_len : 1);
    if (t->auxv && guest_range_ok(p->auxv_addr, p->auxv_len, 0))
        memcpy(t->auxv, g2h(p->auxv_addr), p->auxv_len);
    else
        t->auxv_len = 0;
    if (!realpath(p->exe_path, t->exe))
        snprintf(t->exe, sizeof t->exe, "%s", p->exe_path);
    return t;
}

void timeline_target_destroy(struct timeline_target *t)
{
    if (!t)
        return;
    tf_close_all();
    free(t->auxv);
    free(t);
}

enum target_outcome timeline_target_outcome(const struct timeline_target *t) { return t->outcome; }
int timeline_target_final_signal(const struct timeline_target *t) { return t->final_signal; }

static void regs(void *tv, uint8_t *out)
{
    struct timeline_target *t = tv;
    tl_put_regs(t->cpu, out);
}

static size_t reg(void *tv, unsigned num, uint8_t *out)
{
    if (num >= RSP_REG_COUNT)
        return 0;
    uint8_t all[RSP_G_PACKET_BYTES];
    regs(tv, all);
    unsigned size = rsp_reg_size(num);
    memcpy(out, all + rsp_reg_offset(num), size);
    return size;
}

static int write_reg(void *tv, unsigned num, const uint8_t *val, size_t len)
{
    struct timeline_target *t = tv;
    if (num >= RSP_REG_COUNT || len != rsp_reg_size(num))
        return EINVAL;
    struct arm_cpu c = *t->cpu;
    uint32_t v = 0;
    if (len == 4)
        memcpy(&v, val, 4);
    if (num < 16) {
        c.r[num] = num == 15 ? v & ~1u : v;
        /* The T bit lives in CPSR: gdb writes pc even (and cpsr when the
         * state changes), as to gdbserver; an odd pc means Thumb. */
        if (num == 15 && (v & 1))
            c.thumb = 1;
    } else if (num == RSP_REG_CPSR) {
        arm_set_cpsr_flags(&c, v, 0xf80f0000u);
        c.thumb = (v >> 5) & 1;
    } else if (num == RSP_REG_FPSCR) {
        c.fpscr = v;
    } else {
        memcpy(&c.d[num - RSP_REG_D0], val, 8);
    }
    return diversion_write_cpu(&c);
}

static uint32_t read_mem(void *tv, uint32_t addr, uint8_t *out, uint32_t len)
{
    (void)tv;
    uint32_t done = 0;
    while (done < len) {
        uint32_t a = addr + done;
        uint8_t f = guest_page_flags(a);
        if (!(f & GUEST_PAGE_MAPPED) || !(f & (PROT_READ | PROT_EXEC)))
            break;
        uint32_t n = GUEST_PAGE_SIZE - (a & GUEST_PAGE_MASK);
        if (n > len - done)
            n = len - done;
        memcpy(out + done, g2h(a), n);
        done += n;
        if (a + n == 0) /* wrapped past 4 GiB */
            break;
    }
    return done;
}

static int write_mem(void *tv, uint32_t addr, const uint8_t *data, uint32_t len)
{
    (void)tv;
    if (!guest_range_ok(addr, len, 0))
        return EFAULT;
    return diversion_write_mem(addr, data, len);
}

static bool in_set(const uint32_t *set, unsigned n, uint32_t a)
{
    for (unsigned i = 0; i < n; i++)
        if (set[i] == a)
            return true;
    return false;
}

static bool set_add(uint32_t *set, unsigned *n, uint32_t a)
{
    if (in_set(set, *n, a))
        return true;
    if (*n == MAX_TRACKED_BREAKS)
        return false;
    set[(*n)++] = a;
    return true;
}

static void set_del(uint32_t *set, unsigned *n, uint32_t a)
{
    for (unsigned i = 0; i < *n; i++)
        if (set[i] == a) {
            set[i] = set[--*n];
            return;
        }
}

static int insert_point(void *tv, enum rsp_point_type type, uint32_t addr, uint32_t kind)
{
    struct timeline_target *t = tv;
    switch (type) {
    case RSP_POINT_SW_BREAK:
    case RSP_POINT_HW_BREAK:
        /* gdb's ARM kinds: 2 a 16-bit Thumb, 3 a 32-bit Thumb (BL pair), 4
         * an A32 instruction. Breakpoints are compiled into translations,
         * so the kind only has to be one of them. */
        if (kind != 2 && kind != 3 && kind != 4)
            return EINVAL;
        if (type == RSP_POINT_HW_BREAK ? !set_add(t->hw, &t->nhw, addr) : !set_add(t->sw, &t->nsw, addr))
            return ENOSPC;
        return tr_breakpoint_insert(addr) ? 0 : ENOSPC;
    case RSP_POINT_WRITE_WATCH:
    case RSP_POINT_READ_WATCH:
    case RSP_POINT_ACCESS_WATCH:
        /* Reads by the kernel (a write() syscall reading the buffer) are not
         * seen: only the program's own loads. */
        return engine_watch_insert((enum watch_kind)type, addr, kind) ? 0 : ENOSPC;
    }
    return ENOSYS;
}

static int remove_point(void *tv, enum rsp_point_type type, uint32_t addr, uint32_t kind)
{
    struct timeline_target *t = tv;
    switch (type) {
    case RSP_POINT_SW_BREAK:
    case RSP_POINT_HW_BREAK:
        if (type == RSP_POINT_HW_BREAK)
            set_del(t->hw, &t->nhw, addr);
        else
            set_del(t->sw, &t->nsw, addr);
        if (!in_set(t->hw, t->nhw, addr) && !in_set(t->sw, t->nsw, addr))
            tr_breakpoint_remove(addr);
        return 0;
    case RSP_POINT_WRITE_WATCH:
    case RSP_POINT_READ_WATCH:
    case RSP_POINT_ACCESS_WATCH:
        engine_watch_remove((enum watch_kind)type, addr, kind);
        return 0;
    default:
        return ENOSYS;
    }
}

/* Whether a signal gdb passes (vCont;C / `signal SIG`) ends the guest: its
 * action is the default and the default is fatal. A fault the guest blocks
 * or ignores is fatal too (the kernel's force_sig resets it). */
static bool passed_signal_kills(const struct linux_proc *p, int sig, bool fault)
{
    if (sig < 1 || sig > GUEST_NSIG)
        return true;
    uint32_t h = p->sig.action[sig].handler;
    bool blocked = (p->sig.blocked & GUEST_SIGBIT(sig)) != 0;
    if (sig == SIGKILL || (fault && (h == GUEST_SIG_IGN || blocked)))
        return true;
    if (blocked || h != GUEST_SIG_DFL)
        return false;
    enum guest_sigdefault d = guest_signal_default(sig);
    return d == SIGDFL_TERM || d == SIGDFL_CORE;
}

/* A stop at a breakpoint at pc: Z1 only -> hwbreak, else swbreak. */
static enum rsp_target_stop_kind break_kind(const struct timeline_target *t, uint32_t pc)
{
    return in_set(t->hw, t->nhw, pc) && !in_set(t->sw, t->nsw, pc) ? RSP_TSTOP_HWBREAK : RSP_TSTOP_SWBREAK;
}

static void to_rsp(struct timeline_target *t, const struct engine_stop *es, struct rsp_target_stop *stop)
{
    memset(stop, 0, sizeof *stop);
    switch (es->kind) {
    case ES_REACHED: stop->kind = RSP_TSTOP_SIGNAL; stop->signal = SIGTRAP; break;
    case ES_BREAKPOINT:
        stop->kind = break_kind(t, t->cpu->r[15]);
        stop->signal = SIGTRAP;
        break;
    case ES_WATCH:
        stop->kind = es->watch_kind == WATCH_READ     ? RSP_TSTOP_RWATCH
                     : es->watch_kind == WATCH_ACCESS ? RSP_TSTOP_AWATCH
                                                      : RSP_TSTOP_WATCH;
        stop->signal = SIGTRAP;
        stop->watch_addr = es->watch_addr;
        break;
    case ES_SIGNAL:
        stop->kind = RSP_TSTOP_SIGNAL;
        stop->signal = (uint8_t)es->signal;
        /* Before delivering a pending signal (not a fault, not a fatal
         * signal already acted on). */
        t->pending_stop = !t->proc->exited && (t->proc->sig.pending & GUEST_SIGBIT(es->signal)) != 0;
        t->pending_stop_at = t->cpu->icount;
        break;
    case ES_EXITED:
        stop->kind = RSP_TSTOP_EXITED;
        stop->exit_status = t->proc->exit_status & 0xff;
        t->outcome = TARGET_EXITED;
        break;
    case ES_INTERRUPTED: stop->kind = RSP_TSTOP_SIGNAL; stop->signal = SIGINT; break;
    case ES_HISTORY_BEGIN: stop->kind = RSP_TSTOP_HISTORY_BEGIN; stop->signal = SIGTRAP; break;
    case ES_HISTORY_END: stop->kind = RSP_TSTOP_HISTORY_END; stop->signal = SIGTRAP; break;
    }
}

struct poll_ctx {
    rsp_interrupt_fn *fn;
    void *server;
};

static bool poll_interrupt(void *ctx)
{
    struct poll_ctx *p = ctx;
    return p->fn && p->fn(p->server);
}

static void resume(void *tv, const struct rsp_resume *how, rsp_interrupt_fn *interrupted, void *server,
                   struct rsp_target_stop *stop)
{
    struct timeline_target *t = tv;
    struct poll_ctx pc = {interrupted, server};
    struct engine_stop es;
    diversion_before_resume(how->reverse);
    bool from_exit_stop = t->at_exit_stop && t->cpu->icount == t->exit_icount && !how->reverse;
    t->at_exit_stop = false;
    /* A pending fatal signal (a fault, raise()) is delivered or dropped. */
    if (t->last.kind == RSP_TSTOP_SIGNAL && t->last.signal != SIGTRAP && t->last.signal != SIGINT &&
        !how->reverse) {
        t->proc->exited = false;
        t->proc->fatal_signal = 0;
    }
    struct guest_fault f = fault_last();
    bool fault = how->signal && t->last.kind == RSP_TSTOP_SIGNAL && t->last.signal == how->signal &&
                 f.sig == how->signal;
    int give = how->reverse ? 0 : how->signal;
    runtime_pass_signal(UINT64_MAX);
    if (t->pending_stop && t->cpu->icount == t->pending_stop_at && !how->reverse) {
        /* Stopped before delivering a pending signal: passed on, it is
         * delivered (the first step of this resume); else it is dropped. */
        if (give == t->last.signal && !passed_signal_kills(t->proc, give, false)) {
            runtime_pass_signal(t->cpu->icount);
            give = 0;
            fault = false;
        } else if (give != t->last.signal) {
            engine_discard_signal(t->last.signal);
        }
    }
    t->pending_stop = false;
    engine_set_signal_stops(!how->reverse);
    if (give && !passed_signal_kills(t->proc, give, fault)) {
        /* The guest takes it: its handler runs (the delivery is the first
         * step of this resume), or it is ignored or left pending. */
        struct guest_signote n = {.code = SI_USER, .pid = guest_pid(), .uid = guest_ident()->uid};
        if (fault)
            n = (struct guest_signote){.code = f.code, .addr = f.addr};
        if (engine_signal(how->signal, &n, fault))
            runtime_pass_signal(t->cpu->icount); /* given by gdb: not reported again */
    } else if (give) {
        memset(stop, 0, sizeof *stop);
        stop->kind = RSP_TSTOP_KILLED;
        stop->signal = how->signal;
        t->outcome = TARGET_SIGNALLED;
        t->final_signal = how->signal;
        t->last = *stop;
        return;
    }
    fault_note(0, 0, 0); /* a signal stop below notes its own fault */
    /* A step of a thread other than the running one (threads run one at a
     * time): timeline_threads.c. The stop is that thread's when its step is
     * done, even if the scheduler switched at the count it reached. */
    int32_t tid = how->op != RSP_RESUME_CONTINUE && how->thread > 0 && guest_thread_alive(how->thread) &&
                          (guest_threads_live() > 1 || how->thread != guest_thread_current_tid())
                      ? how->thread
                      : 0;
    bool moved = false;
    if (how->reverse) {
        if (how->op == RSP_RESUME_CONTINUE)
            engine_continue_back(poll_interrupt, &pc, &es);
        else if (tid)
            tl_step_thread_back(tid, poll_interrupt, &pc, &es, &moved);
        else
            engine_step_back(&es);
    } else if (how->op == RSP_RESUME_CONTINUE) {
        engine_forward(UINT64_MAX, true, poll_interrupt, &pc, &es);
    } else if (how->op == RSP_RESUME_STEP) {
        if (tid)
            tl_step_thread(tid, poll_interrupt, &pc, &es, &moved);
        else
            engine_forward(t->cpu->icount + 1, false, NULL, NULL, &es);
    } else {
        /* Range stepping: one instruction at a time while pc stays inside,
         * stopping at breakpoints like a continue would. */
        for (unsigned long n = 1;; n++) {
            if (tid)
                tl_step_thread(tid, poll_interrupt, &pc, &es, &moved);
            else
                engine_forward(t->cpu->icount + 1, false, NULL, NULL, &es);
            if (es.kind != ES_REACHED || (tid && !moved))
                break;
            uint32_t at = t->cpu->r[15];
            if (tid && !tl_thread_pc(tid, &at))
                break;
            if (at < how->range_start || at >= how->range_end)
                break;
            if (tr_breakpoint_at(at)) {
                es.kind = ES_BREAKPOINT;
                break;
            }
            if ((n & 0xffff) == 0 && poll_interrupt(&pc)) {
                es.kind = ES_INTERRUPTED;
                break;
            }
        }
    }
    engine_set_signal_stops(false); /* monitor seek and reverse moves deliver silently */
    if (es.kind == ES_EXITED && !from_exit_stop) {
        /* The end of the program is not the end of history (rr's rule): the
         * first time a forward move reaches the exit, it stops just before
         * the SVC of exit/exit_group, as a SIGTRAP gdb can reverse from; the
         * next forward move from there really exits (W). */
        engine_step_back(&es);
        memset(stop, 0, sizeof *stop);
        stop->kind = RSP_TSTOP_SIGNAL;
        stop->signal = SIGTRAP;
        t->at_exit_stop = true;
        t->exit_icount = t->cpu->icount;
        t->last = *stop;
        return;
    }
    to_rsp(t, &es, stop);
    /* tid's stop: its step is done (or went as far as the cap), or it
     * reached a breakpoint while another thread runs. Otherwise the
     * running thread's (another thread's breakpoint, a signal, Ctrl-C). */
    if (tid && guest_thread_alive(tid) && guest_thread_current_tid() != tid &&
        (es.kind == ES_REACHED || (es.kind == ES_BREAKPOINT && moved))) {
        stop->thread = tid;
        uint32_t at;
        if (es.kind == ES_BREAKPOINT && tl_thread_pc(tid, &at))
            stop->kind = break_kind(t, at);
    }
    t->last = *stop;
}

static void halt_reason(void *tv, struct rsp_target_stop *stop)
{
    struct timeline_target *t = tv;
    *stop = t->last;
}

static bool has_history(void *tv)
{
    (void)tv;
    return true;
}

static const uint8_t *auxv(void *tv, size_t *len)
{
    struct timeline_target *t = tv;
    *len = t->auxv_len;
    return t->auxv;
}

static const char *exec_file(void *tv)
{
    struct timeline_target *t = tv;
    return t->exe;
}

static uint32_t pid(void *tv)
{
    (void)tv;
    return (uint32_t)guest_pid();
}

struct console {
    rsp_console_fn *fn;
    void *server;
};

static void print_console(void *ctx, const char *text)
{
    struct console *c = ctx;
    c->fn(c->server, text, strlen(text));
}

static int monitor(void *tv, const char *cmd, rsp_console_fn *console, void *server)
{
    struct console c = {console, server};
    return timeline_monitor(tv, cmd, print_console, &c);
}

/* extended-remote `run [N]`: go to instruction count N (default: the start
 * of history); gdb then re-reads all state, which is how a seek shows. */
static int restart(void *tv, const char *arg, struct rsp_target_stop *stop)
{
    struct timeline_target *t = tv;
    uint64_t n = engine_history_start();
    if (arg && *arg && !timeline_parse_icount(arg, &n))
        return EINVAL;
    if (n < engine_history_start())
        return ERANGE;
    diversion_end();
    struct engine_stop es;
    engine_seek(n, &es);
    to_rsp(t, &es, stop);
    t->last = *stop;
    if (t->outcome == TARGET_KILLED)
        t->outcome = TARGET_RUNNING;
    return 0;
}

/* Killed at the exit stop: the program was leaving anyway, so it exits
 * with its own status (the SVC it stopped before is run). */
static int file_open(void *tv, const char *path, uint32_t flags, uint32_t mode)
{
    (void)tv;
    return tf_open(path, flags, mode);
}

static int64_t file_pread(void *tv, int fd, void *buf, uint32_t count, uint64_t offset)
{
    (void)tv;
    return tf_pread(fd, buf, count, offset);
}

static int file_fstat(void *tv, int fd, struct rsp_file_stat *st)
{
    (void)tv;
    return tf_fstat(fd, st);
}

static int file_close(void *tv, int fd)
{
    (void)tv;
    return tf_close(fd);
}

static int64_t file_readlink(void *tv, const char *path, char *buf, size_t len)
{
    (void)tv;
    return tf_readlink(path, buf, len);
}

static int libraries(void *tv, struct rsp_library *out, unsigned max, uint32_t *main_lm)
{
    struct timeline_target *t = tv;
    return tf_libraries(t->auxv, t->auxv_len, out, max, main_lm);
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The siginfo the guest kernel would give for the signal of this stop
 * (arch/arm layout: si_signo, si_errno, si_code, then si_addr at offset
 * 12), for the signals whose origin the translator noted: a fault (SIGSEGV,
 * SIGBUS with the faulting address; for an instruction fetch the first byte
 * that cannot be fetched), an undefined instruction (SIGILL) and a BKPT
 * (SIGTRAP), at their pc. Other stops: ENOENT (gdb: no siginfo). */
static int siginfo(void *tv, uint8_t out[128])
{
    struct timeline_target *t = tv;
    struct guest_fault f = fault_last();
    if (t->last.kind != RSP_TSTOP_SIGNAL || f.sig == 0 || f.sig != t->last.signal)
        return ENOENT;
    memset(out, 0, 128);
    put_le32(out, (uint32_t)f.sig);
    put_le32(out + 8, (uint32_t)f.code);
    put_le32(out + 12, f.addr);
    return 0;
}

static void kill_target(void *tv)
{
    struct timeline_target *t = tv;
    tf_close_all();
    diversion_end();
    t->outcome = TARGET_KILLED;
    if (t->at_exit_stop && t->cpu->icount == t->exit_icount) {
        struct engine_stop es;
        engine_forward(t->cpu->icount + 1, false, NULL, NULL, &es);
        if (es.kind == ES_EXITED)
            t->outcome = TARGET_EXITED;
    }
}

/* Stopped before delivering a pending signal the program must not get. */
static void drop_signal(void *tv)
{
    struct timeline_target *t = tv;
    if (t->pending_stop && t->cpu->icount == t->pending_stop_at && engine_discard_signal(t->last.signal))
        t->pending_stop = false;
}

static void detach(void *tv)
{
    struct timeline_target *t = tv;
    tf_close_all();
    /* Writes at the end of history stay, as with gdbserver; a diversion
     * in the past or a call goes. */
    diversion_before_resume(false);
    diversion_end();
    t->outcome = TARGET_DETACHED;
}

const struct rsp_target_ops timeline_target_ops = {
    .read_regs = regs,
    .read_reg = reg,
    .write_reg = write_reg,
    .read_mem = read_mem,
    .write_mem = write_mem,
    .insert_point = insert_point,
    .remove_point = remove_point,
    .resume = resume,
    .halt_reason = halt_reason,
    .has_history = has_history,
    .auxv = auxv,
    .exec_file = exec_file,
    .pid = pid,
    .monitor = monitor,
    .restart = restart,
    .file_open = file_open,
    .file_pread = file_pread,
    .file_fstat = file_fstat,
    .file_close = file_close,
    .file_readlink = file_readlink,
    .libraries = libraries,
    .siginfo = siginfo,
    .threads = tl_threads,
    .current_thread = tl_current_thread,
    .thread_regs = tl_thread_regs,
    .kill = kill_target,
    .detach = detach,
    .drop_signal = drop_signal,
};
