/* RSP server handlers for threads, as gdbserver serves them in all-stop
 * mode: the thread list (qfThreadInfo/qsThreadInfo), qC, T (alive), Hg/Hc
 * (which thread g/p/G/P and s/c/bs/bc mean), and which vCont action runs.
 * A target without thread ops has one thread whose id is the pid.
 *
 * The threads run one at a time (the target's business): "the current
 * thread" is the one running now. After a stop Hg is set to the thread the
 * stop reply named, because gdb assumes so (it records the stop's thread
 * as the stub's general thread and sends no Hg for it).
 * Thread ids go out in the multiprocess form p<pid>.<tid> only once both
 * sides announced multiprocess+. */
#include "gdbstub/rsp_server_impl.h"

unsigned srv_threads(struct rsp_server *s, int32_t *tids, unsigned max) {
    if (!s->ops->threads) {
        uint32_t pid = s->ops->pid(s->t);
        if (max)
            tids[0] = pid <= INT32_MAX ? (int32_t)pid : 0;
        return 1;
    }
    return s->ops->threads(s->t, tids, max);
}

int32_t srv_current_thread(struct rsp_server *s) {
    if (s->ops->threads && s->ops->current_thread)
        return s->ops->current_thread(s->t);
    uint32_t pid = s->ops->pid(s->t);
    return pid <= INT32_MAX ? (int32_t)pid : 0;
}

bool srv_thread_alive(struct rsp_server *s, int32_t tid) {
    if (s->exited || tid <= 0)
        return false;
    int32_t tids[SRV_MAX_THREADS];
    unsigned n = srv_threads(s, tids, SRV_MAX_THREADS);
    for (unsigned i = 0; i < n && i < SRV_MAX_THREADS; i++)
        if (tids[i] == tid)
            return true;
    return false;
}

/* The pid to put in thread ids: nonzero only in multiprocess form. */
static uint32_t id_pid(struct rsp_server *s) { return s->multiprocess ? s->ops->pid(s->t) : 0; }

void srv_stop_thread(struct rsp_server *s, int32_t tid, struct rsp_stop *out) {
    out->thread = tid > 0 && srv_thread_alive(s, tid) ? tid : srv_current_thread(s);
    out->pid = id_pid(s);
    /* Explicit, not "the current one": gdb believes the general thread is
     * this one until it sends another Hg, even after a monitor seek has
     * changed which thread runs. */
    s->g_thread = out->thread;
}

int32_t srv_regs_thread(struct rsp_server *s) {
    if (s->g_thread <= 0 || !s->ops->thread_regs || s->g_thread == srv_current_thread(s))
        return 0;
    return s->g_thread;
}

bool srv_regs_of(struct rsp_server *s, uint8_t *out) {
    int32_t tid = srv_regs_thread(s);
    if (!tid) {
        s->ops->read_regs(s->t, out);
        return true;
    }
    return s->ops->thread_regs(s->t, tid, out);
}

/* Hc's thread; with Hc0/Hc-1 ("resume all", what gdb 13 sends before a bs
 * when scheduler-locking is off) the Hg thread steps, as gdbserver's
 * myresume steps its current (general) thread: gdb selects the thread it
 * steps with Hg when it reads its registers. */
int32_t srv_resume_thread(struct rsp_server *s) {
    if (s->c_thread > 0 && srv_thread_alive(s, s->c_thread))
        return s->c_thread;
    if (s->c_thread <= 0 && s->g_thread > 0 && srv_thread_alive(s, s->g_thread))
        return s->g_thread;
    return 0;
}

/* ---- vCont: which action runs ---- */

static bool is_step(const struct rsp_vcont_action *a) {
    return a->op == RSP_VCONT_STEP || a->op == RSP_VCONT_STEP_SIG || a->op == RSP_VCONT_RANGE;
}

/* The action thread tid takes: the leftmost whose id matches it (no id, -1
 * and 0 match every thread). */
static const struct rsp_vcont_action *action_for(const struct rsp_request *q, int32_t tid) {
    for (unsigned i = 0; i < q->u.vcont.count; i++) {
        int32_t a = q->u.vcont.actions[i].tid;
        if (a == RSP_TID_ALL || a == RSP_TID_ANY || a == tid)
            return &q->u.vcont.actions[i];
    }
    return NULL;
}

/* With the threads running one at a time, one request does one thing: a
 * step (range) of the thread that was named in it (gdb names the thread it
 * steps: vCont;s:T;c), or of the current thread when the step applies to
 * all; else a continue, with the signal of the first continue action that
 * carries one (gdb's vCont;C<sig>:T;c). NULL: no live thread has an
 * action. */
const struct rsp_vcont_action *srv_vcont_pick(struct rsp_server *s, const struct rsp_request *q, int32_t *thread) {
    int32_t tids[SRV_MAX_THREADS];
    unsigned n = srv_threads(s, tids, SRV_MAX_THREADS);
    if (n > SRV_MAX_THREADS)
        n = SRV_MAX_THREADS;
    int32_t cur = srv_current_thread(s);
    const struct rsp_vcont_action *cont = NULL, *cur_action = NULL;
    *thread = 0;
    for (unsigned i = 0; i < n; i++) {
        const struct rsp_vcont_action *a = action_for(q, tids[i]);
        if (!a)
            continue;
        if (tids[i] == cur)
            cur_action = a;
        if (is_step(a) && a->tid == tids[i]) {
            *thread = a->tid;
            return a;
        }
        if (!is_step(a) && (!cont || (!cont->signal && a->signal)))
            cont = a;
    }
    if (cur_action && is_step(cur_action))
        return cur_action; /* s, -1 or 0: the running thread steps */
    return cont;
}

/* ---- queries ---- */

static void thread_list(struct rsp_server *s) {
    int32_t tids[SRV_MAX_THREADS];
    unsigned n = srv_threads(s, tids, SRV_MAX_THREADS);
    if (s->exited || n == 0) {
        rsp_reply_str(&s->reply, "l");
        return;
    }
    if (n > SRV_MAX_THREADS)
        n = SRV_MAX_THREADS;
    /* All in one packet (gdbserver sends one per qsThreadInfo; gdb takes a
     * list either way): then qsThreadInfo ends it. */
    rsp_reply_str(&s->reply, "m");
    for (unsigned i = 0; i < n; i++) {
        if (i)
            rsp_reply_str(&s->reply, ",");
        rsp_reply_thread_id(&s->reply, id_pid(s), tids[i]);
    }
}

/* H and T of a thread that is not (or no longer) there: E01, as gdbserver. */
static void set_thread(struct rsp_server *s, const struct rsp_request *q) {
    int32_t tid = q->u.set_thread.tid;
    if (s->exited || (tid != RSP_TID_ALL && tid != RSP_TID_ANY && !srv_thread_alive(s, tid))) {
        rsp_reply_error(&s->reply, SRV_ERR_GONE);
        return;
    }
    if (tid == RSP_TID_ALL)
        tid = RSP_TID_ANY;
    if (q->u.set_thread.op == 'g')
        s->g_thread = tid;
    else
        s->c_thread = tid; /* Hc: for s/c/bs/bc (gdb sends vCont forward) */
    rsp_reply_ok(&s->reply);
}

bool srv_thread_query(struct rsp_server *s, const struct rsp_request *q) {
    struct rsp_reply *r = &s->reply;
    switch (q->kind) {
    case RSP_REQ_CURRENT_THREAD:
        rsp_reply_str(r, "QC");
        rsp_reply_thread_id(r, id_pid(s), srv_current_thread(s) & 0x7fffffff);
        return true;
    case RSP_REQ_THREAD_INFO_FIRST:
        thread_list(s);
        return true;
    case RSP_REQ_THREAD_INFO_NEXT:
        rsp_reply_str(r, "l");
        return true;
    case RSP_REQ_SET_THREAD:
        set_thread(s, q);
        return true;
    case RSP_REQ_THREAD_ALIVE:
        if (srv_thread_alive(s, q->u.tid))
            rsp_reply_ok(r);
        else
            rsp_reply_error(r, SRV_ERR_GONE);
        return true;
    default:
        return false;
    }
}
