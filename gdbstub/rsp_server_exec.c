/* RSP server handlers for the target's state and execution: registers,
 * memory, breakpoints/watchpoints, resumes (c/s/C/S/bc/bs/vCont) and the stop
 * replies they end with. Each leaves exactly one reply in s->reply (see
 * rsp_server_impl.h). Once a W or X was reported the process is gone: like
 * gdbserver, everything that needs it is answered E01 and '?' repeats the
 * W/X; the target is not asked again. */
#include <errno.h>
#include <string.h>

#include "gdbstub/rsp_signals.h"
#include "gdbstub/rsp_server_impl.h"

static uint32_t le32(const uint8_t *b) {
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static bool gone(struct rsp_server *s) {
    if (s->exited)
        rsp_reply_error(&s->reply, SRV_ERR_GONE);
    return s->exited;
}

/* G/P for a thread that is not running: refused (E01, EPERM), as writes
 * into the recorded past are; the target writes only the running CPU. */
static bool other_thread_write(struct rsp_server *s) {
    if (!srv_regs_thread(s))
        return false;
    rsp_reply_error(&s->reply, SRV_ERR_GONE);
    return true;
}

/* ---- stop replies ---- */

static void stop_reply(struct rsp_server *s, const struct rsp_target_stop *st) {
    if (st->kind == RSP_TSTOP_EXITED || st->kind == RSP_TSTOP_KILLED) {
        s->exited = true;
        s->exit_stop = *st;
        if (st->kind == RSP_TSTOP_EXITED)
            rsp_reply_exited(&s->reply, (uint8_t)st->exit_status);
        else
            rsp_reply_killed(&s->reply, rsp_signal_to_gdb(st->signal));
        return;
    }
    struct rsp_stop out = {.signal = 5};
    srv_stop_thread(s, st->thread, &out); /* and g/p now mean that thread */
    memset(s->regs, 0, sizeof(s->regs));
    if (srv_regs_of(s, s->regs)) {
        out.has_regs = true;
        out.pc = le32(s->regs + rsp_reg_offset(RSP_REG_PC));
        out.sp = le32(s->regs + rsp_reg_offset(RSP_REG_SP));
    }
    switch (st->kind) {
    case RSP_TSTOP_SIGNAL:
        out.signal = rsp_signal_to_gdb(st->signal);
        break;
    case RSP_TSTOP_SWBREAK: /* the reason only if gdb said it understands it */
        if (s->gdb_features & RSP_GDB_SWBREAK)
            out.reason = RSP_STOP_SWBREAK;
        break;
    case RSP_TSTOP_HWBREAK:
        if (s->gdb_features & RSP_GDB_HWBREAK)
            out.reason = RSP_STOP_HWBREAK;
        break;
    case RSP_TSTOP_WATCH:
        out.reason = RSP_STOP_WATCH;
        out.watch_addr = st->watch_addr;
        break;
    case RSP_TSTOP_RWATCH:
        out.reason = RSP_STOP_RWATCH;
        out.watch_addr = st->watch_addr;
        break;
    case RSP_TSTOP_AWATCH:
        out.reason = RSP_STOP_AWATCH;
        out.watch_addr = st->watch_addr;
        break;
    case RSP_TSTOP_HISTORY_BEGIN:
        out.reason = RSP_STOP_REPLAYLOG_BEGIN;
        break;
    case RSP_TSTOP_HISTORY_END:
        out.reason = RSP_STOP_REPLAYLOG_END;
        break;
    default: /* EXITED/KILLED above; anything else: a plain SIGTRAP stop */
        break;
    }
    rsp_reply_stop(&s->reply, &out);
}

void srv_halt_reason(struct rsp_server *s) {
    if (s->exited) { /* gdbserver answers '?' after an exit with the W/X again */
        stop_reply(s, &s->exit_stop);
        return;
    }
    struct rsp_target_stop st = {.kind = RSP_TSTOP_SIGNAL, .signal = 5};
    s->ops->halt_reason(s->t, &st);
    stop_reply(s, &st);
}

/* ---- registers ---- */

void srv_read_regs(struct rsp_server *s) {
    if (gone(s))
        return;
    memset(s->regs, 0, sizeof(s->regs));
    if (!srv_regs_of(s, s->regs)) { /* the Hg thread is gone */
        rsp_reply_error(&s->reply, SRV_ERR_GONE);
        return;
    }
    rsp_reply_hex(&s->reply, s->regs, sizeof(s->regs));
}

/* G: the whole file; only the registers whose value changes are written, so a
 * G that repeats what g said succeeds even where writes are refused. */
void srv_write_regs(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s) || other_thread_write(s))
        return;
    if (q->u.regs.len != RSP_G_PACKET_BYTES) {
        rsp_reply_error(&s->reply, RSP_ERR_INVAL);
        return;
    }
    memset(s->regs, 0, sizeof(s->regs));
    s->ops->read_regs(s->t, s->regs);
    for (unsigned n = 0; n < RSP_REG_COUNT; n++) {
        unsigned size = rsp_reg_size(n);
        const uint8_t *v = q->u.regs.data + rsp_reg_offset(n);
        if (memcmp(v, s->regs + rsp_reg_offset(n), size) == 0)
            continue;
        int e = s->ops->write_reg(s->t, n, v, size);
        if (e) {
            rsp_reply_error(&s->reply, srv_err(e));
            return;
        }
    }
    rsp_reply_ok(&s->reply);
}

void srv_read_reg(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s))
        return;
    unsigned size = rsp_reg_size(q->u.reg.num);
    uint8_t v[RSP_MAX_REG_BYTES] = {0};
    if (size && srv_regs_thread(s)) { /* another thread's: from its whole file */
        memset(s->regs, 0, sizeof(s->regs));
        if (!srv_regs_of(s, s->regs)) {
            rsp_reply_error(&s->reply, SRV_ERR_GONE);
            return;
        }
        memcpy(v, s->regs + rsp_reg_offset(q->u.reg.num), size);
    } else if (size == 0 || s->ops->read_reg(s->t, q->u.reg.num, v) != size) {
        rsp_reply_error(&s->reply, RSP_ERR_INVAL);
        return;
    }
    rsp_reply_hex(&s->reply, v, size);
}

void srv_write_reg(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s) || other_thread_write(s))
        return;
    unsigned size = rsp_reg_size(q->u.reg.num);
    if (size == 0 || q->u.reg.len != size) {
        rsp_reply_error(&s->reply, RSP_ERR_INVAL);
        return;
    }
    int e = s->ops->write_reg(s->t, q->u.reg.num, q->u.reg.value, size);
    if (e)
        rsp_reply_error(&s->reply, srv_err(e));
    else
        rsp_reply_ok(&s->reply);
}

/* ---- memory ---- */

/* m: the readable prefix; nothing readable -> E0e (gdbserver says E01 for
 * any failure; gdb reads no meaning into the number). */
void srv_read_mem(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s) || q->u.mem.len == 0) /* len 0: empty hex, as gdbserver */
        return;
    uint32_t n = s->ops->read_mem(s->t, q->u.mem.addr, s->mem, q->u.mem.len);
    if (n > q->u.mem.len)
        n = q->u.mem.len;
    if (n == 0)
        rsp_reply_error(&s->reply, RSP_ERR_FAULT);
    else
        rsp_reply_hex(&s->reply, s->mem, n);
}

/* M/X. "X addr,0:" is gdb's probe for X support: OK without the target. */
void srv_write_mem(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s))
        return;
    int e = q->u.mem.len ? s->ops->write_mem(s->t, q->u.mem.addr, q->u.mem.data, q->u.mem.len) : 0;
    if (e)
        rsp_reply_error(&s->reply, srv_err(e));
    else
        rsp_reply_ok(&s->reply);
}

/* Z/z: ENOSYS means "this type is not supported": an empty reply, which
 * makes gdb fall back (e.g. to its own single-stepping for watchpoints). */
void srv_point(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s))
        return;
    int e = q->kind == RSP_REQ_INSERT_POINT
                ? s->ops->insert_point(s->t, q->u.point.type, q->u.point.addr, q->u.point.kind)
                : s->ops->remove_point(s->t, q->u.point.type, q->u.point.addr, q->u.point.kind);
    if (e == 0)
        rsp_reply_ok(&s->reply);
    else if (e != ENOSYS)
        rsp_reply_error(&s->reply, srv_err(e));
}

/* ---- resume ---- */

/* A signal stop gdb asked not to hear about (QPassSignals): as gdbserver,
 * the signal goes to the program and the same resume goes on. SIGTRAP and
 * SIGINT stops are the debugger's own. */
static bool passed_silently(const struct rsp_server *s, const struct rsp_target_stop *st) {
    return st->kind == RSP_TSTOP_SIGNAL && st->signal != 5 && st->signal != 2 && st->signal >= 1 &&
           st->signal <= 64 && (s->pass_signals & (1ull << (st->signal - 1)));
}

static void run(struct rsp_server *s, const struct rsp_resume *how) {
    if (how->reverse && !s->ops->has_history(s->t))
        return; /* empty: "Target does not support this command." */
    s->interrupt_seen = false; /* a 0x03 from before this resume is stale */
    struct rsp_target_stop st = {.kind = RSP_TSTOP_SIGNAL, .signal = 5};
    struct rsp_resume again = *how;
    for (;;) {
        s->ops->resume(s->t, &again, srv_interrupted, s, &st);
        if (how->reverse || !passed_silently(s, &st) || s->interrupt_seen)
            break;
        again.signal = st.signal;
    }
    s->last_stop = st;
    stop_reply(s, &st);
}

static uint64_t linux_set(const struct rsp_request *q) {
    uint64_t set = 0;
    for (unsigned g = 1; g < 256; g++) {
        int sig = (q->u.signals.set[g / 64] >> (g % 64)) & 1 ? rsp_signal_from_gdb((uint8_t)g) : 0;
        if (sig >= 1 && sig <= 64)
            set |= 1ull << (sig - 1);
    }
    return set;
}

/* QPassSignals / QProgramSignals: each list replaces the previous one. */
void srv_signal_lists(struct rsp_server *s, const struct rsp_request *q) {
    if (q->kind == RSP_REQ_PASS_SIGNALS)
        s->pass_signals = linux_set(q);
    else
        s->program_signals = linux_set(q);
    rsp_reply_ok(&s->reply);
}

/* c/s/C/S [addr] and bc/bs. */
void srv_resume(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s))
        return;
    if (q->u.resume.has_addr) {
        uint8_t pc[4] = {(uint8_t)q->u.resume.addr, (uint8_t)(q->u.resume.addr >> 8),
                         (uint8_t)(q->u.resume.addr >> 16), (uint8_t)(q->u.resume.addr >> 24)};
        int e = s->ops->write_reg(s->t, RSP_REG_PC, pc, sizeof(pc));
        if (e) {
            rsp_reply_error(&s->reply, srv_err(e));
            return;
        }
    }
    struct rsp_resume how = {
        .op = q->u.resume.step ? RSP_RESUME_STEP : RSP_RESUME_CONTINUE,
        .reverse = q->u.resume.reverse,
        .signal = q->u.resume.has_signal ? (uint8_t)rsp_signal_from_gdb(q->u.resume.signal) : 0,
        .thread = q->u.resume.step ? srv_resume_thread(s) : 0, /* bs: gdb names the thread by Hc */
    };
    run(s, &how);
}

/* vCont: the action srv_vcont_pick chooses (threads run one at a time);
 * none applying to a live thread is an error. */
void srv_vcont(struct rsp_server *s, const struct rsp_request *q) {
    if (gone(s))
        return;
    int32_t thread;
    const struct rsp_vcont_action *a = srv_vcont_pick(s, q, &thread);
    if (!a) {
        rsp_reply_error(&s->reply, RSP_ERR_INVAL);
        return;
    }
    struct rsp_resume how = {.op = RSP_RESUME_CONTINUE, .thread = thread};
    switch (a->op) {
    case RSP_VCONT_CONTINUE:
        how.thread = 0;
        break;
    case RSP_VCONT_CONTINUE_SIG:
        how.signal = (uint8_t)rsp_signal_from_gdb(a->signal);
        how.thread = 0;
        break;
    case RSP_VCONT_STEP_SIG:
        how.signal = (uint8_t)rsp_signal_from_gdb(a->signal);
        how.op = RSP_RESUME_STEP;
        break;
    case RSP_VCONT_STEP:
        how.op = RSP_RESUME_STEP;
        break;
    case RSP_VCONT_RANGE:
        how.op = RSP_RESUME_RANGE;
        how.range_start = a->start;
        how.range_end = a->end;
        break;
    }
    run(s, &how);
}

void srv_run(struct rsp_server *s, const struct rsp_request *q) {
    if (!s->extended || !s->ops->restart)
        return; /* empty: not supported */
    struct rsp_target_stop st;
    memset(&st, 0, sizeof st);
    int e = s->ops->restart(s->t, q->u.run.arg, &st);
    if (e) {
        rsp_reply_error(&s->reply, (uint8_t)e);
        return;
    }
    s->exited = false;
    s->killed = false;
    s->c_thread = RSP_TID_ANY;
    stop_reply(s, &st);
}
