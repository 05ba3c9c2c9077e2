/* RSP server handlers for general queries: qSupported, the qXfer objects,
 * qOffsets, qSymbol and qRcmd with its console output (the thread queries
 * are rsp_server_threads.c's). Each leaves exactly one reply in s->reply (see
 * rsp_server_impl.h); only qRcmd sends packets of its own, the O console
 * packets before its final reply. */
#include <string.h>

#include "gdbstub/rsp_server_impl.h"

/* rsp_console_fn for ops->monitor: the text as O packets, each at most
 * RSP_MAX_REPLY long once hex-encoded. */
static void console(void *server, const char *text, size_t len) {
    struct rsp_server *s = server;
    const size_t chunk = (RSP_MAX_REPLY - 1) / 2;
    if (!s->in_monitor || !text)
        return; /* called outside qRcmd: there is nobody to tell */
    while (len) {
        size_t n = len < chunk ? len : chunk;
        rsp_reply_console(&s->reply, text, n);
        size_t dl;
        const uint8_t *d = rsp_reply_data(&s->reply, &dl);
        rsp_framer_send(s->framer, d, dl);
        text += n;
        len -= n;
    }
    rsp_reply_reset(&s->reply);
}

static void monitor(struct rsp_server *s, const struct rsp_request *q) {
    if (q->u.monitor.len == 4 && !memcmp(q->u.monitor.text, "exit", 4)) {
        /* gdbserver's own `monitor exit` (gdb's testsuite ends every
         * session with it): the program is killed, as gdbserver kills the
         * processes it started, and the server ends after this reply. */
        if (!s->exited) {
            s->ops->kill(s->t);
            s->killed = true;
        }
        rsp_reply_ok(&s->reply);
        s->ended = true;
        s->end = RSP_END_KILL;
        return;
    }
    s->in_monitor = true;
    int e = s->ops->monitor(s->t, q->u.monitor.text, console, s);
    s->in_monitor = false;
    if (e)
        rsp_reply_error(&s->reply, srv_err(e));
    else
        rsp_reply_ok(&s->reply);
}

/* qXfer errors, as gdb documents them: E00 for a bad annex, Enn for a read
 * that failed. */
static void xfer(struct rsp_server *s, const struct rsp_request *q) {
    const void *obj = NULL;
    size_t len = 0;
    switch (q->kind) {
    case RSP_REQ_XFER_FEATURES:
        if (strcmp(q->u.xfer.annex, "target.xml") != 0) {
            rsp_reply_error(&s->reply, 0);
            return;
        }
        obj = rsp_target_xml(&len);
        break;
    case RSP_REQ_XFER_AUXV:
        if (s->exited) {
            rsp_reply_error(&s->reply, SRV_ERR_GONE);
            return;
        }
        obj = s->ops->auxv(s->t, &len);
        if (!obj)
            len = 0;
        break;
    default: /* RSP_REQ_XFER_EXEC_FILE */
        if (q->u.xfer.has_pid && q->u.xfer.pid != s->ops->pid(s->t)) {
            rsp_reply_error(&s->reply, 0);
            return;
        }
        obj = s->ops->exec_file(s->t);
        if (!obj) {
            rsp_reply_error(&s->reply, 0x02); /* ENOENT: gdb goes on without a file */
            return;
        }
        len = strlen(obj);
        break;
    }
    rsp_reply_xfer(&s->reply, obj, len, q->u.xfer.offset, q->u.xfer.length);
}

bool srv_query(struct rsp_server *s, const struct rsp_request *q) {
    struct rsp_reply *r = &s->reply;
    switch (q->kind) {
    case RSP_REQ_QSUPPORTED:
        s->gdb_features = q->u.supported.gdb_features;
        s->multiprocess = s->offer_multiprocess && (s->gdb_features & RSP_GDB_MULTIPROCESS);
        rsp_reply_supported_with(r, s->ops->has_history(s->t), s->ops->libraries != NULL);
        if (s->ops->siginfo)
            rsp_reply_str(r, ";qXfer:siginfo:read+");
        if (s->offer_multiprocess)
            rsp_reply_str(r, ";multiprocess+");
        return true;
    case RSP_REQ_XFER_SIGINFO: {
        uint8_t si[128];
        int e;
        if (!s->ops->siginfo)
            rsp_reply_reset(r); /* unsupported: empty */
        else if (s->exited)
            rsp_reply_error(r, SRV_ERR_GONE);
        else if ((e = s->ops->siginfo(s->t, si)) != 0)
            rsp_reply_error(r, srv_err(e));
        else
            rsp_reply_xfer(r, si, sizeof si, q->u.xfer.offset, q->u.xfer.length);
        return true;
    }
    case RSP_REQ_XFER_FEATURES:
    case RSP_REQ_XFER_AUXV:
    case RSP_REQ_XFER_EXEC_FILE:
        xfer(s, q);
        return true;
    case RSP_REQ_ATTACHED: /* we created the process: gdb kills it on quit */
        rsp_reply_str(r, "0");
        return true;
    case RSP_REQ_OFFSETS:
        rsp_reply_str(r, "Text=0;Data=0;Bss=0");
        return true;
    case RSP_REQ_SYMBOL: /* we look up no symbols */
        rsp_reply_ok(r);
        return true;
    case RSP_REQ_MONITOR:
        monitor(s, q);
        return true;
    default:
        return srv_thread_query(s, q);
    }
}
